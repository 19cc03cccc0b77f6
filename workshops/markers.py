"""Markers in the workshop pages (``docs/kurs/``), each alone on its line:

- ``<!-- scenario: <id> -->`` — one scenario: the question, the figure the calculator shows, a
  link that opens it and its A4 handout;
- ``<!-- scenarioer -->`` — every handout as a table (for the trainer's print list).

Handout links are Markdown links relative to the page's source file (MkDocs checks them in strict
mode). Scenario links carry the scenario in the fragment, which MkDocs would check as a heading
anchor, so they are HTML links to the URL MkDocs gives the calculator page (``link_to``: directory
URLs on the site, ``.html`` files in the offline copy). Unknown ids fail the build, naming the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from html import escape

from documents.templates.strings import format_size
from workshops.handouts import SITE_FOLDER, Handout

MARKER = re.compile(r"^<!--\s*scenario(?P<all>er)?(?::\s*(?P<id>[a-z0-9-]*))?\s*-->[ \t]*$", re.MULTILINE)


class MarkerError(ValueError):
    """A scenario marker naming no scenario; the message names the page and the ids there are."""


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _open_link(handout: Handout, text: str, link_to: Callable[[str], str]) -> str:
    return f'<a href="{escape(handout.scenario.link(link_to(handout.scenario.page)))}">{escape(text)}</a>'


def scenario_block(handout: Handout, page: str, link_to: Callable[[str], str]) -> str:
    s = handout.scenario
    pdf = _relative(f"{SITE_FOLDER}/{handout.filename}", page)
    split = f"    - {s.split_title}: {'; '.join(s.split)}\n" if s.split else ""
    return (
        f'!!! example "Scenario: {s.title}"\n\n'
        f"    {s.question}\n\n"
        f"    - Kalkulatoren viser, med disse forutsetningene: **{s.figure.label}**: "
        f"{'; '.join(s.reading) if s.reading else s.figure_text}\n"
        f"{split}"
        f"    - {_open_link(handout, 'Åpne scenarioet i kalkulatoren', link_to)}\n"
        f"    - [Utdelingsark med QR-kode (PDF, A4, {format_size(handout.size)})]({pdf})\n"
    )


def handout_table(handouts: tuple[Handout, ...], page: str, link_to: Callable[[str], str]) -> str:
    rows = ["| Øvelse | Scenario | Utdelingsark |", "|---|---|---|"]
    for h in handouts:
        pdf = _relative(f"{SITE_FOLDER}/{h.filename}", page)
        rows.append(f"| {h.scenario.exercise} | {_open_link(h, h.scenario.title, link_to)} "
                    f"| [PDF, {format_size(h.size)}]({pdf}) |")
    return "\n".join(rows) + "\n"


def render_markers(markdown: str, handouts: tuple[Handout, ...], page: str,
                   link_to: Callable[[str], str] = lambda path: path) -> str:
    by_id = {h.scenario.id: h for h in handouts}

    def replace(match: re.Match) -> str:
        if match.group("all"):
            return handout_table(handouts, page, link_to)
        scenario_id = match.group("id") or ""
        if scenario_id not in by_id:
            raise MarkerError(f"{page}: <!-- scenario: {scenario_id} --> – ukjent scenario; "
                              f"finnes: {', '.join(by_id)} (workshops/scenarios.yaml)")
        return scenario_block(by_id[scenario_id], page, link_to)

    return MARKER.sub(replace, markdown)
