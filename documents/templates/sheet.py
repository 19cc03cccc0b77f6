"""A poster template (the duk) as ONE editable sheet: the PDF's grid as a table with merged cells.

``boxes`` turns ``poster_areas`` into table cells with row and column spans, in reading order;
``render_odt`` and ``render_docx`` draw that table, so LibreOffice and Word show the same grid as the
PDF. Every place to write holds a *slot*, a token such as ``⟦vl:situasjon⟧`` (a box) or
``⟦vl:tiltak:0⟧`` (a column of a table row). ``fill`` replaces the slots with text: with nothing for
the downloadable template, and — in the browser, by ``duk-eksport.js``, which mirrors ``fill`` line
for line — with what the team typed in the digital duk. So the blank sheet and the filled one are
the same document, made once from the same source.

A table row holding slots is a row template: ``fill`` writes it once per row of the entry (at least
the source's ``rows``), so rows added in the browser come out in the file too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from documents.templates.template import Field, Section, Template

SLOT = re.compile(r"⟦vl:([a-z0-9-]+)(?::(\d+))?⟧")
# Characters XML 1.0 does not allow; a pasted text may hold them. Removed, like duk-eksport.js does.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text_slot(area: str) -> str:
    return f"⟦vl:{area}⟧"


MEETING = "mote-og-familie"
"""The slot after the sheet's title: « – Familie: … · Møtedato: …» from the digital duk (duk.js),
nothing in the downloadable template. Not an area name a template may use."""


def cell_slot(area: str, column: int) -> str:
    return f"⟦vl:{area}:{column}⟧"


@dataclass(frozen=True)
class Box:
    section: Section
    row: int
    column: int
    rows: int
    columns: int

    @property
    def table(self) -> Field | None:
        """The box's table field, if it is a table box (the duk's Tiltak)."""
        return next((f for f in self.section.fields if f.type == "table"), None)


def boxes(template: Template) -> tuple[Box, ...]:
    """One box per section, placed and spanned as in the poster grid, in reading order."""
    grid = [row.split() for row in template.poster_areas]
    placed = []
    for section in template.sections:
        cells = [(r, c) for r, row in enumerate(grid) for c, name in enumerate(row) if name == section.area]
        top, left = min(r for r, _ in cells), min(c for _, c in cells)
        bottom, right = max(r for r, _ in cells), max(c for _, c in cells)
        if len(cells) != (bottom - top + 1) * (right - left + 1):
            raise ValueError(f"{template.source}: poster_areas: området {section.area!r} er ikke et rektangel")
        placed.append(Box(section, top, left, bottom - top + 1, right - left + 1))
    return tuple(sorted(placed, key=lambda box: (box.row, box.column)))


def grid_size(template: Template) -> tuple[int, int]:
    return len(template.poster_areas), len(template.poster_areas[0].split())


def default_rows(template: Template) -> dict[str, int]:
    """Rows each table box starts with (the source's ``rows``)."""
    return {box.section.area: (box.table.rows or len(box.table.items)) for box in boxes(template) if box.table}


# ---- Filling the slots. Keep in step with documents/runtime/duk-eksport.js.

def _clean(value: object) -> str:
    text = value if isinstance(value, str) else ""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _odt_line(line: str) -> str:
    line = _escape(line).replace("\t", "<text:tab/>")
    line = re.sub(r" {2,}", lambda m: " " + f'<text:s text:c="{len(m[0]) - 1}"/>', line)
    return "<text:s/>" + line[1:] if line.startswith(" ") else line


def _docx_line(line: str) -> str:
    return _escape(line).replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')


def text_xml(value: object, fmt: str) -> str:
    """The text as it goes into a slot: escaped, line breaks and spaces kept."""
    lines = _clean(value).split("\n")
    if fmt == "odt":
        return "<text:line-break/>".join(_odt_line(line) for line in lines)
    return '</w:t><w:br/><w:t xml:space="preserve">'.join(_docx_line(line) for line in lines)


_ROW_TAGS = {"odt": ("<table:table-row", "</table:table-row>"), "docx": ("<w:tr", "</w:tr>")}


def _row_start(xml: str, tag: str, before: int) -> int:
    """Start of the innermost row element that opens before ``before`` (not «<w:trPr», «…-rows»)."""
    return max(xml.rfind(tag + ">", 0, before), xml.rfind(tag + " ", 0, before))


def fill(xml: str, fmt: str, fields: Mapping[str, object], rows: Mapping[str, int]) -> str:
    """Replace every slot in one XML part; ``rows``: how many rows each table starts with."""
    open_tag, close_tag = _ROW_TAGS[fmt]
    for area, minimum in rows.items():
        first = xml.find(f"⟦vl:{area}:")
        if first < 0:
            continue
        start = _row_start(xml, open_tag, first)
        end = xml.index(close_tag, xml.rfind(f"⟦vl:{area}:")) + len(close_tag)
        template = xml[start:end]
        entry = fields.get(area)
        values = [row for row in entry if isinstance(row, list)] if isinstance(entry, list) else []
        count = max(len(values), minimum, 1)
        filled = []
        for r in range(count):
            row = values[r] if r < len(values) else []

            def cell(m: re.Match[str], row: list = row) -> str:
                return text_xml(row[int(m[2])] if m[2] is not None and int(m[2]) < len(row) else "", fmt)

            filled.append(SLOT.sub(cell, template))
        xml = xml[:start] + "".join(filled) + xml[end:]
    return SLOT.sub(lambda m: text_xml(fields.get(m[1]) if m[2] is None else "", fmt), xml)
