"""Helpers for the workbook parity tests: write a layout with openpyxl, recalculate with LibreOffice."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from calculators.evaluate import NotComputable, evaluate
from calculators.model import Model

RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""
"""LibreOffice's setting «Recalculation on file load, Excel 2007 and newer: always»."""


def write_workbook(layout: dict, path: Path, values: dict[str, object]) -> None:
    """The layout as an XLSX: formulas, and ``values`` in Forutsetninger's yellow cells."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in layout["sheets"]:
        ws = book.create_sheet(sheet["name"])
        for r, row_cells in enumerate(sheet["rows"], start=1):
            for c, cell in enumerate(row_cells, start=1):
                if not cell:
                    continue
                if "f" in cell:
                    ws.cell(r, c, "=" + cell["f"])
                elif "in" in cell:
                    ws.cell(r, c, values[cell["in"]])
                elif "v" in cell:
                    ws.cell(r, c, cell["v"])
    for name, ref in layout["names"]:
        book.defined_names[name] = DefinedName(name, attr_text=ref)
    book.save(path)


def tolerance(model: Model, output_id: str) -> float:
    """How close a recalculated output must be: a krone for amounts, 0,01 for shares and years."""
    return 1.0 if next(o for o in model.outputs if o.id == output_id).unit.startswith("kr") else 0.01


def random_scenario(model: Model, rng: random.Random) -> dict[str, float]:
    """Every input drawn within its bounds (whole numbers where the field wants them)."""
    while True:
        values = {}
        for field in model.inputs:
            if field.integer:
                values[field.id] = float(rng.randint(int(field.minimum), int(field.maximum)))
            else:
                values[field.id] = round(rng.uniform(field.minimum, field.maximum), 2)
        try:
            evaluate(model, values)
        except NotComputable:
            continue
        return values


def recalculate(files: list[Path], out: Path) -> list[Path]:
    """LibreOffice headless opens each workbook, computes every formula (also those with stored
    values) and saves it again as XLSX with the computed values."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("LibreOffice (soffice) mangler. Kjør testene med ./dev test, som installerer den, "
                    "eller: apt-get install libreoffice-calc-nogui", pytrace=False)
    out.mkdir(exist_ok=True)
    # LibreOffice keeps an XLSX's stored values unless told otherwise (fullCalcOnLoad is not
    # enough headless): «always recalculate» in the profile makes it compute every formula.
    (out / "profil" / "user").mkdir(parents=True, exist_ok=True)
    (out / "profil" / "user" / "registrymodifications.xcu").write_text(RECALCULATE_ALWAYS, encoding="utf-8")
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profil').as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": str(out)})
    converted = [out / f.name for f in files]
    missing = [f.name for f in converted if not f.exists()]
    assert not missing, f"LibreOffice laget ikke {missing}: {result.stderr[-2000:]}"
    return converted


def typed_in(layout: dict, path: Path, model: Model, start: dict[str, float], values: dict[str, object],
             first_row: int) -> None:
    """The economist's edit: a workbook made with ``start``, then ``values`` typed into Forutsetninger."""
    write_workbook(layout, path, start)
    book = openpyxl.load_workbook(path)
    sheet = book[layout["sheets"][0]["name"]]
    for n, field in enumerate(model.inputs):
        sheet.cell(first_row + n, 2, values[field.id])
    book.save(path)
