"""ODT for editing (OpenDocument, which Norwegian rules ask public bodies to offer), via odfpy.

The document is a plain flow — headings, text, tables, boxes to write in — that every office
suite opens and a screen reader follows. Dates in meta.xml come from the template and the zip is
re-written by ``package.normalise_zip`` so the same source gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from odf import dc, meta, style, table, text
from odf.element import Element
from odf.opendocument import OpenDocumentText

from doc_templates import strings
from doc_templates.flow import write_template
from doc_templates.model import PAPER_MM, Template
from doc_templates.package import normalise_zip

FONT = "DejaVu Sans"  # ships with LibreOffice; «swiss» tells other suites to use a sans-serif


class _Writer:
    """A ``flow.FlowWriter`` that builds an odfpy document."""

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
        self.hint_style = self._paragraph_style("Hint", "Hint", margin="0.15cm", italic=True)
        self.h1 = self._paragraph_style("Heading_20_1", "Heading 1", size="20pt", bold=True, level=1)
        self.h2 = self._paragraph_style("Heading_20_2", "Heading 2", size="13pt", bold=True, level=2)
        self.strong_style = self._paragraph_style("Strong_20_text", "Strong text", margin="0.1cm", bold=True)
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

    def _para(self, content: str, st: style.Style) -> None:
        self.body.addElement(text.P(stylename=st, text=content))

    def heading(self, content: str, level: int, *, page_break: bool = False) -> None:
        st = self.h1 if level == 1 else (self.h2_break if page_break else self.h2)
        self.body.addElement(text.H(outlinelevel=level, stylename=st, text=content))

    def paragraph(self, content: str) -> None:
        self._para(content, self.p)

    def hint(self, content: str) -> None:
        self._para(content, self.hint_style)

    def bullet(self, content: str) -> None:
        self._para(f"• {content}", self.p)

    def strong(self, content: str) -> None:
        self._para(content, self.strong_style)

    def grid(self, rows: list[list[str]], *, header: list[str] | None = None, row_mm: float = 0) -> None:
        self._table_count += 1
        tbl = table.Table(name=f"Tabell{self._table_count}")
        tbl.addElement(table.TableColumn(numbercolumnsrepeated=len(header or rows[0])))
        if header:
            head = table.TableHeaderRows()
            head.addElement(self._row(header, self.head_cell))
            tbl.addElement(head)
        for values in rows:
            tbl.addElement(self._row(values, self.cell, row_mm))
        self.body.addElement(tbl)

    def _row_style(self, height_mm: float) -> style.Style:
        if height_mm not in self._row_styles:
            row_style = style.Style(name=f"Row{len(self._row_styles) + 1}", family="table-row")
            row_style.addElement(style.TableRowProperties(minrowheight=f"{height_mm:g}mm"))
            self.doc.automaticstyles.addElement(row_style)
            self._row_styles[height_mm] = row_style
        return self._row_styles[height_mm]

    def _row(self, values: list[str], cell_style: style.Style, height_mm: float = 0) -> table.TableRow:
        row = table.TableRow()
        if height_mm:
            row.setAttribute("stylename", self._row_style(height_mm))
        for value in values:
            cell = table.TableCell(stylename=cell_style, valuetype="string")
            cell.addElement(text.P(stylename=self.p, text=value))
            row.addElement(cell)
        return row


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
    write_template(w, template)
    buffer = io.BytesIO()
    w.doc.write(buffer)
    return normalise_zip(buffer.getvalue(), template.date, first="mimetype")
