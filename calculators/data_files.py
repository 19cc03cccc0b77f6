"""Unit costs, defaults and presets from ``calculators/data/*.yaml``, checked on load.

Each model has one file (``familie.yaml``, ``utenforskap.yaml``); figures several models share
live in ``felles.yaml`` and a model's input points to them with ``ref``. Every input row carries
its value, unit, price year, budget holder (for cash flows), source and status (``kilde`` or
``illustrasjon``). Authoring mistakes raise ``DataError`` naming the file, the row and the field.

Kroner amounts from an older price year are brought to the model's price year with the
grunnbeløp (G) series in ``felles.yaml``: ``value × G(model year) / G(row year)``. G follows
wage growth, which suits services that are mostly wages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args

import yaml

from calculators.model import BUDGET_HOLDER_IDS, Input, Preset, Source, Status, Unit

DATA_DIR = Path(__file__).parent / "data"
SHARED_FILE = "felles.yaml"
KRONER_UNITS = frozenset({"kr", "kr/time", "kr/år", "kr/møte"})
UNITS = frozenset(get_args(Unit))
STATUSES = frozenset(get_args(Status))
INPUT_FIELDS = {
    "id", "ref", "label", "help", "unit", "value", "min", "max", "step", "integer", "group",
    "price_year", "budget_holder", "transfer", "status", "source", "note",
}
SOURCE_FIELDS = {"title", "publisher", "url", "year"}


class DataError(ValueError):
    """A mistake in a data file; the message names file, row and field."""


@dataclass(frozen=True)
class DataRow:
    """One input row after validation, with its value in the model's price year."""

    file: str
    id: str
    label: str
    unit: str
    value: float
    """Value in the model's price year (converted from ``original_value`` if kroner)."""
    original_value: float
    price_year: int | None
    minimum: float
    maximum: float
    source: Source
    budget_holder: str | None = None
    transfer: bool = False
    help: str = ""
    group: str = ""
    step: float | None = None
    integer: bool = False

    def to_input(self) -> Input:
        return Input(
            id=self.id, label=self.label, unit=self.unit, default=self.value,
            minimum=self.minimum, maximum=self.maximum, source=self.source, help=self.help,
            step=self.step, integer=self.integer, group=self.group,
        )


@dataclass(frozen=True)
class ModelData:
    """Everything a model module reads from its data file."""

    file: str
    price_year: int
    rows: tuple[DataRow, ...]
    presets: tuple[Preset, ...]

    def row(self, row_id: str) -> DataRow:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise DataError(f"{self.file}: mangler raden «{row_id}» som modellen trenger")

    @property
    def inputs(self) -> tuple[Input, ...]:
        return tuple(row.to_input() for row in self.rows)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DataError(f"{path.name}: ikke gyldig YAML: {error}") from error
    if not isinstance(data, dict):
        raise DataError(f"{path.name}: filen må være en YAML-ordbok (nøkkel: verdi)")
    return data


def _fail(where: str, field: str, problem: str) -> DataError:
    return DataError(f"{where}: feltet «{field}» {problem}")


def _number(where: str, entry: dict, field: str) -> float:
    value = entry.get(field)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(where, field, f"må være et tall, fikk {value!r}")
    return float(value)


def _text(where: str, entry: dict, field: str, required: bool = True) -> str:
    value = entry.get(field, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(where, field, "mangler eller er ikke tekst")
    return value.strip()


def _source(where: str, entry: dict) -> Source:
    status = entry.get("status")
    if status not in STATUSES:
        raise _fail(where, "status", f"må være «kilde» eller «illustrasjon», fikk {status!r}")
    raw = entry.get("source")
    if not isinstance(raw, dict):
        raise _fail(where, "source", "mangler (tittel, utgiver, år og for «kilde» en URL)")
    unknown = set(raw) - SOURCE_FIELDS
    if unknown:
        raise _fail(where, "source", f"har ukjente felt {sorted(unknown)}; gyldige: {sorted(SOURCE_FIELDS)}")
    title = _text(where, raw, "title")
    publisher = _text(where, raw, "publisher")
    year = raw.get("year")
    if not isinstance(year, int) or not 1900 <= year <= 2100:
        raise _fail(where, "source.year", f"må være et årstall, fikk {year!r}")
    url = raw.get("url")
    if status == "kilde" and not (isinstance(url, str) and url.startswith("https://")):
        raise _fail(where, "source.url", "må være en https-adresse når status er «kilde»")
    if url is not None and not (isinstance(url, str) and url.startswith("https://")):
        raise _fail(where, "source.url", f"må være en https-adresse, fikk {url!r}")
    note = entry.get("note", "")
    return Source(title=title, publisher=publisher, year=year, status=status, url=url, note=note)


def _g_series(shared: dict[str, Any]) -> dict[int, float]:
    series = shared.get("grunnbelop_serie", {}).get("values", {})
    return {int(year): float(value) for year, value in series.items()}


def to_price_year(value: float, from_year: int, to_year: int, g_series: dict[int, float]) -> float:
    """Bring a kroner amount from ``from_year`` prices to ``to_year`` prices by the G ratio."""
    if from_year == to_year:
        return value
    for year in (from_year, to_year):
        if year not in g_series:
            raise DataError(f"{SHARED_FILE}: grunnbeløpet mangler for {year} (trengs for omregning av prisår)")
    return value * g_series[to_year] / g_series[from_year]


def _row(where: str, entry: dict, model_year: int, g_series: dict[int, float], file: str) -> DataRow:
    unknown = set(entry) - INPUT_FIELDS
    if unknown:
        raise _fail(where, sorted(unknown)[0], f"er ukjent; gyldige felt: {sorted(INPUT_FIELDS)}")
    row_id = _text(where, entry, "id")
    unit = entry.get("unit")
    if unit not in UNITS:
        raise _fail(where, "unit", f"er ukjent: {unit!r}; gyldige: {sorted(UNITS)}")
    value = _number(where, entry, "value")
    minimum, maximum = _number(where, entry, "min"), _number(where, entry, "max")
    if not minimum <= value <= maximum:
        raise _fail(where, "value", f"{value:g} ligger utenfor grensene [{minimum:g}, {maximum:g}]")
    holder = entry.get("budget_holder")
    if holder is not None and holder not in BUDGET_HOLDER_IDS:
        raise _fail(where, "budget_holder", f"er ukjent: {holder!r}; gyldige: {sorted(BUDGET_HOLDER_IDS)}")
    price_year = entry.get("price_year")
    converted = value
    if unit in KRONER_UNITS:
        if not isinstance(price_year, int):
            raise _fail(where, "price_year", "mangler (kroner trenger et prisår)")
        converted = round(to_price_year(value, price_year, model_year, g_series))
        if not minimum <= converted <= maximum:
            raise _fail(where, "value", f"omregnet til {model_year}-kroner ({converted:g}) ligger utenfor grensene")
    step = entry.get("step")
    return DataRow(
        file=file, id=row_id, label=_text(where, entry, "label"), unit=unit, value=converted,
        original_value=value, price_year=price_year, minimum=minimum, maximum=maximum,
        source=_source(where, entry), budget_holder=holder, transfer=bool(entry.get("transfer", False)),
        help=_text(where, entry, "help", required=False), group=_text(where, entry, "group", required=False),
        step=float(step) if step is not None else None, integer=bool(entry.get("integer", False)),
    )


def _presets(file: str, raw: Any, rows: tuple[DataRow, ...]) -> tuple[Preset, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise DataError(f"{file}: «presets» må være en liste")
    by_id = {row.id: row for row in rows}
    presets = []
    for index, entry in enumerate(raw):
        where = f"{file}: presets[{index}]"
        preset_id = _text(where, entry, "id")
        where = f"{file}: presets[{index}] ({preset_id})"
        values = entry.get("values") or {}
        for input_id in values:
            if input_id not in by_id:
                raise _fail(where, f"values.{input_id}", f"viser til en inndata som ikke finnes; gyldige: {sorted(by_id)}")
            row = by_id[input_id]
            number = _number(where, values, input_id)
            if not row.minimum <= number <= row.maximum:
                raise _fail(where, f"values.{input_id}", f"{number:g} ligger utenfor [{row.minimum:g}, {row.maximum:g}]")
        presets.append(Preset(
            id=preset_id, label=_text(where, entry, "label"),
            description=_text(where, entry, "description"),
            values={key: float(value) for key, value in values.items()},
        ))
    return tuple(presets)


def load_file(path: Path, shared: dict[str, Any] | None = None) -> ModelData:
    """Read and check one model data file. ``shared`` is the parsed ``felles.yaml``."""
    file = path.name
    data = _read_yaml(path)
    if shared is None:
        shared = _read_yaml(path.parent / SHARED_FILE)
    shared_rows = {entry.get("id"): entry for entry in shared.get("rows", [])}
    model_year = data.get("price_year")
    g_series = _g_series(shared)
    if not isinstance(model_year, int) or model_year not in g_series:
        raise _fail(file, "price_year", f"må være et år med grunnbeløp i {SHARED_FILE}, fikk {model_year!r}")
    raw_inputs = data.get("inputs")
    if not isinstance(raw_inputs, list) or not raw_inputs:
        raise _fail(file, "inputs", "mangler eller er tom")
    rows = []
    for index, entry in enumerate(raw_inputs):
        where = f"{file}: inputs[{index}]"
        if not isinstance(entry, dict):
            raise DataError(f"{where}: må være en ordbok")
        if "ref" in entry:
            if entry["ref"] not in shared_rows:
                raise _fail(where, "ref", f"viser til {entry['ref']!r}, som ikke finnes i {SHARED_FILE}")
            entry = {**shared_rows[entry["ref"]], **{k: v for k, v in entry.items() if k != "ref"}}
        if "id" in entry:
            where = f"{file}: inputs[{index}] ({entry['id']})"
        rows.append(_row(where, entry, model_year, g_series, file))
    ids = [row.id for row in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise _fail(file, "inputs", f"har samme id flere ganger: {duplicates}")
    rows_tuple = tuple(rows)
    return ModelData(file, model_year, rows_tuple, _presets(file, data.get("presets"), rows_tuple))


@cache
def load_model_data(model_id: str) -> ModelData:
    """The checked data for ``model_id`` (``calculators/data/<model_id>.yaml``)."""
    return load_file(DATA_DIR / f"{model_id}.yaml")


@cache
def shared_data() -> dict[str, Any]:
    """The parsed ``felles.yaml`` (G series and shared figures)."""
    return _read_yaml(DATA_DIR / SHARED_FILE)


def g_series() -> dict[int, float]:
    """Grunnbeløpet per year (from 1 May), from ``felles.yaml``."""
    return _g_series(shared_data())
