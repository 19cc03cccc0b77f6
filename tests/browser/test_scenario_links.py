"""The scenario link through a real address bar: a link Python writes (workshops, handouts)
opens with its values in the form, a link the browser writes reads back in Python to the
scenario on screen, and an odd link gives the notice Python gives, naming each field
(calculators/view/scenario_links.py, translated into the runtime)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from calculators.engine import registry
from calculators.site import bundle
from calculators.view.scenario_links import link_notice, read_scenario_link, scenario_link
from calculators.view.view import format_number
from tests.browser.fixtures import calculator_ready

pytestmark = pytest.mark.browser

PAGE = "okonomi/familie/"
MODEL = registry.load("familie")
META = bundle.metadata(MODEL)
INPUTS = {i.id: i for i in MODEL.inputs}


def opened(make_page, url: str) -> Page:
    page = make_page()
    page.goto(url)
    calculator_ready(page)
    return page


def shown(page: Page, input_id: str) -> str:
    return page.locator(f"#vl-familie-{input_id}").input_value()


def test_a_link_written_by_python_opens_with_its_values(make_page, site_url) -> None:
    values = {"dodvekt": 35, "optimisme": 12.5}
    url = scenario_link(site_url + PAGE, "forsiktig", values)
    page = opened(make_page, url)
    preset = next(p for p in MODEL.presets if p.id == "forsiktig").values
    for key, value in {**preset, **values}.items():
        assert shown(page, key) == format_number(value, INPUTS[key].unit, True, True)
    expect(page.locator(".vl-calc__notice")).to_be_hidden()
    # What the browser keeps in its address reads back, in Python, to the same scenario.
    page.locator("#vl-familie-dodvekt").fill("36")
    page.wait_for_function("() => location.hash.includes('dodvekt=36')")
    back = read_scenario_link(META, page.url)
    assert back["problems"] == []
    assert {k: v for k, v in back["values"].items() if v != INPUTS[k].default} == {
        k: v for k, v in {**preset, **values, "dodvekt": 36}.items() if v != INPUTS[k].default}


def test_what_a_reader_types_is_what_python_reads_from_the_address(make_page, site_url) -> None:
    page = opened(make_page, site_url + PAGE)
    page.locator("#vl-familie-arbeidsinntekt").fill("1 250 000,5")
    page.locator(".vl-calc__ranges summary").click()
    page.locator("#vl-familie-lav_dodvekt").fill("5")
    page.wait_for_function("() => location.hash.includes('lav_dodvekt=5')")
    link = read_scenario_link(META, page.url)
    assert link["values"] == {"arbeidsinntekt": 1250000.5}
    assert link["lows"] == {"dodvekt": 5}
    assert link["problems"] == []


def test_an_odd_link_says_what_python_says_and_never_shows_nan(make_page, site_url) -> None:
    url = (site_url + PAGE + "#dodvekt=abc&ukjent=1&optimisme=500&barnevern_reduksjon=1e3"
           "&hoy_dodvekt=x&pm_finnes_ikke=pluss&preset=ingen&avtakning=12")
    page = opened(make_page, url)
    expected = link_notice(read_scenario_link(META, url)["problems"])
    assert "«" + INPUTS["dodvekt"].label + "»" in expected
    expect(page.locator(".vl-calc__notice")).to_have_text(expected)
    assert shown(page, "avtakning") == "12"
    for key in INPUTS:
        assert "NaN" not in shown(page, key)
    assert shown(page, "dodvekt") == format_number(INPUTS["dodvekt"].default, INPUTS["dodvekt"].unit, True, True)
