"""Server-side HTML for the uncertainty part of a calculator (issue 12).

- ``block``: the results block for the defaults (``view_uncertainty.uncertainty_block`` with
  ``uncertainty.analyse`` run in Python at build time), in ``[data-vl-uncertainty]``; the browser
  rebuilds it after each change (``calculators/runtime/usikkerhet.js``).
- ``form``: the ranges (collapsed, so the form stays simple) and the plus-minus marks, inside
  the calculator's form. Their names (``lav_<id>``, ``hoy_<id>``, ``pm_<id>``) are the URL
  parameters a scenario link carries.
"""

from __future__ import annotations

from html import escape

from calculators.core import uncertainty
from calculators.core.model import Model
from calculators.engine.evaluate import evaluate
from calculators.site.bundle import metadata
from calculators.view.view import NBSP, UNIT_LABELS, format_number
from calculators.view.view_uncertainty import MARK_TEXT, Analysis, uncertainty_block, unpriced_block

TEXT: dict[str, str] = {
    "ranges": "Usikkerhet: lav og høy verdi",
    "ranges_help": "Midtverdien og intervallet regnes ut fra disse spennene. Lav og høy er anslag, "
                   "ikke målinger. Endrer du et beløp eller en effekt i skjemaet, følger spennet med; "
                   "spennet for korreksjoner og tidspunkter står fast. Skriver du selv en lav eller høy "
                   "verdi, gjelder den, og den følger med i lenken.",
    "low": "Lav",
    "high": "Høy",
    "unpriced": "Virkninger uten kroneverdi",
    "unpriced_help": "Marker om velferdslab trolig gjør dette bedre (+), ikke endrer det (0) eller "
                     "gjør det verre (−). Markeringene vises ved resultatet og følger med i lenken.",
}

MARKS = ("", "pluss", "null", "minus")
"""The plus-minus choices, in the order the list shows them (their words: ``MARK_TEXT``)."""


def _analysis(model: Model) -> Analysis:
    """The analysis for the defaults (about half a second in Python; once per page per build)."""
    return uncertainty.analyse_defaults(model)


def block(model: Model, prefix: str) -> str:
    """The uncertainty results for the defaults, or nothing if the model has no ranges."""
    from calculators.site.nodes_html import html  # render imports this module

    if uncertainty.spec_for(model) is None:
        if not model.unpriced:
            return ""
        nodes = unpriced_block(metadata(model), {})  # the marks beside the money, no interval
    else:
        # Drawn for the details' width; the browser redraws it for the block's own.
        from calculators.site.nodes_html import DETAILS_WIDTH, FONT
        nodes = uncertainty_block(metadata(model), evaluate(model), _analysis(model), {},
                                  DETAILS_WIDTH, FONT)
    return (f'<div class="vl-calc__usikkerhet" data-vl-uncertainty aria-live="off">'
            f"{html(nodes)}</div>")


def _number_field(name: str, label: str, value: float, unit: str, prefix: str) -> str:
    base = f"{prefix}-{name}"
    text = format_number(value, unit, exact=True).removesuffix(NBSP + UNIT_LABELS[unit])
    return (f'<span class="vl-calc__field vl-calc__range-end"><label for="{base}">{escape(label)}</label>'
            f'<span class="vl-calc__control"><input id="{base}" name="{escape(name)}" type="text" '
            f'inputmode="decimal" autocomplete="off" value="{escape(text)}" aria-describedby="{base}-feil">'
            f'</span><span class="vl-calc__error" id="{base}-feil" hidden></span></span>')


def form(model: Model, prefix: str) -> str:
    """The ranges (in a closed ``<details>``) and the plus-minus marks."""
    parts = []
    if uncertainty.spec_for(model) is not None:
        inputs = {i.id: i for i in model.inputs}
        rows = []
        for r in model.ranges:
            field = inputs[r.id]
            unit = UNIT_LABELS[field.unit]
            rows.append(
                f'<fieldset class="vl-calc__range" data-vl-range="{escape(r.id)}">'
                f"<legend>{escape(field.label)}{' (' + escape(unit) + ')' if unit else ''}</legend>"
                + _number_field(f"lav_{r.id}", f"{TEXT['low']}", r.low, field.unit, prefix)
                + _number_field(f"hoy_{r.id}", f"{TEXT['high']}", r.high, field.unit, prefix)
                + "</fieldset>")
        parts.append(
            f'<details class="vl-calc__ranges"><summary>{TEXT["ranges"]}</summary>'
            f'<p class="vl-calc__help">{escape(TEXT["ranges_help"])}</p>'
            f'<div class="vl-calc__range-grid">{"".join(rows)}</div></details>')
    if model.unpriced:
        items = []
        for u in model.unpriced:
            base = f"{prefix}-pm_{u.id}"
            options = "".join(f'<option value="{mark}">{escape(MARK_TEXT[mark])}</option>'
                              for mark in MARKS)
            help_html = f'<span class="vl-calc__help">{escape(u.help)}</span>' if u.help else ""
            items.append(f'<div class="vl-calc__field"><label for="{base}">{escape(u.label)}</label>'
                         f'<select id="{base}" name="pm_{escape(u.id)}" data-vl-mark>{options}</select>'
                         f"{help_html}</div>")
        parts.append(f'<fieldset class="vl-calc__group vl-calc__pm"><legend>{TEXT["unpriced"]}</legend>'
                     f'<p class="vl-calc__help">{escape(TEXT["unpriced_help"])}</p>{"".join(items)}</fieldset>')
    return "".join(parts)
