"""Helpers for the workbook parity tests: write a layout with openpyxl, recalculate with LibreOffice."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from calculators.core.model import Model
from calculators.engine.evaluate import NotComputable, evaluate
from calculators.sheets import cells
from documents.render.package import map_text_parts
from tests.documents import libreoffice

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


def expected_cell(model: Model, output_id: str, value: float, texts: dict) -> float | str:
    """What a recalculated result cell holds for the model's ``value``: the page's words where the
    model gives −1 for a year that never comes or a figure that cannot be computed, else the number."""
    style = cells.result_style(next(o for o in model.outputs if o.id == output_id))
    return texts["regneark"][cells.NONE_WORDS[style]] if style in cells.NONE_WORDS and value == -1 else value


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


_STAMPED = re.compile(r"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")
_RUN_SERVER = re.compile(r"http://127\.0\.0\.1:\d+/")


def same_bytes_for_same_workbook(data: bytes) -> bytes:
    """The workbook with its save times fixed (the zip entries' times, docProps/core.xml's created
    and modified), as ``documents.render.package`` writes packages, and the test run's server (a new
    port each run, in the links a downloaded workbook holds) written as one address: openpyxl and
    the browser stamp the time of saving, so the same workbook saved twice is the same bytes, and
    one cache entry. Neither reaches a formula."""
    def change(name: str, xml: str) -> str:
        xml = _RUN_SERVER.sub("http://127.0.0.1/", xml)
        return _STAMPED.sub(r"\g<1>2026-01-01T00:00:00Z\g<2>", xml) if name == "docProps/core.xml" else xml

    return map_text_parts(data, dt.date(2026, 1, 1), change)


def recalculate(files: list[Path], out: Path) -> list[Path]:
    """LibreOffice headless opens each workbook, computes every formula (also those with stored
    values) and saves it again as XLSX with the computed values, in ``out`` under the same name.
    LibreOffice keeps an XLSX's stored values unless told otherwise (fullCalcOnLoad is not enough
    headless): «always recalculate» in its profile makes it compute every formula. The results are
    cached by the workbook's bytes (``libreoffice.convert``): an unchanged workbook starts no LibreOffice."""
    inputs = {path.name: same_bytes_for_same_workbook(path.read_bytes()) for path in files}
    assert len(inputs) == len(files), "to arbeidsbøker med samme navn"
    converted = libreoffice.convert(inputs, "xlsx:Calc MS Excel 2007 XML", RECALCULATE_ALWAYS)
    out.mkdir(exist_ok=True)
    for path in files:
        shutil.copyfile(converted[path.name], out / path.name)
    return [out / path.name for path in files]


def typed_in(layout: dict, path: Path, model: Model, start: dict[str, float], values: dict[str, object],
             first_row: int) -> None:
    """The economist's edit: a workbook made with ``start``, then ``values`` typed into Forutsetninger."""
    write_workbook(layout, path, start)
    book = openpyxl.load_workbook(path)
    sheet = book[layout["sheets"][0]["name"]]
    for n, field in enumerate(model.inputs):
        sheet.cell(first_row + n, 2, values[field.id])
    book.save(path)
