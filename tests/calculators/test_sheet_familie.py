"""The family model's workbook is the model: LibreOffice recalculates it to Python's numbers.

The workbook is written from ``calculators/sheets/familie.py``'s layout with openpyxl (formulas
and the scenario's inputs), its inputs changed as an economist would, recalculated with
LibreOffice headless and compared output by output with ``evaluate``. The stored values (what a
viewer that does not recalculate shows) come from ``values``, compared with ``evaluate`` without
LibreOffice.
"""

from __future__ import annotations

import copy
import random
import re
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from calculators import sheets
from calculators.core.model import BUDGET_HOLDERS
from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.sheets import cells, familie
from calculators.site import eksport
from tests.calculators.sheet_workbooks import expected_cell, random_scenario, recalculate, typed_in, write_workbook

MODEL = registry.load("familie")
TEXTS = eksport.config()
LAYOUT = familie.layout(MODEL, TEXTS)
SHEETS = {sheet["name"]: sheet for sheet in LAYOUT["sheets"]}
NAMES = TEXTS["regneark"]["ark"]
YEARS = familie.MAX_YEARS
SCALAR_ROWS = {output_id: row for output_id in familie.SCALARS
               for row, line in enumerate(SHEETS[NAMES["naverdi"]]["rows"], start=1)
               if line and line[0] and line[0].get("v") == next(o.label for o in MODEL.outputs if o.id == output_id)}


def defaults() -> dict[str, float]:
    return {field.id: field.default for field in MODEL.inputs}


def results(path: Path, names: dict[str, str] = NAMES) -> dict[str, object]:
    """The recalculated Nåverdi sheet (holders, sums, other results) and the yearly flows."""
    book = openpyxl.load_workbook(path, data_only=True)
    present = book[names["naverdi"]]
    got: dict[str, object] = {}
    for h, holder in enumerate(BUDGET_HOLDERS):
        got[holder.id] = present.cell(5 + h, 2).value
    for output_id, row in SCALAR_ROWS.items():
        got[output_id] = present.cell(row, 2).value
    cash = book[names["kontantstrom"]]
    got["netto"] = {holder.id: [cash.cell(familie.YEAR_ROW["kontantstrom"] + t, 2 + h).value for t in range(YEARS)]
                    for h, holder in enumerate(BUDGET_HOLDERS)}
    return got


def assert_equal_to_python(got: dict, values: dict[str, float], where: str) -> None:
    want = evaluate(MODEL, values)
    years = int(values["horisont"])
    for holder in BUDGET_HOLDERS:
        assert got[holder.id] == pytest.approx(want["nnv_per_budsjett"][holder.id], abs=1.0), f"{where}: {holder.id}"
        flows = want["netto"][holder.id] + [0.0] * (YEARS - years)
        assert got["netto"][holder.id] == pytest.approx(flows, abs=1.0), f"{where}: netto {holder.id}"
    for output_id in familie.SCALARS:
        output = next(o for o in MODEL.outputs if o.id == output_id)
        tolerance = 1.0 if output.unit.startswith("kr") else 0.01
        expected = expected_cell(MODEL, output_id, want[output_id], TEXTS)
        assert got[output_id] == (expected if isinstance(expected, str) else pytest.approx(expected, abs=tolerance)), \
            f"{where}: {output_id}"


def test_every_result_is_a_formula_and_the_inputs_stand_once() -> None:
    inputs = SHEETS[NAMES["forutsetninger"]]["rows"]
    assert [line[1]["in"] for line in inputs if line and len(line) > 1 and "in" in line[1]] == \
        [field.id for field in MODEL.inputs]
    present = SHEETS[NAMES["naverdi"]]["rows"]
    assert set(SCALAR_ROWS) == set(familie.SCALARS)
    for row in [5 + h for h in range(len(BUDGET_HOLDERS))] + list(SCALAR_ROWS.values()):
        assert "f" in present[row - 1][1], row
    rate_cells = [cell for sheet in LAYOUT["sheets"] for line in sheet["rows"] for cell in line
                  if cell and cell.get("in") == "kalkulasjonsrente"]
    assert len(rate_cells) == 1, "renten står ett sted"


@pytest.mark.parametrize("seed", range(200))
def test_the_stored_values_are_the_pages_numbers(seed: int) -> None:
    values = random_scenario(MODEL, random.Random(seed))
    stored = familie.values(SimpleNamespace(**values))
    want = evaluate(MODEL, values)
    for h, holder in enumerate(BUDGET_HOLDERS):
        assert stored["pv"][h] == pytest.approx(want["nnv_per_budsjett"][holder.id], abs=0.01)
        assert stored["net"][h][:int(values["horisont"])] == pytest.approx(want["netto"][holder.id], abs=0.01)
    for index, output_id in enumerate(familie.SCALARS):
        assert stored["results"][index] == pytest.approx(want[output_id], abs=0.01), output_id


def test_libreoffice_recalculates_60_random_scenarios_to_pythons_numbers(tmp_path: Path) -> None:
    rng = random.Random(2026)
    cases = [random_scenario(MODEL, rng) for _ in range(56)]
    cases += [{**defaults(), "horisont": 1.0}, {**defaults(), "horisont": 20.0},
              {**defaults(), "avtakning": 100.0}, {**defaults(), "barnevern": 1_000_000.0}]
    files = []
    for i, values in enumerate(cases):
        # The economist's edit: the workbook was made with the defaults, the inputs are typed in.
        files.append(tmp_path / f"s{i:02d}.xlsx")
        typed_in(LAYOUT, files[-1], MODEL, defaults(), values, cells.INPUT_ROW)
    for path, values in zip(recalculate(files, tmp_path / "lo"), cases, strict=True):
        assert_equal_to_python(results(path), values, path.name)


def test_a_payback_that_never_comes_and_a_break_even_without_service_use_are_words_after_recalculation(
        tmp_path: Path) -> None:
    no_effect = {**defaults(), **next(p.values for p in MODEL.presets if p.id == "ingen-varig-effekt")}
    no_services = {**defaults(), **{line: 0.0 for line in familie.SERVICE_LINES}}
    files = []
    for name, values in (("ingen-effekt", no_effect), ("ingen-tjenester", no_services)):
        files.append(tmp_path / f"{name}.xlsx")
        typed_in(LAYOUT, files[-1], MODEL, defaults(), values, cells.INPUT_ROW)
    never, cannot = TEXTS["regneark"]["aldri"], TEXTS["regneark"]["kan_ikke"]
    effect, services = (results(path) for path in recalculate(files, tmp_path / "lo"))
    assert effect["tilbakebetalingsar"] == never and effect["tilbakebetalingsar_kommune"] == never
    assert services["break_even_reduksjon"] == cannot
    for got in (effect, services):
        assert -1 not in [got[output_id] for output_id in familie.SCALARS]
    assert_equal_to_python(effect, no_effect, "ingen-effekt")
    assert_equal_to_python(services, no_services, "ingen-tjenester")


@pytest.mark.parametrize("field, value", [("barnevern", "mye"), ("barnevern", -5.0), ("horisont", 25.0),
                                          ("opptrapping", 1.5)])
def test_bad_input_gives_a_sjekk_message_not_an_error(tmp_path: Path, field: str, value: object) -> None:
    path = tmp_path / "feil.xlsx"
    write_workbook(LAYOUT, path, {**defaults(), field: value})
    got = results(recalculate([path], tmp_path / "lo")[0])
    for key in [h.id for h in BUDGET_HOLDERS] + list(familie.SCALARS):
        assert str(got[key]).startswith("Sjekk"), (key, got[key])


def test_every_calculator_has_its_workbook_in_formulas() -> None:
    assert sorted(sheets.LAYOUTS) == sorted(registry.model_ids())


# Sheet names as a translation to nynorsk might write them: a space, a digit, a dash, an apostrophe.
RENAMED = {"forutsetninger": "Føresetnader", "kontantstrom": "Kontantstraum 2", "diskontering": "Diskontering R-109",
           "naverdi": "Noverdi", "beregning": "Utrekning (Asker's)", "bygget": "Slik er arket bygd"}
# A quoted sheet name before «!», or whatever stands before it up to an operator, a space or a
# parenthesis: an unquoted «Diskontering R-109!» is then «109», no sheet of the workbook.
SHEET_REFERENCE = re.compile(r"'((?:[^']|'')+)'!|([^'(),+\-*/=<>&;:^\s!\"]+)!")


def renamed_texts() -> dict:
    texts = copy.deepcopy(TEXTS)
    for key, name in RENAMED.items():
        (texts["regneark"]["formler"]["ark"] if key in ("beregning", "bygget") else texts["regneark"]["ark"])[key] = name
    return texts


@pytest.mark.parametrize("model_id", sorted(sheets.LAYOUTS))
def test_every_reference_names_a_sheet_of_the_workbook_after_the_sheets_are_renamed(model_id: str) -> None:
    """eksport.yaml names the sheets; every formula and defined name refers to them by those
    names (Forutsetninger and Diskontering were written into some as fixed text)."""
    layout = sheets.LAYOUTS[model_id].layout(registry.load(model_id), renamed_texts())
    names = {sheet["name"] for sheet in layout["sheets"]}
    assert names == set(RENAMED.values())
    formulas = [cell["f"] for sheet in layout["sheets"] for row in sheet["rows"] for cell in row
                if cell and "f" in cell] + [ref for _, ref in layout["names"]]
    referred = {(quoted.replace("''", "'") if quoted else plain)
                for text in formulas for quoted, plain in SHEET_REFERENCE.findall(text)}
    assert referred and referred <= names, sorted(referred - names)


def test_libreoffice_computes_the_defaults_with_renamed_sheets(tmp_path: Path) -> None:
    texts = renamed_texts()
    path = tmp_path / "omdopt.xlsx"
    write_workbook(familie.layout(MODEL, texts), path, defaults())
    [recalculated] = recalculate([path], tmp_path / "lo")
    assert_equal_to_python(results(recalculated, texts["regneark"]["ark"]), defaults(), "omdøpte ark")


def test_a_quote_in_a_text_that_goes_into_a_formula_is_doubled() -> None:
    """«Sjekk "tall"» inside a formula's string would end it early: the formula breaks."""
    texts = copy.deepcopy(TEXTS)
    texts["regneark"]["formler"]["sjekk_tall"] = 'Sjekk: skriv et "tall"'
    texts["regneark"]["formler"]["sjekk_resultat"] = 'Sjekk "Forutsetninger"'
    texts["regneark"]["kan_ikke"] = 'kan ikke "beregnes"'
    layout = familie.layout(MODEL, texts)
    formulas = [cell["f"] for sheet in layout["sheets"] for row in sheet["rows"] for cell in row
                if cell and "f" in cell]
    assert any('"Sjekk: skriv et ""tall"""' in text for text in formulas)
    assert any('"Sjekk ""Forutsetninger"""' in text for text in formulas)
    assert any('"kan ikke ""beregnes"""' in text for text in formulas)
    for text in formulas:  # every string in every formula closes: an even number of quotes
        assert text.count('"') % 2 == 0, text
