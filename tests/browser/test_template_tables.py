"""A table a person writes in (a template's risk or tiltak table) shows every cell's border, on
the screen and in print: its empty cells are where the writing goes."""

from __future__ import annotations

import pytest

CELL_BORDERS = """() => [...document.querySelectorAll('table.vl-tpl-table td, table.vl-tpl-table th')].map((cell) => {
  const style = getComputedStyle(cell);
  return ['Top', 'Right', 'Bottom', 'Left'].every((side) => parseFloat(style[`border${side}Width`]) > 0
    && style[`border${side}Style`] !== 'none' && !/rgba\\(.*, 0\\)$/.test(style[`border${side}Color`]));
})"""


@pytest.mark.browser
@pytest.mark.parametrize("media", ["screen", "print"])
def test_every_cell_of_the_dpia_pages_tables_has_a_visible_border(site_url, make_page, media):
    page = make_page(width=1280)
    page.goto(site_url + "maler/dpia/", wait_until="load")
    page.emulate_media(media=media)
    cells = page.evaluate(CELL_BORDERS)
    assert len(cells) > 20  # the risk and tiltak tables
    assert all(cells), f"{cells.count(False)} av {len(cells)} celler uten synlig kant ({media})"
