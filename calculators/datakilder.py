"""The *Datakilder* page: a table of every default figure of every calculator.

``hooks/okonomi.py`` replaces the marker ``<!-- datakilder -->`` with ``render()``. Each model
data file (one with ``price_year`` and ``inputs``) gets a section; a model whose defaults are
declared in its Python module (no data file) gets one from its declarations; the grunnbeløp
series used for price-year conversion gets its own.
"""

from __future__ import annotations

import yaml

from calculators import registry
from calculators.data_files import DATA_DIR, SHARED_FILE, DataRow, load_model_data, shared_data
from calculators.model import BUDGET_HOLDERS, Model, Source
from calculators.numbers import number

HOLDER_LABELS = {holder.id: holder.label for holder in BUDGET_HOLDERS}
STATUS_LABELS = {"kilde": "Kilde", "illustrasjon": "**Illustrasjon**"}


def _cell(text: str) -> str:
    """Table cells may not hold a pipe or a line break."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _value(row: DataRow) -> str:
    decimals = 0 if float(row.value).is_integer() else (3 if row.unit == "G" else 1)
    text = f"{number(row.value, decimals)} {row.unit}"
    if row.original_value != row.value:
        text += f" (omregnet fra {number(row.original_value)} kr i {row.price_year}-kroner)"
    return text


def _source(source: Source) -> str:
    title = f"[{_cell(source.title)}]({source.url})" if source.url else _cell(source.title)
    return f"{title}, {_cell(source.publisher)} ({source.year})"


def model_files() -> list[str]:
    """Ids of the model data files, in name order."""
    ids = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name == SHARED_FILE:
            continue
        text = path.read_text(encoding="utf-8")
        if "\nprice_year:" in f"\n{text}" and "\ninputs:" in f"\n{text}":
            ids.append(path.stem)
    return ids


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


def declared_table(model: Model) -> str:
    """The table for a model whose defaults live in its Python declarations."""
    lines = ["| Tall | Verdi | Kilde | Status |", "|---|---|---|---|"]
    for field in model.inputs:
        decimals = 0 if float(field.default).is_integer() else 2
        note = f" {_cell(field.source.note)}" if field.source.note else ""
        lines.append(
            f"| {_cell(field.label)} | {number(field.default, decimals)} {field.unit} "
            f"| {_source(field.source)}.{note} | {STATUS_LABELS[field.source.status]} |"
        )
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
        title = _title(model_id)
        parts.append(f"## {title}\n\nAlle kronebeløp i {data.price_year}-kroner.\n\n{model_table(model_id)}")
    for model_id in sorted(set(registry.model_ids()) - set(model_files())):
        model = registry.load(model_id)
        year = f"Alle kronebeløp i {model.price_year}-kroner.\n\n" if model.price_year else ""
        parts.append(f"## {model.title}\n\n{year}{declared_table(model)}")
    parts.append("## Grunnbeløpet brukt til omregning av prisår\n\n" + g_table())
    return "\n\n".join(parts)


def _title(model_id: str) -> str:
    content = yaml.safe_load((DATA_DIR / f"{model_id}.yaml").read_text(encoding="utf-8"))
    return str(content.get("title") or model_id)
