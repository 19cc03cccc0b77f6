"""The calculators as a trainer and a leader use them: results beside the inputs, the reading
sentence, presentation mode, charts and tables that read at a glance, and the small things
(copy confirmation, the preset's name, JavaScript off)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.site.render import format_number, format_output
from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import calculator_ready

pytestmark = pytest.mark.browser

PAGES = {"familie": "okonomi/familie/", "utenforskap": "okonomi/utenforskap/",
         "investeringsmote": "okonomi/investeringsmotet/"}


def open_calculator(make_page, site_url: str, model_id: str = "familie", query: str = "",
                    width: int = 1280, height: int = 800, color_scheme: str = "light") -> Page:
    page = make_page(width=width, height=height, color_scheme=color_scheme)
    page.goto(site_url + PAGES[model_id] + query)
    calculator_ready(page)
    return page


IN_VIEW = """(selector) => {
  const r = document.querySelector(selector).getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.height > 0;
}"""
HEADLINE = '.vl-calc__summary :is(dd,span)[data-vl-value]'


@pytest.mark.parametrize("width, height", [(1280, 800), (1920, 1080)])
def test_the_headline_stays_in_view_from_the_first_input_to_the_last(make_page, site_url, width, height) -> None:
    page = open_calculator(make_page, site_url, width=width, height=height)
    model = registry.load("familie")
    first, last = model.inputs[0], model.inputs[-1]
    page.locator(f"#vl-familie-{first.id}").focus()
    assert page.evaluate(IN_VIEW, HEADLINE)
    box = page.locator(f"#vl-familie-{last.id}")
    box.focus()
    box.fill("30")
    headline = next(o for o in model.outputs if o.headline)
    want = format_output(evaluate(model, {last.id: 30})[headline.id], headline)
    expect(page.locator(HEADLINE).first).to_have_text(want)
    assert page.evaluate(IN_VIEW, f"#vl-familie-{last.id}")
    assert page.evaluate(IN_VIEW, HEADLINE)


def test_at_phone_width_a_compact_summary_shows_the_headline_and_jumps_to_the_results(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url, width=375, height=800)
    page.locator("#vl-familie-barnevern").focus()
    peek = page.locator(".vl-calc__peek")
    expect(peek).to_be_visible()
    assert page.evaluate(IN_VIEW, ".vl-calc__peek")
    # The bar repeats the main card's big figure: the median of the draws («midtverdi»).
    central = '[data-vl-central="nnv_offentlig"]'
    assert peek.locator("strong").inner_text() == page.locator(central).inner_text()
    page.locator("#vl-familie-barnevern").fill("500000")
    page.wait_for_function(
        "(s) => { const c = document.querySelector(s).textContent; return !c.includes('beregner')"
        " && c === document.querySelector('.vl-calc__peek strong').textContent; }", arg=central)
    peek.click()
    # The jump keeps the scenario in the address (#barnevern=…), not the heading's id.
    expect(page.locator("#vl-familie-resultat")).to_be_in_viewport()
    expect(page.locator("#vl-familie-resultat")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#.*barnevern=500"))


def test_at_phone_width_the_summary_bar_steps_aside_while_the_results_are_on_screen(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url, width=375, height=800)
    page.locator("#vl-familie-barnevern").focus()
    expect(page.locator(".vl-calc__peek")).to_be_visible()
    page.locator(".vl-calc__peek").click()
    expect(page.locator(".vl-calc__peek")).not_to_be_visible()  # the figures it repeats are in view
    page.locator("#vl-familie-barnevern").focus()
    expect(page.locator(".vl-calc__peek")).to_be_visible()


COVERED = """() => {
  const bar = document.querySelector('.vl-calc__peek').getBoundingClientRect();
  return [...document.querySelectorAll('.vl-calc__actions button')].filter((b) => {
    const r = b.getBoundingClientRect();
    return r.height > 0 && getComputedStyle(document.querySelector('.vl-calc__peek')).visibility === 'visible'
      && r.bottom > bar.top && r.top < bar.bottom;
  }).map((b) => b.textContent);
}"""


def test_the_phone_summary_bar_covers_no_action_button_before_the_reader_starts(make_page, site_url) -> None:
    # A phone (Lighthouse's 412×823) with the last action button at the bottom edge of the screen:
    # a bar there would sit on top of it (WCAG 2.2 target size, «partially obscured»).
    # Before the runtime is there (it loads on the reader's first move) as well as after.
    page = make_page(width=412, height=823)
    page.goto(site_url + PAGES["familie"])
    page.wait_for_selector("[data-vl-calc][data-vl-armed]", state="attached")
    page.locator(".vl-calc__actions button").last.evaluate("(b) => b.scrollIntoView({ block: 'end' })")
    assert page.evaluate(COVERED) == []
    assert not page.evaluate("!!document.querySelector('[data-vl-bound]')")
    page.locator("#vl-familie-barnevern").focus()  # in the form (and the runtime's start): the bar is there to help
    expect(page.locator(".vl-calc__peek")).to_be_visible()
    assert page.evaluate(IN_VIEW, ".vl-calc__peek")


def test_the_table_of_contents_has_the_results(built_site) -> None:
    html = (built_site / PAGES["familie"] / "index.html").read_text(encoding="utf-8")
    toc = html[html.index('class="md-nav md-nav--secondary"'):]
    assert 'href="#vl-familie-resultat"' in toc[:toc.index("</nav>")]


# Text boxes of every chart and results table: none may overlap another (2 px allowance).
OVERLAPS = """() => {
  const boxes = [];
  const add = (node, group) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width > 0 && node.textContent.trim()) boxes.push([group, r, node.textContent.trim()]);
  };
  document.querySelectorAll('.vl-calc__chart').forEach((svg, i) => svg.querySelectorAll('text').forEach((t) => add(t, 'svg' + i)));
  document.querySelectorAll('.vl-calc__table').forEach((t, i) => t.querySelectorAll('th, td').forEach((c) => add(c, 'table' + i)));
  const bad = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [g, a, s] = boxes[i], [h, b, u] = boxes[j];
    if (g !== h) continue;
    if (a.left < b.right - 2 && b.left < a.right - 2 && a.top < b.bottom - 2 && b.top < a.bottom - 2) bad.push(s + ' / ' + u);
  }
  return bad;
}"""


def open_all(page: Page) -> None:
    """Every «details» of the calculator open, and «Flere diagrammer» drawn (the runtime fills it
    when it opens)."""
    page.evaluate("document.querySelectorAll('.vl-calc details').forEach((d) => d.open = true)")
    expect(page.locator("details.vl-calc__more[data-vl-more]")).to_have_count(0)


def cell_texts(node: dict) -> list[str]:
    """The texts of a view node's table cells, in order."""
    own = [node["x"]] if node["t"] in ("th", "td") else []
    return own + [text for child in node["c"] for text in cell_texts(child)]


MORE_TABLE = """() => [...document.querySelector('.vl-calc__more .vl-calc__table').querySelectorAll('th, td')]
  .map((c) => c.textContent)"""


def test_more_charts_show_the_values_on_screen_whether_open_or_closed_during_a_change(make_page, site_url) -> None:
    """«Flere diagrammer» is drawn only while open (a change while it is closed draws no chart
    nobody sees): opened after a change it shows the new figures, and open it stays open and
    follows every change."""
    from calculators.site import bundle
    from calculators.view import view

    model = registry.load("familie")
    meta = bundle.metadata(model)

    def python_table(values: dict) -> list[str]:
        nodes = view.more_charts(meta, evaluate(model, {i.id: i.default for i in model.inputs} | values), 700, 15)
        return next(cell_texts(n) for n in nodes if "vl-calc__numbers" in n["a"].get("class", ""))

    page = open_calculator(make_page, site_url)
    page.locator("#vl-familie-barnevern_reduksjon").fill("45")
    expect(page.locator(':is(dd,span)[data-vl-value="nnv_offentlig"]').first).to_have_text(
        format_output(evaluate(model, {i.id: i.default for i in model.inputs} | {"barnevern_reduksjon": 45})["nnv_offentlig"],
                      next(o for o in model.outputs if o.id == "nnv_offentlig")))
    more = page.locator("details.vl-calc__more")
    more.locator("> summary").click()
    expect(page.locator("details.vl-calc__more[data-vl-more]")).to_have_count(0)
    assert page.evaluate(MORE_TABLE) == python_table({"barnevern_reduksjon": 45})
    page.locator("#vl-familie-barnevern_reduksjon").fill("10")
    expect(more).to_have_attribute("open", "")
    expect(page.locator(".vl-calc__more .vl-calc__table").first).to_contain_text(python_table({"barnevern_reduksjon": 10})[-1])
    assert page.evaluate(MORE_TABLE) == python_table({"barnevern_reduksjon": 10})
    assert page.console_errors == []


@pytest.mark.parametrize("model_id", PAGES)
@pytest.mark.parametrize("width", [1280, 375])
def test_no_text_in_a_chart_or_results_table_overlaps_another(make_page, site_url, model_id, width) -> None:
    page = open_calculator(make_page, site_url, model_id, width=width)
    open_all(page)
    assert page.locator(".vl-calc__chart text").count() > 0
    assert page.evaluate(OVERLAPS) == []


def test_chart_text_is_at_least_14_px_at_1280(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    open_all(page)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.vl-calc__chart text')]
      .map((t) => t.getBoundingClientRect().height)""")
    assert sizes and min(sizes) >= 14


def test_a_long_run_of_equal_years_is_a_line_not_a_row_of_bars(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url, "utenforskap")
    open_all(page)
    assert page.locator(".vl-calc__chart rect").count() < 20  # bars only in the «who pays» charts
    assert page.locator(".vl-calc__chart polyline").count() >= 2


MINUS_ONE = re.compile(r"(?<![\d\u00a0,])[−-]1(?![\d\u00a0,])")
"""A bare «−1» (a year or a count that means «none»), not −1 234 kr or −1,5 %."""


@pytest.mark.parametrize("model_id", PAGES)
def test_the_reading_sentence_is_the_python_sentence_for_every_preset(make_page, site_url, model_id) -> None:
    model = registry.load(model_id)
    page = open_calculator(make_page, site_url, model_id)
    sentence = page.locator("[data-vl-sentence]")
    expect(sentence).to_have_text(model.sentence(evaluate(model)))
    for preset in model.presets:
        page.locator("[data-vl-preset]").select_option(preset.id)
        expect(sentence).to_have_text(model.sentence(evaluate(model, dict(preset.values))))
        assert not MINUS_ONE.search(sentence.inner_text())
    assert not MINUS_ONE.search(page.locator(".vl-calc").inner_text())


def test_the_sentence_is_in_the_page_before_any_script_runs(built_site) -> None:
    model = registry.load("familie")
    html = (built_site / PAGES["familie"] / "index.html").read_text(encoding="utf-8")
    assert model.sentence(evaluate(model)) in html.replace("&#x27;", "'")


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_presentation_mode_passes_axe_and_shows_the_headline_at_48_px(make_page, site_url, color_scheme) -> None:
    page = open_calculator(make_page, site_url, "familie", "?visning=storskjerm", 1920, 1080, color_scheme)
    expect(page.locator("html.vl-present")).to_have_count(1)
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.vl-calc__summary dd')).fontSize)")
    assert size >= 48
    assert page.evaluate(IN_VIEW, HEADLINE)
    chart_text = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.vl-calc__summary .vl-calc__chart text')]
      .map((t) => t.getBoundingClientRect().height))""")
    assert chart_text >= 20
    key = registry.load("familie").key_inputs
    visible = page.locator(".vl-calc__field:visible input").evaluate_all("(xs) => xs.map((x) => x.name)")
    assert visible == list(key)
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


def test_in_presentation_mode_a_key_input_changes_live_with_the_keyboard(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url, width=1920, height=1080)
    page.get_by_role("button", name="Vis på storskjerm").click()
    expect(page).to_have_url(site_url + PAGES["familie"] + "#visning=storskjerm")
    box = page.locator("#vl-familie-barnevern_reduksjon")
    model = registry.load("familie")
    field = next(i for i in model.inputs if i.id == "barnevern_reduksjon")
    step = field.step or 1
    box.focus()
    page.keyboard.press("ArrowUp")
    expect(box).to_have_value(format_number(field.default + step, field.unit, exact=True).split("\u00a0")[0])
    want = format_output(evaluate(model, {field.id: field.default + step})["nnv_offentlig"], model.outputs[0])
    expect(page.locator(HEADLINE).first).to_have_text(want)
    page.get_by_role("button", name="Mer: Reduksjon i barneverntiltak").click()
    expect(box).to_have_value(format_number(field.default + 2 * step, field.unit, exact=True).split("\u00a0")[0])
    page.get_by_role("button", name="Vis alle forutsetninger").click()
    expect(page.locator("#vl-familie-barnevern")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("html.vl-present")).to_have_count(0)


def test_copy_link_confirms_visibly(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("#vl-familie-barnevern").fill("300000")
    page.get_by_role("button", name="Kopier lenke").click()
    confirmation = page.locator(".vl-calc__copied")
    expect(confirmation).to_have_text("Lenken er kopiert.")
    expect(confirmation).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == page.url


def test_the_preset_selector_names_the_preset_on_screen_and_says_own_values_only_after_an_edit(make_page, site_url) -> None:
    page = open_calculator(make_page, site_url)
    selected = page.locator("[data-vl-preset] option:checked")
    expect(selected).to_have_text("Middels anslag")
    assert page.locator("[data-vl-preset] option", has_text="Egne tall").count() == 0
    page.locator("#vl-familie-barnevern").fill("300000")
    expect(selected).to_have_text("Egne tall")
    page.locator("#vl-familie-barnevern").fill("250 000")
    expect(selected).to_have_text("Middels anslag")
    page.locator("[data-vl-preset]").select_option(label="Forsiktig anslag")
    expect(selected).to_have_text("Forsiktig anslag")


def test_without_javascript_the_fields_are_read_only_and_say_so(browser, site_url) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + PAGES["familie"] + "?barnevern=900000")
        ids = ", ".join(f"#vl-familie-{i.id}" for i in registry.load("familie").inputs)
        fields = page.locator(ids)
        assert fields.count() == len(registry.load("familie").inputs)
        assert fields.evaluate_all("(xs) => xs.every((x) => x.readOnly)")
        note = page.locator(".vl-calc__noscript")
        expect(note).to_be_visible()
        assert "trenger den JavaScript" in note.inner_text()
        assert page.locator("[data-vl-preset]").is_disabled()
    finally:
        context.close()
