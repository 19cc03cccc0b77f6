"""The law register: Lovdata links must point to laws in ``veileder/lover.yaml`` that still apply.

Thin wiring; the work is in ``veileder.laws``. ``on_pre_build`` reads every page, template source
and data file and stops the build, naming file, line and link, for a link to a repealed law or to
one the register does not know. ``on_page_markdown`` replaces ``<!-- lovregister -->`` (on
«Kilder») with the list of laws.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from veileder import laws


def on_pre_build(*, config: MkDocsConfig) -> None:
    try:
        laws.raise_for_problems(laws.check_sources())
    except (laws.LawLinkError, laws.LawRegisterError) as error:
        raise PluginError(str(error)) from None


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    return laws.replace_marker(markdown)
