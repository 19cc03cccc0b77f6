"""Every handout: one A4 page, PDF/A like the templates, the question inside, a QR code that decodes."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp

from workshops.handouts import Handout, build_handouts
from workshops.scenarios import load_scenarios

SITE = "https://velferdslab.example.no/"


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Handout, ...]:
    built, made = build_handouts(load_scenarios(), SITE, tmp_path_factory.mktemp("handouts"))
    assert len(made) == len(built)
    return built


def qr_codes(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    return [code.text for code in zxingcpp.read_barcodes(image) if code.format == zxingcpp.BarcodeFormat.QRCode]


def test_every_handout_qr_code_decodes_to_its_scenario_link(handouts: tuple[Handout, ...]) -> None:
    for handout in handouts:
        assert qr_codes(handout.path) == [handout.scenario.site_link(SITE)], handout.scenario.id


def test_every_handout_is_one_a4_page_with_question_assumptions_and_figure(handouts: tuple[Handout, ...]) -> None:
    for handout in handouts:
        reader = pypdf.PdfReader(handout.path)
        assert len(reader.pages) == 1, handout.filename
        box = reader.pages[0].mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
        text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
        s = handout.scenario
        for expected in (s.title, s.question[:60], s.assumptions[0].label, s.figure_text.replace("\xa0", " "),
                         *s.reading, *s.split):
            assert expected.replace("\xa0", " ") in text.replace("\xa0", " "), f"{handout.filename}: {expected}"


def test_every_handout_prints_each_heading_once_and_its_whole_question(handouts: tuple[Handout, ...]) -> None:
    """Review of issue 23: two handouts printed «Forutsetninger i scenarioet» twice, and one question
    stopped mid-sentence. Every section heading once; the question printed whole, with a question in it
    and ending a sentence."""
    from workshops.handouts import handout_template

    for handout in handouts:
        text = re.sub(r"\s+", " ", pypdf.PdfReader(handout.path).pages[0].extract_text()).replace("\xa0", " ")
        for section in handout_template(handout.scenario).sections:
            assert text.count(section.title) == 1, f"{handout.filename}: «{section.title}» {text.count(section.title)} ganger"
        question = handout.scenario.question.replace("\xa0", " ")
        assert "?" in question and question[-1] in ".?" and question in text, f"{handout.filename}: {question}"


def test_a_handout_with_an_interval_gives_the_median_range_and_share_in_plus_not_a_bare_figure() -> None:
    from workshops.scenarios import load_scenarios

    s = next(x for x in load_scenarios() if x.id == "familie-middels")
    assert s.reading[0].startswith("Midtverdi: ")
    assert s.reading[1].startswith("8 av 10 trekninger mellom ")
    assert s.reading[2].startswith("I pluss i ") and s.reading[2].endswith(" av 100 trekninger med våre anslag")
    assert s.reading[3] == "Med tallene i skjemaet: " + s.figure_text
    assert s.reading[4].startswith("Ingen varig effekt (scenario): ")


def test_the_small_team_handout_splits_its_total_by_budget_as_the_page_does(handouts) -> None:
    """Issue 23: the total (8 688 kr) is the state's saving less the municipality's extra time;
    the handout shows both budgets, summed per budget as the page's chart does, and they add up."""
    from calculators.engine import evaluate, registry
    from calculators.site import bundle
    from calculators.view.view import format_number, holder_groups, main_output

    handout = next(h for h in handouts if h.scenario.id == "investeringsmote-lite-team")
    s = handout.scenario
    model = registry.load("investeringsmote")
    preset = next(p for p in model.presets if p.id == s.preset)
    results = evaluate.evaluate(model, dict(preset.values))
    meta = bundle.metadata(model)
    assert s.figure.id == "nv_spart" and main_output(meta) == "spart_per_budsjett"
    groups = {g["label"]: g["value"] for g in holder_groups(meta, results["spart_per_budsjett"])}
    assert groups["Kommunen"] < 0 < groups["Staten"]  # the municipality pays, the state saves
    assert sum(groups.values()) == pytest.approx(results["nv_spart"])
    assert s.split == tuple(f"{label}: {format_number(value, 'kr')}" for label, value in groups.items() if value != 0)
    assert s.split_title == ("Hvem betaler og hvem sparer: verdien av frigjort tid per budsjett, nåverdi "
                             "(med tallene i skjemaet)")
    text = _text(handout.path).replace("\xa0", " ")
    for line in (s.split_title, *s.split):
        assert line.replace("\xa0", " ") in text


def test_every_handout_is_pdf_a_with_title_and_language(handouts: tuple[Handout, ...]) -> None:
    for handout in handouts:
        reader = pypdf.PdfReader(handout.path)
        root = reader.trailer["/Root"]
        assert reader.metadata.title == handout.scenario.title
        assert root["/Lang"] == "nb"
        assert "/StructTreeRoot" in root
        xmp = root["/Metadata"].get_object().get_data().decode()
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp


def test_a_second_build_takes_every_handout_from_the_cache(tmp_path: Path) -> None:
    scenarios = load_scenarios()[:1]
    build_handouts(scenarios, SITE, tmp_path)
    _, made = build_handouts(scenarios, SITE, tmp_path)
    assert made == []


def _text(pdf: Path) -> str:
    return re.sub(r"\s+", " ", pypdf.PdfReader(pdf).pages[0].extract_text())


def test_every_handout_built_without_a_site_address_says_its_address_is_an_example(handouts) -> None:
    from veileder.site_address import NOTICE

    for handout in handouts:
        assert NOTICE in _text(handout.path), handout.filename


def test_a_handout_built_for_a_real_address_carries_no_example_notice(tmp_path: Path) -> None:
    from veileder.site_address import NOTICE

    (handout,), _ = build_handouts(load_scenarios()[:1], "https://veileder.kommune.no/", tmp_path)
    assert "https://veileder.kommune.no/" in _text(handout.path)
    assert NOTICE not in _text(handout.path)
