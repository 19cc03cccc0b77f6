"""Server-side HTML of a calculator: the form with its defaults and the results Python computed.

The page reads right with JavaScript off and in print; ``kalkulator.js`` then rebuilds the part
marked ``data-vl-out`` on every change with the same structure (keep the two in step). Every
text is escaped; numbers are formatted exactly as the runtime formats them (``format_number``).
"""

from __future__ import annotations

import math
from html import escape

from calculators.bundle import HOLDER_KINDS
from calculators.evaluate import evaluate
from calculators.model import BUDGET_HOLDERS, LEVEL_LABELS, LEVELS, Input, Model, Output, Source
from calculators.prices import price_note

NBSP, MINUS = "\u00a0", "\u2212"
DECIMALS = {"kr": 0, "kr/time": 0, "kr/år": 0, "kr/møte": 0, "timer": 2, "%": 2, "år": 0,
            "antall": 2, "G": 2, "faktor": 3}
UNIT_LABELS = {"kr": "kr", "kr/time": "kr per time", "kr/år": "kr per år",
               "kr/møte": "kr per møte", "timer": "timer", "%": "%", "år": "år", "antall": "",
               "G": "G", "faktor": ""}
# Chart geometry in SVG user units (text is 13 units high, kalkulator.css; "char" is a safe width
# of one letter). A chart is drawn "scale" CSS pixels per unit, narrower when the column is.
# kalkulator.js has the same numbers in its CHART: change both together.
CHART = {"width": 400, "char": 7.5, "scale": 1.25, "label": 18, "bar": 14, "gap": 10,
         "legend": 18, "sample": 28, "plot": 180, "band": 16, "edge": 12}
TEXT = {
    "results": "Resultat",
    "all_results": "Alle resultater",
    "result": "Resultat",
    "value": "Verdi",
    "year": "År",
    "per_year": "år for år",
    "who_pays": "Hvem betaler og hvem sparer",
    "holder": "Budsjett",
    "sum": "Sum",
    "assumptions": "Forutsetninger og kilder",
    "price_year": "Alle kronebeløp er i {year}-kroner (faste priser).",
    "illustration": "Illustrasjon – bytt ut med egne tall",
    "source": "Kilde",
    "noscript": "Slå på JavaScript for å regne med egne tall. Resultatet under gjelder "
                "standardverdiene.",
    "stale": "Resultatet er ikke oppdatert. Rett feltet som er merket.",
    "copy": "Kopier lenke",
    "reset": "Tilbakestill",
    "preset": "Forhåndsinnstilling",
    "own_values": "Egne tall",
    "never": "ikke innen perioden",
    "chart": "Søylediagram: {label}. Tallene står i tabellen.",
    "positive_saves": "Positive tall er besparelser, negative tall er kostnader.",
    "line_chart": "Linjediagram: {label}, summert for {levels}. Tallene står i tabellen.",
    "and": "og",
    "level_year": "{level}, år {year}: {value}",
}


def format_number(value: float, unit: str, exact: bool = False) -> str:
    """Norwegian: groups of three with no-break spaces, decimal comma, minus sign, unit.

    Rounds to the unit's decimals half to even on exact ties (as Python's format does; the
    runtime copies this), then drops trailing zeros. ``exact`` (an input's value, as typed)
    keeps every decimal the number has.
    """
    decimals = DECIMALS[unit]
    if exact and "e" not in repr(float(value)):
        decimals = max(decimals, len(repr(float(value)).partition(".")[2]))
    digits = format(abs(value), f".{decimals}f")
    whole, _, fraction = digits.partition(".")
    fraction = fraction.rstrip("0")
    grouped = ""
    while len(whole) > 3:
        whole, grouped = whole[:-3], NBSP + whole[-3:] + grouped
    text = whole + grouped + ("," + fraction if fraction else "")
    if value < 0 and digits.strip("0.") != "":
        text = MINUS + text
    label = UNIT_LABELS[unit]
    return f"{text}{NBSP}{label}" if label else text


def format_output(value: float, output: Output) -> str:
    if output.kind == "year":
        return TEXT["never"] if value < 0 else f"{TEXT['year'].lower()}{NBSP}{int(value)}"
    return format_number(value, output.unit)


def render(model: Model) -> str:
    """The calculator for ``model`` (form, default results, assumptions) as HTML."""
    prefix = f"vl-{model.id}"
    results = evaluate(model)
    return "".join((
        f'<div class="vl-calc" data-vl-calc="{escape(model.id)}" id="{prefix}">',
        f'<noscript><p class="vl-calc__noscript">{escape(TEXT["noscript"])}</p></noscript>',
        _form(model, prefix),
        f'<section class="vl-calc__results" aria-labelledby="{prefix}-resultat">',
        f'<h2 id="{prefix}-resultat">{TEXT["results"]}</h2>',
        f'<p class="vl-calc__stale" hidden>{escape(TEXT["stale"])}</p>',
        f'<div class="vl-calc__out" data-vl-out>{results_html(model, results, prefix)}</div>',
        _assumptions(model),
        "</section>",
        '<p class="vl-calc__live vl-visually-hidden" aria-live="polite"></p>',
        "</div>",
    ))


def _form(model: Model, prefix: str) -> str:
    groups: dict[str, list[Input]] = {}
    for field in model.inputs:
        groups.setdefault(field.group or model.title, []).append(field)
    parts = [f'<form class="vl-calc__form" novalidate aria-label="{escape(model.title)}">',
             '<div class="vl-calc__notice" hidden></div>']
    if model.presets:
        options = "".join(f'<option value="{escape(p.id)}">{escape(p.label)}</option>'
                          for p in model.presets)
        parts.append(
            f'<p class="vl-calc__preset"><label for="{prefix}-preset">{TEXT["preset"]}</label> '
            f'<select id="{prefix}-preset" data-vl-preset><option value="">{TEXT["own_values"]}'
            f"</option>{options}</select></p>")
    for legend, fields in groups.items():
        parts.append(f'<fieldset class="vl-calc__group"><legend>{escape(legend)}</legend>')
        parts += [_field(field, prefix) for field in fields]
        parts.append("</fieldset>")
    parts.append(
        '<p class="vl-calc__actions" hidden>'
        f'<button type="button" class="md-button" data-vl-action="copy">{TEXT["copy"]}</button> '
        f'<button type="button" class="md-button" data-vl-action="reset">{TEXT["reset"]}</button>'
        "</p></form>")
    return "".join(parts)


def _field(field: Input, prefix: str) -> str:
    base = f"{prefix}-{field.id}"
    unit = UNIT_LABELS[field.unit] or ("stk." if field.unit == "antall" else "")
    help_html = f'<span class="vl-calc__help">{escape(field.help)}</span> ' if field.help else ""
    value = format_number(field.default, field.unit, exact=True).removesuffix(NBSP + UNIT_LABELS[field.unit])
    return (
        '<div class="vl-calc__field">'
        f'<label for="{base}">{escape(field.label)}</label>'
        f'<span class="vl-calc__control"><input id="{base}" name="{escape(field.id)}" type="text" '
        f'inputmode="decimal" autocomplete="off" value="{escape(value)}" '
        f'aria-describedby="{base}-info {base}-feil">'
        f'<span class="vl-calc__unit" aria-hidden="true">{escape(unit)}</span></span>'
        f'<span class="vl-calc__info" id="{base}-info">{help_html}'
        f'<span class="vl-calc__unit-text vl-visually-hidden">Enhet: {escape(field.unit)}. </span>'
        f"{_status(field.source)}</span>"
        f'<span class="vl-calc__error" id="{base}-feil" hidden></span>'
        "</div>"
    )


def _status(source: Source) -> str:
    if source.status == "kilde":
        return f'<span class="vl-calc__status vl-calc__status--kilde">{TEXT["source"]}: ' \
               f"{escape(source.publisher)} {source.year}</span>"
    return f'<span class="vl-calc__status vl-calc__status--illustrasjon">' \
           f'{TEXT["illustration"]}</span>'


def results_html(model: Model, results: dict, prefix: str) -> str:
    """The part of the results the runtime rebuilds on each change."""
    parts = []
    headline = [o for o in model.outputs if o.headline]
    if headline:
        parts.append('<dl class="vl-calc__headline">' + "".join(
            f'<div><dt>{escape(o.label)}</dt><dd data-vl-value="{o.id}">'
            f"{format_output(results[o.id], o)}</dd></div>" for o in headline) + "</dl>")
    scalars = [o for o in model.outputs if o.kind in ("number", "year")]
    rows = "".join(f'<tr><th scope="row">{escape(o.label)}</th><td data-vl-value="{o.id}">'
                   f"{format_output(results[o.id], o)}</td></tr>" for o in scalars)
    parts.append(_table(TEXT["all_results"], (TEXT["result"], TEXT["value"]), rows))
    for output in model.outputs:
        value = results[output.id]
        if output.kind == "years":
            parts.append(_years(output, value, f"{prefix}-{output.id}"))
        elif output.kind == "by_holder":
            parts.append(_by_holder(output, value, f"{prefix}-{output.id}"))
        elif output.kind == "years_by_holder":
            parts.append(_years_by_holder(output, value, f"{prefix}-{output.id}"))
    return "".join(parts)


def _table(caption: str, head: tuple[str, ...], rows: str, cls: str = "") -> str:
    cells = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    return (f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f'<table class="vl-calc__table{cls}"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table></div></div>")


def _years(output: Output, values: list[float], base: str) -> str:
    caption = f"{output.label}, {TEXT['per_year']}"
    labels = [f"{TEXT['year']} {t}" for t in range(len(values))]
    rows = "".join(f'<tr><th scope="row">{label}</th><td>{format_number(v, output.unit)}</td></tr>'
                   for label, v in zip(labels, values))
    return (f"<h3>{escape(caption)}</h3>" + chart(caption, labels, values, output.unit, base)
            + _table(caption, (TEXT["year"], output.label), rows, " vl-calc__years"))


def holder_rows(value: dict) -> list[tuple[str, str, object]]:
    """``(level, label, value)`` for the holders present, in ``BUDGET_HOLDERS`` order."""
    return [(h.level, h.label, value[h.id]) for h in BUDGET_HOLDERS if h.id in value]


def _by_holder(output: Output, value: dict[str, float], base: str) -> str:
    rows, present = [], holder_rows(value)
    for level in LEVELS:
        mine = [(label, v) for lvl, label, v in present if lvl == level]
        if not mine:
            continue
        rows += [f'<tr><th scope="row">{escape(label)}</th><td>{format_number(v, output.unit)}'
                 f"</td></tr>" for label, v in mine]
        if len(mine) > 1:
            total = sum(v for _, v in mine)
            rows.append(f'<tr class="vl-calc__sum"><th scope="row">{TEXT["sum"]} '
                        f"{escape(LEVEL_LABELS[level].lower())}</th>"
                        f"<td>{format_number(total, output.unit)}</td></tr>")
    caption = f"{TEXT['who_pays']}: {output.label}"
    return (f"<h3>{escape(TEXT['who_pays'])}</h3><p>{escape(TEXT['positive_saves'])}</p>"
            + chart(caption, [label for _, label, _ in present], [v for *_, v in present], output.unit,
                    base)
            + _table(caption, (TEXT["holder"], output.label), "".join(rows)))


def level_series(value: dict[str, list[float]]) -> list[tuple[str, list[float]]]:
    """``(level, yearly sum of its holders)`` for each level with a holder present."""
    present, series = holder_rows(value), []
    for level in LEVELS:
        rows = [v for lvl, _, v in present if lvl == level]
        if rows:
            series.append((level, [sum(r[t] for r in rows) for t in range(len(rows[0]))]))
    return series


def _years_by_holder(output: Output, value: dict[str, list[float]], base: str) -> str:
    present = holder_rows(value)
    years = max((len(v) for *_, v in present), default=0)
    rows, series = [], level_series(value)
    for level, total in series:
        mine = [(label, v) for lvl, label, v in present if lvl == level]
        rows += [f'<tr><th scope="row">{escape(label)}</th>'
                 + "".join(f"<td>{format_number(x, output.unit)}</td>" for x in v) + "</tr>"
                 for label, v in mine]
        if len(mine) > 1:
            rows.append(f'<tr class="vl-calc__sum"><th scope="row">{TEXT["sum"]} '
                        f"{escape(LEVEL_LABELS[level].lower())}</th>"
                        + "".join(f"<td>{format_number(x, output.unit)}</td>" for x in total)
                        + "</tr>")
    head = (TEXT["holder"], *(f"{TEXT['year']} {t}" for t in range(years)))
    caption = f"{output.label}, {TEXT['per_year']}"
    return (f"<h3>{escape(caption)}</h3>" + line_chart(caption, series, output.unit, base)
            + f'<details class="vl-calc__details"><summary>{escape(caption)}</summary>'
            + _table(caption, head, "".join(rows)) + "</details>")


def _width(texts: list[str], indent: float = 0) -> int:
    """The viewBox width: wide enough for the longest text at ``CHART["char"]`` units a letter."""
    longest = max((len(t) for t in texts), default=0)
    return max(CHART["width"], math.ceil(indent + CHART["char"] * longest))


def chart(caption: str, labels: list[str], values: list[float], unit: str, base: str) -> str:
    """A bar chart as SVG: per value a line «label: value» and under it a bar across the full
    width, growing right (positive) or left (negative) from a zero line in the middle.

    Every text starts at x = 0 and the width fits the longest, so no label is ever clipped.
    Decorative for screen readers beyond its label: the table next to it carries the numbers.
    """
    texts = [f"{label}: {format_number(v, unit)}" for label, v in zip(labels, values)]
    width, step = _width(texts), CHART["label"] + CHART["bar"] + CHART["gap"]
    top = max((abs(v) for v in values), default=0) or 1
    zero = width / 2 if any(v < 0 for v in values) else 0
    scale = (width - zero) / top
    rows, axis = [], ""
    for i, (text, v) in enumerate(zip(texts, values)):
        y, length = i * step, abs(v) * scale
        bar_y = y + CHART["label"]
        x = zero - length if v < 0 else zero
        cls = "vl-calc__bar--neg" if v < 0 else "vl-calc__bar"
        axis += f"M{zero:.1f} {bar_y - 2}v{CHART['bar'] + 4}"
        rows.append(f'<text x="0" y="{y + 13}" text-anchor="start">{escape(text)}</text>'
                    f'<rect class="{cls}" x="{x:.1f}" y="{bar_y}" width="{length:.1f}" '
                    f'height="{CHART["bar"]}"/>')
    return (_svg(width, len(values) * step, TEXT["chart"].format(label=caption), base)
            + f'<path class="vl-calc__axis" d="{axis}"/>' + "".join(rows) + "</svg>")


def marker(level: str, x: float, y: float) -> str:
    """Path data of one point marker: a different shape for each level (not colour alone)."""
    shapes = {"kommune": f"M{x - 3.5:.1f} {y - 3.5:.1f}h7v7h-7z",
              "fylkeskommune": f"M{x:.1f} {y - 4.5:.1f}l4.5 8h-9z",
              "stat": f"M{x:.1f} {y - 5:.1f}l5 5-5 5-5-5z",
              "samfunnet": f"M{x - 4:.1f} {y:.1f}a4 4 0 1 0 8 0a4 4 0 1 0-8 0z"}
    return shapes[level]


def line_chart(caption: str, series: list[tuple[str, list[float]]], unit: str, base: str) -> str:
    """A line chart as SVG: one line per level over the years, each with its own colour, dash
    pattern and marker; a text legend with each line's last value; a zero line; the top and
    bottom values; year numbers under the plot. The table after it has every number.
    """
    years = max((len(v) for _, v in series), default=0)
    legend = [TEXT["level_year"].format(level=LEVEL_LABELS[level], year=len(v) - 1,
                                        value=format_number(v[-1], unit)) for level, v in series]
    width = _width(legend, CHART["sample"] + 8)
    hi = max((x for _, v in series for x in v), default=0)
    lo = min((x for _, v in series for x in v), default=0)
    hi, lo = max(hi, 0), min(lo, 0)
    top = len(series) * CHART["legend"] + 4 + CHART["band"]
    bottom = top + CHART["plot"]

    def y_of(value: float) -> float:
        return top + (hi - value) / ((hi - lo) or 1) * CHART["plot"]

    def x_of(t: int) -> float:
        step = (width - 2 * CHART["edge"]) / (years - 1) if years > 1 else 0
        return CHART["edge"] + t * step if years > 1 else width / 2

    parts, grid = [], ""
    for i, (level, _) in enumerate(series):
        y = i * CHART["legend"] + 9
        parts.append(f'<line class="vl-calc__line vl-calc__line--{level}" x1="0" y1="{y}" '
                     f'x2="{CHART["sample"]}" y2="{y}"/>'
                     f'<path class="vl-calc__marker vl-calc__marker--{level}" '
                     f'd="{marker(level, CHART["sample"] / 2, y)}"/>'
                     f'<text x="{CHART["sample"] + 8}" y="{y + 4}" text-anchor="start">'
                     f"{escape(legend[i])}</text>")
    ticks = [(0, y_of(0) - 4)]
    if hi != 0:
        grid += f"M0 {top:.1f}H{width}"
        ticks.append((hi, top - 4))
    if lo != 0:
        grid += f"M0 {bottom:.1f}H{width}"
        ticks.append((lo, bottom + 13))
    parts.append(f'<path class="vl-calc__grid" d="{grid}"/>'
                 f'<line class="vl-calc__axis" x1="0" y1="{y_of(0):.1f}" x2="{width}" '
                 f'y2="{y_of(0):.1f}"/>')
    parts += [f'<text class="vl-calc__tick" x="0" y="{y:.1f}" text-anchor="start">'
              f"{format_number(value, unit)}</text>" for value, y in ticks]
    every = math.ceil(years / 12) or 1
    parts += [f'<text x="{x_of(t):.1f}" y="{bottom + CHART["band"] + 13}" text-anchor="middle">'
              f"{t}</text>" for t in range(0, years, every)]
    parts.append(f'<text x="{width / 2:.1f}" y="{bottom + 2 * CHART["band"] + 13}" '
                 f'text-anchor="middle">{TEXT["year"]}</text>')
    for level, values in series:
        points = [(x_of(t), y_of(v)) for t, v in enumerate(values)]
        parts.append(f'<polyline class="vl-calc__line vl-calc__line--{level}" points="'
                     + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>'
                     f'<path class="vl-calc__marker vl-calc__marker--{level}" d="'
                     + "".join(marker(level, x, y) for x, y in points) + '"/>')
    names = [LEVEL_LABELS[level].lower() for level, _ in series]
    levels = ", ".join(names[:-1]) + f" {TEXT['and']} " + names[-1] if len(names) > 1 else "".join(names)
    label = TEXT["line_chart"].format(label=caption, levels=levels)
    height = bottom + 3 * CHART["band"] + 4
    return _svg(width, height, label, base) + "".join(parts) + "</svg>"


def _svg(width: int, height: int, label: str, base: str) -> str:
    """The opening <svg> of a chart (an image whose numbers are in the table beside it)."""
    size = f'width="{math.ceil(width * CHART["scale"])}" height="{math.ceil(height * CHART["scale"])}"'
    return (f'<svg class="vl-calc__chart" viewBox="0 0 {width} {height}" {size} role="img" '
            f'aria-label="{escape(label)}" id="{base}-diagram">')


def _assumptions(model: Model) -> str:
    items = []
    for field in model.inputs:
        source = field.source
        if source.status == "kilde":
            title = escape(source.title)
            if source.url:
                title = f'<a href="{escape(source.url)}">{title}</a>'
            origin = f"{TEXT['source']}: {title}, {escape(source.publisher)} {source.year}."
        else:
            origin = f"{TEXT['illustration']}."
        note = f" {escape(source.note)}" if source.note else ""
        items.append(f"<li><strong>{escape(field.label)}:</strong> "
                     f"{format_number(field.default, field.unit, exact=True)}. {origin}{note}</li>")
    price = f"<p>{escape(price_note(model.price_year))}</p>" if model.price_year else ""
    return (f'<div class="vl-calc__assumptions"><h3>{TEXT["assumptions"]}</h3>{price}'
            f"<ul>{''.join(items)}</ul></div>")


__all__ = ["HOLDER_KINDS", "format_number", "render", "results_html"]
