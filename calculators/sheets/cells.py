"""What every model's live workbook shares: cell builders, the assumptions sheet, the discounting.

Build-time Python (not translated): see ``calculators/sheets/__init__.py`` for the cell format.
"""

import re
from collections.abc import Sequence

from calculators.core.finance import R109_STEP_YEARS
from calculators.view.view import DECIMALS

INPUT_ROW = 6
"""Forutsetninger: the first input's row; the header is row 5 (as in the plain workbook)."""
DISCOUNT_ROW = 10
"""Diskontering: the row of year 0."""


def quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def sheet_ref(sheet: str) -> str:
    """A sheet's name as a formula or a defined name refers to it: as it is when it is letters
    only («Forutsetninger»), quoted otherwise (a space, a digit, a dash: «'Diskontering R-109'»)."""
    return sheet if re.fullmatch(r"[^\W\d_]+", sheet) else quote(sheet)


NONE_WORDS = {"never": "aldri", "notComputable": "kan_ikke", "percentNotComputable": "kan_ikke"}
"""A result style whose «none» is −1 in the model → its words in eksport.yaml's ``regneark``."""
_NONE_BRANCH = ",-1))"
"""How a guarded result formula ends when its last branch is the model's −1: ``IF(…,…,-1)`` in
``IF(feil>0,"Sjekk …",…)``."""


def result_style(output) -> str:
    """A result cell's style. A year that never comes and a figure that cannot be computed are −1
    in the model (the parity tests compare numbers). In the workbook the formula gives the page's
    words instead («ikke innen perioden», «kan ikke beregnes»; ``in_words``), and the number format
    shows a stored −1 in the same words, never «−1» (issue 23)."""
    if output.kind == "year":
        return "never"
    if output.unit == "%":  # the page's decimals (view.DECIMALS), not «#,##0.###» (review 2, issue 23)
        return "percentNotComputable" if "-1:" in output.help else "percent"
    if "-1:" in output.help:
        return "notComputable"
    return "kr" if output.unit.startswith("kr") else "number"


def percent_format() -> str:
    """The number format of a percent result: the page's decimals for «%» (``view.DECIMALS``), the
    first one always shown and the rest only when not zero («26,63», «14,1», «20,0»), so no cell
    ends in a bare decimal comma. ``eksport.js`` writes exactly this (a test holds them equal)."""
    places = DECIMALS["%"]
    return "#,##0" + ("." + "0" + "#" * (places - 1) if places > 0 else "")


def result_rows(outputs: dict, formulas: dict[str, str], scalars: Sequence[str], message: str) -> list[list]:
    """One row per result: label, the guarded formula, what the calculator showed, the unit."""
    rows = []
    for output_id, text in formulas.items():
        output = outputs[output_id]
        style = result_style(output)
        rows.append([{"v": output.label}, guarded(text, "results", scalars.index(output_id), style=style,
                                                  message=message),
                     {"o": output_id, "s": style}, {"v": output.unit}])
    return rows


def formula(text: str, key: str, *index: int, style: str = "kr") -> dict:
    """A formula cell whose stored value is ``values(v)[key][index…]``."""
    return {"f": text, "k": key, "i": list(index), "s": style}


def literal(text: str) -> str:
    """A text from eksport.yaml as a formula's string: in quotes, a quote inside doubled."""
    return '"' + text.replace('"', '""') + '"'


def guarded(text: str, key: str, *index: int, style: str = "kr", message: str) -> dict:
    """A result cell: the formula, or «Sjekk …» while an input on Forutsetninger is wrong."""
    return formula(f"IF(feil>0,{literal(message)},{text})", key, *index, style=style)


def inputs_sheet(model, texts: dict) -> tuple[list, list]:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    head = t["forutsetninger_kolonner"] + t["spenn_kolonner"] + f["kontroll_kolonner"]
    rows: list = [[{"v": model.title, "s": "title"}], [{"x": "link", "s": "note"}],
                  [{"x": "prices", "v": texts["notat"]["prisar"].replace("{år}", str(model.price_year)), "s": "note"}], [],
                  [{"v": text, "s": "head"} for text in head]]
    names = []
    for n, field in enumerate(model.inputs):
        row = INPUT_ROW + n
        src = field.source
        check = (f"IF(NOT(ISNUMBER(B{row})),{literal(f['sjekk_tall'])},"
                 f"IF(OR(B{row}<{field.minimum:g},B{row}>{field.maximum:g}),{literal(f['sjekk_grenser'])},"
                 + (f"IF(B{row}<>INT(B{row}),{literal(f['sjekk_heltall'])},{literal(f['kontroll_ok'])})))"
                    if field.integer else f"{literal(f['kontroll_ok'])}))"))
        rows.append([{"v": field.label, "s": "wrap"}, {"in": field.id, "s": "input"}, {"v": field.unit},
                     {"v": field.default, "s": "number"}, {"x": "changed", "id": field.id},
                     # x: the municipality's source and status while its own figure is in the field (issue 29)
                     {"x": "source", "id": field.id, "v": f"{src.publisher} {src.year}: {src.title}" if src.status == "kilde" else "",
                      "s": "wrap"},
                     {"x": "status", "id": field.id, "v": t["status"].get(src.status, src.status)}, {"v": src.url} if src.url else None,
                     {"x": "low", "id": field.id, "s": "number"}, {"x": "high", "id": field.id, "s": "number"},
                     {"v": field.minimum, "s": "number"}, {"v": field.maximum, "s": "number"},
                     {"f": check, "sv": f["kontroll_ok"]}])
        names.append([field.id, f"{sheet_ref(t['ark']['forutsetninger'])}!$B${row}"])
    last = INPUT_ROW + len(model.inputs) - 1
    rows += [[], [{"v": f["feil"], "s": "head"},
                  {"f": f'SUMPRODUCT(--(LEFT(M{INPUT_ROW}:M{last},5)="Sjekk"))', "sv": 0, "s": "sumKr"}]]
    names.append(["feil", f"{sheet_ref(t['ark']['forutsetninger'])}!$B${last + 2}"])
    return rows, names


def discount_sheet(texts: dict, years: int, horizon: str = "horisont") -> list:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    step1, step2 = R109_STEP_YEARS
    rows: list = [[{"v": f["diskontering_tittel"], "s": "title"}], [],
                  [{"v": f["rente_fra"].replace("{år1}", str(step1))}, formula("kalkulasjonsrente", "rates", 0, style="number")],
                  [{"v": t["rente2"].replace("{år1}", str(step1))}, formula("MAX(B3-1,0)", "rates", 1, style="number")],
                  [{"v": t["rente3"].replace("{år2}", str(step2))}, formula("MAX(B3-2,0)", "rates", 2, style="number")],
                  [{"v": t["trinn1"]}, {"v": step1}], [{"v": t["trinn2"]}, {"v": step2}], [],
                  [{"v": text, "s": "head"} for text in (t["ar"], t["periode_rente"], t["faktor"])]]
    for y in range(years):
        r = DISCOUNT_ROW + y
        rate = None if y == 0 else formula(f"IF(A{r}<=$B$6,$B$3,IF(A{r}<=$B$7,$B$4,$B$5))", "period_rates", y, style="number")
        factor = f"IF(A{r}<{horizon},1,0)" if y == 0 else f"IF(A{r}<{horizon},C{r - 1}/(1+B{r}/100),0)"
        rows.append([{"v": y}, rate, formula(factor, "factors", y, style="factor")])
    return rows




def in_words(rows: list, texts: dict) -> list:
    """The rows with every result styled ``never`` or ``notComputable`` in the page's words where
    the model gives −1: the formula's last branch (which must be that −1) gives the words, so Excel
    and LibreOffice show «ikke innen perioden» after they recalculate, not −1 in a column that says
    «år»; and the cell carries ``none``, the words eksport.js stores instead of a −1 (the formula's
    stored value and «Kalkulatoren viste»)."""
    words = {style: texts["regneark"][key] for style, key in NONE_WORDS.items()}
    out = []
    for line in rows:
        new_line = []
        for cell in line:
            if cell and cell.get("s") in words:
                word = words[cell["s"]]
                cell = {**cell, "none": word}
                if "f" in cell:
                    if not cell["f"].endswith(_NONE_BRANCH):
                        raise ValueError(f"resultatformelen «{cell['f']}» skal ende med -1 når den ikke kan gi et tall")
                    cell["f"] = cell["f"][:-len(_NONE_BRANCH)] + "," + literal(word) + "))"
            new_line.append(cell)
        out.append(new_line)
    return out


def built_sheet(texts: dict, model_id: str) -> dict:
    """«Slik er arket bygget»: the model's explanation (eksport.yaml), one paragraph a row."""
    f = texts["regneark"]["formler"]
    lines = f["bygget"][model_id]
    rows = [[{"v": lines[0], "s": "title"}], *[[{"v": line, "s": "wrap"}] for line in lines[1:]]]
    return {"name": f["ark"]["bygget"], "rows": rows, "widths": [120]}


def workbook(model, texts: dict, calculated: dict[str, str], cash: dict, present: dict, calculation: dict,
             horizon: str = "horisont", years: int = 0) -> dict:
    """Every model's six sheets in one order: Forutsetninger, Kontantstrøm, Diskontering, Nåverdi,
    Beregning, «Slik er arket bygget». ``cash``, ``present`` and ``calculation`` are the model's
    own sheets as ``{"rows", "widths", "freeze"?}``; ``calculated`` names cells on Beregning
    (name → cell) besides the inputs; ``horizon`` is the name that gates the discount factors."""
    t, f = texts["regneark"], texts["regneark"]["formler"]
    inputs, names = inputs_sheet(model, texts)
    names += [[name, f"{quote(f['ark']['beregning'])}!{cell}"] for name, cell in calculated.items()]
    return {
        "sheets": [
            {"name": t["ark"]["forutsetninger"], "rows": inputs,
             "widths": [46, 14, 10, 14, 8, 60, 12, 50, 12, 12, 12, 12, 30], "freeze": [0, 5]},
            {"name": t["ark"]["kontantstrom"], "freeze": [1, 3], **cash},
            {"name": t["ark"]["diskontering"], "rows": discount_sheet(texts, years, horizon), "widths": [34, 18, 20]},
            {"name": t["ark"]["naverdi"], "interval": True, **present, "rows": in_words(present["rows"], texts)},
            {"name": f["ark"]["beregning"], **calculation},
            built_sheet(texts, model.id),
        ],
        "names": names,
    }
