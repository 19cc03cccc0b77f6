"""Run a model in Python: check values against the declarations, compute, check the outputs.

``evaluate(model, values)`` is what the build (default results), the notebook and the tests call;
the browser runs the generated JavaScript of the same ``compute``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import SimpleNamespace

from calculators.core.model import BUDGET_HOLDER_IDS, Model
from calculators.view.fields import check_value

Outputs = dict[str, object]


class InputError(ValueError):
    """A value the model does not accept; the message names the field and the valid range."""


class NotComputable(ArithmeticError):
    """The model has no finite result for these values (e.g. division by zero)."""


def input_values(model: Model, values: Mapping[str, float] | None = None) -> dict[str, float]:
    """Defaults overlaid with ``values``, each checked against its input's bounds."""
    merged = {i.id: i.default for i in model.inputs}
    for key, value in (values or {}).items():
        field = next((i for i in model.inputs if i.id == key), None)
        if field is None:
            raise InputError(f"{model.id}: ukjent input «{key}»")
        if not (isinstance(value, int | float) and math.isfinite(value)):
            raise InputError(f"{model.id}: «{key}» må være et tall, fikk {value!r}")
        # The check the browser's field makes, with its message (calculators/view/fields.py).
        message = check_value(value, {"id": field.id, "label": field.label, "unit": field.unit,
                                      "min": field.minimum, "max": field.maximum, "integer": field.integer})
        if message:
            raise InputError(f"{model.id}: «{field.label}» ({key} = {value}): {message}")
        merged[key] = value
    return merged


def evaluate(model: Model, values: Mapping[str, float] | None = None) -> Outputs:
    """Outputs of ``model`` for its defaults overlaid with ``values``.

    Raises ``InputError`` for an unknown or out-of-bounds value and ``NotComputable`` when the
    model has no finite result (the browser shows the same as «kan ikke beregnes»).
    """
    merged = input_values(model, values)
    try:
        result = model.compute(SimpleNamespace(**merged))
    except (ArithmeticError, IndexError) as error:
        raise NotComputable(f"{model.id}: {error}") from error
    return check_outputs(model, result)


def check_outputs(model: Model, result: object) -> Outputs:
    """``result`` with every value checked against its output's kind; floats throughout."""
    expected = {o.id for o in model.outputs}
    if not isinstance(result, dict):
        raise TypeError(f"{model.id}: compute må returnere nøklene {sorted(expected)}, "
                        f"fikk {type(result).__name__}")
    if set(result) != expected:
        missing, unknown = sorted(expected - set(result)), sorted(set(result) - expected)
        raise TypeError(f"{model.id}: compute må returnere nøklene til outputs; "
                        + "; ".join([f"mangler {', '.join(missing)}"] * bool(missing)
                                    + [f"ukjente: {', '.join(unknown)}"] * bool(unknown)))
    return {o.id: _checked(model.id, o.id, o.kind, result[o.id]) for o in model.outputs}


def _checked(model_id: str, output_id: str, kind: str, value: object) -> object:
    where = f"{model_id}: output «{output_id}» ({kind})"
    if kind in ("number", "year"):
        if isinstance(value, complex) or not isinstance(value, int | float):
            raise NotComputable(f"{where}: {value!r} er ikke et reelt tall")
        if not math.isfinite(value):
            raise NotComputable(f"{where}: {value!r}")
        return float(value)
    if kind == "years":
        if not isinstance(value, list):
            raise TypeError(f"{where}: ventet en liste, fikk {type(value).__name__}")
        return [_checked(model_id, output_id, "number", x) for x in value]
    if not isinstance(value, dict) or not set(value) <= BUDGET_HOLDER_IDS:
        raise TypeError(f"{where}: ventet en dict med budsjett-id-er, fikk {value!r:.80}")
    inner = "number" if kind == "by_holder" else "years"
    return {h: _checked(model_id, output_id, inner, x) for h, x in value.items()}
