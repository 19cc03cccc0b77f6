"""No page of the site scrolls sideways on a phone (375 px): every page, not a sample.

A table, a long word or a wide figure that pushes the page wider makes a reader on a phone pan
left and right to read each line. What may be wider than the screen scrolls inside its own box
(Material's table wrapper, a code block), never the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.fixtures import WIDTHS
from tests.browser.test_every_page import site_pages

CHUNKS = 3
"""The pages are checked in this many slices, so parallel workers share the work."""

# What sticks out past the right edge, for the message: the outermost such elements.
_TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 0.5);
  return wide.filter((e) => !wide.includes(e.parentElement)).slice(0, 3)
    .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_no_page_scrolls_sideways_at_phone_width(built_site: Path, site_url: str, make_page, chunk: int) -> None:
    page = make_page(width=WIDTHS["phone"])
    wide = []
    for path in site_pages(built_site)[chunk::CHUNKS]:
        page.goto(site_url + path, wait_until="load")
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide.append(f"/{path}: {scroll} px bred på en skjerm på {client} px: {', '.join(page.evaluate(_TOO_WIDE))}")
    assert not wide, "\n".join(wide)
