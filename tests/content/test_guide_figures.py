"""The guide's drawn figures carry their own text alternative (Metode og verktøy)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def test_the_process_diagram_is_an_image_named_by_its_title_and_description(built_site: Path) -> None:
    html = (built_site / "metode" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<figure class="vl-flow">\s*(<svg[^>]*>)', html).group(1)
    assert 'role="img"' in svg and 'aria-labelledby="vl-flow-title vl-flow-desc"' in svg
    assert '<title id="vl-flow-title">' in html and '<desc id="vl-flow-desc">' in html


def test_the_process_diagram_has_an_ordered_list_with_one_item_per_step(built_site: Path) -> None:
    html = (built_site / "metode" / "index.html").read_text(encoding="utf-8")
    steps = re.search(r'<div class="vl-flow-steps">\s*<ol>(.*?)</ol>', html, re.S).group(1)
    drawn = len(re.findall(r'class="vl-flow__step"', html))
    assert steps.count("<li>") == drawn == 7


def test_the_duk_picture_names_every_field_of_the_duk() -> None:
    root = ET.parse(ROOT / "docs" / "metode" / "arbeidsduken.svg").getroot()
    drawn = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for field in ["Dagens situasjon", "Ressurser", "viktig", "Drømmer", "Langsiktige mål",
                  "Kortsiktige mål", "Tiltak", "Hva", "Hvem", "Når", "Investeringsteamet",
                  "Avtaler til neste møte"]:
        assert field in drawn, field
    assert root.get("role") == "img" and root.find(f"{SVG}title") is not None


def test_the_duk_page_lists_every_field_as_text_too(built_site: Path) -> None:
    html = (built_site / "metode" / "arbeidsduken" / "index.html").read_text(encoding="utf-8")
    table = re.search(r"<table>(.*?)</table>", html, re.S).group(1)
    for field in ["Dagens situasjon", "Ressurser", "viktig for deg", "Drømmer", "Langsiktige mål",
                  "Kortsiktige mål", "Tiltak (hva, hvem, når)", "Investeringsteamet",
                  "Avtaler til neste møte"]:
        assert field in table, field
