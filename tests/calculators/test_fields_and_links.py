"""The input checks (calculators/view/fields.py) and the scenario link (calculators/view/scenario_links.py)
are written once, in Python, and translated into the runtime: the same text gives the same
number or the same message, and the same link the same scenario and the same problems, in Python
and in the browser's JavaScript (V8). tests/browser/test_scenario_links.py does the same through
the browser's address bar."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py_mini_racer import MiniRacer

from calculators.engine import registry
from calculators.site import bundle
from calculators.view import fields
from calculators.view import scenario_links as links

MODELS = registry.model_ids()
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def v8():
    with MiniRacer() as ctx:
        ctx.eval(bundle.view_javascript())
        yield ctx


def js(ctx, call: str, *args) -> object:
    # parse_int: JSON writes 1e20 as 100000000000000000000, which Python would read as an int.
    return json.loads(ctx.eval(f"JSON.stringify({call}({', '.join(json.dumps(a) for a in args)}))"), parse_int=float)


# ---- by hand ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "value"), [
    ("1 000", 1000), ("1000,5", 1000.5), ("1.000,5", 1000.5), ("kr 1 000", 1000), ("50 %", 50),
    ("\u22123", -3), ("1\u202f000", 1000), (f"2{NBSP}500,25 kr", 2500.25), ("2.5", 2.5), ("1.000", 1000),
    ("Kr. 5", 5), ("-12.345.678", -12345678), ("2,675", 2.675), ("0,1", 0.1)])
def test_norwegian_numbers_are_read(typed: str, value: float):
    assert fields.read_number(typed) == {"value": value, "error": ""}


@pytest.mark.parametrize(("typed", "error"), [
    ("", "empty"), ("   ", "empty"), ("kr", "not_number"), ("mange", "not_number"),
    ("1,2,3", "not_number"), ("12.34.567", "not_number"), ("1e6", "not_number"), ("--3", "not_number"),
    ("1 000,", "not_number"), (",5", "not_number"), ("NaN", "not_number"), ("Infinity", "not_number")])
def test_what_is_not_a_number_says_why(typed: str, error: str):
    assert fields.read_number(typed) == {"value": 0.0, "error": fields.TEXT[error]}


def test_a_field_names_its_bound_in_its_unit():
    field = {"id": "x", "label": "Pris", "unit": "kr", "min": 0.0, "max": 10000.0, "integer": False}
    assert fields.read_field("-3", field)["error"] == "Tallet må være minst 0\u00a0kr."
    assert fields.read_field("20 000", field)["error"] == "Tallet kan ikke være større enn 10\u00a0000\u00a0kr."
    whole = {**field, "unit": "antall", "integer": True}
    assert fields.read_field("2,5", whole)["error"] == "Skriv et helt tall, uten desimaler."
    assert fields.read_field("3", whole) == {"value": 3.0, "error": ""}


def test_a_range_end_is_checked_against_the_value_in_the_form():
    field = {"id": "x", "label": "Dødvekt", "unit": "%", "min": 0.0, "max": 100.0, "integer": False}
    assert fields.check_range_end(30, field, 20, True) == "Lav verdi kan ikke være høyere enn tallet i skjemaet (20\u00a0%)."
    assert fields.check_range_end(10, field, 20, False) == "Høy verdi kan ikke være lavere enn tallet i skjemaet (20\u00a0%)."
    assert fields.check_range_end(120, field, 20, False) == "Tallet må ligge mellom 0\u00a0% og 100\u00a0%."
    assert fields.check_range_end(10, field, 20, True) == ""


def test_a_number_with_a_full_stop_says_how_it_was_read():
    field = {"id": "x", "label": "Pris", "unit": "kr", "min": 0.0, "max": 1e7, "integer": False}
    assert fields.read_note("1.5", field) == "Tolket som 1,5\u00a0kr."
    assert fields.read_note("1.234", field) == "Tolket som 1\u00a0234\u00a0kr."
    # Nothing to say for a plain Norwegian number, a unit's «kr.», or text that is no number.
    assert [fields.read_note(t, field) for t in ("1 234", "1,5", "kr. 5", "abc.", "")] == ["", "", "", "", ""]


@pytest.mark.parametrize("typed", ["1.5", "1.234", "2.675 kr", "1,5", "-1.000.000", "x.1"])
def test_the_note_reads_the_same_in_both(v8, typed: str):
    field = {"id": "x", "label": "Pris", "unit": "kr", "min": -1e7, "max": 1e7, "integer": False}
    assert js(v8, "vlFelt.read_note", typed, field) == fields.read_note(typed, field)


@pytest.mark.parametrize("model_id", MODELS)
def test_an_empty_value_in_a_link_names_the_field_that_lacks_it(model_id: str):
    meta = bundle.metadata(registry.load(model_id))
    first = meta["inputs"][0]
    pairs = [[first["id"], ""]] + [[p + r["id"], ""] for r in meta["ranges"][:1] for p in ("lav_", "hoy_")]
    problems = links.read_link(meta, pairs)["problems"]
    assert problems[0] == f"«{first['label']}» mangler verdi"
    assert problems[1:] == [f"lav verdi for «{r['label']}» mangler" for r in meta["ranges"][:1]] + [
        f"høy verdi for «{r['label']}» mangler" for r in meta["ranges"][:1]]
    assert not any("er ikke et tall" in problem for problem in problems)


def test_a_link_writes_numbers_with_a_point():
    assert [links.number_text(x) for x in (20, 20.0, 2.5, -3, 0.1, 1234567.25)] == [
        "20", "20", "2.5", "-3", "0.1", "1234567.25"]
    assert links.scenario_link("../familie/", "optimistisk", {"dodvekt": 40, "optimisme": 12.5}) == (
        "../familie/#preset=optimistisk&dodvekt=40&optimisme=12.5")
    assert links.scenario_link("../familie/") == "../familie/"


@pytest.mark.parametrize("model_id", MODELS)
def test_an_odd_link_names_each_field_it_could_not_use(model_id: str):
    model = registry.load(model_id)
    meta = bundle.metadata(model)
    first, second = model.inputs[0], model.inputs[1]
    link = links.read_scenario_link(meta, f"side/#{first.id}=abc&ukjent=1&preset=finnesikke"
                                          f"&{second.id}={second.maximum * 10 + 1:g}&q=søk&visning=liten")
    assert link["values"] == {}
    first_label, second_label = bundle.input_label(model, first), bundle.input_label(model, second)
    assert link["problems"] == [
        f"«{first_label}»: «abc» er ikke et tall",
        "«ukjent» er ikke et felt i denne kalkulatoren",
        "«Forhåndsinnstilling» (preset=finnesikke) finnes ikke i denne kalkulatoren",
        f"«{second_label}»: " + fields.check_value(second.maximum * 10 + 1, {
            "id": second.id, "label": second_label, "unit": second.unit, "min": second.minimum,
            "max": second.maximum, "integer": second.integer})[:-1],
        "visningen «liten» finnes ikke (bare «storskjerm»)"]
    assert links.link_notice(link["problems"]).startswith("Noen verdier i lenken ble ikke brukt: «")


@pytest.mark.parametrize("model_id", MODELS)
def test_a_preset_in_a_link_gives_its_values_and_a_value_after_it_wins(model_id: str):
    model = registry.load(model_id)
    meta = bundle.metadata(model)
    preset = model.presets[-1]
    key = model.inputs[0].id
    link = links.read_scenario_link(meta, links.scenario_link("x/", preset.id, {key: model.inputs[0].minimum}))
    assert link["preset"] == preset.id
    assert link["values"] == {**preset.values, key: model.inputs[0].minimum}
    assert link["problems"] == []


# ---- Python and the browser's JavaScript agree ----------------------------------------------

ODD_TEXT = ["", " ", "1 000", "1.000,5", "−2,5", "kr 12", "12 kr.", "50%", "1,2,3", "1..2", "1.00", "٣",
            "1\u2003000", "١٢", "e5", "12,", ",", "-", "−", "-,5", "0,0000001", "99999999999999999999",
            "12345678901234567890,123", "\ufeff1", "1\u0085", "ǅ", "KR1", "kr.-3", "%", "%%5"]


@pytest.mark.parametrize("typed", ODD_TEXT)
def test_a_typed_text_reads_the_same_in_both(v8, typed: str):
    assert js(v8, "vlFelt.read_number", typed) == fields.read_number(typed)


_SHARED: list[MiniRacer] = []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ,.-−kr%\u00a0\u202fKa", max_size=14))
def test_any_typed_text_reads_the_same_in_both(typed: str):
    if not _SHARED:  # one V8 for every example (hypothesis runs the test body many times)
        _SHARED.append(MiniRacer())
        _SHARED[0].eval(bundle.view_javascript())
    assert js(_SHARED[0], "vlFelt.read_number", typed) == fields.read_number(typed)


@pytest.mark.parametrize("model_id", MODELS)
def test_every_field_checks_the_same_in_both(v8, model_id: str):
    meta = bundle.metadata(registry.load(model_id))
    rng = random.Random(model_id)
    for field in meta["inputs"]:
        for typed in ["", "x", str(field["min"] - 1).replace(".", ","), str(field["max"] + 1), "2,5",
                      f"{rng.uniform(field['min'], field['max']):.3f}".replace(".", ",")]:
            assert js(v8, "vlFelt.read_field", typed, field) == fields.read_field(typed, field)


@pytest.mark.parametrize("model_id", MODELS)
def test_a_link_reads_the_same_in_both(v8, model_id: str):
    meta = bundle.metadata(registry.load(model_id))
    rng = random.Random(7)
    keys = [i["id"] for i in meta["inputs"]] + ["preset", "visning", "ukjent", "q"] + [
        p + r["id"] for r in meta["ranges"] for p in ("lav_", "hoy_")] + ["pm_" + u["id"] for u in meta["unpriced"]]
    values = ["1", "2.5", "-3", "abc", "", "1e3", "NaN", "storskjerm", "pluss", "minus", "1,5", "99999999"] + list(meta["presets"])
    for _ in range(60):
        pairs = [[rng.choice(keys), rng.choice(values)] for _ in range(rng.randint(0, 6))]
        py = links.read_link(meta, pairs)
        assert js(v8, "vlLenke.read_link", meta, pairs) == py
        assert js(v8, "vlLenke.link_pairs", meta, py) == links.link_pairs(meta, py)
        assert js(v8, "vlLenke.link_notice", py["problems"]) == links.link_notice(py["problems"])
        assert all(x - x == 0 for part in ("values", "lows", "highs") for x in py[part].values())


@pytest.mark.parametrize("model_id", MODELS)
def test_a_link_written_by_the_browser_reads_back_to_its_scenario(v8, model_id: str):
    meta = bundle.metadata(registry.load(model_id))
    rng = random.Random(11)
    for _ in range(30):
        chosen = rng.sample(meta["inputs"], 3)
        link = {"preset": "", "values": {i["id"]: round(rng.uniform(i["min"], i["max"]), 0 if i["integer"] else 2)
                                         for i in chosen},
                "lows": {}, "highs": {}, "marks": {}, "present": rng.random() < 0.5, "problems": []}
        pairs = js(v8, "vlLenke.link_pairs", meta, link)
        assert links.read_link(meta, pairs) == link
