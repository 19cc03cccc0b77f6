"""The marker <!-- kalkulator: <id> --> becomes the calculator; a wrong marker names the page."""

from __future__ import annotations

import pytest

from calculators.engine import registry
from calculators.site import bundle, eksport, markers, memo_document, profile

MODEL_ID = registry.model_ids()[0]


def test_marker_ids_lists_the_models_a_page_asks_for_in_order() -> None:
    ids = registry.model_ids()
    markdown = "\n\n".join(f"<!-- kalkulator: {model_id} -->" for model_id in reversed(ids))
    assert markers.marker_ids(markdown, "side.md") == list(reversed(ids))


def test_an_unknown_marker_names_the_page_and_the_models_there_are() -> None:
    with pytest.raises(markers.MarkerError) as error:
        markers.marker_ids("<!-- kalkulator: familia -->", "okonomi/side.md")
    message = str(error.value)
    assert message.startswith("okonomi/side.md: <!-- kalkulator: familia --> – ukjent kalkulator")
    assert all(model_id in message for model_id in registry.model_ids())


def test_embed_replaces_the_marker_with_form_and_the_first_step() -> None:
    assets: dict[str, str] = {}
    html = markers.embed(f"<p>før</p>\n<!-- kalkulator: {MODEL_ID} -->\n<p>etter</p>", "side.md",
                       lambda path: "../" + path, assets)
    path, code = bundle.asset(registry.load(MODEL_ID))
    export_path, export_code = eksport.asset(registry.load(MODEL_ID))
    runtime_path, runtime_code = bundle.runtime_asset()
    start_path, start_code = bundle.start_asset()
    uncertainty_path, uncertainty_code = bundle.uncertainty_asset()
    later_path, later_code = bundle.later_asset()
    assert assets == {path: code, export_path: export_code, runtime_path: runtime_code, start_path: start_code,
                      uncertainty_path: uncertainty_code, later_path: later_code,
                      memo_document.SITE_PATH: memo_document.script()}  # the memo's skeletons, beside the export
    assert "<!-- kalkulator" not in html
    assert f'data-vl-calc="{MODEL_ID}"' in html
    # The page loads only the first step; it names the runtime, the model's file and what they load later.
    assert (f'<script src="../{start_path}" data-vl-start="{MODEL_ID}" data-vl-runtime="../{runtime_path}" '
            f'data-vl-kode="../{path}" data-vl-eksport="../{export_path}" '
            f'data-vl-usikkerhet="../{uncertainty_path}" data-vl-mer="../{later_path}" data-vl-profil="../{profile.runtime_asset()[0]}" '
            'defer></script>') in html  # issue 29: profil.js, loaded only when a profile is stored
    assert html.count("<script") == 1
    assert html.startswith("<p>før</p>") and html.endswith("<p>etter</p>")

