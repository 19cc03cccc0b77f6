"""The beslutningsnotat's ODT and DOCX skeletons (calculators/site/memo_document.py), which eksport.js fills.

The browser writes the memo's blocks with style names and fills two slots; these tests check the
skeleton defines every one of those names, has each slot once, is the same bytes every time, and
sits where eksport.js looks for it. The filled files are checked in the browser
(tests/browser/test_eksport.py, test_memo.py).
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from calculators.site import eksport, memo_document
from tests.conftest import ROOT

EKSPORT_JS = (ROOT / "calculators" / "runtime" / "eksport.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def odt() -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(memo_document.odt_skeleton())) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()}


@pytest.fixture(scope="module")
def docx() -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(memo_document.docx_skeleton())) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()}


def test_every_odt_style_the_browser_writes_is_defined(odt) -> None:
    defined = set(re.findall(r'<(?:style:style|text:list-style) style:name="([^"]+)"', odt["styles.xml"] + odt["content.xml"]))
    assert set(memo_document.ODT_STYLE_NAMES) <= defined
    used = set(re.findall(r'style-name="([A-Za-z_0-9]+)"', EKSPORT_JS)) | {"Heading_20_1", "Heading_20_2"}
    names = r'"(Celle|Hodecelle|Felt|Tabell(?:tekst|tall|overskrift)|Innledning|Subtitle|Caption|Text_20_body)"'
    used |= set(re.findall(names, EKSPORT_JS))
    assert used - {"Tabell1"} <= defined, used - defined
    quoted = set(re.findall(r'"([A-Za-z_0-9]+)"', EKSPORT_JS))
    assert set(memo_document.ODT_STYLE_NAMES) - {"Heading_20_1", "Heading_20_2", "Punkt"} <= quoted


def test_every_docx_style_the_browser_writes_is_defined(docx) -> None:
    defined = set(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', docx["word/styles.xml"]))
    assert set(memo_document.DOCX_STYLE_IDS) <= defined
    used = set(re.findall(r'(?:docxParagraph\(|pStyle w:val=|rStyle w:val=\\?)"([A-Za-z0-9]+)', EKSPORT_JS))
    used |= {"Heading1", "Heading2", "Title", "Subtitle", "Caption", "Normal"}
    assert used <= defined, used - defined
    # Word's own styles keep Word's names (navigation, outline), not marked as custom styles.
    assert re.search(r'<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>', docx["word/styles.xml"])
    # The bullet list the browser refers to: numId 1, two levels.
    assert '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' in docx["word/numbering.xml"]
    assert docx["word/numbering.xml"].count("<w:lvl ") == 2


def test_each_slot_is_there_once_in_a_paragraph_of_its_own(odt, docx) -> None:
    assert odt["content.xml"].count(memo_document.BODY_SLOT) == 1
    assert re.search(r'<text:p text:style-name="Text_20_body">⟦vl:innhold⟧</text:p>', odt["content.xml"])
    assert odt["meta.xml"].count(memo_document.TITLE_SLOT) == 1
    assert re.search(r"<w:p>(?:(?!</w:p>).)*⟦vl:innhold⟧(?:(?!<w:p>).)*</w:p>", docx["word/document.xml"])
    assert docx["docProps/core.xml"].count(memo_document.TITLE_SLOT) == 1
    # The page and the namespaces the blocks need are the skeleton's.
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in docx["word/document.xml"]
    for prefix in ("xlink", "draw", "svg", "table", "fo"):
        assert f"xmlns:{prefix}=" in odt["content.xml"].split(">", 2)[1]
    assert 'Extension="png"' in docx["[Content_Types].xml"]


def test_the_skeletons_are_the_same_bytes_every_time() -> None:
    assert memo_document.odt_skeleton() == memo_document.odt_skeleton()
    assert memo_document.docx_skeleton() == memo_document.docx_skeleton()
    with zipfile.ZipFile(io.BytesIO(memo_document.odt_skeleton())) as archive:
        first = archive.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)


def test_the_script_sits_where_eksport_js_looks_for_it() -> None:
    folder, name = memo_document.SITE_PATH.rsplit("/", 1)
    assert folder == eksport.ASSET_DIR  # beside the export files, which load it by a relative address
    assert f'const SKELETON = "{name}";' in EKSPORT_JS
    script = memo_document.script()
    assert script.startswith("// ") and "window.vlNotatSkjelett = {" in script


def test_the_hand_written_packages_are_gone() -> None:
    # One route per format: the memo's styles, manifest and content types come from the skeleton.
    for gone in ("<office:document-styles", "<w:styles ", "manifest:file-entry manifest:full-path=\"/\"",
                 "<w:numbering ", "<office:document-meta"):
        assert gone not in EKSPORT_JS, gone
