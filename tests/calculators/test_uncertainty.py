"""The uncertainty engine: the generator, the triangular draw, percentiles and the tornado, by
hand; Python and the browser's JavaScript give the same distribution for fixed seeds; and the
properties the calculator promises (zero width, widening, no payback)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from py_mini_racer import MiniRacer

from calculators.core import uncertainty
from calculators.engine import registry
from calculators.engine.translate import Translation

# Small specs over the real models (the data files declare the calculators' own ranges).
SPECS = {
    "familie": {
        "ids": ["barnevern_reduksjon", "bolig_reduksjon", "dodvekt", "optimisme", "avtakning",
                "opptrapping"],
        "lows": [0, 20, 0, 0, 0, 1], "highs": [60, 90, 50, 50, 50, 4],
        "integers": [0, 0, 0, 0, 0, 1],
        "outputs": ["nnv_offentlig", "nnv_kommune", "nnv_samfunn"], "payback": "nnv_offentlig",
        "samples": 300, "seed": 20261125,
    },
    "utenforskap": {
        "ids": ["ar_utenfor", "suksessrate", "dodvekt", "ar_aap"],
        "lows": [5, 2, 0, 2], "highs": [47, 20, 50, 5], "integers": [1, 0, 0, 1],
        "outputs": ["nnv_tiltak_offentlig", "nv_offentlig"], "payback": "nnv_tiltak_offentlig",
        "samples": 200, "seed": 1,
    },
}


def values(model_id: str, **changes: float) -> dict:
    model = registry.load(model_id)
    return {**{i.id: i.default for i in model.inputs}, **changes}


def simulate(model_id: str, spec: dict, **changes: float) -> dict:
    return uncertainty.simulate(registry.load(model_id).compute, values(model_id, **changes), spec)


# ---- by hand -------------------------------------------------------------------------------

def test_the_generator_is_park_miller_minimal_standard():
    # state 1 → 48 271 → 48 271² mod (2³¹ − 1) = 2 330 089 441 − 2 147 483 647 = 182 605 794.
    assert uncertainty.next_state(1) == 48_271
    assert uncertainty.next_state(48_271) == 182_605_794
    # Seeds map into 1 … 2³¹ − 2; 0 and multiples of the modulus become 1.
    assert uncertainty.seed_state(0) == 1
    assert uncertainty.seed_state(2_147_483_647) == 1
    assert uncertainty.seed_state(20261125) == 20261125


def test_the_triangular_draw_by_hand():
    # Triangle on [0, 10] with its peak at 5: the median is the peak; P(X < 5) = ½.
    assert uncertainty.triangular(0.5, 0, 5, 10) == 5
    # u = 0.125 < ½: 0 + √(0.125 × 10 × 5) = √6.25 = 2.5.
    assert uncertainty.triangular(0.125, 0, 5, 10) == 2.5
    # u = 0.875: 10 − √(0.125 × 10 × 5) = 7.5.
    assert uncertainty.triangular(0.875, 0, 5, 10) == 7.5
    # Zero width: the likely value, whatever u is.
    assert uncertainty.triangular(0.3, 4, 4, 4) == 4


def test_percentiles_interpolate_between_sorted_samples():
    # Samples 0, 10, 20, 30, 40: P10 at position 0.4 → 4; P50 → 20; P90 at 3.6 → 36.
    assert uncertainty.summarize([40, 0, 30, 10, 20]) == [4, 20, 36]
    assert uncertainty.summarize([7]) == [7, 7, 7]


def test_share_paying_back_counts_zero_as_paid_back():
    assert uncertainty.share_paying_back([-1, 0, 2, 3]) == 0.75
    assert uncertainty.share_paying_back([]) == 0


def test_the_tornado_puts_the_largest_swing_first():
    assert uncertainty.tornado_order([0, -5, 1], [1, 5, 1]) == [1, 0, 2]


def test_a_sample_draws_one_number_per_input_and_rounds_whole_inputs():
    # State 1: the first input gets u = 48 271 / (2³¹ − 1) = 0.0000224779…, which on [0, 10]
    # peaked at 5 is √(u × 50) = 0.0335245…; the second gets 182 605 794 / (2³¹ − 1) =
    # 0.0850324… on [1, 4] peaked at 2: 1 + √(0.0850324 × 3 × 1) = 1.505…, rounded to 2.
    row = uncertainty.sample_row(1, [0, 1], [5, 2], [10, 4], [0, 1])
    assert row[0] == 182_605_794
    assert row[1] == pytest.approx(math.sqrt(48_271 / 2_147_483_647 * 50))
    assert row[2] == 2


# ---- Python and JavaScript agree -------------------------------------------------------------

def _engine_js(model_id: str) -> str:
    model = registry.load(model_id)
    translation = Translation()
    compute = translation.add(model.compute, frozenset(i.id for i in model.inputs))
    for helper in uncertainty.ENGINE:  # compute brings the model's helpers it calls
        translation.add(helper)
    # The driver is translated from uncertainty.py, as the bundle does: the same loop as Python's.
    return (f"globalThis.M_{model_id} = (function () {{ {translation.code()}\n"
            f"return {{ compute: {compute}, run_start, run_step, run_result,"
            f" tornado: (values, spec) => run_tornado({compute}, values, spec) }}; }})();")


@pytest.fixture(scope="module")
def v8():
    with MiniRacer() as ctx:
        for model_id in SPECS:
            ctx.eval(_engine_js(model_id))
        yield ctx


def run_js(ctx, model_id: str, values: dict, spec: dict, chunk: int = 37) -> dict:
    # In chunks, as the page runs it: the result must not depend on the chunk size.
    spec = {"inputs": list(values), **spec}
    return json.loads(ctx.eval(
        f"(() => {{ const m = M_{model_id}, spec = {json.dumps(spec)}; let r = m.run_start(spec);"
        f" while (r.done < spec.samples) r = m.run_step(m.compute, {json.dumps(values)}, spec, r, {chunk});"
        f" return JSON.stringify(m.run_result(spec, r)); }})()"))


@pytest.mark.parametrize("model_id", sorted(SPECS))
@pytest.mark.parametrize("seed", [1, 42, 20261125])
def test_the_distribution_is_the_same_in_python_and_javascript(v8, model_id: str, seed: int):
    spec = {**SPECS[model_id], "seed": seed}
    py = simulate(model_id, spec)
    js = run_js(v8, model_id, values(model_id), spec)
    assert js["samples"] == py["samples"]
    assert js["payback"] == py["payback"]
    assert js["shares"] == py["shares"]  # draws in plus, per result
    assert js["means"] == pytest.approx(py["means"], rel=1e-9, abs=1e-6)
    assert js["intervals"].keys() == py["intervals"].keys()
    for output, interval in py["intervals"].items():
        # The same samples in the same order: the percentiles agree to the last bit, or within
        # a rounding step where compute itself rounds differently (parity tolerance 1e-9).
        assert js["intervals"][output] == pytest.approx(interval, rel=1e-9, abs=1e-6)


@pytest.mark.parametrize("model_id", sorted(SPECS))
def test_the_tornado_is_the_same_in_python_and_javascript(v8, model_id: str):
    spec = SPECS[model_id]
    py = uncertainty.tornado(registry.load(model_id).compute, values(model_id), spec)
    spec = {"inputs": list(values(model_id)), **spec}
    js = json.loads(v8.eval(f"JSON.stringify(M_{model_id}.tornado({json.dumps(values(model_id))},"
                            f" {json.dumps(spec)}))"))
    assert [b["id"] for b in js] == [b["id"] for b in py]
    for a, b in zip(js, py):
        assert a["at_low"] == pytest.approx(b["at_low"], rel=1e-9, abs=1e-6)
        assert a["at_high"] == pytest.approx(b["at_high"], rel=1e-9, abs=1e-6)


def test_the_chunk_size_does_not_change_the_result(v8):
    spec = SPECS["familie"]
    assert run_js(v8, "familie", values("familie"), spec, 1) == run_js(
        v8, "familie", values("familie"), spec, 1000)


# ---- properties ------------------------------------------------------------------------------

@pytest.mark.parametrize("model_id", sorted(SPECS))
def test_a_zero_width_range_gives_a_zero_width_interval(model_id: str):
    # Every range collapsed onto the likely value: every sample is the point result.
    base = values(model_id)
    spec = {**SPECS[model_id], "samples": 50}
    spec["lows"] = spec["highs"] = [base[i] for i in spec["ids"]]
    point = registry.load(model_id).compute(__import__("types").SimpleNamespace(**base))
    for output, (p10, p50, p90) in simulate(model_id, spec)["intervals"].items():
        assert p10 == p50 == p90 == point[output]


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(["barnevern_reduksjon", "bolig_reduksjon", "dodvekt", "optimisme"]),
       st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.integers(1, 10_000))
def test_widening_a_range_never_narrows_the_interval(input_id, wider_low, wider_high, seed):
    # One range at a time on an output that is linear in it (familie's net present value in a
    # reduction, the deadweight or the optimism): widening the range (low end down, high end up,
    # within the bounds) with the same seed never gives a narrower P10–P90 interval. (With
    # several ranges at once this holds for the distribution, but a finite sample can wobble.)
    model = registry.load("familie")
    field = next(i for i in model.inputs if i.id == input_id)
    low, high = field.default * 0.5, field.default + (field.maximum - field.default) * 0.3
    spec = {**SPECS["familie"], "ids": [input_id], "lows": [low], "highs": [high],
            "integers": [0], "samples": 100, "seed": seed}
    wide_low = low - (low - field.minimum) * wider_low
    wide_high = high + (field.maximum - high) * wider_high
    narrow = simulate("familie", spec)["intervals"]["nnv_offentlig"]
    wide = simulate("familie", {**spec, "lows": [wide_low], "highs": [wide_high]})["intervals"]["nnv_offentlig"]
    assert wide[2] - wide[0] >= (narrow[2] - narrow[0]) * (1 - 1e-12) - 1e-6


@pytest.mark.parametrize("model_id", sorted(SPECS))
def test_no_payback_when_even_the_best_ends_do_not_pay_back(model_id: str):
    # No effect at all (success 0 / reductions 0, no work income) and the ranges kept where
    # nothing pays back: every sample is negative, so the probability of payback is 0.
    if model_id == "familie":
        changes = {i.id: 0 for i in registry.load("familie").inputs if i.id.endswith("_reduksjon")}
        changes["arbeidsinntekt"] = 0
        spec = {**SPECS["familie"], "ids": ["dodvekt", "optimisme", "avtakning"],
                "lows": [0, 0, 0], "highs": [50, 50, 50], "integers": [0, 0, 0]}
    else:
        changes = {"suksessrate": 0}
        spec = {**SPECS["utenforskap"], "ids": ["ar_utenfor", "dodvekt", "ar_aap"],
                "lows": [5, 0, 2], "highs": [47, 50, 5], "integers": [1, 0, 1]}
    result = simulate(model_id, spec, **changes)
    assert result["payback"] == 0
    assert result["intervals"][spec["payback"]][2] < 0
