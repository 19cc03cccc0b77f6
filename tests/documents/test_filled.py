"""The editable files filled in, as LibreOffice prints them.

Every field of every ODT and DOCX gets about 2 000 characters of words found nowhere else
(``libreoffice.fill``); LibreOffice converts the result to PDF (cached by input hash). Then every
word is in the PDF, nothing lies outside the page, every page says «Side n av N», each signature
block stays on one page, and the ODT and the DOCX fill as many pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from documents.site.build import SOURCES_DIR, BuiltTemplate
from documents.templates.template import load_templates
from tests.documents import libreoffice

EDITABLE = [(t.id, variant) for t in load_templates(SOURCES_DIR)
            for variant in (("tekst",) if t.layout == "poster" else ("",))]  # fmt: skip
FORMATS = ("odt", "docx")


def _name(template_id: str, variant: str, fmt: str) -> str:
    return f"{template_id}{'-' + variant if variant else ''}.{fmt}"


@pytest.fixture(scope="session")
def filled_files(generated: tuple[BuiltTemplate, ...]) -> dict[str, tuple[bytes, list[str]]]:
    """«samtykke.odt» → (the file with every field filled in, the texts typed into it)."""
    files = {}
    for item in generated:
        for download in item.downloads:
            if download.format in FORMATS and (item.template.layout != "poster" or download.variant):
                files[download.path.name] = libreoffice.fill(download.path.read_bytes(), download.format)
    return files


@pytest.fixture(scope="session")
def filled_pdfs(filled_files: dict[str, tuple[bytes, list[str]]]) -> dict[str, tuple[Path, list[str]]]:
    """«samtykke.odt» → (the PDF LibreOffice prints of it filled in, the texts typed into it)."""
    pdfs = libreoffice.convert({name: data for name, (data, _) in filled_files.items()})
    return {name: (pdfs[name], typed) for name, (_, typed) in filled_files.items()}


def _pages(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


CASES = [pytest.param(_name(i, v, fmt), id=_name(i, v, fmt)) for i, v in EDITABLE for fmt in FORMATS]


@pytest.mark.parametrize("name", CASES)
def test_every_field_is_filled_and_every_typed_word_is_printed(filled_pdfs, name):
    pdf, typed = filled_pdfs[name]
    assert typed, f"{name}: ingen felt å skrive i"
    printed = set(" ".join(_pages(pdf)).split())
    lost = [word for text in typed for word in text.split() if word not in printed]
    assert not lost, f"{name}: {len(lost)} ord kom ikke med på papiret, det første {lost[0]}"


@pytest.mark.parametrize("name", CASES)
def test_no_printed_character_lies_outside_the_page(filled_pdfs, name):
    document = pdfium.PdfDocument(filled_pdfs[name][0])
    outside = []
    for number, page in enumerate(document, start=1):
        width, height = page.get_size()
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(i)
            if right > left and (left < 0 or bottom < 0 or right > width or top > height):
                outside.append((number, textpage.get_text_range(i, 1)))
    document.close()
    assert not outside, f"{name}: tegn utenfor siden: {outside[:5]}"


@pytest.mark.parametrize("name", CASES)
def test_every_page_says_which_page_of_how_many_it_is(filled_pdfs, name):
    pages = _pages(filled_pdfs[name][0])
    assert len(pages) > 1  # 2 000 characters a field fill more than a page
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} av {len(pages)}" in _squash(text), f"{name}, side {number}"


SIGNED = [(t.id, [s for sec in t.sections for f in sec.fields if f.type == "signatures" for s in f.items])
          for t in load_templates(SOURCES_DIR)]  # fmt: skip


@pytest.mark.parametrize(("name", "signers"), [
    pytest.param(_name(i, "", fmt), signers, id=_name(i, "", fmt)) for i, signers in SIGNED if signers for fmt in FORMATS
])  # fmt: skip
def test_each_signature_block_stays_on_one_page_when_the_form_is_filled(filled_pdfs, name, signers):
    pages = [_squash(text) for text in _pages(filled_pdfs[name][0])]
    for signer in signers:
        where = [i for i, text in enumerate(pages) if signer in text]
        assert where, f"{name}: «{signer}» mangler"
        after = pages[where[-1]].split(signer)[-1]
        for label in ("Sted og dato:", "Underskrift:", "Navn med blokkbokstaver:"):
            assert label in after, f"{name}: «{signer}» står ikke på samme side som «{label}»"


@pytest.mark.parametrize(("template_id", "variant"), [pytest.param(i, v, id=_name(i, v, "*")) for i, v in EDITABLE])
def test_the_odt_and_the_docx_filled_alike_print_on_as_many_pages(filled_pdfs, template_id, variant):
    # Same sizes, spacing, margins and footer in both (render_odt, render_docx).
    counts = {fmt: len(_pages(filled_pdfs[_name(template_id, variant, fmt)][0])) for fmt in FORMATS}
    assert counts["odt"] == counts["docx"], counts


def test_libreoffice_is_not_started_again_for_files_it_has_converted(filled_files, filled_pdfs, monkeypatch):
    def no_libreoffice(*args, **kwargs):
        raise AssertionError("LibreOffice ble startet for en fil som ligger i hurtiglageret")

    monkeypatch.setattr(libreoffice.subprocess, "run", no_libreoffice)
    again = libreoffice.convert({name: data for name, (data, _) in filled_files.items()})
    assert again == {name: pdf for name, (pdf, _) in filled_pdfs.items()}


TITLES = {t.id: set(t.section_titles()) for t in load_templates(SOURCES_DIR)}


@pytest.mark.parametrize("name", CASES)
def test_no_page_ends_with_a_heading_cut_off_from_its_text(filled_pdfs, name):
    titles = TITLES[name.split(".")[0].removesuffix("-tekst")]
    for number, text in enumerate(_pages(filled_pdfs[name][0]), start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("Side ")]
        assert lines[-1] not in titles, f"{name}: side {number} slutter med overskriften «{lines[-1]}»"
