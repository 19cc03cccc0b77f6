"""The results view of every calculator, written once: the build runs it in Python, the browser
runs its translation (``calculators/engine/translate.py``).

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

from calculators.core.text import decimals, fixed

NBSP, MINUS = "\u00a0", "\u2212"
DECIMALS = {"kr": 0, "kr/time": 0, "kr/år": 0, "kr/møte": 0, "timer": 2, "%": 2, "år": 0,
            "antall": 2, "G": 2, "faktor": 3}
UNIT_LABELS = {"kr": "kr", "kr/time": "kr per time", "kr/år": "kr per år",
               "kr/møte": "kr per møte", "timer": "timer", "%": "%", "år": "år", "antall": "",
               "G": "G", "faktor": ""}
# Chart geometry in CSS pixels: the runtime passes the width of the chart's column and the font
# size, and a chart's viewBox is exactly that many pixels wide, so its text is drawn at the font
# size of the page (kalkulator.css), never scaled down. "char" is a safe width of one letter in
# em (DejaVu Sans and most sans serifs stay below it for Norwegian text and digits).
CHART = {"width": 560, "font": 15, "char": 0.62, "line": 1.35, "bar_em": 0.9, "gap_em": 0.8,
         "sample": 28, "edge": 12, "min_plot": 160, "max_plot": 420, "ratio": 0.42}
TEXT = {
    "year": "År",
    "who_pays": "Hvem betaler og hvem sparer",
    "sum": "Sum",
    "never": "ikke innen perioden",
    "not_computable": "kan ikke beregnes",
    # A result's uncertainty, in its headline card (issues 12 and 23; view_uncertainty.py has the
    # whole block further down). The big figure is the draws' median: it never points the other
    # way than the share in plus (docs/okonomi/metode-familie.md#usikkerhet says why median and not
    # mean); the mean, R-109's expected value, stands small in the card.
    "central": "midtverdi av {samples} trekninger",
    "central_pending": "midtverdi",
    "form_value": "Med tallene i skjemaet: ",
    "interval": "8 av 10 trekninger mellom {low} og {high}",
    "interval_pending": "8 av 10 trekninger: beregner …",
    "share": "I pluss i {share} av 100 trekninger med våre anslag",
    "no_effect": "Ingen varig effekt (scenario): ",
    "pending": "beregner …",
    "how_sure": "Hvor sikkert er tallet?",
    "mean": "Gjennomsnitt – forventningsverdien R-109 ber om: ",
    "point_note": "med tallene i skjemaet",
    # Beside a card whose midtverdi and form figure differ by more than a quarter of the 8-of-10
    # interval (``why_text``): why they differ.
    "why_lower": "Midtverdien er lavere fordi våre anslag heller mot det forsiktige: de fleste trekningene "
                 "gir mindre enn tallene i skjemaet.",
    "why_higher": "Midtverdien er høyere fordi de fleste trekningene gir mer enn tallene i skjemaet.",
}
"""The headline cards' words (the runtime's file has them: bundle.VIEW_FUNCTIONS), and two
the memo and the handouts take from here."""
TEXT_MORE = {
    "all_results": "Alle resultater",
    "result": "Resultat",
    "value": "Verdi",
    "per_year": "år for år",
    "per_level": "per forvaltningsnivå",
    "holder": "Budsjett",
    "more_charts": "Flere diagrammer",
    "numbers": "Tallene i en tabell",
    "chart": "Søylediagram: {label}. Tallene står i tabellen under.",
    "positive_saves": "Positive tall (grønne søyler mot høyre) er besparelser, negative tall "
                      "(røde søyler mot venstre) er kostnader. Sparte kostnader er brutto "
                      "gjennomsnittskostnad: budsjettet merker dem bare når kapasitet tas ut eller "
                      "brukes på andre.",
    "line_chart": "Linjediagram: {label}, {levels}. Tallene står i tabellen under.",
    "and": "og",
    "draws_first": "I {share} av 100 trekninger med våre anslag er {label} null eller mer. Setningen "
                   "under gjelder én beregning med tallene i skjemaet.",
}
"""The words of the sentence's paragraph, the charts and the tables (the later file has them:
bundle.LATER_VIEW_FUNCTIONS), so the first interaction does not download them (issue 23)."""


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
    no_answer: bool


class HolderMeta(TypedDict):
    id: str
    label: str
    level: str


class Interval(TypedDict):
    """The uncertainty known for the scenario on screen (``uncertainty.analyse``, or the browser's
    run): ``samples`` is 0 while the draws are still running (then ``intervals`` may be empty), and
    ``no_effect`` is empty until the «no lasting effect» scenario is computed."""

    intervals: dict[str, list[float]]
    shares: dict[str, float]
    means: dict[str, float]
    payback: float
    samples: int
    no_effect: dict[str, float]


class IntervalMeta(TypedDict):
    """``bundle.metadata``'s ``interval``: the first result with an interval ("" for a model
    without ranges), every result with one (``outputs``), those the «no lasting effect» scenario
    changes (``no_effect_outputs``; for the others it means nothing), the payback output, and
    the build's analysis of the defaults (the page shows it until the browser has run its own)."""

    output: str
    outputs: list[str]
    no_effect_outputs: list[str]
    payback: str
    initial: Interval


class Meta(TypedDict):
    """What ``bundle.metadata`` gives the view (the browser gets the same as JSON)."""

    id: str
    outputs: list[OutputMeta]
    holders: list[HolderMeta]
    levels: dict[str, str]
    interval: IntervalMeta


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
    """An output as a reader sees it: a year as «år 5», and never «−1» where −1 means «none»."""
    if output["kind"] == "year":
        return TEXT["never"] if value < 0 else TEXT["year"].lower() + NBSP + str(int(value))
    if value == -1 and output["no_answer"]:  # the output's help declares −1 as «no answer»
        return TEXT["not_computable"]
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


def table(label_id: str, head: list[str], rows: list[Node], cls: str = "") -> Node:
    """A results table named by the heading ``label_id`` (no caption repeating it): labels left,
    figures right-aligned in tabular digits (kalkulator.css)."""
    cells = [el("th", {"scope": "col"}, [], h) for h in head]
    # Focusable and named: a wide table scrolls sideways, also with the keyboard.
    return el("div", {"class": "md-typeset__scrollwrap vl-calc__table" + cls, "tabindex": "0", "role": "region",
                      "aria-labelledby": label_id}, [el("div", {"class": "md-typeset__table"}, [
        el("table", {"aria-labelledby": label_id}, [
            el("thead", {}, [el("tr", {}, cells)]),
            el("tbody", {}, rows)])])])


def row(label: str, cells: list[str], cls: str = "") -> Node:
    children = [el("th", {"scope": "row"}, [], label)]
    for cell in cells:
        children.append(el("td", {}, [], cell))
    return el("tr", {"class": cls} if cls != "" else {}, children)


def heading(level: str, ident: str, text: str) -> Node:
    return el(level, {"id": ident}, [], text)


def ident(meta: Meta, output: OutputMeta, part: str) -> str:
    return "vl-" + meta["id"] + "-" + output["id"] + "-" + part


# -- the results: a summary beside the form, the details under it ----------------------------
def main_output(meta: Meta) -> str:
    """The output of the main chart: the first «who pays, who saves» (by holder)."""
    for o in meta["outputs"]:
        if o["kind"] == "by_holder":
            return o["id"]
    return ""


def headline_cards(meta: Meta, out: Outputs, interval: Interval) -> list[Node]:
    """The headline figures (``dl.vl-calc__headline``, or nothing): what the runtime draws after
    each change. A model with ranges has its main result first, with its interval
    (``interval_card``)."""
    parts = []
    uncertain = meta["interval"]["outputs"]
    headline = [interval_card(meta, out, interval, key) for key in uncertain
                if len([o for o in meta["outputs"] if o["id"] == key and o["headline"]]) > 0]
    for o in meta["outputs"]:
        if o["headline"] and o["id"] not in uncertain:
            card = [el("dt", {}, [], o["label"]),
                    el("dd", {"data-vl-value": o["id"]}, [], format_output(number(out, o["id"]), o))]
            if len(uncertain) > 0:
                card.append(el("dd", {"class": "vl-calc__likely-label"}, [], TEXT["point_note"]))
            headline.append(el("div", {}, card))
    if len(headline) > 0:
        parts.append(el("dl", {"class": "vl-calc__headline"}, headline))
    return parts


def summary(meta: Meta, out: Outputs, sentence: str, width: int, font: int,
            interval: Interval) -> list[Node]:
    """Headline figures, the reading sentence and the main chart (``data-vl-out="summary"``)."""
    parts = headline_cards(meta, out, interval)
    payback = meta["interval"]["payback"]
    if sentence != "" and payback != "" and interval_done(meta, interval, payback) and payback in interval["shares"]:
        # What the draws say comes before the sentence about one run (issue 23).
        label = [o for o in meta["outputs"] if o["id"] == payback][0]["label"]
        parts.append(el("p", {"class": "vl-calc__draws", "data-vl-draws": ""}, [], TEXT_MORE["draws_first"]
                        .replace("{share}", str(int(round(interval["shares"][payback] * 100))))
                        .replace("{label}", label[:1].lower() + label[1:])))
    if sentence != "":
        parts.append(el("p", {"class": "vl-calc__sentence", "data-vl-sentence": ""}, [], sentence))
    chart = main_output(meta)
    for o in meta["outputs"]:
        if o["id"] == chart:
            groups = [g for g in holder_groups(meta, per_holder(out, o["id"])) if g["value"] != 0]
            parts.append(el("figure", {"class": "vl-calc__figure"}, [
                el("figcaption", {}, [], TEXT["who_pays"] + ": " + o["label"].lower() + form_note(meta)),
                bar_chart(TEXT["who_pays"] + ": " + o["label"], [g["label"] for g in groups],
                          [g["value"] for g in groups], o["unit"], width, font),
                el("p", {"class": "vl-calc__legend"}, [], TEXT_MORE["positive_saves"])]))
    return parts


def form_note(meta: Meta) -> str:
    """« (med tallene i skjemaet)» after a figure of one run, where the cards show medians."""
    return " (" + TEXT["point_note"] + ")" if len(meta["interval"]["outputs"]) > 0 else ""


def interval_done(meta: Meta, interval: Interval, key: str) -> bool:
    return interval["samples"] > 0 and key in interval["intervals"]


def interval_text(meta: Meta, interval: Interval, key: str) -> str:
    """«8 av 10 trekninger mellom −120 000 og 610 000 kr» (P10 and P90), or «… beregner …»."""
    if not interval_done(meta, interval, key):
        return TEXT["interval_pending"]
    unit = [x for x in meta["outputs"] if x["id"] == key][0]["unit"]
    bounds = interval["intervals"][key]
    return TEXT["interval"].replace("{low}", format_number(bounds[0], unit, False, True)) \
        .replace("{high}", format_number(bounds[2], unit))


def share_text(share: float) -> str:
    """«I pluss i 43 av 100 trekninger med våre anslag»: a frequency over the site's ranges,
    never a probability about the municipality's future."""
    return TEXT["share"].replace("{share}", str(int(round(share * 100))))


def central_value(meta: Meta, interval: Interval, key: str) -> str:
    """The draws' median as the headline figure, or «beregner …» while the draws run."""
    if not interval_done(meta, interval, key):
        return TEXT["pending"]
    unit = [x for x in meta["outputs"] if x["id"] == key][0]["unit"]
    return format_number(interval["intervals"][key][1], unit)


WHY_SHARE = 0.25
"""How far apart (a share of the P10–P90 width) the midtverdi and the form figure must be before
the card says why."""


def why_text(meta: Meta, out: Outputs, interval: Interval, key: str) -> str:
    """One sentence on why the midtverdi and the result with the form's numbers differ markedly
    ("" while the draws run, or when they are close): the form figure above the midtverdi means
    the ranges lean to the cautious side of the form's values; below it, that the draws spread
    around them with more room upwards."""
    if not interval_done(meta, interval, key):
        return ""
    bounds = interval["intervals"][key]
    gap = number(out, key) - bounds[1]
    if abs(gap) <= WHY_SHARE * (bounds[2] - bounds[0]) or gap == 0:
        return ""
    return TEXT["why_lower"] if gap > 0 else TEXT["why_higher"]


def interval_card(meta: Meta, out: Outputs, interval: Interval, key: str) -> Node:
    """A result's headline card: the median of the draws («midtverdi»), the result with the
    form's numbers beside it, the 10th–90th percentile interval, how many draws of 100 are in
    plus and (where it changes the result) the «no lasting effect» scenario — so the first screen
    never shows a single run as if it were likely. While the browser's draws run, «beregner …»
    stands where a figure is not yet known for the numbers on screen."""
    o = [x for x in meta["outputs"] if x["id"] == key][0]
    unit = o["unit"]
    done = interval_done(meta, interval, key)
    # «I pluss» and «Ingen varig effekt» only for a result of the investment (those the «no
    # lasting effect» scenario changes): the value of one prevented case is always positive.
    net = key in meta["interval"]["no_effect_outputs"]
    share = share_text(interval["shares"][key]) if done and key in interval["shares"] else TEXT["pending"]
    state = "" if done else " vl-calc__pending"
    main = " vl-calc__main" if key == meta["interval"]["output"] else ""
    label = TEXT["central"].replace("{samples}", str(interval["samples"])) if done else TEXT["central_pending"]
    parts = [
        el("dt", {}, [], o["label"]),
        el("dd", {"data-vl-central": key}, [], central_value(meta, interval, key)),
        el("dd", {"class": "vl-calc__likely-label"}, [], label),
        el("dd", {"class": "vl-calc__range vl-calc__interval"},
           [el("span", {"data-vl-interval-text": key}, [], interval_text(meta, interval, key))])]
    if net:
        parts.append(el("dd", {"class": "vl-calc__range"}, [el("strong", {"data-vl-share-text": key}, [], share)]))
    parts.append(el("dd", {"class": "vl-calc__range"},
                    [el("span", {"data-vl-value": key}, [], format_output(number(out, key), o))], TEXT["form_value"]))
    if net:
        no_effect = format_number(interval["no_effect"][key], unit) if key in interval["no_effect"] else TEXT["pending"]
        parts.append(el("dd", {"class": "vl-calc__range"},
                        [el("span", {"data-vl-no-effect-text": key}, [], no_effect)], TEXT["no_effect"]))
    if done:
        # R-109's expected value, small in the card (metode-familie.md says why the median is the
        # big figure), after «Ingen varig effekt», which must stay on the first screen. Every
        # finished run has the means of all its outputs.
        parts.append(el("dd", {"class": "vl-calc__range"}, [], TEXT["mean"] + format_number(interval["means"][key], unit)))
    # Under the figures, so they keep their place on the first screen.
    why = why_text(meta, out, interval, key)
    if why != "":
        parts.append(el("dd", {"class": "vl-calc__range vl-calc__why", "data-vl-why": key}, [], why))
    if key == meta["interval"]["output"]:
        parts.append(el("dd", {"class": "vl-calc__range"}, [
            el("a", {"href": "#vl-" + meta["id"] + "-usikkerhet", "data-vl-jump": ""}, [], TEXT["how_sure"])]))
    return el("div", {"class": "vl-calc__interval-card" + main + state, "data-vl-range-summary": key}, parts)


def details(meta: Meta, out: Outputs, width: int, font: int, more: bool = True, charts: bool = True) -> list[Node]:
    """Every result in tables, and the other charts under «Flere diagrammer»
    (``data-vl-out="details"``), as the page is built. The browser builds ``details_tables`` and
    fills «Flere diagrammer» with ``more_charts`` only while it is open (a change while it is
    closed draws no chart nobody sees); with ``more`` false this gives what it builds then.
    With ``charts`` false «Flere diagrammer» holds each chart's numbers as a plain table and no
    chart: what the page is built with, for a reader without JavaScript (the runtime draws the
    charts when it opens; on paper the year table prints, not the charts)."""
    parts = details_tables(meta, out)
    for part in parts:
        if more and "data-vl-more" in part["a"]:
            # Without its charts it stays marked: the runtime draws them when it opens.
            part["a"] = {"class": part["a"]["class"]} if charts else part["a"]
            drawn = more_charts(meta, out, width, font)
            part["c"] = part["c"] + (drawn if charts else without_charts(drawn))
    return parts


def without_charts(nodes: list[Node]) -> list[Node]:
    """``nodes`` with each chart left out and its numbers (``numbers``) shown as a plain table."""
    kept = []
    for node in nodes:
        if node["t"] == "svg":
            continue
        if node["t"] == "details" and "vl-calc__numbers" in node["a"].get("class", ""):
            kept.append(node["c"][1])
        else:
            kept.append(node)
    return kept


def details_tables(meta: Meta, out: Outputs) -> list[Node]:
    """Every result in a table, the main result per budget, and «Flere diagrammer» as its
    summary only, marked ``data-vl-more`` (the runtime fills it when it opens)."""
    rows = []
    for o in meta["outputs"]:
        if o["kind"] == "number" or o["kind"] == "year":
            rows.append(el("tr", {}, [el("th", {"scope": "row"}, [], o["label"]),
                                      el("td", {"data-vl-value": o["id"]}, [],
                                         format_output(number(out, o["id"]), o))]))
    all_id = "vl-" + meta["id"] + "-alle"
    value_head = capital(TEXT["point_note"]) if len(meta["interval"]["outputs"]) > 0 else TEXT_MORE["value"]
    parts = [heading("h3", all_id, TEXT_MORE["all_results"]),
             table(all_id, [TEXT_MORE["result"], value_head], rows)]
    main = main_output(meta)
    has_more = False
    for o in meta["outputs"]:
        if o["id"] == main:
            for node in holder_table(meta, o, per_holder(out, o["id"])):
                parts.append(node)
        elif o["kind"] == "by_holder" or o["kind"] == "years" or o["kind"] == "years_by_holder":
            has_more = True
    if has_more:
        parts.append(el("details", {"class": "vl-calc__more", "data-vl-more": ""},
                        [el("summary", {}, [], TEXT_MORE["more_charts"])]))
    return parts


def more_charts(meta: Meta, out: Outputs, width: int, font: int) -> list[Node]:
    """What «Flere diagrammer» holds: every result but the main one as a chart with its numbers."""
    main = main_output(meta)
    more = []
    for o in meta["outputs"]:
        if o["kind"] == "by_holder" and o["id"] != main:
            for node in by_holder_block(meta, o, per_holder(out, o["id"]), width, font):
                more.append(node)
        elif o["kind"] == "years":
            for node in years_block(meta, o, series(out, o["id"]), width, font):
                more.append(node)
        elif o["kind"] == "years_by_holder":
            for node in years_by_holder_block(meta, o, series_per_holder(out, o["id"]), width, font):
                more.append(node)
    return more


def numbers(node: Node) -> Node:
    """A chart's numbers, one click away."""
    return el("details", {"class": "vl-calc__numbers"}, [el("summary", {}, [], TEXT_MORE["numbers"]), node])


class Group(TypedDict):
    label: str
    level: str
    value: float


def group_label(holder: HolderMeta) -> str:
    """«Kommunen» of «Kommunen: barnevern»: the budget a holder belongs to."""
    return holder["label"].split(":")[0]


def holder_groups(meta: Meta, value: dict[str, float]) -> list[Group]:
    """The holders present summed per budget («Kommunen», «Andre kommuner», «Staten» …)."""
    groups: list[Group] = []
    labels = []
    for h in meta["holders"]:
        if h["id"] in value:
            label = group_label(h)
            if label not in labels:
                labels.append(label)
                groups.append({"label": label, "level": h["level"],
                               "value": sum([value[x["id"]] for x in meta["holders"]
                                             if x["id"] in value and group_label(x) == label])})
    return groups


def holder_table(meta: Meta, output: OutputMeta, value: dict[str, float]) -> list[Node]:
    """Per holder, with a sum per budget that has several."""
    present = [h for h in meta["holders"] if h["id"] in value]
    rows = []
    for g in holder_groups(meta, value):
        mine = [h for h in present if group_label(h) == g["label"]]
        for h in mine:
            rows.append(row(h["label"], [format_number(value[h["id"]], output["unit"])]))
        if len(mine) > 1:
            rows.append(row(TEXT["sum"] + " " + g["label"].lower(),
                            [format_number(g["value"], output["unit"])], "vl-calc__sum"))
    label_id = ident(meta, output, "tabell")
    return [heading("h3", label_id, TEXT["who_pays"] + ": " + output["label"].lower() + form_note(meta)),
            table(label_id, [TEXT_MORE["holder"], output["label"]], rows)]


def years_block(meta: Meta, output: OutputMeta, values: list[float], width: int, font: int) -> list[Node]:
    """One number per year: a line (a run of equal years is a flat line, not a row of bars)."""
    label_id = ident(meta, output, "tittel")
    rows = [row(TEXT["year"] + " " + str(t), [format_number(values[t], output["unit"])])
            for t in range(len(values))]
    return [heading("h3", label_id, output["label"]),
            line_chart(output["label"], [output["label"]], ["sum"], [values], output["unit"], width, font),
            numbers(table(label_id, [TEXT["year"], output["label"]], rows, " vl-calc__years vl-calc__wide"))]


def by_holder_block(meta: Meta, output: OutputMeta, value: dict[str, float], width: int, font: int) -> list[Node]:
    groups = holder_groups(meta, value)
    nodes = holder_table(meta, output, value)
    return [nodes[0], bar_chart(output["label"], [g["label"] for g in groups], [g["value"] for g in groups],
                                output["unit"], width, font), numbers(nodes[1])]


def years_by_holder_block(meta: Meta, output: OutputMeta, value: dict[str, list[float]], width: int,
                          font: int) -> list[Node]:
    """A line per level (the sum of its holders) over the years. Its numbers: the table per level
    in the page; the runtime builds the table of every budget (``years_by_holder_table``) when
    the «details» opens (``data-vl-years``)."""
    unit = output["unit"]
    years = 0
    for h in meta["holders"]:
        if h["id"] in value:
            years = max(years, len(value[h["id"]]))
    rows = []
    labels = []
    levels = []
    totals = []
    for level in meta_levels(meta):
        mine = [h for h in meta["holders"] if h["id"] in value and h["level"] == level]
        if len(mine) > 0:
            total = [sum([value[h["id"]][t] for h in mine]) for t in range(years)]
            labels.append(level_label(meta, level))
            levels.append(level)
            totals.append(total)
            rows.append(row(level_label(meta, level), [format_number(x, unit) for x in total]))
    label_id = ident(meta, output, "tittel")
    return [heading("h3", label_id, output["label"]),
            line_chart(output["label"], labels, levels, totals, unit, width, font),
            el("details", {"class": "vl-calc__numbers", "data-vl-years": output["id"]},
               [el("summary", {}, [], TEXT_MORE["numbers"]), table(label_id, year_head(years), rows, " vl-calc__wide")])]


def level_label(meta: Meta, level: str) -> str:
    return meta["levels"][level]


def meta_levels(meta: Meta) -> list[str]:
    """The levels in order: kommune, fylkeskommune, stat, samfunnet."""
    levels = []
    for h in meta["holders"]:
        if h["level"] not in levels:
            levels.append(h["level"])
    return levels


def year_head(years: int) -> list[str]:
    head = [TEXT_MORE["holder"]]
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
    return table(ident(meta, output, "tittel"), year_head(years), rows, " vl-calc__wide")


# -- charts ----------------------------------------------------------------------------------
def text_width(text: str, font: int) -> float:
    return len(text) * CHART["char"] * font


def wrap_words(text: str, width: int, font: int) -> list[str]:
    """``text`` in lines no wider than ``width`` (as ``text_width`` estimates), broken at spaces; a
    single word wider than that stands alone on its line."""
    lines = []
    current = ""
    for word in text.split(" "):
        candidate = word if current == "" else current + " " + word
        if current != "" and text_width(candidate, font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def svg(width: int, height: int, label: str, children: list[Node], font: int = 13) -> Node:
    """A chart: an image (its numbers are in the table beside it), as wide as its column."""
    return el("svg", {"class": "vl-calc__chart", "viewBox": "0 0 " + str(width) + " " + str(height),
                      "font-size": str(font), "role": "img", "aria-label": label}, children)


def bar_chart(caption: str, labels: list[str], values: list[float], unit: str, width: int,
              font: int) -> Node:
    """Per value its label and value, and under them a bar growing right (saving, positive) or
    left (cost, negative) from a zero line. The value stands on the label's line when both fit,
    else on a line of its own; every text starts inside the chart, so none is clipped."""
    line = ceil(font * CHART["line"])
    bar = ceil(font * CHART["bar_em"])
    gap = ceil(font * CHART["gap_em"])
    top = 0.0
    for v in values:
        top = max(top, abs(v))
    if top == 0:
        top = 1.0
    zero = width / 2 if len([v for v in values if v < 0]) > 0 else 0.0
    children = []
    axis = ""
    y = 0
    for i in range(len(values)):
        value = format_number(values[i], unit)
        # A label wider than the chart (a narrow phone) goes on as many lines as it needs.
        label_lines = wrap_words(labels[i] + ":", width, font)
        for j in range(len(label_lines) - 1):
            children.append(el("text", {"x": "0", "y": str(y + font), "text-anchor": "start"}, [], label_lines[j]))
            y += line
        children.append(el("text", {"x": "0", "y": str(y + font), "text-anchor": "start"}, [],
                           label_lines[len(label_lines) - 1]))
        if len(label_lines) > 1 or text_width(labels[i] + ": " + value, font) > width:
            y += line
            children.append(el("text", {"x": "0", "y": str(y + font), "text-anchor": "start"}, [], value))
        else:
            children.append(el("text", {"x": str(width), "y": str(y + font), "text-anchor": "end",
                                        "class": "vl-calc__value"}, [], value))
        y += line
        # Divide first: for a largest value of (almost) nothing the scale would overflow.
        length = abs(values[i]) / top * (width - zero)
        x = zero - length if values[i] < 0 else zero
        axis += "M" + coordinate(zero) + " " + str(y - 2) + "v" + str(bar + 4)
        children.append(el("rect", {"class": "vl-calc__bar--neg" if values[i] < 0 else "vl-calc__bar",
                                    "x": coordinate(x), "y": str(y), "width": coordinate(length),
                                    "height": str(bar)}, []))
        y += bar + gap
    children.append(el("path", {"class": "vl-calc__axis", "d": axis}, []))
    return svg(width, y, TEXT_MORE["chart"].replace("{label}", caption), children, font)


def marker(level: str, x: float, y: float) -> str:
    """Path data of one point marker: a different shape for each level (not colour alone)."""
    if level == "kommune":
        return "M" + coordinate(x - 3.5) + " " + coordinate(y - 3.5) + "h7v7h-7z"
    if level == "fylkeskommune":
        return "M" + coordinate(x) + " " + coordinate(y - 4.5) + "l4.5 8h-9z"
    if level == "stat":
        return "M" + coordinate(x) + " " + coordinate(y - 5) + "l5 5-5 5-5-5z"
    return "M" + coordinate(x - 4) + " " + coordinate(y) + "a4 4 0 1 0 8 0a4 4 0 1 0-8 0z"


def x_of(t: int, years: int, left: float, width: int) -> float:
    if years > 1:
        return left + t * ((width - left - CHART["edge"]) / (years - 1))
    return (left + width) / 2


def line_chart(caption: str, labels: list[str], levels: list[str], totals: list[list[float]], unit: str,
               width: int, font: int) -> Node:
    """One line per series over the years, each with its own colour, dash pattern and marker; a
    text legend with each line's last value; a zero line; the top and bottom values; year
    numbers under the plot. A series of equal years is a flat line. The table has every number."""
    line = ceil(font * CHART["line"])
    years = 0
    hi = 0.0
    lo = 0.0
    for total in totals:
        years = max(years, len(total))
        hi = max(hi, max(total))
        lo = min(lo, min(total))
    # The legend names each line and its last value (a single line: the heading names it).
    legend = [(labels[i] + ", " + TEXT["year"].lower() if levels[i] != "sum" else TEXT["year"]) + " "
              + str(len(totals[i]) - 1) + ": " + format_number(totals[i][-1], unit) for i in range(len(levels))]
    children = []
    y = 0
    for i in range(len(levels)):
        middle = y + line / 2
        children.append(el("line", {"class": "vl-calc__line vl-calc__line--" + levels[i], "x1": "0",
                                    "y1": coordinate(middle), "x2": str(CHART["sample"]),
                                    "y2": coordinate(middle)}, []))
        children.append(el("path", {"class": "vl-calc__marker vl-calc__marker--" + levels[i],
                                    "d": marker(levels[i], CHART["sample"] / 2, middle)}, []))
        # A legend too long for one line goes on two: name, then value.
        if CHART["sample"] + 8 + text_width(legend[i], font) > width:
            parts = legend[i].split(": ")
            children.append(el("text", {"x": str(CHART["sample"] + 8), "y": str(y + font),
                                        "text-anchor": "start"}, [], parts[0] + ":"))
            y += line
            children.append(el("text", {"x": str(CHART["sample"] + 8), "y": str(y + font),
                                        "text-anchor": "start"}, [], parts[1]))
        else:
            children.append(el("text", {"x": str(CHART["sample"] + 8), "y": str(y + font),
                                        "text-anchor": "start"}, [], legend[i]))
        y += line
    top = y + line
    plot = max(CHART["min_plot"], min(CHART["max_plot"], ceil(width * CHART["ratio"])))
    bottom = top + plot
    span = hi - lo if hi - lo != 0 else 1.0
    zero_y = top + hi / span * plot
    left = 0.0
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
        tick_ys.append(bottom + font + 2)
    children.append(el("path", {"class": "vl-calc__grid", "d": grid}, []))
    children.append(el("line", {"class": "vl-calc__axis", "x1": "0", "y1": coordinate(zero_y),
                                "x2": str(width), "y2": coordinate(zero_y)}, []))
    for i in range(len(tick_values)):
        if i == 0 or abs(tick_ys[i] - tick_ys[0]) > line:  # no tick on top of the zero tick
            children.append(el("text", {"class": "vl-calc__tick", "x": "0", "y": coordinate(tick_ys[i]),
                                        "text-anchor": "start"}, [], format_number(tick_values[i], unit)))
    # Year numbers: as many as fit side by side.
    label_room = text_width("00", font) + font
    room = (width - CHART["edge"]) / label_room
    every = 1
    while years / every > room:
        every += 1
    year_y = bottom + font + 2 + (line if lo != 0 else 0)
    for t in range(years):
        if t % every == 0:
            children.append(el("text", {"x": coordinate(x_of(t, years, left + CHART["edge"], width)),
                                        "y": coordinate(year_y), "text-anchor": "middle"}, [], str(t)))
    children.append(el("text", {"x": coordinate(width / 2), "y": coordinate(year_y + line),
                                "text-anchor": "middle"}, [], TEXT["year"]))
    for i in range(len(levels)):
        xs = [x_of(t, years, left + CHART["edge"], width) for t in range(len(totals[i]))]
        ys = [top + (hi - totals[i][t]) / span * plot for t in range(len(totals[i]))]
        points = [coordinate(xs[t]) + "," + coordinate(ys[t]) for t in range(len(xs))]
        children.append(el("polyline", {"class": "vl-calc__line vl-calc__line--" + levels[i],
                                        "points": " ".join(points)}, []))
        if len(xs) <= 25:  # markers while they stay apart
            marks = [marker(levels[i], xs[t], ys[t]) for t in range(len(xs))]
            children.append(el("path", {"class": "vl-calc__marker vl-calc__marker--" + levels[i],
                                        "d": "".join(marks)}, []))
    names = [label.lower() for label in labels]
    joined = ", ".join(names[:-1]) + " " + TEXT_MORE["and"] + " " + names[-1] if len(names) > 1 else "".join(names)
    label = TEXT_MORE["line_chart"].replace("{label}", caption).replace("{levels}", joined)
    return svg(width, ceil(year_y + line + 6), label, children, font)


# -- words for the reading sentences (each model's ``sentence`` uses these) -----------------
def amount(x: float) -> str:
    """A rounded amount for a sentence, without sign, by one rule for every amount in it:
    «1,2 mill. kr» from a million, else to the nearest thousand («238 000 kr», «75 000 kr»),
    and to the nearest hundred under a thousand («900 kr»)."""
    if abs(x) >= 999500:
        return format_number(round(abs(x) / 100000) / 10, "%", False, True) + NBSP + "mill." + NBSP + "kr"
    if abs(x) >= 1000:
        return format_number(round(abs(x) / 1000) * 1000, "kr")
    return format_number(round(abs(x) / 100) * 100, "kr")


def gain(who: str, x: float) -> str:
    """«kommunen sparer 163 000 kr» or «staten har en netto kostnad på 20 000 kr»."""
    if x < 0:
        return who + " har en netto kostnad på " + amount(x)
    return who + " sparer " + amount(x)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def holders_sum(value: dict[str, float], ids: list[str]) -> float:
    return sum([value[k] for k in ids if k in value])
