"""A reader follows a case page's calculator link: the calculator's card shows the page's median."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import calculator_ready
from typfall.build import build_cases

pytestmark = pytest.mark.browser

CASES = {b.case.id: b for b in build_cases()[0]}


@pytest.mark.parametrize("case_id", ["midlertidig-bolig", "ung-utenfor"])
def test_the_case_link_opens_the_calculator_with_the_median_the_page_shows(case_id: str, site_url: str,
                                                                           make_page) -> None:
    built = CASES[case_id]
    holder = built.reading.share_holder
    page = make_page()
    page.goto(f"{site_url}typfall/{case_id}/")
    on_page = page.locator("article").inner_text()
    assert holder.median_text in on_page
    page.locator(f'[data-vl-typfall-link="{case_id}"]').first.click()
    page.wait_for_url(f"**/{built.reading.view.page.removesuffix('.md')}/#*")
    calculator_ready(page)
    page.wait_for_function(
        "() => document.querySelector('[data-vl-calc]').dataset.vlIntervalReady !== undefined", timeout=30_000)
    expect(page.locator(f'[data-vl-central="{holder.output}"]').first).to_have_text(holder.median_text)
    expect(page.locator(f'[data-vl-share-text="{holder.output}"]').first).to_have_text(holder.share_text)
    assert not page.console_errors and not page.offsite_requests
