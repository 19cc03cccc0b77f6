"""Every template yields every format, with the right paper and every section title inside."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from documents.site.build import BuiltTemplate, Download

PAPER_MM = {"A1": (594, 841), "A3": (297, 420), "A4": (210, 297)}
MM_PER_POINT = 25.4 / 72


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _of(built: tuple[BuiltTemplate, ...], fmt: str) -> list[tuple[BuiltTemplate, Download]]:
    return [(item, d) for item in built for d in item.downloads if d.format == fmt]


def test_every_template_yields_a_pdf_per_print_paper_and_one_odt_and_one_docx(generated):
    for item in generated:
        formats = sorted((d.format, d.paper, d.variant) for d in item.downloads)
        expected = [("pdf", p, "") for p in item.template.print_papers]
        expected += [("odt", item.template.edit_paper, ""), ("docx", item.template.edit_paper, "")]
        if item.template.layout == "poster":  # and the text version, box after box on A4
            expected += [("odt", "A4", "tekst"), ("docx", "A4", "tekst")]
        expected = sorted(expected)
        assert formats == expected, item.template.id
        assert all(d.path.is_file() and d.size > 0 for d in item.downloads)


def test_the_duk_is_offered_as_a1_a3_and_a4_pdfs(generated):
    duk = next(item for item in generated if item.template.id == "arbeidsduk")
    assert [d.paper for d in duk.downloads if d.format == "pdf"] == ["A1", "A3", "A4"]


def test_every_pdf_page_has_the_exact_paper_size(generated):
    for _item, download in _of(generated, "pdf"):
        expected = sorted(PAPER_MM[download.paper])
        for page in pypdf.PdfReader(download.path).pages:
            size = sorted(round(float(v) * MM_PER_POINT, 1) for v in (page.mediabox.width, page.mediabox.height))
            assert size == pytest.approx(expected, abs=0.1), download.filename


def test_the_duk_poster_is_one_landscape_page_on_every_paper(generated):
    duk = next(item for item in generated if item.template.id == "arbeidsduk")
    for download in (d for d in duk.downloads if d.format == "pdf"):
        pages = pypdf.PdfReader(download.path).pages
        assert len(pages) == 1, download.filename
        assert pages[0].mediabox.width > pages[0].mediabox.height


def test_every_pdf_contains_every_section_title(generated):
    for item, download in _of(generated, "pdf"):
        text = _squash(" ".join(page.extract_text() for page in pypdf.PdfReader(download.path).pages))
        for title in (item.template.title, *item.template.section_titles()):
            assert title in text, f"{download.filename}: {title}"


def test_every_pdf_is_pdf_a_with_title_and_language(generated):
    for item, download in _of(generated, "pdf"):
        reader = pypdf.PdfReader(download.path)
        root = reader.trailer["/Root"]
        assert reader.metadata.title == item.template.title
        assert root["/Lang"] == "nb"
        assert "/StructTreeRoot" in root  # tagged (PDF/A-3a)
        xmp = root["/Metadata"].get_object().get_data().decode()
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp


def test_every_odt_is_a_valid_package_with_mimetype_first_and_stored(generated):
    for _, download in _of(generated, "odt"):
        with zipfile.ZipFile(download.path) as package:
            first = package.infolist()[0]
            assert first.filename == "mimetype"
            assert first.compress_type == zipfile.ZIP_STORED
            assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
            ElementTree.fromstring(package.read("content.xml"))
            ElementTree.fromstring(package.read("META-INF/manifest.xml"))


def test_every_odt_contains_every_section_title(generated):
    for item, download in _of(generated, "odt"):
        with zipfile.ZipFile(download.path) as package:
            root = ElementTree.fromstring(package.read("content.xml"))
        text = _squash(" ".join(root.itertext()))
        for title in (item.template.title, *item.template.section_titles()):
            assert title in text, f"{download.filename}: {title}"


def _all_paragraphs(document) -> list[Paragraph]:
    """Every paragraph in document order, those in table cells (the duk's boxes) included."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def test_every_docx_opens_with_python_docx_and_contains_every_section_title_as_a_heading(generated):
    for item, download in _of(generated, "docx"):
        document = docx.Document(io.BytesIO(download.path.read_bytes()))
        headings = [p.text for p in _all_paragraphs(document) if p.style.name.startswith("Heading")]
        assert headings == [item.template.title, *item.template.section_titles()], download.filename
        assert document.core_properties.title == item.template.title


def test_two_cold_generations_give_identical_bytes(generated, generated_again):
    first = {d.filename: d.path.read_bytes() for item in generated for d in item.downloads}
    second = {d.filename: d.path.read_bytes() for item in generated_again for d in item.downloads}
    first |= {p.name: p.read_bytes() for item in generated for p in (item.preview.path, item.preview.path_2x)}
    second |= {p.name: p.read_bytes() for item in generated_again for p in (item.preview.path, item.preview.path_2x)}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_zip_entries_carry_the_template_date_not_the_build_time(generated):
    for item in generated:
        for download in item.downloads:
            if download.format in ("odt", "docx"):
                with zipfile.ZipFile(download.path) as package:
                    dates = {info.date_time[:3] for info in package.infolist()}
                d = item.template.date
                assert dates == {(d.year, d.month, d.day)}, download.filename


def test_a_warm_build_regenerates_nothing(generated, tmp_path):
    from documents.site.build import SOURCES_DIR, build_templates

    cache = generated[0].downloads[0].path.parent.parent
    again = build_templates(SOURCES_DIR, cache)
    assert [item.regenerated for item in again] == [False] * len(again)


def test_every_page_of_every_multi_page_template_pdf_says_which_page_of_how_many(generated):
    checked = 0
    for item in generated:
        for download in item.downloads:
            if download.format != "pdf":
                continue
            pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(download.path).pages]
            if len(pages) < 2:
                continue
            checked += 1
            for number, text in enumerate(pages, start=1):
                assert f"Side {number} av {len(pages)}" in text, f"{download.filename}, side {number}"
    assert checked >= 3


def test_no_page_of_a_template_pdf_ends_with_a_section_heading(generated):
    for item in generated:
        # A heading followed by an empty box to write in has no text after it on its page.
        titles = {s.title for s in item.template.sections if s.hint or s.fields[0].type != "write"}
        for download in item.downloads:
            if download.format != "pdf":
                continue
            for number, page in enumerate(pypdf.PdfReader(download.path).pages, start=1):
                lines = [line.strip() for line in page.extract_text().splitlines()
                         if line.strip() and not line.strip().startswith(("Side ", item.template.title))]  # fmt: skip
                assert lines and lines[-1] not in titles, f"{download.filename}, side {number}: «{lines[-1]}»"


def test_the_generators_fingerprint_holds_the_layout_libraries(monkeypatch) -> None:
    """A new Pango (Debian's, not a Python package) or tinycss2 can move text on a page: the cached
    PDFs are then made again, never served from the old library."""
    from documents.render import fingerprint

    fingerprint.generator_fingerprint.cache_clear()
    before = fingerprint.generator_fingerprint()
    assert {"tinycss2", "cssselect2", "weasyprint"} <= set(fingerprint.LIBRARIES)
    monkeypatch.setattr(fingerprint, "pango_version", lambda: 15013)
    fingerprint.generator_fingerprint.cache_clear()
    try:
        assert fingerprint.generator_fingerprint() != before
    finally:
        monkeypatch.undo()
        fingerprint.generator_fingerprint.cache_clear()
    assert fingerprint.generator_fingerprint() == before
