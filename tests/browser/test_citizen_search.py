"""A family searching the site with its own words finds the citizen page first."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FAMILY_WORDS = ["barnevern", "hjelp", "samtykke", "tolk", "bolig"]


@pytest.mark.parametrize("word", FAMILY_WORDS)
def test_the_citizen_page_is_the_first_search_result_for_a_word_families_use(
    make_page, site_url: str, word: str,
) -> None:
    page = make_page()
    page.goto(site_url)
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('Skriv')")
    query.press_sequentially(word)
    first = page.locator(".md-search-result__item").first.locator("a").first
    first.wait_for()
    assert first.get_attribute("href").rstrip("/").endswith("innbyggere")


def test_the_ranking_words_are_not_drawn_as_grey_chips_under_the_result(make_page, site_url: str) -> None:
    page = make_page()
    page.goto(site_url)
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('Skriv')")
    query.press_sequentially("barnevern")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result .md-tags").first.is_hidden()
