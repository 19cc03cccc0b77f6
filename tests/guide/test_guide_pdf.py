"""«Hele veilederen som PDF»: every page of the navigation in order, bookmarks, a table of contents
whose page numbers are right, PDF/A like the templates, links kept."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
import yaml

from documents.guide.guide_pdf import GuidePage, guide_html
from tests.conftest import ROOT

PDF = "nedlasting/velferdslab-veilederen.pdf"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def nav_pages() -> list[tuple[str, str]]:
    """(part, title) of every page in mkdocs.yml's nav, in order; untitled pages use their «# » line."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/…
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    pages: list[tuple[str, str]] = []

    def walk(items: list, part: str) -> None:
        for item in items:
            if isinstance(item, str):
                text = (ROOT / "docs" / item).read_text(encoding="utf-8")
                body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text  # not the front matter
                heading = next(line for line in body.splitlines() if line.startswith("# "))
                pages.append((part, heading[2:].strip()))
            else:
                (title, value), = item.items()
                if isinstance(value, list):
                    walk(value, part or title)
                else:
                    pages.append((part, title))

    walk(nav, "")
    return pages


@pytest.fixture(scope="module")
def reader(built_site: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(built_site / PDF)


def _outline(reader: pypdf.PdfReader, items=None, depth=0) -> list[tuple[int, str, int]]:
    """(depth, title, page number from 1) of every bookmark, in order."""
    rows = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            rows += _outline(reader, item, depth + 1)
        else:
            rows.append((depth, item.title, reader.get_destination_page_number(item) + 1))
    return rows


def _part_and_page_bookmarks(reader: pypdf.PdfReader, parts: set[str]) -> list[tuple[int, str, int]]:
    """Bookmarks of parts, pages and top-level pages (not the headings inside pages)."""
    found, under_part = [], False
    for depth, title, page in _outline(reader):
        if depth == 0:
            under_part = title in parts
            found.append((0, title, page))
        elif depth == 1 and under_part:
            found.append((1, title, page))
    return found


def test_the_bookmarks_list_every_part_and_page_of_the_navigation_in_order(reader) -> None:
    pages = nav_pages()
    parts = {part for part, _ in pages if part}
    expected = []
    for part, title in pages:
        if part and part not in [t for _, t in expected]:
            expected.append((0, part))
        expected.append((1 if part else 0, title))
    found = [(depth, title) for depth, title, _ in _part_and_page_bookmarks(reader, parts)]
    assert found[:2] == [(0, "Velferdslab-veilederen"), (0, "Innhold")]
    assert found[2:] == expected


def test_every_page_title_is_in_the_text_in_navigation_order(reader) -> None:
    texts = [_squash(page.extract_text()) for page in reader.pages]
    toc_end = next(i for i, text in enumerate(texts) if i > 1 and "Innhold" not in text and "...." not in text)
    body = " ".join(texts[toc_end:])
    position = 0
    for _, title in nav_pages():
        found = body.find(title, position)
        assert found >= 0, f"«{title}» mangler, eller står før forrige side"
        position = found + len(title)


def test_the_table_of_contents_gives_the_page_each_page_starts_on(reader) -> None:
    toc = " ".join(_squash(reader.pages[i].extract_text()) for i in range(1, 4)).replace("Innhold", "", 1)
    toc = re.sub(r"Velferdslab-veilederen Side \d+ av \d+", " ", toc)  # the page footers
    entries = [(title, int(number)) for title, number in re.findall(r"\s*(.+?)\s*\.{3,}\s*(\d+)", toc)]
    parts = {part for part, _ in nav_pages() if part}
    bookmarks = [(title, page) for _, title, page in _part_and_page_bookmarks(reader, parts)][2:]
    assert entries == bookmarks  # same titles, same order, same page numbers
    for title, page in entries:
        assert title in _squash(reader.pages[page - 1].extract_text()), f"«{title}» står ikke på side {page}"


def test_the_pdf_is_a4_pdf_a_tagged_with_language_and_title(reader) -> None:
    root = reader.trailer["/Root"]
    assert reader.metadata.title == "Velferdslab-veilederen"
    assert root["/Lang"] == "nb"
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
    for page in reader.pages:
        assert (round(float(page.mediabox.width) * 25.4 / 72), round(float(page.mediabox.height) * 25.4 / 72)) == (210, 297)


def test_links_between_pages_stay_inside_and_others_point_at_the_site(reader) -> None:
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if "/Dest" in annotation or (action and action.get("/S") == "/GoTo"):
                internal += 1
            elif action and action.get("/S") == "/URI":
                external += 1
                assert not str(action["/URI"]).startswith(("file:", "../")), action["/URI"]
    assert internal > 50 and external > 20


def test_every_image_keeps_its_text_alternative_and_calculators_link_to_the_live_page() -> None:
    page = GuidePage("Økonomi", "Familien", "okonomi/familie/",
                     '<h1>Familien</h1><img src="../../assets/x.png" alt="Et diagram"><img src="y.svg" alt="">'
                     '<div data-vl-calc><form><input></form><section><h2>Resultat</h2>'
                     '<svg class="vl-calc__chart"></svg><h3>Kostnad, år for år</h3></section>'
                     '<a class="vl-calc__peek" href="#resultat">Netto: <strong>1 kr</strong></a></div>'
                     '<p><a href="../utenforskap/#tall">se</a> <a href="../../maler/filer/a.pdf">a</a></p>')
    other = GuidePage("Økonomi", "Utenforskap", "okonomi/utenforskap/", "<h1>Utenforskap</h1><h2 id='tall'>T</h2>")
    html = guide_html([page, other], "https://v.example.no/")
    assert '<img alt="Et diagram" src="assets/x.png"/>' in html and '<img alt="" src="okonomi/familie/y.svg"/>' in html
    assert "<form" not in html and "vl-calc__chart" not in html and "år for år</h3>" not in html
    assert "vl-calc__peek" not in html
    assert 'href="https://v.example.no/okonomi/familie/"' in html and 'alt="QR-kode til https://v.example.no/okonomi/familie/"' in html
    assert 'href="#p-okonomi-utenforskap--tall"' in html and 'id="p-okonomi-utenforskap--tall"' in html
    assert 'href="https://v.example.no/maler/filer/a.pdf"' in html


def test_the_cache_key_changes_with_the_commit_time_the_pdf_states(tmp_path: Path, monkeypatch) -> None:
    # The PDF's metadata holds the commit's time (SOURCE_DATE_EPOCH): a key without it gave a warm
    # build after a new commit the PDF of an older one (test_reproducible saw the bytes differ).
    from documents.guide.guide_pdf import cache_key

    pages = [GuidePage(part="Del", title="Side", url="side/", content="<p>Tekst</p>")]
    keys = set()
    for epoch in ("1700000000", "1800000000", "1800000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        keys.add(cache_key(pages, "https://veileder.example.no/", tmp_path))
    assert len(keys) == 2
