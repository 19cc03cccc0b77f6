"""Keyboard-only use of the site frame: skip link first, focus always visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FOCUS_IS_VISIBLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  return {outline, shadow, visible: box.width > 0 && box.height > 0,
          tag: el.tagName, cls: el.className, text: (el.textContent || '').trim().slice(0, 40)};
}"""


def test_first_tab_reaches_a_visible_skip_link(site_url: str, make_page) -> None:
    page = make_page()
    page.goto(site_url + "om-nettstedet/personvern/")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUS_IS_VISIBLE)
    assert "md-skip" in focused["cls"].split() and focused["text"] == "Gå til innhold"
    assert focused["visible"] and focused["outline"]


def skip_to_content(page) -> None:
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("article h1")).to_be_focused()
    page.keyboard.press("Tab")
    inside_content = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert inside_content, page.evaluate("document.activeElement.outerHTML")


def test_skip_link_moves_focus_past_the_header_into_the_content(site_url: str, make_page) -> None:
    page = make_page()
    # After the scripts have run: our skip link handler bound (skiplenke.js), and Material's instant
    # navigation, which takes over link clicks once it has the sitemap, handling the link itself.
    with page.expect_response(site_url + "sitemap.xml") as sitemap:
        page.goto(site_url + "om-nettstedet/personvern/")
    sitemap.value.finished()
    page.wait_for_selector(".md-skip[data-vl-skip-bound]", state="attached")
    skip_to_content(page)
    # Our script handled it, not instant navigation (which would reload the page and swap the focused
    # heading away, and replace the #fragment a calculator keeps its scenario in).
    assert page.url == site_url + "om-nettstedet/personvern/"


def test_skip_link_moves_focus_into_the_content_before_any_script_has_run(site_url: str, make_page) -> None:
    # A fast keyboard user may press Enter before the scripts have loaded; the link itself must do it.
    page = make_page(javascript=False)
    page.goto(site_url + "om-nettstedet/personvern/")
    skip_to_content(page)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_focus_is_visible_on_the_first_twenty_stops(site_url: str, make_page, color_scheme: str) -> None:
    page = make_page(color_scheme=color_scheme)
    page.goto(site_url)
    invisible = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_IS_VISIBLE)
        if focused["tag"] == "BODY":
            break
        if not (focused["outline"] or focused["shadow"]):
            invisible.append(focused)
    assert not invisible
