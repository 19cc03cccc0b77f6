"""A model as one browser file: the translated ``compute`` and results view, plus metadata.

The file registers ``{compute, view, meta}`` under ``globalThis.vlKalkulatorer[<id>]``, where
``view`` holds the translated functions of ``calculators/view.py`` the runtime calls
(``summary``, ``details``, ``format_number``) and the model's ``sentence``; the one small
hand-written runtime
(``docs/assets/javascripts/kalkulator.js``) reads the form, runs them and turns the nodes into DOM.
"""

from __future__ import annotations

import hashlib
import json

from calculators import uncertainty, view, view_uncertainty
from calculators.model import BUDGET_HOLDERS, LEVEL_LABELS, Model
from calculators.translate import Translation, source_path

ASSET_DIR = "assets/kalkulatorer"
HOLDER_KINDS = ("by_holder", "years_by_holder")
VIEW_FUNCTIONS = ("summary", "details", "more_charts", "format_number", "years_by_holder_table")
"""The functions of ``calculators/view.py`` the runtime calls (translated into every bundle)."""


def metadata(model: Model) -> dict:
    """What the runtime needs to parse, check and show values (labels, units, bounds, budget
    holders). Sources and statuses are not here: only the exports need them, and
    ``calculators/eksport.py`` puts them in the export file, loaded on the first click — so they
    cost nothing at page load."""
    meta: dict = {
        "id": model.id,
        "title": model.title,
        "price_year": model.price_year or 0,
        "inputs": [
            {"id": i.id, "label": i.label, "unit": i.unit, "default": i.default,
             "min": i.minimum, "max": i.maximum, "integer": i.integer, "step": i.step or 0,
             "group": i.group}
            for i in model.inputs],
        "outputs": [
            {"id": o.id, "label": o.label, "unit": o.unit, "kind": o.kind,
             "headline": o.headline, "budget_holder": o.budget_holder or "", "help": o.help}
            for o in model.outputs],
        "presets": {p.id: dict(p.values) for p in model.presets},
        "key_inputs": list(model.key_inputs),
        "holders": [{"id": h.id, "label": h.label, "level": h.level} for h in BUDGET_HOLDERS],
        "levels": LEVEL_LABELS,
    }
    spec = uncertainty.spec_for(model)
    if spec is not None:
        inputs = {i.id: i for i in model.inputs}
        preset = next((p for p in model.presets if p.id == model.uncertainty.no_effect), None)
        meta["uncertainty"] = {
            **spec,
            "ranges": [{"id": r.id, "label": inputs[r.id].label, "unit": inputs[r.id].unit,
                        "low": r.low, "high": r.high} for r in model.ranges],
            "no_effect": dict(preset.values) if preset else {},
        }
    meta["unpriced"] = [{"id": u.id, "label": u.label, "help": u.help} for u in model.unpriced]
    return meta


def javascript(model: Model) -> str:
    """The model's browser file. Raises ``TranslationError`` for code outside the subset."""
    translation = Translation()
    compute = translation.add(model.compute, frozenset(i.id for i in model.inputs))
    views = ", ".join(f"{name}: {translation.add(getattr(view, name))}" for name in VIEW_FUNCTIONS)
    # Uncertainty (issue 12): the engine, its view and the small driver, when the model has ranges.
    extra, driver = "", ""
    if model.unpriced:
        views += f", unpriced_block: {translation.add(view_uncertainty.unpriced_block)}"
    if model.uncertainty is not None and model.ranges:
        assert compute == "compute", "uncertainty.JS_DRIVER calls the model's compute by that name"
        for function in uncertainty.ENGINE:
            translation.add(function)
        block = translation.add(view_uncertainty.uncertainty_block)
        views += f", uncertainty_block: {block}"
        driver = uncertainty.JS_DRIVER
        extra = ", uncertainty: { run: uncertaintyRun, tornado: uncertaintyTornado }"
    sentence = translation.add(model.sentence) if model.sentence else "() => \"\""
    views += f", sentence: {sentence}"
    meta = json.dumps(metadata(model), ensure_ascii=False, separators=(",", ":"))
    return (
        f"// Generert fra {source_path(model.compute)} av calculators/translate.py. Ikke rediger.\n"
        "(function () {\n\"use strict\";\n"
        f"{translation.code()}\n{driver}"
        f"(globalThis.vlKalkulatorer = globalThis.vlKalkulatorer || {{}})[{json.dumps(model.id)}] ="
        f" {{ compute: {compute}, view: {{ {views} }}, meta: {meta}{extra} }};\n"
        "})();\n"
    )


def asset(model: Model) -> tuple[str, str]:
    """``(path in the site, content)``; the path carries a content hash for caching."""
    code = javascript(model)
    digest = hashlib.sha256(code.encode()).hexdigest()[:10]
    return f"{ASSET_DIR}/{model.id}.{digest}.js", code
