"""The results view of every calculator, written once: the build runs it in Python, the browser
runs its translation (``calculators/translate.py``).

A view function returns *nodes* — ``{"t": tag, "a": attributes, "c": children, "x": text}`` —
never HTML. ``render.html`` writes nodes as escaped HTML for the page; ``kalkulator.js`` turns the
same nodes into DOM with ``createElement``/``textContent`` (no ``innerHTML``). So escaping
happens in one small place per language and the view itself has no markup to get wrong.

Everything here is in the translatable subset, with type annotations on the functions the
runtime calls (``results``, ``format_number``): the translator checks every operation against
the types (see ``calculators/README.md``). Numbers reach text only through ``format_number``,
``text.fixed`` or ``str`` of a whole number, which give the same characters in both languages.
"""

from __future__ import annotations

from typing import Any, TypedDict

from calculators.text import decimals, fixed

NBSP, MINUS = "\u00a0", "\u2212"
DECIMALS = {"kr": 0, "kr/time": 0, "kr/år": 0, "kr/møte": 0, "timer": 2, "%": 2, "år": 0,
            "antall": 2, "G": 2, "faktor": 3}
UNIT_LABELS = {"kr": "kr", "kr/time": "kr per time", "kr/år": "kr per år",
               "kr/møte": "kr per møte", "timer": "timer", "%": "%", "år": "år", "antall": "",
               "G": "G", "faktor": ""}
# Chart geometry in SVG user units (text is 13 units high, kalkulator.css; "char" is a safe width
# of one letter). A chart is drawn "scale" CSS pixels per unit, narrower when the column is.
CHART = {"width": 400, "char": 7.5, "scale": 1.25, "label": 18, "bar": 14, "gap": 10,
         "legend": 18, "sample": 28, "plot": 180, "band": 16, "edge": 12}
TEXT = {
    "all_results": "Alle resultater",
    "result": "Resultat",
    "value": "Verdi",
    "year": "År",
    "per_year": "år for år",
    "per_level": "per forvaltningsnivå",
    "who_pays": "Hvem betaler og hvem sparer",
    "holder": "Budsjett",
    "sum": "Sum",
    "never": "ikke innen perioden",
    "chart": "Søylediagram: {label}. Tallene står i tabellen.",
    "positive_saves": "Positive tall er besparelser, negative tall er kostnader.",
    "line_chart": "Linjediagram: {label}, summert for {levels}. Tallene står i tabellen.",
    "and": "og",
}


class Node(TypedDict):
    """One element: tag, attributes, children, and the text before the children."""

    t: str
    a: dict[str, str]
    c: list[Node]
    x: str


class OutputMeta(TypedDict):
    id: str
    label: str
    unit: str
    kind: str
    headline: bool


class HolderMeta(TypedDict):
    id: str
    label: str
    level: str


class Meta(TypedDict):
    """What ``bundle.metadata`` gives the view (the browser gets the same as JSON)."""

    id: str
    outputs: list[OutputMeta]
    holders: list[HolderMeta]
    levels: dict[str, str]


Outputs = dict[str, Any]
"""What ``compute`` returned; read through ``number``, ``series``, ``per_holder`` and
``series_per_holder``, which declare the type each output kind has."""


# -- numbers ---------------------------------------------------------------------------------
def format_number(value: float, unit: str, exact: bool = False, bare: bool = False) -> str:
    """Norwegian: groups of three with no-break spaces, decimal comma, minus sign, unit.

    Rounds to the unit's decimals (exact ties to even), then drops trailing zeros. ``exact``
    (an input's value, as typed) keeps every decimal the number has; ``bare`` leaves out the unit.
    """
    places = DECIMALS[unit]
    if exact:
        places = max(places, decimals(value))
    digits = fixed(abs(value), places)
    parts = digits.split(".")
    whole = parts[0]
    fraction = parts[1] if len(parts) > 1 else ""
    while len(fraction) > 0 and fraction[-1] == "0":
        fraction = fraction[:-1]
    grouped = ""
    while len(whole) > 3:
        grouped = NBSP + whole[-3:] + grouped
        whole = whole[:-3]
    result = whole + grouped + ("," + fraction if len(fraction) > 0 else "")
    if value < 0 and digits.replace("0", "").replace(".", "") != "":
        result = MINUS + result
    label = UNIT_LABELS[unit]
    return result + NBSP + label if label != "" and not bare else result


def format_output(value: float, output: OutputMeta) -> str:
    if output["kind"] == "year":
        return TEXT["never"] if value < 0 else TEXT["year"].lower() + NBSP + str(int(value))
    return format_number(value, output["unit"])


def coordinate(x: float) -> str:
    """An SVG coordinate with one decimal."""
    return f"{x:.1f}"


def ceil(x: float) -> int:
    whole = int(x)
    return whole + 1 if x > whole else whole


# -- outputs by kind (the runtime passes compute's result as it is) ---------------------------
def number(out: Outputs, key: str) -> float:
    return out[key]


def series(out: Outputs, key: str) -> list[float]:
    return out[key]


def per_holder(out: Outputs, key: str) -> dict[str, float]:
    return out[key]


def series_per_holder(out: Outputs, key: str) -> dict[str, list[float]]:
    return out[key]


# -- nodes -----------------------------------------------------------------------------------
def el(tag: str, attrs: dict[str, str], children: list[Node], text: str = "") -> Node:
    return {"t": tag, "a": attrs, "c": children, "x": text}


def table(caption: str, head: list[str], rows: list[Node], cls: str = "") -> Node:
    cells = [el("th", {"scope": "col"}, [], h) for h in head]
    return el("div", {"class": "md-typeset__scrollwrap"}, [el("div", {"class": "md-typeset__table"}, [
        el("table", {"class": "vl-calc__table" + cls}, [
            el("caption", {}, [], caption),
            el("thead", {}, [el("tr", {}, cells)]),
            el("tbody", {}, rows)])])])


def row(label: str, cells: list[str], cls: str = "") -> Node:
    children = [el("th", {"scope": "row"}, [], label)]
    for cell in cells:
        children.append(el("td", {}, [], cell))
    return el("tr", {"class": cls} if cls != "" else {}, children)


# -- the results -----------------------------------------------------------------------------
def results(meta: Meta, out: Outputs) -> list[Node]:
    """The part of the results that changes with the inputs (``data-vl-out``)."""
    parts = []
    headline = [el("div", {}, [el("dt", {}, [], o["label"]),
                               el("dd", {"data-vl-value": o["id"]}, [],
                                  format_output(number(out, o["id"]), o))])
                for o in meta["outputs"] if o["headline"]]
    if len(headline) > 0:
        parts.append(el("dl", {"class": "vl-calc__headline"}, headline))
    rows = []
    for o in meta["outputs"]:
        if o["kind"] == "number" or o["kind"] == "year":
            rows.append(el("tr", {}, [el("th", {"scope": "row"}, [], o["label"]),
                                      el("td", {"data-vl-value": o["id"]}, [],
                                         format_output(number(out, o["id"]), o))]))
    parts.append(table(TEXT["all_results"], [TEXT["result"], TEXT["value"]], rows))
    for o in meta["outputs"]:
        if o["kind"] == "years":
            for node in years_block(o, series(out, o["id"])):
                parts.append(node)
        elif o["kind"] == "by_holder":
            for node in by_holder_block(meta, o, per_holder(out, o["id"])):
                parts.append(node)
        elif o["kind"] == "years_by_holder":
            for node in years_by_holder_block(meta, o, series_per_holder(out, o["id"])):
                parts.append(node)
    return parts


def years_block(output: OutputMeta, values: list[float]) -> list[Node]:
    caption = output["label"] + ", " + TEXT["per_year"]
    labels = [TEXT["year"] + " " + str(t) for t in range(len(values))]
    rows = [row(labels[t], [format_number(values[t], output["unit"])]) for t in range(len(values))]
    return [el("h3", {}, [], caption), bar_chart(caption, labels, values, output["unit"]),
            table(caption, [TEXT["year"], output["label"]], rows, " vl-calc__years")]


def present_holders(meta: Meta, keys: list[str]) -> list[HolderMeta]:
    """The holders among ``keys``, in the order of ``meta["holders"]``."""
    return [h for h in meta["holders"] if h["id"] in keys]


def level_label(meta: Meta, level: str) -> str:
    return meta["levels"][level]


def meta_levels(meta: Meta) -> list[str]:
    """The levels in order: kommune, fylkeskommune, stat, samfunnet."""
    levels = []
    for h in meta["holders"]:
        if h["level"] not in levels:
            levels.append(h["level"])
    return levels


def by_holder_block(meta: Meta, output: OutputMeta, value: dict[str, float]) -> list[Node]:
    present = [h for h in meta["holders"] if h["id"] in value]
    rows = []
    for level in meta_levels(meta):
        mine = [h for h in present if h["level"] == level]
        for h in mine:
            rows.append(row(h["label"], [format_number(value[h["id"]], output["unit"])]))
        if len(mine) > 1:
            total = sum([value[h["id"]] for h in mine])
            rows.append(row(TEXT["sum"] + " " + level_label(meta, level).lower(),
                            [format_number(total, output["unit"])], "vl-calc__sum"))
    caption = TEXT["who_pays"] + ": " + output["label"]
    return [el("h3", {}, [], TEXT["who_pays"]), el("p", {}, [], TEXT["positive_saves"]),
            bar_chart(caption, [h["label"] for h in present], [value[h["id"]] for h in present],
                      output["unit"]),
            table(caption, [TEXT["holder"], output["label"]], rows)]


def years_by_holder_block(meta: Meta, output: OutputMeta, value: dict[str, list[float]]) -> list[Node]:
    """Heading, line chart per level and a «details» with the sums per level, year by year.

    The table with every budget, year by year (``years_by_holder_table``, hundreds of cells), is
    built by the runtime when the «details» opens (``data-vl-years``); the page, and readers
    without JavaScript, get the table per level.
    """
    present = [h for h in meta["holders"] if h["id"] in value]
    unit = output["unit"]
    years = 0
    for h in present:
        years = max(years, len(value[h["id"]]))
    levels = []
    totals = []
    rows = []
    for level in meta_levels(meta):
        mine = [h for h in present if h["level"] == level]
        if len(mine) > 0:
            total = [sum([value[h["id"]][t] for h in mine]) for t in range(years)]
            levels.append(level)
            totals.append(total)
            rows.append(row(level_label(meta, level), [format_number(x, unit) for x in total]))
    caption = output["label"] + ", " + TEXT["per_year"]
    return [el("h3", {}, [], caption), line_chart(meta, caption, levels, totals, unit),
            el("details", {"class": "vl-calc__details", "data-vl-years": output["id"]},
               [el("summary", {}, [], caption),
                table(output["label"] + ", " + TEXT["per_level"] + ", " + TEXT["per_year"],
                      year_head(years), rows)])]


def year_head(years: int) -> list[str]:
    head = [TEXT["holder"]]
    for t in range(years):
        head.append(TEXT["year"] + " " + str(t))
    return head


def years_by_holder_table(meta: Meta, output: OutputMeta, value: dict[str, list[float]]) -> Node:
    """Every budget year by year, with a sum row per level that has more than one."""
    present = [h for h in meta["holders"] if h["id"] in value]
    unit = output["unit"]
    years = 0
    for h in present:
        years = max(years, len(value[h["id"]]))
    rows = []
    for level in meta_levels(meta):
        mine = [h for h in present if h["level"] == level]
        if len(mine) > 0:
            total = [sum([value[h["id"]][t] for h in mine]) for t in range(years)]
            for h in mine:
                rows.append(row(h["label"], [format_number(x, unit) for x in value[h["id"]]]))
            if len(mine) > 1:
                rows.append(row(TEXT["sum"] + " " + level_label(meta, level).lower(),
                                [format_number(x, unit) for x in total], "vl-calc__sum"))
    return table(output["label"] + ", " + TEXT["per_year"], year_head(years), rows)


# -- charts ----------------------------------------------------------------------------------
def chart_width(texts: list[str], indent: float) -> int:
    """The viewBox width: wide enough for the longest text at ``CHART["char"]`` units a letter."""
    longest = 0
    for t in texts:
        longest = max(longest, len(t))
    return max(CHART["width"], ceil(indent + CHART["char"] * longest))


def svg(width: int, height: int, label: str, children: list[Node]) -> Node:
    """A chart: an image whose numbers are in the table beside it."""
    return el("svg", {"class": "vl-calc__chart", "viewBox": "0 0 " + str(width) + " " + str(height),
                      "width": str(ceil(width * CHART["scale"])),
                      "height": str(ceil(height * CHART["scale"])), "role": "img",
                      "aria-label": label}, children)


def bar_chart(caption: str, labels: list[str], values: list[float], unit: str) -> Node:
    """Per value a line «label: value» and under it a bar across the full width, growing right
    (positive) or left (negative) from a zero line in the middle.

    Every text starts at x = 0 and the width fits the longest, so no label is ever clipped.
    """
    texts = [labels[i] + ": " + format_number(values[i], unit) for i in range(len(values))]
    width = chart_width(texts, 0)
    step = CHART["label"] + CHART["bar"] + CHART["gap"]
    top = 0.0
    for v in values:
        top = max(top, abs(v))
    if top == 0:
        top = 1.0
    zero = width / 2 if len([v for v in values if v < 0]) > 0 else 0.0
    scale = (width - zero) / top
    axis = ""
    for i in range(len(values)):
        axis += "M" + coordinate(zero) + " " + str(i * step + CHART["label"] - 2) + "v" + str(CHART["bar"] + 4)
    children = [el("path", {"class": "vl-calc__axis", "d": axis}, [])]
    for i in range(len(values)):
        y = i * step
        length = abs(values[i]) * scale
        bar_y = y + CHART["label"]
        x = zero - length if values[i] < 0 else zero
        children.append(el("text", {"x": "0", "y": str(y + 13), "text-anchor": "start"}, [], texts[i]))
        children.append(el("rect", {"class": "vl-calc__bar--neg" if values[i] < 0 else "vl-calc__bar",
                                    "x": coordinate(x), "y": str(bar_y), "width": coordinate(length),
                                    "height": str(CHART["bar"])}, []))
    return svg(width, len(values) * step, TEXT["chart"].replace("{label}", caption), children)


def marker(level: str, x: float, y: float) -> str:
    """Path data of one point marker: a different shape for each level (not colour alone)."""
    if level == "kommune":
        return "M" + coordinate(x - 3.5) + " " + coordinate(y - 3.5) + "h7v7h-7z"
    if level == "fylkeskommune":
        return "M" + coordinate(x) + " " + coordinate(y - 4.5) + "l4.5 8h-9z"
    if level == "stat":
        return "M" + coordinate(x) + " " + coordinate(y - 5) + "l5 5-5 5-5-5z"
    return "M" + coordinate(x - 4) + " " + coordinate(y) + "a4 4 0 1 0 8 0a4 4 0 1 0-8 0z"


def x_of(t: int, years: int, width: int) -> float:
    if years > 1:
        return CHART["edge"] + t * ((width - 2 * CHART["edge"]) / (years - 1))
    return width / 2


def line_chart(meta: Meta, caption: str, levels: list[str], totals: list[list[float]], unit: str) -> Node:
    """One line per level over the years, each with its own colour, dash pattern and marker; a
    text legend with each line's last value; a zero line; the top and bottom values; year
    numbers under the plot. The table after it has every number."""
    years = 0
    hi = 0.0
    lo = 0.0
    for total in totals:
        years = max(years, len(total))
        hi = max(hi, max(total))
        lo = min(lo, min(total))
    legend = [level_label(meta, levels[i]) + ", " + TEXT["year"].lower() + " " + str(len(totals[i]) - 1)
              + ": " + format_number(totals[i][-1], unit) for i in range(len(levels))]
    width = chart_width(legend, CHART["sample"] + 8)
    top = len(levels) * CHART["legend"] + 4 + CHART["band"]
    bottom = top + CHART["plot"]
    span = hi - lo if hi - lo != 0 else 1.0
    zero_y = top + hi / span * CHART["plot"]
    children = []
    for i in range(len(levels)):
        y = i * CHART["legend"] + 9
        children.append(el("line", {"class": "vl-calc__line vl-calc__line--" + levels[i], "x1": "0",
                                    "y1": str(y), "x2": str(CHART["sample"]), "y2": str(y)}, []))
        children.append(el("path", {"class": "vl-calc__marker vl-calc__marker--" + levels[i],
                                    "d": marker(levels[i], CHART["sample"] / 2, y)}, []))
        children.append(el("text", {"x": str(CHART["sample"] + 8), "y": str(y + 4),
                                    "text-anchor": "start"}, [], legend[i]))
    grid = ""
    tick_values = [0.0]
    tick_ys = [zero_y - 4]
    if hi != 0:
        grid += "M0 " + coordinate(top) + "H" + str(width)
        tick_values.append(hi)
        tick_ys.append(top - 4)
    if lo != 0:
        grid += "M0 " + coordinate(bottom) + "H" + str(width)
        tick_values.append(lo)
        tick_ys.append(bottom + 13)
    children.append(el("path", {"class": "vl-calc__grid", "d": grid}, []))
    children.append(el("line", {"class": "vl-calc__axis", "x1": "0", "y1": coordinate(zero_y),
                                "x2": str(width), "y2": coordinate(zero_y)}, []))
    for i in range(len(tick_values)):
        children.append(el("text", {"class": "vl-calc__tick", "x": "0", "y": coordinate(tick_ys[i]),
                                    "text-anchor": "start"}, [], format_number(tick_values[i], unit)))
    every = ceil(years / 12) if years > 0 else 1
    for t in range(years):
        if t % every == 0:
            children.append(el("text", {"x": coordinate(x_of(t, years, width)),
                                        "y": str(bottom + CHART["band"] + 13), "text-anchor": "middle"},
                               [], str(t)))
    children.append(el("text", {"x": coordinate(width / 2), "y": str(bottom + 2 * CHART["band"] + 13),
                                "text-anchor": "middle"}, [], TEXT["year"]))
    for i in range(len(levels)):
        points = [coordinate(x_of(t, years, width)) + "," + coordinate(top + (hi - totals[i][t]) / span * CHART["plot"])
                  for t in range(len(totals[i]))]
        marks = [marker(levels[i], x_of(t, years, width), top + (hi - totals[i][t]) / span * CHART["plot"])
                 for t in range(len(totals[i]))]
        children.append(el("polyline", {"class": "vl-calc__line vl-calc__line--" + levels[i],
                                        "points": " ".join(points)}, []))
        children.append(el("path", {"class": "vl-calc__marker vl-calc__marker--" + levels[i],
                                    "d": "".join(marks)}, []))
    names = [level_label(meta, level).lower() for level in levels]
    joined = ", ".join(names[:-1]) + " " + TEXT["and"] + " " + names[-1] if len(names) > 1 else "".join(names)
    label = TEXT["line_chart"].replace("{label}", caption).replace("{levels}", joined)
    return svg(width, bottom + 3 * CHART["band"] + 4, label, children)
