"""ODT for editing (OpenDocument, which Norwegian rules ask public bodies to offer), via odfpy.

The document is a plain flow — headings, text, tables, boxes to write in — that every office
suite opens and a screen reader follows. Dates in meta.xml come from the template and the zip is
re-written by ``package.normalise_zip`` so the same source gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from odf import dc, meta, style, table, text
from odf.element import Element
from odf.opendocument import OpenDocumentText

from doc_templates import strings
from doc_templates.model import FIELD_TYPES, PAPER_MM, Field, Template
from doc_templates.package import normalise_zip

FONT = "DejaVu Sans"  # ships with LibreOffice; «swiss» tells other suites to use a sans-serif
LINE_CM = 0.75


class _Writer:
    def __init__(self, template: Template) -> None:
        self.template = template
        self.doc = OpenDocumentText()
        self.body = self.doc.text
        self._table_count = 0
        self._styles()

    def _styles(self) -> None:
        doc, t = self.doc, self.template
        doc.fontfacedecls.addElement(style.FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss"))
        width, height = PAPER_MM[t.edit_paper]
        if t.orientation == "landscape":
            width, height = height, width
        layout = style.PageLayout(name="Page")
        layout.addElement(style.PageLayoutProperties(
            pagewidth=f"{width}mm", pageheight=f"{height}mm", printorientation=t.orientation,
            margintop="15mm", marginbottom="15mm", marginleft="18mm", marginright="18mm",
        ))  # fmt: skip
        doc.automaticstyles.addElement(layout)
        doc.masterstyles.addElement(style.MasterPage(name="Standard", pagelayoutname=layout))
        default = style.DefaultStyle(family="paragraph")
        default.addElement(style.TextProperties(fontname=FONT, fontsize="10.5pt", language="nb", country="NO"))
        doc.styles.addElement(default)
        self.p = self._paragraph_style("Text_20_body", "Text body", margin="0.2cm")
        self.hint = self._paragraph_style("Hint", "Hint", margin="0.15cm", italic=True)
        self.h1 = self._paragraph_style("Heading_20_1", "Heading 1", size="20pt", bold=True, level=1)
        self.h2 = self._paragraph_style("Heading_20_2", "Heading 2", size="13pt", bold=True, level=2)
        self.strong = self._paragraph_style("Strong_20_text", "Strong text", margin="0.1cm", bold=True)
        self.h2_break = style.Style(name="HeadingBreak", family="paragraph", parentstylename=self.h2)
        self.h2_break.addElement(style.ParagraphProperties(breakbefore="page"))
        self.doc.automaticstyles.addElement(self.h2_break)
        self._row_styles: dict[float, style.Style] = {}
        self.cell = style.Style(name="Cell", family="table-cell")
        self.cell.addElement(style.TableCellProperties(border="0.5pt solid #6b6b6b", padding="0.1cm"))
        doc.automaticstyles.addElement(self.cell)
        self.head_cell = style.Style(name="HeadCell", family="table-cell")
        self.head_cell.addElement(style.TableCellProperties(
            border="0.5pt solid #6b6b6b", padding="0.1cm", backgroundcolor="#e8eff5"))
        doc.automaticstyles.addElement(self.head_cell)

    def _paragraph_style(self, name: str, display: str, *, margin: str = "0.2cm", size: str = "",
                         bold: bool = False, italic: bool = False, level: int = 0) -> style.Style:
        extra = {"defaultoutlinelevel": str(level)} if level else {}
        st = style.Style(name=name, displayname=display, family="paragraph", **extra)
        st.addElement(style.ParagraphProperties(margintop="0.1cm" if not level else "0.4cm", marginbottom=margin))
        props = {"fontsize": size} if size else {}
        if bold:
            props.update(fontweight="bold", color="#1d4f73")
        if italic:
            props.update(fontstyle="italic", color="#4a4a4a")
        st.addElement(style.TextProperties(**props))
        self.doc.styles.addElement(st)
        return st

    def para(self, content: str, st: style.Style | None = None) -> None:
        self.body.addElement(text.P(stylename=st or self.p, text=content))

    def table(self, header: list[str] | None, rows: list[list[str]], *, row_height_cm: float = 0) -> None:
        self._table_count += 1
        columns = len(rows[0]) if rows else len(header or [])
        tbl = table.Table(name=f"Tabell{self._table_count}")
        tbl.addElement(table.TableColumn(numbercolumnsrepeated=columns))
        if header:
            head = table.TableHeaderRows()
            head.addElement(self._row(header, self.head_cell))
            tbl.addElement(head)
        for values in rows:
            tbl.addElement(self._row(values, self.cell, row_height_cm))
        self.body.addElement(tbl)

    def _row_style(self, height_cm: float) -> style.Style:
        if height_cm not in self._row_styles:
            row_style = style.Style(name=f"Row{len(self._row_styles) + 1}", family="table-row")
            row_style.addElement(style.TableRowProperties(minrowheight=f"{height_cm:g}cm"))
            self.doc.automaticstyles.addElement(row_style)
            self._row_styles[height_cm] = row_style
        return self._row_styles[height_cm]

    def _row(self, values: list[str], cell_style: style.Style, height_cm: float = 0) -> table.TableRow:
        row = table.TableRow()
        if height_cm:
            row.setAttribute("stylename", self._row_style(height_cm))
        for value in values:
            cell = table.TableCell(stylename=cell_style, valuetype="string")
            cell.addElement(text.P(stylename=self.p, text=value))
            row.addElement(cell)
        return row


def _text(w: _Writer, field: Field) -> None:
    for paragraph in (p.strip() for p in field.text.split("\n\n")):
        if paragraph:
            w.para(paragraph)


def _list(w: _Writer, field: Field) -> None:
    for item in field.items:
        w.para(f"• {item}")


def _write(w: _Writer, field: Field) -> None:
    w.table(None, [[""]], row_height_cm=field.lines * LINE_CM)


def _labels(w: _Writer, field: Field) -> None:
    w.table(None, [[f"{label}:", ""] for label in field.items], row_height_cm=0.9)


def _checklist(w: _Writer, field: Field) -> None:
    for item in field.items:
        w.para(f"{strings.CHECKBOX} {item}")
    if field.other:
        w.para(f"{strings.CHECKBOX} {strings.OTHER}: ______________________________")


def _table(w: _Writer, field: Field) -> None:
    blank = [""] * (len(field.columns) - 1)
    rows = [[item, *blank] for item in field.items] or [["", *blank] for _ in range(field.rows)]
    w.table(list(field.columns), rows, row_height_cm=0.9)


def _signatures(w: _Writer, field: Field) -> None:
    labels = (strings.PLACE_AND_DATE, strings.SIGNATURE, strings.NAME_IN_CAPITALS)
    for signer in field.items:
        w.para(signer, w.strong)
        w.table(None, [[f"{label}:", ""] for label in labels], row_height_cm=1.0)


_FIELD_WRITERS: dict[str, Callable[[_Writer, Field], None]] = {
    "text": _text, "list": _list, "write": _write, "labels": _labels,
    "checklist": _checklist, "table": _table, "signatures": _signatures,
}  # fmt: skip
assert set(_FIELD_WRITERS) == set(FIELD_TYPES), "render_odt: every field type needs a writer"


def _metadata(w: _Writer) -> None:
    t = w.template
    stamp = dt.datetime.combine(t.date, dt.time()).isoformat()
    w.doc.meta.addElement(dc.Title(text=t.title))
    w.doc.meta.addElement(dc.Description(text=t.summary))
    w.doc.meta.addElement(dc.Language(text="nb-NO"))
    w.doc.meta.addElement(dc.Date(text=stamp))
    w.doc.meta.addElement(meta.CreationDate(text=stamp))
    w.doc.meta.addElement(meta.InitialCreator(text=strings.PUBLISHER))


def render_odt(template: Template) -> bytes:
    # odfpy keeps the namespaces it has seen in one dict shared by the whole process and declares
    # them all in every file; start from empty so a file's bytes do not depend on what came before.
    Element.namespaces.clear()
    w = _Writer(template)
    _metadata(w)
    heading = text.H(outlinelevel=1, stylename=w.h1, text=template.title)
    w.body.addElement(heading)
    w.para(strings.version_line(template.version, template.date), w.hint)
    if template.intro:
        w.para(template.intro, w.hint)
    for section in template.sections:
        heading_style = w.h2_break if section.page_break else w.h2
        w.body.addElement(text.H(outlinelevel=2, stylename=heading_style, text=section.title))
        if section.hint:
            w.para(section.hint, w.hint)
        for field in section.fields:
            _FIELD_WRITERS[field.type](w, field)
    buffer = io.BytesIO()
    w.doc.write(buffer)
    return normalise_zip(buffer.getvalue(), template.date, first="mimetype")
