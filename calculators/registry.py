"""Find the models: every module ``calculators/models/<id>.py`` that defines ``MODEL``."""

from __future__ import annotations

import importlib
from pathlib import Path

from calculators.declarations import DeclarationError, DeclarationErrors, check_model
from calculators.model import Model

MODELS_DIR = Path(__file__).parent / "models"


class UnknownModel(LookupError):
    """No model with that id; the message lists the ones there are."""


def model_ids() -> list[str]:
    """Ids of all model modules, sorted (the file name is the id)."""
    return sorted(p.stem for p in MODELS_DIR.glob("*.py") if not p.stem.startswith("_"))


def load(model_id: str) -> Model:
    """The ``MODEL`` of ``calculators/models/<model_id>.py``."""
    if model_id not in model_ids():
        raise UnknownModel(
            f"ukjent kalkulator «{model_id}»; finnes: {', '.join(model_ids()) or 'ingen'}")
    module = importlib.import_module(f"calculators.models.{model_id}")
    model = getattr(module, "MODEL", None)
    if not isinstance(model, Model) or model.id != model_id:
        raise UnknownModel(
            f"calculators/models/{model_id}.py må definere MODEL = Model(id=\"{model_id}\", …)")
    return check_model(model, f"calculators/models/{model_id}.py")


def all_models() -> list[Model]:
    """Every model; mistakes in several models' declarations are reported together."""
    models, errors = [], []
    for model_id in model_ids():
        try:
            models.append(load(model_id))
        except DeclarationError as error:
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DeclarationErrors(errors)
    return models
