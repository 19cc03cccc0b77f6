"""ODT for editing (OpenDocument, which Norwegian rules ask public bodies to offer), via odfpy.

The document is a plain flow — headings, text, tables, boxes to write in — that every office
suite opens and a screen reader follows. Dates in meta.xml come from the template and the zip is
re-written by ``package.normalise_zip`` so the same source gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from odf import dc, draw, form, meta, office, style, table, text
from odf.element import Element
from odf.opendocument import OpenDocumentText

from documents.render.flow import write_template
from documents.render.package import fill_package, normalise_zip
from documents.templates import sheet, strings
from documents.templates.template import PAPER_MM, Template

FONT = "DejaVu Sans"  # ships with LibreOffice; «swiss» tells other suites to use a sans-serif
FOOTER_MM = 8  # the page number's line (5 mm) and the space above it (3 mm), as in the DOCX


class _Writer:
    """A ``flow.FlowWriter`` that builds an odfpy document."""

    def __init__(self, template: Template, paper: str, orientation: str, margin_mm: float = 15) -> None:
        self.template = template
        self.paper, self.orientation, self.margin_mm = paper, orientation, margin_mm
        self.doc = OpenDocumentText()
        self.body = self.doc.text
        self._table_count = 0
        self._controls = 0
        self._form: form.Form | None = None
        self._styles()

    def _styles(self) -> None:
        doc = self.doc
        doc.fontfacedecls.addElement(style.FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss"))
        width, height = PAPER_MM[self.paper]
        if self.orientation == "landscape":
            width, height = height, width
        self.page_mm = (width, height)
        m = self.margin_mm
        self.content_mm = width - 2 * (m + 3)
        layout = style.PageLayout(name="Page")
        layout.addElement(style.PageLayoutProperties(
            pagewidth=f"{width}mm", pageheight=f"{height}mm", printorientation=self.orientation,
            margintop=f"{m}mm", marginbottom=f"{m}mm", marginleft=f"{m + 3}mm", marginright=f"{m + 3}mm",
        ))  # fmt: skip
        layout.addElement(_footer_space())
        doc.automaticstyles.addElement(layout)
        master = style.MasterPage(name="Standard", pagelayoutname=layout)
        doc.masterstyles.addElement(master)
        default = style.DefaultStyle(family="paragraph")
        # No single line of a paragraph left alone at a page's foot or head, as Word's default.
        default.addElement(style.ParagraphProperties(widows="2", orphans="2"))
        default.addElement(style.TextProperties(fontname=FONT, fontsize="10.5pt", language="nb", country="NO"))
        doc.styles.addElement(default)
        self.p = self._paragraph_style("Text_20_body", "Text body", margin="0.2cm")
        self._footer(master)
        self.hint_style = self._paragraph_style("Hint", "Hint", margin="0.15cm", italic=True, keep=True)
        self.h1 = self._paragraph_style("Heading_20_1", "Heading 1", size="20pt", bold=True, level=1)
        self.h2 = self._paragraph_style("Heading_20_2", "Heading 2", size="13pt", bold=True, level=2)
        self.strong_style = self._paragraph_style("Strong_20_text", "Strong text", margin="0.1cm", bold=True)
        self.h2_break = style.Style(name="HeadingBreak", family="paragraph", parentstylename=self.h2)
        self.h2_break.addElement(style.ParagraphProperties(breakbefore="page"))
        self.doc.automaticstyles.addElement(self.h2_break)
        self._row_styles: dict[tuple[float, bool], style.Style] = {}
        self.cell = style.Style(name="Cell", family="table-cell")
        # No padding below: a cell's text ends with its paragraph's 2 mm, and a DOCX cell has the
        # same margins (render_docx), so a row split across pages splits alike in both.
        self.cell.addElement(style.TableCellProperties(border="0.5pt solid #6b6b6b", padding="1mm", paddingbottom="0mm"))
        doc.automaticstyles.addElement(self.cell)
        self.head_cell = style.Style(name="HeadCell", family="table-cell")
        self.head_cell.addElement(style.TableCellProperties(
            border="0.5pt solid #6b6b6b", padding="1mm", paddingbottom="0mm", backgroundcolor="#e8eff5"))
        doc.automaticstyles.addElement(self.head_cell)
        self.grid_row = style.Style(name="GridRow", family="table-row")
        self.grid_row.addElement(style.TableRowProperties(keeptogether="always"))
        doc.automaticstyles.addElement(self.grid_row)
        self.control_style = style.Style(name="Control", family="graphic")
        self.control_style.addElement(style.GraphicProperties(verticalpos="middle", verticalrel="text"))
        doc.automaticstyles.addElement(self.control_style)
        self.keep_style = style.Style(name="StrongKeep", family="paragraph", parentstylename=self.strong_style)
        self.keep_style.addElement(style.ParagraphProperties(keepwithnext="always", margintop="0.4cm"))
        doc.automaticstyles.addElement(self.keep_style)
        self.whole_table = style.Style(name="WholeTable", family="table")
        self.whole_table.addElement(style.TableProperties(width=f"{self.content_mm:.1f}mm", align="margins",
                                                          maybreakbetweenrows="false"))
        doc.automaticstyles.addElement(self.whole_table)
        self.box_table = style.Style(name="BoxTable", family="table")
        self.box_table.addElement(style.TableProperties(width=f"{self.content_mm:.1f}mm", align="margins"))
        doc.automaticstyles.addElement(self.box_table)
        # A document cannot end in a table: LibreOffice adds a paragraph after it, which must not
        # spill onto a page of its own. This one is 1 pt high.
        self.end_style = style.Style(name="SheetEnd", family="paragraph")
        self.end_style.addElement(style.ParagraphProperties(margintop="0mm", marginbottom="0mm", lineheight="1pt"))
        self.end_style.addElement(style.TextProperties(fontsize="1pt"))
        doc.automaticstyles.addElement(self.end_style)
        # What separates a table from the next block, the same paragraph as in the DOCX (where two
        # tables in a row would join): 1 pt high with 2 mm below.
        self.gap_style = style.Style(name="TableGap", family="paragraph")
        self.gap_style.addElement(style.ParagraphProperties(margintop="0mm", marginbottom="2mm", lineheight="1.2pt"))
        self.gap_style.addElement(style.TextProperties(fontsize="1pt"))
        doc.automaticstyles.addElement(self.gap_style)
        self.box_row = style.Style(name="BoxRow", family="table-row")
        self.box_row.addElement(style.TableRowProperties(keeptogether="always"))
        doc.automaticstyles.addElement(self.box_row)

    def _footer(self, master: style.MasterPage) -> None:
        """«Side 2 av 5» at the foot of every page, as the PDF has it."""
        footer_style = style.Style(name="Footer", displayname="Footer", family="paragraph", parentstylename=self.p)
        footer_style.addElement(style.ParagraphProperties(margintop="0cm", marginbottom="0cm", textalign="end"))
        footer_style.addElement(style.TextProperties(fontsize="8pt", color="#4a4a4a"))
        self.doc.styles.addElement(footer_style)
        paragraph = text.P(stylename=footer_style, text=strings.PAGE_OF[0])
        paragraph.addElement(text.PageNumber(selectpage="current", text="1"))
        paragraph.addText(strings.PAGE_OF[1])
        paragraph.addElement(text.PageCount(text="1"))
        footer = style.Footer()
        footer.addElement(paragraph)
        master.addElement(footer)

    def _paragraph_style(self, name: str, display: str, *, margin: str = "0.2cm", size: str = "",
                         bold: bool = False, italic: bool = False, level: int = 0, keep: bool = False) -> style.Style:
        extra = {"defaultoutlinelevel": str(level)} if level else {}
        st = style.Style(name=name, displayname=display, family="paragraph", **extra)
        keep_props = {"keepwithnext": "always"} if keep or level else {}
        # Space below a paragraph only, and 2 mm above a heading: LibreOffice adds the space below
        # one paragraph and above the next, Word (and LibreOffice in a DOCX) takes the larger, so
        # with these the ODT and the DOCX (4 mm above a heading) space their text alike.
        st.addElement(style.ParagraphProperties(margintop="0.2cm" if level else "0cm", marginbottom=margin, **keep_props))
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

    def _gap(self) -> None:
        self.body.addElement(text.P(stylename=self.gap_style))

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
        tbl = table.Table(name=f"Tabell{self._table_count}", stylename=self.box_table)
        tbl.addElement(table.TableColumn(numbercolumnsrepeated=len(header or rows[0])))
        if header:
            head = table.TableHeaderRows()
            head.addElement(self._row(header, self.head_cell))
            tbl.addElement(head)
        for values in rows:
            tbl.addElement(self._row(values, self.cell, row_mm))
        self.body.addElement(tbl)
        self._gap()

    # ---- Form fields (ODF form controls in one form, office:forms first in the body)

    def _checkbox_control(self, label: str) -> draw.Control:
        if self._form is None:
            forms = office.Forms(applydesignmode="false", automaticfocus="false")
            self._form = form.Form(name="Skjema", controlimplementation="ooo:com.sun.star.form.component.Form")
            forms.addElement(self._form)
            self.body.insertBefore(forms, self.body.firstChild)
        self._controls += 1
        control_id = f"control{self._controls}"
        control = form.Checkbox(name=f"checkbox{self._controls}", id=control_id, title=label, visualeffect="flat",
                                imageposition="center", currentstate="unchecked", state="unchecked",
                                controlimplementation="ooo:com.sun.star.form.component.CheckBox")
        self._form.addElement(control)
        return draw.Control(control=control_id, anchortype="as-char", stylename=self.control_style,
                            width="4mm", height="4mm", zindex=str(self._controls))  # within a line

    @staticmethod
    def _input(label: str) -> Element:
        """An input field: what is typed is text in the paragraph, so it wraps and the cell grows.

        (A form text control has a fixed size: long text printed cut off, in a shrunken font.)"""
        return text.TextInput(description=label)

    def checkbox(self, label: str, *, other: bool = False) -> None:
        paragraph = text.P(stylename=self.p)
        paragraph.addElement(self._checkbox_control(label))
        paragraph.addText(f" {label}" + (":" if other else ""))
        if other:
            paragraph.addText(" ")
            paragraph.addElement(self._input(label))
        self.body.addElement(paragraph)

    def write_box(self, label: str, height_mm: float) -> None:
        # A one-cell table: a frame at least ``height_mm`` high that grows, and may run onto the
        # next page, with what is written in it.
        self._table_count += 1
        tbl = table.Table(name=f"Tabell{self._table_count}", stylename=self.box_table)
        tbl.addElement(table.TableColumn(stylename=self._column_style(self.content_mm)))
        row = table.TableRow(stylename=self._row_style(height_mm, split=True))
        cell = table.TableCell(stylename=self.cell, valuetype="string")
        paragraph = text.P(stylename=self.p)
        paragraph.addElement(self._input(label))
        cell.addElement(paragraph)
        row.addElement(cell)
        tbl.addElement(row)
        self.body.addElement(tbl)
        self._gap()

    def _label_rows(self, tbl: table.Table, labels: list[str], row_mm: float, *, fields: bool) -> None:
        label_mm = self.content_mm * 0.38
        tbl.addElement(table.TableColumn(stylename=self._column_style(label_mm)))
        tbl.addElement(table.TableColumn(stylename=self._column_style(self.content_mm - label_mm)))
        for label in labels:
            row = table.TableRow(stylename=self._row_style(row_mm))
            first = table.TableCell(stylename=self.cell, valuetype="string")
            first.addElement(text.P(stylename=self.p, text=f"{label}:"))
            second = table.TableCell(stylename=self.cell, valuetype="string")
            paragraph = text.P(stylename=self.p)
            if fields:
                paragraph.addElement(self._input(label))
            second.addElement(paragraph)
            row.addElement(first)
            row.addElement(second)
            tbl.addElement(row)

    def _column_style(self, width_mm: float) -> style.Style:
        name = f"Column{round(width_mm * 10)}"
        if not hasattr(self, "_columns"):
            self._columns: dict[str, style.Style] = {}
        if name not in self._columns:
            st = style.Style(name=name, family="table-column")
            st.addElement(style.TableColumnProperties(columnwidth=f"{width_mm:.2f}mm"))
            self.doc.automaticstyles.addElement(st)
            self._columns[name] = st
        return self._columns[name]

    def fill_in(self, labels: list[str], row_mm: float) -> None:
        self._table_count += 1
        tbl = table.Table(name=f"Tabell{self._table_count}", stylename=self.box_table)
        self._label_rows(tbl, labels, row_mm, fields=True)
        self.body.addElement(tbl)
        self._gap()

    def signature(self, signer: str, labels: list[str], row_mm: float) -> None:
        # Kept on one page: the name keeps with the table, whose rows may not be split by a page break.
        self.body.addElement(text.P(stylename=self.keep_style, text=signer))
        self._table_count += 1
        tbl = table.Table(name=f"Tabell{self._table_count}", stylename=self.whole_table)
        self._label_rows(tbl, labels, row_mm, fields=False)
        self.body.addElement(tbl)
        # The DOCX holds the block in a table cell, which must end in a paragraph (1 pt): the same
        # room here, so a page fills alike in both.
        self.body.addElement(text.P(stylename=self.end_style))
        self._gap()

    def _row_style(self, height_mm: float, *, split: bool = False) -> style.Style:
        """A row at least ``height_mm`` high, kept on one page unless ``split``."""
        if (height_mm, split) not in self._row_styles:
            row_style = style.Style(name=f"Row{len(self._row_styles) + 1}", family="table-row")
            row_style.addElement(style.TableRowProperties(
                minrowheight=f"{height_mm:g}mm", keeptogether="auto" if split else "always"))
            self.doc.automaticstyles.addElement(row_style)
            self._row_styles[(height_mm, split)] = row_style
        return self._row_styles[(height_mm, split)]

    def _row(self, values: list[str], cell_style: style.Style, height_mm: float = 0) -> table.TableRow:
        row = table.TableRow(stylename=self._row_style(height_mm) if height_mm else self.grid_row)
        for value in values:
            cell = table.TableCell(stylename=cell_style, valuetype="string")
            cell.addElement(text.P(stylename=self.p, text=value))
            row.addElement(cell)
        return row


class _SheetWriter(_Writer):
    """The poster as one sheet: a table with the PDF's grid, a box per section, slots to write in."""

    def _sheet_styles(self, rows: int) -> None:
        doc = self.doc
        width, height = self.page_mm
        self.sheet_width = width - 2 * (self.margin_mm + 3)
        # Title and version take about 16 mm, the page number FOOTER_MM; some slack keeps an empty
        # sheet on one page.
        self.row_mm = (height - 2 * self.margin_mm - FOOTER_MM - 16 - 10) / rows
        self.sheet_table = style.Style(name="Sheet", family="table")
        self.sheet_table.addElement(style.TableProperties(width=f"{self.sheet_width:.1f}mm", align="margins"))
        self.sheet_row = style.Style(name="SheetRow", family="table-row")
        self.sheet_row.addElement(style.TableRowProperties(minrowheight=f"{self.row_mm:.1f}mm", keeptogether="always"))
        self.box = style.Style(name="Box", family="table-cell")
        self.box.addElement(style.TableCellProperties(border="0.5mm solid #1d4f73", padding="2.5mm", verticalalign="top"))
        self.box_heading = style.Style(name="BoxHeading", family="paragraph", parentstylename=self.h2)
        self.box_heading.addElement(style.ParagraphProperties(margintop="0mm", marginbottom="1mm"))
        self.write_style = style.Style(name="Writing", family="paragraph", parentstylename=self.p)
        self.write_style.addElement(style.ParagraphProperties(margintop="1mm", marginbottom="0mm"))
        for st in (self.sheet_table, self.sheet_row, self.box, self.box_heading, self.write_style):
            doc.automaticstyles.addElement(st)
        self.column_styles: dict[float, style.Style] = {}

    def _column(self, width_mm: float) -> style.Style:
        if width_mm not in self.column_styles:
            st = style.Style(name=f"SheetColumn{len(self.column_styles) + 1}", family="table-column")
            st.addElement(style.TableColumnProperties(columnwidth=f"{width_mm:.2f}mm"))
            self.doc.automaticstyles.addElement(st)
            self.column_styles[width_mm] = st
        return self.column_styles[width_mm]

    def write_sheet(self) -> None:
        t = self.template
        row_count, column_count = sheet.grid_size(t)
        self._sheet_styles(row_count)
        self.heading(t.title + sheet.text_slot(sheet.MEETING), 1)
        self.hint(f"{strings.version_line(t.version, t.date)}. {t.intro}" if t.intro else strings.version_line(t.version, t.date))
        tbl = table.Table(name="Duk", stylename=self.sheet_table)
        tbl.addElement(table.TableColumn(numbercolumnsrepeated=column_count,
                                         stylename=self._column(self.sheet_width / column_count)))
        placed = {(box.row, box.column): box for box in sheet.boxes(t)}
        covered = {(box.row + r, box.column + c) for box in placed.values()
                   for r in range(box.rows) for c in range(box.columns)} - set(placed)  # fmt: skip
        for r in range(row_count):
            row = table.TableRow(stylename=self.sheet_row)
            for c in range(column_count):
                if (r, c) in covered:
                    row.addElement(table.CoveredTableCell())
                    continue
                box = placed[(r, c)]
                cell = table.TableCell(stylename=self.box, valuetype="string",
                                       numbercolumnsspanned=box.columns, numberrowsspanned=box.rows)
                self._box(cell, box, self.sheet_width / column_count * box.columns)
                row.addElement(cell)
            tbl.addElement(row)
        self.body.addElement(tbl)
        self.body.addElement(text.P(stylename=self.end_style))

    def _box(self, cell: table.TableCell, box: sheet.Box, width_mm: float) -> None:
        section = box.section
        cell.addElement(text.H(outlinelevel=2, stylename=self.box_heading, text=section.title))
        if section.hint:
            cell.addElement(text.P(stylename=self.hint_style, text=section.hint))
        field = box.table
        if field is None:
            cell.addElement(text.P(stylename=self.write_style, text=sheet.text_slot(section.area)))
            return
        self._table_count += 1
        inner = table.Table(name=f"Tabell{self._table_count}")
        widths = _column_widths(len(field.columns), width_mm - 6)
        for w in widths:
            inner.addElement(table.TableColumn(stylename=self._column(w)))
        head = table.TableHeaderRows()
        head.addElement(self._row(list(field.columns), self.head_cell))
        inner.addElement(head)
        slots = [sheet.cell_slot(section.area, i) for i in range(len(field.columns))]
        inner.addElement(self._row(slots, self.cell, 8))
        cell.addElement(inner)


def _column_widths(count: int, total_mm: float) -> list[float]:
    """The first column (what to do) gets half the width; the others share the rest."""
    if count == 1:
        return [total_mm]
    first = total_mm / 2 if count > 2 else total_mm * 0.6
    return [round(first, 2)] + [round((total_mm - first) / (count - 1), 2)] * (count - 1)


def _footer_space() -> style.FooterStyle:
    footer = style.FooterStyle()
    # LibreOffice counts the space above the footer into its height: 8 mm in all, as in the DOCX.
    footer.addElement(style.HeaderFooterProperties(minheight=f"{FOOTER_MM}mm", margintop="3mm"))
    return footer


def _metadata(w: _Writer) -> None:
    t = w.template
    stamp = dt.datetime.combine(t.date, dt.time()).isoformat()
    w.doc.meta.addElement(dc.Title(text=t.title))
    w.doc.meta.addElement(dc.Description(text=t.summary))
    w.doc.meta.addElement(dc.Language(text="nb-NO"))
    w.doc.meta.addElement(dc.Date(text=stamp))
    w.doc.meta.addElement(meta.CreationDate(text=stamp))
    w.doc.meta.addElement(meta.InitialCreator(text=strings.PUBLISHER))


def _package(w: _Writer) -> bytes:
    buffer = io.BytesIO()
    w.doc.write(buffer)
    return normalise_zip(buffer.getvalue(), w.template.date, first="mimetype")


def odt_sheet_skeleton(template: Template) -> bytes:
    """The poster's sheet with its slots still in (see ``sheet``): what the browser export fills."""
    Element.namespaces.clear()
    w = _SheetWriter(template, template.edit_paper, template.orientation, margin_mm=10)
    _metadata(w)
    w.write_sheet()
    return _package(w)


def render_odt(template: Template, *, flow: bool = False) -> bytes:
    """The editable ODT. A poster is one sheet like its PDF, unless ``flow``: then the sections
    follow each other on A4 portrait (the «tekstversjon»)."""
    if template.layout == "poster" and not flow:
        skeleton = odt_sheet_skeleton(template)
        return fill_package(skeleton, "odt", {}, sheet.default_rows(template), template.date)
    # odfpy keeps the namespaces it has seen in one dict shared by the whole process and declares
    # them all in every file; start from empty so a file's bytes do not depend on what came before.
    Element.namespaces.clear()
    if template.layout == "poster":
        w = _Writer(template, "A4", "portrait")
    else:
        w = _Writer(template, template.edit_paper, template.orientation)
    _metadata(w)
    write_template(w, template)
    if w.body.lastChild.tagName == "table:table":
        w.body.addElement(text.P(stylename=w.end_style))
    return _package(w)
