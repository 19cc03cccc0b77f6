"""The editable formats (ODT, DOCX) as one flow of simple blocks; each format only writes blocks.

``write_template`` turns the template into calls on a ``FlowWriter``: heading, paragraph, hint,
bullet, strong line, and grid (a table, optionally with a header row and a minimum row height).
The field-type logic lives here once; ``render_odt`` and ``render_docx`` supply the writers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from documents.templates import strings
from documents.templates.template import FIELD_TYPES, Field, Template

LINE_MM = 7.5  # one handwritten line
ROW_MM = 9.0  # a table row or a fill-in line


class FlowWriter(Protocol):
    def heading(self, text: str, level: int, *, page_break: bool = False) -> None: ...
    def paragraph(self, text: str) -> None: ...
    def hint(self, text: str) -> None: ...
    def bullet(self, text: str) -> None: ...
    def strong(self, text: str) -> None: ...
    def grid(self, rows: list[list[str]], *, header: list[str] | None = None, row_mm: float = 0) -> None: ...
    # Form fields: a real box to tick and real fields to type in (ODF form controls, Word content
    # controls), not characters that only look like them.
    def checkbox(self, label: str, *, other: bool = False) -> None: ...
    def write_box(self, label: str, height_mm: float) -> None: ...
    def fill_in(self, labels: list[str], row_mm: float) -> None: ...
    def signature(self, signer: str, labels: list[str], row_mm: float) -> None: ...


def _text(w: FlowWriter, field: Field, section: str) -> None:
    for paragraph in (p.strip() for p in field.text.split("\n\n")):
        if paragraph:
            w.paragraph(paragraph)


def _list(w: FlowWriter, field: Field, section: str) -> None:
    for item in field.items:
        w.bullet(item)


def _write(w: FlowWriter, field: Field, section: str) -> None:
    w.write_box(section, field.lines * LINE_MM)


def _labels(w: FlowWriter, field: Field, section: str) -> None:
    w.fill_in(list(field.items), ROW_MM)


def _checklist(w: FlowWriter, field: Field, section: str) -> None:
    for item in field.items:
        w.checkbox(item)
    if field.other:
        w.checkbox(strings.OTHER, other=True)


def _table(w: FlowWriter, field: Field, section: str) -> None:
    blank = [""] * (len(field.columns) - 1)
    rows = [[item, *blank] for item in field.items] or [["", *blank] for _ in range(field.rows)]
    w.grid(rows, header=list(field.columns), row_mm=ROW_MM)


def _signatures(w: FlowWriter, field: Field, section: str) -> None:
    labels = [strings.PLACE_AND_DATE, strings.SIGNATURE, strings.NAME_IN_CAPITALS]
    for signer in field.items:  # each block stays on one page
        w.signature(signer, labels, ROW_MM + 1)


_FIELD_WRITERS: dict[str, Callable[[FlowWriter, Field, str], None]] = {
    "text": _text, "list": _list, "write": _write, "labels": _labels,
    "checklist": _checklist, "table": _table, "signatures": _signatures,
}  # fmt: skip
assert set(_FIELD_WRITERS) == set(FIELD_TYPES), "flow: every field type needs a writer"


def write_template(w: FlowWriter, template: Template) -> None:
    w.heading(template.title, 1)
    w.hint(strings.version_line(template.version, template.date))
    if template.intro:
        w.hint(template.intro)
    for section in template.sections:
        w.heading(section.title, 2, page_break=section.page_break)
        if section.hint:
            w.hint(section.hint)
        for field in section.fields:
            _FIELD_WRITERS[field.type](w, field, section.title)
