"""The editable files (ODT, DOCX) as an office suite shows them.

LibreOffice (headless, as ./dev test installs it) converts them to PDF: the duk is one A3 landscape
sheet with the PDF's section titles, and each signature block of the consent stays on one page.
The files hold real form fields — checkboxes as ODF form controls and Word content controls, text
fields as ODF input fields (they wrap and grow with the text) and Word content controls — and a
thumbnail that shows the document.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest
from PIL import Image

from documents.site.build import BuiltTemplate
from documents.templates.sheet import SLOT, default_rows, fill
from tests.documents import libreoffice

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
RENDERED = ("arbeidsduk", "samtykke")
MM_PER_POINT = 25.4 / 72


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _item(generated: tuple[BuiltTemplate, ...], template_id: str) -> BuiltTemplate:
    return next(item for item in generated if item.template.id == template_id)


def _file(item: BuiltTemplate, fmt: str, variant: str = "") -> Path:
    return next(d.path for d in item.downloads if d.format == fmt and d.variant == variant)


@pytest.fixture(scope="session")
def libreoffice_pdfs(generated) -> dict[tuple[str, str], pypdf.PdfReader]:
    """(template id, format) → the PDF LibreOffice makes of the editable file, for the duk and the
    consent (cached by the file's hash: an unchanged file starts no LibreOffice)."""
    files = {f"{i}.{fmt}": _file(_item(generated, i), fmt).read_bytes() for i in RENDERED for fmt in ("odt", "docx")}
    pdfs = libreoffice.convert(files)
    return {(i, fmt): pypdf.PdfReader(pdfs[f"{i}.{fmt}"]) for i in RENDERED for fmt in ("odt", "docx")}


def _text(reader: pypdf.PdfReader) -> str:
    return _squash(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_the_editable_duk_is_one_a3_landscape_sheet_with_the_pdfs_section_titles(generated, libreoffice_pdfs, fmt):
    reader = libreoffice_pdfs[("arbeidsduk", fmt)]
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * MM_PER_POINT), round(float(box.height) * MM_PER_POINT)) == (420, 297)
    duk = _item(generated, "arbeidsduk")
    printed = _text(pypdf.PdfReader(next(d.path for d in duk.downloads if d.format == "pdf" and d.paper == "A3")))
    edited = _text(reader)
    for title in (duk.template.title, *duk.template.section_titles()):
        assert title in printed and title in edited, title


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_each_signature_block_of_the_consent_stays_on_one_page(generated, libreoffice_pdfs, fmt):
    consent = _item(generated, "samtykke").template
    signers = [item for s in consent.sections for f in s.fields if f.type == "signatures" for item in f.items]
    assert len(signers) >= 2
    pages = [_squash(page.extract_text()) for page in libreoffice_pdfs[("samtykke", fmt)].pages]
    for signer in signers:
        where = [i for i, page in enumerate(pages) if signer in page]
        assert len(where) == 1, f"{signer}: {where}"
        after = pages[where[0]].split(signer, 1)[1]
        for label in ("Sted og dato:", "Underskrift:", "Navn med blokkbokstaver:"):
            assert label in after, f"{fmt}: «{signer}» står ikke på samme side som «{label}»"


def _checklist_items(item: BuiltTemplate) -> int:
    return sum(len(f.items) + f.other for s in item.template.sections for f in s.fields if f.type == "checklist")


def _count(item: BuiltTemplate, kind: str) -> int:
    fields = [f for s in item.template.sections for f in s.fields]
    if kind == "write":
        return sum(f.type == "write" for f in fields)
    return sum(len(f.items) for f in fields if f.type == "labels") + sum(f.other for f in fields if f.type == "checklist")


def test_checkboxes_are_odf_form_controls_and_fields_are_input_fields_in_the_text(generated):
    checked = 0
    for item in generated:
        if item.template.layout == "poster":
            continue
        with zipfile.ZipFile(_file(item, "odt")) as package:
            root = ElementTree.fromstring(package.read("content.xml"))
        body = root.find("office:body/office:text", NS)
        controls = body.findall("office:forms/form:form/*", NS)
        kinds = [c.tag.split("}")[1] for c in controls]
        assert kinds == ["checkbox"] * _checklist_items(item), item.template.id
        inputs = list(body.iter(f"{{{NS['text']}}}text-input"))
        assert len(inputs) == _count(item, "write") + _count(item, "labels"), item.template.id
        assert all(i.get(f"{{{NS['text']}}}description") for i in inputs), item.template.id  # each one named
        ids = {c.get("{http://www.w3.org/XML/1998/namespace}id") for c in controls}
        placed = {c.get(f"{{{NS['draw']}}}control") for c in body.iter(f"{{{NS['draw']}}}control")}
        assert placed == ids, item.template.id  # every control is placed in the text, once
        assert "☐" not in "".join(body.itertext()), item.template.id  # no drawn boxes left
        checked += kinds.count("checkbox")
    assert checked > 10  # the consent has its lists of services and information


def test_checkboxes_and_fields_are_word_content_controls(generated):
    checked = 0
    for item in generated:
        if item.template.layout == "poster":
            continue
        with zipfile.ZipFile(_file(item, "docx")) as package:
            root = ElementTree.fromstring(package.read("word/document.xml"))
        controls = root.findall(".//w:sdt/w:sdtPr", NS)
        boxes = [c for c in controls if c.find("w14:checkbox", NS) is not None]
        texts = [c for c in controls if c.find("w:text", NS) is not None]
        assert len(boxes) == _checklist_items(item), item.template.id
        multiline = [c for c in texts if c.find("w:text", NS).get(f"{{{NS['w']}}}multiLine") == "1"]
        assert len(multiline) == _count(item, "write"), item.template.id
        assert len(texts) - len(multiline) == _count(item, "labels"), item.template.id
        assert all(c.find("w:alias", NS).get(f"{{{NS['w']}}}val") for c in controls)  # each one named
        checked += len(boxes)
    assert checked > 10


def _thumbnail(path: Path) -> Image.Image:
    with zipfile.ZipFile(path) as package:
        if path.suffix == ".odt":
            manifest = package.read("META-INF/manifest.xml").decode()
            assert 'manifest:full-path="Thumbnails/thumbnail.png"' in manifest
            return Image.open(io.BytesIO(package.read("Thumbnails/thumbnail.png")))
        relations = package.read("_rels/.rels").decode()
        target = re.search(r'Target="([^"]+)"[^>]*Type="[^"]*/metadata/thumbnail"', relations)
        target = target or re.search(r'Type="[^"]*/metadata/thumbnail"[^>]*Target="([^"]+)"', relations)
        assert target, path.name
        return Image.open(io.BytesIO(package.read(target[1])))


def test_every_editable_file_carries_a_thumbnail_that_shows_the_document(generated):
    for item in generated:
        for download in item.downloads:
            if download.format == "pdf":
                continue
            image = _thumbnail(download.path).convert("L")
            assert max(image.size) <= 256, download.filename
            dark = sum(image.histogram()[:160])
            assert dark > 0.005 * image.width * image.height, f"{download.filename}: tomt miniatyrbilde"


def test_no_download_holds_a_slot_or_a_drawn_checkbox(generated):
    for item in generated:
        for download in item.downloads:
            if download.format == "pdf":
                continue
            with zipfile.ZipFile(download.path) as package:
                xml = " ".join(package.read(n).decode() for n in package.namelist() if n.endswith(".xml"))
            assert not SLOT.search(xml) and "⟦" not in xml, download.filename


# ---- Filling the sheet's slots (what the browser export does, mirrored in duk-eksport.js)

ODT_ROW = '<table:table-row><table:table-cell><text:p>⟦vl:tiltak:0⟧</text:p></table:table-cell>' \
          '<table:table-cell><text:p>⟦vl:tiltak:1⟧</text:p></table:table-cell></table:table-row>'  # fmt: skip


def test_fill_escapes_text_and_keeps_line_breaks_and_spaces():
    xml = "<text:p>⟦vl:situasjon⟧</text:p>"
    filled = fill(xml, "odt", {"situasjon": "A & B <c>\n  to\tfane"}, {})
    assert filled == '<text:p>A &amp; B &lt;c&gt;<text:line-break/><text:s/><text:s text:c="1"/>to<text:tab/>fane</text:p>'
    ElementTree.fromstring(filled.replace("text:", ""))  # well-formed
    docx = fill('<w:t xml:space="preserve">⟦vl:situasjon⟧</w:t>', "docx", {"situasjon": "en\nto"}, {})
    assert docx == '<w:t xml:space="preserve">en</w:t><w:br/><w:t xml:space="preserve">to</w:t>'


def test_fill_repeats_the_row_template_once_per_row_and_at_least_the_default():
    rows = [["Møte med skolen", "Lærer"], ["Søke startlån", "Mor"], ["Tredje", ""]]
    filled = fill(f"<table:table>{ODT_ROW}</table:table>", "odt", {"tiltak": rows}, {"tiltak": 2})
    assert filled.count("<table:table-row>") == 3
    assert "Møte med skolen" in filled and "Mor" in filled and "⟦" not in filled
    empty = fill(f"<table:table>{ODT_ROW}</table:table>", "odt", {}, {"tiltak": 5})
    assert empty.count("<table:table-row>") == 5


def test_fill_ignores_what_is_not_text():
    filled = fill("<text:p>⟦vl:a⟧</text:p>" + ODT_ROW, "odt", {"a": 12, "tiltak": "x"}, {"tiltak": 1})
    assert filled.count("<table:table-row>") == 1 and "12" not in filled


def test_default_rows_come_from_the_source(generated):
    assert default_rows(_item(generated, "arbeidsduk").template) == {"tiltak": 5}
