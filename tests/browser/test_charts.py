"""Calculator charts in Chromium: nothing clipped, and the runtime draws what the build drew."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from calculators import registry
from calculators.evaluate import evaluate
from calculators.render import format_output

pytestmark = pytest.mark.browser

PAGE = "okonomi/familie/"
MODEL = registry.load("familie")
HEADLINE = next(o for o in MODEL.outputs if o.headline)

# Every <text> of every chart: its box against its chart's box (CSS pixels), with a half-pixel
# allowance for anti-aliasing.
OUTSIDE = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('.vl-calc__chart')) {
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5
          || r.bottom > box.bottom + 0.5) out.push(text.textContent);
    }
  }
  return out;
}"""


def open_familie(make_page, site_url: str, width: int = 1280, color_scheme: str = "light") -> Page:
    page = make_page(width=width, color_scheme=color_scheme)
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-vl-calc][data-vl-bound]")
    return page


def change_input(page: Page) -> None:
    """Cut all service use by 10 %: negative and positive bars, and new numbers everywhere."""
    page.locator("#vl-familie-barnevern_reduksjon").fill("10")
    want = format_output(evaluate(MODEL, {"barnevern_reduksjon": 10})[HEADLINE.id], HEADLINE)
    expect(page.locator(f'dl [data-vl-value="{HEADLINE.id}"]')).to_have_text(want)


@pytest.mark.parametrize("width", [1280, 375])
def test_after_an_input_change_every_chart_text_lies_inside_its_chart(make_page, site_url, width: int) -> None:
    page = open_familie(make_page, site_url, width)
    change_input(page)
    assert page.locator(".vl-calc__chart text").count() > 0
    assert page.evaluate(OUTSIDE) == []
