"""The Datakilder page lists every figure in the data files, with status and source."""

import dataclasses
from pathlib import Path

from calculators.core.data_files import load_model_data
from calculators.engine import registry
from calculators.site import datakilder


def test_every_model_gets_a_section_titled_from_its_data_file():
    markdown = datakilder.render()
    assert datakilder.model_files() == registry.model_ids()
    for model_id in registry.model_ids():
        assert f"## {load_model_data(model_id).title}\n" in markdown


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


def test_a_converted_figure_shows_what_it_was_converted_from() -> None:
    field = dataclasses.replace(load_model_data(registry.model_ids()[0]).inputs[0],
                                default=104_944, unit="kr", original=100_000, price_year=2024)
    assert datakilder._value(field) == "104\u00a0944 kr (omregnet fra 100\u00a0000 kr i 2024-kroner)"


def test_every_range_is_listed_beside_its_likely_value_with_its_reason():
    """Issue 12: the low and high values the interval is drawn over, and why they are what they are."""
    markdown = datakilder.render()
    for model_id in registry.model_ids():
        data = load_model_data(model_id)
        rows = {row.id: row for row in data.rows}
        section = markdown.split(f"### {data.title}: lav og høy verdi")
        if not data.ranges:
            assert len(section) == 1
            continue
        table = section[1].split("\n## ")[0]
        for r in data.ranges:
            row = rows[r.id]
            line = next(line for line in table.splitlines() if line.startswith(f"| {row.label} |"))
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            assert cells[1:4] == [datakilder._amount(v, row.unit) for v in (r.low, row.default, r.high)]
            assert cells[4] == (r.note or datakilder.RANGE_DEFAULT)
    # A reason from the data file, not only the default text.
    assert "folketrygdloven § 11-12" in markdown
