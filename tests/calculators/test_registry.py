"""The registry finds every model module, loads it checked, and names what exists on a typo."""

from __future__ import annotations

import pytest

from calculators.core.model import Model
from calculators.engine import registry


def test_every_model_module_is_registered_under_its_file_name() -> None:
    files = sorted(p.stem for p in registry.MODELS_DIR.glob("*.py") if not p.stem.startswith("_"))
    assert registry.model_ids() == files
    assert files, "no model modules found"


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_load_gives_the_model_whose_id_is_the_file_name(model_id: str) -> None:
    model = registry.load(model_id)
    assert isinstance(model, Model) and model.id == model_id


def test_all_models_is_every_registered_model_in_order() -> None:
    assert [m.id for m in registry.all_models()] == registry.model_ids()


def test_an_unknown_id_lists_the_models_there_are() -> None:
    with pytest.raises(registry.UnknownModel) as error:
        registry.load("familia")
    message = str(error.value)
    assert "ukjent kalkulator «familia»" in message
    assert all(model_id in message for model_id in registry.model_ids())
