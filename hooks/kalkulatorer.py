"""Calculators: ``<!-- kalkulator: <id> -->`` in a page becomes that model's calculator.

Thin wiring; the work is in ``calculators.embed`` (markers), ``calculators.render`` (HTML) and
``calculators.bundle`` (the model's JavaScript, written into the site after the build).
"""

from __future__ import annotations

import datetime
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from calculators import embed, prices, profile, registry
from calculators.declarations import DeclarationError

log = get_plugin_logger(__name__)
_assets: dict[str, str] = {}
"""Model files the pages of this build use: site path -> JavaScript (reset every build)."""


def on_pre_build(*, config: MkDocsConfig) -> None:
    _assets.clear()
    # A stale price year is a notice, not an error: printed (not logged) so --strict still builds;
    # the pages themselves always say which price year and grunnbeløp they use.
    # Loading every model here checks every model's YAML and outputs before any page is built; a
    # mistake stops the build with one message naming the YAML file and each field.
    try:
        models = registry.all_models()
    except DeclarationError as error:
        raise PluginError(str(error)) from None
    for warning in prices.stale_price_years(models, datetime.date.today()):
        print(f"ADVARSEL (prisår): {warning}", file=sys.stderr)


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    # Issue 29: the profile templates and scripts, from the pure calculators.profile.files().
    for path, data in profile.files().items():
        files.append(File.generated(config, path, content=data))
    return files


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if "<!-- egne-tall" in markdown:  # issue 29: the profile page's downloads, lines and importer
        return profile.render_markers(markdown, page.file.src_uri, lambda path: get_relative_url(path, page.url))
    try:
        ids = embed.marker_ids(markdown, page.file.src_uri)
    except (embed.MarkerError, DeclarationError) as error:
        raise PluginError(str(error)) from None
    if ids:  # a calculator page: its width goes to the form and the results beside it
        hide = list(page.meta.get("hide") or [])
        page.meta["hide"] = [*hide, "navigation"] if "navigation" not in hide else hide
    return None


def on_page_content(
    html: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if not embed.MARKER.search(html):
        return None
    try:
        html = embed.embed(html, page.file.src_uri,
                           lambda path: get_relative_url(path, page.url), _assets)
    except (embed.MarkerError, DeclarationError) as error:
        raise PluginError(str(error)) from None
    embed.add_to_toc(page.toc, html)
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    embed.write_assets(config.site_dir, _assets)
    log.debug("kalkulatorer: %s", ", ".join(sorted(_assets)))
