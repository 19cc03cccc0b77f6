"""Properties every registered model must have, whatever it computes."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.engine import registry
from tests.calculators.scenarios import defaults, inputs_within_bounds


def finite(value) -> bool:
    """True when every number in a (nested) output value is finite."""
    if isinstance(value, dict):
        return all(finite(v) for v in value.values())
    if isinstance(value, list):
        return all(finite(v) for v in value)
    return math.isfinite(value)


@pytest.mark.parametrize("model_id", registry.model_ids())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_input_inside_its_bounds_gives_finite_outputs(model_id: str, data) -> None:
    model = registry.load(model_id)
    result = model.compute(data.draw(inputs_within_bounds(model)))
    assert set(result) == {o.id for o in model.outputs}
    assert finite(result)


@pytest.mark.parametrize(
    ("model_id", "preset_id"),
    [(m.id, p.id) for m in registry.all_models() for p in m.presets],
)
def test_every_preset_gives_finite_outputs(model_id: str, preset_id: str) -> None:
    model = registry.load(model_id)
    preset = next(p for p in model.presets if p.id == preset_id)
    assert finite(model.compute(defaults(model, **preset.values)))
