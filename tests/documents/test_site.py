"""The built site: the gallery's links resolve and state the real sizes; markers fail loudly."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from documents.site.build import SOURCES_DIR
from documents.site.markers import MarkerError, gallery_markdown, render_markers
from documents.templates import strings
from documents.templates.strings import format_size
from documents.templates.template import load_templates

LINK = re.compile(r'<a download(?:="[^"]*")? href="(?P<href>[^"]+)"[^>]*>(?P<text>.*?)</a>')
TAG = re.compile(r"<[^>]+>")  # the site's abbreviations wrap «PDF» etc. in <abbr>
LABEL = re.compile(r"^Last ned (?P<format>PDF|ODT|DOCX), (?P<paper>A[134])(?: liggende)?(?:, tekstversjon)?, (?P<size>.+)$")


def _downloads(page: Path) -> list[tuple[Path, str]]:
    html = page.read_text(encoding="utf-8")
    return [((page.parent / m["href"]).resolve(), unescape(TAG.sub("", m["text"]))) for m in LINK.finditer(html)]


def test_the_gallery_links_every_file_of_every_template(built_site):
    links = _downloads(built_site / "maler" / "index.html")
    # PDFs, ODT and DOCX; a poster also has its text version in ODT and DOCX.
    expected = sum(len(t.print_papers) + 2 + 2 * (t.layout == "poster") for t in load_templates(SOURCES_DIR))
    assert len(links) == expected


def test_every_gallery_link_resolves_and_states_format_paper_and_the_real_size(built_site):
    for target, text in _downloads(built_site / "maler" / "index.html"):
        label = LABEL.match(text)
        assert label, text
        assert target.is_file(), target
        assert target.suffix == "." + label["format"].lower()
        assert label["paper"].lower() in target.name or label["format"] != "PDF"
        assert label["size"] == format_size(target.stat().st_size), text


def test_every_template_page_offers_the_same_downloads_as_the_gallery(built_site):
    gallery = {target for target, _ in _downloads(built_site / "maler" / "index.html")}
    pages = set()
    for template in load_templates(SOURCES_DIR):
        pages |= {target for target, _ in _downloads(built_site / "maler" / template.id / "index.html")}
    assert pages == gallery


def test_every_template_page_shows_every_section_as_a_heading(built_site):
    for template in load_templates(SOURCES_DIR):
        html = unescape((built_site / "maler" / template.id / "index.html").read_text(encoding="utf-8"))
        html = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", html)
        headings = [TAG.sub("", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
        assert all(title in headings for title in template.section_titles()), template.id
        assert strings.version_line(template.version, template.date) in html, template.id


def test_every_gallery_preview_image_exists(built_site):
    html = (built_site / "maler" / "index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img alt="Forhåndsvisning[^"]*"[^>]* src="([^"]+)"', html)
    assert len(images) == len(load_templates(SOURCES_DIR))
    assert all((built_site / "maler" / src).is_file() for src in images)


def test_gallery_previews_come_in_the_shown_size_and_twice_it_and_load_lazily(built_site):
    from PIL import Image

    html = (built_site / "maler" / "index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img alt="Forhåndsvisning[^>]*>', html)
    assert len(images) == len(load_templates(SOURCES_DIR))
    for image in images:
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', image))
        assert attributes["loading"] == "lazy" and attributes["sizes"].endswith("240px"), image
        candidates = [c.split() for c in attributes["srcset"].split(",")]
        assert [int(w.removesuffix("w")) for _, w in candidates] == [240, 480], image
        assert candidates[0][0] == attributes["src"]
        for src, width in candidates:
            with Image.open(built_site / "maler" / src) as png:
                assert png.width == int(width.removesuffix("w")), src
                if src == attributes["src"]:  # width and height reserve the 1× image's box
                    assert (png.width, png.height) == (int(attributes["width"]), int(attributes["height"]))


def test_srcset_is_relative_to_the_page_address_not_its_source_file():
    from documents.site.build import BuiltTemplate, Preview

    template = load_templates(SOURCES_DIR)[0]
    item = BuiltTemplate(template, (), Preview(Path("a.png"), Path("a-2x.png"), 240, 340), False)
    for src_uri, url, base in [("maler/index.md", "maler/", "filer"), ("maler/x.md", "maler/x/", "../filer"),
                               ("maler/x.md", "maler/x.html", "filer"), ("index.md", "", "maler/filer")]:
        html = gallery_markdown((item,), src_uri, url)
        assert f'srcset="{base}/a.png 240w, {base}/a-2x.png 480w"' in html, url
    assert 'srcset="../filer/a.png 240w' in gallery_markdown((item,), "maler/x.md")  # directory URLs


def test_an_unknown_template_in_a_marker_fails_naming_the_page():
    with pytest.raises(MarkerError, match=r"maler/x\.md: <!-- mal: finnes-ikke --> – ukjent mal"):
        render_markers("<!-- mal: finnes-ikke -->", (), "maler/x.md")


def test_an_unknown_marker_kind_fails_naming_the_valid_ones():
    with pytest.raises(MarkerError, match="gyldige: maler, mal, mal-skjema"):
        render_markers("<!-- malx: arbeidsduk -->", (), "maler/x.md")


def test_other_hooks_markers_are_left_alone():
    assert render_markers("<!-- md:badge 1 -->", (), "x.md") == "<!-- md:badge 1 -->"
