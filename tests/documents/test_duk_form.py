"""The digital duk in a real browser: fill in, keep, reopen, print all of it, store nothing."""

from __future__ import annotations

import io
import json
import re
import zipfile
from xml.etree import ElementTree

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

pytestmark = pytest.mark.browser
SECRET = "Mor jobber deltid og ønsker mer tid med barna"
A3_LANDSCAPE_MM = (420, 297)
BOXES = ("Dagens situasjon", "«Hva er viktig for deg?»", "Drømmer", "Langsiktige mål", "Ressurser",
         "Kortsiktige mål", "Investeringsteamet", "Avtaler til neste møte")  # fmt: skip


@pytest.fixture
def duk(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "maler/fyll-ut-duken/")
    page.wait_for_selector("form.vl-duk--ready")  # maler.js has set the form up
    return page


def _long_entry(key: str, length: int = 3000) -> str:
    """About ``length`` characters: a first and a last sentence unique to ``key``, prose between."""
    first, last = f"Første setning i {key} begynner her.", f"Siste setning i {key} slutter her."
    middle = []
    while len(first) + len(last) + sum(len(m) + 1 for m in middle) < length - 60:
        middle.append(f"Dette er setning {len(middle) + 1} om hvordan familien har det i hverdagen.")
    return " ".join([first, *middle, last])


def _printed_text(page) -> tuple[int, str]:
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    page.emulate_media(media="screen")
    return len(pdf.pages), " ".join(" ".join(p.extract_text() for p in pdf.pages).split())


def _state(page) -> list[str]:
    return page.locator(".vl-duk textarea").evaluate_all("areas => areas.map(a => a.name + '=' + a.value)")


def test_every_section_of_the_duk_has_a_labelled_field(duk):
    for title in BOXES:
        assert duk.get_by_label(title, exact=True).is_editable()
    assert duk.get_by_role("textbox", name="Hvem, rad 1").is_editable()


def test_the_markup_has_no_style_attribute(duk):
    # The site is served with style-src 'self': a style attribute in the markup would be refused.
    html = duk.request.get(duk.url).text()
    assert re.findall(r"<[^>]*\sstyle=", html) == []


def test_what_is_typed_is_stored_nowhere_and_sent_nowhere(duk):
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    duk.get_by_label("Drømmer").press("Enter")
    duk.get_by_role("textbox", name="Hva, rad 1").fill(SECRET)
    stored = duk.evaluate(
        "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
    )
    assert SECRET not in stored
    assert SECRET not in duk.url
    assert duk.offsite_requests == []
    duk.on("dialog", lambda dialog: dialog.accept())  # the reload asks first (beforeunload)
    duk.reload()
    assert duk.get_by_label("Dagens situasjon").input_value() == ""


def test_a_box_grows_with_its_text(duk):
    box = duk.get_by_label("Drømmer")
    before = box.bounding_box()["height"]
    box.fill(_long_entry("drømmer", 1500))
    duk.wait_for_function("el => el.scrollHeight <= el.clientHeight + 1", arg=box.element_handle())
    assert box.bounding_box()["height"] > 3 * before


def test_a_3000_character_entry_in_every_box_prints_in_full(duk):
    entries = {title: _long_entry(f"boks {i}") for i, title in enumerate(BOXES)}
    for title, entry in entries.items():
        duk.get_by_label(title, exact=True).fill(entry)
    for column in ("Hva", "Hvem", "Når"):
        entries[column] = _long_entry(f"tiltak {column}")
        duk.get_by_role("textbox", name=f"{column}, rad 1").fill(entries[column])
    # The screen says the print takes more than one sheet.
    expect_pages = duk.locator("[data-vl-pages]")
    duk.wait_for_function("el => /\\d+ A3-sider/.test(el.textContent)", arg=expect_pages.element_handle())
    pages, text = _printed_text(duk)
    assert pages > 1
    for key, entry in entries.items():
        first, last = entry.split(". ")[0] + ".", entry.rsplit(". ", 1)[1]
        assert first in text, key
        assert last in text, key


def test_a_short_duk_prints_on_one_a3_landscape_page_with_what_was_typed(duk):
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    duk.get_by_role("textbox", name="Hva, rad 1").fill("Møte med skolen om fravær")
    duk.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(duk.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    size_mm = (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72))
    assert size_mm == A3_LANDSCAPE_MM
    text = " ".join(pdf.pages[0].extract_text().split())
    assert SECRET in text and "Møte med skolen om fravær" in text and "Investeringsteamet" in text
    assert "Personopplysninger" not in text  # only the duk is printed
    assert "Lagre som fil" not in text  # not the buttons
    assert duk.locator("[data-vl-pages]").text_content() == ""


def test_rows_can_be_added_and_removed_from_the_keyboard(duk):
    add = duk.get_by_role("button", name="Legg til rad")
    add.focus()
    duk.keyboard.press("Enter")
    sixth = duk.get_by_role("textbox", name="Hva, rad 6")
    assert sixth.evaluate("el => el === document.activeElement")
    sixth.fill("Søke om startlån")
    duk.get_by_role("textbox", name="Hva, rad 2").fill("Fjernes")
    duk.get_by_role("button", name="Fjern rad 2").focus()
    duk.keyboard.press("Enter")
    rows = duk.locator(".vl-duk__table tbody tr")
    assert rows.count() == 5
    assert duk.get_by_role("textbox", name="Hva, rad 5").input_value() == "Søke om startlån"
    assert "Fjernes" not in " ".join(_state(duk))
    # Focus stays in the table, on the row that took the removed one's place.
    assert duk.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Fjern rad 2"
    assert "Rad 2 er fjernet" in duk.locator("[data-vl-status]").text_content()


def test_clearing_asks_first_and_keeps_the_text_when_the_answer_is_no(duk):
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    duk.get_by_role("button", name="Legg til rad").click()
    asked = []
    duk.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    duk.get_by_role("button", name="Tøm duken").click()
    assert asked and "tømme duken" in asked[0]
    assert duk.get_by_label("Dagens situasjon").input_value() == SECRET
    duk.once("dialog", lambda dialog: dialog.accept())
    duk.get_by_role("button", name="Tøm duken").click()
    duk.wait_for_function("() => document.querySelectorAll('.vl-duk__table tbody tr').length === 5")
    assert duk.get_by_label("Dagens situasjon").input_value() == ""


def test_leaving_the_page_with_text_in_the_duk_asks_first(duk):
    box = duk.get_by_label("Dagens situasjon")
    box.click()  # a real gesture: browsers only ask on leaving a page the user has interacted with
    duk.keyboard.type(SECRET)
    kinds = []
    duk.once("dialog", lambda dialog: (kinds.append(dialog.type), dialog.dismiss()))
    duk.get_by_role("link", name="arbeidsduken").first.click()  # a link to another page of the site
    assert kinds == ["beforeunload"]
    assert duk.url.endswith("/maler/fyll-ut-duken/")
    assert box.input_value() == SECRET


def test_leaving_an_empty_duk_does_not_ask(duk):
    asked = []
    duk.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    duk.get_by_role("link", name="arbeidsduken").first.click()
    duk.wait_for_url("**/maler/arbeidsduk/")
    assert asked == []


def _fill_everything(duk) -> None:
    duk.get_by_role("button", name="Legg til rad").click()
    duk.get_by_role("button", name="Legg til rad").click()
    areas = duk.locator(".vl-duk textarea")
    for i in range(areas.count()):
        areas.nth(i).fill(f"Felt {i}: «æøå» – linje én\nlinje to\n\n  innrykk & <tegn> \"sitat\"")


def test_a_saved_duk_opens_again_with_every_field_and_added_row(duk, tmp_path):
    _fill_everything(duk)
    before = _state(duk)
    assert len(before) == 8 + 7 * 3
    with duk.expect_download() as download_info:
        duk.get_by_role("button", name="Lagre som fil").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    assert saved.suffix == ".json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["template"] == "arbeidsduk" and len(data["fields"]["tiltak"]) == 7
    duk.once("dialog", lambda dialog: dialog.accept())
    duk.get_by_role("button", name="Tøm duken").click()
    duk.wait_for_function("() => document.querySelectorAll('.vl-duk__table tbody tr').length === 5")
    with duk.expect_file_chooser() as chooser:
        duk.get_by_role("button", name="Åpne lagret fil").click()
    chooser.value.set_files(saved)
    duk.wait_for_function("() => document.querySelectorAll('.vl-duk__table tbody tr').length === 7")
    assert _state(duk) == before
    assert "er åpnet" in duk.locator("[data-vl-status]").text_content()
    assert duk.offsite_requests == []


def test_a_file_that_is_not_a_saved_duk_is_refused_with_a_message(duk, tmp_path):
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    wrong = tmp_path / "handleliste.json"
    wrong.write_text('{"melk": 2}', encoding="utf-8")
    with duk.expect_file_chooser() as chooser:
        duk.get_by_role("button", name="Åpne lagret fil").click()
    chooser.value.set_files(wrong)
    status = duk.locator("[data-vl-status]")
    duk.wait_for_function("el => el.textContent.includes('handleliste.json')", arg=status.element_handle())
    assert "ikke en lagret arbeidsduk" in status.text_content()
    assert duk.get_by_label("Dagens situasjon").input_value() == SECRET


def test_the_print_button_appears_with_javascript(duk):
    assert duk.get_by_role("button", name="Skriv ut duken (A3 liggende)").is_visible()


def test_other_pages_keep_the_default_paper_size(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "maler/")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, format="A4")))
    box = pdf.pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 210


TRICKY = "Første linje & <noe> \"sitert\"\n  innrykk\tfane\n\nEtter tom linje – «æøå» 😀"


TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _odf_text(element: ElementTree.Element) -> str:
    """A paragraph's text as an office suite shows it: <text:s/> spaces, tabs and line breaks."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.split("}")[1]
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.infolist()[0].filename == "mimetype"
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        return package.read("content.xml").decode("utf-8")


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_the_downloaded_odt_and_docx_contain_every_entered_text(duk, tmp_path, fmt):
    _fill_everything(duk)
    typed = [value.split("=", 1)[1] for value in _state(duk)]
    with duk.expect_download() as download_info:
        duk.get_by_role("button", name=f"Last ned som {fmt.upper()}").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    assert path.suffix == f".{fmt}"
    if fmt == "odt":
        root = ElementTree.fromstring(_odt_text(path.read_bytes()))
        tiltak = next(t for t in root.iter(f"{{{TABLE}}}table") if t.get(f"{{{TABLE}}}name") == "Tabell1")
        rows = len(tiltak.findall(f"{{{TABLE}}}table-row"))
        text = "\n".join(_odf_text(p) for p in root.iter(f"{{{TEXT}}}p"))
    else:
        document = docx.Document(path)
        rows = len(document.tables[0].cell(2, 0).tables[0].rows) - 1  # the Tiltak table, less its header
        text = "\n".join(p.text for p in document.element.body.iter(qn("w:p")) for p in [Paragraph(p, document)])
    assert rows == 7  # five rows and the two added
    for value in typed:  # every line of every field, in order; spaces kept
        for line in value.split("\n"):
            assert line in text, line
    assert "⟦" not in text
    assert duk.offsite_requests == []


def test_the_browser_fills_the_sheet_exactly_as_the_build_does(duk):
    """duk-eksport.js mirrors documents/templates/sheet.py: the same slots, text and rows give the same XML."""
    from documents.site.build import SOURCES_DIR
    from documents.site.duk_skeletons import export_data
    from documents.templates.sheet import fill
    from documents.templates.template import load_template

    data = export_data(load_template(SOURCES_DIR / "arbeidsduk.yaml"))
    fields = {"situasjon": TRICKY, "viktig": "", "drommer": "\u0007kontroll\r\nCRLF",
              "tiltak": [["Hva", "Hvem", "Når"], [TRICKY, "", ""], ["", "", ""], ["a"], ["b", "c", "d"],
                         ["e", "f", "g"], ["h", "i", TRICKY]]}  # fmt: skip
    duk.get_by_role("button", name="Last ned som ODT").click()  # loads the export scripts
    duk.wait_for_function("() => window.vlDukExport !== undefined")
    for kind in ("odt", "docx"):
        for name, xml, _ in data[kind]:
            if xml is None or "⟦" not in xml:
                continue
            in_browser = duk.evaluate(
                "([xml, kind, fields, rows]) => window.vlDukExport.fill(xml, kind, fields, rows)",
                [xml, kind, fields, data["rows"]],
            )
            assert in_browser == fill(xml, kind, fields, data["rows"]), f"{kind} {name}"


def test_an_empty_duk_exported_in_the_browser_is_the_editable_download(duk, site_url, tmp_path):
    with duk.expect_download() as download_info:
        duk.get_by_role("button", name="Last ned som ODT").click()
    exported = download_info.value.path().read_bytes()
    offered = duk.request.get(site_url + "maler/filer/arbeidsduk.odt").body()
    assert _odt_text(exported) == _odt_text(offered)


def test_going_back_from_a_duk_with_text_asks_first(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "maler/arbeidsduk/")
    with page.expect_navigation(url="**/maler/fyll-ut-duken/"):  # the duk loads as its own document
        page.get_by_role("navigation", name="Navigasjon").get_by_role("link", name="Fyll ut duken digitalt").first.click()
    page.wait_for_selector("form.vl-duk--ready")
    box = page.get_by_label("Dagens situasjon")
    box.click()
    page.keyboard.type(SECRET)
    page.once("dialog", lambda dialog: dialog.dismiss())
    with page.expect_event("dialog") as dialog:
        page.evaluate("history.back()")
    assert dialog.value.type == "beforeunload"
    assert page.url.endswith("/maler/fyll-ut-duken/")
    assert box.input_value() == SECRET


# ---- Whose duk and which meeting; long text on several sheets


def _printed_pages(page) -> list[str]:
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    page.emulate_media(media="screen")
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


def test_the_meeting_date_and_the_familys_reference_are_printed_on_the_sheet(duk):
    duk.get_by_label("Dato for møtet").fill("2026-12-06")
    duk.get_by_label("Familiens navn eller referanse").fill("Familien Sol")
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    printed = _printed_pages(duk)
    assert "Møtedato: 6. desember 2026" in printed[0]
    assert "Familie: Familien Sol" in printed[0]


def test_the_familys_reference_is_stored_nowhere_and_sent_nowhere(duk):
    duk.get_by_label("Familiens navn eller referanse").fill(SECRET)
    stored = duk.evaluate(
        "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
    )
    assert SECRET not in stored and SECRET not in duk.url
    assert duk.offsite_requests == []


def test_the_meeting_date_and_reference_are_saved_to_the_file_and_open_again(duk, tmp_path):
    duk.get_by_label("Dato for møtet").fill("2026-12-06")
    duk.get_by_label("Familiens navn eller referanse").fill("Familien Sol")
    with duk.expect_download() as download_info:
        duk.get_by_role("button", name="Lagre som fil").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    duk.once("dialog", lambda dialog: dialog.accept())
    duk.get_by_role("button", name="Tøm duken").click()
    duk.wait_for_function("() => document.querySelector('[data-vl-meeting=reference]').value === ''")
    with duk.expect_file_chooser() as chooser:
        duk.get_by_role("button", name="Åpne lagret fil").click()
    chooser.value.set_files(saved)
    duk.wait_for_function("() => document.querySelector('[data-vl-meeting=reference]').value !== ''")
    assert duk.get_by_label("Dato for møtet").input_value() == "2026-12-06"
    assert duk.get_by_label("Familiens navn eller referanse").input_value() == "Familien Sol"


def test_a_duk_too_long_for_one_sheet_keeps_each_box_whole_on_a_sheet(duk):
    entries = {title: _long_entry(f"boks {i}", 1400) for i, title in enumerate(BOXES)}
    for title, entry in entries.items():
        duk.get_by_label(title, exact=True).fill(entry)
    pages = _printed_pages(duk)
    assert len(pages) > 1
    for title, entry in entries.items():
        first, last = entry.split(". ")[0] + ".", entry.rsplit(". ", 1)[1]
        on = [n for n, text in enumerate(pages) if first in text], [n for n, text in enumerate(pages) if last in text]
        assert on[0] == on[1] and len(on[0]) == 1, f"«{title}» begynner på ark {on[0]} og slutter på ark {on[1]}"


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_the_downloaded_odt_and_docx_name_the_family_and_the_meeting_date_under_the_title(duk, tmp_path, fmt):
    duk.get_by_label("Dato for møtet").fill("2026-12-06")
    duk.get_by_label("Familiens navn eller referanse").fill("Familien Sol")
    with duk.expect_download() as download_info:
        duk.get_by_role("button", name=f"Last ned som {fmt.upper()}").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    if fmt == "odt":
        root = ElementTree.fromstring(_odt_text(path.read_bytes()))
        title = _odf_text(next(root.iter(f"{{{TEXT}}}h")))
    else:
        title = next(p.text for p in docx.Document(path).paragraphs if p.style.name == "Heading 1")
    assert title == "Arbeidsduken – Familie: Familien Sol · Møtedato: 6. desember 2026"
