"""The Monte Carlo driver is written once (calculators/core/uncertainty.py: run_start, run_step,
run_result, run_tornado, moved_ends) and translated into the browser's uncertainty file: the
same seed gives the same draws, so the same median, 8-of-10 range and draws in plus, in Python
and in the bundle the page loads — for the defaults and every preset of every model."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from py_mini_racer import MiniRacer

from calculators.core import uncertainty
from calculators.engine import registry
from calculators.engine.translate import translate_function
from calculators.site import bundle

UNCERTAIN = [m for m in registry.model_ids() if uncertainty.spec_for(registry.load(m)) is not None]
SCENARIOS = [(m, None) for m in UNCERTAIN] + [(m, p.id) for m in UNCERTAIN for p in registry.load(m).presets]


def scenario(model_id: str, preset: str | None) -> dict:
    model = registry.load(model_id)
    values = {i.id: i.default for i in model.inputs}
    if preset:
        values.update(next(p for p in model.presets if p.id == preset).values)
    return values


@pytest.fixture(scope="module")
def v8():
    with MiniRacer() as ctx:
        for model_id in UNCERTAIN:
            ctx.eval(bundle.javascript(registry.load(model_id)))
        ctx.eval(bundle.uncertainty_javascript())
        yield ctx


def browser_analysis(ctx, model_id: str, values: dict, chunk: int) -> dict:
    """What usikkerhet.js does: ranges moved to the values, the tornado, then the draws in chunks."""
    return json.loads(ctx.eval(
        f"(() => {{ const m = vlKalkulatorer[{json.dumps(model_id)}], e = vlUsikkerhetMotor, values = {json.dumps(values)};"
        " const spec = Object.assign({}, m.meta.uncertainty, e.moved_ends(m.meta.uncertainty, values, {}));"
        " let run = e.run_start(spec);"
        f" while (run.done < spec.samples) run = e.run_step(m.compute, values, spec, run, {chunk});"
        " return JSON.stringify(Object.assign(e.run_result(spec, run),"
        " { tornado: e.run_tornado(m.compute, values, spec) })); })()"))


@pytest.mark.parametrize(("model_id", "preset"), SCENARIOS)
def test_the_browser_draws_what_python_draws_for_the_defaults_and_every_preset(v8, model_id, preset):
    values = scenario(model_id, preset)
    py = uncertainty.analyse(registry.load(model_id), values)
    js = browser_analysis(v8, model_id, values, 7)
    assert js["samples"] == py["samples"]
    assert js["shares"] == py["shares"]  # «I pluss i N av 100 trekninger»
    assert js["payback"] == py["payback"]
    assert js["intervals"].keys() == py["intervals"].keys()
    for output, (p10, p50, p90) in py["intervals"].items():  # the 8-of-10 range and the median
        assert js["intervals"][output] == pytest.approx([p10, p50, p90], rel=1e-12, abs=1e-9)
    assert js["means"] == pytest.approx(py["means"], rel=1e-12, abs=1e-9)
    assert [(b["id"], b["low"], b["high"]) for b in js["tornado"]] == [
        (b["id"], b["low"], b["high"]) for b in py["tornado"]]


def test_python_in_chunks_is_python_at_once():
    model = registry.load(UNCERTAIN[0])
    values = scenario(model.id, None)
    spec = uncertainty.moved_spec(uncertainty.spec_for(model), values)
    compute = uncertainty.by_name(model.compute, spec["outputs"])
    run = uncertainty.run_start(spec)
    while run["done"] < spec["samples"]:
        run = uncertainty.run_step(compute, values, spec, run, 13)
    assert uncertainty.run_result(spec, run) == uncertainty.simulate(model.compute, values, spec)


def test_a_sample_that_fails_is_left_out_in_both_languages():
    # Python raises ZeroDivisionError where JavaScript gives Infinity: both leave the sample out.
    def compute(v):
        return {"a": 1 / (v.x - 2), "b": v.x}
    spec = {"inputs": ["x"], "ids": ["x"], "lows": [1], "highs": [3], "integers": [1],
            "outputs": ["a", "b"], "payback": "b", "samples": 40, "seed": 3}
    py = uncertainty.simulate(compute, {"x": 2}, spec)
    assert 0 < py["samples"] < 40

    def js_compute(v: dict[str, float]) -> dict[str, float]:
        return {"a": 1 / (v["x"] - 2), "b": v["x"]}
    with MiniRacer() as ctx:
        ctx.eval(bundle.uncertainty_javascript())
        ctx.eval(translate_function(js_compute))
        js = json.loads(ctx.eval(
            f"(() => {{ const e = vlUsikkerhetMotor, spec = {json.dumps(spec)}; let r = e.run_start(spec);"
            " r = e.run_step(js_compute, {x: 2}, spec, r, 40); return JSON.stringify(e.run_result(spec, r)); })()"))
    assert js == py


def test_the_translator_calls_a_function_passed_in_and_builds_dicts_by_comprehension():
    def scaled(compute: uncertainty.Compute, keys: list[str], factor: float) -> dict[str, float]:
        return compute({k: factor for k in keys if k != "skip"})
    assert translate_function(scaled) == (
        "function scaled(compute, keys, factor) {\n"
        "  return compute(Object.fromEntries(keys.filter((k) => k !== \"skip\").map((k) => [k, factor])));\n"
        "}")
    assert scaled(lambda d: {"n": len(d)}, ["a", "skip"], 2.0) == {"n": 1}


def test_the_files_loaded_later_take_the_runtimes_helpers_and_draw_the_same():
    # The site's model file, uncertainty file and later file («Flere diagrammer», the uncertainty
    # block) define only what the runtime does not (bundle._file); with the runtime before them
    # they give what the standalone files give.
    model = registry.load("familie")
    values = scenario("familie", "optimistisk")
    call = (f"(() => {{ const m = vlKalkulatorer.familie, e = vlUsikkerhetMotor, values = {json.dumps(values)};"
            " let run = e.run_start(m.meta.uncertainty);"
            " run = e.run_step(m.compute, values, m.meta.uncertainty, run, 500);"
            " const r = Object.assign(e.run_result(m.meta.uncertainty, run), { no_effect: {},"
            " tornado: e.run_tornado(m.compute, values, m.meta.uncertainty) }), out = m.compute(values);"
            " return JSON.stringify([r, vlVisningMer.uncertainty_block(m.meta, out, r, {}, 640, 16), m.view.sentence(out),"
            " vlVisningMer.more_charts(m.meta, out, 640, 16)]); })()")
    results = []
    for after_runtime in (False, True):
        with MiniRacer() as ctx:
            ctx.eval(bundle.view_javascript())
            ctx.eval(bundle.javascript(model, after_runtime))
            ctx.eval(bundle.uncertainty_javascript(after_runtime))
            ctx.eval(bundle.later_javascript(after_runtime))
            results.append(ctx.eval(call))
    assert results[0] == results[1]
    assert "const {" in bundle.uncertainty_javascript(True) and len(bundle.later_javascript(True)) < len(bundle.later_javascript())
    assert len(bundle.javascript(model, True)) < len(bundle.javascript(model))


def test_the_page_loads_no_hand_written_driver():
    code = bundle.uncertainty_javascript()
    assert "function run_step(compute, values, spec, run, count)" in code
    assert "uncertaintyRun" not in code and "JS_DRIVER" not in code
    assert not hasattr(uncertainty, "JS_DRIVER")


def test_a_python_sample_is_the_values_with_the_drawn_inputs():
    seen = []
    model = registry.load(UNCERTAIN[0])
    values = scenario(model.id, None)
    spec = {**uncertainty.spec_for(model), "samples": 1}
    uncertainty.run_step(lambda d: seen.append(d) or {o: 0.0 for o in spec["outputs"]},
                         values, spec, uncertainty.run_start(spec), 1)
    (sample,) = seen
    assert sample.keys() == values.keys()
    assert {k: v for k, v in sample.items() if k not in spec["ids"]} == {
        k: v for k, v in values.items() if k not in spec["ids"]}
    assert SimpleNamespace(**sample)  # what by_name passes to model.compute
