"""The input checks, written once: how a number typed in Norwegian is read, and what a field
says when it is wrong. Python reads scenario links and checks scenarios with these functions;
the build translates them into the calculators' runtime file (``bundle.view_javascript``), so
the browser's field messages are these texts, from this code.

Norwegian input (``read_number``): «1 000», «1000,5», «1.000,5», «kr 1 000», «50 %», «−3». Spaces
may be ordinary, no-break (U+00A0) or narrow no-break (U+202F): every character JavaScript's
``\\s`` matches is left out. A decimal comma; a dot groups thousands only in «1.000» or
«1.000,5»; «2.5» is two and a half. A link writes numbers with a decimal point and no spaces
(``read_plain``).

The subset has no regular expressions and no text-to-number conversion, so the digits are read
one by one: the digits as one whole number (exact below 2⁵³ in both languages), then divided by a
power of ten (exact to 10²²) — one correctly rounded division, the value ``Number("2.675")`` and
``float("2.675")`` give.
"""

from __future__ import annotations

from typing import TypedDict

from calculators.view.view import format_number

TEXT = {
    "empty": "Feltet er tomt. Skriv et tall, for eksempel 1 000 eller 2,5.",
    "not_number": "Skriv bare et tall, for eksempel 1 000 eller 2,5.",
    "too_small": "Tallet må være minst {min}.",
    "too_large": "Tallet kan ikke være større enn {max}.",
    "not_integer": "Skriv et helt tall, uten desimaler.",
    "outside": "Tallet må ligge mellom {min} og {max}.",
    "low_above_value": "Lav verdi kan ikke være høyere enn tallet i skjemaet ({value}).",
    "high_below_value": "Høy verdi kan ikke være lavere enn tallet i skjemaet ({value}).",
    "read_as": "Tolket som {value}.",
}
"""What a field says beside it (the field's label stands above it)."""

SPACES = ("\t\n\u000b\u000c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
          "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
"""Every character JavaScript's ``\\s`` matches (ECMAScript: WhiteSpace and LineTerminator)."""
DIGITS = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}


class Field(TypedDict):
    """What the check needs of an input (``bundle.metadata``'s ``inputs``)."""
    id: str
    label: str
    unit: str
    min: float
    max: float
    integer: bool


class Reading(TypedDict):
    """A number read from text: ``error`` is "" when ``value`` is the number."""
    value: float
    error: str


def _all_digits(text: str) -> bool:
    if len(text) == 0:
        return False
    return len([i for i in range(len(text)) if text[i] not in DIGITS]) == 0


def read_plain(text: str) -> Reading:
    """``-?\\d+(\\.\\d+)?`` as a number (a link's numbers, and the form's after ``read_number``)."""
    sign = 1.0
    if text.startswith("-"):
        sign = -1.0
        text = text[1:]
    parts = text.split(".")
    if len(parts) > 2 or not _all_digits(parts[0]) or (len(parts) == 2 and not _all_digits(parts[1])):
        return {"value": 0.0, "error": TEXT["not_number"]}
    digits = parts[0] + (parts[1] if len(parts) == 2 else "")
    whole = 0.0
    for i in range(len(digits)):
        whole = whole * 10.0 + DIGITS[digits[i]]
    scale = 1.0
    for _i in range(len(digits) - len(parts[0])):
        scale = scale * 10.0
    return {"value": sign * (whole / scale), "error": ""}


def _strip_unit(text: str) -> str:
    """Without «kr» or «kr.» before, or «kr», «kr.», «%» or «%.» after (any case)."""
    lower = text.lower()
    if lower.startswith("kr."):
        text = text[3:]
    elif lower.startswith("kr"):
        text = text[2:]
    lower = text.lower()
    for unit in ["kr.", "kr", "%.", "%"]:
        if lower.endswith(unit):
            return text[:len(text) - len(unit)]
    return text


def _grouped(text: str) -> bool:
    """«1.000» or «-12.345.678»: dots that group thousands (``-?\\d{1,3}(\\.\\d{3})+``)."""
    parts = (text[1:] if text.startswith("-") else text).split(".")
    if len(parts) < 2 or not _all_digits(parts[0]) or len(parts[0]) > 3:
        return False
    return len([p for p in parts[1:] if len(p) != 3 or not _all_digits(p)]) == 0


def read_number(raw: str) -> Reading:
    """A number as a reader types it in Norwegian, or the message why it is not one."""
    compact = "".join([raw[i] for i in range(len(raw)) if raw[i] not in SPACES])
    if len(compact) == 0:
        return {"value": 0.0, "error": TEXT["empty"]}
    text = _strip_unit(compact.replace("\u2212", "-"))
    if len(text) == 0:
        return {"value": 0.0, "error": TEXT["not_number"]}
    if "," in text:
        if len(text.split(",")) > 2:
            return {"value": 0.0, "error": TEXT["not_number"]}
        text = text.replace(".", "").replace(",", ".")
    elif _grouped(text):
        text = text.replace(".", "")
    return read_plain(text)


def check_value(value: float, field: Field) -> str:
    """"" if ``value`` may stand in ``field``, else what the field says: below its minimum,
    above its maximum, or decimals in a whole-number field."""
    if value - value != 0:  # ±∞ or NaN
        return TEXT["not_number"]
    if value < field["min"]:
        return TEXT["too_small"].replace("{min}", format_number(field["min"], field["unit"]))
    if value > field["max"]:
        return TEXT["too_large"].replace("{max}", format_number(field["max"], field["unit"]))
    if field["integer"] and value != int(value):
        return TEXT["not_integer"]
    return ""


def read_field(raw: str, field: Field) -> Reading:
    """What the form does with a field's text: read it, then check it."""
    reading = read_number(raw)
    if reading["error"] != "":
        return reading
    return {"value": reading["value"], "error": check_value(reading["value"], field)}


def read_note(raw: str, field: Field) -> str:
    """What a field says under a number it took but that could be read another way: a full stop
    groups thousands in Norwegian («1.234» is 1 234) and is a decimal point in English («1.5» is
    1,5), so the reader sees which it became — «Tolket som 1,5.» ("" when there is nothing to say)."""
    compact = "".join([raw[i] for i in range(len(raw)) if raw[i] not in SPACES])
    if "." not in _strip_unit(compact):
        return ""
    reading = read_field(raw, field)
    if reading["error"] != "":
        return ""
    return TEXT["read_as"].replace("{value}", format_number(reading["value"], field["unit"], True, False))


def check_range_end(value: float, field: Field, typed: float, low: bool) -> str:
    """"" if ``value`` may be the low (``low``) or high end of ``field``'s range while the form
    holds ``typed``: within the field's bounds, low ≤ typed ≤ high."""
    if value < field["min"] or value > field["max"]:
        return TEXT["outside"].replace("{min}", format_number(field["min"], field["unit"])).replace(
            "{max}", format_number(field["max"], field["unit"]))
    if low and value > typed:
        return TEXT["low_above_value"].replace("{value}", format_number(typed, field["unit"]))
    if not low and value < typed:
        return TEXT["high_below_value"].replace("{value}", format_number(typed, field["unit"]))
    return ""


FUNCTIONS = (read_number, read_plain, check_value, read_field, read_note, check_range_end)
"""Translated into the runtime (``globalThis.vlFelt``)."""
