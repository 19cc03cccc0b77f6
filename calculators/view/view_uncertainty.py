"""The uncertainty block of a calculator's results, written once (like ``calculators/view/view.py``).

Shown above the other results: for each result with an interval, the likely value (the point
result), the 10th–90th percentile interval of the Monte Carlo run, and what the «no lasting
effect» scenario gives; the probability of paying back; the effects without a price with the
user's plus-minus marks beside the money; and a tornado chart with its table.

The build runs ``uncertainty_block`` in Python (``calculators/uncertainty.analyse`` for the
defaults); the browser runs its translation with the analysis the page computed in short tasks
(``uncertainty.run_step``, translated). Same nodes, same text in both.
"""

from __future__ import annotations

from typing import TypedDict

from calculators.core.uncertainty import Bar
from calculators.view.view import (
    CHART,
    IntervalMeta,
    Node,
    OutputMeta,
    Outputs,
    ceil,
    coordinate,
    el,
    format_number,
    number,
    numbers,
    row,
    svg,
    table,
    text_width,
    wrap_words,
)

TEXT_U = {
    "heading": "Hvor sikkert er tallet?",
    "central": "Midtverdi (median)",
    "mean": "Gjennomsnitt",
    "form_value": "Med tallene i skjemaet",
    "share": "I pluss",
    "share_value": "{share} av 100 trekninger",
    "interval": "8 av 10 trekninger",
    "no_effect": "Ingen varig effekt",
    "between": " til ",
    "pending": "regnes ut …",
    "explain": "Tallene kommer fra {samples} trekninger over de lave og høye verdiene under "
               "«Usikkerhet» i skjemaet. Spennene er våre anslag, ikke målinger: «I pluss» sier hvor "
               "mange av 100 trekninger som ga null eller mer med disse spennene, ikke hvor sannsynlig "
               "det er at det går slik hos dere. Endrer du et beløp eller en effekt i skjemaet, følger "
               "spennet med. «Ingen varig effekt» er et scenario der tiltaket ikke virker, ikke "
               "et målt resultat. Forutsetningene trekkes uavhengig av hverandre, men et tiltak "
               "virker ofte som helhet eller ikke i det hele tatt: da er intervallet for smalt, og "
               "andelen i pluss ser sikrere ut enn den er.",
    "unpriced": "Virkninger uten kroneverdi",
    "unpriced_note": "Disse er ikke med i kronebeløpene. Marker dem under «Virkninger uten "
                     "kroneverdi» i skjemaet.",
    "tornado": "Hva betyr mest?",
    "tornado_note": "Hver forutsetning alene satt til lav og høy verdi, resten som i skjemaet: "
                    "{label}. Den øverste flytter resultatet mest. Den stiplede linjen er resultatet "
                    "med tallene i skjemaet, den heltrukne er null. Aksen under viser kroner.",
    "at_low_mark": " (lav) til ",
    "at_high_mark": " (høy)",
    "tornado_chart": "Tornadodiagram: {label} når én forutsetning settes lav og høy. Tallene står "
                     "i tabellen.",
    "assumption": "Forutsetning",
    "low": "Lav verdi",
    "at_low": "Resultat ved lav",
    "high": "Høy verdi",
    "at_high": "Resultat ved høy",
}
MARK_TEXT = {"pluss": "+ positiv", "null": "0 ingen", "minus": "− negativ", "": "ikke vurdert"}
TORNADO_BARS = 8
"""The chart shows the largest swings; the table has every range."""


class RangeMeta(TypedDict):
    id: str
    label: str
    unit: str
    low: float
    high: float


class UnpricedMeta(TypedDict):
    id: str
    label: str
    help: str


class UncertaintyMeta(TypedDict):
    outputs: list[str]
    payback: str
    samples: int
    ranges: list[RangeMeta]


class UMeta(TypedDict):
    """The parts of ``bundle.metadata`` this block reads."""

    id: str
    outputs: list[OutputMeta]
    uncertainty: UncertaintyMeta
    unpriced: list[UnpricedMeta]
    interval: IntervalMeta


class Analysis(TypedDict):
    """What ``uncertainty.analyse`` (or the browser's run) gives; ``samples`` is 0 while the
    draws are still running."""

    intervals: dict[str, list[float]]
    shares: dict[str, float]
    means: dict[str, float]
    payback: float
    samples: int
    tornado: list[Bar]
    no_effect: dict[str, float]


def output_meta(meta: UMeta, key: str) -> OutputMeta:
    found = [o for o in meta["outputs"] if o["id"] == key]
    return found[0]


def range_meta(meta: UMeta, key: str) -> RangeMeta:
    found = [r for r in meta["uncertainty"]["ranges"] if r["id"] == key]
    return found[0]


def percent(share: float) -> str:
    return format_number(round(share * 100), "%")


def uncertainty_block(meta: UMeta, point: Outputs, analysis: Analysis, marks: dict[str, str],
                      width: int = 720, font: int = 15) -> list[Node]:
    """The block: per result its median, mean, the result with the form's numbers, the
    interval, how many draws of 100 are in plus and (where it changes the result) «no lasting
    effect»; then the plus-minus marks and the tornado."""
    spec = meta["uncertainty"]
    done = analysis["samples"] > 0
    groups = []
    for key in spec["outputs"]:
        o = output_meta(meta, key)
        unit = o["unit"]
        central = TEXT_U["pending"]
        average = TEXT_U["pending"]
        interval = TEXT_U["pending"]
        share = TEXT_U["pending"]
        if done:
            bounds = analysis["intervals"][key]
            central = format_number(bounds[1], unit)
            average = format_number(analysis["means"][key], unit)
            interval = format_number(bounds[0], unit, False, True) + TEXT_U["between"] + format_number(bounds[2], unit)
            share = TEXT_U["share_value"].replace("{share}", str(int(round(analysis["shares"][key] * 100))))
        items = [
            el("dt", {}, [], o["label"]),
            el("dd", {"class": "vl-calc__likely-value"}, [el("strong", {"data-vl-block-central": key}, [], central)],
               TEXT_U["central"] + ": "),
            el("dd", {}, [el("span", {"data-vl-interval": key}, [], interval)], TEXT_U["interval"] + ": "),
            el("dd", {}, [el("span", {"data-vl-mean": key}, [], average)], TEXT_U["mean"] + ": "),
            el("dd", {}, [el("span", {"data-vl-form-value": key}, [], format_number(number(point, key), unit))],
               TEXT_U["form_value"] + ": ")]
        if key in meta["interval"]["no_effect_outputs"]:  # a result of the investment
            items.append(el("dd", {}, [el("span", {"data-vl-share": key}, [], share)], TEXT_U["share"] + ": "))
            no_effect = format_number(analysis["no_effect"][key], unit) if key in analysis["no_effect"] else "–"
            items.append(el("dd", {}, [el("span", {"data-vl-no-effect": key}, [], no_effect)],
                            TEXT_U["no_effect"] + ": "))
        groups.append(el("div", {}, items))
    parts = [el("h3", {"id": "vl-" + meta["id"] + "-usikkerhet", "tabindex": "-1"}, [], TEXT_U["heading"]),
             el("dl", {"class": "vl-calc__uncertain"}, groups)]
    payback = output_meta(meta, spec["payback"])
    parts.append(el("p", {"class": "vl-calc__explain"}, [],
                    TEXT_U["explain"].replace("{samples}", str(spec["samples"]))))
    for node in unpriced_block(meta, marks, "h4"):
        parts.append(node)
    for node in tornado_block(meta, payback, number(point, spec["payback"]), analysis["tornado"], width, font):
        parts.append(node)
    return parts


def unpriced_block(meta: UMeta, marks: dict[str, str], heading: str = "h3") -> list[Node]:
    """The effects without a price, each with the user's mark (or «ikke vurdert»); ``heading``
    is h3 when the list stands alone, h4 inside the uncertainty block."""
    if len(meta["unpriced"]) == 0:
        return []
    items = []
    for effect in meta["unpriced"]:
        mark = marks[effect["id"]] if effect["id"] in marks else ""
        items.append(el("li", {"data-vl-mark": effect["id"]}, [
            el("span", {"class": "vl-calc__mark vl-calc__mark--" + (mark if mark != "" else "ukjent")},
               [], MARK_TEXT[mark])], effect["label"] + ": "))
    return [el(heading, {}, [], TEXT_U["unpriced"]),
            el("ul", {"class": "vl-calc__unpriced"}, items),
            el("p", {"class": "vl-calc__explain"}, [], TEXT_U["unpriced_note"])]


def tornado_block(meta: UMeta, output: OutputMeta, likely: float, bars: list[Bar], width: int,
                  font: int) -> list[Node]:
    """A bar per range from the result at its low end to the result at its high end, a dashed
    line at the likely value and a solid one at zero; then every range in a table. Drawn like
    ``view.bar_chart``: the viewBox is the column's width in pixels and the text is the page's
    size, each label above its bar, broken into lines where the column is narrow."""
    if len(bars) == 0:
        return []
    unit = output["unit"]
    line = ceil(font * CHART["line"])
    bar = ceil(font * CHART["bar_em"])
    gap = ceil(font * CHART["gap_em"])
    shown = [bars[i] for i in range(min(TORNADO_BARS, len(bars)))]
    lo = min(likely, min([min(b["at_low"], b["at_high"]) for b in shown]))
    hi = max(likely, max([max(b["at_low"], b["at_high"]) for b in shown]))
    span = hi - lo if hi - lo != 0 else 1.0
    children = []
    tops = []
    y = 0
    for i in range(len(shown)):
        b = shown[i]
        label = range_meta(meta, b["id"])["label"] + ": " + format_number(b["at_low"], unit) \
            + TEXT_U["at_low_mark"] + format_number(b["at_high"], unit) + TEXT_U["at_high_mark"]
        for text in wrap_words(label, width, font):
            children.append(el("text", {"x": "0", "y": str(y + font), "text-anchor": "start"}, [], text))
            y += line
        left = (min(b["at_low"], b["at_high"]) - lo) / span * width
        right = (max(b["at_low"], b["at_high"]) - lo) / span * width
        children.append(el("rect", {"class": "vl-calc__tornado", "x": coordinate(left), "y": str(y),
                                    "width": coordinate(max(right - left, 1.0)), "height": str(bar)}, []))
        tops.append(y)
        y += bar + gap
    # The zero and likely-value lines cross the bars only, never a label.
    if lo < 0 and hi > 0:
        zero = coordinate(-lo / span * width)
        children.append(el("path", {"class": "vl-calc__axis", "d": "".join(
            ["M" + zero + " " + str(t - 3) + "v" + str(bar + 6) for t in tops])}, []))
    base = coordinate((likely - lo) / span * width)
    children.append(el("path", {"class": "vl-calc__likely", "d": "".join(
        ["M" + base + " " + str(t - 3) + "v" + str(bar + 6) for t in tops])}, []))
    # A kroner axis under the bars: the two ends, and zero where it lies between them with room.
    children.append(el("path", {"class": "vl-calc__axis", "d": "M0 " + str(y) + "H" + str(width)}, []))
    low_text = format_number(lo, unit)
    high_text = format_number(hi, unit)
    children.append(el("text", {"x": "0", "y": str(y + font + 4), "text-anchor": "start"}, [], low_text))
    children.append(el("text", {"x": str(width), "y": str(y + font + 4), "text-anchor": "end"}, [], high_text))
    if lo < 0 and hi > 0:
        middle = -lo / span * width
        half = text_width("0 kr", font) / 2
        if middle - half > text_width(low_text, font) + font and middle + half < width - text_width(high_text, font) - font:
            children.append(el("text", {"x": coordinate(middle), "y": str(y + font + 4), "text-anchor": "middle"},
                               [], format_number(0, unit)))
    y += font + 10
    caption = TEXT_U["tornado_chart"].replace("{label}", output["label"].lower())
    rows = []
    for b in bars:
        r = range_meta(meta, b["id"])
        rows.append(row(r["label"], [format_number(b["low"], r["unit"]), format_number(b["at_low"], unit),
                                     format_number(b["high"], r["unit"]), format_number(b["at_high"], unit)]))
    label_id = "vl-" + meta["id"] + "-tornado"
    return [el("h4", {"id": label_id}, [], TEXT_U["tornado"]),
            el("p", {}, [], TEXT_U["tornado_note"].replace("{label}", output["label"].lower())),
            svg(width, y, caption, children, font),
            numbers(table(label_id, [TEXT_U["assumption"], TEXT_U["low"], TEXT_U["at_low"],
                                     TEXT_U["high"], TEXT_U["at_high"]], rows, " vl-calc__wide"))]
