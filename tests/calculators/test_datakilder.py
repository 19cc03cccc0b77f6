"""The Datakilder page lists every figure in the data files, with status and source."""

from pathlib import Path

from calculators import datakilder
from calculators.data_files import load_model_data


def test_every_model_data_file_gets_a_section():
    assert datakilder.model_files() == ["familie", "utenforskap"]


def test_every_row_appears_with_its_label_and_status():
    table = datakilder.render()
    for model_id in datakilder.model_files():
        for row in load_model_data(model_id).rows:
            line = next(line for line in table.splitlines() if line.startswith(f"| {row.label} |"))
            assert ("Kilde" if row.source.status == "kilde" else "**Illustrasjon**") in line


def test_kilde_rows_link_their_source():
    row_line = next(line for line in datakilder.render().splitlines() if line.startswith("| Grunnbeløpet (G) |"))
    assert "](https://www.nav.no/grunnbelopet)" in row_line


def test_the_g_series_is_listed():
    assert "| 2024 | 124\u00a0028 kr |" in datakilder.g_table()


def test_the_built_page_replaces_the_marker(built_site: Path):
    html = (built_site / "okonomi" / "datakilder" / "index.html").read_text(encoding="utf-8")
    assert "<!-- datakilder -->" not in html
    assert "Tiltak i barnevernet" in html and "Illustrasjon" in html


def test_a_model_declared_in_python_gets_its_own_section_with_every_input() -> None:
    from calculators import datakilder, registry

    model = registry.load("investeringsmote")
    markdown = datakilder.render()
    section = markdown.split(f"## {model.title}\n", 1)[1].split("\n## ", 1)[0]
    for field in model.inputs:
        assert f"| {field.label} |" in section
    assert "Arbeidsgiveravgift" in section or "arbeidsgiveravgift" in section
