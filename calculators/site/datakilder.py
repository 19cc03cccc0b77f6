"""The *Datakilder* page: a table of every default figure of every calculator.

The stage (``sitegen/stage.py``) replaces the marker ``<!-- datakilder -->`` with ``render()``. Each model
(its data file ``calculators/data/<id>.yaml``) gets a section; the grunnbeløp series used for
price-year conversion gets its own.
"""

from __future__ import annotations

from calculators.core.data_files import load_model_data, shared_data
from calculators.core.model import BUDGET_HOLDERS, Input, Source
from calculators.core.numbers import number
from calculators.engine import registry

HOLDER_LABELS = {holder.id: holder.label for holder in BUDGET_HOLDERS}
STATUS_LABELS = {"kilde": "Kilde", "illustrasjon": "**Illustrasjon**"}


def _cell(text: str) -> str:
    """Table cells may not hold a pipe or a line break."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _value(row: Input) -> str:
    decimals = 0 if float(row.default).is_integer() else (3 if row.unit == "G" else 1)
    text = f"{number(row.default, decimals)} {row.unit}"
    if row.original is not None:
        text += f" (omregnet fra {number(row.original)} kr i {row.price_year}-kroner)"
    return text


def _source(source: Source) -> str:
    title = f"[{_cell(source.title)}]({source.url})" if source.url else _cell(source.title)
    return f"{title}, {_cell(source.publisher)} ({source.year})"


def model_files() -> list[str]:
    """Ids of the models, in name order (each has its data file ``calculators/data/<id>.yaml``)."""
    return registry.model_ids()


def model_table(model_id: str) -> str:
    data = load_model_data(model_id)
    lines = [
        "| Tall | Verdi | Prisår | Budsjett | Kilde | Status |",
        "|---|---|---|---|---|---|",
    ]
    for row in data.rows:
        holder = HOLDER_LABELS.get(row.budget_holder or "", "–")
        price_year = str(row.price_year) if row.price_year else "–"
        note = f" {_cell(row.source.note)}" if row.source.note else ""
        lines.append(
            f"| {_cell(row.label)} | {_value(row)} | {price_year} | {_cell(holder)} "
            f"| {_source(row.source)}.{note} | {STATUS_LABELS[row.source.status]} |"
        )
    return "\n".join(lines)


RANGE_INTRO = ("Tallene under er usikre. Kalkulatoren regner ut midtverdien og et intervall («8 av 10 "
               "trekninger mellom») ved å trekke hvert av dem mellom lav og høy verdi, oftest nær "
               "standardverdien (en trekantfordeling). Endres et beløp eller en effekt i skjemaet, følger "
               "spennet med i samme forhold; spennet for korreksjoner og tidspunkter (merket «fast spenn») "
               "står fast. Lav og høy kan endres i kalkulatoren under «Usikkerhet: lav og høy verdi».")
RANGE_DEFAULT = "Anslått spenn (illustrasjon), ikke målt. Bytt ut med egne anslag."


def _amount(value: float, unit: str) -> str:
    decimals = 0 if float(value).is_integer() else (3 if unit == "G" else 1)
    return f"{number(value, decimals)} {unit}"


def range_table(model_id: str) -> str:
    """The uncertain inputs: low, likely and high value, and why the range is what it is. The
    calculator's interval (P10–P90) is drawn over these (calculators/core/uncertainty.py)."""
    data = load_model_data(model_id)
    if not data.ranges:
        return ""
    rows = {row.id: row for row in data.rows}
    lines = ["| Tall | Lav | Standardverdi | Høy | Grunnlag for spennet |", "|---|---|---|---|---|"]
    for r in data.ranges:
        row = rows[r.id]
        lines.append(f"| {_cell(row.label)} | {_amount(r.low, row.unit)} | {_amount(row.default, row.unit)} "
                     f"| {_amount(r.high, row.unit)} | {_cell(r.note or RANGE_DEFAULT)} |")
    return "\n".join(lines)


def g_table() -> str:
    series = shared_data()["grunnbelop_serie"]
    source = series["source"]
    lines = ["| Fra 1. mai | Grunnbeløpet (G) |", "|---|---|"]
    lines += [f"| {year} | {number(value)} kr |" for year, value in sorted(series["values"].items())]
    lines.append("")
    lines.append(f"Kilde: [{source['title']}]({source['url']}), {source['publisher']} ({source['year']}).")
    return "\n".join(lines)


def render() -> str:
    """Markdown for the whole table section of the page."""
    parts = []
    for model_id in model_files():
        data = load_model_data(model_id)
        parts.append(f"## {data.title}\n\nAlle kronebeløp i {data.price_year}-kroner.\n\n{model_table(model_id)}")
        ranges = range_table(model_id)
        if ranges:
            parts.append(f"### {data.title}: lav og høy verdi\n\n{RANGE_INTRO}\n\n{ranges}")
    parts.append("## Grunnbeløpet brukt til omregning av prisår\n\n" + g_table())
    return "\n\n".join(parts)
