"""evaluate(): defaults overlaid with values, each checked; outputs checked against their kinds."""

from __future__ import annotations

import math

import pytest

from calculators.engine import registry
from calculators.engine.evaluate import InputError, NotComputable, check_outputs, evaluate, input_values

MODEL = registry.load(registry.model_ids()[0])


def test_no_values_means_the_defaults() -> None:
    assert input_values(MODEL) == {i.id: i.default for i in MODEL.inputs}


def test_a_given_value_replaces_its_default_only() -> None:
    field = MODEL.inputs[0]
    merged = input_values(MODEL, {field.id: field.maximum})
    assert merged[field.id] == field.maximum
    assert all(merged[i.id] == i.default for i in MODEL.inputs[1:])


def test_an_unknown_input_is_named() -> None:
    with pytest.raises(InputError, match="ukjent input «finnes_ikke»"):
        evaluate(MODEL, {"finnes_ikke": 1})


def test_a_value_above_the_maximum_names_field_and_range() -> None:
    field = MODEL.inputs[0]
    with pytest.raises(InputError, match=f"«{field.label}» \\({field.id} = .*\\): Tallet kan ikke være større enn"):
        evaluate(MODEL, {field.id: field.maximum + 1})


@pytest.mark.parametrize("value", [math.nan, math.inf, "3"])
def test_a_value_that_is_not_a_finite_number_is_refused(value) -> None:
    with pytest.raises(InputError, match="må være et tall"):
        evaluate(MODEL, {MODEL.inputs[0].id: value})


def test_a_whole_number_input_refuses_a_fraction() -> None:
    field = next(i for m in registry.all_models() for i in m.inputs if i.integer and i.maximum > i.minimum)
    model = next(m for m in registry.all_models() if field in m.inputs)
    with pytest.raises(InputError, match="Skriv et helt tall, uten desimaler"):
        evaluate(model, {field.id: field.minimum + 0.5})


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_outputs_are_floats_with_exactly_the_declared_ids(model_id: str) -> None:
    model = registry.load(model_id)
    result = evaluate(model)
    assert list(result) == [o.id for o in model.outputs]
    for output in model.outputs:
        value = result[output.id]
        if output.kind in ("number", "year"):
            assert isinstance(value, float)


def test_missing_output_keys_are_named() -> None:
    with pytest.raises(TypeError, match="compute må returnere nøklene"):
        check_outputs(MODEL, {})


def test_an_infinite_output_is_not_computable() -> None:
    number = next(o for o in MODEL.outputs if o.kind == "number")
    empty = {"number": 0.0, "year": 0.0, "years": [], "by_holder": {}, "years_by_holder": {}}
    result = {o.id: empty[o.kind] for o in MODEL.outputs} | {number.id: math.inf}
    with pytest.raises(NotComputable, match=number.id):
        check_outputs(MODEL, result)
