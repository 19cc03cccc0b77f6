"""Every page of the built site, in a real browser: accessible, quiet and self-contained.

Every HTML page is opened in the light palette at desktop (1280 px) and phone (375 px) width, and
in the dark palette at desktop width, and must show 0 axe violations (best-practice rules included;
in the dark palette the colour rules), 0 console errors and 0 requests to any host but the site's own.
The dark palette at phone width differs from dark at desktop width only in the few parts a phone
shows instead (the header's drawer and search buttons, the calculators' summary bar): it runs on one
page of each kind rather than on all of them (``PHONE_DARK``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import WIDTHS, calculator_ready


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


PHONE_DARK = [
    "",                          # the home page (cards)
    "404.html",
    "kom-i-gang/4-samtykke/",    # a guide page with admonitions, tables and law links
    "okonomi/familie/",          # the calculators: summary bar, charts, uncertainty
    "okonomi/utenforskap/",
    "okonomi/investeringsmotet/",
    "okonomi/metode/",           # the notebook page
    "okonomi/datakilder/",       # the wide source table
    "maler/",                    # the template gallery
    "maler/samtykke/",           # a template page
    "maler/fyll-ut-duken/",      # the digital duk
    "kurs/ledelse/",             # a workshop page
]
MODES = [("desktop", "light"), ("phone", "light"), ("desktop", "dark"), ("phone", "dark")]


def pages_for(site_dir: Path, device: str, color_scheme: str) -> list[str]:
    pages = site_pages(site_dir)
    return [p for p in PHONE_DARK if p in pages] if (device, color_scheme) == ("phone", "dark") else pages


def test_the_phone_dark_sample_is_pages_of_the_site(built_site: Path) -> None:
    assert pages_for(built_site, "phone", "dark") == PHONE_DARK


@pytest.mark.browser
@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("device, color_scheme", MODES)
def test_every_page_is_accessible_quiet_and_self_contained(
    built_site: Path, site_url: str, make_page, color_scheme: str, device: str, chunk: int
) -> None:
    page = make_page(width=WIDTHS[device], color_scheme=color_scheme)
    expected_scheme = "slate" if color_scheme == "dark" else "default"
    rules = COLOUR_RULES if color_scheme == "dark" else None
    problems = []
    for path in pages_for(built_site, device, color_scheme)[chunk::CHUNKS]:
        page.console_errors.clear()
        page.offsite_requests.clear()
        # "load": the HTML, styles and deferred scripts have run (palette set; each calculator as a
        # reader first sees it, before its runtime loads: the bound calculators are checked with
        # axe in test_calculator, test_charts and test_uncertainty).
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


@pytest.mark.browser
@pytest.mark.parametrize("device, color_scheme", MODES[:3])
def test_every_calculator_is_accessible_and_quiet_once_it_runs(
    built_site: Path, site_url: str, make_page, color_scheme: str, device: str
) -> None:
    """The pages above are checked as a reader first sees them; a calculator's runtime loads on
    the reader's first move (kalkulator-start.js). Each calculator page again, running."""
    page = make_page(width=WIDTHS[device], color_scheme=color_scheme)
    rules = COLOUR_RULES if color_scheme == "dark" else None
    calculators = [p for p in site_pages(built_site) if p != "404.html"
                   and "data-vl-start=" in (built_site / p / "index.html").read_text(encoding="utf-8")]
    assert len(calculators) >= 3
    problems = []
    for path in calculators:
        page.console_errors.clear()
        page.goto(site_url + path, wait_until="load")
        calculator_ready(page)
        violations = run_axe(page, rules=rules)
        if violations:
            problems.append(f"/{path}: axe fant {len(violations)} brudd\n{format_violations(violations)}")
        if page.console_errors or page.offsite_requests:
            problems.append(f"/{path}: konsollfeil {page.console_errors}, andre verter {page.offsite_requests}")
    assert not problems, "\n".join(problems)
