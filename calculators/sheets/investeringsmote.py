"""Investeringsmøtet as a live workbook: the layout in formulas and the values they hold.

Beside ``calculators/models/investeringsmote.py``, whose ``compute`` these formulas restate; the
parity test (``tests/calculators/test_sheet_investeringsmote.py``) proves the two equal after
LibreOffice recalculates. The year rows go up to the longest horizon, gated by «year < horisont».
"""

from calculators.core.finance import discount_factors, hourly_cost, present_value, stepped_rates
from calculators.core.model import BUDGET_HOLDERS
from calculators.models.investeringsmote import DATA
from calculators.sheets.cells import DISCOUNT_ROW, guarded, quote, result_rows, sheet_ref, workbook
from calculators.sheets.cells import formula as _f

MAX_YEARS = int(DATA.row("horisont").maximum)
"""Rows of the year table: the longest horizon the calculator accepts."""
HOLDERS = ["kommune_annet", "stat_nav", "stat_helseforetak"]
"""Who employs the participants, in ``compute``'s order (kommune, NAV-stat, helseforetak)."""
CASH_ROW = 4
"""Kontantstrøm: the row of year 0."""
SCALARS = ("nv_spart", "timekostnad", "kostnad_investeringsmote", "kostnad_separate", "timer_spart_per_ar",
           "spart_per_ar", "spart_per_mote")
"""The model's number outputs, each one formula on Nåverdi."""


def values(v):
    """The value every formula cell stores, for the scenario ``v``."""
    rate = hourly_cost(v.arslonn, v.pensjon, v.arbeidsgiveravgift, v.arsverk_timer)
    meeting_hours = v.motetimer + v.forberedelse
    separate_hours = v.separate_moter * (v.separate_timer + v.separate_forberedelse)
    hours = [v.separate_kommune * separate_hours - v.deltakere_kommune * meeting_hours - v.investeringsleder_timer,
             v.separate_stat * separate_hours - v.deltakere_stat * meeting_hours,
             v.separate_helseforetak * separate_hours - v.deltakere_helseforetak * meeting_hours]
    per_year = [h * rate * v.moter_per_ar for h in hours]
    years = int(v.horisont)
    gate = [1.0 if t < years else 0.0 for t in range(MAX_YEARS)]
    all_factors = discount_factors(MAX_YEARS, stepped_rates(v.kalkulasjonsrente))
    factors = [all_factors[t] * gate[t] for t in range(MAX_YEARS)]
    flows = [[per_year[h] * gate[t] for t in range(MAX_YEARS)] for h in range(len(hours))]
    pv = [present_value(row, factors) for row in flows]
    meeting_cost = ((v.deltakere_kommune + v.deltakere_stat + v.deltakere_helseforetak) * meeting_hours
                    + v.investeringsleder_timer) * rate
    separate_cost = (v.separate_kommune + v.separate_stat + v.separate_helseforetak) * separate_hours * rate
    rates = stepped_rates(v.kalkulasjonsrente)
    return {
        "calc": [rate, meeting_hours, separate_hours, hours[0], hours[1], hours[2],
                 per_year[0], per_year[1], per_year[2]],
        "flows": flows, "all": [flows[0][t] + flows[1][t] + flows[2][t] for t in range(MAX_YEARS)],
        "factors": factors, "rates": rates,
        "period_rates": [0.0 if t == 0 else rates[0] for t in range(MAX_YEARS)],
        "pv": pv,
        "results": [pv[0] + pv[1] + pv[2], rate, meeting_cost, separate_cost,
                    (hours[0] + hours[1] + hours[2]) * v.moter_per_ar,
                    (separate_cost - meeting_cost) * v.moter_per_ar, separate_cost - meeting_cost],
    }


# ---- the layout (build time) -------------------------------------------------------------------

def _calculation_sheet(texts: dict) -> list:
    f = texts["regneark"]["formler"]
    labels = {h.id: h.label for h in BUDGET_HOLDERS}
    participants = ["deltakere_kommune", "deltakere_stat", "deltakere_helseforetak"]
    separate = ["separate_kommune", "separate_stat", "separate_helseforetak"]
    rows: list = [[{"v": f["mote_tittel"], "s": "title"}], [],
                  [{"v": f["timekostnad"]}, _f("arslonn*(1+pensjon/100)*(1+arbeidsgiveravgift/100)/arsverk_timer",
                                               "calc", 0)],
                  [{"v": f["mote_timer"]}, _f("motetimer+forberedelse", "calc", 1, style="number")],
                  [{"v": f["separate_timer"]}, _f("separate_moter*(separate_timer+separate_forberedelse)", "calc", 2,
                                                  style="number")]]
    for h, holder in enumerate(HOLDERS):  # rows 6–8
        leader = "-investeringsleder_timer" if h == 0 else ""
        rows.append([{"v": f["spart_timer"].replace("{budsjett}", labels[holder])},
                     _f(f"{separate[h]}*B5-{participants[h]}*B4{leader}", "calc", 3 + h, style="number")])
    for h, holder in enumerate(HOLDERS):  # rows 9–11
        rows.append([{"v": f["spart_ar"].replace("{budsjett}", labels[holder])},
                     _f(f"B{6 + h}*timekostnad*moter_per_ar", "calc", 6 + h)])
    return rows


def _cash_sheet(model, texts: dict) -> list:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    labels = {h.id: h.label for h in BUDGET_HOLDERS}
    calc = quote(f["ark"]["beregning"])
    flow = next(o for o in model.outputs if o.id == "spart_budsjett_ar_for_ar")
    title = t["kontantstrom_tittel"].replace("{flyt}", flow.label).replace("{år}", str(model.price_year))
    rows: list = [[{"x": "kroner", "v": title, "s": "title"}], [],
                  [{"v": text, "s": "head"} for text in [t["ar"], *[labels[h] for h in HOLDERS], t["alle"]]]]
    for y in range(MAX_YEARS):
        r = CASH_ROW + y
        rows.append([{"v": y}, *[_f(f"IF(A{r}<horisont,{calc}!$B${9 + h},0)", "flows", h, y) for h in range(len(HOLDERS))],
                     _f(f"SUM(B{r}:D{r})", "all", y, style="sumKr")])
    return rows


def _present_value_sheet(model, texts: dict) -> list:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    outputs = {o.id: o for o in model.outputs}
    labels = {h.id: h.label for h in BUDGET_HOLDERS}
    message, cash, calc = f["sjekk_resultat"], quote(t["ark"]["kontantstrom"]), quote(f["ark"]["beregning"])
    factors = f"{sheet_ref(t['ark']['diskontering'])}!$C${DISCOUNT_ROW}:$C${DISCOUNT_ROW + MAX_YEARS - 1}"
    rows: list = [[{"v": outputs["spart_per_budsjett"].label, "s": "title"}], [{"v": t["naverdi_tittel"], "s": "note"}],
                  [], [{"v": text, "s": "head"} for text in t["naverdi_kolonner"]]]
    for h, holder in enumerate(HOLDERS):  # rows 5–7
        col, r = "BCD"[h], len(rows) + 1
        rows.append([{"v": labels[holder]},
                     guarded(f"SUMPRODUCT({cash}!{col}{CASH_ROW}:{col}{CASH_ROW + MAX_YEARS - 1},{factors})", "pv", h,
                             message=message),
                     {"o": "spart_per_budsjett", "h": holder, "s": "kr"},
                     {"f": f'IF(ISNUMBER(B{r}),B{r}-C{r},"")', "sv": 0, "s": "kr"}])
    rows.append([{"v": outputs["nv_spart"].label, "s": "head"}, guarded("SUM(B5:B7)", "results", 0, style="sumKr",
                                                                          message=message),
                 {"o": "nv_spart", "s": "sumKr"}, {"f": 'IF(ISNUMBER(B8),B8-C8,"")', "sv": 0, "s": "sumKr"}])
    rows += [[], [{"v": f["resultater"], "s": "title"}], [{"v": text, "s": "head"} for text in f["resultat_kolonner"]]]
    first = len(rows) + 1  # timekostnad, then the meeting's cost, the separate meetings' cost, …
    formulas = {
        "timekostnad": "timekostnad",
        "kostnad_investeringsmote": f"((deltakere_kommune+deltakere_stat+deltakere_helseforetak)*{calc}!B4"
                                    "+investeringsleder_timer)*timekostnad",
        "kostnad_separate": f"(separate_kommune+separate_stat+separate_helseforetak)*{calc}!B5*timekostnad",
        "timer_spart_per_ar": f"({calc}!B6+{calc}!B7+{calc}!B8)*moter_per_ar",
        "spart_per_ar": f"(B{first + 2}-B{first + 1})*moter_per_ar",
        "spart_per_mote": f"B{first + 2}-B{first + 1}",
    }
    return rows + result_rows(outputs, formulas, SCALARS, message)


def layout(model, texts: dict) -> dict:
    """The workbook as sheets of cells and the defined names (see ``calculators/sheets/__init__.py``)."""
    return workbook(model, texts, {"timekostnad": "$B$3"},
                    {"rows": _cash_sheet(model, texts), "widths": [8, 20, 20, 20, 20]},
                    {"rows": _present_value_sheet(model, texts), "widths": [50, 20, 20, 20, 20, 20, 20]},
                    {"rows": _calculation_sheet(texts), "widths": [60, 18]}, years=MAX_YEARS)
