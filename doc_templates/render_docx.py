"""DOCX for editing in Word, offered in addition to ODT, via python-docx.

Same flow as the ODT: headings (Word's built-in heading styles, so navigation and screen readers
work), text, tables, boxes to write in. Core properties carry the template's date rather than
«now», and the zip is re-written by ``package.normalise_zip``, so builds are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from doc_templates import strings
from doc_templates.flow import write_template
from doc_templates.model import PAPER_MM, Template
from doc_templates.package import normalise_zip

FONT = "Arial"  # on every Windows and Mac; Liberation Sans stands in for it on Linux
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


class _Writer:
    """A ``flow.FlowWriter`` that builds a python-docx document."""

    def __init__(self, document: Document) -> None:
        self.document = document

    def heading(self, content: str, level: int, *, page_break: bool = False) -> None:
        self.document.add_heading(content, level=level).paragraph_format.page_break_before = page_break

    def paragraph(self, content: str) -> None:
        self.document.add_paragraph(content)

    def hint(self, content: str) -> None:
        self.document.add_paragraph().add_run(content).italic = True

    def bullet(self, content: str) -> None:
        self.document.add_paragraph(content, style="List Bullet")

    def strong(self, content: str) -> None:
        self.document.add_paragraph().add_run(content).bold = True

    def grid(self, rows: list[list[str]], *, header: list[str] | None = None, row_mm: float = 0) -> None:
        tbl = self.document.add_table(rows=0, cols=len(header or rows[0]))
        tbl.style = self.document.styles["Table Grid"]
        for values, is_header in [(header, True)] * bool(header) + [(r, False) for r in rows]:
            row = tbl.add_row()
            if row_mm and not is_header:
                row.height, row.height_rule = Mm(row_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
            for cell, value in zip(row.cells, values):
                cell.text = value
                if is_header:
                    cell.paragraphs[0].runs[0].bold = True
        if header:  # repeat the header row on each page, and tell screen readers it is one
            tr_pr = tbl.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
        self.document.add_paragraph()


def render_docx(template: Template) -> bytes:
    document = docx.Document()
    _setup(document, template)
    _metadata(document, template)
    write_template(_Writer(document), template)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), template.date)
