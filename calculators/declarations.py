"""Check a model's declarations before anything is built from them.

A maintainer who gives an input a default outside its bounds, a preset an unknown field, or an
output an unknown budget holder gets one error that names the model file, each field and what
would be valid — at build time, not as a wrong number in a municipality's business case.
"""

from __future__ import annotations

import math
import typing

from calculators.model import BUDGET_HOLDER_IDS, Model, OutputKind, Unit

UNITS = typing.get_args(Unit)
OUTPUT_KINDS = typing.get_args(OutputKind)
STATUSES = ("kilde", "illustrasjon")


class DeclarationError(ValueError):
    """One or more mistakes in a model's declarations; the message lists them all."""


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _input_problems(model: Model) -> list[str]:
    problems, seen = [], set()
    for field in model.inputs:
        where = f"inputs[{field.id}]"
        if not field.id.isidentifier():
            problems.append(f"{where}.id: må være et Python-navn (bokstaver, tall, _)")
        if field.id in seen:
            problems.append(f"{where}.id: brukes av mer enn én input")
        seen.add(field.id)
        if field.unit not in UNITS:
            problems.append(f"{where}.unit: «{field.unit}» er ukjent; gyldige: {', '.join(UNITS)}")
        if not (_number(field.minimum) and _number(field.maximum) and field.minimum <= field.maximum):
            problems.append(f"{where}: minimum ({field.minimum}) må være et tall ≤ maximum ({field.maximum})")
        elif not (_number(field.default) and field.minimum <= field.default <= field.maximum):
            problems.append(f"{where}.default: {field.default} ligger utenfor [{field.minimum}, {field.maximum}]")
        elif field.integer and field.default != int(field.default):
            problems.append(f"{where}.default: {field.default} må være et heltall")
        if field.source.status not in STATUSES:
            problems.append(f"{where}.source.status: «{field.source.status}»; gyldige: kilde, illustrasjon")
        if field.source.status == "kilde" and not field.source.url:
            problems.append(f"{where}.source.url: en «kilde» trenger en lenke til kilden")
    return problems


def _output_problems(model: Model) -> list[str]:
    problems, seen = [], set()
    for output in model.outputs:
        where = f"outputs[{output.id}]"
        if output.id in seen:
            problems.append(f"{where}.id: brukes av mer enn én output")
        seen.add(output.id)
        if output.kind not in OUTPUT_KINDS:
            problems.append(f"{where}.kind: «{output.kind}»; gyldige: {', '.join(OUTPUT_KINDS)}")
        if output.unit not in UNITS:
            problems.append(f"{where}.unit: «{output.unit}» er ukjent; gyldige: {', '.join(UNITS)}")
        if output.budget_holder is not None and output.budget_holder not in BUDGET_HOLDER_IDS:
            problems.append(f"{where}.budget_holder: «{output.budget_holder}»; gyldige: "
                            f"{', '.join(sorted(BUDGET_HOLDER_IDS))}")
    return problems


def _preset_problems(model: Model) -> list[str]:
    problems, fields = [], {field.id: field for field in model.inputs}
    for preset in model.presets:
        for key, value in preset.values.items():
            where = f"presets[{preset.id}].values[{key}]"
            field = fields.get(key)
            if field is None:
                problems.append(f"{where}: ukjent input; finnes: {', '.join(fields)}")
            elif not (_number(value) and field.minimum <= value <= field.maximum):
                problems.append(f"{where}: {value} ligger utenfor [{field.minimum}, {field.maximum}]")
    return problems


def check_model(model: Model, file: str) -> Model:
    """``model`` unchanged, or ``DeclarationError`` listing every mistake with ``file`` and field."""
    problems = _input_problems(model) + _output_problems(model) + _preset_problems(model)
    if problems:
        raise DeclarationError(f"{file}: feil i deklarasjonene til «{model.id}»:\n  - "
                               + "\n  - ".join(problems))
    return model
