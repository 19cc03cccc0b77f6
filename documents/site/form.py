"""A poster template (the duk) as a form in the browser that prints to A3 landscape.

Nothing is stored or sent by the site: the form uses ``method="dialog"``, which outside a dialog
submits nowhere, so pressing Enter cannot put what was typed into a URL; ``autocomplete="off"``
keeps the browser from saving entries. The team keeps its work by saving it to a file of its own
(``maler.js``), and can open that file again.

The markup carries no ``style`` attribute (the site is served with ``style-src 'self'``): the grid
the PDF uses (``poster_areas``) is passed as data attributes, and ``maler.js`` hands it to CSS as
custom properties through the CSSOM. Without JavaScript the boxes simply stack in one column.

Every box has a stable key (its ``area`` in the source), which the saved file and the ODT/DOCX
export use, so a saved duk opens again after the template gains a box or changes its wording.
Above the boxes: the meeting's date and a name or reference the family chooses, which go where the
rest goes (the print, the saved file, the export) and nowhere else.
"""

from __future__ import annotations

import json
from html import escape

from documents.templates import strings
from documents.templates.template import Field, Section, Template


class FormError(ValueError):
    """The template cannot be shown as a form."""


def _slug(template: Template, index: int) -> str:
    return f"{template.id}-{index + 1}"


def _row(field: Field, slug: str, r: int) -> str:
    cells = "".join(
        f'<td data-vl-column="{escape(column)}"><textarea rows="1" id="{slug}-{r}-{c + 1}" name="{slug}-{r}-{c + 1}" '
        f'aria-label="{escape(column)}, {strings.FORM_ROW} {r}" autocomplete="off" spellcheck="true"></textarea></td>'
        for c, column in enumerate(field.columns)
    )
    remove = (
        f'<td class="vl-duk__row-tools"><button type="button" class="vl-duk__remove" data-vl-remove-row hidden '
        f'aria-label="{strings.FORM_REMOVE_ROW} {r}">{strings.FORM_REMOVE}</button></td>'
    )
    return f"<tr>{cells}{remove}</tr>"


def _table(field: Field, slug: str, label_id: str) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in field.columns)
    head += f'<th scope="col" class="vl-duk__row-tools"><span class="vl-duk__sr">{strings.FORM_ROW_TOOLS}</span></th>'
    rows = "".join(_row(field, slug, r + 1) for r in range(field.rows or len(field.items)))
    return (
        f'<table class="vl-duk__table" aria-labelledby="{label_id}" data-vl-table="{slug}">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        f'<button type="button" class="md-button vl-duk__add" data-vl-add-row hidden>{strings.FORM_ADD_ROW}</button>'
    )


def _cell(template: Template, index: int, section: Section) -> str:
    slug = _slug(template, index)
    hint_id = f"{slug}-hint"
    hint = f'<p class="vl-duk__hint" id="{hint_id}">{escape(section.hint)}</p>' if section.hint else ""
    described = f' aria-describedby="{hint_id}"' if section.hint else ""
    kinds = {field.type for field in section.fields}
    if kinds == {"write"}:
        title = f'<h2 class="vl-duk__title"><label for="{slug}">{escape(section.title)}</label></h2>'
        lines = sum(field.lines for field in section.fields)
        body = (
            f'<textarea id="{slug}" name="{slug}" rows="{min(lines, 8)}"{described} '
            f'autocomplete="off" spellcheck="true"></textarea>'
        )
        kind = "text"
    elif kinds == {"table"} and len(section.fields) == 1:
        title = f'<h2 class="vl-duk__title" id="{slug}-label">{escape(section.title)}</h2>'
        body = _table(section.fields[0], slug, f"{slug}-label")
        kind = "table"
    else:
        raise FormError(
            f"{template.source}: sections[{index}] «{section.title}»: et skjema kan bare ha felt av typen "
            f"write eller én table (fant {', '.join(sorted(kinds))})"
        )
    return (
        f'<div class="vl-duk__cell" data-vl-area="{escape(section.area)}" data-vl-kind="{kind}" '
        f'data-vl-title="{escape(section.title)}">{title}{hint}{body}</div>'
    )


def _actions() -> str:
    """The buttons; all but «Tøm duken» need JavaScript, so they start hidden and maler.js shows them."""
    js = 'type="button" class="md-button" hidden'
    return (
        f'<div class="vl-duk__actions">'
        f'<button type="button" class="md-button md-button--primary" data-vl-print hidden>{strings.FORM_PRINT}</button>'
        f"<button {js} data-vl-save>{strings.FORM_SAVE}</button>"
        f"<button {js} data-vl-open>{strings.FORM_OPEN}</button>"
        f'<input type="file" accept=".json,application/json" data-vl-open-file hidden '
        f'aria-label="{strings.FORM_OPEN}" tabindex="-1">'
        f"<button {js} data-vl-export=\"odt\">{strings.FORM_EXPORT.format(format='ODT')}</button>"
        f"<button {js} data-vl-export=\"docx\">{strings.FORM_EXPORT.format(format='DOCX')}</button>"
        f'<button type="reset" class="md-button">{strings.FORM_RESET}</button></div>'
    )


def _meeting(template: Template) -> str:
    """Whose duk and which meeting: on the page, the print and the saved file only, like the rest."""
    date_id, reference_id = f"{template.id}-mote-dato", f"{template.id}-referanse"
    return (
        f'<div class="vl-duk__meeting">'
        f'<p><label for="{date_id}">{strings.FORM_MEETING_DATE}</label>'
        f'<input type="date" id="{date_id}" name="mote-dato" data-vl-meeting="date" autocomplete="off"></p>'
        f'<p><label for="{reference_id}">{strings.FORM_REFERENCE}</label>'
        f'<input type="text" id="{reference_id}" name="referanse" data-vl-meeting="reference" autocomplete="off" '
        f'spellcheck="false" maxlength="80" aria-describedby="{reference_id}-hint">'
        f'<span class="vl-duk__hint" id="{reference_id}-hint">{escape(strings.FORM_REFERENCE_HINT)}</span></p></div>'
    )


def form_html(template: Template, *, export_script: str = "") -> str:
    """The form. ``export_script``: path (from the site's root) of the script with the ODT/DOCX skeletons."""
    if template.layout != "poster":
        raise FormError(f"{template.source}: bare en plakat (layout: poster) kan vises som skjema")
    columns = len(template.poster_areas[0].split())
    cells = "".join(_cell(template, i, section) for i, section in enumerate(template.sections))
    version = escape(strings.version_line(template.version, template.date))
    areas = escape(json.dumps(list(template.poster_areas), ensure_ascii=False))
    export = f' data-vl-export-script="{escape(export_script)}"' if export_script else ""
    messages = escape(json.dumps(strings.FORM_MESSAGES, ensure_ascii=False))
    return (
        f'<form class="vl-duk" method="dialog" autocomplete="off" aria-label="{escape(template.title)}" '
        f'data-vl-duk="{template.id}" data-vl-version="{escape(template.version)}"{export} '
        f'data-vl-title="{escape(template.title)}" data-vl-version-line="{version}" data-vl-messages="{messages}">'
        f'<div class="vl-duk__head"><p class="vl-duk__name">{escape(template.title)}</p>'
        f'<p class="vl-duk__version">{version}</p>{_actions()}</div>{_meeting(template)}'
        f'<p class="vl-duk__status" role="status" data-vl-status></p>'
        f'<p class="vl-duk__pages" role="status" data-vl-pages></p>'
        f'<div class="vl-duk__grid" data-vl-areas="{areas}" data-vl-columns="{columns}" '
        f'data-vl-rows="{len(template.poster_areas)}">{cells}</div></form>'
    )
