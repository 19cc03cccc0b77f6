"""A template's content as HTML: the one markup both the site page and the PDF are made from.

``section_html`` is used as-is by the PDF (``render_pdf``) and, field by field, by the site page
(``pages``), so the printed file and the web page cannot drift apart. One builder per field type;
``_FIELD_BUILDERS`` is checked against ``model.FIELD_TYPES`` when the module loads.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from documents.templates import strings
from documents.templates.template import FIELD_TYPES, Field, Section, Template


def _text(field: Field) -> str:
    paragraphs = [p.strip() for p in field.text.split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _list(field: Field) -> str:
    items = "".join(f"<li>{escape(item)}</li>" for item in field.items)
    return f"<ul>{items}</ul>"


def _write(field: Field) -> str:
    # An empty box with room for `lines` lines of handwriting; nothing to read, so hidden from AT.
    # Its height is a class (maler.css, print.css), not a style attribute: the site allows no inline styles.
    return f'<div class="vl-tpl-write vl-tpl-write--{field.lines}" aria-hidden="true"></div>'


def _labels(field: Field) -> str:
    rows = "".join(
        f'<p class="vl-tpl-label"><span>{escape(label)}:</span><span class="vl-tpl-line"></span></p>'
        for label in field.items
    )
    return f'<div class="vl-tpl-labels">{rows}</div>'


def _checkbox(label: str) -> str:
    return f'<li><span class="vl-tpl-box" aria-hidden="true">{strings.CHECKBOX}</span> {label}</li>'


def _checklist(field: Field) -> str:
    items = [_checkbox(escape(item)) for item in field.items]
    if field.other:
        items.append(_checkbox(f'{strings.OTHER}: <span class="vl-tpl-line"></span>'))
    return f'<ul class="vl-tpl-checklist">{"".join(items)}</ul>'


def _table(field: Field) -> str:
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in field.columns)
    blank = "<td></td>" * (len(field.columns) - 1)
    if field.items:
        rows = [f'<tr><th scope="row">{escape(item)}</th>{blank}</tr>' for item in field.items]
    else:
        rows = [f"<tr><td></td>{blank}</tr>"] * field.rows
    return (
        f'<table class="vl-tpl-table"><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def _signatures(field: Field) -> str:
    blocks = []
    for signer in field.items:
        lines = "".join(
            f'<p class="vl-tpl-label"><span>{escape(label)}:</span><span class="vl-tpl-line"></span></p>'
            for label in (strings.PLACE_AND_DATE, strings.SIGNATURE, strings.NAME_IN_CAPITALS)
        )
        blocks.append(f'<div class="vl-tpl-signature"><p><strong>{escape(signer)}</strong></p>{lines}</div>')
    return f'<div class="vl-tpl-signatures">{"".join(blocks)}</div>'


_FIELD_BUILDERS: dict[str, Callable[[Field], str]] = {
    "text": _text,
    "list": _list,
    "write": _write,
    "labels": _labels,
    "checklist": _checklist,
    "table": _table,
    "signatures": _signatures,
}
assert set(_FIELD_BUILDERS) == set(FIELD_TYPES), "render_html: every field type needs a builder"


def fields_html(section: Section) -> str:
    """The section's hint and fields, without its heading."""
    hint = f'<p class="vl-tpl-hint">{escape(section.hint)}</p>' if section.hint else ""
    return hint + "".join(_FIELD_BUILDERS[field.type](field) for field in section.fields)


def section_html(section: Section, *, level: int = 2) -> str:
    classes = "vl-tpl-section" + (" vl-tpl-section--break" if section.page_break else "")
    if section.area:  # placed in the poster grid by a class render_pdf writes a rule for
        classes += f" vl-tpl-area--{section.area}"
    return (
        f'<section class="{classes}"><h{level}>{escape(section.title)}</h{level}>'
        f"{fields_html(section)}</section>"
    )


def header_html(template: Template) -> str:
    """Title, version line and intro: the top of every printed and edited copy."""
    intro = f'<p class="vl-tpl-intro">{escape(template.intro)}</p>' if template.intro else ""
    return (
        f'<header class="vl-tpl-header"><h1>{escape(template.title)}</h1>'
        f'<p class="vl-tpl-version">{escape(strings.version_line(template.version, template.date))}</p>'
        f"{intro}</header>"
    )


def body_html(template: Template) -> str:
    sections = "".join(section_html(section) for section in template.sections)
    wrapper = "vl-tpl-poster" if template.layout == "poster" else "vl-tpl-document"
    return f'{header_html(template)}<main class="{wrapper}">{sections}</main>'
