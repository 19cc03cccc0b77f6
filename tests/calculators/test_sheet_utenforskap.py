"""Utenforskap's workbook is the model: LibreOffice recalculates it to Python's numbers.

Same method as ``test_sheet_familie.py``: the layout written with openpyxl, inputs typed into
Forutsetninger, LibreOffice recalculates, every result compared with ``evaluate``; the stored
values compared with ``evaluate`` without LibreOffice. Courses up to 51 years cross R-109's step.
"""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from calculators.core.model import BUDGET_HOLDERS
from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.sheets import cells, utenforskap
from calculators.site import eksport
from tests.calculators import sheet_workbooks
from tests.calculators.sheet_workbooks import expected_cell, random_scenario, recalculate, typed_in, write_workbook

MODEL = registry.load("utenforskap")
TEXTS = eksport.config()
LAYOUT = utenforskap.layout(MODEL, eksport.config())
NAMES = eksport.config()["regneark"]["ark"]
OUTPUTS = {o.id: o for o in MODEL.outputs}
SCALAR_ROWS = {output_id: row for output_id in utenforskap.SCALARS
               for row, line in enumerate(LAYOUT["sheets"][3]["rows"], start=1)
               if line and line[0] and line[0].get("v") == OUTPUTS[output_id].label and row > 5 + len(BUDGET_HOLDERS) - 1}


def defaults() -> dict[str, float]:
    return {field.id: field.default for field in MODEL.inputs}


def results(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path, data_only=True)
    present = book[NAMES["naverdi"]]
    got: dict[str, object] = {output_id: present.cell(row, 2).value for output_id, row in SCALAR_ROWS.items()}
    for h, holder in enumerate(BUDGET_HOLDERS):
        got[holder.id] = present.cell(5 + h, 2).value
        got["tiltak_" + holder.id] = present.cell(5 + h, 5).value
    return got


def tolerance(output_id: str) -> float:
    return sheet_workbooks.tolerance(MODEL, output_id)


def test_every_output_has_one_formula_row() -> None:
    assert set(SCALAR_ROWS) == set(utenforskap.SCALARS)


@pytest.mark.parametrize("seed", range(100))
def test_the_stored_values_are_the_pages_numbers(seed: int) -> None:
    values = random_scenario(MODEL, random.Random(seed))
    stored = utenforskap.values(SimpleNamespace(**values))
    want = evaluate(MODEL, values)
    for h, holder in enumerate(BUDGET_HOLDERS):
        assert stored["pv"][h] == pytest.approx(want["nv_per_budsjett"][holder.id], abs=0.01)
        assert stored["measure"][h] == pytest.approx(want["nnv_tiltak_per_budsjett"][holder.id], abs=0.01)
    for index, output_id in enumerate(utenforskap.SCALARS):
        assert stored["results"][index] == pytest.approx(want[output_id], abs=0.01), output_id


def test_libreoffice_recalculates_55_random_scenarios_to_pythons_numbers(tmp_path: Path) -> None:
    rng = random.Random(2026)
    cases = [random_scenario(MODEL, rng) for _ in range(52)]
    cases += [{**defaults(), "alder": 16.0, "ar_utenfor": 51.0}, {**defaults(), "ar_utenfor": 1.0},
              {**defaults(), "alder": 30.0, "ar_utenfor": 51.0, "kalkulasjonsrente": 1.5}]
    files = []
    for i, values in enumerate(cases):
        files.append(tmp_path / f"u{i:02d}.xlsx")
        typed_in(LAYOUT, files[-1], MODEL, defaults(), values, cells.INPUT_ROW)
    for path, values in zip(recalculate(files, tmp_path / "lo"), cases, strict=True):
        got, want = results(path), evaluate(MODEL, values)
        for holder in BUDGET_HOLDERS:
            assert got[holder.id] == pytest.approx(want["nv_per_budsjett"][holder.id], abs=1.0), f"{path.name}: {holder.id}"
            assert got["tiltak_" + holder.id] == pytest.approx(want["nnv_tiltak_per_budsjett"][holder.id], abs=1.0)
        for output_id in utenforskap.SCALARS:
            expected = expected_cell(MODEL, output_id, want[output_id], TEXTS)
            assert got[output_id] == (expected if isinstance(expected, str)
                                      else pytest.approx(expected, abs=tolerance(output_id))), f"{path.name}: {output_id}"


def test_bad_input_gives_a_sjekk_message_not_an_error(tmp_path: Path) -> None:
    cases = [("sosialhjelp", "mye"), ("helse_kommune", -1.0), ("ar_utenfor", 60.0)]
    files = []
    for i, (field, value) in enumerate(cases):
        files.append(tmp_path / f"feil{i}.xlsx")
        write_workbook(LAYOUT, files[-1], {**defaults(), field: value})
    for path in recalculate(files, tmp_path / "lo"):
        for key, value in results(path).items():
            assert str(value).startswith("Sjekk"), (path.name, key, value)
