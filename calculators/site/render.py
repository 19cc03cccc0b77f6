"""Server-side HTML of a calculator: the form with its defaults and the results Python computed.

The page reads right with JavaScript off and in print. The results come from
``calculators/view/view.py`` — the same view functions the browser runs translated — written out by
``html`` here (``kalkulator.js`` builds the same nodes as DOM). Every text is escaped.
"""

from __future__ import annotations

from html import escape

from calculators.core.model import Input, Model, Output, Source
from calculators.core.prices import price_note
from calculators.engine.evaluate import evaluate
from calculators.site import render_uncertainty
from calculators.site.bundle import HOLDER_KINDS, input_label, metadata, output_meta
from calculators.site.nodes_html import DETAILS_WIDTH, FONT, SUMMARY_WIDTH, html
from calculators.view import view
from calculators.view.view import NBSP, UNIT_LABELS, format_number

TEXT: dict[str, str] = {
    "results": "Resultat",
    "assumptions": "Standardverdier og kilder",
    "price_year": "Alle kronebeløp er i {year}-kroner (faste priser).",
    "illustration": "Illustrasjon – bytt ut med egne tall",
    "source": "Kilde",
    "noscript": "Uten JavaScript kan feltene ikke endres, og resultatet gjelder standardverdiene. "
                "Har du åpnet en lenke med egne tall (et scenario), trenger den JavaScript for å "
                "vise dem.",
    "details": "Alle tall og diagrammer",
    "present": "Vis på storskjerm",
    "defaults": "Standardverdier",
    "all_inputs": "Vis alle forutsetninger",
    "less": "Mindre: {label}",
    "more": "Mer: {label}",
    "stale": "Resultatet er ikke oppdatert. Rett feltet som er merket.",
    "copy": "Kopier lenke",
    "reset": "Tilbakestill",
    "preset": "Forhåndsinnstilling",
    "own_values": "Egne tall",
}

# Exports (issue 13): per group its name and (format, button text, file type); the first is the main one.
EXPORTS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("Beslutningsnotat", (("odt", "Last ned beslutningsnotat", "ODT"), ("docx", "Som Word", "DOCX"),
                          ("utskrift", "Skriv ut", "PDF"))),
    ("Regneark", (("xlsx", "Last ned regneark", "XLSX"), ("csv", "Årlige tall", "CSV"))))


def format_output(value: float, output: Output) -> str:
    return view.format_output(value, output_meta(output))


def render(model: Model) -> str:
    """The calculator for ``model`` (form, default results, assumptions) as HTML."""
    prefix = f"vl-{model.id}"
    meta = metadata(model)
    results = evaluate(model)
    sentence = model.sentence(results) if model.sentence else ""
    font = FONT
    interval = meta["interval"]
    main = interval["output"]
    first = next((o for o in model.outputs if o.id == main or (not main and o.headline)), None)
    # At phone width the first headline figure, and for a model with ranges its interval (issue 12).
    span = (f' <span class="vl-calc__peek-range" data-vl-peek-range>'
            f'{escape(view.interval_text(meta, interval["initial"], main))}</span>' if main else "")
    figure = (view.central_value(meta, interval["initial"], main) if main and first and first.id == main
              else format_output(view.number(results, first.id), first) if first else "")
    # data-search-exclude: the figure changes with every input (an <a> holds no <a>, so Material's
    # parser ends the excluded part where the link ends).
    peek = (f'<a class="vl-calc__peek" href="#{prefix}-resultat" data-vl-jump data-search-exclude><span>{escape(first.label)}</span> '
            f'<strong data-vl-peek>{escape(figure)}</strong>{span}</a>'
            if first else "")
    return "".join((
        f'<div class="vl-calc" data-vl-calc="{escape(model.id)}" id="{prefix}">',
        f'<noscript><p class="vl-calc__noscript">{escape(TEXT["noscript"])}</p></noscript>',
        _actions(model, prefix),
        '<div class="vl-calc__layout"><div class="vl-calc__inputs">',
        _form(model, prefix),
        _assumptions(model),
        "</div>",
        # Focusable: in presentation mode the panel scrolls on its own (kalkulator.css), so the
        # main figure and its interval stay in view while the key inputs scroll.
        f'<section class="vl-calc__summary" aria-labelledby="{prefix}-resultat" tabindex="0">',
        f'<h2 id="{prefix}-resultat">{TEXT["results"]}</h2>',
        f'<p class="vl-calc__stale" hidden>{escape(TEXT["stale"])}</p>',
        # The figures change with every input: kept out of the search index. <section>s, because
        # Material's search parser ends an excluded block at the first closing tag of the same
        # name (it compares elements by tag), and the results hold many <div>s but no <section>.
        f'<section class="vl-calc__out" data-vl-out="summary" data-search-exclude>'
        f"{html(view.summary(meta, results, sentence, SUMMARY_WIDTH, font, interval['initial']))}</section>",
        "</section></div>",
        # The whole uncertainty block (per result, payback, plus-minus, tornado) under the layout,
        # across the page; the main interval is in the first headline card (issue 12).
        _no_search(render_uncertainty.block(model, prefix)),
        peek,
        f'<section class="vl-calc__details" aria-labelledby="{prefix}-detaljer">',
        f'<h2 id="{prefix}-detaljer">{TEXT["details"]}</h2>',
        f'<section class="vl-calc__out" data-vl-out="details" data-search-exclude>'
        # «Flere diagrammer» as tables only: the runtime draws its charts when it opens.
        f"{html(view.details(meta, results, DETAILS_WIDTH, font, charts=False))}</section>",
        "</section>",
        '<p class="vl-calc__live vl-visually-hidden" aria-live="polite"></p>',
        "</div>",
    ))


def _no_search(block: str) -> str:
    return f"<section data-search-exclude>{block}</section>" if block else ""


def _actions(model: Model, prefix: str) -> str:
    """The action bar (shown by the runtime: without JavaScript the buttons would do nothing)."""
    return (
        '<div class="vl-calc__actions" hidden>'
        f'<button type="button" class="md-button md-button--primary" data-vl-action="present" '
        f'aria-pressed="false">{TEXT["present"]}</button>'
        f'<button type="button" class="md-button" data-vl-action="copy">{TEXT["copy"]}</button>'
        f'<button type="button" class="md-button" data-vl-action="reset">{TEXT["reset"]}</button>'
        # Export buttons (issue 13) go here; they get the scenario from vlKalkulator.scenario.
        f'<span class="vl-calc__exports" data-vl-exports>{_export_buttons()}</span>'
        f'<span class="vl-calc__copied" role="status"></span>'
        "</div>")


def _preset_on_screen(model: Model) -> str:
    """The preset whose values are the defaults (the form shows them on load), if any."""
    defaults = {i.id: i.default for i in model.inputs}
    for preset in model.presets:
        if all(defaults[k] == v for k, v in preset.values.items()):
            return preset.id
    return ""


def _form(model: Model, prefix: str) -> str:
    groups: dict[str, list[Input]] = {}
    for field in model.inputs:
        groups.setdefault(field.group or model.title, []).append(field)
    parts = [f'<form class="vl-calc__form" novalidate aria-label="{escape(model.title)}">',
             '<div class="vl-calc__notice" hidden></div>']
    if model.presets:
        chosen = _preset_on_screen(model)
        options = "" if chosen else f'<option value="" selected>{TEXT["defaults"]}</option>'
        options += "".join(
            f'<option value="{escape(p.id)}"{" selected" if p.id == chosen else ""}>{escape(p.label)}</option>'
            for p in model.presets)
        parts.append(
            f'<p class="vl-calc__preset"><label for="{prefix}-preset">{TEXT["preset"]}</label> '
            f'<select id="{prefix}-preset" data-vl-preset disabled>{options}</select></p>')
    for legend, fields in groups.items():
        key = " vl-calc__group--key" if any(f.id in model.key_inputs for f in fields) else ""
        parts.append(f'<fieldset class="vl-calc__group{key}"><legend>{escape(legend)}</legend>')
        parts += [_field(field, prefix, field.id in model.key_inputs, input_label(model, field)) for field in fields]
        parts.append("</fieldset>")
    parts.append(render_uncertainty.form(model, prefix))  # ranges and plus-minus (issue 12)
    if model.key_inputs:
        parts.append(f'<p class="vl-calc__all"><button type="button" class="md-button" '
                     f'data-vl-action="all" aria-expanded="false">{TEXT["all_inputs"]}</button></p>')
    parts.append("</form>")
    return "".join(parts)


def _export_buttons() -> str:
    """Buttons for the exports (issue 13), a group per kind; the runtime loads the export code on
    the first click."""
    groups = []
    for name, buttons in EXPORTS:
        html = " ".join(
            f'<button type="button" class="md-button{" md-button--primary" if i == 0 else ""}" '
            f'data-vl-action="eksport" data-vl-format="{fmt}">{escape(label)} '
            f'<span class="vl-calc__format">({escape(kind)})</span></button>'
            for i, (fmt, label, kind) in enumerate(buttons))
        groups.append(f'<span class="vl-calc__export" role="group" aria-label="{escape(name)}">{html}</span>')
    return "".join(groups)


def _field(field: Input, prefix: str, key: bool = False, label: str = "") -> str:
    label = label or field.label
    base = f"{prefix}-{field.id}"
    unit = UNIT_LABELS[field.unit] or ("stk." if field.unit == "antall" else "")
    help_html = f'<span class="vl-calc__help">{escape(field.help)}</span> ' if field.help else ""
    value = format_number(field.default, field.unit, exact=True).removesuffix(NBSP + UNIT_LABELS[field.unit])
    steps = (f'<button type="button" class="vl-calc__step" data-vl-step="-1" tabindex="-1" '
             f'aria-label="{escape(TEXT["less"].format(label=label))}">−</button>'
             f'<button type="button" class="vl-calc__step" data-vl-step="1" tabindex="-1" '
             f'aria-label="{escape(TEXT["more"].format(label=label))}">+</button>') if key else ""
    return (
        f'<div class="vl-calc__field{" vl-calc__field--key" if key else ""}">'
        f'<label for="{base}">{escape(label)}</label>'
        f'<span class="vl-calc__control"><input id="{base}" name="{escape(field.id)}" type="text" '
        f'inputmode="decimal" autocomplete="off" value="{escape(value)}" readonly '
        f'aria-describedby="{base}-info {base}-feil">'
        f'<span class="vl-calc__unit" aria-hidden="true">{escape(unit)}</span>{steps}</span>'
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
    """The results the runtime rebuilds on each change: the summary and the details."""
    meta = metadata(model)
    sentence = model.sentence(results) if model.sentence else ""
    # The interval is the defaults' only when ``results`` are; otherwise it is still to be computed.
    initial: view.Interval = meta["interval"]["initial"]
    interval: view.Interval = initial if results == evaluate(model) else {**initial, "samples": 0, "shares": {}, "no_effect": {}}
    return (html(view.summary(meta, results, sentence, SUMMARY_WIDTH, FONT, interval))
            + html(view.details(meta, results, DETAILS_WIDTH, FONT)))


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
        items.append(f"<li><strong>{escape(input_label(model, field))}:</strong> "
                     f"{format_number(field.default, field.unit, exact=True)}. {origin}{note}</li>")
    price = f"<p>{escape(price_note(model.price_year))}</p>" if model.price_year else ""
    return (f'<div class="vl-calc__assumptions"><h2>{TEXT["assumptions"]}</h2>{price}'
            f"<ul>{''.join(items)}</ul></div>")


__all__ = ["HOLDER_KINDS", "format_number", "format_output", "html", "render", "results_html"]
