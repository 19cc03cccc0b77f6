"""Markers in Markdown become calculators: ``<!-- kalkulator: <id> -->`` on a line of its own.

The stage (``sitegen/stage.py``) calls these functions and writes what they make; the Markdown
extension (``sitegen/markdown_ext.py``) puts each calculator in place of its marker and in the
table of contents. Nothing here knows MkDocs (tests/test_sitegen.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from calculators.engine import registry
from calculators.engine.translate import TranslationError
from calculators.site import buildcache, bundle, eksport, memo_document, profile, render
from veileder.markdown_code import blank_code

MARKER = re.compile(r"<!--\s*kalkulator:\s*([^\s>]*)\s*-->")


class MarkerError(ValueError):
    """A marker naming no model, or a model that cannot be built; names the page."""


def marker_ids(markdown: str, page: str) -> list[str]:
    """The model ids a page asks for (a marker in code is text: ``veileder.markdown_code``);
    unknown ids raise ``MarkerError`` naming the page."""
    ids = MARKER.findall(blank_code(markdown))
    known = registry.model_ids()
    for model_id in ids:
        if model_id not in known:
            raise MarkerError(f"{page}: <!-- kalkulator: {model_id} --> – ukjent kalkulator; "
                              f"finnes: {', '.join(known)}")
    return ids


def embed(html: str, page: str, url: Callable[[str], str], assets: dict[str, str]) -> str:
    """Replace each marker in ``html`` with its calculator.

    ``url`` makes a site path relative to the page; ``assets`` collects ``{site path: JS}``
    for the build to write.
    """
    def replace(match: re.Match) -> str:
        # A mistake in the model's declarations raises DeclarationError, which names the YAML
        # or model file itself, not this page.
        model = registry.load(marker_ids(match.group(0), page)[0])
        parts = buildcache.cached(f"embed-{model.id}", lambda: _parts(model, page))
        shared = buildcache.cached("embed-shared", lambda: _shared(page))
        assets[parts["path"]] = parts["code"]
        assets[shared["runtime_path"]] = shared["runtime_code"]  # the same file on every calculator page
        assets[shared["start_path"]] = shared["start_code"]
        # Loaded only when needed: the runtime and the model's file on the reader's first move
        # towards the calculator (or at once for a scenario link; kalkulator-start.js), the
        # uncertainty engine on the first interaction, the exports on the first click.
        assets[shared["uncertainty_path"]] = shared["uncertainty_code"]
        assets[shared["later_path"]] = shared["later_code"]
        assets[parts["export_path"]] = parts["export_code"]
        assets[memo_document.SITE_PATH] = memo_document.asset_code()  # the memo's ODT/DOCX skeletons, beside it
        return (
            parts["html"]
            + f'<script src="{url(shared["start_path"])}" data-vl-start="{model.id}" '
            f'data-vl-runtime="{url(shared["runtime_path"])}" data-vl-kode="{url(parts["path"])}" '
            f'data-vl-eksport="{url(parts["export_path"])}" data-vl-usikkerhet="{url(shared["uncertainty_path"])}" '
            f'data-vl-mer="{url(shared["later_path"])}" '
            f'data-vl-profil="{url(profile.runtime_asset()[0])}" '  # issue 29: loaded only when a profile is stored
            'defer></script>'
        )

    return MARKER.sub(replace, html)


def _shared(page: str) -> dict[str, str]:
    """The first step, the runtime with the translated view, and the uncertainty engine: one file
    each for every calculator page (``bundle.start_asset``, ``runtime_asset``, ``uncertainty_asset``)."""
    try:
        runtime_path, runtime_code = bundle.runtime_asset()
        start_path, start_code = bundle.start_asset()
        uncertainty_path, uncertainty_code = bundle.uncertainty_asset()
        later_path, later_code = bundle.later_asset()
    except TranslationError as error:
        raise MarkerError(f"{page}: kalkulatorene kan ikke bygges: {error}") from error
    return {"runtime_path": runtime_path, "runtime_code": runtime_code, "start_path": start_path, "start_code": start_code,
            "uncertainty_path": uncertainty_path, "uncertainty_code": uncertainty_code,
            "later_path": later_path, "later_code": later_code}


def _parts(model, page: str) -> dict[str, str]:
    """What a calculator adds to the site; the same for every page that shows it (cached)."""
    try:
        path, code = bundle.asset(model)
    except TranslationError as error:
        raise MarkerError(f"{page}: kalkulatoren «{model.id}» kan ikke bygges: {error}") from error
    try:
        export_path, export_code = eksport.asset(model)
    except eksport.ExportError as error:
        raise MarkerError(f"{page}: eksporten av «{model.id}» kan ikke bygges: {error}") from error
    return {"html": render.render(model), "path": path, "code": code,
            "export_path": export_path, "export_code": export_code}


RESULT_HEADING = re.compile(r'<h2 id="(vl-[^"]+-resultat)">([^<]+)</h2>')
