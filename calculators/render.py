"""Server-side HTML of a calculator: the form with its defaults and the results Python computed.

The page reads right with JavaScript off and in print. The results come from
``calculators/view.py`` — the same view functions the browser runs translated — written out by
``html`` here (``kalkulator.js`` builds the same nodes as DOM). Every text is escaped.
"""

from __future__ import annotations

from html import escape

from calculators import render_uncertainty, view
from calculators.bundle import HOLDER_KINDS, metadata
from calculators.evaluate import evaluate
from calculators.model import Input, Model, Output, Source
from calculators.prices import price_note
from calculators.view import NBSP, UNIT_LABELS, format_number

VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "wbr", "source"})
TEXT = {
    "results": "Resultat",
    "assumptions": "Forutsetninger og kilder",
    "price_year": "Alle kronebeløp er i {year}-kroner (faste priser).",
    "illustration": "Illustrasjon – bytt ut med egne tall",
    "source": "Kilde",
    "noscript": "Slå på JavaScript for å regne med egne tall. Resultatet under gjelder "
                "standardverdiene.",
    "stale": "Resultatet er ikke oppdatert. Rett feltet som er merket.",
    "copy": "Kopier lenke",
    "reset": "Tilbakestill",
    # Exports (issue 13): per group its name and (format, button text, file type); the first is the main one.
    "exports": (("Beslutningsnotat", (("odt", "Last ned beslutningsnotat", "ODT"), ("docx", "Som Word", "DOCX"),
                                      ("utskrift", "Skriv ut", "PDF"))),
                ("Regneark", (("xlsx", "Last ned regneark", "XLSX"), ("csv", "Årlige tall", "CSV")))),
    "preset": "Forhåndsinnstilling",
    "own_values": "Egne tall",
}


def html(nodes: list[view.Node]) -> str:
    """View nodes as HTML: tag, escaped attributes, escaped text, children (SVG self-closes)."""
    parts = []
    for node in nodes:
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in node["a"].items())
        inner = escape(node["x"], quote=False) + html(node["c"])
        if node["t"] in VOID:
            parts.append(f"<{node['t']}{attrs}>")
        else:
            parts.append(f"<{node['t']}{attrs}>{inner}</{node['t']}>")
    return "".join(parts)


def output_meta(output: Output) -> view.OutputMeta:
    return {"id": output.id, "label": output.label, "unit": output.unit, "kind": output.kind,
            "headline": output.headline}


def format_output(value: float, output: Output) -> str:
    return view.format_output(value, output_meta(output))


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
        # The figures change with every input: kept out of the search index. <section>s, because
        # Material's search parser ends an excluded block at the first closing tag of the same
        # name (it compares elements by tag), and the results hold many <div>s but no <section>.
        _no_search(render_uncertainty.block(model, prefix)),  # likely value, interval, no effect (issue 12)
        f'<section class="vl-calc__out" data-vl-out data-search-exclude>{results_html(model, results, prefix)}</section>',
        _assumptions(model),
        "</section>",
        '<p class="vl-calc__live vl-visually-hidden" aria-live="polite"></p>',
        "</div>",
    ))


def _no_search(block: str) -> str:
    return f"<section data-search-exclude>{block}</section>" if block else ""


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
    parts.append(render_uncertainty.form(model, prefix))  # ranges and plus-minus (issue 12)
    parts.append(
        '<p class="vl-calc__actions" hidden>'
        f'<button type="button" class="md-button" data-vl-action="copy">{TEXT["copy"]}</button> '
        f'<button type="button" class="md-button" data-vl-action="reset">{TEXT["reset"]}</button>'
        # Export buttons (issue 13); they get the scenario from vlKalkulator.scenario.
        f' <span class="vl-calc__exports" data-vl-exports>{_export_buttons()}</span>'
        "</p></form>")
    return "".join(parts)


def _export_buttons() -> str:
    """Buttons for the exports (issue 13), a group per kind; the runtime loads the export code on
    the first click."""
    groups = []
    for name, buttons in TEXT["exports"]:
        html = " ".join(
            f'<button type="button" class="md-button{" md-button--primary" if i == 0 else ""}" '
            f'data-vl-action="eksport" data-vl-format="{fmt}">{escape(label)} '
            f'<span class="vl-calc__format">({escape(kind)})</span></button>'
            for i, (fmt, label, kind) in enumerate(buttons))
        groups.append(f'<span class="vl-calc__export" role="group" aria-label="{escape(name)}">{html}</span>')
    return "".join(groups)


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


def results_html(model: Model, results: dict, prefix: str = "") -> str:
    """The part of the results the runtime rebuilds on each change."""
    return html(view.results(metadata(model), results))


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


__all__ = ["HOLDER_KINDS", "format_number", "format_output", "html", "render", "results_html"]
