"""The Investeringsmøtet calculator in Chromium: what a person does with it, and what must hold."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculators.core.model import Output
from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.site.render import format_output
from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import calculator_ready

pytestmark = pytest.mark.browser

PAGE = "okonomi/investeringsmotet/"
MODEL = registry.load("investeringsmote")
OUTPUTS = {o.id: o for o in MODEL.outputs}
BAD_INPUTS = ["", "mange", "-3", "99999999999", "1 000,5", "1.000,5", "kr 1000", "50 %"]


def shown(page: Page, output_id: str) -> str:
    return page.locator(f':is(dd,span)[data-vl-value="{output_id}"]').first.inner_text()


def expected(output_id: str, values: dict[str, float] | None = None) -> str:
    output: Output = OUTPUTS[output_id]
    return format_output(evaluate(MODEL, values)[output_id], output)


def open_calculator(make_page, site_url: str, query: str = "") -> Page:
    page = make_page()
    page.goto(site_url + PAGE + query)
    calculator_ready(page)
    return page


def field(page: Page, input_id: str):
    return page.locator(f"#vl-investeringsmote-{input_id}")


def test_the_page_shows_the_python_results_before_any_script_runs(built_site) -> None:
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    assert expected("kostnad_investeringsmote") in html
    assert expected("spart_per_ar") in html


def test_every_calculator_page_loads_only_the_first_step_which_names_one_shared_runtime(built_site) -> None:
    """A calculator page loads one small file (kalkulator-start.js); it names the runtime with the
    translated view (one file for every calculator page, cached once) and the model's file, which
    load on the reader's first move. The uncertainty engine is loaded later by the runtime."""
    starts, runtimes, models = set(), set(), set()
    for page in ("okonomi/familie/", "okonomi/utenforskap/", "okonomi/investeringsmotet/"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        tags = re.findall(r'<script src="([^"]+)" data-vl-start="[^"]+" data-vl-runtime="([^"]+)" data-vl-kode="([^"]+)"', html)
        assert len(tags) == 1
        start, runtime, model = ((built_site / page / path).resolve() for path in tags[0])
        starts.add(start)
        runtimes.add(runtime)
        models.add(model)
        loaded = [src for src in re.findall(r'<script src="([^"]+)"', html) if "kalkulatorer/" in src]
        assert loaded == [tags[0][0]]
        assert "data-vl-usikkerhet=" in html
    assert len(starts) == len(runtimes) == 1 and len(models) == 3
    assert all(path.is_file() for path in starts | runtimes | models)
    assert re.fullmatch(r"kalkulator\.[0-9a-f]{10}\.js", next(iter(runtimes)).name)


def test_editing_an_input_updates_the_result_to_the_python_value(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    field(page, "deltakere_kommune").fill("8")
    want = expected("kostnad_investeringsmote", {"deltakere_kommune": 8})
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(want)
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
    calculator_ready(page)
    notice = page.locator(".vl-calc__notice")
    expect(notice).to_be_visible()
    assert "<img src=x onerror=alert(1)>" in notice.inner_text()
    # Each value not used is named by its field, with the reason (calculators/view/scenario_links.py).
    horizon = next(i for i in MODEL.inputs if i.id == "horisont")
    assert f"«{horizon.label}»: Tallet kan ikke være større enn" in notice.inner_text()
    assert "«x» er ikke et felt i denne kalkulatoren" in notice.inner_text()
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
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
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
    calculator_ready(page, '[data-vl-calc="familie"]')
    page.locator('.md-content a[href$="/okonomi/investeringsmotet/"]').first.click()
    page.wait_for_url(re.compile(r"/okonomi/investeringsmotet/(#.*)?$"))
    calculator_ready(page, '[data-vl-calc="investeringsmote"]')
    # Material's instant navigation swapped the page in place (no reload), and the runtime bound
    # the calculator once.
    assert page.evaluate("window.vlSamePage === true")
    assert page.locator("[data-vl-calc][data-vl-bound]").count() == 1
    field(page, "deltakere_stat").fill("3")
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
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
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(want)
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


# ---- the first step (kalkulator-start.js): the runtime loads on the reader's first move -------

RUNTIME_FILES = re.compile(r"/assets/kalkulatorer/(kalkulator|investeringsmote)\.[0-9a-f]{10}\.js$")


IDLE = "() => new Promise((resolve) => requestIdleCallback(resolve))"
"""Resolves when the page's main thread has nothing left to do (no task, no timer due)."""


def fresh_page(make_page, site_url: str, fragment: str = "", hold: bool = False) -> tuple[Page, list[str], list]:
    """The page, the calculator files it has asked for, and (``hold``) their requests held back
    until the test lets them through (``route.continue_()``): a slow network, on demand."""
    page = make_page()
    asked: list[str] = []
    held: list = []
    page.on("request", lambda request: asked.append(request.url) if RUNTIME_FILES.search(request.url) else None)
    if hold:
        page.route(RUNTIME_FILES, lambda route: held.append(route))
    page.goto(site_url + PAGE + fragment)
    page.wait_for_selector("[data-vl-calc][data-vl-armed]", state="attached")
    return page, asked, held


def release(page: Page, held: list, count: int = 2) -> None:
    """Let the held requests through, once all ``count`` have been asked for. Playwright hands the
    test a request (the "request" event) and then its route, one message after the other: after a
    round trip to the page, every request announced before it is held; else wait for the next."""
    while True:
        page.evaluate("0")  # the round trip
        if len(held) >= count:
            break
        page.wait_for_event("request", lambda request: bool(RUNTIME_FILES.search(request.url)))
    assert len(held) == count, f"{len(held)} av {count} forespørsler kom"
    while held:
        held.pop().continue_()


def test_the_page_loads_no_runtime_until_the_reader_moves_towards_the_calculator(make_page, site_url) -> None:
    page, asked, _ = fresh_page(make_page, site_url)
    page.evaluate(IDLE)  # the page has nothing left to do, and has asked for no runtime
    assert asked == []
    # The build's results are there, the buttons are shown and the fields take input.
    assert shown(page, "kostnad_investeringsmote") == expected("kostnad_investeringsmote")
    expect(page.get_by_role("button", name="Kopier lenke")).to_be_visible()
    assert not field(page, "deltakere_kommune").evaluate("(input) => input.readOnly")
    page.mouse.move(1, 1)
    page.locator("[data-vl-calc] form").hover()
    expect(page.locator("[data-vl-calc][data-vl-bound]")).to_have_count(1)
    assert len(asked) == 2
    # The move also brings the uncertainty engine, as a first interaction with a running calculator does.
    page.wait_for_function("() => !!globalThis.vlUsikkerhetMotor")
    field(page, "deltakere_kommune").fill("8")
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
        expected("kostnad_investeringsmote", {"deltakere_kommune": 8}))
    assert page.console_errors == []


def test_the_keyboard_starts_the_calculator_by_moving_focus_into_it(make_page, site_url) -> None:
    page, asked, _ = fresh_page(make_page, site_url)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('[data-vl-calc]')"):
            break
    expect(page.locator("[data-vl-calc][data-vl-bound]")).to_have_count(1)
    assert len(asked) == 2


def test_a_scenario_link_starts_the_calculator_at_once(make_page, site_url) -> None:
    page, asked, _ = fresh_page(make_page, site_url, "#deltakere_kommune=8")
    expect(page.locator("[data-vl-calc][data-vl-bound]")).to_have_count(1)
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
        expected("kostnad_investeringsmote", {"deltakere_kommune": 8}))
    assert len(asked) == 2


def test_what_is_typed_while_the_runtime_loads_is_kept_and_computed(make_page, site_url) -> None:
    page, asked, held = fresh_page(make_page, site_url, hold=True)
    field(page, "deltakere_kommune").fill("8")  # focus starts the load, which the network holds back
    expect(page.locator("[data-vl-calc][data-vl-bound]")).to_have_count(0)
    assert shown(page, "kostnad_investeringsmote") == expected("kostnad_investeringsmote")
    release(page, held)
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
        expected("kostnad_investeringsmote", {"deltakere_kommune": 8}))
    assert field(page, "deltakere_kommune").input_value() == "8"
    expect(page).to_have_url(re.compile(r"#deltakere_kommune=8$"))
    assert page.console_errors == []


def test_a_button_pressed_while_the_runtime_loads_does_its_work_when_it_is_there(make_page, site_url) -> None:
    page, asked, held = fresh_page(make_page, site_url, hold=True)
    page.get_by_role("button", name="Vis på storskjerm").click()
    assert not page.evaluate("document.documentElement.classList.contains('vl-present')")
    release(page, held)
    expect(page.locator("html.vl-present")).to_have_count(1)
    expect(page.get_by_role("button", name="Avslutt storskjerm")).to_be_visible()
    assert page.console_errors == []


def test_a_runtime_that_cannot_load_says_so_and_the_next_move_tries_again(make_page, site_url) -> None:
    page, asked, _ = fresh_page(make_page, site_url)
    page.route(RUNTIME_FILES, lambda route: route.abort())
    page.locator("[data-vl-calc] form").hover()
    notice = page.locator(".vl-calc__notice")
    expect(notice).to_have_text(re.compile("Kalkulatoren kunne ikke lastes"))
    expect(notice).to_be_visible()
    page.unroute(RUNTIME_FILES)
    page.mouse.move(1, 1)
    page.locator("[data-vl-calc] .vl-calc__actions").hover()
    expect(page.locator("[data-vl-calc][data-vl-bound]")).to_have_count(1)


def test_a_preset_picked_while_the_runtime_loads_is_applied_when_it_is_there(make_page, site_url) -> None:
    page, asked, held = fresh_page(make_page, site_url, hold=True)
    select = page.locator("[data-vl-preset]")
    preset = next(p for p in MODEL.presets if p.id == "stort_team")
    preset_id = preset.id
    select.select_option(preset_id)
    release(page, held)
    expect(page.locator(':is(dd,span)[data-vl-value="kostnad_investeringsmote"]')).to_have_text(
        expected("kostnad_investeringsmote", dict(preset.values)))
    assert select.input_value() == preset_id
    assert page.console_errors == []
