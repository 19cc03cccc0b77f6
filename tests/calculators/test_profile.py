"""Kommunens egne tall (issue 29): the profile template made from the model data."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from xml.etree import ElementTree

import pytest

from calculators.core.declarations import KRONER_UNITS
from calculators.engine import registry
from calculators.site import profile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _csv_rows() -> list[list[str]]:
    data = profile.csv_bytes()
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _xlsx_rows() -> list[list[str]]:
    with zipfile.ZipFile(io.BytesIO(profile.xlsx_bytes())) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{MAIN}row"):
        cells = {}
        for cell in row.iter(f"{MAIN}c"):
            column = re.sub(r"\d", "", cell.get("r"))
            v, t = cell.find(f"{MAIN}v"), cell.find(f"{MAIN}is/{MAIN}t")
            cells[ord(column) - 65] = v.text if v is not None else (t.text if t is not None else "")
        rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return rows


def test_the_template_lists_every_price_and_unit_cost_input_of_every_model():
    targets = {target for line in profile.lines() for target in line.targets}
    rates = {"pensjon", "arbeidsgiveravgift", "arsverk_timer"}
    expected = {(m.id, i.id) for m in registry.all_models() for i in m.inputs
                if (i.unit in KRONER_UNITS or i.id in rates) and i.id != "grunnbelop"}
    assert targets == expected
    ids = [row[0] for row in _csv_rows()[4:]]
    assert ids == [line.id for line in profile.lines()]


def test_a_figure_several_calculators_share_is_one_line_and_the_others_name_their_calculator():
    by_id = {line.id: line for line in profile.lines()}
    assert by_id["arslonn"].targets == (("familie", "arslonn"), ("investeringsmote", "arslonn"))
    # The same name in two models means two figures (per family, per person): two lines.
    assert by_id["familie.sosialhjelp"].value == 180000
    assert by_id["utenforskap.sosialhjelp"].value == 150000


def test_every_line_says_where_a_municipality_finds_its_own_figure():
    assert all(len(line.where) > 30 for line in profile.lines())


def test_the_csv_has_norwegian_conventions_and_empty_columns_to_fill():
    rows = _csv_rows()
    assert rows[0] == ["id", "Felt", "Kalkulator", "Enhet", "Veilederens verdi", "Veilederens kilde",
                       "Veilederens år", "Hvor dere finner tallet", "Kommunens verdi", "Kommunens kilde", "Kommunens år"]
    assert [row[0] for row in rows[1:4]] == ["profil.navn", "profil.kilde", "profil.ar"]
    barnevern = next(row for row in rows if row[0] == "familie.barnevern")
    assert barnevern[3:5] == ["kr per familie per år (sum for alle barna)", "250000"]
    assert barnevern[6] == "2025" and barnevern[8:] == ["", "", ""]
    assert b"\r\n" in profile.csv_bytes()
    assert all(len(row) == 11 for row in rows)


def test_a_decimal_is_written_with_a_comma():
    assert profile._decimal(2.041) == "2,041"
    assert profile._decimal(250000.0) == "250000"


def test_the_xlsx_holds_the_same_table_with_numbers_as_numbers():
    csv_rows, xlsx_rows = _csv_rows(), _xlsx_rows()
    assert [row[0] for row in xlsx_rows] == [row[0] for row in csv_rows]
    barnevern = next(row for row in xlsx_rows if row and row[0] == "familie.barnevern")
    assert barnevern[4] == "250000"


def test_the_template_files_are_the_same_bytes_every_time():
    assert profile.files() == profile.files()
    first = profile.xlsx_bytes()
    profile.texts.cache_clear()
    assert profile.xlsx_bytes() == first


def test_files_gives_the_templates_and_the_two_scripts_under_their_site_paths():
    files = profile.files()
    assert set(files) == {*profile.template_paths().values(), profile.runtime_asset()[0], profile.importer_asset()[0]}
    assert all(path.startswith(("okonomi/egne-tall/", "assets/kalkulatorer/")) for path in files)


def test_a_calculator_page_gets_only_the_small_runtime_and_its_texts():
    runtime = profile.runtime_asset()[1]
    data = json.loads(runtime.split("globalThis.vlProfilData = ", 1)[1].split(";\n", 1)[0])
    assert "template" not in data and set(data["texts"]) == profile.RUNTIME_TEXTS
    assert len(runtime.encode()) < 24_000  # 20 kB with the rates, per-year warnings and field-by-field accounts


def test_the_page_markers_give_downloads_lines_and_the_importer():
    page = profile.render_markers("<!-- egne-tall: maler -->\n<!-- egne-tall: linjer -->\n<!-- egne-tall: import -->",
                                  "okonomi/egne-tall.md", lambda path: "../../" + path)
    assert "kommunens-tall-mal.xlsx" in page and "(XLSX, " in page and "(CSV, " in page
    assert "<code>familie.barnevern</code>" in page and "250\u00a0000\u00a0kr per familie per år" in page
    assert 'type="file"' in page and profile.importer_asset()[0] in page


def test_an_unknown_marker_names_the_page_and_the_valid_ones():
    message = r"okonomi/egne-tall\.md: <!-- egne-tall: tull --> – ukjent; gyldige: maler, linjer, import"
    with pytest.raises(profile.ProfileError, match=message):
        profile.render_markers("<!-- egne-tall: tull -->", "okonomi/egne-tall.md", lambda path: path)


def test_grunnbelopet_is_not_in_the_profile_and_a_file_with_it_is_told_why():
    """A national figure: a municipality's value would stay frozen after the site updates G."""
    assert "grunnbelop" not in {line.id for line in profile.lines()}
    assert "grunnbelop" in profile.browser_data(importer=True)["left_out"]
    assert "grunnbelop" not in [row[0] for row in profile.table()]


def test_the_municipalitys_rates_are_lines_with_their_units_in_words():
    by_id = {line.id: line for line in profile.lines()}
    assert by_id["arbeidsgiveravgift"].targets == (("familie", "arbeidsgiveravgift"), ("investeringsmote", "arbeidsgiveravgift"))
    assert by_id["arbeidsgiveravgift"].unit == "%" and by_id["arbeidsgiveravgift"].unit_text == "prosent av lønn og pensjon"
    assert by_id["arsverk_timer"].unit_text == "timer per årsverk per år"
    assert by_id["pensjon"].value == 15


def test_every_line_says_what_its_figure_is_per():
    by_id = {line.id: line for line in profile.lines()}
    assert by_id["familie.barnevern"].unit_text == "kr per familie per år (sum for alle barna)"
    assert by_id["utenforskap.helse_kommune"].unit_text == "kr per person per år"
    assert by_id["utenforskap.tiltak_kostnad"].unit_text == "kr per deltaker (én gang)"
    for line in profile.lines():
        assert " per " in line.unit_text or line.unit == "%", line.id
        if line.unit.startswith("kr"):
            assert line.unit_text.startswith("kr per "), line.id


def test_barnevern_is_per_family_and_table_12362_is_not_a_unit_cost():
    where = next(line.where for line in profile.lines() if line.id == "familie.barnevern")
    assert "delt på antall barn" not in where
    assert "sum for alle barna" in where.replace("summen", "sum") or "summen for alle barna" in where
    assert "12362 er ikke en enhetskostnad" in where and "1000 kr" in where and "244" in where
    assert "per barn som ikke er plassert av barnevernet (funksjon 251)" in where and "252" in where


def test_every_line_says_brutto_or_netto_and_the_page_warns_about_averages():
    for line in profile.lines():
        if line.unit.startswith("kr") and line.id != "familie.arbeidsinntekt" or line.id == "familie.arbeidsinntekt":
            assert "brutto" in line.where.lower() or "netto" in line.where.lower(), line.id
    page = (profile.SOURCE.parent.parent.parent / "docs" / "okonomi" / "egne-tall.md").read_text(encoding="utf-8")
    assert "### Gjennomsnitt og én familie" in page and "undervurdert" in page
    assert "### Brutto eller netto" in page and "Kalkulatorene mener **brutto**" in page
    assert "kommunale deflatoren" in page and "Grunnbeløpet (G) er ikke med i malen" in page
    # A refund that follows the cost (ressurskrevende tjenester) falls away with it: the kommune saves only its net.
    brutto = page.split("### Brutto eller netto", 1)[1].split("\n### ", 1)[0]
    assert "ressurskrevende tjenester" in brutto and "netto utgift etter refusjon" in brutto
    assert "kommunens gevinst er overvurdert" in brutto


def test_the_templates_percent_cells_are_plain_numbers_with_a_note():
    """Excel stores «13,5 %» typed in a percent-formatted cell as 0,135: the template's percent cells
    have a plain number format, and the line says how to write a percent."""
    with zipfile.ZipFile(io.BytesIO(profile.xlsx_bytes())) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")}
    xfs = list(styles.find(f"{MAIN}cellXfs"))
    rows = profile.table()
    for line_id in ("pensjon", "arbeidsgiveravgift"):
        r = next(i + 1 for i, row in enumerate(rows) if row[0] == line_id)
        cell = next(c for c in sheet.iter(f"{MAIN}c") if c.get("r") == f"I{r}")
        fmt = xfs[int(cell.get("s"))].get("numFmtId")
        assert fmt not in ("9", "10") and "%" not in formats.get(fmt, "") and fmt != "0"
        assert "13,5 for 13,5 % (ikke 0,135)" in rows[r - 1][7]
    r = next(i + 1 for i, row in enumerate(rows) if row[0] == "arslonn")
    assert "ikke 0,135" not in rows[r - 1][7]


def test_the_importer_reads_numbers_with_the_calculators_translated_reader_not_its_own():
    """Issue 23: profil-import.js once had its own number regexes; its asset now carries
    calculators/view/fields.py read_number, translated, and the importer calls it."""
    from calculators.engine.translate import Translation
    from calculators.view import fields

    _, code = profile.importer_asset()
    translation = Translation()
    translation.add(fields.read_number)
    assert translation.code() in code
    importer = (profile.RUNTIME / "profil-import.js").read_text(encoding="utf-8")
    assert "globalThis.vlProfilTall.read_number" in importer
    assert "\\d{1,3}" not in importer and "(\\.\\d+)?$/" not in importer  # no second set of rules
    assert code.index("vlProfilTall = ") < code.index("globalThis.vlProfilTall.read_number")

