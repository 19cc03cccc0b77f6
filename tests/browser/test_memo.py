"""Issue 27 (the memo reads as a vedlegg) and issue 23 (it says what the page says): nested lists
stay lists, nothing points at what only the web page has, percentages in whole numbers, and the
address never stands alone on the last page."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from tests.browser.test_eksport import docx_texts, download, odt_texts, open_scenario

pytestmark = pytest.mark.browser


@pytest.fixture
def family_memo(make_page, site_url) -> dict[str, bytes]:
    page = open_scenario(make_page, site_url, "familie")
    return {fmt: download(page, fmt)[1] for fmt in ("odt", "docx")}


def test_a_bullet_with_bullets_under_it_stays_a_nested_list(family_memo) -> None:
    with zipfile.ZipFile(io.BytesIO(family_memo["odt"])) as archive:
        content = archive.read("content.xml").decode()
    assert re.search(r"<text:list-item><text:p[^>]*>Skatt\. .*?</text:p><text:list>", content)
    with zipfile.ZipFile(io.BytesIO(family_memo["docx"])) as archive:
        document = archive.read("word/document.xml").decode()
    assert '<w:ilvl w:val="1"/>' in document
    for texts in (odt_texts(family_memo["odt"]), docx_texts(family_memo["docx"])):
        assert not [t for t in texts if " - " in t and "begge veier" in t]


def test_the_memo_never_points_at_a_section_only_the_web_page_has(family_memo) -> None:
    joined = "\n".join(odt_texts(family_memo["odt"]))
    assert "(#" not in joined and ".md" not in joined
    assert "Virkninger uten kroneverdi (i metoden på nettstedet)" in joined


def test_result_percentages_in_the_memo_are_whole_numbers(family_memo) -> None:
    # A result such as the break-even reduction is «17 %», not «16,93 %» (inputs keep what was typed).
    texts = odt_texts(family_memo["odt"])
    label = "Nødvendig reduksjon for å gå i balanse (offentlige budsjetter)"
    value = texts[texts.index(label) + 1]
    assert re.fullmatch(r"\d+\u00a0%", value), value


def test_the_address_is_kept_with_the_sentence_before_it(family_memo) -> None:
    with zipfile.ZipFile(io.BytesIO(family_memo["docx"])) as archive:
        document = archive.read("word/document.xml").decode()
    last = document.rsplit("<w:p>", 2)[-2]  # the paragraph before the address
    assert "<w:keepNext/>" in last


def test_the_workbook_never_shows_minus_one_where_the_page_shows_words(make_page, site_url) -> None:
    import openpyxl

    page = open_scenario(make_page, site_url, "familie")
    workbook = openpyxl.load_workbook(io.BytesIO(download(page, "xlsx")[1]), data_only=True)
    payback = next(row for row in workbook["Nåverdi"].iter_rows(values_only=True)
                   if row[0] == "Tilbakebetalingsår (kommunen)")
    # the family default's payback year for kommunen never comes: the formula's stored value and
    # «Kalkulatoren viste» are the page's words, as the formula gives them when recalculated
    assert payback[1:3] == ("ikke innen perioden", "ikke innen perioden"), payback
    minus_one = [(sheet.title, cell.coordinate, cell.number_format) for sheet in workbook for row in sheet.iter_rows()
                 for cell in row if cell.value == -1 and sheet.title != "Forutsetninger"]
    assert all("–" in fmt for _, _, fmt in minus_one), minus_one  # only the helper columns, shown as «–»
