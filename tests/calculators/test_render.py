"""Server-rendered charts (calculators/view/view.py written out by calculators/site/render.py): geometry
that cannot clip a label."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from calculators.core.model import BUDGET_HOLDERS, LEVEL_LABELS, LEVELS
from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.site.bundle import metadata
from calculators.site.nodes_html import html
from calculators.site.render import render, results_html
from calculators.view import view
from calculators.view.view import CHART, format_number

META = metadata(registry.load("familie"))


def chart(caption: str, labels: list[str], values: list[float], unit: str, base: str, width: int = 400) -> str:
    return html([view.bar_chart(caption, labels, values, unit, width, 15)])


def line_chart(caption: str, series: list[tuple[str, list[float]]], unit: str, base: str) -> str:
    labels = [META["levels"][s[0]] for s in series]
    return html([view.line_chart(caption, labels, [s[0] for s in series], [s[1] for s in series], unit, 560, 15)])

SVG = "{http://www.w3.org/2000/svg}"
LONGEST_HOLDER = max((h.label for h in BUDGET_HOLDERS), key=len)


def svgs(html: str) -> list[ET.Element]:
    """Every <svg> in ``html``, parsed (the SVG namespace added so ElementTree reads it)."""
    return [ET.fromstring(m.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
            for m in re.findall(r"<svg .*?</svg>", html)]


def view_width(svg: ET.Element) -> float:
    return float(svg.get("viewBox").split()[2])


def bar_charts(model_id: str) -> list[ET.Element]:
    model = registry.load(model_id)
    html = results_html(model, evaluate(model), "vl-test")
    return [s for s in svgs(html) if s.find(f"{SVG}rect") is not None]


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_every_bar_text_lies_inside_the_width(model_id: str) -> None:
    """Labels start at the left edge, values end at the right edge; each fits the width."""
    charts = bar_charts(model_id)
    assert charts, "the model shows no bar chart"
    for svg in charts:
        width = view_width(svg)
        for text in svg.iter(f"{SVG}text"):
            anchor, x = text.get("text-anchor"), float(text.get("x"))
            assert (anchor, x) in {("start", 0.0), ("end", width)}
            assert CHART["char"] * int(svg.get("font-size")) * len(text.text) <= width


def test_a_bar_label_and_its_formatted_value_share_a_line_when_they_fit() -> None:
    svg = svgs(chart("Test", ["Kommunen: barnevern"], [332071.13], "kr", "t"))[0]
    label, value = svg.findall(f"{SVG}text")
    assert (label.text, value.text) == ("Kommunen: barnevern:", "332\u00a0071\u00a0kr")
    assert label.get("y") == value.get("y") and value.get("text-anchor") == "end"


def test_a_label_too_long_for_the_width_goes_on_lines_that_fit_and_its_value_under_them() -> None:
    # A phone 360 px wide drew «Samfunnet (utover offentlige budsjetter):» 10 px past the chart.
    from calculators.view.view import CHART, text_width
    label = LONGEST_HOLDER + " " + "x" * 10
    svg = svgs(chart("Test", [label], [-12345678], "kr", "t", width=300))[0]
    *lines, value = svg.findall(f"{SVG}text")
    assert view_width(svg) == 300 and len(lines) > 1
    assert " ".join(t.text for t in lines) == label + ":"
    font = float(svg.get("font-size") or CHART["font"])
    assert all(text_width(t.text, font) <= 300 or " " not in t.text for t in lines)
    assert value.text == "\u221212\u00a0345\u00a0678\u00a0kr" and value.get("x") == "0"
    ys = [float(t.get("y")) for t in [*lines, value]]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)


def test_with_a_negative_value_the_zero_line_is_in_the_middle() -> None:
    svg = svgs(chart("Test", ["a", "b"], [100, -50], "kr", "t"))[0]
    middle = view_width(svg) / 2
    assert svg.find(f"{SVG}path").get("d").startswith(f"M{middle:.1f} ")
    negative = svg.findall(f"{SVG}rect")[1]
    assert float(negative.get("x")) + float(negative.get("width")) == pytest.approx(middle, abs=0.1)
    assert float(negative.get("x")) >= 0


def line_charts(model_id: str, values: dict[str, float] | None = None) -> list[ET.Element]:
    model = registry.load(model_id)
    html = results_html(model, evaluate(model, values), "vl-test")
    return [s for s in svgs(html) if s.find(f"{SVG}polyline") is not None]


def test_familie_draws_one_line_chart_per_output_by_year() -> None:
    """Years are lines, not rows of bars (a run of equal years is a flat line)."""
    model = registry.load("familie")
    assert len(line_charts("familie")) == sum(o.kind in ("years", "years_by_holder") for o in model.outputs)


def test_the_cumulative_chart_has_a_line_per_level_and_a_point_per_year() -> None:
    # All four levels have holders in familie's outputs; a horizon of 6 years gives 6 points.
    svg = line_charts("familie", {"horisont": 6})[-1]
    assert "Samlet netto nåverdi over tid" in svg.get("aria-label")
    lines = svg.findall(f"{SVG}polyline")
    assert [line.get("class").split("--")[1] for line in lines] == list(LEVELS)
    assert [len(line.get("points").split()) for line in lines] == [6] * 4


def test_each_level_has_a_legend_text_with_its_last_value() -> None:
    model = registry.load("familie")
    results = evaluate(model, {"horisont": 6})
    kommune = sum(v[-1] for k, v in results["kumulativ_netto"].items() if k.startswith("kommune"))
    legend = [t.text for t in line_charts("familie", {"horisont": 6})[-1].iter(f"{SVG}text")][:4]
    assert legend[0] == f"Kommunen, år 5: {format_number(kommune, 'kr')}"
    assert [t.split(",")[0] for t in legend] == [LEVEL_LABELS[level] for level in LEVELS]


def test_levels_without_holders_get_no_line() -> None:
    svg = svgs(line_chart("Test", [("kommune", [1.0, -2.0]), ("stat", [0.0, 3.0])], "kr", "t"))[0]
    assert [p.get("class") for p in svg.findall(f"{SVG}polyline")] == [
        "vl-calc__line vl-calc__line--kommune", "vl-calc__line vl-calc__line--stat"]


def test_the_line_chart_has_a_zero_line_year_labels_and_says_where_the_numbers_are() -> None:
    svg = svgs(line_chart("Test", [("kommune", [1.0, -2.0, 4.0])], "kr", "t"))[0]
    assert svg.get("role") == "img"
    assert svg.get("aria-label").endswith("Tallene står i tabellen under.")
    assert svg.find(f"{SVG}line[@class='vl-calc__axis']") is not None
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert ["0", "1", "2", "År"] == [t for t in texts if t in {"0", "1", "2", "År"}]


def test_the_holder_table_by_year_has_a_sum_row_per_level_with_several_holders() -> None:
    model = registry.load("familie")
    meta = metadata(model)
    output = next(o for o in meta["outputs"] if o["kind"] == "years_by_holder")
    table = html([view.years_by_holder_table(meta, output, evaluate(model)[output["id"]])])
    assert "Sum kommunen" in table and "Sum staten" in table
    assert "Sum fylkeskommunen" not in table


def test_the_page_holds_the_year_table_per_level_and_the_full_one_is_built_on_opening() -> None:
    model = registry.load("familie")
    page = results_html(model, evaluate(model), "vl-test")
    details = page[page.index('data-vl-years="'):]
    details = details[:details.index("</details>")]
    assert "<summary>Tallene i en tabell</summary>" in details  # no caption repeating the heading
    assert [f"<th scope=\"row\">{LEVEL_LABELS[level]}</th>" in details for level in ("kommune", "stat")] == [True, True]
    assert "Sum kommunen" not in details and details.count("<tr") <= len(LEVELS) + 1


def test_an_input_is_shown_with_every_decimal_it_has() -> None:
    # aap_g is 2.041 G; G outputs show two decimals, but the field must hold the value computed with.
    html = render(registry.load("utenforskap"))
    assert 'name="aap_g" type="text" inputmode="decimal" autocomplete="off" value="2,041"' in html
    assert format_number(2.041, "G") == "2,04\u00a0G"


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_the_build_says_no_answer_where_the_browser_does(model_id: str) -> None:
    """The page's figures (render.format_output) read an output as the browser's do
    (bundle.metadata): −1 where the output's help declares it «no answer» is said in words, never
    «−1» (render once built the output's description without that flag: a −1 there was a KeyError)."""
    from calculators.site.render import format_output

    model = registry.load(model_id)
    browser = {o["id"]: o for o in metadata(model)["outputs"]}
    for output in model.outputs:
        assert browser[output.id]["no_answer"] == ("-1:" in (output.help or ""))
        text = format_output(-1, output)
        if browser[output.id]["no_answer"]:  # a year says «ikke innen perioden», the others this
            assert text in (view.TEXT["not_computable"], view.TEXT["never"]), output.id
        assert text == view.format_output(-1, browser[output.id]), output.id
