"""DOCX for editing in Word, offered in addition to ODT, via python-docx.

Same flow as the ODT: headings (Word's built-in heading styles, so navigation and screen readers
work), text, tables, boxes to write in. Core properties carry the template's date rather than
«now», and the zip is re-written by ``package.normalise_zip``, so builds are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
from collections.abc import Callable
from typing import Any, cast

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from documents.render.flow import write_template
from documents.render.package import fill_package
from documents.render.render_odt import FOOTER_MM
from documents.templates import sheet, strings
from documents.templates.template import PAPER_MM, Template

FONT = "Arial"  # on every Windows and Mac; Liberation Sans stands in for it on Linux
BLUE = RGBColor(0x1D, 0x4F, 0x73)

Document = docx.document.Document
Element = Any
"""An OOXML element (lxml, which has no type information here)."""


def _setup(document: Document, paper: str, orientation: str, margin_mm: float = 15, font_pt: float = 10.5) -> None:
    width, height = PAPER_MM[paper]
    section = document.sections[0]
    if orientation == "landscape":
        width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = Mm(margin_mm)
    # The page number sits in the bottom margin, FOOTER_MM above the ODT's: both leave the text the
    # same height, so the same long text fills the same pages in both.
    section.bottom_margin = Mm(margin_mm + FOOTER_MM)
    section.footer_distance = Mm(margin_mm)
    section.left_margin = section.right_margin = Mm(margin_mm + 3)
    _page_numbers(section)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(font_pt)
    run_props = normal.element.get_or_add_rPr()
    language = run_props.find(qn("w:lang"))
    if language is None:
        language = run_props.makeelement(qn("w:lang"), {})
        run_props.append(language)
    language.set(qn("w:val"), "nb-NO")
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.name = FONT
        document.styles[name].font.color.rgb = BLUE
    _spacing(document)


def _spacing(document: Document) -> None:
    """The ODT's sizes and spacing (``render_odt``), so the same text fills the same pages in both."""
    for name, before_mm, after_mm, size in (("Normal", 0, 2, None), ("List Bullet", 0, 2, None),
                                            ("Heading 1", 4, 2, 20), ("Heading 2", 4, 2, 13)):  # fmt: skip
        fmt = document.styles[name].paragraph_format
        fmt.space_before, fmt.space_after, fmt.line_spacing = Mm(before_mm), Mm(after_mm), 1.0
        if size:
            document.styles[name].font.size = Pt(size)
    bullet = document.styles["List Bullet"].element.pPr
    for contextual in bullet.findall(qn("w:contextualSpacing")):  # ODT keeps the space between items
        bullet.remove(contextual)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute when they lay out the page (PAGE, NUMPAGES)."""
    run = paragraph.add_run()
    _sub(run._r, "w:fldChar", {"w:fldCharType": "begin"})
    code = _sub(run._r, "w:instrText", {"xml:space": "preserve"})
    code.text = f" {instruction} "
    _sub(run._r, "w:fldChar", {"w:fldCharType": "separate"})
    _sub(run._r, "w:t").text = "1"
    _sub(run._r, "w:fldChar", {"w:fldCharType": "end"})


def _page_numbers(section: Section) -> None:
    """«Side 2 av 5» at the foot of every page, as the PDF has it."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(strings.PAGE_OF[0])
    _field(paragraph, "PAGE")
    paragraph.add_run(strings.PAGE_OF[1])
    _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x4A, 0x4A, 0x4A)


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
        section = document.sections[0]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        assert width is not None and left is not None and right is not None  # _setup set them
        self.content_mm = (width - left - right) / Mm(1)
        self._controls = 0

    def _gap(self) -> None:
        """What separates a table from the next block (``render_odt`` writes the same paragraph)."""
        gap = self.document.add_paragraph()
        gap.paragraph_format.space_before, gap.paragraph_format.space_after = Pt(0), Mm(2)
        gap.paragraph_format.line_spacing = Pt(1.2)
        gap.add_run().font.size = Pt(1)

    def heading(self, content: str, level: int, *, page_break: bool = False) -> None:
        self.document.add_heading(content, level=level).paragraph_format.page_break_before = page_break

    def paragraph(self, content: str) -> None:
        self.document.add_paragraph(content)

    def hint(self, content: str) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.add_run(content).italic = True
        paragraph.paragraph_format.keep_with_next = True  # a hint introduces what follows it
        paragraph.paragraph_format.space_after = Mm(1.5)

    def bullet(self, content: str) -> None:
        self.document.add_paragraph(content, style="List Bullet")

    def strong(self, content: str) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.add_run(content).bold = True
        paragraph.paragraph_format.space_after = Mm(1)

    def grid(self, rows: list[list[str]], *, header: list[str] | None = None, row_mm: float = 0) -> None:
        tbl = self.document.add_table(rows=0, cols=len(header or rows[0]))
        tbl.style = self.document.styles["Table Grid"]
        _cell_margins(tbl._tbl.tblPr, 1, bottom_mm=0)
        for values, is_header in ([(header, True)] if header else []) + [(r, False) for r in rows]:
            row = tbl.add_row()
            if row_mm and not is_header:
                row.height, row.height_rule = Mm(row_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
            for cell, value in zip(row.cells, values):
                cell.text = value
                if is_header:
                    cell.paragraphs[0].runs[0].bold = True
        if header:  # repeat the header row on each page, and tell screen readers it is one
            tr_pr = tbl.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
        self._gap()

    # ---- Form fields: Word content controls (a checkbox, and plain-text fields with a placeholder)

    def _sdt(self, label: str) -> tuple[Element, Element]:
        """A run-level content control named ``label``: its properties and its content."""
        self._controls += 1
        sdt = OxmlElement("w:sdt")
        properties = _sub(sdt, "w:sdtPr")
        _sub(properties, "w:alias", {"w:val": label})
        _sub(properties, "w:tag", {"w:val": f"vl-{self._controls}"})
        _sub(properties, "w:id", {"w:val": str(self._controls)})
        return sdt, properties

    def _checkbox(self, paragraph: Paragraph, label: str) -> None:
        sdt, properties = self._sdt(label)
        box = _sub(properties, "w14:checkbox")
        _sub(box, "w14:checked", {"w14:val": "0"})
        _sub(box, "w14:checkedState", {"w14:val": "2612", "w14:font": "MS Gothic"})
        _sub(box, "w14:uncheckedState", {"w14:val": "2610", "w14:font": "MS Gothic"})
        run = _sub(_sub(sdt, "w:sdtContent"), "w:r")
        _sub(_sub(run, "w:rPr"), "w:rFonts", {f"w:{k}": "MS Gothic" for k in ("ascii", "hAnsi", "eastAsia", "cs")})
        _sub(run, "w:t").text = strings.CHECKBOX
        paragraph._p.append(sdt)

    def _text_field(self, paragraph: Paragraph, label: str, *, multiline: bool = False) -> None:
        sdt, properties = self._sdt(label)
        _sub(properties, "w:showingPlcHdr")
        _sub(properties, "w:text", {"w:multiLine": "1"} if multiline else {})
        run = _sub(_sub(sdt, "w:sdtContent"), "w:r")
        _sub(_sub(run, "w:rPr"), "w:color", {"w:val": "6B6B6B"})
        _sub(run, "w:t").text = strings.FORM_PLACEHOLDER
        paragraph._p.append(sdt)

    def checkbox(self, label: str, *, other: bool = False) -> None:
        paragraph = self.document.add_paragraph()
        self._checkbox(paragraph, label)
        paragraph.add_run(f" {label}" + (": " if other else ""))
        if other:
            self._text_field(paragraph, label)

    def _table(self, rows: int, widths_mm: list[float], *, grid: bool = True) -> Table:
        tbl = self.document.add_table(rows=rows, cols=len(widths_mm))
        if grid:
            tbl.style = self.document.styles["Table Grid"]
        tbl.autofit = False
        _cell_margins(tbl._tbl.tblPr, 1, bottom_mm=0)
        for i, width in enumerate(widths_mm):
            tbl.columns[i].width = Mm(width)
            for cell in tbl.columns[i].cells:
                cell.width = Mm(width)
        return tbl

    def write_box(self, label: str, height_mm: float) -> None:
        tbl = self._table(1, [self.content_mm])
        tbl.rows[0].height, tbl.rows[0].height_rule = Mm(height_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
        self._text_field(tbl.cell(0, 0).paragraphs[0], label, multiline=True)
        self._gap()

    def _label_rows(self, tbl: Table, labels: list[str], row_mm: float, *, fields: bool) -> None:
        for row, label in zip(tbl.rows, labels):
            row.height, row.height_rule = Mm(row_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            row.cells[0].paragraphs[0].add_run(f"{label}:")
            if fields:
                self._text_field(row.cells[1].paragraphs[0], label)

    def fill_in(self, labels: list[str], row_mm: float) -> None:
        label_mm = self.content_mm * 0.38
        self._label_rows(self._table(len(labels), [label_mm, self.content_mm - label_mm]), labels, row_mm, fields=True)
        self._gap()

    def signature(self, signer: str, labels: list[str], row_mm: float) -> None:
        # Kept on one page in Word and LibreOffice alike: the block is one table row that may not
        # be split, holding the signer's name and a table of the lines to fill in.
        outer = self._table(1, [self.content_mm], grid=False)
        outer.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for margins in outer._tbl.tblPr.findall(qn("w:tblCellMar")):
            outer._tbl.tblPr.remove(margins)
        _cell_margins(outer._tbl.tblPr, 0)  # a frame only: the ODT has none
        cell = outer.cell(0, 0)
        name = cell.paragraphs[0]
        name.add_run(signer).bold = True
        name.paragraph_format.keep_with_next = True
        # As the ODT (4 mm above, 1 mm below), less the 1 mm LibreOffice adds above a table in a cell.
        name.paragraph_format.space_before, name.paragraph_format.space_after = Mm(4), Mm(0)
        label_mm = (self.content_mm - 4) * 0.38
        inner = cell.add_table(rows=len(labels), cols=2)
        inner.style = self.document.styles["Table Grid"]
        inner.autofit = False
        _cell_margins(inner._tbl.tblPr, 1, bottom_mm=0)
        for i, width in enumerate([label_mm, self.content_mm - 4 - label_mm]):
            inner.columns[i].width = Mm(width)
            for column_cell in inner.columns[i].cells:
                column_cell.width = Mm(width)
        self._label_rows(inner, labels, row_mm, fields=False)
        _tiny(cell.paragraphs[-1])  # a cell ends in a paragraph
        # Two tables in a row would join into one, and LibreOffice would keep the signer before it
        # with all of it: a paragraph between them keeps each block a table of its own.
        self._gap()


def _sub(parent: Element, tag: str, attributes: dict[str, str] | None = None) -> Element:
    element = OxmlElement(tag)
    for key, value in (attributes or {}).items():
        element.set(qn(key), value)
    parent.append(element)
    return element


SHEET_MARGIN_MM = 10


def _borders(tbl_pr: Element, colour: str, size: int) -> None:
    """Single borders all round and inside, ``size`` in eighths of a point."""
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {
            qn("w:val"): "single", qn("w:sz"): str(size), qn("w:space"): "0", qn("w:color"): colour}))
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    tbl_pr.append(borders)


def _cell_margins(tbl_pr: Element, mm: float, bottom_mm: float | None = None) -> None:
    margins = tbl_pr.makeelement(qn("w:tblCellMar"), {})
    for edge in ("top", "left", "bottom", "right"):
        size = bottom_mm if edge == "bottom" and bottom_mm is not None else mm
        margins.append(margins.makeelement(qn(f"w:{edge}"), {qn("w:w"): str(round(size * 56.7)), qn("w:type"): "dxa"}))
    tbl_pr.append(margins)


def _write_sheet(document: Document, template: Template) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    rows, columns = sheet.grid_size(template)
    width_mm, height_mm = PAPER_MM[template.edit_paper][::-1] if template.orientation == "landscape" else PAPER_MM[template.edit_paper]
    sheet_mm = width_mm - 2 * (SHEET_MARGIN_MM + 3)
    row_mm = (height_mm - 2 * SHEET_MARGIN_MM - FOOTER_MM - 16 - 10) / rows
    document.styles["Heading 1"].font.size = Pt(20)
    heading = document.add_heading(template.title + sheet.text_slot(sheet.MEETING), level=1)
    heading.paragraph_format.space_before = Pt(0)
    version = strings.version_line(template.version, template.date)
    _Writer(document).hint(f"{version}. {template.intro}" if template.intro else version)
    tbl = document.add_table(rows=rows, cols=columns)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    tbl_pr = tbl._tbl.tblPr
    _borders(tbl_pr, "1D4F73", 12)
    _cell_margins(tbl_pr, 2)
    column_mm = sheet_mm / columns
    for column in tbl.columns:
        column.width = Mm(column_mm)
    for row in tbl.rows:
        row.height, row.height_rule = Mm(row_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
        row._tr.get_or_add_trPr().append(row._tr.makeelement(qn("w:cantSplit"), {}))
        for cell in row.cells:
            cell.width = Mm(column_mm)
    for box in sheet.boxes(template):
        cell = tbl.cell(box.row, box.column)
        if box.rows > 1 or box.columns > 1:
            cell = cell.merge(tbl.cell(box.row + box.rows - 1, box.column + box.columns - 1))
        _box(cell, box, column_mm * box.columns)
    _end(document)


def _end(document: Document) -> None:
    _tiny(document.add_paragraph())  # a document cannot end in a table; this one takes no room


def _tiny(paragraph: Paragraph) -> None:
    """A paragraph 1 pt high, with no space around it."""
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(1)
    paragraph.add_run().font.size = Pt(1)


def _box(cell: _Cell, box: sheet.Box, width_mm: float) -> None:
    section = box.section
    styles = cast(DocumentPart, cell.part).document.styles  # a cell of the document's body
    heading = cell.paragraphs[0]
    heading.style = styles["Heading 2"]
    heading.paragraph_format.space_before = Pt(0)
    heading.add_run(section.title)
    if section.hint:
        cell.add_paragraph().add_run(section.hint).italic = True
    field = box.table
    if field is None:
        cell.add_paragraph(sheet.text_slot(section.area))
        return
    inner = cell.add_table(rows=2, cols=len(field.columns))
    inner.style = styles["Table Grid"]
    inner.autofit = False
    from documents.render.render_odt import _column_widths

    for i, (column, w) in enumerate(zip(field.columns, _column_widths(len(field.columns), width_mm - 6))):
        inner.columns[i].width = Mm(w)
        head, slot = inner.cell(0, i), inner.cell(1, i)
        head.width = slot.width = Mm(w)
        head.paragraphs[0].add_run(column).bold = True
        shading = head._tc.get_or_add_tcPr().makeelement(qn("w:shd"), {
            qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): "E8EFF5"})
        head._tc.get_or_add_tcPr().append(shading)
        slot.paragraphs[0].add_run(sheet.cell_slot(section.area, i))
    tr_pr = inner.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
    inner.rows[1].height, inner.rows[1].height_rule = Mm(8), WD_ROW_HEIGHT_RULE.AT_LEAST


# Parts of python-docx's own template that the files do without: a blank thumbnail (a grey page in
# file managers; ``package.add_thumbnail`` adds one that shows the document), Word 2010's copy of the
# styles, and a bibliography data store. Dropped with their relationships and content types.
DROPPED_PARTS = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")
# Pretty-printed by python-docx's template (800 kB together); the whitespace between tags means nothing.
SQUEEZED_PARTS = ("word/styles.xml", "word/numbering.xml", "word/theme/theme1.xml", "word/fontTable.xml",
                  "word/settings.xml", "word/webSettings.xml")  # fmt: skip


# The template defines 98 table styles besides the two the files use (300 kB); Word knows them anyway.
_UNUSED_TABLE_STYLE = re.compile(
    r'<w:style w:type="table"(?:(?!w:styleId="Table(?:Normal|Grid)")[^>])*>.*?</w:style>', re.DOTALL
)


def _slim(data: bytes, date: dt.date, change: Callable[[str, str], str] | None = None) -> bytes:
    """The package without the dropped parts, the squeezed parts without indentation; ``change``
    (name, xml) → xml is applied to every XML part."""
    from documents.render.package import read_entries, write_entries

    def dropped(target: str, rels: str = "") -> bool:
        # A relationship's target is relative to the folder of the part the .rels file belongs to.
        base = posixpath.dirname(posixpath.dirname(rels)) if rels else ""
        path = posixpath.normpath(posixpath.join(base, target)).lstrip("/")
        return any(path.startswith(part) for part in DROPPED_PARTS)

    relation = re.compile(r'<Relationship [^>]*Target="([^"]+)"[^>]*/>')
    override = re.compile(r'<Override PartName="([^"]+)"[^>]*/>')
    entries = []
    for name, content in read_entries(data):
        if dropped(name):
            continue
        if name.endswith((".xml", ".rels")):
            xml = content.decode("utf-8")
            def kept(m: re.Match[str], rels: str = name) -> str:
                return "" if dropped(m[1], rels) else m[0]

            xml = relation.sub(kept, xml)
            xml = override.sub(lambda m: "" if dropped(m[1]) else m[0], xml)
            if name in SQUEEZED_PARTS:
                xml = re.sub(r">\s+<", "><", xml)
            if name == "word/styles.xml":
                xml = _UNUSED_TABLE_STYLE.sub("", xml)
            content = (change(name, xml) if change is not None else xml).encode("utf-8")
        entries.append((name, content))
    return write_entries(entries, date)


def _preserve_slot_spaces(_: str, xml: str) -> str:
    """A slot's text keeps its spaces: its <w:t> says so before the browser fills it."""
    return xml.replace("<w:t>⟦vl:", '<w:t xml:space="preserve">⟦vl:')


def docx_sheet_skeleton(template: Template) -> bytes:
    """The poster's sheet with its slots still in (see ``sheet``): what the browser export fills."""
    document = docx.Document()
    _setup(document, template.edit_paper, template.orientation, SHEET_MARGIN_MM, 11)
    _metadata(document, template)
    _write_sheet(document, template)
    buffer = io.BytesIO()
    document.save(buffer)
    return _slim(buffer.getvalue(), template.date, _preserve_slot_spaces)


def render_docx(template: Template, *, flow: bool = False) -> bytes:
    """The editable DOCX. A poster is one sheet like its PDF, unless ``flow``: then the sections
    follow each other on A4 portrait (the «tekstversjon»)."""
    if template.layout == "poster" and not flow:
        return fill_package(docx_sheet_skeleton(template), "docx", {}, sheet.default_rows(template), template.date)
    document = docx.Document()
    if template.layout == "poster":
        _setup(document, "A4", "portrait")
    else:
        _setup(document, template.edit_paper, template.orientation)
    _metadata(document, template)
    write_template(_Writer(document), template)
    if document.element.body[-2].tag == qn("w:tbl"):  # [-1] is the section's properties
        _end(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _slim(buffer.getvalue(), template.date)
