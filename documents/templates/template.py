"""A template declared as data: its metadata, paper sizes and sections of typed fields.

One YAML file in ``documents/templates/sources/`` per template. ``load_template`` reads it and checks it
strictly; every mistake raises ``TemplateSourceError`` naming the file, the line, the field (as a
path such as ``sections[2].fields[0].type``) and what would be valid. The renderers only ever see the frozen
dataclasses below, so they never need to guard against bad input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from veileder import yamltext

Paper = Literal["A1", "A3", "A4"]
PAPER_MM: dict[str, tuple[int, int]] = {"A1": (594, 841), "A3": (297, 420), "A4": (210, 297)}
"""Portrait width × height in millimetres (ISO 216)."""

Orientation = Literal["portrait", "landscape"]
Layout = Literal["document", "poster"]
FIELD_TYPES = ("text", "list", "write", "labels", "checklist", "table", "signatures")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
SUMMARY_MAX = 255


class TemplateSourceError(ValueError):
    """A template source is wrong. The message names the file, the line (where the field is, or
    the entry it is missing from) and the field: «…/samtykke.yaml, linje 42: sections[2].title: …»."""

    def __init__(self, path: Path | str, field: str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.field = field
        self.problem = problem
        self.line = line
        place = f"{self.path}, linje {line}" if line else self.path
        where = f"{place}: {field}" if field else place
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Field:
    """One piece of a section.

    ``text``: paragraphs (``text``); ``list``: bullet points (``items``); ``write``: empty space to
    write in, ``lines`` high; ``labels``: short fill-in lines (``items`` = labels); ``checklist``:
    boxes to tick (``items``), with an «Annet» line if ``other``; ``table``: ``columns`` with
    ``rows`` empty rows, or one row per entry of ``items`` (first column filled in);
    ``signatures``: one block per signer in ``items`` (name, date, signature).
    """

    type: str
    text: str = ""
    items: tuple[str, ...] = ()
    lines: int = 0
    columns: tuple[str, ...] = ()
    rows: int = 0
    other: bool = False


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]
    hint: str = ""
    area: str = ""
    page_break: bool = False


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    version: str
    date: dt.date
    summary: str
    when: str
    layout: Layout
    orientation: Orientation
    print_papers: tuple[Paper, ...]
    edit_paper: Paper
    sections: tuple[Section, ...]
    intro: str = ""
    poster_areas: tuple[str, ...] = ()
    order: int = 0
    source: Path = Path()

    def section_titles(self) -> tuple[str, ...]:
        return tuple(section.title for section in self.sections)


_TEMPLATE_KEYS = {
    "id": True, "title": True, "version": True, "date": True, "summary": True, "when": True,
    "layout": False, "orientation": False, "print_papers": True, "edit_paper": True,
    "sections": True, "intro": False, "poster_areas": False, "order": True,
}  # fmt: skip
_SECTION_KEYS = {"title": True, "fields": True, "hint": False, "area": False, "page_break": False}
_FIELD_KEYS: dict[str, dict[str, bool]] = {
    "text": {"text": True},
    "list": {"items": True},
    "write": {"lines": True},
    "labels": {"items": True},
    "checklist": {"items": True, "other": False},
    "table": {"columns": True, "rows": False, "items": False},
    "signatures": {"items": True},
}


class _Reader:
    """Checks one source file; every error knows the file and the path to the field."""

    def __init__(self, path: Path, lines: yamltext.Lines) -> None:
        self.path = path
        self.lines = lines

    def fail(self, field: str, problem: str) -> TemplateSourceError:
        return TemplateSourceError(self.path, field, problem, self.lines.at(field))

    def mapping(self, value: Any, where: str, keys: Mapping[str, bool]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, f"skal være en tabell med nøklene {', '.join(keys)}")
        for key in value:
            if key not in keys:
                raise self.fail(_join(where, str(key)), f"ukjent nøkkel; gyldige: {', '.join(keys)}")
        for key, required in keys.items():
            if required and key not in value:
                raise self.fail(_join(where, key), "mangler")
        return value

    def text(self, value: Any, where: str, *, allow_empty: bool = False) -> str:
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise self.fail(where, "skal være en tekst som ikke er tom")
        return value.strip()

    def texts(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(where, "skal være en liste med minst ett punkt")
        return tuple(self.text(item, f"{where}[{i}]") for i, item in enumerate(value))

    def count(self, value: Any, where: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(where, f"skal være et heltall fra {low} til {high}")
        return value

    def choice(self, value: Any, where: str, valid: tuple[str, ...]) -> str:
        if value not in valid:
            raise self.fail(where, f"ugyldig verdi {value!r}; gyldige: {', '.join(valid)}")
        return value

    def field(self, value: Any, where: str) -> Field:
        if not isinstance(value, Mapping) or "type" not in value:
            raise self.fail(_join(where, "type"), f"mangler; gyldige typer: {', '.join(FIELD_TYPES)}")
        kind = value["type"]
        if kind not in _FIELD_KEYS:
            raise self.fail(
                _join(where, "type"), f"ukjent felttype {kind!r}; gyldige: {', '.join(FIELD_TYPES)}"
            )
        body = self.mapping({k: v for k, v in value.items() if k != "type"}, where, _FIELD_KEYS[kind])
        parts: dict[str, Any] = {"type": kind}
        if "text" in body:
            parts["text"] = self.text(body["text"], _join(where, "text"))
        if "items" in body:
            parts["items"] = self.texts(body["items"], _join(where, "items"))
        if "lines" in body:
            parts["lines"] = self.count(body["lines"], _join(where, "lines"), 1, 40)
        if "columns" in body:
            parts["columns"] = self.texts(body["columns"], _join(where, "columns"))
        if "rows" in body:
            parts["rows"] = self.count(body["rows"], _join(where, "rows"), 1, 40)
        if "other" in body:
            if not isinstance(body["other"], bool):
                raise self.fail(_join(where, "other"), "skal være true eller false")
            parts["other"] = body["other"]
        if kind == "table" and not (parts.get("rows") or parts.get("items")):
            raise self.fail(_join(where, "rows"), "en tabell trenger «rows» (antall tomme rader) eller «items»")
        return Field(**parts)

    def section(self, value: Any, where: str) -> Section:
        body = self.mapping(value, where, _SECTION_KEYS)
        fields = body["fields"]
        if not isinstance(fields, list) or not fields:
            raise self.fail(_join(where, "fields"), "skal være en liste med minst ett felt")
        page_break = body.get("page_break", False)
        if not isinstance(page_break, bool):
            raise self.fail(_join(where, "page_break"), "skal være true eller false")
        return Section(
            title=self.text(body["title"], _join(where, "title")),
            fields=tuple(self.field(f, f"{where}.fields[{i}]") for i, f in enumerate(fields)),
            hint=self.text(body.get("hint", ""), _join(where, "hint"), allow_empty=True),
            area=self.text(body.get("area", ""), _join(where, "area"), allow_empty=True),
            page_break=page_break,
        )


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def load_template(path: Path) -> Template:
    """Read and check one template source; raise ``TemplateSourceError`` for any mistake."""
    try:
        raw, lines = yamltext.load_with_lines(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise TemplateSourceError(path, yamltext.error_place(error),
                                  f"ugyldig YAML: {yamltext.error_problem(error)}") from None
    reader = _Reader(path, lines)
    body = reader.mapping(raw, "", _TEMPLATE_KEYS)
    template_id = reader.text(body["id"], "id")
    if not ID_PATTERN.match(template_id) or template_id != path.stem:
        raise reader.fail("id", f"skal være lik filnavnet ({path.stem!r}) og bare bruke a–z, 0–9 og -")
    if not isinstance(body["date"], dt.date):
        raise reader.fail("date", "skal være en dato på formen 2026-11-23")
    papers = reader.texts(body["print_papers"], "print_papers")
    for i, paper in enumerate(papers):
        reader.choice(paper, f"print_papers[{i}]", tuple(PAPER_MM))
    summary = reader.text(body["summary"], "summary")
    if len(summary) > SUMMARY_MAX:
        # DOCX and ODT store it as the document's subject, which Word limits to 255 characters.
        raise reader.fail("summary", f"er {len(summary)} tegn; høyst {SUMMARY_MAX} (emnefeltet i DOCX)")
    sections = body["sections"]
    if not isinstance(sections, list) or not sections:
        raise reader.fail("sections", "skal være en liste med minst én del")
    template = Template(
        id=template_id,
        title=reader.text(body["title"], "title"),
        version=reader.text(str(body["version"]), "version"),
        date=body["date"],
        summary=summary,
        when=reader.text(body["when"], "when"),
        layout=reader.choice(body.get("layout", "document"), "layout", ("document", "poster")),  # type: ignore[arg-type]
        orientation=reader.choice(  # type: ignore[arg-type]
            body.get("orientation", "portrait"), "orientation", ("portrait", "landscape")
        ),
        print_papers=papers,  # type: ignore[arg-type]
        edit_paper=reader.choice(body["edit_paper"], "edit_paper", tuple(PAPER_MM)),  # type: ignore[arg-type]
        sections=tuple(reader.section(s, f"sections[{i}]") for i, s in enumerate(sections)),
        intro=reader.text(body.get("intro", ""), "intro", allow_empty=True),
        poster_areas=tuple(reader.texts(body["poster_areas"], "poster_areas")) if "poster_areas" in body else (),
        order=reader.count(body["order"], "order", 1, 999),
        source=path,
    )
    _check_poster(reader, template)
    return template


def _check_poster(reader: _Reader, template: Template) -> None:
    """A poster names a grid of areas; every area needs one section and every section an area."""
    if template.layout != "poster":
        if template.poster_areas:
            raise reader.fail("poster_areas", "brukes bare med layout: poster")
        return
    if not template.poster_areas:
        raise reader.fail("poster_areas", "mangler; en plakat trenger rader med områdenavn")
    rows = [row.split() for row in template.poster_areas]
    if len({len(row) for row in rows}) != 1:
        raise reader.fail("poster_areas", "alle rader må ha like mange områder")
    names = {name for row in rows for name in row}
    if "mote-og-familie" in names:  # sheet.MEETING: the slot for the duk's meeting and family
        raise reader.fail("poster_areas", "området «mote-og-familie» er reservert; bruk et annet navn")
    used = [section.area for section in template.sections]
    for i, area in enumerate(used):
        if area not in names:
            raise reader.fail(f"sections[{i}].area", f"{area!r} finnes ikke i poster_areas; gyldige: {', '.join(sorted(names))}")
    missing = names - set(used)
    if missing or len(used) != len(set(used)):
        raise reader.fail("poster_areas", f"hvert område skal brukes av nøyaktig én del; ubrukt: {', '.join(sorted(missing)) or '–'}")
    for name in sorted(names):  # CSS grid and the editable sheet's merged cells need rectangles
        cells = [(r, c) for r, row in enumerate(rows) for c, cell in enumerate(row) if cell == name]
        height = max(r for r, _ in cells) - min(r for r, _ in cells) + 1
        width = max(c for _, c in cells) - min(c for _, c in cells) + 1
        if len(cells) != height * width:
            raise reader.fail("poster_areas", f"området {name!r} er ikke et rektangel")


def load_templates(directory: Path) -> tuple[Template, ...]:
    """Every template source in ``directory``, in gallery order (``order``, then id)."""
    templates = [load_template(path) for path in sorted(directory.glob("*.yaml"))]
    return tuple(sorted(templates, key=lambda t: (t.order, t.id)))
