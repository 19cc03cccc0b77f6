"""Guide pages as a person prints them and reads them on a phone."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

pytestmark = pytest.mark.browser

# Pages that left a heading alone at the bottom of a printed page before the print CSS was fixed.
PRINTED = ["kom-i-gang/sjekkliste/", "kom-i-gang/4-samtykke/"]


def _bottom_line(pdf_page: pypdf.PageObject) -> str:
    """The text lowest on the printed page (by position: extraction order is not reading order)."""
    pieces: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, _size) -> None:
        if text.strip():
            pieces.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    pdf_page.extract_text(visitor_text=visit)
    return min(pieces)[1] if pieces else ""


@pytest.mark.parametrize("path", PRINTED)
def test_no_printed_page_ends_with_a_heading(make_page, site_url: str, path: str) -> None:
    page = make_page()
    page.goto(site_url + path)
    headings = {h.strip() for h in page.locator("article :is(h2, h3)").all_inner_texts()}
    headings = {re.sub(r"\s*#\s*$", "", h) for h in headings}
    page.emulate_media(media="print")
    pages = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    assert len(pages) > 1, "siden skal gå over flere ark, ellers tester vi ingenting"
    bottoms = [_bottom_line(p) for p in pages[:-1]]
    orphans = [f"ark {i + 1}: «{line}»" for i, line in enumerate(bottoms) if line in headings]
    assert not orphans, "Overskrift alene nederst på arket: " + ", ".join(orphans)


def test_every_column_of_the_kom_i_gang_table_fits_a_phone(make_page, site_url: str) -> None:
    page = make_page(width=375)
    page.goto(site_url + "kom-i-gang/")
    table = page.locator("article table").first
    overflow = table.evaluate("t => t.scrollWidth - t.clientWidth")
    right_edge = page.locator("article table th").last.evaluate("th => th.getBoundingClientRect().right")
    assert overflow <= 1
    assert right_edge <= 375


MAIN_SECTIONS = ["om-velferdslab/", "kom-i-gang/", "metode/", "maler/", "okonomi/", "erfaringer/", "kurs/", "innbyggere/"]


def test_the_not_found_page_is_norwegian_and_links_to_every_main_section(built_site) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "Not found" not in html
    assert "Fant ikke siden" in article
    assert [s for s in MAIN_SECTIONS if f'href="/{s}"' not in article] == []


def test_searching_from_the_not_found_page_opens_the_site_search_with_results(make_page, site_url: str) -> None:
    page = make_page()
    page.goto(site_url + "404.html")  # the test server does not serve it for unknown paths itself
    page.get_by_label("Søk i veilederen", exact=True).fill("samtykke")
    page.get_by_role("button", name="Søk", exact=True).click()
    page.wait_for_url("**/?q=samtykke")
    page.wait_for_function("() => /\\d+ treff/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert page.locator(".md-search__input").input_value() == "samtykke"
