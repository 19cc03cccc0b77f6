"""A model as one browser file: the translated ``compute`` plus its metadata as JSON.

The file registers ``{compute, meta}`` under ``globalThis.vlKalkulatorer[<id>]``; the one
hand-written runtime (``docs/assets/javascripts/kalkulator.js``) does the rest.
"""

from __future__ import annotations

import hashlib
import json

from calculators.model import BUDGET_HOLDERS, LEVEL_LABELS, Model
from calculators.translate import Translation, source_path

ASSET_DIR = "assets/kalkulatorer"
HOLDER_KINDS = ("by_holder", "years_by_holder")


def metadata(model: Model) -> dict:
    """What the runtime needs to parse, check and show values (labels, units, bounds)."""
    meta: dict = {
        "id": model.id,
        "inputs": [
            {"id": i.id, "label": i.label, "unit": i.unit, "default": i.default,
             "min": i.minimum, "max": i.maximum, "integer": i.integer}
            for i in model.inputs],
        "outputs": [
            {"id": o.id, "label": o.label, "unit": o.unit, "kind": o.kind,
             "headline": o.headline}
            for o in model.outputs],
        "presets": {p.id: dict(p.values) for p in model.presets},
    }
    if any(o.kind in HOLDER_KINDS for o in model.outputs):
        meta["holders"] = [[h.id, h.label, h.level] for h in BUDGET_HOLDERS]
        meta["levels"] = LEVEL_LABELS
    return meta


def javascript(model: Model) -> str:
    """The model's browser file. Raises ``TranslationError`` for code outside the subset."""
    translation = Translation()
    compute = translation.add(model.compute, frozenset(i.id for i in model.inputs))
    for helper in model.helpers:
        translation.add(helper)
    meta = json.dumps(metadata(model), ensure_ascii=False, separators=(",", ":"))
    return (
        f"// Generert fra {source_path(model.compute)} av calculators/translate.py. Ikke rediger.\n"
        "(function () {\n\"use strict\";\n"
        f"{translation.code()}\n"
        f"(globalThis.vlKalkulatorer = globalThis.vlKalkulatorer || {{}})[{json.dumps(model.id)}] ="
        f" {{ compute: {compute}, meta: {meta} }};\n"
        "})();\n"
    )


def asset(model: Model) -> tuple[str, str]:
    """``(path in the site, content)``; the path carries a content hash for caching."""
    code = javascript(model)
    digest = hashlib.sha256(code.encode()).hexdigest()[:10]
    return f"{ASSET_DIR}/{model.id}.{digest}.js", code
