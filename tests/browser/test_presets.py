"""Presets on the familie and utenforskap calculators: choosing one, sharing it, opening it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.site.render import _preset_on_screen, format_number, format_output
from tests.browser.fixtures import calculator_ready

pytestmark = pytest.mark.browser

PAGES = {"familie": "okonomi/familie/", "utenforskap": "okonomi/utenforskap/"}
NO_EFFECT = "ingen-varig-effekt"


def preset_values(model_id: str, preset_id: str) -> dict[str, float]:
    return dict(next(p for p in registry.load(model_id).presets if p.id == preset_id).values)


def expected_headline(model_id: str, values: dict[str, float] | None = None) -> dict[str, str]:
    """What the headline shows for ``values``, as Python computes and formats it."""
    model = registry.load(model_id)
    results = evaluate(model, values)
    return {o.id: format_output(results[o.id], o) for o in model.outputs if o.headline}


def shown_headline(page: Page, model_id: str) -> dict[str, str]:
    return {output_id: page.locator(f':is(dd,span)[data-vl-value="{output_id}"]').inner_text()
            for output_id in expected_headline(model_id)}


def open_calculator(make_page, site_url: str, model_id: str, query: str = "") -> Page:
    page = make_page()
    page.goto(site_url + PAGES[model_id] + query)
    calculator_ready(page)
    return page


def choose(page: Page, label: str, model_id: str, preset_id: str) -> None:
    """Pick a preset and wait until every headline figure shows it. Some figures are the same with
    and without the preset (utenforskap's first one is): waiting on one of them alone would go on
    before the preset is on screen."""
    wanted = expected_headline(model_id, preset_values(model_id, preset_id))
    assert wanted != expected_headline(model_id), f"{preset_id} endrer ingen av hovedtallene"
    page.locator("[data-vl-preset]").select_option(label=label)
    for output_id, want in wanted.items():
        expect(page.locator(f':is(dd,span)[data-vl-value="{output_id}"]')).to_have_text(want)


LABELS = {"familie": "Ingen varig effekt", "utenforskap": "Ingen varig effekt av tiltaket"}


@pytest.mark.parametrize("model_id", PAGES)
def test_choosing_no_lasting_effect_shows_the_python_results_for_it(make_page, site_url, model_id: str) -> None:
    page = open_calculator(make_page, site_url, model_id)
    choose(page, LABELS[model_id], model_id, NO_EFFECT)
    assert shown_headline(page, model_id) == expected_headline(model_id, preset_values(model_id, NO_EFFECT))
    assert page.console_errors == []


def test_with_no_lasting_effect_the_public_value_is_minus_the_investment(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url, "familie")
    choose(page, LABELS["familie"], "familie", NO_EFFECT)
    investment = evaluate(registry.load("familie"), preset_values("familie", NO_EFFECT))["nv_investering"]
    assert investment > 0
    assert page.locator(':is(dd,span)[data-vl-value="nnv_offentlig"]').inner_text() == format_number(-investment, "kr")
    assert page.locator('td[data-vl-value="nv_investering"]').inner_text() == format_number(investment, "kr")


@pytest.mark.parametrize("model_id", PAGES)
def test_the_url_after_choosing_a_preset_names_it(make_page, site_url, model_id: str) -> None:
    page = open_calculator(make_page, site_url, model_id)
    choose(page, LABELS[model_id], model_id, NO_EFFECT)
    expect(page).to_have_url(site_url + PAGES[model_id] + f"#preset={NO_EFFECT}")


@pytest.mark.parametrize("model_id", PAGES)
def test_opening_a_preset_url_restores_the_preset(make_page, site_url, model_id: str) -> None:
    page = open_calculator(make_page, site_url, model_id, f"?preset={NO_EFFECT}")
    assert page.locator("[data-vl-preset]").input_value() == NO_EFFECT
    assert shown_headline(page, model_id) == expected_headline(model_id, preset_values(model_id, NO_EFFECT))
    assert page.locator(".vl-calc__notice").is_hidden()
    assert page.url == site_url + PAGES[model_id] + f"#preset={NO_EFFECT}"  # an old ?-link moves to #


def test_editing_a_field_after_a_preset_turns_the_choice_into_own_values(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url, "familie", f"?preset={NO_EFFECT}")
    page.locator("#vl-familie-barnevern_reduksjon").fill("10")
    values = preset_values("familie", NO_EFFECT) | {"barnevern_reduksjon": 10}
    expect(page.locator(':is(dd,span)[data-vl-value="nnv_offentlig"]')).to_have_text(
        expected_headline("familie", values)["nnv_offentlig"])
    assert page.locator("[data-vl-preset]").input_value() == "egne"
    expect(page.locator("[data-vl-preset] option:checked")).to_have_text("Egne tall")
    expect(page).to_have_url(re.compile(r"#(?!.*preset=).*barnevern_reduksjon=10"))


@pytest.mark.parametrize("model_id", PAGES)
def test_an_unknown_preset_in_the_url_gives_a_notice_and_keeps_the_defaults(make_page, site_url, model_id: str) -> None:
    page = open_calculator(make_page, site_url, model_id, "?preset=finnes-ikke")
    notice = page.locator(".vl-calc__notice")
    expect(notice).to_be_visible()
    assert "preset=finnes-ikke" in notice.inner_text()
    # The defaults are on screen: the selector names the preset that has them (if one does).
    assert page.locator("[data-vl-preset]").input_value() == _preset_on_screen(registry.load(model_id))
    assert shown_headline(page, model_id) == expected_headline(model_id)
