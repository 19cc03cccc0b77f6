"""Server-rendered charts (calculators/render.py): geometry that cannot clip a label."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from calculators import registry
from calculators.evaluate import evaluate
from calculators.model import BUDGET_HOLDERS
from calculators.render import CHART, chart, results_html

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


@pytest.mark.parametrize("model_id", ["familie", "utenforskap", "investeringsmote"])
def test_every_bar_label_starts_at_the_left_edge_and_fits_the_width(model_id: str) -> None:
    charts = bar_charts(model_id)
    assert charts, "the model shows no bar chart"
    for svg in charts:
        for text in svg.iter(f"{SVG}text"):
            assert float(text.get("x")) >= 0
            assert text.get("text-anchor") == "start"
            assert CHART["char"] * len(text.text) <= view_width(svg)


def test_a_bar_label_carries_the_formatted_value() -> None:
    svg = svgs(chart("Test", ["Kommunen: barnevern"], [332071.13], "kr", "t"))[0]
    assert svg.find(f"{SVG}text").text == "Kommunen: barnevern: 332\u00a0071\u00a0kr"


def test_the_chart_widens_for_a_label_longer_than_the_default_width() -> None:
    label = LONGEST_HOLDER + " " + "x" * 60
    svg = svgs(chart("Test", [label], [-12345678], "kr", "t"))[0]
    text = svg.find(f"{SVG}text").text
    assert view_width(svg) >= CHART["char"] * len(text) > CHART["width"]


def test_with_a_negative_value_the_zero_line_is_in_the_middle() -> None:
    svg = svgs(chart("Test", ["a", "b"], [100, -50], "kr", "t"))[0]
    middle = view_width(svg) / 2
    assert svg.find(f"{SVG}path").get("d").startswith(f"M{middle:.1f} ")
    negative = svg.findall(f"{SVG}rect")[1]
    assert float(negative.get("x")) + float(negative.get("width")) == pytest.approx(middle, abs=0.1)
    assert float(negative.get("x")) >= 0
