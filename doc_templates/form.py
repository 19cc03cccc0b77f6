"""A poster template (the duk) as a form in the browser that prints to A3 landscape.

Nothing is stored or sent: the form uses ``method="dialog"``, which outside a dialog submits
nowhere, so pressing Enter cannot put what was typed into a URL; ``autocomplete="off"`` keeps the
browser from saving entries. The grid is the one the PDF uses (``poster_areas``), passed to CSS as
custom properties so phone widths can fall back to one column (see ``maler.css``).
"""

from __future__ import annotations

from html import escape

from doc_templates import strings
from doc_templates.model import Field, Section, Template

class FormError(ValueError):
    """The template cannot be shown as a form."""


def _slug(template: Template, index: int) -> str:
    return f"{template.id}-{index + 1}"


def _table(field: Field, slug: str, label_id: str) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in field.columns)
    rows = []
    for r in range(field.rows or len(field.items)):
        cells = "".join(
            f'<td><input type="text" id="{slug}-{r + 1}-{c + 1}" name="{slug}-{r + 1}-{c + 1}" '
            f'aria-label="{escape(column)}, {strings.FORM_ROW} {r + 1}"></td>'
            for c, column in enumerate(field.columns)
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<table class="vl-duk__table" aria-labelledby="{label_id}"><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def _cell(template: Template, index: int, section: Section) -> str:
    slug = _slug(template, index)
    hint_id = f"{slug}-hint"
    hint = f'<p class="vl-duk__hint" id="{hint_id}">{escape(section.hint)}</p>' if section.hint else ""
    described = f' aria-describedby="{hint_id}"' if section.hint else ""
    kinds = {field.type for field in section.fields}
    if kinds == {"write"}:
        title = f'<h2 class="vl-duk__title"><label for="{slug}">{escape(section.title)}</label></h2>'
        body = f'<textarea id="{slug}" name="{slug}"{described} autocomplete="off" spellcheck="true"></textarea>'
    elif kinds == {"table"}:
        title = f'<h2 class="vl-duk__title" id="{slug}-label">{escape(section.title)}</h2>'
        body = "".join(_table(field, slug, f"{slug}-label") for field in section.fields)
    else:
        raise FormError(
            f"{template.source}: sections[{index}] «{section.title}»: et skjema kan bare ha felt av typen "
            f"write eller table (fant {', '.join(sorted(kinds))})"
        )
    return f'<div class="vl-duk__cell" style="--vl-area: {section.area}">{title}{hint}{body}</div>'


def form_html(template: Template) -> str:
    if template.layout != "poster":
        raise FormError(f"{template.source}: bare en plakat (layout: poster) kan vises som skjema")
    areas = " ".join(f"'{row}'" for row in template.poster_areas)
    columns = len(template.poster_areas[0].split())
    cells = "".join(_cell(template, i, section) for i, section in enumerate(template.sections))
    version = escape(strings.version_line(template.version, template.date))
    return (
        f'<form class="vl-duk" method="dialog" autocomplete="off" aria-label="{escape(template.title)}">'
        f'<div class="vl-duk__head"><p class="vl-duk__name">{escape(template.title)}</p>'
        f'<p class="vl-duk__version">{version}</p>'
        f'<div class="vl-duk__actions">'
        f'<button type="button" class="md-button md-button--primary" data-vl-print hidden>{strings.FORM_PRINT}</button>'
        f'<button type="reset" class="md-button">{strings.FORM_RESET}</button></div></div>'
        f'<div class="vl-duk__grid" style="--vl-areas: {areas}; --vl-columns: {columns}; '
        f'--vl-rows: {len(template.poster_areas)}">{cells}</div></form>'
    )
