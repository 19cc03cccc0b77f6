"""Økonomi og gevinst: the data-source table and the methodology notebook.

- ``<!-- datakilder -->`` in a page becomes the table of every figure in the data files
  (``calculators.datakilder.render``); ``<!-- oppstart: … -->`` the start-up figures from the
  family model's data (``calculators.startup_cost``).
- The methodology notebook is checked before the build (``calculators.notebook.problems``): an
  error output or outputs that are stale stop it.
- Notebook pages (mkdocs-jupyter) have no front matter: their one-line description comes from
  the notebook's metadata, and nbconvert's MathJax and Mermaid loaders are removed (no other hosts, ever).
  Their links to Markdown pages (``metode-familie.md``) point at the pages, as MkDocs does in Markdown.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from calculators import datakilder, notebook, startup_cost
from calculators.declarations import DeclarationError
from veileder.html_fixes import link_markdown_files

MARKER = re.compile(r"<!--\s*datakilder\s*-->")


def on_pre_build(*, config: MkDocsConfig) -> None:
    if not notebook.NOTEBOOK.exists():
        return
    try:  # a model's data or code is checked before the notebook runs: its file and field, no traceback
        found = notebook.problems_remembered()
    except DeclarationError as error:
        raise PluginError(str(error)) from None
    if found:
        raise PluginError(
            f"{notebook.NOTEBOOK.relative_to(notebook.ROOT)}: " + "; ".join(found)
            + ". Lag den på nytt: .venv/bin/python -m calculators.notebook")


def _is_notebook(page: Page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


# Before hooks/pages.py checks that every page has a description.
@event_priority(100)
def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if _is_notebook(page):
        description = notebook.description(Path(page.file.abs_src_path))
        if description:
            page.meta["description"] = description
        return None
    if startup_cost.MARKER.search(markdown):
        try:
            markdown = startup_cost.render_markers(markdown, f"docs/{page.file.src_uri}")
        except (startup_cost.StartupError, DeclarationError) as error:
            raise PluginError(str(error)) from None
    if not MARKER.search(markdown):
        return markdown
    try:
        table = datakilder.render()
    except DeclarationError as error:
        raise PluginError(str(error)) from None
    return MARKER.sub(lambda _match: table, markdown)


def on_page_content(
    html: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if not _is_notebook(page):
        return None

    def url_of(link: str) -> str | None:
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), link)))
        return target.url_relative_to(page.file) if target is not None else None

    try:
        html = link_markdown_files(html, url_of, page.file.src_uri)
    except ValueError as error:
        raise PluginError(str(error)) from None
    return notebook.strip_external_loaders(html)
