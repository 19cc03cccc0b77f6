"""Browser fixtures, registered for all tests by tests/conftest.py.

A real Chromium (Debian's /usr/bin/chromium) driven by Playwright against the built site.

The site is served on 127.0.0.1 by the run's web server (``tests/site_server.py``, started with
the one build in ``tests/conftest.py``); each pytest-xdist worker has its own browser. Every page
made by ``make_page`` records its console errors and blocks — and records — any request to
another host, so a test can assert that nothing leaves the page. These tests never skip: a missing browser is a failure with a remedy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Route, sync_playwright

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


@pytest.fixture
def make_page(browser: Browser, site_url: str) -> Iterator[Callable[..., Page]]:
    """Factory: ``make_page(width=1280, color_scheme="light", javascript=True)`` → a Playwright page.

    The page has two extra attributes: ``console_errors`` (messages of console errors and uncaught
    exceptions) and ``offsite_requests`` (URLs of blocked requests to any other host).
    """
    own_origin = urlsplit(site_url).netloc
    contexts = []

    def _make(width: int = 1280, color_scheme: str = "light", height: int = 900,
              javascript: bool = True) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=color_scheme,
            locale="nb-NO",
            timezone_id="Europe/Oslo",
            java_script_enabled=javascript,
        )
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.offsite_requests = []

        def guard(route: Route) -> None:
            url = route.request.url
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).netloc != own_origin:
                page.offsite_requests.append(url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", guard)
        page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        return page

    yield _make
    for context in contexts:
        context.close()


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
