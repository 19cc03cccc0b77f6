"""The Investeringsmøtet calculator in Chromium: what a person does with it, and what must hold."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculators import registry
from calculators.evaluate import evaluate
from calculators.model import Output
from calculators.render import format_output
from tests.browser.axe import format_violations, run_axe

pytestmark = pytest.mark.browser

PAGE = "okonomi/investeringsmotet/"
MODEL = registry.load("investeringsmote")
OUTPUTS = {o.id: o for o in MODEL.outputs}
BAD_INPUTS = ["", "mange", "-3", "99999999999", "1 000,5", "1.000,5", "kr 1000", "50 %"]


def shown(page: Page, output_id: str) -> str:
    return page.locator(f'dd[data-vl-value="{output_id}"]').first.inner_text()


def expected(output_id: str, values: dict[str, float] | None = None) -> str:
    output: Output = OUTPUTS[output_id]
    return format_output(evaluate(MODEL, values)[output_id], output)


def open_calculator(make_page, site_url: str, query: str = "") -> Page:
    page = make_page()
    page.goto(site_url + PAGE + query)
    page.wait_for_selector("[data-vl-calc][data-vl-bound]")
    return page


def field(page: Page, input_id: str):
    return page.locator(f"#vl-investeringsmote-{input_id}")


def test_the_page_shows_the_python_results_before_any_script_runs(built_site) -> None:
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    assert expected("kostnad_investeringsmote") in html
    assert expected("spart_per_ar") in html


def test_every_calculator_page_loads_the_same_runtime_file_and_not_the_uncertainty_engine(built_site) -> None:
    """One runtime with the translated view for every calculator page (cached once, a second
    calculator costs only its model file); the uncertainty engine is loaded by the runtime."""
    runtimes, models = set(), set()
    for page in ("okonomi/familie/", "okonomi/utenforskap/", "okonomi/investeringsmotet/"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        sources = [(built_site / page / src).resolve() for src in re.findall(r'<script src="([^"]+)"', html)]
        runtimes.update(s for s in sources if re.fullmatch(r"kalkulator\.[0-9a-f]{10}\.js", s.name))
        models.update(s for s in sources if "kalkulatorer" in s.parts and not s.name.startswith("kalkulator."))
        assert not [s for s in sources if "usikkerhet" in s.name]
        assert "data-vl-usikkerhet=" in html
    assert len(runtimes) == 1 and next(iter(runtimes)).is_file()
    assert len(models) == 3


def test_editing_an_input_updates_the_result_to_the_python_value(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    field(page, "deltakere_kommune").fill("8")
    want = expected("kostnad_investeringsmote", {"deltakere_kommune": 8})
    expect(page.locator('dd[data-vl-value="kostnad_investeringsmote"]')).to_have_text(want)
    assert shown(page, "spart_per_ar") == expected("spart_per_ar", {"deltakere_kommune": 8})
    assert page.console_errors == []


@pytest.mark.parametrize("raw", ["1 000", "1\u00a0000", "1\u202f000", "1.000", "kr 1 000", "1000 kr"])
def test_norwegian_number_forms_are_read_as_one_thousand(make_page, site_url, raw: str) -> None:
    page = open_calculator(make_page, site_url)
    field(page, "arsverk_timer").fill(raw)
    want = expected("timekostnad", {"arsverk_timer": 1000})
    expect(page.locator('td[data-vl-value="timekostnad"]')).to_have_text(want)


@pytest.mark.parametrize("raw, value", [("12,5", 12.5), ("12.5", 12.5), ("12,5 %", 12.5), ("12,5%", 12.5)])
def test_percentages_are_read_with_or_without_the_sign(make_page, site_url, raw: str, value: float) -> None:
    page = open_calculator(make_page, site_url)
    field(page, "pensjon").fill(raw)
    want = expected("timekostnad", {"pensjon": value})
    expect(page.locator('td[data-vl-value="timekostnad"]')).to_have_text(want)


@pytest.mark.parametrize("raw", BAD_INPUTS)
def test_a_bad_input_gives_a_message_and_keeps_the_last_result_marked(make_page, site_url, raw: str) -> None:
    page = open_calculator(make_page, site_url)
    before = shown(page, "spart_per_ar")
    box = field(page, "deltakere_kommune")  # an integer field from 0 to 30: every case is bad
    box.fill(raw)
    error = page.locator("#vl-investeringsmote-deltakere_kommune-feil")
    expect(error).to_be_visible()
    assert error.inner_text().strip() != ""
    assert box.get_attribute("aria-invalid") == "true"
    assert "vl-investeringsmote-deltakere_kommune-feil" in box.get_attribute("aria-describedby")
    expect(page.locator(".vl-calc__stale")).to_be_visible()
    assert shown(page, "spart_per_ar") == before
    text = page.locator(".vl-calc").inner_text()
    for word in ("NaN", "Infinity", "undefined", "null"):
        assert word not in text


def test_the_scenario_goes_into_the_url_and_comes_back(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    field(page, "motetimer").fill("2,5")
    field(page, "arslonn").fill("700 000")
    expect(page).to_have_url(site_url + PAGE + "#motetimer=2.5&arslonn=700000")
    again = open_calculator(make_page, site_url, "#motetimer=2.5&arslonn=700000")
    assert field(again, "motetimer").input_value() == "2,5"
    assert field(again, "arslonn").input_value() == "700\u00a0000"
    assert shown(again, "spart_per_ar") == expected("spart_per_ar", {"motetimer": 2.5, "arslonn": 700000})
    # A link from before the scenario moved to the #fragment still opens, and moves there.
    old = open_calculator(make_page, site_url, "?motetimer=2.5&arslonn=700000")
    assert field(old, "motetimer").input_value() == "2,5"
    expect(old).to_have_url(site_url + PAGE + "#motetimer=2.5&arslonn=700000")


def test_a_preset_in_the_url_is_applied(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url, "?preset=stort_team")
    values = dict(next(p for p in MODEL.presets if p.id == "stort_team").values)
    assert shown(page, "spart_per_ar") == expected("spart_per_ar", values)


def test_a_hostile_url_is_shown_as_text_and_never_runs(make_page, site_url) -> None:
    page = make_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    query = "?motetimer=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&x=javascript:alert(2)&horisont=99"
    page.goto(site_url + PAGE + query)
    page.wait_for_selector("[data-vl-calc][data-vl-bound]")
    notice = page.locator(".vl-calc__notice")
    expect(notice).to_be_visible()
    assert "<img src=x onerror=alert(1)>" in notice.inner_text()
    assert "horisont=99" in notice.inner_text()
    assert page.locator(".vl-calc img").count() == 0
    assert dialogs == []
    assert shown(page, "spart_per_ar") == expected("spart_per_ar")


def test_copy_link_puts_the_scenario_url_on_the_clipboard(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    field(page, "moter_per_ar").fill("10")
    page.get_by_role("button", name="Kopier lenke").click()
    expect(page.locator(".vl-calc__copied")).to_have_text("Lenken er kopiert.")
    expect(page.locator(".vl-calc__copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == site_url + PAGE + "#moter_per_ar=10"


def test_the_calculator_works_with_the_keyboard_alone(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    field(page, "deltakere_kommune").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    expect(page.locator('dd[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
        expected("kostnad_investeringsmote", {"deltakere_kommune": 7}))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.vlAction") == "reset":
            break
    page.keyboard.press("Enter")
    assert field(page, "deltakere_kommune").input_value() == "5"
    assert shown(page, "kostnad_investeringsmote") == expected("kostnad_investeringsmote")


def test_axe_finds_nothing_with_a_field_in_error(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    field(page, "motetimer").fill("mye")
    expect(page.locator("#vl-investeringsmote-motetimer-feil")).to_be_visible()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


def test_navigating_away_and_back_binds_once_and_still_computes(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    page.evaluate("window.vlSamePage = true")
    # Calculator pages give their width to the calculator (no left navigation): the page's own
    # link to the other calculators.
    page.locator('.md-content a[href$="/okonomi/familie/"]').first.click()
    page.wait_for_url(re.compile(r"/okonomi/familie/(#.*)?$"))
    page.wait_for_selector('[data-vl-calc="familie"][data-vl-bound]')
    page.locator('.md-content a[href$="/okonomi/investeringsmotet/"]').first.click()
    page.wait_for_url(re.compile(r"/okonomi/investeringsmotet/(#.*)?$"))
    page.wait_for_selector('[data-vl-calc="investeringsmote"][data-vl-bound]')
    # Material's instant navigation swapped the page in place (no reload), and the runtime bound
    # the calculator once.
    assert page.evaluate("window.vlSamePage === true")
    assert page.locator("[data-vl-calc][data-vl-bound]").count() == 1
    field(page, "deltakere_stat").fill("3")
    expect(page.locator('dd[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
        expected("kostnad_investeringsmote", {"deltakere_stat": 3}))
    expect(page).to_have_url(re.compile(r"#deltakere_stat=3$"))
    assert page.console_errors == []


def test_printing_puts_the_inputs_and_the_results_on_the_first_page(make_page, site_url) -> None:
    import io

    import pypdf

    page = open_calculator(make_page, site_url)
    page.emulate_media(media="print")
    pages = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    first_page = pages[0].extract_text()
    # Page 1: every input (the whole scenario) and every headline figure; the reading sentence and
    # «who pays, who saves» follow at the top of page 2 (Investeringsmøtet has 20 inputs).
    assert "Resultat" in first_page
    for input_ in registry.load("investeringsmote").inputs:
        assert input_.label.split()[0] in first_page, input_.label
    for output in registry.load("investeringsmote").outputs:
        if output.headline:
            assert expected(output.id).replace("\u00a0", " ") in first_page.replace("\u00a0", " ")
    assert "Hvem betaler og hvem sparer" in first_page + pages[1].extract_text()


def test_the_runtime_gives_the_scenario_on_screen_to_an_export(make_page, site_url) -> None:
    """vlKalkulator.scenario(root): the contract the exports (issue 13) build on."""
    page = open_calculator(make_page, site_url)
    field(page, "deltakere_kommune").fill("8")
    want = expected("kostnad_investeringsmote", {"deltakere_kommune": 8})
    expect(page.locator('dd[data-vl-value="kostnad_investeringsmote"]')).to_have_text(want)
    scenario = page.evaluate("vlKalkulator.scenario(document.querySelector('[data-vl-calc]'))")
    assert scenario["model"] == "investeringsmote" and scenario["title"] == MODEL.title
    assert scenario["values"]["deltakere_kommune"] == 8 and scenario["changed"] == ["deltakere_kommune"]
    assert scenario["defaults"]["deltakere_kommune"] == 5
    python = evaluate(MODEL, {"deltakere_kommune": 8})
    assert scenario["outputs"]["kostnad_investeringsmote"] == pytest.approx(python["kostnad_investeringsmote"])
    assert scenario["link"].startswith(site_url + PAGE) and "deltakere_kommune=8" in scenario["link"]
    first = scenario["meta"]["inputs"][0]
    # Sources and statuses travel in the export file (loaded on the first click), not in the page.
    assert {"label", "unit", "default", "min", "max"} <= first.keys() and "source" not in first
    assert {"label", "unit", "kind", "budget_holder"} <= scenario["meta"]["outputs"][0].keys()
    assert page.locator("[data-vl-exports]").count() == 1
