"""The rules a model's declarations must keep, checked in one place, every mistake listed.

A model is declared in two files: ``calculators/data/<id>.yaml`` (title, price year, inputs with
their defaults, bounds, units and sources, presets) and ``calculators/models/<id>.py`` (outputs and
the formulas). ``check_data`` checks a parsed YAML file, ``check_model`` the outputs a module
declares. Both collect *every* problem and raise one ``DeclarationError`` that names the file and,
for each problem, the entry and the field, in words (and, for the YAML file, the line: where the
field is, or the entry it is missing from; ``calculators.core.data_files`` adds it):

    calculators/data/familie.yaml: 2 feil i modelldataene
      - linje 41, inputs[2] (barnevern), feltet «min»: er større enn max (20 000 000 > 10 000 000)
      - linje 230, presets[0] (forsiktig), feltet «values.barnevern»: må være et tall, fikk teksten «mye»

Adding a field to the YAML format is one row in a table below (``MODEL_FIELDS``, ``INPUT_FIELDS``,
``SOURCE_FIELDS``, ``PRESET_FIELDS``): its kind and whether it is required. A rule that ties
fields together (``min`` ≤ ``max``) is one function in ``INPUT_RELATIONS``. Then carry the value
into ``Input`` or ``Model`` in ``calculators/core/data_files.py``. See ``calculators/README.md``.
"""

from __future__ import annotations

import difflib
import math
import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from calculators.core.model import BUDGET_HOLDER_IDS, Model, OutputKind, Status, Unit
from calculators.core.numbers import number

UNITS = typing.get_args(Unit)
OUTPUT_KINDS = typing.get_args(OutputKind)
STATUSES = typing.get_args(Status)
KRONER_UNITS = frozenset({"kr", "kr/time", "kr/år", "kr/møte"})


class DeclarationError(ValueError):
    """One or more mistakes in a model's declarations; the message names the file and lists them all."""

    def __init__(self, file: str, problems: list[Problem] | list[str], what: str = "modelldataene") -> None:
        lines = [str(p) for p in problems]
        count = "1 feil" if len(lines) == 1 else f"{len(lines)} feil"
        super().__init__(f"{file}: {count} i {what}\n" + "\n".join(f"  - {line}" for line in lines))
        self.file = file
        self.problems = lines


class DeclarationErrors(DeclarationError):
    """Mistakes in several files, one message each, so an author sees all of them in one build."""

    def __init__(self, errors: list[DeclarationError]) -> None:
        ValueError.__init__(self, "\n".join(str(error) for error in errors))
        self.file = ", ".join(error.file for error in errors)
        self.problems = [problem for error in errors for problem in error.problems]


@dataclass(frozen=True)
class Problem:
    where: str
    """The entry: ``inputs[2] (barnevern)``, ``presets[0] (forsiktig)``, or empty for the file."""
    field: str
    text: str
    line: int | None = None
    """Where in the YAML file the field is (or the entry it is missing from), when known."""

    def __str__(self) -> str:
        entry = f"{self.where}, feltet" if self.where else "feltet"
        line = f"linje {self.line}, " if self.line else ""
        return f"{line}{entry} «{self.field}»: {self.text}"

    def field_path(self) -> str:
        """The field as one path, ``inputs[2] (barnevern).source.url`` (a field in a block may
        already name its block: ``uncertainty.samples``)."""
        block = self.where.split(" (", 1)[0]
        if not block or self.field == block or self.field.startswith(f"{block}.") or self.field.startswith(f"{block}["):
            return self.field or self.where
        return f"{self.where}.{self.field}" if self.field else self.where


# --- What a single value may be ------------------------------------------------------------------

def show(value: object) -> str:
    """A value as a maintainer wrote it: numbers the Norwegian way, text in «», others by type."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and math.isfinite(value):
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
        return number(value, min(decimals, 6))
    if isinstance(value, str):
        return f"teksten «{value}»"
    if value is None:
        return "ingenting"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en ordbok (felt: verdi)"
    return repr(value)


_NUMERIC_TEXT = re.compile(r"^[−-]?\d[\d\s\u00a0.,]*$")


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _number(value: object) -> str | None:
    if is_number(value):
        return None
    if isinstance(value, str) and _NUMERIC_TEXT.match(value.strip()):
        return (f"må være et tall, men er tekst («{value}»); skriv tallet uten anførselstegn, "
                "mellomrom eller tusenskille, med punktum som desimaltegn")
    if isinstance(value, float):
        return f"må være et endelig tall, fikk {value!r}"
    return f"må være et tall, fikk {show(value)}"


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return f"må være tekst, fikk {show(value)}"
    if not value.strip():
        return "er tom"
    return None


def _identifier(value: object) -> str | None:
    problem = _text(value)
    if problem is None and isinstance(value, str) and not value.isidentifier():
        return f"«{value}» kan bare ha bokstaver, tall og _ (og ikke begynne med et tall)"
    return problem


def _year(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        return f"må være et årstall (f.eks. 2025), fikk {show(value)}"
    return None


def _price_year(value: object) -> str | None:
    return None if value == LATEST_G else _year(value)


LATEST_G = "siste"
"""``price_year: siste`` — the newest year of the grunnbeløp series in felles.yaml."""


def _flag(value: object) -> str | None:
    return None if isinstance(value, bool) else f"må være true eller false, fikk {show(value)}"


def _https(value: object) -> str | None:
    if not (isinstance(value, str) and value.startswith("https://")):
        return f"må være en https-adresse, fikk {show(value)}"
    return None


def _one_of(choices: typing.Iterable[str]) -> Callable[[object], str | None]:
    valid = tuple(choices)

    def check(value: object) -> str | None:
        if value in valid:
            return None
        return f"{show(value)} er ukjent; gyldige: {', '.join(valid)}"

    return check


def _list(value: object) -> str | None:
    return None if isinstance(value, list) else f"må være en liste (linjer som begynner med -), fikk {show(value)}"


def _mapping(value: object) -> str | None:
    return None if isinstance(value, dict) else f"må være en ordbok (felt: verdi), fikk {show(value)}"


@dataclass(frozen=True)
class Rule:
    """What one field may hold: ``check`` returns what is wrong, or None."""

    check: Callable[[object], str | None]
    required: bool = False
    meaning: str = ""
    """One line for calculators/README.md."""


# --- The tables: one row per field ---------------------------------------------------------------

MODEL_FIELDS: dict[str, Rule] = {
    "title": Rule(_text, True, "the calculator's title"),
    "price_year": Rule(
        _price_year,
        True,
        "price year of every kroner amount: a year with G in felles.yaml, "
        "or «siste» for the newest G (then a new G is one line)",
    ),
    "inputs": Rule(_list, True, "the input fields, in the order the form shows them"),
    "presets": Rule(_list, False, "named scenarios: only the values that differ from the defaults"),
    "uncertainty": Rule(_mapping, False, "which results get an interval, and the payback output (fields below)"),
    "unpriced": Rule(_list, False, "effects the model does not price, for the plus-minus list (fields below)"),
    "key_inputs": Rule(_list, False, "4–8 input ids a trainer adjusts in presentation mode (the rest is one click away)"),
}
"""Top-level fields of ``<id>.yaml``. Keys ending in ``_source`` hold YAML anchors (``&name``)."""

INPUT_FIELDS: dict[str, Rule] = {
    "id": Rule(_identifier, True, "the name compute() reads (v.<id>); unique in the file"),
    "ref": Rule(_text, False, "take the row with this id from felles.yaml; fields here override it"),
    "label": Rule(_text, True, "the field's label on the page"),
    "help": Rule(_text, False, "one or two sentences under the field"),
    "unit": Rule(_one_of(UNITS), True, "one of the units in calculators/core/model.py"),
    "value": Rule(_number, True, "the default (kroner: in price_year's prices)"),
    "min": Rule(_number, True, "lowest value the field accepts"),
    "max": Rule(_number, True, "highest value the field accepts"),
    "step": Rule(_number, False, "the step of the number field's arrows"),
    "integer": Rule(_flag, False, "true: whole numbers only"),
    "group": Rule(_text, False, "heading the field is shown under"),
    "price_year": Rule(_year, False, "year of the prices value is given in (required for kroner)"),
    "budget_holder": Rule(_one_of(sorted(BUDGET_HOLDER_IDS)), False, "who pays or saves (cash flows)"),
    "transfer": Rule(_flag, False, "true: a transfer (a saving for a budget, not for society)"),
    "status": Rule(_one_of(STATUSES), True, "kilde (published, with url) or illustrasjon (an example)"),
    "source": Rule(_mapping, True, "where the figure comes from (fields below)"),
    "note": Rule(_text, False, "a note on the figure, shown with its source"),
    "low": Rule(_number, False, "an uncertain input's low value (with high; the value is the likely one)"),
    "high": Rule(_number, False, "an uncertain input's high value (with low)"),
    "range_note": Rule(_text, False, "why low and high are what they are (a source or a reason), on Datakilder"),
    "range_shifts": Rule(_flag, False, "true: the range keeps its width and moves with a typed value "
                                       "(corrections and timing); else it scales with the value"),
}

SOURCE_FIELDS: dict[str, Rule] = {
    "title": Rule(_text, True, "title of the publication"),
    "publisher": Rule(_text, True, "who published it"),
    "year": Rule(_year, True, "year of publication"),
    "url": Rule(_https, False, "https address (required when status is kilde)"),
    "note": Rule(_text, False, "a note shown with the source (a row's own note wins)"),
}

UNCERTAINTY_FIELDS: dict[str, Rule] = {
    "outputs": Rule(_list, True, "output ids shown with a P10–P90 interval, the main one first"),
    "payback": Rule(_identifier, True, "output whose share of draws at or above zero is the payback probability"),
    "no_effect": Rule(_text, False, "preset id shown beside the likely value as «no lasting effect»"),
    "samples": Rule(_number, False, "number of Monte Carlo draws (default 500)"),
    "seed": Rule(_number, False, "the generator's seed (a whole number; default 20261125)"),
}

UNPRICED_FIELDS: dict[str, Rule] = {
    "id": Rule(_identifier, True, "the name in the address (pm_<id>)"),
    "label": Rule(_text, True, "the effect, as the list shows it"),
    "help": Rule(_text, False, "one sentence on what it means"),
}

PRESET_FIELDS: dict[str, Rule] = {
    "id": Rule(_text, True, "the name in the address: ?preset=<id>"),
    "label": Rule(_text, True, "the name in the list"),
    "description": Rule(_text, True, "one or two sentences on what the scenario means"),
    "values": Rule(_mapping, False, "input id: value, for the inputs that differ from the defaults"),
}


# --- Rules that tie fields together ---------------------------------------------------------------

@dataclass(frozen=True)
class Context:
    """What the relations may need beyond the row: the model's price year and the G series."""

    price_year: int | None
    g_series: Mapping[int, float]
    shared_file: str = "felles.yaml"


def _min_not_above_max(row: dict, ctx: Context) -> list[tuple[str, str]]:
    if row["min"] > row["max"]:
        return [("min", f"er større enn max ({show(row['min'])} > {show(row['max'])})")]
    return []


def _value_within_bounds(row: dict, ctx: Context) -> list[tuple[str, str]]:
    if row["min"] <= row["max"] and not row["min"] <= row["value"] <= row["max"]:
        return [("value", f"{show(row['value'])} ligger utenfor grensene "
                          f"(min {show(row['min'])}, max {show(row['max'])})")]
    return []


def _whole_when_integer(row: dict, ctx: Context) -> list[tuple[str, str]]:
    if row.get("integer") is True:
        return [(name, f"må være et heltall når «integer» er true, fikk {show(row[name])}")
                for name in ("value", "min", "max") if not float(row[name]).is_integer()]
    return []


def _positive_step(row: dict, ctx: Context) -> list[tuple[str, str]]:
    if "step" in row and row["step"] <= 0:
        return [("step", f"må være større enn 0, fikk {show(row['step'])}")]
    return []


def _kroner_have_a_price_year(row: dict, ctx: Context) -> list[tuple[str, str]]:
    if row["unit"] not in KRONER_UNITS:
        return []
    year = row.get("price_year")
    if year is None:
        return [("price_year", "mangler; et kronebeløp trenger året prisene er fra")]
    if ctx.price_year is not None and year != ctx.price_year:
        missing = [y for y in (year, ctx.price_year) if y not in ctx.g_series]
        if missing:
            return [("price_year", f"{year}: grunnbeløpet for {', '.join(map(str, missing))} mangler i "
                                   f"{ctx.shared_file} (trengs for omregning til {ctx.price_year}-kroner)")]
        converted = round(to_price_year(row["value"], year, ctx.price_year, ctx.g_series))
        if not row["min"] <= converted <= row["max"]:
            return [("value", f"omregnet til {ctx.price_year}-kroner ({show(converted)}) ligger utenfor "
                              f"grensene (min {show(row['min'])}, max {show(row['max'])})")]
    return []


def _kilde_has_a_link(row: dict, ctx: Context) -> list[tuple[str, str]]:
    if row["status"] == "kilde" and "url" not in row["source"]:
        return [("source.url", "mangler; status «kilde» trenger en https-adresse til kilden")]
    return []


def _range_around_value(row: dict, ctx: Context) -> list[tuple[str, str]]:
    has = [name for name in ("low", "high") if name in row]
    if "range_note" in row and not has:
        return [("range_note", "gjelder et spenn, men feltet har verken «low» eller «high»")]
    if len(has) == 1:
        other = "high" if has[0] == "low" else "low"
        return [(other, f"mangler; «{has[0]}» trenger «{other}» (et usikkert tall har både lav og høy verdi)")]
    if not has or not (is_number(row["low"]) and is_number(row["high"])):
        return []
    problems = []
    if not row["min"] <= row["low"] <= row["value"]:
        problems.append(("low", f"{show(row['low'])} må ligge mellom min ({show(row['min'])}) og value "
                                f"({show(row['value'])})"))
    if not row["value"] <= row["high"] <= row["max"]:
        problems.append(("high", f"{show(row['high'])} må ligge mellom value ({show(row['value'])}) og max "
                                 f"({show(row['max'])})"))
    if row.get("integer") is True:
        problems += [(name, f"må være et heltall når «integer» er true, fikk {show(row[name])}")
                     for name in ("low", "high") if not float(row[name]).is_integer()]
    return problems


InputRelation = Callable[[dict, Context], list[tuple[str, str]]]
INPUT_RELATIONS: list[tuple[tuple[str, ...], InputRelation]] = [
    (("min", "max"), _min_not_above_max),
    (("value", "min", "max"), _value_within_bounds),
    (("value", "min", "max"), _whole_when_integer),
    (("step",), _positive_step),
    (("unit", "value", "min", "max"), _kroner_have_a_price_year),
    (("status", "source"), _kilde_has_a_link),
    (("value", "min", "max"), _range_around_value),
]
"""(fields the rule reads, rule). A rule runs only when every field it reads is present and valid."""


def to_price_year(value: float, from_year: int, to_year: int, g_series: Mapping[int, float]) -> float:
    """Bring a kroner amount from ``from_year`` prices to ``to_year`` prices by the G ratio."""
    if from_year == to_year:
        return value
    return value * g_series[to_year] / g_series[from_year]


# --- Checking -------------------------------------------------------------------------------------

def _unknown(name: str, table: Mapping[str, Rule]) -> str:
    close = difflib.get_close_matches(name, table, n=1)
    hint = f"mente du «{close[0]}»? " if close else ""
    return f"er ukjent; {hint}gyldige felt: {', '.join(table)}"


def check_fields(entry: dict, table: Mapping[str, Rule], where: str, prefix: str = "",
                 allow: Callable[[str], bool] = lambda name: False) -> tuple[list[Problem], set[str]]:
    """Problems of ``entry`` against ``table``, and the names of the fields that are valid."""
    problems, valid = [], set()
    for name, value in entry.items():
        if name not in table:
            if not allow(str(name)):
                problems.append(Problem(where, f"{prefix}{name}", _unknown(str(name), table)))
            continue
        problem = table[name].check(value)
        if problem:
            problems.append(Problem(where, f"{prefix}{name}", problem))
        else:
            valid.add(name)
    for name, rule in table.items():
        if rule.required and name not in entry:
            problems.append(Problem(where, f"{prefix}{name}", "mangler"))
    return problems, valid


def check_input(entry: object, where: str, ctx: Context) -> list[Problem]:
    """Every problem of one input row (after a ``ref`` has been filled in from the shared file)."""
    if not isinstance(entry, dict):
        return [Problem(where, "inputs", f"hver input må være en ordbok (felt: verdi), fikk {show(entry)}")]
    problems, valid = check_fields(entry, INPUT_FIELDS, where)
    if "source" in valid:
        problems += check_fields(entry["source"], SOURCE_FIELDS, where, "source.")[0]
    for reads, relation in INPUT_RELATIONS:
        if set(reads) <= valid:
            problems += [Problem(where, name, text) for name, text in relation(entry, ctx)]
    return problems


def check_presets(raw: object, inputs: Mapping[str, dict], other_ids: typing.Collection[str] = ()) -> list[Problem]:
    """Every problem of the ``presets`` list, given the valid input rows by id (and the ids of
    inputs that have problems of their own, so a preset is not blamed for those)."""
    if raw is None:
        return []
    problems: list[Problem] = []
    seen: dict[object, int] = {}
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        where = f"presets[{index}]"
        if not isinstance(entry, dict):
            problems.append(Problem(where, "presets", f"må være en ordbok (id, label, description, values), fikk {show(entry)}"))
            continue
        if isinstance(entry.get("id"), str):
            where = f"presets[{index}] ({entry['id']})"
            if entry["id"] in seen:
                problems.append(Problem(where, "id", f"«{entry['id']}» brukes også av presets[{seen[entry['id']]}]"))
            seen.setdefault(entry["id"], index)
        found, valid = check_fields(entry, PRESET_FIELDS, where)
        problems += found
        if "values" not in valid:
            continue
        for key, value in entry["values"].items():
            name = f"values.{key}"
            row = inputs.get(key)
            if row is None and key not in other_ids:
                close = difflib.get_close_matches(str(key), [*inputs, *other_ids], n=1)
                hint = f" Mente du «{close[0]}»?" if close else ""
                problems.append(Problem(where, name, f"viser til en input som ikke finnes.{hint}"))
            elif problem := _number(value):
                problems.append(Problem(where, name, problem))
            elif row is None:
                continue  # the input has mistakes of its own; its bounds cannot be trusted
            elif not row["min"] <= value <= row["max"]:
                problems.append(Problem(where, name, f"{show(value)} ligger utenfor grensene "
                                                     f"(min {show(row['min'])}, max {show(row['max'])})"))
            elif row.get("integer") is True and not float(value).is_integer():
                problems.append(Problem(where, name, f"må være et heltall, fikk {show(value)}"))
    return problems


def check_data(data: dict, shared_rows: Mapping[str, dict], g_series: Mapping[int, float],
               shared_file: str = "felles.yaml") -> tuple[list[Problem], list[dict]]:
    """Every problem of a parsed model file, and its input rows with ``ref`` filled in."""
    problems, valid = check_fields(data, MODEL_FIELDS, "", allow=lambda name: name.endswith("_source"))
    price_year = data.get("price_year") if "price_year" in valid else None
    if price_year == LATEST_G:
        price_year = max(g_series) if g_series else None
    if price_year is not None and price_year not in g_series:
        problems.append(Problem("", "price_year", f"{price_year} har ikke grunnbeløp i {shared_file}; "
                                                  f"finnes for {', '.join(map(str, sorted(g_series)))}"))
        price_year = None
    ctx = Context(price_year, g_series, shared_file)
    rows: list[dict] = []
    good: dict[str, dict] = {}
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["inputs"] if "inputs" in valid else []):
        where = f"inputs[{index}]"
        if isinstance(entry, dict) and "id" in entry:
            where = f"inputs[{index}] ({entry['id']})"
        if isinstance(entry, dict) and "ref" in entry:
            if entry["ref"] not in shared_rows:
                problems.append(Problem(where, "ref", f"viser til «{entry['ref']}», som ikke finnes i {shared_file}; "
                                                      f"finnes: {', '.join(shared_rows)}"))
                continue
            ref = entry["ref"]
            entry = {**shared_rows[ref], **{k: v for k, v in entry.items() if k != "ref"}}
            where = f"inputs[{index}] ({entry.get('id', ref)}, fra {shared_file})"
        found = check_input(entry, where, ctx)
        problems += found
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            if entry["id"] in seen:
                problems.append(Problem(where, "id", f"«{entry['id']}» brukes også av inputs[{seen[entry['id']]}]"))
            seen.setdefault(entry["id"], index)
            if not found:
                good[entry["id"]] = entry
        rows.append(entry)
    if "presets" in valid:
        problems += check_presets(data["presets"], good, set(seen) - set(good))
    if "uncertainty" in valid:
        problems += check_uncertainty(data["uncertainty"], data.get("presets") if "presets" in valid else [],
                                      [r for r in rows if isinstance(r, dict) and "low" in r])
    if "unpriced" in valid:
        problems += check_unpriced(data["unpriced"])
    if "key_inputs" in valid:
        problems += check_key_inputs(data["key_inputs"], seen)
    return problems, rows


def check_uncertainty(raw: dict, presets: object, ranged: list[dict]) -> list[Problem]:
    """The ``uncertainty`` block (its output ids are checked against the model in ``check_model``)."""
    problems, valid = check_fields(raw, UNCERTAINTY_FIELDS, "uncertainty", "uncertainty.")
    if "outputs" in valid:
        for index, name in enumerate(raw["outputs"]):
            if problem := _identifier(name):
                problems.append(Problem("uncertainty", f"uncertainty.outputs[{index}]", problem))
    if "no_effect" in valid:
        ids = [p.get("id") for p in (presets if isinstance(presets, list) else []) if isinstance(p, dict)]
        if raw["no_effect"] not in ids:
            problems.append(Problem("uncertainty", "uncertainty.no_effect",
                                    f"«{raw['no_effect']}» er ingen preset; finnes: {', '.join(map(str, ids))}"))
    for name in ("samples", "seed"):
        if name in valid and not (float(raw[name]).is_integer() and raw[name] >= 1):
            problems.append(Problem("uncertainty", f"uncertainty.{name}", f"må være et helt tall over 0, fikk {show(raw[name])}"))
    if not ranged:
        problems.append(Problem("uncertainty", "uncertainty", "ingen input har «low» og «high»; "
                                                               "gi de usikre tallene et intervall"))
    return problems


def check_unpriced(raw: list) -> list[Problem]:
    """The plus-minus list: each entry an id, a label and perhaps a help text; ids unique."""
    problems, seen = [], set()
    for index, entry in enumerate(raw):
        where = f"unpriced[{index}]"
        if not isinstance(entry, dict):
            problems.append(Problem(where, "unpriced", f"må være en ordbok (id, label, help), fikk {show(entry)}"))
            continue
        problems += check_fields(entry, UNPRICED_FIELDS, where)[0]
        if entry.get("id") in seen:
            problems.append(Problem(where, "id", f"«{entry['id']}» brukes av flere"))
        seen.add(entry.get("id"))
    return problems


NOT_KEY_INPUTS = {
    "horisont": "å strekke horisonten er den klassiske måten å overselge på; la den stå",
    "kalkulasjonsrente": "renten er fastsatt i R-109 og er ikke en forutsetning å prøve seg fram med",
}
"""Inputs presentation mode must not offer as ± levers (issue 23 review)."""


def check_key_inputs(key_inputs: list, ids: Mapping[str, int]) -> list[Problem]:
    """4–8 ids of inputs in the file, each once, none of ``NOT_KEY_INPUTS``."""
    problems = []
    if not 4 <= len(key_inputs) <= 8:
        problems.append(Problem("", "key_inputs", f"skal ha 4–8 input-id-er, har {len(key_inputs)}"))
    for index, key in enumerate(key_inputs):
        if key not in ids:
            problems.append(Problem(f"key_inputs[{index}]", "", f"«{key}» er ikke en input i filen; "
                                                               f"finnes: {', '.join(ids)}"))
        elif key in key_inputs[:index]:
            problems.append(Problem(f"key_inputs[{index}]", "", f"«{key}» står to ganger"))
        elif key in NOT_KEY_INPUTS:
            problems.append(Problem(f"key_inputs[{index}]", "", f"«{key}» hører ikke til i presentasjonsvisningen: "
                                                               f"{NOT_KEY_INPUTS[key]}"))
    return problems


def check_model(model: Model, file: str) -> Model:
    """``model`` unchanged, or ``DeclarationError`` listing every mistake in its outputs."""
    problems, seen = [], set()
    for output in model.outputs:
        where = f"outputs[{output.id}]"
        if not output.id.isidentifier():
            problems.append(Problem(where, "id", f"«{output.id}» kan bare ha bokstaver, tall og _"))
        if output.id in seen:
            problems.append(Problem(where, "id", "brukes av mer enn én output"))
        seen.add(output.id)
        if output.kind not in OUTPUT_KINDS:
            problems.append(Problem(where, "kind", f"«{output.kind}» er ukjent; gyldige: {', '.join(OUTPUT_KINDS)}"))
        if output.unit not in UNITS:
            problems.append(Problem(where, "unit", f"«{output.unit}» er ukjent; gyldige: {', '.join(UNITS)}"))
        if output.budget_holder is not None and output.budget_holder not in BUDGET_HOLDER_IDS:
            problems.append(Problem(where, "budget_holder", f"«{output.budget_holder}» er ukjent; gyldige: "
                                                            f"{', '.join(sorted(BUDGET_HOLDER_IDS))}"))
    if model.uncertainty is not None:
        numbers = {o.id for o in model.outputs if o.kind == "number"}
        for name in (*model.uncertainty.outputs, model.uncertainty.payback):
            if name not in numbers:
                problems.append(Problem("uncertainty", "uncertainty.outputs",
                                        f"«{name}» er ingen output av typen number"))
        if model.uncertainty.payback not in model.uncertainty.outputs:
            problems.append(Problem("uncertainty", "uncertainty.payback",
                                    f"«{model.uncertainty.payback}» må også stå i uncertainty.outputs"))
    if problems:
        raise DeclarationError(file, problems, f"deklarasjonene til «{model.id}»")
    return model
