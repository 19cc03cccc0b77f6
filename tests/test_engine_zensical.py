"""The same staging folder built by Zensical, Material for MkDocs' successor (issue 25 item 3).

Zensical (0.0.73, the newest on the registry this project installs from; 0.1.x needs
``zensical-ui``, which is not there) reads ``mkdocs.yml`` but runs no hooks: ``python -m sitegen
site --engine zensical`` stages first, Zensical builds the pages with its own copy of the Material
theme, and ``sitegen.post`` makes the PDF and the offline copy. Zensical rewrites relative links in
raw HTML as it does Markdown links, so the stage writes them relative to the Markdown file for it
(``sitegen.stage.build(source_links=True)``). What differs from the MkDocs build is the theme's own
files (README.md, «Genereringen og motoren»).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tests.test_engines import DOWNLOADS, GENERATED, calculator_pages, engine_site, files

pytestmark = pytest.mark.xdist_group("zensical")

# The theme's own files, which Zensical ships in other versions than Material for MkDocs 9.x, its
# search index (search.json, not search/search_index.json) and MkDocs' gzipped copy of the sitemap.
THEME = re.compile(r"^(assets/javascripts/(bundle\.|lunr/|workers/|LICENSE)|assets/stylesheets/"
                   r"(main\.|palette\.|classic/|modern/)|search\.json$|search/|sitemap\.xml\.gz$)")


@pytest.fixture(scope="module")
def zensical_site(site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return engine_site("zensical", site_url, tmp_path_factory)


def test_zensical_makes_the_same_pages_and_downloads(built_site: Path, zensical_site: Path) -> None:
    mkdocs, zensical = files(built_site), files(zensical_site)
    assert {f for f in mkdocs if not THEME.match(f)} == {f for f in zensical if not THEME.match(f)}
    assert calculator_pages(built_site) == calculator_pages(zensical_site) != set()
    downloads = sorted(f for f in mkdocs if f.startswith(DOWNLOADS))
    assert downloads and all((zensical_site / f).is_file() for f in downloads)


def test_what_the_stage_generated_is_byte_for_byte_the_same(built_site: Path, zensical_site: Path) -> None:
    generated = [f for f in sorted(files(built_site)) if f.startswith(GENERATED) and not f.endswith(".html")]
    assert generated
    assert not [f for f in generated if (built_site / f).read_bytes() != (zensical_site / f).read_bytes()]


LINK = re.compile(r'(?:href|src)="([^"#?]+)')


def broken_links(site: Path) -> dict[str, set[str]]:
    """Every relative ``href``/``src`` that does not lead to a file of the site, with the pages."""
    broken: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        here = page.relative_to(site).as_posix()
        for match in LINK.finditer(page.read_text(encoding="utf-8")):
            link = match[1]
            if re.match(r"^[a-z]+:", link):
                continue
            path = urlparse(urljoin(f"http://x/{here}", link)).path
            target = site / unquote(path.lstrip("/"))
            # urljoin stops at the root: a link with one «../» too many still resolves there
            too_far = link.count("../") > here.count("/")
            if too_far or not (target.is_file() or (target / "index.html").is_file()):
                broken.setdefault(link, set()).add(here)
    return broken


def test_every_relative_link_in_the_zensical_site_leads_somewhere(zensical_site: Path) -> None:
    assert broken_links(zensical_site) == {}


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(zensical_site))
    handler.log_message = lambda *args: None  # type: ignore[assignment]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_a_calculator_in_the_zensical_site_computes_the_python_value(make_page, zensical_url: str) -> None:
    from playwright.sync_api import expect

    from calculators.engine import registry
    from calculators.engine.evaluate import evaluate
    from calculators.site.render import format_output
    from tests.browser.fixtures import calculator_ready

    model = registry.load("investeringsmote")
    output = next(o for o in model.outputs if o.id == "kostnad_investeringsmote")
    page = make_page()
    page.route(zensical_url + "**", lambda route: route.continue_())  # a second own server, not another host
    page.goto(zensical_url + "okonomi/investeringsmotet/")
    calculator_ready(page)
    page.locator("#vl-investeringsmote-deltakere_kommune").fill("8")
    want = format_output(evaluate(model, {"deltakere_kommune": 8})[output.id], output)
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(want)
    assert page.console_errors == []


@pytest.mark.parametrize(("html", "src", "want"), [
    ('<script src="../../assets/k/start.js" data-vl-runtime="../../assets/k/r.js">', "okonomi/familie.md",
     '<script src="../assets/k/start.js" data-vl-runtime="../../assets/k/r.js">'),
    ('<a href="../metode-familie/#tall">', "okonomi/familie.md", '<a href="metode-familie/#tall">'),
    ('<a href="kommunens-tall-mal.csv">', "okonomi/egne-tall.md", '<a href="egne-tall/kommunens-tall-mal.csv">'),
    ('<a href="x.pdf"> <a href="#top"> <a href="https://lovdata.no/">', "okonomi/index.md",
     '<a href="x.pdf"> <a href="#top"> <a href="https://lovdata.no/">'),
])
def test_links_are_rewritten_relative_to_the_markdown_file_but_not_data_attributes(html: str, src: str,
                                                                                 want: str) -> None:
    from sitegen.urls import links_from_source

    assert links_from_source(html, src) == want
