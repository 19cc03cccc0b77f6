"""Python and the generated JavaScript compute the same numbers and draw the same view, for
every registered model.

JavaScript runs in V8 (mini-racer). Equal means: the same shape, and every number within a
relative tolerance of 1e-9 (absolute 1e-6 kr near zero, where sums of large opposite terms
leave rounding noise). Inputs: 1000 hypothesis examples per model within the declared bounds.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from py_mini_racer import MiniRacer

from calculators.core.text import decimals, fixed
from calculators.engine import registry
from calculators.engine.evaluate import NotComputable, evaluate
from calculators.engine.translate import PRELUDE
from calculators.site import bundle
from calculators.view import view

REL, ABS = 1e-9, 1e-6


@pytest.fixture(scope="module")
def v8():
    with MiniRacer() as ctx:
        for model in registry.all_models():
            ctx.eval(bundle.javascript(model))
        ctx.eval(bundle.view_javascript())  # the results view every calculator page shares
        # … and the parts loaded later, as the site has them: taking the helpers they share from it.
        ctx.eval(bundle.uncertainty_javascript(after_runtime=True))
        ctx.eval(bundle.later_javascript(after_runtime=True))
        ctx.eval(PRELUDE["$round"] + PRELUDE["$mod"] + PRELUDE["$fixed"] + PRELUDE["$decimals"])
        yield ctx


def run_js(ctx, model_id: str, values: dict) -> object:
    call = f"JSON.stringify(globalThis.vlKalkulatorer[{json.dumps(model_id)}].compute({json.dumps(values)}))"
    return json.loads(ctx.eval(call))  # non-finite numbers become null


def same(py: object, js: object) -> bool:
    if isinstance(py, dict):
        return isinstance(js, dict) and py.keys() == js.keys() and all(same(py[k], js[k]) for k in py)
    if isinstance(py, list):
        return isinstance(js, list) and len(py) == len(js) and all(map(same, py, js))
    return isinstance(js, int | float) and math.isclose(py, js, rel_tol=REL, abs_tol=ABS)


def has_non_finite(js: object) -> bool:
    if isinstance(js, dict):
        return any(map(has_non_finite, js.values()))
    if isinstance(js, list):
        return any(map(has_non_finite, js))
    return js is None


def values_within_bounds(model):
    fields = {
        i.id: st.integers(int(i.minimum), int(i.maximum)) if i.integer
        else st.floats(i.minimum, i.maximum, allow_nan=False)
        for i in model.inputs}
    return st.fixed_dictionaries(fields)


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_javascript_computes_what_python_computes(v8, model_id: str) -> None:
    model = registry.load(model_id)

    @settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
    @given(values_within_bounds(model))
    def check(values: dict) -> None:
        js = run_js(v8, model_id, values)
        try:
            py = evaluate(model, values)
        except NotComputable:
            assert has_non_finite(js), f"Python has no result, JavaScript gave {js}"
            return
        assert same(py, js), f"{values}\nPython: {py}\nJavaScript: {js}"

    check()


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_defaults_and_presets_agree(v8, model_id: str) -> None:
    model = registry.load(model_id)
    for values in [{}] + [dict(p.values) for p in model.presets]:
        merged = {i.id: i.default for i in model.inputs} | values
        assert same(evaluate(model, values), run_js(v8, model_id, merged))


@settings(max_examples=2000, deadline=None)
@given(st.floats(-1e9, 1e9, allow_nan=False), st.integers(-3, 6))
def test_round_is_pythons_round(v8, x: float, digits: int) -> None:
    assert v8.eval(f"$round({x!r}, {digits})") == round(x, digits)
    assert v8.eval(f"$round({x!r})") == round(x)


@pytest.mark.parametrize("x, digits", [(0.5, 0), (1.5, 0), (2.5, 0), (-2.5, 0), (0.125, 2),
                                       (0.375, 2), (2.675, 2), (1250.0, -2), (1350.0, -2)])
def test_round_sends_exact_ties_to_even(v8, x: float, digits: int) -> None:
    assert v8.eval(f"$round({x!r}, {digits})") == round(x, digits)


@settings(max_examples=1000, deadline=None)
@given(st.floats(-1e6, 1e6, allow_nan=False), st.floats(-1e3, 1e3, allow_nan=False).filter(bool))
def test_modulo_is_pythons_modulo(v8, a: float, b: float) -> None:
    assert math.isclose(v8.eval(f"$mod({a!r}, {b!r})"), a % b, rel_tol=REL, abs_tol=1e-12)


# -- the view: the same nodes from the same outputs ---------------------------------------------
def run_view(ctx, model_id: str, name: str, *args: object) -> object:
    call = ", ".join(json.dumps(a) for a in args)
    return json.loads(ctx.eval(
        f"JSON.stringify(Object.assign({{}}, globalThis.vlVisning, globalThis.vlVisningMer,"
        f" globalThis.vlKalkulatorer[{json.dumps(model_id)}].view)"
        f".{name}({call}))"))


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_javascript_draws_the_results_python_draws(v8, model_id: str) -> None:
    """Every node of the results view — the reading sentence, texts, formatted figures, chart
    geometry — equal, for
    Python's outputs at random inputs (the same outputs, so any difference is the view's)."""
    model = registry.load(model_id)
    meta = bundle.metadata(model)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(values_within_bounds(model))
    def check(values: dict) -> None:
        try:
            out = evaluate(model, values)
        except NotComputable:
            return
        sentence = model.sentence(out)
        assert run_view(v8, model_id, "sentence", out) == sentence
        # The interval in the main headline card: figures known, and still being computed.
        initial = meta["interval"]["initial"]
        for interval in (initial, {**initial, "samples": 0, "no_effect": {}}):
            assert run_view(v8, model_id, "summary", meta, out, sentence, 520, 16, interval) \
                == view.summary(meta, out, sentence, 520, 16, interval)
        # The browser builds the tables and fills «Flere diagrammer» when it is open: together
        # what Python draws for the page.
        assert run_view(v8, model_id, "details_tables", meta, out) == view.details(meta, out, 700, 15, False)
        assert run_view(v8, model_id, "more_charts", meta, out, 700, 15) == next(
            n["c"][1:] for n in view.details(meta, out, 700, 15) if n["t"] == "details")

    check()


UNITS = list(view.DECIMALS)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.floats(-1e22, 1e22, allow_nan=False, allow_infinity=False),
                 st.integers(-10**7, 10**7).map(lambda n: n / 8),
                 st.integers(-10**6, 10**6).map(lambda n: n / 1000)),
       st.sampled_from(UNITS), st.booleans())
def test_format_number_is_the_same_text(v8, x: float, unit: str, exact: bool) -> None:
    """Ties (n/8 has exact halves at two decimals), whole numbers, and values typed with decimals."""
    model_id = registry.model_ids()[0]
    assert run_view(v8, model_id, "format_number", x, unit, exact, False) == view.format_number(x, unit, exact)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**6, 10**6).map(lambda n: n / 16)),
       st.integers(0, 6))
def test_the_text_primitives_are_pythons(v8, x: float, digits: int) -> None:
    assert v8.eval(f"$fixed({x!r}, {digits})") == fixed(x, digits)
    assert v8.eval(f"$decimals({x!r})") == decimals(x)


def test_fixed_keeps_the_sign_of_minus_zero_and_writes_big_numbers_out(v8) -> None:
    for x, digits in [(-0.0, 1), (-0.04, 1), (1e21, 2), (-2.5e22, 0), (0.125, 2), (2.5, 0)]:
        assert v8.eval(f"$fixed({x!r}, {digits})") == fixed(x, digits)
