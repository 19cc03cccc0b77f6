"""Typfall: the worked cases in ``typfall/cases/``, their duk files and pages.

Thin wiring; the work is in ``typfall``. ``on_files`` checks and computes every case (a mistake
fails the build, naming file and field), makes sure each filled duk PDF and course handout exists (from the
content-hash cache when nothing changed), adds them and the digital duk's file under
``typfall/filer/``; ``on_page_markdown`` replaces the ``<!-- typfall… -->`` markers and gives a case
page checks that its one-line description is the case file's summary.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from typfall.build import build_cases
from typfall.cases import CaseError, duk_template
from typfall.render import MARKER, SITE_FOLDER, BuiltCase, MarkerError, render_markers
from veileder import site_address

log = get_plugin_logger(__name__)
_built: tuple[BuiltCase, ...] = ()


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    global _built
    try:
        _built, made = build_cases(site_url=site_address.published_url(config.site_url))
    except CaseError as error:
        raise PluginError(f"Feil i typfall: {error}") from None
    if made:
        log.info("Utfylte duker laget på nytt: %s", ", ".join(made))
    for built in _built:
        files.append(File.generated(config, f"{SITE_FOLDER}/{built.pdf_name}", abs_src_path=str(built.pdf)))
        files.append(File.generated(config, f"{SITE_FOLDER}/{built.json_name}", content=built.duk_json))
        files.append(File.generated(config, f"{SITE_FOLDER}/{built.handout.name}", abs_src_path=str(built.handout)))
    return files


def _url(docs_path: str, page: Page, files: Files) -> str:
    target = files.get_file_from_path(docs_path)
    if target is None:
        raise PluginError(f"{page.file.src_uri}: kalkulatorsiden {docs_path} finnes ikke i bygget")
    return get_relative_url(target.url, page.url)


# Before hooks/pages.py checks that every page has a description.
@event_priority(100)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(markdown):
        return None
    for built in _built:
        if f"typfall: {built.case.id}" in markdown and page.meta.get("description") != built.case.summary:
            raise PluginError(f"{page.file.src_uri}: front matter «description» skal være lik «summary» i "
                              f"typfall/cases/{built.case.source.name}: {built.case.summary}")
    try:
        return render_markers(markdown, _built, duk_template(), page.file.src_uri,
                              lambda path: _url(path, page, files))
    except MarkerError as error:
        raise PluginError(str(error)) from None
