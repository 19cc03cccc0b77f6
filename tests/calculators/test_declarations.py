"""Mistakes in a model's declarations fail loudly, naming the file and the field."""

from __future__ import annotations

import dataclasses

import pytest

from calculators import registry
from calculators.declarations import DeclarationError, check_model
from calculators.model import Input, Output, Preset

FILE = "calculators/models/investeringsmote.py"


@pytest.fixture
def model():
    return registry.load("investeringsmote")


def with_input(model, **changes):
    first = dataclasses.replace(model.inputs[0], **changes)
    return dataclasses.replace(model, inputs=(first, *model.inputs[1:]))


def problem(model) -> str:
    with pytest.raises(DeclarationError) as error:
        check_model(model, FILE)
    return str(error.value)


def test_every_registered_model_is_declared_correctly() -> None:
    for model_id in registry.model_ids():
        registry.load(model_id)  # raises DeclarationError otherwise


def test_a_default_outside_its_bounds_names_file_field_and_range(model) -> None:
    field = model.inputs[0]
    message = problem(with_input(model, default=field.maximum + 1))
    assert message.startswith(f"{FILE}: feil i deklarasjonene til «investeringsmote»")
    assert f"inputs[{field.id}].default: {field.maximum + 1} ligger utenfor [{field.minimum}, {field.maximum}]" in message


def test_minimum_above_maximum_is_refused(model) -> None:
    assert "minimum (10) må være et tall ≤ maximum (1)" in problem(with_input(model, minimum=10, maximum=1))


def test_an_integer_input_needs_a_whole_default(model) -> None:
    field = next(i for i in model.inputs if i.integer)
    changed = dataclasses.replace(model, inputs=tuple(
        dataclasses.replace(i, default=i.minimum + 0.5) if i is field else i for i in model.inputs))
    assert f"inputs[{field.id}].default: {field.minimum + 0.5} må være et heltall" in problem(changed)


def test_an_unknown_unit_lists_the_valid_ones(model) -> None:
    assert "«kroner» er ukjent; gyldige: kr, kr/time" in problem(with_input(model, unit="kroner"))


def test_a_sourced_default_needs_a_link(model) -> None:
    source = dataclasses.replace(model.inputs[0].source, status="kilde", url=None)
    assert "source.url: en «kilde» trenger en lenke" in problem(with_input(model, source=source))


def test_an_unknown_status_is_refused(model) -> None:
    source = dataclasses.replace(model.inputs[0].source, status="anslag")
    assert "source.status: «anslag»; gyldige: kilde, illustrasjon" in problem(with_input(model, source=source))


def test_two_inputs_with_one_id_are_refused(model) -> None:
    twice = dataclasses.replace(model, inputs=(model.inputs[0], *model.inputs))
    assert f"inputs[{model.inputs[0].id}].id: brukes av mer enn én input" in problem(twice)


def test_an_output_with_an_unknown_budget_holder_is_refused(model) -> None:
    bad = Output("ny", "Ny", "kr", budget_holder="kommune_kultur")
    message = problem(dataclasses.replace(model, outputs=(*model.outputs, bad)))
    assert "outputs[ny].budget_holder: «kommune_kultur»; gyldige:" in message


def test_a_preset_naming_an_unknown_field_is_refused(model) -> None:
    preset = Preset("feil", "Feil", "", {"deltagere": 3})
    assert "presets[feil].values[deltagere]: ukjent input" in problem(
        dataclasses.replace(model, presets=(preset,)))


def test_a_preset_value_outside_the_bounds_is_refused(model) -> None:
    field: Input = model.inputs[0]
    preset = Preset("stor", "Stor", "", {field.id: field.maximum * 10 + 1})
    assert f"presets[stor].values[{field.id}]: {field.maximum * 10 + 1} ligger utenfor" in problem(
        dataclasses.replace(model, presets=(preset,)))
