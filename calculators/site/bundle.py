"""The calculators' browser files: one per model, and two every calculator page shares.

- ``runtime_asset()``: the one hand-written runtime (``calculators/runtime/kalkulator.js``)
  with the translated results view of ``calculators/view/view.py`` before it
  (``globalThis.vlVisning``). Every calculator page loads this same file (one URL, named by a
  hash of its content, cached for a year), so a reader who opens a second calculator fetches
  only that model's small file.
- ``asset(model)``: the model's translated ``compute`` and reading ``sentence`` and its metadata,
  registered as ``{compute, view: {sentence}, meta}`` under ``globalThis.vlKalkulatorer[<id>]``.
- ``uncertainty_asset()``: the Monte Carlo engine and its driver (``uncertainty.py``, translated)
  and ``usikkerhet.js``: what the headline card's midtverdi, interval and share in plus need. The
  runtime loads it on the reader's first interaction with the calculator, or at once for a
  scenario link.
- ``later_asset()``: what only a changed scenario or an opened part needs (``LATER_VIEW_FUNCTIONS``,
  ``LATER_BLOCK_FUNCTIONS``): the reading sentence's paragraph and the main chart beside the
  cards, the tables under the results, «Flere diagrammer», the year tables and the uncertainty
  block further down the page (tornado, ranges). The page as built holds them all for the
  defaults, so this file loads when the scenario first leaves the defaults, when one of them
  opens, or when the uncertainty block comes near the screen (issue 23: the JavaScript a first
  interaction costs stays within 20 kB gzipped).

The model's file and the last two come after the runtime: a helper they would define again the same (the same Python
function or constant, translated to the same code) they take from it (``globalThis.vlDelt``), so
a reader downloads each translated helper once.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from calculators.core import uncertainty
from calculators.core.finance import R109_STEP_YEARS
from calculators.core.model import BUDGET_HOLDERS, LEVEL_LABELS, Input, Model, Output
from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.engine.translate import PRELUDE, Translation, source_path
from calculators.view import fields, scenario_links, view, view_uncertainty
from calculators.view.view import DECIMALS

ASSET_DIR = "assets/kalkulatorer"
HOLDER_KINDS = ("by_holder", "years_by_holder")
VIEW_FUNCTIONS = ("headline_cards", "format_number", "interval_card")
"""The functions of ``calculators/view/view.py`` the runtime calls (translated into the shared runtime)."""
LATER_VIEW_FUNCTIONS = ("summary", "details_tables", "more_charts", "years_by_holder_table")
"""… and those only a changed scenario's reading sentence, main chart and tables, «Flere
diagrammer» or a year table need (their own file, ``later_asset``)."""
LATER_BLOCK_FUNCTIONS = ("uncertainty_block", "unpriced_block")
"""The uncertainty block of ``calculators/view/view_uncertainty.py`` (in ``later_asset`` too)."""
DRIVER_FUNCTIONS = ("moved_ends", "run_start", "run_step", "run_result", "run_tornado")
"""The Monte Carlo driver of ``calculators/core/uncertainty.py`` usikkerhet.js calls (translated, not
written again in JavaScript)."""
RUNTIME = Path(__file__).resolve().parent.parent / "runtime"
"""The calculators' hand-written browser scripts (``calculators/runtime/``)."""

RATE_INPUT, HORIZON_INPUT = "kalkulasjonsrente", "horisont"
RATE_LABEL = "Kalkulasjonsrente år 0–{last}"
"""The discount rate's label where the whole horizon lies within R-109's first step (issue 23)."""


def input_label(model: Model, field: Input) -> str:
    """A field's label as the calculator shows it. The discount rate's label in the shared data
    names R-109's first step («år 0–40»); where the model's longest horizon ends before that
    step, one rate holds for every year the model counts, and the label names those years (the
    longest horizon the form allows, from year 0: «år 0–19» for 20 years)."""
    horizon = next((i for i in model.inputs if i.id == HORIZON_INPUT), None)
    if field.id != RATE_INPUT or horizon is None or horizon.maximum > R109_STEP_YEARS[0]:
        return field.label
    return RATE_LABEL.format(last=int(horizon.maximum) - 1)


def no_answer(output: Output) -> bool:
    """Whether the output's help declares −1 as «no answer» (``view.format_output`` then says so)."""
    return "-1:" in (output.help or "")


def output_meta(output: Output) -> view.OutputMeta:
    """One output as ``view.format_output`` reads it (``metadata`` gives the browser the same)."""
    return {"id": output.id, "label": output.label, "unit": output.unit, "kind": output.kind,
            "headline": output.headline, "no_answer": no_answer(output)}


def metadata(model: Model) -> Any:
    """What the runtime needs to parse, check and show values (labels, units, bounds, budget
    holders). Sources, statuses, groups, help texts and the price year are not here: only the
    exports need them, and ``calculators/site/eksport.py`` puts them in the export file, loaded on the
    first click — so they cost nothing at page load or at the first interaction (issue 23).
    ``no_answer``: the output's help declares −1 as «no answer» (``view.format_output``).

    Typed ``Any`` for the type checker: this is the JSON the browser gets, and each view declares
    the part it reads as a TypedDict (``view.Meta``, ``view_uncertainty.UMeta``,
    ``scenario_links.LinkMeta``, ``eksport.CsvData``). One TypedDict of the whole would not pass
    where those are asked for: its lists hold more keys than theirs (an output's
    ``budget_holder``), and a list's item type must match exactly. The parity tests run the views
    on it in both languages."""
    meta: dict[str, Any] = {
        "id": model.id,
        "title": model.title,
        "inputs": [
            {"id": i.id, "label": input_label(model, i), "unit": i.unit, "default": i.default,
             "min": i.minimum, "max": i.maximum, "integer": i.integer, "step": i.step or 0}
            for i in model.inputs],
        "outputs": [  # output_meta's fields and the budget holder, in this order (the bundle's bytes)
            {"id": o.id, "label": o.label, "unit": o.unit, "kind": o.kind,
             "headline": o.headline, "budget_holder": o.budget_holder or "", "no_answer": no_answer(o)}
            for o in model.outputs],
        "presets": {p.id: dict(p.values) for p in model.presets},
        "holders": [{"id": h.id, "label": h.label, "level": h.level} for h in BUDGET_HOLDERS],
        "levels": LEVEL_LABELS,
    }
    spec = uncertainty.spec_for(model)
    if spec is not None and model.uncertainty is not None:  # a spec comes only from a declared uncertainty
        inputs = {i.id: i for i in model.inputs}
        preset = next((p for p in model.presets if p.id == model.uncertainty.no_effect), None)
        meta["uncertainty"] = {
            **spec,
            "ranges": [{"id": r.id, "label": inputs[r.id].label, "unit": inputs[r.id].unit,
                        "low": r.low, "high": r.high} for r in model.ranges],
            "no_effect": dict(preset.values) if preset else {},
        }
    meta["unpriced"] = [{"id": u.id, "label": u.label, "help": u.help} for u in model.unpriced]
    # For the link (scenario_links.LinkMeta): the ranges a link may set an end of.
    labels = {i.id: input_label(model, i) for i in model.inputs}
    meta["ranges"] = [{"id": r.id, "label": labels[r.id]} for r in model.ranges] if spec is not None else []
    meta["interval"] = interval_meta(model)
    return meta


def interval_meta(model: Model) -> dict:
    """``view.IntervalMeta``: the result whose interval stands in its headline card, and the
    build's figures for the defaults (the same seed gives the browser the same; it shows these
    until its own run is done, and only while the scenario is the defaults)."""
    spec = uncertainty.spec_for(model)
    if spec is None:
        return {"output": "", "outputs": [], "no_effect_outputs": [], "payback": "",
                "initial": {"intervals": {}, "shares": {}, "means": {}, "payback": 0, "samples": 0, "no_effect": {}}}
    analysis = uncertainty.analyse_defaults(model)
    point = evaluate(model)
    # «Ingen varig effekt» only beside a result it changes (the value of one case does not
    # depend on whether the measure works).
    changed = [o for o in spec["outputs"]
               if analysis["no_effect"] and abs(analysis["no_effect"][o] - point[o]) > 0.5]
    # Rounded as the card rounds them (view.format_number: the unit's decimals, ties to even, as
    # Python's round): the same text on the card, fewer bytes for the browser.
    places = {o.id: DECIMALS[o.unit] for o in model.outputs}
    return {"output": spec["outputs"][0], "outputs": list(spec["outputs"]), "no_effect_outputs": changed,
            "payback": spec["payback"], "initial": {
                "intervals": {k: [round(x, places[k]) for x in v] for k, v in analysis["intervals"].items() if v is not None},
                "shares": analysis["shares"],
                "means": {k: round(x, places[k]) for k, x in analysis["means"].items()},
                "payback": analysis["payback"], "samples": analysis["samples"],
                "no_effect": {k: round(x, places[k]) for k, x in (analysis["no_effect"] or {}).items()}}}


def _model_translation(model: Model) -> tuple[Translation, str]:
    translation = Translation()
    compute = translation.add(model.compute, frozenset(i.id for i in model.inputs))
    sentence = translation.add(model.sentence) if model.sentence else "() => \"\""
    meta = json.dumps(metadata(model), ensure_ascii=False, separators=(",", ":"))
    return translation, (f"(globalThis.vlKalkulatorer = globalThis.vlKalkulatorer || {{}})[{json.dumps(model.id)}] ="
                         f" {{ compute: {compute}, view: {{ sentence: {sentence} }}, meta: {meta} }};\n")


def javascript(model: Model, after_runtime: bool = False) -> str:
    """The model's browser file. Raises ``TranslationError`` for code outside the subset.
    ``after_runtime``: as the site has it (loaded after the runtime), taking the helpers it shares
    with the runtime (``format_number`` and the rest the reading sentence uses) from it."""
    translation, tail = _model_translation(model)
    return _file(f"// Generert fra {source_path(model.compute)} av calculators/engine/translate.py. Ikke rediger.",
                 translation, tail, _view_translation()[0] if after_runtime else None)


def asset(model: Model) -> tuple[str, str]:
    """``(path in the site, content)``; the path carries a content hash for caching."""
    return _hashed(model.id, javascript(model, after_runtime=True))


def _hashed(name: str, code: str) -> tuple[str, str]:
    digest = hashlib.sha256(code.encode()).hexdigest()[:10]
    return f"{ASSET_DIR}/{name}.{digest}.js", code


SHARED_GLOBAL = "vlDelt"
"""The runtime's translated helpers that the files it loads later use too (``_file``)."""


def _view_translation() -> tuple[Translation, str]:
    translation = Translation()
    views = ", ".join(f"{name}: {translation.add(getattr(view, name))}" for name in VIEW_FUNCTIONS)
    checks = ", ".join(f"{f.__name__}: {translation.add(f)}" for f in fields.FUNCTIONS)
    links = ", ".join(f"{f.__name__}: {translation.add(f)}" for f in scenario_links.FUNCTIONS)
    return translation, (f"globalThis.vlVisning = {{ {views} }};\n"
                         f"globalThis.vlFelt = {{ {checks} }};\nglobalThis.vlLenke = {{ {links} }};\n")


def _uncertainty_translation() -> tuple[Translation, str]:
    translation = Translation()
    for function in uncertainty.ENGINE:
        translation.add(function)
    driver = ", ".join(f"{name}: {translation.add(getattr(uncertainty, name))}" for name in DRIVER_FUNCTIONS)
    return translation, f"globalThis.vlUsikkerhetMotor = {{ {driver} }};\n"


def _later_translation() -> tuple[Translation, str]:
    translation = Translation()
    later = [f"{name}: {translation.add(getattr(view, name))}" for name in LATER_VIEW_FUNCTIONS]
    later += [f"{name}: {translation.add(getattr(view_uncertainty, name))}" for name in LATER_BLOCK_FUNCTIONS]
    return translation, f"globalThis.vlVisningMer = {{ {', '.join(later)} }};\n"


def _definitions(translation: Translation) -> dict[str, tuple[object, str]]:
    """Each top-level definition of ``translation.code()``, in its order: JavaScript name →
    (what it translates — a prelude helper, a constant's name and data, a Python function —, code)."""
    found: dict[str, tuple[object, str]] = {name: (("prelude", name), PRELUDE[name]) for name in sorted(translation.prelude)}
    found.update({js: (("constant", key), code) for key, (js, code) in translation.constants.items()})
    found.update({js: (("function", key), code) for key, (js, code) in translation.functions.items()})
    return found


def _file(header: str, translation: Translation, tail: str, runtime: Translation | None = None,
          exports: list[str] | None = None) -> str:
    """A generated file. ``runtime``: the runtime's translation, loaded before this file; what
    this file would define again the same (the same Python function or constant, the same code)
    it takes from the runtime instead (``globalThis.vlDelt``, which ``exports`` fills)."""
    own = _definitions(translation)
    taken = _taken(own, _definitions(runtime)) if runtime is not None else []
    lines = [header, "(function () {", '"use strict";']
    if taken:
        lines.append(f"const {{ {', '.join(taken)} }} = globalThis.{SHARED_GLOBAL};")
    lines += [code for name, (_, code) in own.items() if name not in taken]
    lines.append(tail.rstrip("\n"))
    if exports:
        lines.append(f"globalThis.{SHARED_GLOBAL} = {{ {', '.join(exports)} }};")
    return "\n".join(lines) + "\n})();\n"


def _taken(own: dict[str, tuple[object, str]], runtime: dict[str, tuple[object, str]]) -> list[str]:
    return [name for name, definition in own.items() if runtime.get(name) == definition]


def view_javascript() -> str:
    """The translated results view every calculator shares (``globalThis.vlVisning``), the input
    checks (``calculators/view/fields.py``: ``vlFelt``) and the scenario link (``scenario_links.py``:
    ``vlLenke``); it also hands the files loaded later the helpers they share (``vlDelt``)."""
    translation, tail = _view_translation()
    runtime = _definitions(translation)
    later = [_uncertainty_translation()[0], _later_translation()[0]]
    later += [_model_translation(registry.load(model_id))[0] for model_id in registry.model_ids()]
    exports = sorted({name for files in later for name in _taken(_definitions(files), runtime)})
    return _file("// Generert fra calculators/view/view.py, fields.py og scenario_links.py av "
                 "calculators/engine/translate.py. Ikke rediger.",
                 translation, tail, exports=exports)


def uncertainty_javascript(after_runtime: bool = False) -> str:
    """The engine and the driver, for every model: ``globalThis.vlUsikkerhetMotor``
    (``after_runtime``: as the site has it, taking the helpers it shares from the runtime)."""
    translation, tail = _uncertainty_translation()
    return _file("// Generert fra calculators/core/uncertainty.py av calculators/engine/translate.py. Ikke rediger.",
                 translation, tail, _view_translation()[0] if after_runtime else None)


def later_javascript(after_runtime: bool = False) -> str:
    """The part of the results view only a changed scenario or an opened part needs: the tables,
    «Flere diagrammer», a year table and the uncertainty block, ``globalThis.vlVisningMer``
    (the page as built holds them for the defaults)."""
    translation, tail = _later_translation()
    return _file("// Generert fra calculators/view/view.py og view_uncertainty.py av calculators/engine/translate.py. Ikke rediger.",
                 translation, tail, _view_translation()[0] if after_runtime else None)


@lru_cache(maxsize=4)
def _shared(name: str, source: str) -> tuple[str, str]:
    generated = (view_javascript() if name == "kalkulator" else
                 uncertainty_javascript(True) if name == "usikkerhet" else later_javascript(True))
    return _hashed(name, generated + source)


def runtime_asset() -> tuple[str, str]:
    """``(path, content)`` of the runtime with the translated view (one file for every page)."""
    return _shared("kalkulator", (RUNTIME / "kalkulator.js").read_text(encoding="utf-8"))


def start_asset() -> tuple[str, str]:
    """``(path, content)`` of the first step: the one script a calculator page loads at once; it
    loads the runtime and the model's file on the reader's first move (kalkulator-start.js)."""
    return _hashed("start", (RUNTIME / "kalkulator-start.js").read_text(encoding="utf-8"))


def later_asset() -> tuple[str, str]:
    """``(path, content)`` of the rest of the results view (``later_javascript``), loaded when the
    scenario first leaves the defaults, or when «Flere diagrammer» or a year table opens."""
    return _shared("mer", "")


def uncertainty_asset() -> tuple[str, str]:
    """``(path, content)`` of the uncertainty engine with its driver, loaded when needed."""
    return _shared("usikkerhet", (RUNTIME / "usikkerhet.js").read_text(encoding="utf-8"))
