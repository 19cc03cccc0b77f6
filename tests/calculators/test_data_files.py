"""Data files: the shipped files load, and each kind of authoring mistake names file and field."""

import copy
import shutil

import pytest
import yaml

from calculators import data_files
from calculators.data_files import DATA_DIR, DataError, load_file, to_price_year

GOOD_ROW = {
    "id": "barnevern",
    "label": "Tiltak i barnevernet",
    "unit": "kr/år",
    "value": 100000,
    "min": 0,
    "max": 1000000,
    "price_year": 2025,
    "budget_holder": "kommune_barnevern",
    "status": "illustrasjon",
    "source": {"title": "Eksempel", "publisher": "Velferdslab-veilederen", "year": 2025},
}
GOOD_FILE = {
    "price_year": 2025,
    "inputs": [GOOD_ROW],
    "presets": [{"id": "p", "label": "P", "description": "En forhåndsinnstilling.", "values": {"barnevern": 0}}],
}


def load(tmp_path, content):
    shutil.copy(DATA_DIR / "felles.yaml", tmp_path / "felles.yaml")
    path = tmp_path / "modell.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return load_file(path)


def with_row(**changes):
    content = copy.deepcopy(GOOD_FILE)
    content["inputs"][0].update(changes)
    for key, value in changes.items():
        if value is None:
            del content["inputs"][0][key]
    return content


def assert_mistake(tmp_path, content, *words):
    with pytest.raises(DataError) as error:
        load(tmp_path, content)
    message = str(error.value)
    assert "modell.yaml" in message
    for word in words:
        assert word in message


@pytest.mark.parametrize("model_id", ["familie", "utenforskap"])
def test_the_shipped_data_files_load(model_id):
    data = data_files.load_model_data(model_id)
    assert data.rows and data.presets


def test_a_good_file_loads(tmp_path):
    data = load(tmp_path, GOOD_FILE)
    assert data.row("barnevern").value == 100000
    assert data.presets[0].values == {"barnevern": 0.0}


def test_a_missing_source_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(source=None), "barnevern", "source")


def test_an_unknown_budget_holder_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(budget_holder="kommune_bv"), "budget_holder", "kommune_bv")


def test_a_bad_status_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(status="fakta"), "status", "fakta")


def test_a_value_out_of_range_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(value=2_000_000), "value", "utenfor")


def test_a_kilde_without_url_is_refused(tmp_path):
    assert_mistake(tmp_path, with_row(status="kilde"), "source.url")


def test_an_unknown_unit_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(unit="NOK"), "unit", "NOK")


def test_an_unknown_field_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(verdi=3), "verdi")


def test_kroner_without_price_year_are_refused(tmp_path):
    assert_mistake(tmp_path, with_row(price_year=None), "price_year")


def test_a_value_that_is_not_a_number_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(value="mye"), "value", "tall")


def test_a_source_without_year_is_named(tmp_path):
    source = {"title": "Eksempel", "publisher": "Velferdslab-veilederen"}
    assert_mistake(tmp_path, with_row(source=source), "source.year")


def test_a_ref_to_a_missing_shared_row_is_named(tmp_path):
    content = copy.deepcopy(GOOD_FILE)
    content["inputs"].append({"ref": "finnes_ikke", "id": "x"})
    assert_mistake(tmp_path, content, "ref", "finnes_ikke")


def test_duplicate_ids_are_refused(tmp_path):
    content = copy.deepcopy(GOOD_FILE)
    content["inputs"].append(copy.deepcopy(GOOD_ROW))
    assert_mistake(tmp_path, content, "barnevern", "flere ganger")


def test_a_preset_for_an_unknown_input_is_named(tmp_path):
    content = copy.deepcopy(GOOD_FILE)
    content["presets"][0]["values"] = {"barnevernet": 0}
    assert_mistake(tmp_path, content, "presets[0]", "barnevernet")


def test_a_preset_value_out_of_range_is_named(tmp_path):
    content = copy.deepcopy(GOOD_FILE)
    content["presets"][0]["values"] = {"barnevern": -5}
    assert_mistake(tmp_path, content, "presets[0]", "values.barnevern")


def test_a_price_year_without_grunnbelop_is_refused(tmp_path):
    assert_mistake(tmp_path, {**GOOD_FILE, "price_year": 1990}, "price_year")


def test_older_kroner_are_brought_to_the_price_year_by_g(tmp_path):
    # 100 000 in 2024 prices × 130 160 / 124 028 = 104 944.04 → 104 944 kr in 2025 prices.
    data = load(tmp_path, with_row(price_year=2024))
    assert data.row("barnevern").value == 104_944
    assert data.row("barnevern").original_value == 100_000


def test_price_year_conversion_uses_the_g_ratio():
    series = {2024: 124_028, 2025: 130_160}
    assert to_price_year(124_028, 2024, 2025, series) == 130_160
    assert to_price_year(5, 2025, 2025, {}) == 5


def test_the_g_series_holds_the_sourced_values():
    series = data_files.g_series()
    assert series[2024] == 124_028
    assert series[2025] == 130_160


def test_every_kilde_row_has_an_https_source():
    for model_id in ("familie", "utenforskap"):
        for row in data_files.load_model_data(model_id).rows:
            if row.source.status == "kilde":
                assert row.source.url.startswith("https://"), row.id
