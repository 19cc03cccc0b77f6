"""Printing: a municipality prints a calculator's result for its politicians, on A4.

Chromium lays out for print at the width inside the page margins; the tests emulate print media
in a window that wide and measure what would be on paper."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from calculators.engine import registry
from tests.browser.fixtures import calculator_ready
from tests.browser.test_calculator_view import PAGES

pytestmark = pytest.mark.browser

# A4 is 210 mm wide; Material's @page margin is 25 mm on each side: 160 mm at 96 px per inch.
A4_WIDTH = 605


def printed(make_page, site_url: str, path: str, fragment: str = "") -> Page:
    page = make_page(width=A4_WIDTH, height=1123)
    page.goto(site_url + path + fragment)
    if path in PAGES.values():
        calculator_ready(page)
    page.emulate_media(media="print")
    # A browser fires «beforeprint» before it lays the page out for paper (the runtime then draws
    # for paper); emulating print media alone does not.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    return page


# Every input with a unit: the unit starts on the line its number is on, after the number, and
# takes one line ("kr per år" never word by word). Returns the fields that break this.
UNIT_BESIDE_NUMBER = """() => [...document.querySelectorAll('.vl-calc__control')]
  .filter((c) => c.checkVisibility() && c.querySelector('.vl-calc__unit'))
  .map((c) => {
    const input = c.querySelector('input').getBoundingClientRect();
    const unit = c.querySelector('.vl-calc__unit');
    const box = unit.getBoundingClientRect(), line = parseFloat(getComputedStyle(unit).lineHeight) || 20;
    return {id: c.querySelector('input').id, text: unit.textContent, sameLine: Math.abs(box.top - input.top) < line / 2,
            after: box.left >= input.right - 1, oneLine: unit.getClientRects().length === 1 && box.height < line * 1.5};
  })
  .filter((f) => !(f.sameLine && f.after && f.oneLine))"""

# Visible elements whose box reaches beyond the paper's width (or the page scrolls sideways).
WIDER_THAN_PAGE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('.md-content *')]
    .filter((e) => e.checkVisibility() && e.getClientRects().length)
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
    .map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + (e.textContent || '').trim().slice(0, 40));
  if (document.documentElement.scrollWidth > width + 1) wide.push('html scrollWidth ' + document.documentElement.scrollWidth);
  return wide;
}"""

CONTROLS = [".vl-calc__actions button", ".vl-calc__step", ".vl-calc__peek", ".vl-calc__all button",
            ".vl-calc__exports button", ".vl-calc__ranges", ".md-header", ".md-sidebar", ".md-top"]

VISIBLE = """(selector) => [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility()).length"""
STICKY = """() => [...document.querySelectorAll('body *')].filter((e) => e.checkVisibility()
  && ['sticky', 'fixed'].includes(getComputedStyle(e).position)).map((e) => e.className)"""


@pytest.mark.parametrize("model_id", sorted(PAGES))
def test_a_printed_calculator_keeps_units_results_chart_and_sources_and_fits_with_no_controls(
    make_page, site_url, model_id
) -> None:
    """One printed page per calculator, every check on it (a load per check cost three loads)."""
    page = printed(make_page, site_url, PAGES[model_id])
    # Every unit beside its number.
    assert page.evaluate(VISIBLE, ".vl-calc__control .vl-calc__unit") > 5
    assert page.evaluate(UNIT_BESIDE_NUMBER) == []
    # It fits the paper, with no controls and nothing sticky.
    assert page.evaluate(WIDER_THAN_PAGE) == []
    for selector in CONTROLS:
        assert page.evaluate(VISIBLE, selector) == 0, selector
    assert page.evaluate(STICKY) == []
    # Results, the main chart and the sources are kept.
    for selector in [".vl-calc__headline dd", ".vl-calc__sentence", ".vl-calc__figure svg",
                     ".vl-calc__assumptions li", ".vl-calc__details table"]:
        assert page.evaluate(VISIBLE, selector) > 0, selector
    # The other charts stay on screen; the main one is as wide as the column.
    assert page.evaluate(VISIBLE, ".vl-calc__chart") == 1
    chart = page.locator(".vl-calc__figure svg").bounding_box()
    column = page.locator(".vl-calc__summary").bounding_box()
    assert chart["width"] == pytest.approx(column["width"], abs=2)
    # Each headline figure on one line with its unit (the interval lines under the main figure may
    # wrap), inside its card, never running into the next one. One evaluate: one consistent DOM
    # (the uncertainty engine may redraw the cards while the page settles).
    assert page.evaluate(HEADLINE_FIGURES_OUT_OF_PLACE) == []


HEADLINE_FIGURES_OUT_OF_PLACE = """() => [...document.querySelectorAll('.vl-calc__headline :is(dd[data-vl-value], dd[data-vl-central])')]
  .filter((e) => {
    const r = document.createRange(); r.selectNodeContents(e);
    const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
    return lines.size !== 1 || r.getBoundingClientRect().right > e.parentElement.getBoundingClientRect().right + 0.5;
  })
  .map((e) => e.textContent)"""


def test_printed_year_table_is_open_in_columns(make_page, site_url) -> None:
    page = printed(make_page, site_url, PAGES["utenforskap"], "#preset=til-67")  # the longest course
    rows = page.locator(".vl-calc__years tbody tr")
    assert rows.count() == 47
    assert page.evaluate(VISIBLE, ".vl-calc__years tbody tr") == 47
    lefts = {round(box["x"]) for box in (row.bounding_box() for row in rows.all())}
    assert len(lefts) == 3  # three newspaper columns: 47 years in 16 lines


def test_printing_from_presentation_mode_prints_every_input_and_no_buttons(make_page, site_url) -> None:
    page = printed(make_page, site_url, PAGES["familie"], "#visning=storskjerm")
    assert page.evaluate("document.documentElement.classList.contains('vl-present')")
    inputs = registry.load("familie").inputs
    assert page.evaluate(VISIBLE, ".vl-calc__group .vl-calc__field:has(> .vl-calc__control input)") == len(inputs)
    assert page.evaluate(VISIBLE, ".vl-calc__step") == 0
    assert page.evaluate(UNIT_BESIDE_NUMBER) == []
    assert page.evaluate(WIDER_THAN_PAGE) == []


def test_charts_are_redrawn_for_paper_before_printing_and_back_after(make_page, site_url) -> None:
    page = make_page(width=375, height=800)
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    chart = page.locator(".vl-calc__figure svg")
    # Before the first change the page shows the chart the build drew (the runtime's drawing code
    # comes with the rest of the view, mer.<hash>.js): printing leaves it as built, and
    # kalkulator.css fits it to the paper's column.
    built = chart.get_attribute("viewBox")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert chart.get_attribute("viewBox") == built
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    # After a change the runtime draws it: for the screen, and for paper while printing.
    page.locator("#vl-familie-barnevern").fill("400 000")
    page.wait_for_function("() => !!globalThis.vlVisningMer")
    expect(chart).not_to_have_attribute("viewBox", built)
    screen = chart.get_attribute("viewBox")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert chart.get_attribute("viewBox").split()[2] == "600"
    assert chart.get_attribute("font-size") == "12"
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert chart.get_attribute("viewBox") == screen
    assert page.console_errors == []


@pytest.mark.parametrize("path", ["kom-i-gang/1-forankring/", "maler/saksframlegg/", "okonomi/metode/"])
def test_printed_guide_and_template_pages_fit_the_page(make_page, site_url, path) -> None:
    page = printed(make_page, site_url, path)
    assert page.evaluate(WIDER_THAN_PAGE) == []
    assert page.evaluate(VISIBLE, ".md-header, .md-sidebar, .md-footer") == 0
