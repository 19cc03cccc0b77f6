"""Each handout's QR code, read from the built site, opens its scenario with the expected figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import calculator_ready
from tests.workshops.test_handouts import qr_codes
from workshops.scenarios import load_scenarios

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s.id)
def test_the_handout_qr_code_opens_the_scenario_with_its_figure(scenario, built_site: Path, site_url: str, make_page) -> None:
    codes = qr_codes(built_site / "kurs" / "filer" / f"{scenario.id}.pdf")
    assert codes == [scenario.site_link(site_url)]
    page = make_page()
    page.goto(codes[0])
    calculator_ready(page)
    expect(page.locator(f'[data-vl-value="{scenario.figure.id}"]').first).to_have_text(scenario.figure_text)
    assert not page.console_errors and not page.offsite_requests
