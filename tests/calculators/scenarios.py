"""Build input namespaces for a model: defaults, overrides, and random values within bounds."""

from types import SimpleNamespace

from hypothesis import strategies as st

from calculators.core.model import Model


def defaults(model: Model, **overrides: float) -> SimpleNamespace:
    values = {i.id: i.default for i in model.inputs}
    unknown = set(overrides) - set(values)
    assert not unknown, f"unknown inputs {unknown}"
    values.update(overrides)
    return SimpleNamespace(**values)


def zeroed(model: Model, keep: dict[str, float]) -> SimpleNamespace:
    """Every kroner and percentage input at its minimum, then ``keep`` on top."""
    values = {i.id: i.default if i.unit in ("år", "G") else i.minimum for i in model.inputs}
    values.update(keep)
    return SimpleNamespace(**values)


def inputs_within_bounds(model: Model) -> st.SearchStrategy[SimpleNamespace]:
    fields = {}
    for field in model.inputs:
        if field.integer:
            fields[field.id] = st.integers(int(field.minimum), int(field.maximum))
        else:
            fields[field.id] = st.floats(field.minimum, field.maximum, allow_nan=False)
    return st.fixed_dictionaries(fields).map(lambda values: SimpleNamespace(**values))


def holder_total(by_holder: dict[str, float], skip: tuple[str, ...] = ()) -> float:
    return sum(value for holder, value in by_holder.items() if holder not in skip)
