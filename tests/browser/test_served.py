"""The site served the way it ships: nginx with deploy/nginx.conf (strict CSP, caching, gzip).

nginx runs with the repository's server block (the ``served`` fixture in ``tests/browser/fixtures.py``:
``deploy.lokal`` replaces only listen and root) on a port of its own, serving a copy of the session's
build whose sitemap names that port (Material's instant navigation only swaps pages listed in the
sitemap). Every page must cause 0 ``securitypolicyviolation`` events: that is checked in the every-page
loop (``tests/browser/test_every_page.py``), which loads every page through this nginx. Here: the
headers, and the features that need scripts must work under the policy (waits use DOM conditions:
under the policy the page may not eval Playwright's wait_for_function polls); nothing a reader types
may reach the server's access log.
"""

from __future__ import annotations

import gzip
import re
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from deploy.lokal import Served
from tests.browser.fixtures import RECORD_VIOLATIONS, calculator_ready, csp_violations

# One nginx for the whole module: its tests run in one xdist worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("nginx")]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'")


@pytest.fixture
def served_page(browser: Browser, served: Served) -> Iterator[Callable[..., Page]]:
    """Factory for pages on the nginx-served site; each records CSP violations and console errors."""
    contexts = []

    def _make(width: int = 1280, color_scheme: str = "light") -> Page:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=color_scheme,
                                      locale="nb-NO", timezone_id="Europe/Oslo")
        contexts.append(context)
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        return page

    yield _make
    for context in contexts:
        context.close()


violations = csp_violations


def fetch(url: str, encoding: str = "gzip") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


# --- Headers, compression, caching -------------------------------------------------------------

def test_pages_carry_the_security_headers_and_are_compressed(served: Served) -> None:
    for path in ["", "okonomi/familie/", "finnes-ikke/"]:
        status, headers, body = fetch(served.url + path)
        assert status == (404 if path == "finnes-ikke/" else 200)
        assert headers["content-security-policy"] == CSP
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-content-type-options"] == "nosniff"
        assert "camera=()" in headers["permissions-policy"]
        assert headers["content-encoding"] == "gzip"
        assert headers["cache-control"] == "no-cache"  # HTML: always revalidated
        assert b'<meta name="referrer" content="no-referrer">' in gzip.decompress(body)


def test_hashed_assets_are_cached_for_a_year_and_compressed(served: Served, built_site: Path) -> None:
    html = (built_site / "okonomi" / "familie" / "index.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="\.\./\.\./(assets/[^"]+\.(?:css|js)(?:\?v=[0-9a-f]+)?)"', html)
    hashed = [a for a in assets if re.search(r"\.[0-9a-f]{8,}(\.min)?\.(css|js)$|\?v=[0-9a-f]{8,}$", a)]
    assert len(hashed) >= 4, assets  # Material's two, our stylesheet and our scripts at least
    for asset in hashed:
        status, headers, _ = fetch(served.url + asset)
        assert status == 200, asset
        assert headers["cache-control"] == "public, max-age=31536000, immutable", asset
        assert headers["content-encoding"] == "gzip", asset
    # One stylesheet of ours (plus Material's two), and all our scripts deferred.
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len([s for s in sheets if "/velferdslab." in s]) == 1 and len(sheets) == 3, sheets
    for tag in re.findall(r"<script [^>]*src=\"[^\"]*/(?:velferdslab|kalkulator)[^>]*>", html):
        assert " defer" in tag, tag
    if served.brotli:
        _, headers, _ = fetch(served.url + hashed[0], "br")
        assert headers["content-encoding"] == "br"


# --- Every page under the policy: tests/browser/test_every_page.py loads every page through this
# nginx (the same load as its axe check) and asserts 0 violations. ----------------------------

def test_search_works_under_the_policy(served: Served, served_page) -> None:
    page = served_page()
    page.goto(served.url)
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    # «Starter søk» until the search worker has its index (under a blocking CSP, for ever).
    expect(page.locator(".md-search-result__meta")).to_have_text("Skriv søkeord", timeout=15000)
    query.press_sequentially("samtykke")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert violations(page) == [] and page.console_errors == []


def test_palette_toggle_and_stored_choice_work_under_the_policy(served: Served, served_page) -> None:
    page = served_page()
    page.goto(served.url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[for='__palette_1']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(served.url + "kom-i-gang/")  # a full load: the stored choice is restored at start
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert violations(page) == [] and page.console_errors == []


def test_a_dark_preference_is_followed_under_the_policy(served: Served, served_page) -> None:
    page = served_page(color_scheme="dark")
    page.goto(served.url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("label[for='__palette_0']")).to_be_visible()  # the toggle is there
    assert violations(page) == []


def test_instant_navigation_works_under_the_policy(served: Served, served_page) -> None:
    page = served_page()
    page.goto(served.url)
    page.evaluate("window.__vlSamePage = true")
    page.locator(".md-tabs__link", has_text="Økonomi og gevinst").click()
    page.wait_for_url("**/okonomi/")
    assert page.evaluate("window.__vlSamePage === true"), "the page was loaded anew, not swapped"
    page.locator("article a[href$='familie/']").first.click()
    calculator_ready(page)
    assert page.evaluate("window.__vlSamePage === true")
    assert violations(page) == [] and page.console_errors == []


CALCULATORS = {"familie": "okonomi/familie/", "utenforskap": "okonomi/utenforskap/",
               "investeringsmote": "okonomi/investeringsmotet/"}
EDIT = {"familie": ("barnevern_reduksjon", "0"), "utenforskap": ("ar_utenfor", "10"),
        "investeringsmote": ("deltakere_kommune", "8")}
"""Per calculator: an input whose change moves the first headline figure."""


def open_served_calculator(served_page, served: Served, path: str, **options) -> Page:
    page = served_page(**options)
    page.goto(served.url + path)
    calculator_ready(page)
    return page


@pytest.mark.parametrize("model_id", CALCULATORS)
def test_calculators_compute_under_the_policy(served: Served, served_page, model_id: str) -> None:
    page = open_served_calculator(served_page, served, CALCULATORS[model_id])
    headline = page.locator(":is(dd,span)[data-vl-value]").first
    before = headline.inner_text()
    input_id, value = EDIT[model_id]
    page.locator(f"#vl-{model_id}-{input_id}").fill(value)
    expect(headline).not_to_have_text(before)
    assert violations(page) == [] and page.console_errors == []


def test_presets_and_copy_link_work_under_the_policy(served: Served, served_page) -> None:
    page = open_served_calculator(served_page, served, CALCULATORS["familie"])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    headline = page.locator(":is(dd,span)[data-vl-value]").first
    before = headline.inner_text()
    page.locator("[data-vl-preset]").select_option(value="ingen-varig-effekt")
    expect(headline).not_to_have_text(before)
    page.locator("[data-vl-action='copy']").click()
    expect(page.locator("[data-vl-calc] [aria-live]").first).not_to_be_empty()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "preset" in copied
    assert violations(page) == [] and page.console_errors == []


def test_the_digital_duk_keeps_its_layout_under_the_policy(served: Served, served_page) -> None:
    page = served_page(width=1280)
    page.goto(served.url + "maler/fyll-ut-duken/")
    cells = page.locator(".vl-duk__cell")
    expect(cells.first).to_be_visible()
    tops = [round(cells.nth(i).bounding_box()["y"]) for i in range(cells.count())]
    assert len(set(tops)) < len(tops), "every box on a row of its own: the grid areas were blocked"
    box = page.locator(".vl-duk textarea").first
    box.fill("Skrevet under streng CSP")
    expect(box).to_have_value("Skrevet under streng CSP")
    assert violations(page) == [] and page.console_errors == []


@pytest.mark.parametrize("fmt", ["odt", "docx", "xlsx", "csv", "utskrift"])
def test_the_exports_work_under_the_policy(served: Served, served_page, fmt: str) -> None:
    """The export code loads on demand from the site, draws the chart through canvas (data: image)
    and saves through a blob link; the print view adds its own stylesheet (issue 13)."""
    page = open_served_calculator(served_page, served, CALCULATORS["familie"])
    if fmt == "utskrift":
        # A DOM mark, not wait_for_function: under this CSP the page may not eval Playwright's poll.
        page.evaluate("() => { window.print = () => document.body.setAttribute('data-vl-printed', ''); }")
        page.locator("[data-vl-format='utskrift']").click()
        page.wait_for_selector("body[data-vl-printed]", state="attached")
        assert page.locator("[data-vl-notat] img").count() == 1
    else:
        with page.expect_download() as download:
            page.locator(f"[data-vl-format='{fmt}']").click()
        assert download.value.suggested_filename.endswith("." + fmt)
    assert violations(page) == [] and page.console_errors == []


TYPED = {"barnevern": "7250013", "bolig": "4190027"}
SEARCHED = "taushetsplikten"  # in the text of several pages, in no address


def test_typed_values_never_reach_the_server_log(served: Served, served_page) -> None:
    """Type, move on by instant navigation, come back, reload: the access log holds no value."""
    page = open_served_calculator(served_page, served, CALCULATORS["familie"])
    for input_id, value in TYPED.items():
        page.locator(f"#vl-familie-{input_id}").fill(value)
    expect(page.locator(":is(dd,span)[data-vl-value]").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"#.*barnevern=7250013"))  # the scenario is in the URL
    page.locator(".md-tabs__link", has_text="Maler").click()
    page.wait_for_url("**/maler/")
    page.locator("link[rel=icon]").evaluate("link => fetch(link.href, {cache: 'reload'})")
    page.go_back()
    calculator_ready(page)
    page.reload()
    calculator_ready(page)
    assert page.locator("#vl-familie-barnevern").input_value().replace("\u00a0", " ") in {"7 250 013", "7250013"}
    # A search term is typed too: following a result must not carry it to the server either.
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Skriv søkeord", timeout=15000)
    query.press_sequentially(SEARCHED)
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path != "/okonomi/familie/")
    log = served.access_log.read_text(encoding="utf-8")
    assert "/okonomi/familie/" in log
    for value in [*TYPED.values(), SEARCHED]:
        assert value not in log, f"{value} står i access-loggen:\n{log[-2000:]}"


def test_the_year_table_of_every_budget_is_built_when_opened(served: Served, served_page) -> None:
    page = open_served_calculator(served_page, served, CALCULATORS["familie"])
    details = page.locator("details[data-vl-years]").first
    rows_per_level = details.locator("tbody tr").count()
    # The year tables sit under «Flere diagrammer» (issue 11): open that first, as a reader would.
    page.locator("details.vl-calc__more > summary").first.click()
    details.locator("summary").click()
    expect(details.locator("tbody tr", has_text="Sum kommunen")).to_have_count(1)
    assert details.locator("tbody tr").count() > rows_per_level
    assert violations(page) == [] and page.console_errors == []
