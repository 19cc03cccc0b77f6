"""DOCX for editing in Word, offered in addition to ODT, via python-docx.

Same flow as the ODT: headings (Word's built-in heading styles, so navigation and screen readers
work), text, tables, boxes to write in. Core properties carry the template's date rather than
«now», and the zip is re-written by ``package.normalise_zip``, so builds are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from doc_templates import strings
from doc_templates.model import FIELD_TYPES, PAPER_MM, Field, Template
from doc_templates.package import normalise_zip

FONT = "Arial"  # on every Windows and Mac; Liberation Sans stands in for it on Linux
LINE_MM = 7.5
BLUE = RGBColor(0x1D, 0x4F, 0x73)

Document = docx.document.Document


def _setup(document: Document, template: Template) -> None:
    width, height = PAPER_MM[template.edit_paper]
    section = document.sections[0]
    if template.orientation == "landscape":
        width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = section.bottom_margin = Mm(15)
    section.left_margin = section.right_margin = Mm(18)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    run_props = normal.element.get_or_add_rPr()
    language = run_props.find(qn("w:lang"))
    if language is None:
        language = run_props.makeelement(qn("w:lang"), {})
        run_props.append(language)
    language.set(qn("w:val"), "nb-NO")
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.name = FONT
        document.styles[name].font.color.rgb = BLUE


def _metadata(document: Document, template: Template) -> None:
    stamp = dt.datetime.combine(template.date, dt.time())
    props = document.core_properties
    props.title = template.title
    props.subject = template.summary
    props.author = props.last_modified_by = strings.PUBLISHER
    props.language = "nb-NO"
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.comments = strings.version_line(template.version, template.date)


def _hint(document: Document, content: str) -> None:
    document.add_paragraph().add_run(content).italic = True


def _grid(document: Document, rows: list[list[str]], *, header: list[str] | None = None,
          height_mm: float = 0) -> None:
    columns = len(header or rows[0])
    tbl = document.add_table(rows=0, cols=columns)
    tbl.style = document.styles["Table Grid"]
    for values, is_header in [(header, True)] * bool(header) + [(r, False) for r in rows]:
        row = tbl.add_row()
        if height_mm and not is_header:
            row.height, row.height_rule = Mm(height_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, value in zip(row.cells, values):
            cell.text = value
            if is_header:
                cell.paragraphs[0].runs[0].bold = True
    if header:  # repeat the header row on each page, and tell screen readers it is one
        tr_pr = tbl.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
    document.add_paragraph()


def _text(document: Document, field: Field) -> None:
    for paragraph in (p.strip() for p in field.text.split("\n\n")):
        if paragraph:
            document.add_paragraph(paragraph)


def _list(document: Document, field: Field) -> None:
    for item in field.items:
        document.add_paragraph(item, style="List Bullet")


def _write(document: Document, field: Field) -> None:
    _grid(document, [[""]], height_mm=field.lines * LINE_MM)


def _labels(document: Document, field: Field) -> None:
    _grid(document, [[f"{label}:", ""] for label in field.items], height_mm=9)


def _checklist(document: Document, field: Field) -> None:
    for item in field.items:
        document.add_paragraph(f"{strings.CHECKBOX} {item}")
    if field.other:
        document.add_paragraph(f"{strings.CHECKBOX} {strings.OTHER}: ______________________________")


def _table(document: Document, field: Field) -> None:
    blank = [""] * (len(field.columns) - 1)
    rows = [[item, *blank] for item in field.items] or [["", *blank] for _ in range(field.rows)]
    _grid(document, rows, header=list(field.columns), height_mm=9)


def _signatures(document: Document, field: Field) -> None:
    labels = (strings.PLACE_AND_DATE, strings.SIGNATURE, strings.NAME_IN_CAPITALS)
    for signer in field.items:
        document.add_paragraph().add_run(signer).bold = True
        _grid(document, [[f"{label}:", ""] for label in labels], height_mm=10)


_FIELD_WRITERS: dict[str, Callable[[Document, Field], None]] = {
    "text": _text, "list": _list, "write": _write, "labels": _labels,
    "checklist": _checklist, "table": _table, "signatures": _signatures,
}  # fmt: skip
assert set(_FIELD_WRITERS) == set(FIELD_TYPES), "render_docx: every field type needs a writer"


def render_docx(template: Template) -> bytes:
    document = docx.Document()
    _setup(document, template)
    _metadata(document, template)
    document.add_heading(template.title, level=1)
    _hint(document, strings.version_line(template.version, template.date))
    if template.intro:
        _hint(document, template.intro)
    for section in template.sections:
        heading = document.add_heading(section.title, level=2)
        heading.paragraph_format.page_break_before = section.page_break
        if section.hint:
            _hint(document, section.hint)
        for field in section.fields:
            _FIELD_WRITERS[field.type](document, field)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), template.date)
