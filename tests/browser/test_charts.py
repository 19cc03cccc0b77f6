"""Calculator charts in Chromium: nothing clipped, and the runtime draws what the build drew."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.site.render import format_output
from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import calculator_ready

pytestmark = pytest.mark.browser

PAGE = "okonomi/familie/"
MODEL = registry.load("familie")
HEADLINE = next(o for o in MODEL.outputs if o.headline)

# Every <text> of every chart: its box against its chart's box (CSS pixels), with 1,5 px allowed.
# The runtime draws a chart for its column's width rounded down to 10 px (kalkulator.js) and the
# browser scales it up to the column, by up to 4 %: a value anchored at the chart's right edge then
# shows its last glyph's box up to a pixel past the edge (the chart does not clip; no reader sees
# it). What this guards against is text that runs on past the chart: a label 10 px past it on a
# phone 360 px wide, before labels were broken into lines (view.wrap_words).
OUTSIDE = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('.vl-calc__chart')) {
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 1.5 || r.right > box.right + 1.5 || r.top < box.top - 1.5
          || r.bottom > box.bottom + 1.5) out.push(text.textContent);
    }
  }
  return out;
}"""
# A change of the column's width (the page's scroll bar comes or goes as charts are drawn) redraws
# the charts in the frame after (a ResizeObserver, kalkulator.js): two frames and they are final.
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def open_familie(make_page, site_url: str, width: int = 1280, color_scheme: str = "light") -> Page:
    page = make_page(width=width, color_scheme=color_scheme)
    page.goto(site_url + PAGE)
    calculator_ready(page)
    return page


def open_more(page: Page) -> None:
    """Open «Flere diagrammer» (the runtime draws its charts while it is open)."""
    page.locator("details.vl-calc__more > summary").click()
    expect(page.locator("details.vl-calc__more[data-vl-more]")).to_have_count(0)


def change_input(page: Page) -> None:
    """Cut all service use by 10 %: negative and positive bars, and new numbers everywhere."""
    page.locator("#vl-familie-barnevern_reduksjon").fill("10")
    want = format_output(evaluate(MODEL, {"barnevern_reduksjon": 10})[HEADLINE.id], HEADLINE)
    expect(page.locator(f':is(dd,span)[data-vl-value="{HEADLINE.id}"]')).to_have_text(want)
    # The card is drawn at once; the charts when the rest of the view (mer.<hash>.js) has come and
    # redrawn them: until then they are the build's, marked as waiting (a race the final run found).
    page.wait_for_function("() => !!globalThis.vlVisningMer && !document.querySelector('.vl-calc__out--later')")


@pytest.mark.parametrize("width", [1600, 1280, 375, 360])
def test_after_an_input_change_every_chart_text_lies_inside_its_chart(make_page, site_url, width: int) -> None:
    page = open_familie(make_page, site_url, width)
    open_more(page)
    change_input(page)
    page.evaluate(SETTLED)
    assert page.locator(".vl-calc__chart text").count() > 0
    assert page.evaluate(OUTSIDE) == []


# Every chart as [tag, attributes but id, text] for each element: what both renderers must agree on.
STRUCTURE = """() => [...document.querySelectorAll('[data-vl-out] .vl-calc__chart')].map((svg) =>
  [svg, ...svg.querySelectorAll('*')].map((node) => [node.tagName,
    Object.fromEntries([...node.attributes].filter((a) => a.name !== 'id').map((a) => [a.name, a.value])),
    node.children.length ? '' : node.textContent]))"""

# Per line chart: the number of points of each polyline.
LINES = """() => [...document.querySelectorAll('.vl-calc__chart')]
  .filter((svg) => svg.querySelector('polyline'))
  .map((svg) => [...svg.querySelectorAll('polyline')].map((p) => p.points.numberOfItems))"""


def test_the_runtime_redraws_the_same_charts_after_a_change_and_back(make_page, site_url) -> None:
    """The view is the same translated code for every redraw (the parity tests prove it equals
    Python's): a change and back gives the charts it gave before. The first change loads the rest
    of the view (mer.<hash>.js), which draws every chart for this screen's columns; until then the
    page shows the charts as the build drew them, for its own column width."""
    page = open_familie(make_page, site_url)
    box = page.locator("#vl-familie-horisont")

    def change_and_back() -> None:
        page.evaluate("document.querySelectorAll('.vl-calc details').forEach((d) => d.open = true)")
        box.fill("6")
        expect(page.locator(".vl-calc__details .vl-calc__chart polyline").first).to_have_attribute(
            "points", re.compile(r"^(\S+ ){5}\S+$"))
        box.fill("10")
        expect(page.locator(".vl-calc__details .vl-calc__chart polyline").first).to_have_attribute(
            "points", re.compile(r"^(\S+ ){9}\S+$"))
        page.evaluate("document.querySelectorAll('.vl-calc details').forEach((d) => d.open = true)")
        expect(page.locator("details.vl-calc__more[data-vl-more]")).to_have_count(0)

    change_and_back()
    drawn = page.evaluate(STRUCTURE)
    assert drawn
    change_and_back()
    assert page.evaluate(STRUCTURE) == drawn
    assert page.console_errors == []


def test_after_a_change_each_line_chart_has_a_line_per_level_and_a_point_per_year(make_page, site_url) -> None:
    page = open_familie(make_page, site_url)
    open_more(page)
    by_level = [4 if o.kind == "years_by_holder" else 1 for o in MODEL.outputs if o.kind in ("years", "years_by_holder")]
    assert page.evaluate(LINES) == [[10] * n for n in by_level]
    page.locator("#vl-familie-horisont").fill("6")
    expect(page.locator(".vl-calc__chart polyline").first).to_have_attribute(
        "points", re.compile(r"^(\S+ ){5}\S+$"))
    assert page.evaluate(LINES) == [[6] * n for n in by_level]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_charts_after_a_change(make_page, site_url, color_scheme: str) -> None:
    page = open_familie(make_page, site_url, color_scheme=color_scheme)
    open_more(page)
    change_input(page)
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
