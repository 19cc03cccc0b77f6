"""calculators/eksport.py: what the export code gets per model, and clear messages for mistakes."""

from __future__ import annotations

import json

import pytest

from calculators import eksport, finance, registry
from calculators.model import BUDGET_HOLDERS


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_every_model_has_a_workbook_declaration_and_a_left_out_list(model_id: str) -> None:
    model = registry.load(model_id)
    data = eksport.data(model)
    assert data["left_out"] and all(item and "**" not in item and "](" not in item for item in data["left_out"])
    assert data["workbook"]["step_years"] == finance.R109_STEP_YEARS
    assert [i["id"] for i in data["inputs"]] == [i.id for i in model.inputs]
    assert all(i["source"]["status"] in ("kilde", "illustrasjon") for i in data["inputs"])
    assert data["texts"]["notat"]["deler"]["sammendrag"] == "Sammendrag"
    json.dumps(data)  # embeddable as JSON


def test_the_export_file_joins_the_zip_writer_the_export_code_and_the_data() -> None:
    path, code = eksport.asset(registry.load("familie"))
    assert path.startswith("assets/eksport/familie.") and path.endswith(".js")
    assert "window.vlZip = " in code and "globalThis.vlEksport = " in code
    assert "globalThis.vlEksport.register(" in code and "format_output" in code


def test_the_kommune_sum_is_the_kommunes_own_budgets_not_the_other_kommuner() -> None:
    own = eksport.sum_holders("kommune")
    assert own == [h.id for h in BUDGET_HOLDERS[:finance.OWN_KOMMUNE_HOLDERS]]
    assert "andre_kommuner" not in own
    assert "samfunnet" not in eksport.sum_holders("offentlig")
    assert len(eksport.sum_holders("alle")) == len(BUDGET_HOLDERS)


def test_the_method_pages_bullets_become_plain_text() -> None:
    # A link says where on the site it points: the memo has no links to the site's pages.
    assert eksport._plain("**Livskvalitet.** Se [notatboken](metode.ipynb) og *dette*.") == \
        "Livskvalitet. Se notatboken (på nettstedet) og dette."
    assert eksport._plain("se [Usikkerhet](#usikkerhet)") == "se Usikkerhet (i metoden på nettstedet)"
    assert eksport.page_url("okonomi/metode-familie.md") == "okonomi/metode-familie/"
    assert eksport.page_url("okonomi/index.md") == "okonomi/"


def test_a_wrong_declaration_names_the_file_and_each_field(monkeypatch) -> None:
    config = eksport.config()
    config["modeller"]["familie"] = {"kontantstrom": "nnv_offentlig", "naverdi": "netto", "rente": "renta",
                                     "summer": {"by": "nnv_kommune"}, "metodeside": "okonomi/finnes-ikke.md"}
    monkeypatch.setattr(eksport, "config", lambda: config)
    with pytest.raises(eksport.ExportError) as error:
        eksport.data(registry.load("familie"))
    message = str(error.value)
    for field in ("modeller.familie.kontantstrom", "modeller.familie.naverdi", "modeller.familie.rente",
                  "modeller.familie.summer.by", "modeller.familie.metodeside"):
        assert f"calculators/eksport.yaml: {field}" in message


def test_a_missing_model_entry_is_named(monkeypatch) -> None:
    config = eksport.config()
    del config["modeller"]["utenforskap"]
    monkeypatch.setattr(eksport, "config", lambda: config)
    with pytest.raises(eksport.ExportError, match="modeller.utenforskap mangler"):
        eksport.data(registry.load("utenforskap"))
