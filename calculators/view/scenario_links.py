"""Links that open a calculator page with a scenario filled in: the one place their format lives.

Workshop pages, handouts (QR codes), the whole-guide PDF and the tests call ``scenario_link``;
the build translates ``read_link``, ``link_pairs`` and ``link_notice`` into the calculators'
runtime file (``bundle.view_javascript``), so the browser reads and writes its address with the
same code. Only the address itself is the browser's own (``location``, ``URLSearchParams``,
``history``: kalkulator.js and usikkerhet.js); Python splits a link with ``parse_qsl``.

After the ``#`` (the fragment, which browsers never send to a server), as ``key=value`` pairs:

- ``preset=<id>``: one of the model's presets (the page's own is left out);
- ``<input id>=<number>``: a value, with a decimal point (``2.5``, ``-3``, never ``2,5`` or ``1e6``);
- ``lav_<id>=<number>``, ``hoy_<id>=<number>``: an end of a range the reader set;
- ``pm_<id>=pluss|null|minus``: the reader's mark on an effect without a price;
- ``visning=storskjerm``: presentation mode.

Material's ``q`` and ``h`` are passed over. Anything else, and a value that is not valid, is not
used, and the page says which field and why (``link_notice``), in Norwegian.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict
from urllib.parse import parse_qsl, urlencode, urlsplit

from calculators.core.text import decimals, fixed
from calculators.view.fields import Field, check_value, read_plain

SEPARATOR = "#"
"""Before the scenario's parameters: the fragment, which browsers never send to a server (the
runtime still reads old ``?…`` links and moves them to ``#…``)."""
PRESET, VIEW, PRESENTING = "preset", "visning", "storskjerm"
LOW, HIGH, MARK = "lav_", "hoy_", "pm_"
MARKS = ["pluss", "null", "minus"]
PASSED_OVER = ["q", "h"]
"""Material's search and highlight."""
TEXT = {
    "notice": "Noen verdier i lenken ble ikke brukt: {problems}.",
    "unknown": "«{key}» er ikke et felt i denne kalkulatoren",
    "preset": "«Forhåndsinnstilling» (preset={value}) finnes ikke i denne kalkulatoren",
    "view": "visningen «{value}» finnes ikke (bare «storskjerm»)",
    "number": "«{label}»: «{value}» er ikke et tall",
    "missing": "«{label}» mangler verdi",
    "low_missing": "lav verdi for «{label}» mangler",
    "high_missing": "høy verdi for «{label}» mangler",
    "check": "«{label}»: {message}",
    "low": "«{label}», lav verdi: «{value}» er ikke et tall",
    "high": "«{label}», høy verdi: «{value}» er ikke et tall",
    "mark": "«{label}»: «{value}» er ikke pluss, null eller minus",
}


class Named(TypedDict):
    id: str
    label: str


class LinkMeta(TypedDict):
    """What the link needs of ``bundle.metadata``: the inputs, the presets, the ranges and the
    effects without a price (``unpriced``)."""
    inputs: list[Field]
    presets: dict[str, dict[str, float]]
    ranges: list[Named]
    unpriced: list[Named]


class Link(TypedDict):
    """A scenario as its link holds it, and what in the link was not used (``problems``)."""
    preset: str
    values: dict[str, float]
    lows: dict[str, float]
    highs: dict[str, float]
    marks: dict[str, str]
    present: bool
    problems: list[str]


def number_text(value: float) -> str:
    """A number as a link writes it: ``20``, ``2.5``, ``-3`` (never ``2,5`` or ``1e6``)."""
    if value == int(value):
        return str(int(value))
    return fixed(value, decimals(value))


def _label(items: list[Named], key: str) -> str:
    """The label of ``key`` in ``items``, or "" if it is none of them."""
    found = [i["label"] for i in items if i["id"] == key]
    return found[0] if len(found) > 0 else ""


def _field(meta: LinkMeta, key: str) -> list[Field]:
    return [i for i in meta["inputs"] if i["id"] == key]


def pair_problem(meta: LinkMeta, key: str, value: str) -> str:
    """Why the pair ``key=value`` is not used ("" if it is, or is passed over)."""
    if key in PASSED_OVER:
        return ""
    if key == PRESET:
        return "" if value in meta["presets"] else TEXT["preset"].replace("{value}", value)
    if key == VIEW:
        return "" if value == PRESENTING else TEXT["view"].replace("{value}", value)
    fields = _field(meta, key)
    if len(fields) > 0 and value == "":
        return TEXT["missing"].replace("{label}", fields[0]["label"])
    if len(fields) > 0:
        reading = read_plain(value)
        if reading["error"] != "":
            return TEXT["number"].replace("{label}", fields[0]["label"]).replace("{value}", value)
        message = check_value(reading["value"], fields[0])
        message = message[:-1] if message.endswith(".") else message  # the notice ends the sentence
        return "" if message == "" else TEXT["check"].replace("{label}", fields[0]["label"]).replace("{message}", message)
    for prefix in [LOW, HIGH]:
        if key.startswith(prefix) and _label(meta["ranges"], key[len(prefix):]) != "":
            if read_plain(value)["error"] == "" and value != "":
                return ""
            kind = ("low" if prefix == LOW else "high") + ("_missing" if value == "" else "")
            return TEXT[kind].replace(
                "{label}", _label(meta["ranges"], key[len(prefix):])).replace("{value}", value)
    if key.startswith(MARK) and _label(meta["unpriced"], key[len(MARK):]) != "":
        if value in MARKS:
            return ""
        label = _label(meta["unpriced"], key[len(MARK):])
        return TEXT["mark" if value != "" else "missing"].replace("{label}", label).replace("{value}", value)
    return TEXT["unknown"].replace("{key}", key)


def scenario_key(meta: LinkMeta, key: str) -> bool:
    """Whether ``key`` belongs to the scenario (an old ``?…`` link's keys move to the fragment)."""
    if key == PRESET or key == VIEW or len(_field(meta, key)) > 0:
        return True
    for prefix in [LOW, HIGH]:
        if key.startswith(prefix) and _label(meta["ranges"], key[len(prefix):]) != "":
            return True
    return key.startswith(MARK) and _label(meta["unpriced"], key[len(MARK):]) != ""


def _last(pairs: list[list[str]], key: str) -> str:
    """The value of the last pair with ``key`` (a later pair wins, as in the browser)."""
    found = [p[1] for p in pairs if p[0] == key]
    return found[len(found) - 1]


def _has(pairs: list[list[str]], key: str) -> bool:
    return len([p for p in pairs if p[0] == key]) > 0


def read_link(meta: LinkMeta, pairs: list[list[str]]) -> Link:
    """The scenario in a link's ``[key, value]`` pairs: the preset's values, then each value in
    the link; each pair that is not used gives a problem naming its field."""
    problems = [pair_problem(meta, p[0], p[1]) for p in pairs]
    good = [pairs[i] for i in range(len(pairs)) if problems[i] == "" and pairs[i][0] not in PASSED_OVER]
    presets = [p[1] for p in good if p[0] == PRESET]
    preset = presets[0] if len(presets) > 0 else ""
    base = meta["presets"][preset] if preset != "" else {}
    ids = [i["id"] for i in meta["inputs"]]
    ranges = [r["id"] for r in meta["ranges"]]
    return {
        "preset": preset,
        "values": {k: read_plain(_last(good, k))["value"] if _has(good, k) else base[k]
                   for k in ids if _has(good, k) or k in base},
        "lows": {k: read_plain(_last(good, LOW + k))["value"] for k in ranges if _has(good, LOW + k)},
        "highs": {k: read_plain(_last(good, HIGH + k))["value"] for k in ranges if _has(good, HIGH + k)},
        "marks": {e["id"]: _last(good, MARK + e["id"]) for e in meta["unpriced"] if _has(good, MARK + e["id"])},
        "present": _has(good, VIEW),
        "problems": [p for p in problems if p != ""],
    }


def link_notice(problems: list[str]) -> str:
    """What the page says about the pairs it did not use ("" when it used them all)."""
    if len(problems) == 0:
        return ""
    return TEXT["notice"].replace("{problems}", "; ".join(problems))


def link_pairs(meta: LinkMeta, link: Link) -> list[list[str]]:
    """The pairs that write ``link``: the preset, the values in the order of the inputs, the
    ranges' ends, the marks, presentation mode. (Which values to write is the caller's choice:
    the browser writes those that differ from the defaults, a workshop page those it names.)"""
    pairs = [[PRESET, link["preset"]]] if link["preset"] != "" else []
    values = link["values"]
    for i in meta["inputs"]:
        if i["id"] in values:
            pairs.append([i["id"], number_text(values[i["id"]])])
    for r in meta["ranges"]:
        if r["id"] in link["lows"]:
            pairs.append([LOW + r["id"], number_text(link["lows"][r["id"]])])
        if r["id"] in link["highs"]:
            pairs.append([HIGH + r["id"], number_text(link["highs"][r["id"]])])
    for e in meta["unpriced"]:
        if e["id"] in link["marks"]:
            pairs.append([MARK + e["id"], link["marks"][e["id"]]])
    if link["present"]:
        pairs.append([VIEW, PRESENTING])
    return pairs


FUNCTIONS = (read_link, link_pairs, link_notice, scenario_key)
"""Translated into the runtime (``globalThis.vlLenke``)."""


# ---- Python's side -------------------------------------------------------------------------

def scenario_link(page_url: str, preset: str | None = None, values: Mapping[str, float] | None = None) -> str:
    """``page_url`` (absolute or relative, ending in ``/``) with the scenario's state added."""
    values = dict(values or {})
    meta: LinkMeta = {"inputs": [{"id": k, "label": k, "unit": "antall", "min": 0.0, "max": 0.0, "integer": False}
                                 for k in values],
                      "presets": {}, "ranges": [], "unpriced": []}
    link: Link = {"preset": preset or "", "values": values, "lows": {}, "highs": {}, "marks": {},
                  "present": False, "problems": []}
    pairs = link_pairs(meta, link)
    return page_url + (SEPARATOR + urlencode([(k, v) for k, v in pairs]) if pairs else "")


def link_params(url: str) -> list[list[str]]:
    """A link's pairs as the runtime takes them: the fragment's, or an old link's query."""
    parts = urlsplit(url)
    text = parts.fragment if "=" in parts.fragment else parts.query
    return [[k, v] for k, v in parse_qsl(text, keep_blank_values=True)]


def read_scenario_link(meta: LinkMeta, url: str) -> Link:
    """``read_link`` of a whole link (Python's check of the links it prints)."""
    return read_link(meta, link_params(url))
