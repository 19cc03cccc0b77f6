"""The copy for use without a network: unzipped into a temporary folder and opened from disk.

No page refers to a file on another host (every page read: scripts, styles, images, frames), one
page of each kind loads in the browser with no request outside the folder and no console error
(``DARK_SAMPLE``, which holds every component of the site: the same scripts run on the pages of a
kind), search finds «samtykke», each calculator recomputes after an edit, the digital duk works and
every download opens.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Browser, Page, expect

from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.site.render import format_output
from documents.guide.offline import FILENAME, FOLDER
from tests.browser.fixtures import calculator_ready
from tests.browser.test_every_page import DARK_SAMPLE

pytestmark = pytest.mark.browser
DOWNLOADS = ("maler/filer/", "kurs/filer/", "nedlasting/")


def local_links(html: Path) -> set[str]:
    """The paths of every link and source in ``html`` that stays on disk (no scheme, no bare #)."""
    paths = set()
    for href in re.findall(r'(?:href|src)="([^"]*)"', html.read_text(encoding="utf-8")):
        if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
            continue
        path = href.split("#")[0].split("?")[0]
        if path:
            paths.add(path)
    return paths


@pytest.fixture(scope="module")
def offline_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("uten-nett")
    with zipfile.ZipFile(built_site / "nedlasting" / FILENAME) as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.fixture
def open_offline(browser: Browser, offline_site: Path) -> Iterator:
    """Factory: a page whose requests outside the unzipped folder are blocked and recorded."""
    root = offline_site.as_uri() + "/"
    contexts = []

    def _open(path: str = "index.html", width: int = 1280) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
        contexts.append(context)
        page = context.new_page()
        page.outside, page.console_errors = [], []

        def guard(route) -> None:
            url = route.request.url
            if url.startswith(root) or url.startswith(("data:", "blob:", "about:")):
                route.continue_()
            else:
                page.outside.append(url)
                route.abort()

        context.route("**/*", guard)
        page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        page.goto(root + path)
        return page

    yield _open
    for context in contexts:
        context.close()


def test_the_zip_holds_a_site_of_html_files_with_the_guide_pdf(offline_site: Path) -> None:
    assert (offline_site / "index.html").is_file() and (offline_site / "kurs" / "index.html").is_file()
    assert (offline_site / "nedlasting" / "velferdslab-veilederen.pdf").stat().st_size > 100_000
    assert not (offline_site / "nedlasting" / FILENAME).exists()


# What a page loads by itself: scripts, images, frames, media, and links that fetch (stylesheets,
# icons, preloads, the manifest); not a reader's links, nor rel="canonical", which nothing fetches.
_LOADED = re.compile(r'<(?:script|img|iframe|source|video|audio|embed|object|input)\b[^>]*?\s(?:src|srcset|data|poster)="([^"]*)"'
                     r'|<link\b(?=[^>]*\srel="(?:stylesheet|preload|modulepreload|prefetch|icon|shortcut icon|'
                     r'apple-touch-icon|manifest)")[^>]*?\shref="([^"]*)"', re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def remote(reference: str) -> bool:
    """A reference to another host (a scheme other than data: and blob:, or «//host»)."""
    return reference.startswith("//") or (bool(re.match(r"^[a-z][a-z0-9+.-]*:", reference, re.I))
                                          and not reference.startswith(("data:", "blob:")))


def test_no_page_or_stylesheet_loads_a_file_from_another_host(offline_site: Path) -> None:
    found = []
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) > 40
    for html in [*pages, *sorted(offline_site.rglob("*.css"))]:
        text = html.read_text(encoding="utf-8")
        references = ([ref for match in _LOADED.finditer(text) for ref in match.groups() if ref]
                      if html.suffix == ".html" else _CSS_URL.findall(text))
        candidates = [part.strip().split(" ")[0] for ref in references for part in ref.split(",")]
        found += [f"{html.relative_to(offline_site)}: {ref}" for ref in candidates if remote(ref)]
    assert not found, "\n".join(found[:30])


def test_the_check_for_files_from_another_host_finds_one() -> None:
    page = ('<script src="https://cdn.example.com/a.js"></script><img alt="" srcset="b.png 1x, //x.example/c.png 2x">'
            '<link rel="stylesheet" href="http://x.example/d.css"><link rel="canonical" href="https://v.example/">'
            '<img src="data:image/png;base64,AA"><script src="../assets/e.js"></script>')
    references = [part.strip().split(" ")[0] for match in _LOADED.finditer(page) for ref in match.groups() if ref
                  for part in ref.split(",")]
    assert [ref for ref in references if remote(ref)] == [
        "https://cdn.example.com/a.js", "//x.example/c.png", "http://x.example/d.css"]


def offline_path(path: str) -> str:
    """The file of a site address in the copy («kom-i-gang/» → «kom-i-gang/index.html»)."""
    return path if path.endswith(".html") else path + "index.html"


def test_a_page_of_each_kind_loads_from_disk_with_no_request_outside_the_folder(offline_site: Path, open_offline) -> None:
    page = open_offline()
    problems = []
    sample = [offline_path(p) for p in DARK_SAMPLE if (offline_site / offline_path(p)).is_file()]
    assert len(sample) >= len(DARK_SAMPLE) - 1  # all but 404.html, which the copy leaves out
    for relative in sample:
        page.outside.clear()
        page.console_errors.clear()
        response = page.goto((offline_site / relative).as_uri(), wait_until="load")
        if response is not None and not response.ok:
            problems.append(f"{relative}: {response.status}")
        if page.outside:
            problems.append(f"{relative}: forespørsler utenfor mappen {page.outside}")
        if page.console_errors:
            problems.append(f"{relative}: konsollfeil {page.console_errors}")
    assert not problems, "\n".join(problems)


def test_every_link_inside_the_copy_opens_a_file(offline_site: Path) -> None:
    """From disk a link to a folder shows a file listing, not the page: every link names a file."""
    root = offline_site.resolve()
    broken = set()
    for html in sorted(offline_site.rglob("*.html")):
        for href in local_links(html):
            target = (html.parent / href).resolve()
            if not target.is_file() or not target.is_relative_to(root):
                broken.add(f"{html.relative_to(offline_site)}: {href}")
    assert not broken, "\n".join(sorted(broken)[:30])


def test_the_links_between_pages_work_from_disk(open_offline) -> None:
    page = open_offline()
    page.locator("a.md-tabs__link", has_text="Kurs").click()
    expect(page).to_have_title(re.compile(r"^Kurs\b"))
    assert page.url.endswith("/kurs/index.html")
    assert not page.outside


def test_search_finds_samtykke_without_a_server(open_offline) -> None:
    page = open_offline()
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Material says «Skriv søkeord» once its index is loaded (from the inlined search_index.js).
    expect(page.locator(".md-search-result__meta")).to_have_text("Skriv søkeord", timeout=20_000)
    page.locator("input.md-search__input").press_sequentially("samtykke", delay=20)  # Material reacts to keys
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=20_000)
    assert results.count() > 0 and not page.outside


@pytest.mark.parametrize("model", registry.all_models(), ids=lambda m: m.id)
def test_each_calculator_recomputes_after_an_edit(model, offline_site: Path, open_offline) -> None:
    page_file = next(html for html in sorted(offline_site.rglob("*.html"))
                     if f'data-vl-calc="{model.id}"' in html.read_text(encoding="utf-8"))
    page = open_offline(page_file.relative_to(offline_site).as_posix())
    calculator_ready(page)
    field = next(i for i in model.inputs if i.integer or i.maximum >= 2 * i.default > 0)
    value = field.default + 1 if field.integer else field.default * 2
    page.locator(f"#vl-{model.id}-{field.id}").fill(str(value).replace(".", ","))
    headline = next(o for o in model.outputs if o.headline and o.kind == "number")
    want = format_output(evaluate(model, {field.id: value})[headline.id], headline)
    expect(page.locator(f':is(dd,span)[data-vl-value="{headline.id}"]').first).to_have_text(want)
    assert not page.outside and not page.console_errors


def test_the_digital_duk_works_from_disk(open_offline) -> None:
    page = open_offline("maler/fyll-ut-duken/index.html")  # the site's own layout (documents/guide/offline.py)
    box = page.locator("main textarea").first
    box.fill("Familien ønsker ro i hverdagen")
    expect(box).to_have_value("Familien ønsker ro i hverdagen")
    assert page.locator("[data-vl-print]").count() >= 1
    assert not page.outside and not page.console_errors


def test_every_download_link_opens_a_file_in_the_folder(offline_site: Path) -> None:
    checked = set()
    root = offline_site.resolve()
    for html in sorted(offline_site.rglob("*.html")):
        for href in local_links(html):
            target = (html.parent / href).resolve()
            if (target in checked or not target.is_relative_to(root)
                    or not target.relative_to(root).as_posix().startswith(DOWNLOADS)):
                continue  # each file opened once, however many pages link to it
            assert target.is_file(), f"{html.relative_to(offline_site)}: {href}"
            if target.suffix == ".pdf":
                assert len(pypdf.PdfReader(target).pages) >= 1, href
            elif target.suffix in (".odt", ".docx"):
                with zipfile.ZipFile(target) as package:
                    assert package.testzip() is None, href
            else:
                assert target.stat().st_size > 0, href
            checked.add(target)
    suffixes = {path.suffix for path in checked}
    assert len(checked) > 20 and {".pdf", ".odt", ".docx"} <= suffixes
