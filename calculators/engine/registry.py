"""Find the models: every module ``calculators/models/<id>.py`` that defines ``MODEL``."""

from __future__ import annotations

import importlib
import traceback
from pathlib import Path

from calculators.core.declarations import DeclarationError, DeclarationErrors, check_model
from calculators.core.model import Model

MODELS_DIR = Path(__file__).parent.parent / "models"


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
    file = f"calculators/models/{model_id}.py"
    try:
        module = importlib.import_module(f"calculators.models.{model_id}")
    except DeclarationError:
        raise  # the model's data file, named by the check that found it
    except Exception as error:  # noqa: BLE001 – any mistake in the model's code: named, no traceback
        raise DeclarationError(file, [code_problem(error)], "modellkoden") from None
    model = getattr(module, "MODEL", None)
    if not isinstance(model, Model) or model.id != model_id:
        raise DeclarationError(file, [f"må definere MODEL = DATA.model(id=\"{model_id}\", …)"], "modellkoden")
    return check_model(model, f"calculators/models/{model_id}.py")


def code_problem(error: BaseException) -> str:
    """A mistake in Python code as one line: where in the repository's files it happened (the
    innermost line of ours) and what, e.g. «linje 12 i calculators/models/familie.py: NameError:
    name 'DATAA' is not defined»."""
    root = Path(__file__).resolve().parent.parent.parent
    if isinstance(error, SyntaxError) and error.filename:
        path = Path(error.filename).resolve()
        where = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
        return f"linje {error.lineno} i {where}: ugyldig Python ({error.msg})"
    place = ""
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(root) and ".venv" not in path.parts:
            place = f"linje {frame.lineno} i {path.relative_to(root)}: "
    return f"{place}{type(error).__name__}: {error}"


def all_models() -> list[Model]:
    """Every model, each run once with its defaults and with each preset (``run_problems``);
    mistakes in several models' declarations or code are reported together."""
    models, errors = [], []
    for model_id in model_ids():
        try:
            model = load(model_id)
        except DeclarationError as error:
            errors.append(error)
            continue
        problems = run_problems(model)
        if problems:
            errors.append(DeclarationError(f"calculators/models/{model_id}.py", problems, "modellkoden"))
        else:
            models.append(model)
    # A mistake in the shared felles.yaml reaches every model that reads it: named once.
    errors = list({str(error): error for error in errors}.values())
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DeclarationErrors(errors)
    return models


def run_problems(model: Model) -> list[str]:
    """What goes wrong when ``compute`` runs with the defaults and with each preset: raising, or
    returning the wrong outputs. Every page, the notebook and the workshops run the model later;
    found here, the message names the model's file and line, not the place that ran it first."""
    from calculators.engine.evaluate import evaluate
    problems = []
    for preset in (None, *model.presets):
        label = "standardverdiene" if preset is None else f"forhåndsvalget «{preset.id}»"
        try:
            evaluate(model, dict(preset.values) if preset is not None else {})
        except Exception as error:  # noqa: BLE001 – named with its line, never a traceback
            frames = traceback.extract_tb(error.__traceback__)
            said = bool(frames) and Path(frames[-1].filename).name == "evaluate.py"  # evaluate's own words
            problems.append(f"compute med {label}: " + (str(error) if said else code_problem(error)))
            if preset is None:
                break  # the presets would say the same
    return problems
