"""A model's inputs, defaults and presets, read from ``calculators/data/<id>.yaml``.

Every model has one file; figures several models share live in ``felles.yaml`` and an input
points to them with ``ref``. Reading a file here is: parse the YAML, let
``calculators.core.declarations`` check everything it says (all mistakes at once, naming the file and
the field), then make ``Input`` and ``Preset`` objects. The rules themselves live only in
``declarations``.

Kroner amounts from an older price year are brought to the model's price year with the
grunnbeløp (G) series in ``felles.yaml``: ``value × G(model year) / G(row year)``. G follows
wage growth, which suits services that are mostly wages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from calculators.core.declarations import (
    KRONER_UNITS,
    LATEST_G,
    DeclarationError,
    check_data,
    is_number,
    show,
    to_price_year,
)
from calculators.core.model import Input, Model, Preset, Range, Source, Uncertainty, Unpriced
from veileder import yamltext

ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(__file__).parent.parent / "data"
SHARED_FILE = "felles.yaml"

DataError = DeclarationError
"""A mistake in a data file (the same error as every other declaration mistake)."""

__all__ = [
    "DATA_DIR", "SHARED_FILE", "DataError", "KRONER_UNITS", "ModelData", "g_series", "load_file",
    "load_model_data", "shared_data", "to_price_year",
]


@dataclass(frozen=True)
class ModelData:
    """Everything a model module reads from its data file."""

    file: str
    title: str
    price_year: int
    inputs: tuple[Input, ...]
    presets: tuple[Preset, ...]
    ranges: tuple[Range, ...] = ()
    uncertainty: Uncertainty | None = None
    unpriced: tuple[Unpriced, ...] = ()
    key_inputs: tuple[str, ...] = ()

    def row(self, input_id: str) -> Input:
        for field in self.inputs:
            if field.id == input_id:
                return field
        raise DeclarationError(self.file, [f"inputs: mangler «{input_id}», som modellen trenger"])

    def model(self, **declared_in_python: Any) -> Model:
        """The ``Model``: what the file declares, plus what the module declares in Python
        (``id``, ``description``, ``outputs``, ``compute``, ``helpers``)."""
        return Model(title=self.title, inputs=self.inputs, presets=self.presets,
                     price_year=self.price_year, ranges=self.ranges,
                     uncertainty=self.uncertainty, unpriced=self.unpriced,
                     key_inputs=self.key_inputs, **declared_in_python)

    @property
    def rows(self) -> tuple[Input, ...]:
        """The inputs (older name)."""
        return self.inputs


def display_path(path: Path) -> str:
    """``calculators/data/familie.yaml`` for a file in this checkout, else the full path."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def read_yaml(path: Path) -> Any:
    """The parsed file, or ``DeclarationError`` saying where the YAML is broken."""
    return read_yaml_with_lines(path)[0]


def read_yaml_with_lines(path: Path) -> tuple[Any, yamltext.Lines]:
    """``read_yaml``, and the line of each field (for the messages)."""
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DeclarationError(file, [f"kan ikke leses: {error.strerror}"]) from None
    try:
        return yamltext.load_with_lines(text)
    except yaml.YAMLError as error:
        where = yamltext.error_place(error)
        raise DeclarationError(file, [f"ikke gyldig YAML: {where}: {yamltext.error_problem(error)}" if where
                                      else f"ikke gyldig YAML: {yamltext.error_problem(error)}"]) from None


def _g_series(shared: Any) -> dict[int, float]:
    series = shared.get("grunnbelop_serie", {}).get("values", {}) if isinstance(shared, dict) else {}
    return {int(year): float(value) for year, value in series.items() if is_number(value)}


def _input(entry: dict, model_year: int, g: dict[int, float]) -> Input:
    raw = entry["source"]
    value = float(entry["value"])
    default = value
    if entry["unit"] in KRONER_UNITS and entry["price_year"] != model_year:
        default = float(round(to_price_year(value, entry["price_year"], model_year, g)))
    return Input(
        id=entry["id"], label=entry["label"].strip(), unit=entry["unit"], default=default,
        minimum=float(entry["min"]), maximum=float(entry["max"]),
        source=Source(title=raw["title"].strip(), publisher=raw["publisher"].strip(), year=raw["year"],
                      status=entry["status"], url=raw.get("url"),
                      note=entry.get("note", raw.get("note", "")).strip()),
        help=entry.get("help", "").strip(), step=float(entry["step"]) if "step" in entry else None,
        integer=entry.get("integer", False), group=entry.get("group", "").strip(),
        price_year=entry.get("price_year"), original=value if default != value else None,
        budget_holder=entry.get("budget_holder"), transfer=entry.get("transfer", False),
    )


def load_file(path: Path, shared: dict[str, Any] | None = None) -> ModelData:
    """Read and check one model data file. ``shared`` is the parsed ``felles.yaml``."""
    file = display_path(path)
    data, lines = read_yaml_with_lines(path)
    if not isinstance(data, dict):
        raise DeclarationError(file, [f"filen må være en YAML-ordbok (felt: verdi), er {show(data)}"])
    if shared is None:
        shared = read_yaml(path.parent / SHARED_FILE)
    shared_rows: dict[Any, dict] = {entry.get("id"): entry for entry in (shared or {}).get("rows", [])
                                    if isinstance(entry, dict)}
    g = _g_series(shared)
    problems, rows = check_data(data, shared_rows, g, SHARED_FILE)
    if problems:
        raise DeclarationError(file, [replace(p, line=lines.at(p.field_path())) for p in problems])
    year = max(g) if data["price_year"] == LATEST_G else data["price_year"]
    presets = tuple(
        Preset(id=p["id"], label=p["label"].strip(), description=p["description"].strip(),
               values={key: float(value) for key, value in (p.get("values") or {}).items()})
        for p in data.get("presets") or ())
    inputs = tuple(_input(row, year, g) for row in rows)
    ranges = tuple(_range(row, year, g) for row in rows if "low" in row)
    raw = data.get("uncertainty")
    uncertainty = None if raw is None else Uncertainty(
        outputs=tuple(raw["outputs"]), payback=raw["payback"], no_effect=raw.get("no_effect"),
        samples=int(raw.get("samples", 500)), seed=int(raw.get("seed", 20261125)))
    unpriced = tuple(Unpriced(id=e["id"], label=e["label"].strip(), help=e.get("help", "").strip())
                     for e in data.get("unpriced") or ())
    return ModelData(file, data["title"].strip(), year, inputs, presets, ranges, uncertainty, unpriced,
                     tuple(data.get("key_inputs") or ()))


def _range(entry: dict, model_year: int, g: dict[int, float]) -> Range:
    """An input's low and high, in the model's price year like its value."""
    low, high = float(entry["low"]), float(entry["high"])
    if entry["unit"] in KRONER_UNITS and entry["price_year"] != model_year:
        low = float(round(to_price_year(low, entry["price_year"], model_year, g)))
        high = float(round(to_price_year(high, entry["price_year"], model_year, g)))
    return Range(entry["id"], low, high, " ".join(str(entry.get("range_note", "")).split()),
                 bool(entry.get("range_shifts", False)))


@cache
def load_model_data(model_id: str) -> ModelData:
    """The checked data for ``model_id`` (``calculators/data/<model_id>.yaml``).

    Cached for the life of the process; a rebuild under ./dev serve imports the packages afresh
    (hooks/site.py), which drops it.
    """
    return load_file(DATA_DIR / f"{model_id}.yaml")


@cache
def shared_data() -> dict[str, Any]:
    """The parsed ``felles.yaml`` (G series and shared figures)."""
    return read_yaml(DATA_DIR / SHARED_FILE)


def g_series() -> dict[int, float]:
    """Grunnbeløpet per year (from 1 May), from ``felles.yaml``."""
    return _g_series(shared_data())
