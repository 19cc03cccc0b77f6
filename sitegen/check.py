"""First step of the stage: read every source once, so an authoring mistake stops the build with
one message naming the file, before anything expensive runs.

The loaders write the messages; ``sitegen.sources.check_sources`` calls them all (``mkdocs.yml``,
models, data YAML, templates, typfall, workshops, pages' front matter and markers, the notebook)
and ``veileder.laws`` checks the Lovdata links. This module calls the two and turns their errors
into ``StageError``; the stage relies on it having run (a page's front matter is sound, its
markers are known).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


class StageError(Exception):
    """An authoring mistake; the message names the file (and field) to fix."""


@dataclass
class Checked:
    warnings: list[str] = field(default_factory=list)


def run(docs: Path = DOCS, notebook: bool = True) -> Checked:
    """Check every source (``sitegen.sources.check_sources``: mkdocs.yml, models, data YAML,
    templates, typfall, workshops, pages, notebook unless ``notebook=False``; and the law register);
    raise ``StageError`` naming every mistake. ``python -m sitegen check`` runs it."""
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
        checked.warnings += [f"ADVARSEL (markør): {w}" for w in checks.check_sources(docs.parent, notebook=notebook)]
    except checks.SourceError as error:
        raise StageError(str(error)) from None
    checked.warnings += [f"ADVARSEL (prisår): {w}"
                         for w in prices.stale_price_years(registry.all_models(), datetime.date.today())]
    return checked
