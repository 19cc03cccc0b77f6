"""Browser fixtures, registered for all tests by tests/conftest.py.

A real Chromium (Debian's /usr/bin/chromium) driven by Playwright against the built site.

The site is served on 127.0.0.1 by the run's web server (``tests/site_server.py``, started with
the one build in ``tests/conftest.py``); each pytest-xdist worker has its own browser. Every page
made by ``make_page`` records its console errors and blocks — and records — any request to
another host, so a test can assert that nothing leaves the page. ``served`` serves the same build
with nginx and the shipped configuration (its strict Content-Security-Policy); ``make_served_page``
makes pages for it that also record every CSP violation. These tests never skip: a missing browser
is a failure with a remedy.
"""

from __future__ import annotations

import gzip
import os
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from deploy.lokal import Served, serve

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium phones home at start (component updates, sync…), which a closed network
# refuses and which is not the site's doing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # No host but this machine resolves: a request to another host fails before it leaves
    # (guarded_page records it). Blocking it here, not by routing every request through
    # Playwright, keeps Chromium's HTTP cache and V8's code cache on: a test loads a page as a
    # reader's second visit does (about 40 % less time per page load, 20 % less CPU).
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} finnes ikke. Kjør testene med ./dev test, som installerer Debians chromium, "
            "eller installer den selv: apt-get install chromium",
            pytrace=False,
        )
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


# A page, once made, is kept for the next test that asks for the same size, palette and JavaScript
# setting: making a page (a new renderer, Playwright's set-up of it) costs Chromium more than the
# page load itself, and the suite makes hundreds. Between tests the page is put back as a new one
# would be: its origin's storage emptied (local and session), the document left for about:blank,
# permissions and cookies cleared, the pointer back in the corner and the size as asked. A test that
# changes what cannot be put back (listeners, routes, init scripts, media emulation, another page in
# the context) gets its page closed at the end instead of kept. The HTTP cache is on (other hosts are
# blocked by Chromium's resolver, not by routing every request, which turns the cache off): a page
# loads what a first visit loads, from the cache where an earlier test fetched it.
_ADDS_WHAT_STAYS = (  # on a page and on its context alike
    "on", "once", "route", "route_from_har", "route_web_socket", "add_init_script", "expose_function",
    "expose_binding", "set_extra_http_headers",
)
_CHANGES_THAT_STAY = (
    *_ADDS_WHAT_STAYS, "add_locator_handler", "emulate_media", "set_default_timeout", "set_default_navigation_timeout",
)
_CONTEXT_CHANGES_THAT_STAY = (*_ADDS_WHAT_STAYS, "set_offline", "set_geolocation", "add_cookies")
_EMPTY_STORAGE = "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }"


class PagePool:
    """One worker's idle pages, by (width, height, colour scheme, JavaScript)."""

    def __init__(self, browser: Browser, site_url: str) -> None:
        self.browser = browser
        self.site_url = site_url
        self.own_origin = urlsplit(site_url).netloc
        self.idle: dict[tuple, list[Page]] = {}

    def take(self, key: tuple) -> Page:
        idle = self.idle.get(key)
        page = idle.pop() if idle else self._new(key)
        page.console_errors = []
        page.offsite_requests = []
        page.vl_changed = False
        return page

    def _new(self, key: tuple) -> Page:
        page = guarded_page(self.browser, key, self.own_origin)
        for target, names in ((page, _CHANGES_THAT_STAY), (page.context, _CONTEXT_CHANGES_THAT_STAY)):
            for name in names:
                setattr(target, name, _marks_changed(page, getattr(target, name)))
        return page

    def give_back(self, page: Page) -> None:
        """Keep the page for the next test if it can be made as new; close it otherwise."""
        context = page.context
        if page.is_closed() or page.vl_changed or len(context.pages) != 1:
            context.close()
            return
        try:
            if page.url.startswith(self.site_url):
                page.evaluate(_EMPTY_STORAGE)
            elif page.url != "about:blank":
                context.close()  # storage of an origin this pool cannot reach
                return
            page.goto("about:blank")  # Playwright accepts a "leave this page?" (the duk) with no listener
            page.mouse.move(0, 0)
            width, height, _scheme, _javascript = page.vl_key
            if page.viewport_size != {"width": width, "height": height}:
                page.set_viewport_size({"width": width, "height": height})
            context.clear_permissions()
            context.clear_cookies()
        except Exception:  # noqa: BLE001 - a page that cannot be reset is simply not kept
            context.close()
            return
        self.idle.setdefault(page.vl_key, []).append(page)

    def close(self) -> None:
        for pages in self.idle.values():
            for page in pages:
                page.context.close()
        self.idle.clear()


def guarded_page(browser: Browser, key: tuple, own_origin: str, init_script: str | None = None) -> Page:
    """A page in a context of its own: ``key`` is (width, height, colour scheme, JavaScript); every
    request to a host but ``own_origin`` is blocked and recorded in ``page.offsite_requests``, console
    errors and uncaught exceptions in ``page.console_errors``; ``init_script`` runs before the page's own."""
    width, height, color_scheme, javascript = key
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=color_scheme,
        locale="nb-NO",
        timezone_id="Europe/Oslo",
        java_script_enabled=javascript,
    )
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.vl_key = key
    page.console_errors = []
    page.offsite_requests = []

    def offsite(url: str) -> None:
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).netloc != own_origin:
            page.offsite_requests.append(url)  # it fails: no other host resolves (CHROMIUM_ARGS)

    # The context's requests: the page's, its frames' and its workers' (the search index).
    context.on("request", lambda request: offsite(request.url))
    page.on("websocket", lambda socket: offsite(socket.url))
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return page


def _marks_changed(page: Page, method: Callable) -> Callable:
    def marked(*args, **kwargs):
        page.vl_changed = True
        return method(*args, **kwargs)

    return marked


@pytest.fixture(scope="session")
def page_pool(browser: Browser, site_url: str) -> Iterator[PagePool]:
    pool = PagePool(browser, site_url)
    yield pool
    pool.close()


@pytest.fixture
def make_page(page_pool: PagePool) -> Iterator[Callable[..., Page]]:
    """Factory: ``make_page(width=1280, color_scheme="light", javascript=True)`` → a Playwright page.

    The page has two extra attributes: ``console_errors`` (messages of console errors and uncaught
    exceptions) and ``offsite_requests`` (URLs of blocked requests to any other host). It is as a
    new page would be (``PagePool``), at the size and in the palette asked for.
    """
    taken = []

    def _make(width: int = 1280, color_scheme: str = "light", height: int = 900,
              javascript: bool = True) -> Page:
        page = page_pool.take((width, height, color_scheme, javascript))
        taken.append(page)
        return page

    yield _make
    for page in taken:
        page_pool.give_back(page)


# ---- The site as it ships: nginx with deploy/nginx.conf (strict CSP) ----------------------------

RECORD_VIOLATIONS = """
window.__vlViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__vlViolations.push(`${event.violatedDirective} ${event.blockedURI} ` +
                             `${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""
"""An init script: every Content-Security-Policy violation of the page, in ``window.__vlViolations``."""


def csp_violations(page: Page) -> list[str]:
    """The CSP violations the page has reported since it was loaded (``RECORD_VIOLATIONS``)."""
    return page.evaluate("window.__vlViolations")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def served(built_site: Path, site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The run's build, served by nginx with the shipped configuration (one nginx per worker).

    nginx serves a copy of the build whose sitemap names nginx's port (Material's instant navigation
    only swaps pages listed in the sitemap); ``deploy.lokal`` replaces only listen and root."""
    port = free_port()
    built_for = urlsplit(site_url).netloc
    copy = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(built_site, copy, copy_function=os.link)  # hard links: instant, no extra space
    for sitemap in (copy / "sitemap.xml", copy / "sitemap.xml.gz"):
        if sitemap.exists():
            data = gzip.decompress(sitemap.read_bytes()) if sitemap.suffix == ".gz" else sitemap.read_bytes()
            data = data.replace(f"{built_for}/".encode(), f"127.0.0.1:{port}/".encode())
            sitemap.unlink()  # a hard link: replace, never write through
            sitemap.write_bytes(gzip.compress(data, mtime=0) if sitemap.suffix == ".gz" else data)
    with serve(copy, port, tmp_path_factory.mktemp("nginx")) as served:
        yield served


@pytest.fixture
def make_served_page(browser: Browser, served: Served) -> Iterator[Callable[..., Page]]:
    """Factory: ``make_served_page(width=1280, color_scheme="light")`` → a page for the nginx-served
    site (``served.url``), guarded and recording as ``make_page``'s are, that also records every CSP
    violation (``csp_violations``). Each page has a context of its own, closed after the test."""
    own_origin = urlsplit(served.url).netloc
    made: list[Page] = []

    def _make(width: int = 1280, color_scheme: str = "light", height: int = 900) -> Page:
        made.append(guarded_page(browser, (width, height, color_scheme, True), own_origin, RECORD_VIOLATIONS))
        return made[-1]

    yield _make
    for page in made:
        page.context.close()


def calculator_ready(page: Page, selector: str = "[data-vl-calc]") -> None:
    """The calculators matching ``selector`` running, as after a reader's first move.

    A calculator page loads only its first step (kalkulator-start.js); the runtime comes with the
    reader's pointer over the calculator, a touch or focus in it (or at once for a scenario link).
    This waits until the first step is there, moves the pointer over each calculator (the event,
    not the mouse: nothing scrolls), and waits until each is bound.
    """
    page.wait_for_selector(f"{selector}:is([data-vl-armed], [data-vl-bound])", state="attached")
    for root in page.locator(selector).all():
        root.dispatch_event("pointerover")
    page.wait_for_function(
        "(selector) => [...document.querySelectorAll(selector)].every((root) => root.dataset.vlBound)", arg=selector)
