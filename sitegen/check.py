"""First step of the stage: read every source once, so an authoring mistake stops the build with
one message naming the file, before anything expensive runs.

The loaders write the messages; ``sitegen.sources.check_sources`` calls them all (models, data
YAML, templates, typfall, workshops, pages' front matter and markers, the notebook) and
``veileder.laws`` checks the Lovdata links. This module calls the two and turns their errors into
``StageError``; ``front_matter`` and ``check_description`` are what the stage itself reads.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOT_PAGES = ("overrides/", "includes/")  # exclude_docs in mkdocs.yml
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


class StageError(Exception):
    """An authoring mistake; the message names the file (and field) to fix."""


@dataclass
class Checked:
    warnings: list[str] = field(default_factory=list)


def page_sources(docs: Path = DOCS) -> list[str]:
    """Every Markdown page under ``docs`` (as ``kom-i-gang/index.md``), sorted."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                  if not p.relative_to(docs).as_posix().startswith(NOT_PAGES))


def _yaml_problem(text: str) -> str:
    from veileder import yamltext

    try:
        data = yamltext.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"linje {mark.line + 2}, kolonne {mark.column + 1}: " if mark else ""
        return where + (getattr(error, "problem", None) or str(error).splitlines()[0])
    return f"må være felt: verdi, fikk {type(data).__name__}"


def front_matter(text: str, src: str) -> tuple[dict, str]:
    """``(meta, body)`` of a page; a front matter that is not a YAML mapping is an error."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match[1])
    except yaml.YAMLError:
        meta = None
    if not isinstance(meta, dict):
        raise StageError(f"{src}: front matter er ikke gyldig YAML: {_yaml_problem(match[1])}")
    return meta, text[match.end():]


def check_description(meta: dict, src: str) -> None:
    description = meta.get("description")
    if "description" in meta and not (isinstance(description, str) and description.strip()):
        raise StageError(f"{src}: front matter «description» må være én linje tekst, fikk {description!r}")
    if not isinstance(description, str) or not description.strip():
        raise StageError(
            f"{src}: front matter mangler 'description' (én linje som sier hva siden handler om), f.eks.\n"
            "---\ndescription: Slik forankrer dere velferdslaben politisk og administrativt.\n---")


def run(docs: Path = DOCS) -> Checked:
    """Check every source (``sitegen.sources.check_sources``: models, data YAML, templates, typfall,
    workshops, pages, notebook; and the law register); raise ``StageError`` naming every mistake."""
    from calculators.core import prices
    from calculators.engine import registry
    from sitegen import sources as checks
    from veileder import laws

    checked = Checked()
    try:
        laws.raise_for_problems(laws.check_sources())
    except (laws.LawLinkError, laws.LawRegisterError) as error:
        raise StageError(str(error)) from None
    try:
        checks.check_sources(docs.parent)
    except checks.SourceError as error:
        raise StageError(str(error)) from None
    checked.warnings += [f"ADVARSEL (prisår): {w}"
                         for w in prices.stale_price_years(registry.all_models(), datetime.date.today())]
    return checked
