"""In Chromium: a case page's calculator link opens a card with the page's median; each case's duk file
opens in the digital duk with every box filled."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import calculator_ready
from typfall.build import build_cases

pytestmark = pytest.mark.browser

CASES = {b.case.id: b for b in build_cases()[0]}


@pytest.mark.parametrize("case_id", sorted(CASES))
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


def test_each_case_duk_file_opens_in_the_digital_duk_with_every_box_filled(site_url: str, make_page, tmp_path) -> None:
    page = make_page()
    page.goto(f"{site_url}maler/fyll-ut-duken/")
    page.wait_for_selector("form[data-vl-duk].vl-duk--ready")
    page.on("dialog", lambda dialog: dialog.accept())  # «open over what is there?» after the first case
    for built in CASES.values():
        file = tmp_path / built.json_name
        file.write_bytes(built.duk_json)
        with page.expect_file_chooser() as chooser:
            page.locator("[data-vl-open]").click()
        chooser.value.set_files(str(file))
        expect(page.locator("[data-vl-status]")).to_contain_text(built.json_name)
        for area, value in built.case.duk.items():
            cell = page.locator(f'.vl-duk__cell[data-vl-area="{area}"]')
            if isinstance(value, list):
                for r, row in enumerate(value):
                    for c, text in enumerate(row):
                        expect(cell.locator("tbody tr").nth(r).locator("textarea").nth(c)).to_have_value(text)
            else:
                expect(cell.locator("textarea")).to_have_value(value)
        reference = json.loads(built.duk_json)["meeting"]["reference"]
        expect(page.locator('input[data-vl-meeting="reference"]')).to_have_value(reference)
    assert not page.console_errors and not page.offsite_requests
