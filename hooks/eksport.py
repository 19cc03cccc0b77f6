"""Downloads of the whole guide: «Hele veilederen som PDF» and the copy for use without a network.

Thin wiring; the work is in ``export.guide_pdf`` and ``export.offline``.

- ``on_files`` adds both files (empty until ``on_post_build``) so pages can link to them.
- ``on_page_markdown`` replaces ``<!-- nedlasting: pdf -->`` and ``<!-- nedlasting: uten-nett -->``.
- ``on_page_content`` keeps each page's finished HTML (this hook runs after the others).
- ``on_post_build`` makes the PDF from the pages in navigation order and the offline copy by a
  second build, each cached by content hash; ``mkdocs serve`` skips both (links stay empty).
  In the offline build itself, the PDF is copied from the online build and the zip is left out.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from doc_templates.cache import cached_entry
from doc_templates.strings import format_size
from export import guide_pdf, offline
from veileder import site_address

log = get_plugin_logger(__name__)
FOLDER = "nedlasting"
PDF_PATH = f"{FOLDER}/{guide_pdf.FILENAME}"
ZIP_PATH = f"{FOLDER}/{offline.FILENAME}"
CACHE = Path(__file__).resolve().parent.parent / ".cache"
MARKER = re.compile(r"^<!--\s*nedlasting:\s*(?P<what>[a-z-]*)\s*-->[ \t]*$", re.MULTILINE)
# A download's size is known only once the file is made (on_post_build): the link text holds this
# slot until then, and the built pages get the size (the PDF, which is made from them, none).
SIZE_SLOT = "@@vl-size:{path}@@"  # ASCII: the search index escapes anything else
PLACEHOLDER_BANNER = (
    f'<div class="admonition warning"><p class="admonition-title">{site_address.NOTICE}</p>'
    "<p>Denne kopien ble laget uten adressen nettstedet skal ligge på. Lenkene og QR-kodene peker på en "
    "adresse som ikke finnes.</p></div>"
)
_state: dict = {"command": "build", "nav": None, "pages": {}}


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _state["pages"] = {}
    if not offline.is_offline_build():
        if _state["command"] == "build" and site_address.is_placeholder(config.site_url):
            # Printed, not logged: a warning would stop a --strict build, and a test build needs no address.
            print(site_address.BUILD_WARNING, file=sys.stderr)
        return None
    # The offline plugin adds a Worker shim from a web host; use our copy, and no instant
    # navigation (it fetches pages, which browsers refuse for file://).
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, offline.SHIM_SITE_PATH]
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if f != "navigation.instant"]
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    files.append(File.generated(config, PDF_PATH, content=b""))
    if offline.is_offline_build():
        files.append(File.generated(config, offline.SHIM_SITE_PATH, abs_src_path=str(offline.SHIM)))
    else:
        files.append(File.generated(config, ZIP_PATH, content=b""))
    return files


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    _state["nav"] = nav
    return None


def _link(text: str, target: str, page: Page) -> str:
    return f"[{text}]({posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or '.')})"


def _size_slot(path: str) -> str:
    # ``mkdocs serve`` makes neither file (on_post_build), so it has no size to give.
    return "" if _state["command"] == "serve" else SIZE_SLOT.format(path=path)


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!-- nedlasting" not in markdown:
        return None

    def replace(match: re.Match) -> str:
        what = match.group("what")
        if what == "pdf":
            text = f"Hele veilederen som PDF (A4, med innholdsliste{_size_slot(PDF_PATH)})"
            return _link(text, PDF_PATH, page) + "{ .md-button }"
        if what == "uten-nett":
            if offline.is_offline_build():
                return "*Du bruker nå kopien for bruk uten nett.*"
            text = f"Last ned nettstedet for bruk uten nett (zip{_size_slot(ZIP_PATH)})"
            return _link(text, ZIP_PATH, page) + "{ .md-button }"
        raise PluginError(f"{page.file.src_uri}: <!-- nedlasting: {what} --> – ukjent; gyldige: pdf, uten-nett")

    return MARKER.sub(replace, markdown)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    _state["pages"][page.file.src_uri] = html
    if offline.is_offline_build() and site_address.is_placeholder(config.site_url):
        return PLACEHOLDER_BANNER + html
    return None


def _fill_sizes(site_dir: Path, sizes: dict[str, int | None]) -> None:
    """Every slot for ``path`` in the built pages and the search index becomes «, 4,2 MB» (or
    nothing, for None: the PDF's own copy of a page does not know its size)."""
    texts = {SIZE_SLOT.format(path=path): f", {format_size(size)}" if size is not None else ""
             for path, size in sizes.items()}
    for path in [*site_dir.rglob("*.html"), *site_dir.glob("search/*.json"), *site_dir.glob("search/*.js")]:
        content = path.read_text(encoding="utf-8")
        if "@@vl-size:" in content:
            for slot, text in texts.items():
                content = content.replace(slot, text)
            path.write_text(content, encoding="utf-8")


def _without(html: str, slots: dict[str, str]) -> str:
    for slot, text in slots.items():
        html = html.replace(slot, text)
    return html


def _nav_titles(items: list) -> dict[str, str]:
    """Titles the navigation gives pages (``{"Sjekkliste": "kom-i-gang/sjekkliste.md"}``)."""
    titles: dict[str, str] = {}
    for item in items or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(_nav_titles(value))
    return titles


def _guide_pages(config: MkDocsConfig) -> list[guide_pdf.GuidePage]:
    pages: list[guide_pdf.GuidePage] = []
    titles = _nav_titles(config.nav)

    def walk(items: list, part: str) -> None:
        for item in items:
            if isinstance(item, Section):
                walk(item.children, part or item.title)
            elif isinstance(item, Page) and item.file.src_uri in _state["pages"]:
                title = titles.get(item.file.src_uri) or item.title or ""
                pages.append(guide_pdf.GuidePage(part, title, item.url, _state["pages"][item.file.src_uri]))

    walk(_state["nav"].items, "")
    return pages


def on_post_build(*, config: MkDocsConfig) -> None:
    if _state["command"] == "serve":
        return
    site_dir = Path(config.site_dir)
    if offline.is_offline_build():
        shutil.copyfile(os.environ[offline.PDF_ENV], site_dir / PDF_PATH)
        _fill_sizes(site_dir, {PDF_PATH: (site_dir / PDF_PATH).stat().st_size, ZIP_PATH: None})
        # 404.html is for a web server (it links assets from the site root); on disk it is never shown.
        (site_dir / "404.html").unlink(missing_ok=True)
        offline.link_files(site_dir)
        return
    site_url = site_address.published_url(config.site_url)
    slots = {SIZE_SLOT.format(path=p): "" for p in (PDF_PATH, ZIP_PATH)}
    pages = [dataclasses.replace(page, content=_without(page.content, slots)) for page in _guide_pages(config)]
    key = guide_pdf.cache_key(pages, site_url, site_dir)

    def make_pdf(directory: Path) -> None:
        (directory / guide_pdf.FILENAME).write_bytes(guide_pdf.render(guide_pdf.guide_html(pages, site_url), site_dir))

    entry, made = cached_entry(CACHE / "guide-pdf", key, make_pdf)
    if made:
        log.info("Hele veilederen som PDF laget på nytt")
    pdf = entry / guide_pdf.FILENAME
    shutil.copyfile(pdf, site_dir / PDF_PATH)
    _fill_sizes(site_dir, {PDF_PATH: pdf.stat().st_size})

    def make_zip(directory: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="vl-uten-nett-") as tmp:
            offline.build_offline_site(Path(config.config_file_path), Path(tmp) / "site", pdf)
            offline.write_zip(Path(tmp) / "site", directory / offline.FILENAME)

    # The offline pages carry site_address.NOTICE when the address is the placeholder.
    code = Path(__file__).read_bytes() + Path(site_address.__file__).read_bytes()
    key = offline.site_fingerprint(site_dir, (ZIP_PATH,), code)
    try:
        entry, made = cached_entry(CACHE / "uten-nett", key, make_zip)
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    if made:
        log.info("Kopien for bruk uten nett laget på nytt")
    shutil.copyfile(entry / offline.FILENAME, site_dir / ZIP_PATH)
    _fill_sizes(site_dir, {ZIP_PATH: (entry / offline.FILENAME).stat().st_size})
