"""Every page of the built site, in a real browser: accessible, quiet and self-contained.

For each palette (light, dark) and width (desktop 1280 px, phone 375 px), every HTML page is opened
and must show 0 axe violations (best-practice rules included; in the dark palette the colour
rules), 0 console errors and 0 requests to any host but the site's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import WIDTHS


def site_pages(site_dir: Path) -> list[str]:
    """Paths (relative to the site root) of every HTML page a visitor can open."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


def test_the_built_site_has_the_pages_of_the_navigation(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert "" in pages and "404.html" in pages and "om-nettstedet/personvern/" in pages


CHUNKS = 6
"""The pages are checked in this many slices per mode, so parallel workers share the work."""

# axe rules whose result depends on colours. In the dark palette only the colours change (the
# same HTML, the scheme attribute and the palette toggle's label), so dark mode runs these and
# light mode runs every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.mark.browser
@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("device", list(WIDTHS))
def test_every_page_is_accessible_quiet_and_self_contained(
    built_site: Path, site_url: str, make_page, color_scheme: str, device: str, chunk: int
) -> None:
    page = make_page(width=WIDTHS[device], color_scheme=color_scheme)
    expected_scheme = "slate" if color_scheme == "dark" else "default"
    rules = COLOUR_RULES if color_scheme == "dark" else None
    problems = []
    for path in site_pages(built_site)[chunk::CHUNKS]:
        page.console_errors.clear()
        page.offsite_requests.clear()
        # "load": the HTML, styles and deferred scripts have run (calculators bound, palette set).
        page.goto(site_url + path, wait_until="load")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if scheme != expected_scheme:
            problems.append(f"/{path}: fargemodus {scheme!r}, ventet {expected_scheme!r}")
        violations = run_axe(page, rules=rules)
        if violations:
            problems.append(f"/{path}: axe fant {len(violations)} brudd\n{format_violations(violations)}")
        if page.console_errors:
            problems.append(f"/{path}: konsollfeil {page.console_errors}")
        if page.offsite_requests:
            problems.append(f"/{path}: forespørsler til andre verter {page.offsite_requests}")
    assert not problems, "\n".join(problems)
