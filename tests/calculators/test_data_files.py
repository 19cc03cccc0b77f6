"""Model data files: the shipped files load, and every authoring mistake is named with file and
field — all of them in one message (the rules: calculators/core/declarations.py)."""

import copy
import shutil

import pytest
import yaml

from calculators.core import data_files
from calculators.core.data_files import DATA_DIR, DataError, load_file, to_price_year
from calculators.engine import registry

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
    "title": "Modell",
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


def mistakes(tmp_path, content) -> str:
    with pytest.raises(DataError) as error:
        load(tmp_path, content)
    return str(error.value)


def assert_mistake(tmp_path, content, *words):
    message = mistakes(tmp_path, content)
    assert "modell.yaml: 1 feil i modelldataene" in message
    for word in words:
        assert word in message


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_every_model_declares_its_inputs_in_its_data_file(model_id):
    data = data_files.load_model_data(model_id)
    assert data.file == f"calculators/data/{model_id}.yaml"
    assert data.inputs and data.presets
    assert registry.load(model_id).inputs == data.inputs


def test_a_good_file_loads(tmp_path):
    data = load(tmp_path, GOOD_FILE)
    assert data.row("barnevern").default == 100000
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
    assert_mistake(tmp_path, content, "inputs[1] (barnevern), feltet «id»: «barnevern» brukes også av inputs[0]")


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
    assert data.row("barnevern").default == 104_944
    assert data.row("barnevern").original == 100_000
    assert data.row("barnevern").price_year == 2024


def test_price_year_conversion_uses_the_g_ratio():
    series = {2024: 124_028, 2025: 130_160}
    assert to_price_year(124_028, 2024, 2025, series) == 130_160
    assert to_price_year(5, 2025, 2025, {}) == 5


def test_the_g_series_holds_the_sourced_values():
    series = data_files.g_series()
    assert series[2024] == 124_028
    assert series[2025] == 130_160


def test_every_kilde_row_has_an_https_source():
    for model_id in registry.model_ids():
        for row in data_files.load_model_data(model_id).rows:
            if row.source.status == "kilde":
                assert row.source.url.startswith("https://"), row.id


# --- In words, every mistake at once ---------------------------------------------------------------

def test_min_above_max_says_so_in_words(tmp_path):
    message = mistakes(tmp_path, with_row(min=20_000_000, max=10_000_000, value=15_000_000))
    assert "inputs[0] (barnevern), feltet «min»: er større enn max (20\u00a0000\u00a0000 > 10\u00a0000\u00a0000)" in message
    assert "utenfor" not in message  # the value is not blamed for the bounds' mistake


def test_a_quoted_number_is_called_text(tmp_path):
    message = mistakes(tmp_path, with_row(value="250000"))
    assert "feltet «value»: må være et tall, men er tekst («250000»); skriv tallet uten anførselstegn" in message


def test_a_word_where_a_number_belongs_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(step="tusen"), "feltet «step»: må være et tall, fikk teksten «tusen»")


def test_a_missing_value_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(value=None), "inputs[0] (barnevern), feltet «value»: mangler")


def test_a_misspelt_field_gets_a_suggestion(tmp_path):
    assert_mistake(tmp_path, with_row(vlaue=3), "feltet «vlaue»: er ukjent; mente du «value»?")


def test_a_preset_value_that_is_text_is_named(tmp_path):
    content = copy.deepcopy(GOOD_FILE)
    content["presets"][0]["values"] = {"barnevern": "mye"}
    assert_mistake(tmp_path, content, "presets[0] (p), feltet «values.barnevern»: må være et tall, fikk teksten «mye»")


def test_every_mistake_in_a_file_is_listed_in_one_message(tmp_path):
    content = with_row(min=5, max=1, unit="NOK", status="fakta")
    content["inputs"].append({**copy.deepcopy(GOOD_ROW), "id": "andre", "value": "x"})
    content["presets"][0]["values"] = {"ukjent": 1}
    message = mistakes(tmp_path, content)
    assert message.startswith("modell.yaml: 5 feil i modelldataene\n") or "modell.yaml: 5 feil" in message
    for part in ("feltet «min»: er større enn max", "feltet «unit»: teksten «NOK» er ukjent",
                 "feltet «status»: teksten «fakta» er ukjent", "inputs[1] (andre), feltet «value»",
                 "presets[0] (p), feltet «values.ukjent»"):
        assert part in message


def test_broken_yaml_names_file_line_and_column(tmp_path):
    shutil.copy(DATA_DIR / "felles.yaml", tmp_path / "felles.yaml")
    path = tmp_path / "modell.yaml"
    path.write_text("title: Modell\ninputs:\n  - id: a\n   label: feil innrykk\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_file(path)
    assert "modell.yaml: 1 feil i modelldataene" in str(error.value)
    assert "ikke gyldig YAML: linje 4, kolonne" in str(error.value)


def test_the_shipped_files_are_named_by_their_path_in_the_repository():
    assert data_files.display_path(DATA_DIR / "familie.yaml") == "calculators/data/familie.yaml"


# ---- uncertainty ranges, the uncertainty block and the plus-minus list (issue 12) --------------

def test_a_range_loads_as_low_and_high_beside_the_likely_value(tmp_path):
    content = with_row(low=50000, high=200000)
    content["uncertainty"] = {"outputs": ["x"], "payback": "x", "no_effect": "p", "samples": 100}
    content["unpriced"] = [{"id": "helse", "label": "Helse"}]
    data = load(tmp_path, content)
    assert [(r.id, r.low, r.high) for r in data.ranges] == [("barnevern", 50000, 200000)]
    assert data.uncertainty.samples == 100 and data.uncertainty.no_effect == "p"
    assert [u.label for u in data.unpriced] == ["Helse"]


def test_low_above_the_likely_value_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(low=150000, high=200000), "«low»", "må ligge mellom min")


def test_high_above_max_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(low=0, high=2000000), "«high»", "må ligge mellom value")


def test_a_range_note_travels_with_its_range(tmp_path):
    content = with_row(low=50000, high=200000, range_note="Fra KOSTRA:  laveste og høyeste kvartil.")
    assert [r.note for r in load(tmp_path, content).ranges] == ["Fra KOSTRA: laveste og høyeste kvartil."]


def test_a_range_note_without_a_range_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(range_note="Hvorfor"), "«range_note»", "verken «low» eller «high»")


def test_low_without_high_is_named(tmp_path):
    assert_mistake(tmp_path, with_row(low=0), "«high»", "trenger «high»")


def test_an_unknown_no_effect_preset_is_named(tmp_path):
    content = with_row(low=0, high=200000)
    content["uncertainty"] = {"outputs": ["x"], "payback": "x", "no_effect": "finnes-ikke"}
    assert_mistake(tmp_path, content, "«uncertainty.no_effect»", "er ingen preset")


def test_uncertainty_without_any_range_is_named(tmp_path):
    content = copy.deepcopy(GOOD_FILE)
    content["uncertainty"] = {"outputs": ["x"], "payback": "x"}
    assert_mistake(tmp_path, content, "ingen input har «low» og «high»")


def test_a_plus_minus_entry_without_label_is_named(tmp_path):
    content = copy.deepcopy(GOOD_FILE)
    content["unpriced"] = [{"id": "helse"}]
    assert_mistake(tmp_path, content, "unpriced[0]", "«label»", "mangler")
