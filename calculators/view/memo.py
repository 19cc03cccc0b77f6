"""The figures the beslutningsnotat states about a scenario, written once (issue 23).

The memo (ODT, DOCX and the print view, made in the browser by ``eksport.js``) takes its summary
lines, its uncertainty table and its «who pays, who saves» rows from these functions, translated
into the export file like the page's view: the memo cannot say «Sum kommunen» or «midtverdi»
differently from the page, because both come from ``calculators/view/view.py``.
Everything here is in the translatable subset (see ``calculators/README.md``).
"""

from __future__ import annotations

from typing import TypedDict

from calculators.core.text import fixed
from calculators.view.view import (
    TEXT,
    Interval,
    Meta,
    OutputMeta,
    Outputs,
    central_value,
    format_number,
    format_output,
    group_label,
    holder_groups,
    interval_done,
    interval_text,
    number,
    share_text,
)

MEMO_TEXT = {
    "central": "midtverdi",
    "central_line": "Midtverdi: {value} (medianen av {samples} trekninger)",
    "form_value": "med tallene i skjemaet",
    "no_effect": "ingen varig effekt (scenario)",
    "share": "{share} av 100",
}


class MemoSource(TypedDict):
    """An input's source as ``eksport.data`` gives it (``status`` «kilde» or «illustrasjon»)."""
    title: str
    publisher: str
    year: int
    status: str
    url: str
    note: str


class MemoInput(TypedDict):
    id: str
    label: str
    unit: str
    source: MemoSource


class MemoTexts(TypedDict):
    """The memo's texts (``notat`` in eksport.yaml) these functions use."""
    kilde: str
    illustrasjon: str
    endret_kilde: str
    kilder_endret: str
    kilde_endret_del: str
    rente_endret: str
    forhandsinnstilling: str


def output_meta(meta: Meta, key: str) -> OutputMeta:
    return [o for o in meta["outputs"] if o["id"] == key][0]


def card_lines(meta: Meta, out: Outputs, interval: Interval, key: str) -> list[str]:
    """What a headline card says about ``key``, as lines of text (handouts, course pages): the
    median, the 8-of-10 range, the draws in plus, the form's result and, where it changes the
    result, «ingen varig effekt». A result without an interval: the form's result, named so."""
    o = output_meta(meta, key)
    if not interval_done(meta, interval, key):
        return [TEXT["form_value"] + format_output(number(out, key), o)]
    net = key in meta["interval"]["no_effect_outputs"]  # a result of the investment
    lines = [MEMO_TEXT["central_line"].replace("{value}", central_value(meta, interval, key))
             .replace("{samples}", str(interval["samples"])), interval_text(meta, interval, key)]
    if net:
        lines.append(share_text(interval["shares"][key]))
    lines.append(TEXT["form_value"] + format_output(number(out, key), o))
    if net and key in interval["no_effect"]:
        lines.append(TEXT["no_effect"] + format_number(interval["no_effect"][key], o["unit"]))
    return lines


def summary_lines(meta: Meta, out: Outputs, interval: Interval) -> list[str]:
    """One sentence per result with an interval, the median first: «Netto nåverdi for
    kommunen: midtverdi −100 177 kr. 8 av 10 trekninger mellom … I pluss i 29 av 100 trekninger
    med våre anslag. Med tallene i skjemaet: −47 760 kr. Gjennomsnitt – forventningsverdien R-109
    ber om: −90 000 kr.» (the card's small mean line, as on the page)."""
    lines = []
    for key in [k for k in meta["interval"]["outputs"] if interval_done(meta, interval, k)]:
        o = output_meta(meta, key)
        share = share_text(interval["shares"][key]) + ". " if key in meta["interval"]["no_effect_outputs"] else ""
        lines.append(o["label"] + ": " + MEMO_TEXT["central"] + " " + central_value(meta, interval, key) + ". "
                     + interval_text(meta, interval, key) + ". " + share
                     + TEXT["form_value"] + format_output(number(out, key), o) + "."
                     + (" " + TEXT["mean"] + format_number(interval["means"][key], o["unit"]) + "."
                        if key in interval["means"] else ""))
    return lines


def uncertainty_rows(meta: Meta, out: Outputs, interval: Interval) -> list[list[str]]:
    """Per result with an interval: label, median, P10 til P90, draws in plus of 100, the result
    with the form's numbers, and «ingen varig effekt» where it changes the result ("" if not)."""
    rows = []
    for key in [k for k in meta["interval"]["outputs"] if interval_done(meta, interval, k)]:
        o = output_meta(meta, key)
        bounds = interval["intervals"][key]
        no_effect = ""
        if key in meta["interval"]["no_effect_outputs"] and key in interval["no_effect"]:
            no_effect = format_number(interval["no_effect"][key], o["unit"])
        rows.append([o["label"], central_value(meta, interval, key),
                     format_number(bounds[0], o["unit"], False, True) + " til " + format_number(bounds[2], o["unit"]),
                     MEMO_TEXT["share"].replace("{share}", str(int(round(interval["shares"][key] * 100))))
                     if key in meta["interval"]["no_effect_outputs"] else "",
                     format_output(number(out, key), o), no_effect])
    return rows


def holder_rows(meta: Meta, output: OutputMeta, value: dict[str, float]) -> list[list[str]]:
    """The page's «who pays, who saves» table as rows ``[label, amount, "sum" or ""]``: each
    holder, then a sum per budget that has several (``view.holder_groups``, as on the page)."""
    present = [h for h in meta["holders"] if h["id"] in value]
    rows = []
    for g in holder_groups(meta, value):
        mine = [h for h in present if group_label(h) == g["label"]]
        for h in mine:
            rows.append([h["label"], format_number(value[h["id"]], output["unit"]), ""])
        if len(mine) > 1:
            rows.append([TEXT["sum"] + " " + g["label"].lower(), format_number(g["value"], output["unit"]), "sum"])
    return rows




def csv_number(x: float) -> str:
    """A number for Norwegian Excel's CSV: two decimals at most, decimal comma, no grouping."""
    digits = fixed(abs(x), 2)
    parts = digits.split(".")
    fraction = parts[1] if len(parts) > 1 else ""
    while len(fraction) > 0 and fraction[-1] == "0":
        fraction = fraction[:-1]
    text = parts[0] + ("," + fraction if len(fraction) > 0 else "")
    return "-" + text if x < 0 and text != "0" else text


def flow_rows(meta: Meta, flows: dict[str, list[float]], head: list[str]) -> list[list[str]]:
    """The CSV of the yearly flows: a row per year with one column per budget holder present,
    then the public budgets' sum (when samfunnet is a column too) and the sum of all.
    ``head`` is [year, public, all] as the export's texts name them."""
    present = [h for h in meta["holders"] if h["id"] in flows]
    public = [h for h in present if h["level"] != "samfunnet"]
    with_public = len(public) > 0 and len(public) < len(present)
    years = max([len(flows[h["id"]]) for h in present]) if len(present) > 0 else 0
    top = [head[0]]
    for h in present:
        top.append(h["label"])
    if with_public:
        top.append(head[1])
    top.append(head[2])
    rows = [top]
    for t in range(years):
        values = [flows[h["id"]][t] if t < len(flows[h["id"]]) else 0.0 for h in present]
        line = [str(t)]
        for x in values:
            line.append(csv_number(x))
        if with_public:
            line.append(csv_number(sum([flows[h["id"]][t] if t < len(flows[h["id"]]) else 0.0 for h in public])))
        line.append(csv_number(sum(values)))
        rows.append(line)
    return rows


def source_name(source: MemoSource) -> str:
    """«Finansdepartementet 2021: Rundskriv R-109/2021: …»."""
    return source["publisher"] + " " + str(source["year"]) + ": " + source["title"]


def source_text(source: MemoSource, changed: bool, texts: MemoTexts) -> str:
    """The memo's «Kilde og status» cell for an input (also the workbook's source cell). A sourced
    value the user has changed is no longer the source's figure, and the cell says so, naming
    the source as where the standard came from: «Endret av brukeren – ikke kildens tall
    (standard fra …)». An illustration stays an illustration, changed or not."""
    if source["status"] != "kilde":
        return texts["illustrasjon"] + (". " + source["note"] if source["note"] != "" else "")
    if changed:
        return texts["endret_kilde"].replace("{kilde}", source_name(source))
    return texts["kilde"].replace("{kilde}", source_name(source)) + (". " + source["note"] if source["note"] != "" else "")


def changed_sources_line(inputs: list[MemoInput], values: dict[str, float], defaults: dict[str, float],
                         changed: list[str], rate: str, texts: MemoTexts) -> str:
    """The Sammendrag's one warning when sourced values were changed, or "": the discount rate
    first and by name («Kalkulasjonsrenten er endret fra R-109s 4 % til 1 %»), then each other
    sourced value with its standard and its source."""
    parts = []
    for i in [x for x in inputs if x["id"] in changed and x["source"]["status"] == "kilde" and x["id"] == rate]:
        parts.append(texts["rente_endret"].replace("{standard}", format_number(defaults[i["id"]], i["unit"], True))
                     .replace("{verdi}", format_number(values[i["id"]], i["unit"], True)))
    for i in [x for x in inputs if x["id"] in changed and x["source"]["status"] == "kilde" and x["id"] != rate]:
        parts.append(texts["kilde_endret_del"].replace("{navn}", i["label"])
                     .replace("{standard}", format_number(defaults[i["id"]], i["unit"], True))
                     .replace("{verdi}", format_number(values[i["id"]], i["unit"], True))
                     .replace("{kilde}", i["source"]["publisher"] + " " + str(i["source"]["year"])))
    if len(parts) == 0:
        return ""
    return texts["kilder_endret"].replace("{liste}", "; ".join(parts))


def preset_line(labels: dict[str, str], descriptions: dict[str, str], preset: str, texts: MemoTexts) -> str:
    """«Scenarioet bygger på forhåndsinnstillingen «Optimistisk anslag» i kalkulatoren: …» with the
    preset's own description from the model's data (what it assumes, and how to use it), or ""."""
    if preset == "" or preset not in labels:
        return ""
    return texts["forhandsinnstilling"].replace("{navn}", labels[preset]) \
        .replace("{beskrivelse}", descriptions[preset] if preset in descriptions else "")


MEMO_FUNCTIONS = (summary_lines, uncertainty_rows, holder_rows, card_lines, flow_rows, source_text,
                  changed_sources_line, preset_line)
