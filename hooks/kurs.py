"""Workshops (Kurs): the scenarios in ``workshops/scenarios.yaml`` and their handouts.

Thin wiring; the work is in ``workshops``. ``on_files`` checks and computes every scenario (a
broken one fails the build, naming file, scenario and field), makes sure each handout PDF exists
(from the content-hash cache when nothing changed) and adds them under ``kurs/filer/``;
``on_page_markdown`` replaces the ``<!-- scenario… -->`` markers.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from veileder import site_address
from workshops.embed import MarkerError, render_markers
from workshops.handouts import SITE_FOLDER, Handout, build_handouts
from workshops.scenarios import ScenarioError, load_scenarios

log = get_plugin_logger(__name__)
_handouts: tuple[Handout, ...] = ()


def published_url(config: MkDocsConfig) -> str:
    """Where the site is published (QR codes and printed links point there)."""
    return site_address.published_url(config.site_url)


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    global _handouts
    try:
        scenarios = load_scenarios()
    except ScenarioError as error:
        raise PluginError(f"Feil i kursscenario: workshops/{error}") from None
    _handouts, made = build_handouts(scenarios, published_url(config))
    if made:
        log.info("Utdelingsark laget på nytt: %s", ", ".join(made))
    for handout in _handouts:
        files.append(File.generated(config, f"{SITE_FOLDER}/{handout.filename}", abs_src_path=str(handout.path)))
    return files


def _url(docs_path: str, page: Page, files: Files) -> str:
    """The URL of the page ``docs_path`` relative to ``page``, as this build writes URLs."""
    target = files.get_file_from_path(docs_path)
    if target is None:
        raise PluginError(f"{page.file.src_uri}: kalkulatorsiden {docs_path} finnes ikke i bygget")
    return get_relative_url(target.url, page.url)


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!-- scenario" not in markdown:
        return None
    try:
        return render_markers(markdown, _handouts, page.file.src_uri, lambda path: _url(path, page, files))
    except MarkerError as error:
        raise PluginError(str(error)) from None
