"""Every page of the built site in a real browser, served as it ships: accessible, quiet,
self-contained and within the Content-Security-Policy.

Every HTML page is loaded once per width, 1280 px (desktop) and 375 px (phone), in the light palette,
from nginx with the shipped configuration (``deploy/nginx.conf``, its strict CSP; the ``served``
fixture). That one load must show the light palette, 0 axe violations (every rule axe enables by
default: WCAG 2.0, 2.1 and 2.2 A and AA, and best practice), 0 console errors, 0 requests to any host
but the site's own and 0 CSP violations; at phone width no page may scroll sideways. A calculator
page is checked twice in that load: as a reader first sees it, then running (its runtime loads on the
reader's first move, kalkulator-start.js).

No page scrolls sideways on a phone: a table, a long word or a wide figure that pushes the page wider
makes a reader on a phone pan left and right to read each line. What may be wider than the screen
scrolls inside its own box (Material's table wrapper, a code block), never the page.

The dark palette changes only colours: the same HTML, the scheme attribute and the palette toggle's
label. It runs axe's colour rules, at both widths, on a sample of pages (``DARK_SAMPLE``) that holds
every kind of component the site has: every CSS class on any page is on a sample page, which
``test_the_dark_sample_has_every_kind_of_component_of_the_site`` checks, naming the pages to add
when a new component appears.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import WIDTHS, calculator_ready, csp_violations


def site_pages(site_dir: Path) -> list[str]:
    """Paths (relative to the site root) of every HTML page a visitor can open."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


def page_html(site_dir: Path, path: str) -> str:
    return (site_dir / path / ("" if path.endswith(".html") else "index.html")).read_text(encoding="utf-8")


def calculator_pages(site_dir: Path) -> list[str]:
    """The pages with a calculator (its first step, kalkulator-start.js, is on the page)."""
    return [p for p in site_pages(site_dir) if "data-vl-start=" in page_html(site_dir, p)]


def test_the_built_site_has_the_pages_of_the_navigation(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert "" in pages and "404.html" in pages and "om-nettstedet/personvern/" in pages
    assert len(calculator_pages(built_site)) >= 3


# axe rules whose result depends on colours. In the dark palette only the colours change, so dark
# mode runs these and light mode runs every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

DARK_SAMPLE = [
    "",                            # the home page (cards)
    "404.html",
    "kom-i-gang/4-samtykke/",      # a guide page with admonitions, tables and law links
    "kom-i-gang/sjekkliste/",      # the checklist (task lists)
    "metode/",                     # the flow diagram
    "okonomi/familie/",            # the calculators: summary bar, charts, uncertainty
    "okonomi/utenforskap/",
    "okonomi/investeringsmotet/",
    "okonomi/egne-tall/",          # the municipality's own figures (file drop, lines table)
    "okonomi/metode/",             # the notebook page
    "okonomi/datakilder/",         # the wide source table
    "maler/",                      # the template gallery
    "maler/samtykke/",             # a template page
    "maler/fyll-ut-duken/",        # the digital duk
    "kurs/ledelse/",               # a workshop page
    "typfall/alene-med-aap/",      # a case (info admonitions)
    "vedlikehold/ny-kalkulator/",  # highlighted code
]
"""The pages checked in the dark palette: one of each kind, together every component of the site."""

CHUNKS = {"light": 6, "dark": 2}
"""Each mode's pages are checked in this many slices, so parallel workers share the work."""

MODES = [("desktop", "light"), ("phone", "light"), ("desktop", "dark"), ("phone", "dark")]


def pages_for(site_dir: Path, color_scheme: str) -> list[str]:
    pages = site_pages(site_dir)
    return [p for p in DARK_SAMPLE if p in pages] if color_scheme == "dark" else pages


_CLASS = re.compile(r'\bclass="([^"]*)"')


def component_classes(html: str) -> set[str]:
    """The CSS classes of a page, a modifier's number left out («vl-tpl-write--6» → «vl-tpl-write--»)."""
    return {re.sub(r"\d+$", "", name) for value in _CLASS.findall(html) for name in value.split()}


def test_the_dark_sample_has_every_kind_of_component_of_the_site(built_site: Path) -> None:
    assert pages_for(built_site, "dark") == DARK_SAMPLE
    classes = {p: component_classes(page_html(built_site, p)) for p in site_pages(built_site)}
    in_sample = set().union(*(classes[p] for p in DARK_SAMPLE))
    missing = {name: [p for p, found in classes.items() if name in found]
               for name in set().union(*classes.values()) - in_sample}
    assert not missing, "Legg en av sidene til DARK_SAMPLE:\n" + "\n".join(
        f"  .{name}: {pages[:3]}" for name, pages in sorted(missing.items()))


# What sticks out past the right edge, for the message: the outermost such elements.
_TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 0.5);
  return wide.filter((e) => !wide.includes(e.parentElement)).slice(0, 3)
    .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`);
}"""


def sideways(page, path: str) -> list[str]:
    """The page wider than the screen, if it is: what sticks out."""
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll > client:
        return [f"/{path}: {scroll} px bred på en skjerm på {client} px: {', '.join(page.evaluate(_TOO_WIDE))}"]
    return []


def page_problems(page, path: str, rules: list[str] | None, since: int = 0) -> list[str]:
    """What the loaded page breaks: axe, console errors, other hosts, CSP violations after ``since``."""
    problems = []
    violations = csp_violations(page)[since:]  # before axe, which is evaluated, never a <script>
    if violations:
        problems.append(f"/{path}: brudd på Content-Security-Policy {violations}")
    found = run_axe(page, rules=rules)
    if found:
        problems.append(f"/{path}: axe fant {len(found)} brudd\n{format_violations(found)}")
    if page.console_errors:
        problems.append(f"/{path}: konsollfeil {page.console_errors}")
    if page.offsite_requests:
        problems.append(f"/{path}: forespørsler til andre verter {page.offsite_requests}")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("device, color_scheme, chunk", [
    (device, color_scheme, chunk) for device, color_scheme in MODES for chunk in range(CHUNKS[color_scheme])])
def test_every_page_is_accessible_quiet_self_contained_and_within_the_policy(
    built_site: Path, served, make_served_page, color_scheme: str, device: str, chunk: int
) -> None:
    page = make_served_page(width=WIDTHS[device], color_scheme=color_scheme)
    expected_scheme = "slate" if color_scheme == "dark" else "default"
    rules = COLOUR_RULES if color_scheme == "dark" else None
    calculators = set(calculator_pages(built_site))
    problems = []
    for path in pages_for(built_site, color_scheme)[chunk::CHUNKS[color_scheme]]:
        page.console_errors.clear()
        page.offsite_requests.clear()
        # "load": the HTML, styles and deferred scripts have run (palette set; each calculator as a
        # reader first sees it, before its runtime loads).
        page.goto(served.url + path, wait_until="load")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if scheme != expected_scheme:
            problems.append(f"/{path}: fargemodus {scheme!r}, ventet {expected_scheme!r}")
        if device == "phone":
            problems += sideways(page, path)
        problems += page_problems(page, path, rules)
        if path in calculators:  # the same load, the runtime started as by a reader's first move
            seen = len(csp_violations(page))
            page.console_errors.clear()
            page.offsite_requests.clear()
            calculator_ready(page)
            problems += page_problems(page, path + " (i gang)", rules, since=seen)
    assert not problems, "\n".join(problems)
