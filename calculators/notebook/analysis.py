"""Sensitivity and break-even analysis on top of a model's ``compute`` (for the notebook).

Plain Python, not translated to JavaScript: these run the model many times with changed inputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from calculators.core.model import Model


def scenario(model: Model, values: Mapping[str, float] | None = None) -> SimpleNamespace:
    """The model's defaults with ``values`` on top, as ``compute`` expects them."""
    inputs = {field.id: field.default for field in model.inputs}
    for key, value in (values or {}).items():
        if key not in inputs:
            raise KeyError(f"{model.id} har ingen inndata «{key}»")
        inputs[key] = value
    return SimpleNamespace(**inputs)


def run(model: Model, values: Mapping[str, float] | None = None) -> dict:
    return model.compute(scenario(model, values))


@dataclass(frozen=True)
class Swing:
    """One bar of a tornado chart: the output at the low and the high value of one input."""

    label: str
    low_label: str
    high_label: str
    low: float
    high: float

    @property
    def width(self) -> float:
        return abs(self.high - self.low)


def tornado(
    model: Model,
    output: str,
    ranges: Sequence[tuple[str, Mapping[str, float], Mapping[str, float], str, str]],
    base: Mapping[str, float] | None = None,
) -> tuple[float, list[Swing]]:
    """The base value of ``output`` and one swing per range, widest first.

    Each range is ``(label, low values, high values, low label, high label)``; the values are
    input ids → values, so one bar can move several inputs together (e.g. all reductions).
    """
    base_values = dict(base or {})
    base_value = run(model, base_values)[output]
    swings = [
        Swing(label, low_label, high_label,
              run(model, {**base_values, **low})[output], run(model, {**base_values, **high})[output])
        for label, low, high, low_label, high_label in ranges
    ]
    return base_value, sorted(swings, key=lambda swing: swing.width, reverse=True)


def scaled_inputs(model: Model, ids: Sequence[str], factor: float) -> dict[str, float]:
    """The listed inputs' defaults times ``factor``, kept within their bounds."""
    by_id = {field.id: field for field in model.inputs}
    return {
        i: min(max(by_id[i].default * factor, by_id[i].minimum), by_id[i].maximum) for i in ids
    }


def curve(
    model: Model, output: str, ids: Sequence[str], values: Sequence[float],
    base: Mapping[str, float] | None = None,
) -> list[float]:
    """``output`` for each value, with every input in ``ids`` set to that value."""
    return [run(model, {**dict(base or {}), **{i: value for i in ids}})[output] for value in values]
