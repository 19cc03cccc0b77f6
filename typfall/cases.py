"""The worked cases (typfall): one YAML file per fictional family in ``typfall/cases/``, checked.

``load_cases`` reads every file, checks each field (keys, types, the story's length, the duk's boxes
against the arbeidsduk template, that every service on the team is covered by a consent, that every
written decision names the service that makes it) and computes the case's scenario with the
calculators (``typfall.numbers``). The first mistake raises ``CaseError`` naming the file, the line
and the field, in Norwegian («typfall/cases/barnevern.yaml, linje 3: order: …»), and so stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from documents.templates.template import Template, load_template
from veileder import yamltext

CASES_DIR = Path(__file__).with_name("cases")
ROOT = Path(__file__).resolve().parent.parent
DUK_SOURCE = ROOT / "documents" / "templates" / "sources" / "arbeidsduk.yaml"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
STORY_MAX_WORDS = 600
DECISION_KINDS = {"vedtak": "Skriftlig enkeltvedtak", "avtale": "Avtale, ikke vedtak"}
FAMILY = "familien"
"""The team's members from the family itself: no consent is needed for their own information."""

_KEYS = {
    "id": True, "order": True, "title": True, "group": True, "summary": True, "story": True,
    "way_in": True, "team": True, "duk": True, "decisions": True, "numbers": True, "follow_up": True,
}  # fmt: skip
_WAY_IN_KEYS = {"asked": True, "consents": True, "not_shared": True}
_CONSENT_KEYS = {"person": True, "services": True, "covers": True}
_MEMBER_KEYS = {"role": True, "service": True, "why": True, "authority": True}
_DECISION_KEYS = {"measure": True, "kind": True, "service": True, "by": True}
_NUMBERS_KEYS = {"model": True, "preset": False, "values": False, "why": True}
_FOLLOW_UP_KEYS = {"six_months": True, "twelve_months": True, "not_changed": True}


class CaseError(ValueError):
    """A case file with a mistake; the message names the file, the line and the field."""


@dataclass(frozen=True)
class Consent:
    person: str
    services: tuple[str, ...]
    covers: str


@dataclass(frozen=True)
class Member:
    role: str
    service: str
    why: str
    authority: str


@dataclass(frozen=True)
class Decision:
    measure: str
    kind: str  # a key of DECISION_KINDS
    service: str
    by: str


@dataclass(frozen=True)
class Numbers:
    model: str
    preset: str | None
    values: Mapping[str, float]
    why: str


@dataclass(frozen=True)
class Case:
    id: str
    order: int
    title: str
    group: str
    summary: str
    story: str
    asked: str
    consents: tuple[Consent, ...]
    not_shared: tuple[str, ...]
    team: tuple[Member, ...]
    duk: Mapping[str, Any]  # area → text, or (for tables) a list of rows of texts
    decisions: tuple[Decision, ...]
    numbers: Numbers
    follow_up: Mapping[str, str]
    source: Path
    lines: yamltext.Lines = field(default_factory=yamltext.Lines, compare=False, repr=False)
    """Where each field is in ``source``, for mistakes found later (``typfall.numbers``)."""

    def place(self, where: str) -> str:
        """``typfall/cases/<file>, linje N`` for the field ``where``, as messages name it."""
        return self.lines.place(f"typfall/cases/{self.source.name}", where)


class _Reader:
    """Checks one file; every error names the file and the path to the field."""

    def __init__(self, path: Path, lines: yamltext.Lines) -> None:
        self.path = path
        self.lines = lines

    def fail(self, where: str, problem: str) -> CaseError:
        return CaseError(f"{self.lines.place(f'typfall/cases/{self.path.name}', where)}: {where}: {problem}")

    def table(self, raw: Any, where: str, keys: Mapping[str, bool]) -> Mapping[str, Any]:
        if not isinstance(raw, Mapping):
            raise self.fail(where or "filen", f"skal være en tabell med nøklene {', '.join(keys)}")
        for key in raw:
            if key not in keys:
                raise self.fail(f"{where}.{key}" if where else str(key), f"ukjent nøkkel; gyldige: {', '.join(keys)}")
        for key, required in keys.items():
            if required and key not in raw:
                raise self.fail(f"{where}.{key}" if where else key, "mangler")
        return raw

    def text(self, raw: Any, where: str) -> str:
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail(where, "skal være en tekst som ikke er tom")
        return " ".join(raw.split()) if "\n\n" not in raw.strip() else raw.strip()

    def texts(self, raw: Any, where: str) -> tuple[str, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail(where, "skal være en liste som ikke er tom")
        return tuple(self.text(item, f"{where}[{i}]") for i, item in enumerate(raw))

    def items(self, raw: Any, where: str) -> list[Any]:
        if not isinstance(raw, list) or not raw:
            raise self.fail(where, "skal være en liste som ikke er tom")
        return raw


def duk_template() -> Template:
    """The blank arbeidsduk: the source of the boxes a case must fill."""
    return load_template(DUK_SOURCE)


def _duk(r: _Reader, raw: Any, template: Template) -> dict[str, Any]:
    areas = {s.area: s for s in template.sections if s.area}
    r.table(raw, "duk", {area: True for area in areas})
    duk: dict[str, Any] = {}
    for area, section in areas.items():
        where = f"duk.{area}"
        table = next((f for f in section.fields if f.type == "table"), None)
        if table is None:
            duk[area] = r.text(raw[area], where)
            continue
        rows = r.items(raw[area], where)
        for i, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != len(table.columns):
                raise r.fail(f"{where}[{i}]", f"skal være en rad med {len(table.columns)} tekster: "
                             f"{', '.join(table.columns)}")
            for c, cell in enumerate(row):
                r.text(cell, f"{where}[{i}][{c}]")
        duk[area] = [[" ".join(str(cell).split()) for cell in row] for row in rows]
    return duk


def _numbers(r: _Reader, raw: Any) -> Numbers:
    raw = r.table(raw, "numbers", _NUMBERS_KEYS)
    values = raw.get("values") or {}
    if not isinstance(values, Mapping):
        raise r.fail("numbers.values", "skal være en tabell input-id: tall")
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise r.fail(f"numbers.values.{key}", "skal være et tall")
    preset = raw.get("preset")
    if preset is not None and not isinstance(preset, str):
        raise r.fail("numbers.preset", "skal være id-en til et forhåndsvalg")
    return Numbers(model=r.text(raw["model"], "numbers.model"), preset=preset,
                   values={k: float(v) for k, v in values.items()}, why=r.text(raw["why"], "numbers.why"))


def _consents(r: _Reader, raw: Any) -> tuple[Consent, ...]:
    consents = []
    for i, item in enumerate(r.items(raw, "way_in.consents")):
        where = f"way_in.consents[{i}]"
        item = r.table(item, where, _CONSENT_KEYS)
        consents.append(Consent(r.text(item["person"], f"{where}.person"),
                                r.texts(item["services"], f"{where}.services"),
                                r.text(item["covers"], f"{where}.covers")))
    return tuple(consents)


def _team(r: _Reader, raw: Any, consents: tuple[Consent, ...]) -> tuple[Member, ...]:
    covered = {service for consent in consents for service in consent.services}
    team = []
    for i, item in enumerate(r.items(raw, "team")):
        where = f"team[{i}]"
        item = r.table(item, where, _MEMBER_KEYS)
        member = Member(*(r.text(item[k], f"{where}.{k}") for k in _MEMBER_KEYS))
        if member.service != FAMILY and member.service not in covered:
            raise r.fail(f"{where}.service", f"«{member.service}» er ikke med i noe samtykke "
                         f"(way_in.consents); tjenester med samtykke: {', '.join(sorted(covered))}")
        team.append(member)
    return tuple(team)


def _decisions(r: _Reader, raw: Any, team: tuple[Member, ...]) -> tuple[Decision, ...]:
    services = {m.service for m in team if m.service != FAMILY}
    decisions = []
    for i, item in enumerate(r.items(raw, "decisions")):
        where = f"decisions[{i}]"
        item = r.table(item, where, _DECISION_KEYS)
        decision = Decision(*(r.text(item[k], f"{where}.{k}") for k in _DECISION_KEYS))
        if decision.kind not in DECISION_KINDS:
            raise r.fail(f"{where}.kind", f"«{decision.kind}»; gyldige: {', '.join(DECISION_KINDS)}")
        if decision.service not in services:
            raise r.fail(f"{where}.service", f"«{decision.service}» sitter ikke i teamet; "
                         f"tjenester i teamet: {', '.join(sorted(services))}")
        decisions.append(decision)
    return tuple(decisions)


def read_case(path: Path, template: Template) -> Case:
    """One case file, checked (not yet computed: see ``typfall.numbers``)."""
    try:
        raw, lines = yamltext.load_with_lines(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        place = ", ".join(filter(None, (f"typfall/cases/{path.name}", yamltext.error_place(error))))
        raise CaseError(f"{place}: ugyldig YAML: {yamltext.error_problem(error)}") from None
    r = _Reader(path, lines)
    raw = r.table(raw, "", _KEYS)
    case_id = r.text(raw["id"], "id")
    if not ID_PATTERN.match(case_id) or case_id != path.stem:
        raise r.fail("id", f"skal være lik filnavnet uten .yaml («{path.stem}») og bare bruke a–z, 0–9 og -")
    if isinstance(raw["order"], bool) or not isinstance(raw["order"], int):
        raise r.fail("order", "skal være et heltall (rekkefølgen i oversikten)")
    story = r.text(raw["story"], "story")
    words = len(story.split())
    if words > STORY_MAX_WORDS:
        raise r.fail("story", f"har {words} ord; høyst {STORY_MAX_WORDS}")
    way_in = r.table(raw["way_in"], "way_in", _WAY_IN_KEYS)
    consents = _consents(r, way_in["consents"])
    team = _team(r, raw["team"], consents)
    follow_up = r.table(raw["follow_up"], "follow_up", _FOLLOW_UP_KEYS)
    return Case(
        id=case_id, order=raw["order"], title=r.text(raw["title"], "title"), group=r.text(raw["group"], "group"),
        summary=r.text(raw["summary"], "summary"), story=story,
        asked=r.text(way_in["asked"], "way_in.asked"), consents=consents,
        not_shared=r.texts(way_in["not_shared"], "way_in.not_shared"), team=team,
        duk=_duk(r, raw["duk"], template), decisions=_decisions(r, raw["decisions"], team),
        numbers=_numbers(r, raw["numbers"]),
        follow_up={k: r.text(follow_up[k], f"follow_up.{k}") for k in _FOLLOW_UP_KEYS},
        source=path, lines=lines,
    )


def read_cases(directory: Path = CASES_DIR) -> tuple[Case, ...]:
    """Every case in ``directory``, checked, in their ``order``; ids and orders must be unique."""
    template = duk_template()
    cases = [read_case(path, template) for path in sorted(directory.glob("*.yaml"))]
    if not cases:
        raise CaseError(f"{directory.name}/: fant ingen typfall (*.yaml)")
    orders: dict[int, str] = {}
    for case in cases:
        if case.order in orders:
            raise CaseError(f"{case.place('order')}: order: {case.order} er brukt av «{orders[case.order]}»")
        orders[case.order] = case.id
    return tuple(sorted(cases, key=lambda c: c.order))
