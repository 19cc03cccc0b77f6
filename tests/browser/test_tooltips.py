"""Abbreviation tooltips: every page's abbreviations explain themselves without axe violations."""

from __future__ import annotations

import pytest

from tests.browser.axe import format_violations, run_axe

PAGE_WITH_ABBREVIATIONS = "erfaringer/nettverket/"


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_a_hovered_abbreviation_tooltip_passes_axe(make_page, site_url: str, color_scheme: str) -> None:
    page = make_page(color_scheme=color_scheme)
    page.goto(site_url + PAGE_WITH_ABBREVIATIONS)
    page.locator("article abbr").first.hover()
    page.locator(".md-tooltip2--active").wait_for()
    violations = run_axe(page)
    assert not violations, "axe med verktøytips synlig:\n" + format_violations(violations)


def test_a_hovered_abbreviation_keeps_its_explanation_for_screen_readers(make_page, site_url: str) -> None:
    page = make_page()
    page.goto(site_url + PAGE_WITH_ABBREVIATIONS)
    abbreviation = page.locator("article abbr", has_text="HOLF").first
    abbreviation.hover()
    page.locator(".md-tooltip2--active").wait_for()
    described_by = abbreviation.get_attribute("aria-describedby")
    assert page.locator(f"#{described_by}").text_content().startswith("Helhetlig oppfølging")
