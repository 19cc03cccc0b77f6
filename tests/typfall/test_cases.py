"""The worked cases: each computes, the page shows Python's figures, links carry the scenario."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from calculators.core import uncertainty
from calculators.engine import evaluate, registry
from calculators.site.render import format_number
from typfall.build import build_cases
from typfall.cases import STORY_MAX_WORDS, duk_template
from typfall.markers import render_markers

GROUPS = {"barn-med-funksjonsnedsettelse", "midlertidig-bolig", "ung-utenfor", "alene-med-aap", "barnevern",
          "nyankommet-med-tolk"}
DUK_JS = Path(__file__).resolve().parents[2] / "documents" / "runtime" / "duk.js"
HREF = re.compile(r'<a href="([^"]+)" data-vl-typfall-link="([a-z0-9-]+)">')


@pytest.fixture(scope="module")
def built():
    return build_cases()[0]


def _page(b) -> str:
    return render_markers(f"<!-- typfall: {b.case.id} -->\n", (b,), duk_template(), f"typfall/{b.case.id}.md")


def _merged(case) -> dict[str, float]:
    model = registry.load(case.numbers.model)
    preset = next((p.values for p in model.presets if p.id == case.numbers.preset), {})
    return {**preset, **case.numbers.values}


def test_the_six_groups_of_the_issue_each_have_a_case(built) -> None:
    assert {b.case.id for b in built} == GROUPS


def test_every_story_is_short_enough_and_every_case_says_it_is_invented(built) -> None:
    for b in built:
        assert len(b.case.story.split()) <= STORY_MAX_WORDS
        assert "Oppdiktet eksempel" in _page(b)
        assert "Oppfølging (illustrasjon)" in _page(b)


def test_the_page_shows_the_median_and_share_python_computes_for_each_holder(built) -> None:
    for b in built:
        model = registry.load(b.case.numbers.model)
        values = evaluate.input_values(model, _merged(b.case))
        analysis = uncertainty.analyse(model, values)
        page = _page(b)
        for holder in b.reading.holders:
            low, median, high = analysis["intervals"][holder.output]
            share = round(analysis["shares"][holder.output] * 100)
            assert f"Midtverdi: {format_number(median, 'kr')}" in page, (b.case.id, holder.output)
            assert f"mellom {format_number(low, 'kr', False, True)} og {format_number(high, 'kr')}" in page
            assert f"I pluss i {share} av 100 trekninger" in page


def test_the_side_by_side_table_shows_the_same_medians_as_the_case_pages(built) -> None:
    table = render_markers("<!-- typfall-tabell -->\n", built, duk_template(), "typfall/index.md")
    for b in built:
        row = next(line for line in table.splitlines() if f"({b.case.id}.md)" in line)
        for holder in b.reading.holders:
            assert holder.median_text in row
            assert holder.median_text in _page(b)
        assert b.reading.cost_today_text in row and b.reading.investment_text in row


def test_the_table_note_names_each_cases_preset_and_calls_no_case_cautious_that_is_not(built) -> None:
    table = render_markers("<!-- typfall-tabell -->\n", built, duk_template(), "typfall/index.md")
    note = table.split("Effektene er ikke målt i typfallene.")[1].split(". Velferdslab")[0]
    for b in built:
        label = b.reading.preset_label or "kalkulatorens standardtall"
        assert re.search(f"«{re.escape(label)}» for [^«]*{re.escape(b.case.title)}", note), (b.case.id, note)
    cautious = all(b.case.numbers.preset == "forsiktig" for b in built if b.case.numbers.model == "familie")
    assert cautious or "forsiktige tall" not in table


def test_every_calculator_link_carries_the_case_scenario_and_it_computes(built) -> None:
    for b in built:
        links = HREF.findall(_page(b))
        assert links, b.case.id
        for href, case_id in links:
            url, fragment = unescape(href).split("#", 1)
            assert url == b.reading.view.page and case_id == b.case.id
            pairs = dict(parse_qsl(fragment, strict_parsing=True))
            model = registry.load(b.case.numbers.model)
            assert pairs.pop("preset", None) == b.case.numbers.preset
            assert {k: float(v) for k, v in pairs.items()} == dict(b.case.numbers.values)
            preset = next((p.values for p in model.presets if p.id == b.case.numbers.preset), {})
            evaluate.evaluate(model, {**preset, **{k: float(v) for k, v in pairs.items()}})


def test_the_digital_duk_file_has_the_format_duk_js_opens_and_every_box_filled(built) -> None:
    js_format = re.search(r'var FORMAT = "([^"]+)"', DUK_JS.read_text(encoding="utf-8")).group(1)
    areas = {s.area for s in duk_template().sections if s.area}
    for b in built:
        data = json.loads(b.duk_json)
        assert data["format"] == js_format and data["template"] == "arbeidsduk"
        assert set(data["fields"]) == areas
        assert all(data["fields"][area] for area in areas)
        assert len(data["meeting"]["reference"]) <= 80


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def test_the_duk_pdf_is_one_a3_page_and_holds_every_word_of_the_duk(built) -> None:
    import pypdf

    for b in built:
        reader = pypdf.PdfReader(b.pdf)
        assert len(reader.pages) == 1
        width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (420, 297)
        text = " ".join(_words(reader.pages[0].extract_text()))
        for value in b.case.duk.values():
            cells = [c for row in value for c in row] if isinstance(value, list) else [value]
            for cell in cells:
                for word in _words(cell):
                    assert word in text, (b.case.id, word)


def test_a_marker_naming_no_case_names_the_page_and_the_cases_there_are(built) -> None:
    from typfall.markers import MarkerError

    with pytest.raises(MarkerError, match=r"typfall/x.md: <!-- typfall: borte --> – ukjent typfall; finnes: "):
        render_markers("<!-- typfall: borte -->\n", built, duk_template(), "typfall/x.md")


def test_each_case_page_in_docs_holds_only_its_marker_and_the_summary_as_description(built) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "typfall"
    for b in built:
        front, body = (docs / f"{b.case.id}.md").read_text(encoding="utf-8").split("---\n", 2)[1:]
        import yaml

        assert yaml.safe_load(front) == {"description": b.case.summary}
        assert body.strip() == f"<!-- typfall: {b.case.id} -->"
