"""Markers in the workshop pages (``docs/kurs/``), each alone on its line:

- ``<!-- scenario: <id> -->`` — one scenario: the question, the figure the calculator shows, a
  link that opens it and its A4 handout;
- ``<!-- scenarioer -->`` — every handout as a table (for the trainer's print list).

Output is Markdown with links relative to the page's source file, so MkDocs checks in strict mode
that the calculator page and the handout exist, and rewrites them for any URL style (the offline
copy uses ``.html`` files). Unknown ids fail the build, naming the page.
"""

from __future__ import annotations

import posixpath
import re

from doc_templates.strings import format_size
from workshops.handouts import SITE_FOLDER, Handout

MARKER = re.compile(r"^<!--\s*scenario(?P<all>er)?(?::\s*(?P<id>[a-z0-9-]*))?\s*-->[ \t]*$", re.MULTILINE)


class MarkerError(ValueError):
    """A scenario marker naming no scenario; the message names the page and the ids there are."""


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def scenario_block(handout: Handout, page: str) -> str:
    s = handout.scenario
    link = s.link(_relative(s.page, page))
    pdf = _relative(f"{SITE_FOLDER}/{handout.filename}", page)
    return (
        f'!!! example "Scenario: {s.title}"\n\n'
        f"    {s.question}\n\n"
        f"    - Kalkulatoren viser: **{s.figure.label}: {s.figure_text}**\n"
        f"    - [Åpne scenarioet i kalkulatoren]({link})\n"
        f"    - [Utdelingsark med QR-kode (PDF, A4, {format_size(handout.size)})]({pdf})\n"
    )


def handout_table(handouts: tuple[Handout, ...], page: str) -> str:
    rows = ["| Øvelse | Scenario | Utdelingsark |", "|---|---|---|"]
    for h in handouts:
        pdf = _relative(f"{SITE_FOLDER}/{h.filename}", page)
        rows.append(f"| {h.scenario.exercise} | [{h.scenario.title}]({h.scenario.link(_relative(h.scenario.page, page))}) "
                    f"| [PDF, {format_size(h.size)}]({pdf}) |")
    return "\n".join(rows) + "\n"


def render_markers(markdown: str, handouts: tuple[Handout, ...], page: str) -> str:
    by_id = {h.scenario.id: h for h in handouts}

    def replace(match: re.Match) -> str:
        if match.group("all"):
            return handout_table(handouts, page)
        scenario_id = match.group("id") or ""
        if scenario_id not in by_id:
            raise MarkerError(f"{page}: <!-- scenario: {scenario_id} --> – ukjent scenario; "
                              f"finnes: {', '.join(by_id)} (workshops/scenarios.yaml)")
        return scenario_block(by_id[scenario_id], page)

    return MARKER.sub(replace, markdown)
