"""Uncertainty in Chromium (issue 12): the interval follows an edit and equals Python's for the
same seed; ranges and plus-minus marks travel in the link and reproduce the interval; the
exports get them from vlKalkulator.scenario; the block passes axe. (Time and task length are
measured by bench/calculators.py, not here.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculators.core import uncertainty
from calculators.engine import registry
from calculators.view.view import format_number
from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import calculator_ready

pytestmark = pytest.mark.browser

PAGE = "okonomi/familie/"
MODEL = registry.load("familie")
UNIT = "kr"


def interval_text(values: dict, ranges: dict | None = None) -> str:
    all_values = {**{i.id: i.default for i in MODEL.inputs}, **values}
    p10, _, p90 = uncertainty.analyse(MODEL, all_values, ranges)["intervals"]["nnv_offentlig"]
    return format_number(p10, UNIT, False, True) + " til " + format_number(p90, UNIT)


def ready(page: Page, after: str = "") -> None:
    """Wait until a run newer than ``after`` has drawn its interval."""
    page.wait_for_function(
        "(after) => { const r = document.querySelector('[data-vl-calc]').dataset.vlIntervalReady;"
        " return r !== undefined && r !== after; }", arg=after, timeout=30_000)


def run_id(page: Page) -> str:
    return page.evaluate("() => document.querySelector('[data-vl-calc]').dataset.vlIntervalReady || ''")


def open_page(make_page, site_url: str, query: str = "") -> Page:
    page = make_page()
    page.goto(site_url + PAGE + query)
    calculator_ready(page)
    page.locator("#vl-familie-horisont").focus()  # a reader's first interaction loads the engine
    ready(page)
    return page


def cell(page: Page) -> str:
    return page.locator('[data-vl-interval="nnv_offentlig"]').inner_text()


def test_the_page_shows_pythons_interval_before_any_script_runs(built_site) -> None:
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    assert interval_text({}) in html.replace("&nbsp;", "\u00a0")


ENGINE = "/assets/kalkulatorer/usikkerhet."
IDLE = "() => new Promise((resolve) => requestIdleCallback(resolve))"
"""Resolves when the page's main thread has nothing left to do (no task, no timer due)."""


def test_the_engine_is_not_part_of_the_page_and_loads_on_the_first_interaction(make_page, site_url) -> None:
    """The block as built is right for the defaults: the engine (bundle.uncertainty_asset) is
    fetched only when a reader starts to use the calculator (with the runtime, kalkulator-start.js),
    then follows every edit."""
    page = make_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + PAGE)
    # The first step waits for the reader, and the page has nothing left to do.
    page.wait_for_selector("[data-vl-calc][data-vl-armed]", state="attached")
    page.evaluate(IDLE)
    assert not [url for url in fetched if ENGINE in url]
    assert cell(page) == interval_text({})
    page.locator("#vl-familie-barnevern_reduksjon").click()  # the first move: the runtime, then the engine
    ready(page)
    assert len([url for url in fetched if ENGINE in url]) == 1
    edit_and_expect_the_python_interval(page)
    assert page.console_errors == []


def edit_and_expect_the_python_interval(page) -> None:
    before = run_id(page)
    page.locator("#vl-familie-barnevern_reduksjon").fill("45")
    ready(page, before)
    expect(page.locator('[data-vl-interval="nnv_offentlig"]')).to_have_text(interval_text({"barnevern_reduksjon": 45}))


def test_a_scenario_link_loads_the_engine_at_once(make_page, site_url) -> None:
    page = make_page()
    page.goto(site_url + PAGE + "#barnevern_reduksjon=45")
    calculator_ready(page)
    ready(page)  # no interaction: the link's scenario needs its own interval
    expect(page.locator('[data-vl-interval="nnv_offentlig"]')).to_have_text(interval_text({"barnevern_reduksjon": 45}))


def test_an_edit_gives_the_interval_python_gives_for_the_same_seed(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    assert cell(page) == interval_text({})
    edit_and_expect_the_python_interval(page)
    assert page.console_errors == []


def test_ranges_and_marks_travel_in_the_link_and_reproduce_the_interval(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    page.locator(".vl-calc__ranges summary").click()
    before = run_id(page)
    page.locator("#vl-familie-hoy_dodvekt").fill("80")
    page.locator("#vl-familie-pm_skole").select_option("pluss")
    ready(page, before)
    want = interval_text({}, {"dodvekt": (0, 80)})
    expect(page.locator('[data-vl-interval="nnv_offentlig"]')).to_have_text(want)
    assert "hoy_dodvekt=80" in page.url and "pm_skole=pluss" in page.url.split("#")[1]
    link = page.url
    again = make_page()
    again.goto(link)
    calculator_ready(again)
    ready(again)
    expect(again.locator('[data-vl-interval="nnv_offentlig"]')).to_have_text(want)
    expect(again.locator('[data-vl-mark="skole"]')).to_contain_text("+ positiv")
    assert again.locator("#vl-familie-pm_skole").input_value() == "pluss"
    scenario = again.evaluate("() => vlKalkulator.scenario(document.querySelector('[data-vl-calc]'))")
    assert scenario["marks"] == {"skole": "pluss"}
    assert scenario["ranges"]["dodvekt"] == [0, 80]
    assert scenario["uncertainty"]["samples"] == 500
    assert again.console_errors == []


def test_a_low_end_above_the_value_is_named_and_not_used(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    page.locator(".vl-calc__ranges summary").click()
    before = run_id(page)
    page.locator("#vl-familie-lav_dodvekt").fill("90")
    ready(page, before)
    expect(page.locator("#vl-familie-lav_dodvekt-feil")).to_contain_text("Lav verdi kan ikke være høyere")
    expect(page.locator('[data-vl-interval="nnv_offentlig"]')).to_have_text(interval_text({}))


def test_the_block_passes_axe_in_both_palettes(make_page, site_url) -> None:
    page = open_page(make_page, site_url, "?pm_skole=minus")
    page.locator(".vl-calc__ranges summary").click()
    for scheme in ("default", "slate"):
        page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        # Material's buttons fade between palettes (CSS transitions): axe must read the colours
        # after the fade, not halfway (it once measured a half-faded button at 3.98:1).
        page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
        violations = run_axe(page, ".vl-calc")
        assert not violations, format_violations(violations)


# -- the first screen: the main figure never stands alone -------------------------------------
IN_VIEW = """(selector) => {
  const r = document.querySelector(selector).getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.height > 0;
}"""
MAIN = "nnv_offentlig"
CARD = {"central": f'[data-vl-central="{MAIN}"]', "interval": f'[data-vl-interval-text="{MAIN}"]',
        "no_effect": f'[data-vl-no-effect-text="{MAIN}"]', "share": f'[data-vl-share-text="{MAIN}"]'}


def card_text(values: dict) -> dict[str, str]:
    """What the main headline card shows for ``values``, as Python computes and formats it."""
    all_values = {**{i.id: i.default for i in MODEL.inputs}, **values}
    result = uncertainty.analyse(MODEL, all_values)
    p10, p50, p90 = result["intervals"][MAIN]
    return {"central": format_number(p50, UNIT),
            "interval": f"8 av 10 trekninger mellom {format_number(p10, UNIT, False, True)} og {format_number(p90, UNIT)}",
            "no_effect": format_number(result["no_effect"][MAIN], UNIT),
            "share": f"I pluss i {round(result['shares'][MAIN] * 100)} av 100 trekninger med våre anslag"}


def assert_card(page: Page, want: dict[str, str]) -> None:
    for part, selector in CARD.items():
        expect(page.locator(selector)).to_have_text(want[part])
    for part in ("central", "interval", "share", "no_effect"):
        assert page.evaluate(IN_VIEW, CARD[part]), f"{part} er utenfor skjermen"


@pytest.mark.parametrize("width, height", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("preset", ["", "optimistisk"])
def test_the_first_screen_shows_the_interval_and_no_effect_beside_the_main_figure(make_page, site_url, width,
                                                                                 height, preset) -> None:
    page = make_page(width=width, height=height)
    page.goto(site_url + PAGE + (f"#preset={preset}" if preset else ""))
    calculator_ready(page)
    values = dict(next(p for p in MODEL.presets if p.id == preset).values) if preset else {}
    first, last = MODEL.inputs[0], MODEL.inputs[-1]
    page.locator(f"#vl-familie-{first.id}").focus()
    ready(page)
    assert_card(page, card_text(values))
    before = run_id(page)
    box = page.locator(f"#vl-familie-{last.id}")
    box.focus()
    box.fill("30")
    ready(page, before)
    assert_card(page, card_text({**values, last.id: 30}))
    assert page.evaluate(IN_VIEW, f"#vl-familie-{last.id}")
    assert page.console_errors == []


@pytest.mark.parametrize("width, height", [(1280, 800), (1920, 1080)])
def test_presentation_mode_shows_the_interval_and_no_effect_on_the_first_screen(make_page, site_url, width,
                                                                                height) -> None:
    page = make_page(width=width, height=height)
    page.goto(site_url + PAGE + "#visning=storskjerm")
    page.wait_for_selector("html.vl-present [data-vl-calc][data-vl-bound]")
    # Before any interaction the engine is not loaded: the card has the build's figures for the
    # defaults (the same seed gives the browser the same).
    assert_card(page, card_text({}))
    key = MODEL.key_inputs[-1]
    before = run_id(page)
    page.locator(f"#vl-familie-{key}").focus()
    page.keyboard.press("ArrowUp")
    ready(page, before)
    value = page.evaluate(f"() => vlKalkulator.scenario(document.querySelector('[data-vl-calc]')).values.{key}")
    assert value != next(i.default for i in MODEL.inputs if i.id == key)
    assert_card(page, card_text({key: value}))


def test_at_phone_width_the_sticky_summary_has_the_interval(make_page, site_url) -> None:
    page = make_page(width=375, height=800)
    page.goto(site_url + PAGE)
    calculator_ready(page)
    page.locator("#vl-familie-barnevern").focus()
    ready(page)
    peek = page.locator("[data-vl-peek-range]")
    expect(peek).to_have_text(card_text({})["interval"])
    assert page.evaluate(IN_VIEW, "[data-vl-peek-range]")
    before = run_id(page)
    page.locator("#vl-familie-barnevern_reduksjon").fill("45")
    ready(page, before)
    expect(peek).to_have_text(card_text({"barnevern_reduksjon": 45})["interval"])


def test_after_an_edit_the_card_says_beregner_never_the_old_figures(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    # Read in the same task as the edit: the runtime has drawn the new point result, the draws
    # have not started (usikkerhet.js waits for typing to pause).
    seen = page.evaluate("""() => {
      const box = document.querySelector('#vl-familie-barnevern_reduksjon');
      box.value = '45';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const text = (s) => document.querySelector(s).textContent;
      return [text('[data-vl-central]'), text('[data-vl-interval-text]'), text('[data-vl-no-effect-text]'),
              text('[data-vl-share-text]'), text('[data-vl-peek]'), text('[data-vl-peek-range]')];
    }""")
    assert seen == ["beregner …", "8 av 10 trekninger: beregner …", "beregner …", "beregner …", "beregner …",
                    "8 av 10 trekninger: beregner …"]
    expect(page.locator(CARD["interval"])).to_have_text(card_text({"barnevern_reduksjon": 45})["interval"])
    # Back to the defaults: the build's figures are current again at once.
    again = page.evaluate("""() => {
      const box = document.querySelector('#vl-familie-barnevern_reduksjon');
      box.value = '25';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return document.querySelector('[data-vl-interval-text]').textContent;
    }""")
    assert again == card_text({})["interval"]


def test_the_main_card_passes_axe_in_both_palettes_on_the_first_screen(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    for width, height in ((1280, 800), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        for scheme in ("default", "slate"):
            page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
            violations = run_axe(page, ".vl-calc__summary")
            assert not violations, format_violations(violations)


# -- the tornado reads like the other charts (issue 11's pattern) -------------------------------
TORNADO = "[data-vl-uncertainty] .vl-calc__chart"


@pytest.mark.parametrize("width, height, query, smallest", [(1280, 800, "", 14), (375, 800, "", 14),
                                                            (1920, 1080, "#visning=storskjerm", 20)])
def test_the_tornado_is_drawn_for_its_column_with_readable_text_and_no_overlaps(make_page, site_url, width,
                                                                                height, query, smallest) -> None:
    from tests.browser.test_calculator_view import OVERLAPS

    page = make_page(width=width, height=height)
    page.goto(site_url + PAGE + query)
    calculator_ready(page)
    # Nobody has touched the form: coming near the block loads the engine and the block's view
    # (mer.<hash>.js), which redraw it for its column.
    page.locator("[data-vl-uncertainty]").scroll_into_view_if_needed()
    ready(page)
    page.evaluate("document.querySelectorAll('.vl-calc details').forEach((d) => d.open = true)")
    size = f"""() => {{ const svg = document.querySelector('{TORNADO}');
      return [Number(svg.getAttribute('viewBox').split(' ')[2]), svg.getBoundingClientRect().width]; }}"""
    page.wait_for_function(f"() => {{ const [drawn, shown] = ({size})(); return Math.abs(drawn - shown) <= 10; }}",
                           timeout=30_000)  # the viewBox is its real width: text is not scaled
    drawn, shown = page.evaluate(size)
    assert abs(drawn - shown) <= 10
    sizes = page.evaluate(f"() => [...document.querySelectorAll('{TORNADO} text')].map((t) => t.getBoundingClientRect().height)")
    assert len(sizes) >= 8 and min(sizes) >= smallest
    assert page.evaluate(OVERLAPS) == []
    # Every text starts and ends inside the chart (long labels break between words).
    outside = page.evaluate(f"""() => {{ const svg = document.querySelector('{TORNADO}').getBoundingClientRect();
      return [...document.querySelectorAll('{TORNADO} text')].filter((t) => {{
        const r = t.getBoundingClientRect(); return r.left < svg.left - 1 || r.right > svg.right + 1; }}).map((t) => t.textContent); }}""")
    assert outside == []
    # Its numbers: a table named by the heading, like the other charts' («Tallene i en tabell»).
    assert page.locator("[data-vl-uncertainty] table[aria-labelledby='vl-familie-tornado']").count() == 1


def test_the_main_card_links_to_the_uncertainty_block_and_keeps_the_scenario(make_page, site_url) -> None:
    page = open_page(make_page, site_url, "#barnevern=400000")
    page.locator('[data-vl-range-summary] a[data-vl-jump]').click()
    expect(page.locator("#vl-familie-usikkerhet")).to_be_in_viewport()
    expect(page.locator("#vl-familie-usikkerhet")).to_be_focused()
    assert "barnevern=400000" in page.url


def test_a_field_in_error_is_named_where_the_results_say_they_are_not_updated(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    page.locator("#vl-familie-barnevern").fill("mange")
    stale = page.locator(".vl-calc__stale")
    expect(stale).to_be_visible()
    expect(stale).to_contain_text("«Tiltak i barnevernet»")


def test_the_first_interaction_gives_the_card_without_the_rest_of_the_view(make_page, site_url) -> None:
    # Issue 23's budget: the card's midtverdi, interval and share in plus need the runtime and the
    # engine only; the tables, charts and block (mer.<hash>.js) come with the first change.
    page = open_page(make_page, site_url)
    assert page.evaluate("() => globalThis.vlVisningMer === undefined")
    assert_card(page, card_text({}))
    before = run_id(page)
    page.locator("#vl-familie-dodvekt").fill("40")
    ready(page, before)
    assert_card(page, card_text({"dodvekt": 40}))
    page.wait_for_function("() => !!globalThis.vlVisningMer")
    expect(page.locator(".vl-calc__out--later")).to_have_count(0)
    expect(page.locator('[data-vl-out="details"]')).not_to_have_attribute("aria-busy", "true")
    assert page.console_errors == []


def test_figures_that_are_not_current_are_marked_and_a_screen_reader_hears_it(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    page.locator("#vl-familie-barnevern").fill("mange")
    summary = page.locator('[data-vl-out="summary"]')
    expect(summary).to_have_class(re.compile(r"vl-calc__out--stale"))
    assert summary.evaluate("(e) => getComputedStyle(e).outlineStyle") == "dashed"
    assert "repeating-linear-gradient" in summary.evaluate("(e) => getComputedStyle(e).backgroundImage")
    expect(page.locator(".vl-calc__live")).to_contain_text("«Tiltak i barnevernet»")
    page.locator("#vl-familie-barnevern").fill("300 000")
    expect(summary).not_to_have_class(re.compile(r"vl-calc__out--stale"))


def test_a_number_with_a_full_stop_says_how_it_was_read(make_page, site_url) -> None:
    page = open_page(make_page, site_url)
    box = page.locator("#vl-familie-barnevern")
    box.fill("300.000")
    note = page.locator("#vl-familie-barnevern-feil")
    expect(note).to_have_text("Tolket som 300\u00a0000\u00a0kr per år.")
    expect(note).to_have_class(re.compile(r"vl-calc__error--note"))
    assert box.get_attribute("aria-invalid") is None
    box.fill("300 000")
    expect(note).to_be_hidden()


def test_a_typed_zero_draws_zero_and_nothing_to_save_has_no_draw_in_plus(make_page, site_url) -> None:
    zeros = "&".join(f"{k}=0" for k in ("barnevern", "sosialhjelp", "bolig", "avlastning", "psykisk_helse",
                                        "spesialundervisning", "nav_ytelser"))
    page = open_page(make_page, site_url, "#" + zeros)
    expect(page.locator(CARD["share"])).to_have_text("I pluss i 0 av 100 trekninger med våre anslag")
    expect(page.locator(CARD["central"])).to_have_text(card_text({k: 0 for k in zeros.replace("=0", "").split("&")})["central"])


def test_the_range_fields_follow_a_typed_value_until_the_reader_sets_them(make_page, site_url) -> None:
    page = open_page(make_page, site_url, "#barnevern_reduksjon=0&ekstra_tiltak=75000&avtakning=0")
    # An effect typed as 0 draws 0; an amount keeps its spread in proportion (25 000–100 000
    # around 50 000 becomes 37 500–150 000 around 75 000); a correction keeps its width.
    expect(page.locator('[name="hoy_barnevern_reduksjon"]')).to_have_value("0")
    expect(page.locator('[name="lav_ekstra_tiltak"]')).to_have_value("37\u00a0500")
    expect(page.locator('[name="hoy_ekstra_tiltak"]')).to_have_value("150\u00a0000")
    expect(page.locator('[name="hoy_avtakning"]')).to_have_value("25")  # 0–50 around 25, moved to 0
    before = run_id(page)
    page.locator("details.vl-calc__ranges summary").click()
    page.locator('[name="hoy_ekstra_tiltak"]').fill("120 000")
    ready(page, before)
    assert "hoy_ekstra_tiltak=120000" in page.url and "lav_ekstra_tiltak" not in page.url


PRESENTATION_TEXT_BELOW_24PX = """() => [...document.querySelectorAll('.vl-calc__summary *, .vl-calc__field--key *, .vl-calc summary')]
  .filter((e) => e.checkVisibility() && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 23.5)
  .map((e) => e.tagName + ' ' + getComputedStyle(e).fontSize + ' ' + e.textContent.trim().slice(0, 30))"""


def test_presentation_mode_has_no_text_below_24_px_in_the_results_and_key_inputs(make_page, site_url) -> None:
    page = make_page(width=1280, height=800)
    page.goto(site_url + PAGE + "#visning=storskjerm")
    page.wait_for_selector("html.vl-present [data-vl-calc][data-vl-bound]")
    page.locator(f"#vl-familie-{MODEL.key_inputs[0]}").focus()
    ready(page)
    assert page.evaluate(PRESENTATION_TEXT_BELOW_24PX) == []
