"""The family model as a live workbook: the layout in formulas and the values they hold.

Beside ``calculators/models/familie.py``, whose ``compute`` these formulas restate cell by cell;
the parity test (``tests/calculators/test_sheet_familie.py``) proves the two equal after
LibreOffice recalculates, for random scenarios. Every year row up to the model's longest horizon
is there, gated by «year < horisont», so a shorter horizon needs no edited formula.
"""

from calculators.core.finance import (
    HOLDER_COUNT,
    HOLDER_LEVEL,
    PAYBACK_TOLERANCE,
    SOCIETY_INDEX,
    cumulative,
    discount_factors,
    hourly_cost,
    period_rate,
    present_value,
    stepped_rates,
)
from calculators.core.model import BUDGET_HOLDERS
from calculators.models.familie import (
    DATA,
    ELECTION_PERIOD_YEARS,
    FOLLOW_YEARS,
    INVESTMENT_HOLDER,
    LINE_HOLDER,
    LINE_TRANSFER,
    SERVICE_LINES,
    STATE_STAFF_HOLDER,
    effect_profile,
    investment_per_year,
    staff_hours_per_year,
)
from calculators.sheets.cells import DISCOUNT_ROW, guarded, quote, result_style, sheet_ref, workbook
from calculators.sheets.cells import formula as _f

MAX_YEARS = int(DATA.row("horisont").maximum)
"""Rows per year table: the longest horizon the calculator accepts."""

YEAR_ROW = {"beregning": 7, "kontantstrom": 4, "diskontering": DISCOUNT_ROW}
"""First year row of each year table."""
LINE_COLUMNS = "EFGHIJK"
"""Beregning: one column per service line, in ``SERVICE_LINES`` order."""
HOLDER_COLUMNS = "BCDEFGHIJKLMN"
"""Kontantstrøm: one column per budget holder, in ``BUDGET_HOLDERS`` order."""
SCALARS = ("nnv_kommune", "nnv_offentlig", "nnv_samfunn", "tilbakebetalingsar",
           "tilbakebetalingsar_kommune", "nnv_valgperiode", "break_even_reduksjon", "nv_investering",
           "nv_besparelse", "timekostnad", "timer_per_ar")
"""The model's number outputs, each one formula on Nåverdi."""


def values(v):
    """The value every formula cell stores, for the scenario ``v`` (same order as the layout)."""
    years = int(v.horisont)
    gate = [1.0 if t < years else 0.0 for t in range(MAX_YEARS)]
    all_factors = discount_factors(MAX_YEARS, stepped_rates(v.kalkulasjonsrente))
    factors = [all_factors[t] * gate[t] for t in range(MAX_YEARS)]
    kept = (1 - v.optimisme / 100) * min(1, v.oppfolgingsar / FOLLOW_YEARS) * (1 - v.dodvekt / 100)
    full = effect_profile(MAX_YEARS, int(v.forste_effektar), int(v.opptrapping), v.avtakning)
    profile = [full[t] * gate[t] for t in range(MAX_YEARS)]
    work_full = effect_profile(MAX_YEARS, int(v.arbeid_fra_ar), int(v.opptrapping), v.avtakning)
    work = [work_full[t] * gate[t] for t in range(MAX_YEARS)]
    amounts = [v.barnevern, v.sosialhjelp, v.bolig, v.avlastning, v.psykisk_helse,
               v.spesialundervisning, v.nav_ytelser]
    reductions = [v.barnevern_reduksjon, v.sosialhjelp_reduksjon, v.bolig_reduksjon,
                  v.avlastning_reduksjon, v.psykisk_helse_reduksjon,
                  v.spesialundervisning_reduksjon, v.nav_ytelser_reduksjon]
    lines = [[amounts[i] * reductions[i] / 100 * kept * share for share in profile]
             for i in range(len(amounts))]
    yearly = investment_per_year(v)
    follow = int(v.oppfolgingsar)
    invest_kommune = [yearly[0] * gate[t] if t < follow else 0.0 for t in range(MAX_YEARS)]
    invest_state = [yearly[1] * gate[t] if t < follow else 0.0 for t in range(MAX_YEARS)]
    income = [v.arbeidsinntekt * kept * share for share in work]
    transfers = [sum([lines[i][t] * LINE_TRANSFER[i] for i in range(len(amounts))]) for t in range(MAX_YEARS)]
    unit = [sum(amounts) * kept * share for share in profile]
    net = []
    for h in range(SOCIETY_INDEX):
        row = []
        for t in range(MAX_YEARS):
            x = sum([lines[i][t] for i in range(len(amounts)) if LINE_HOLDER[i] == h])
            if h == INVESTMENT_HOLDER:
                x -= invest_kommune[t]
            if h == STATE_STAFF_HOLDER:
                x -= invest_state[t]
            row.append(x)
        net.append(row)
    public = [sum([net[h][t] for h in range(SOCIETY_INDEX)]) for t in range(MAX_YEARS)]
    net.append([income[t] - transfers[t] + v.skattefinansieringskostnad / 100 * public[t] for t in range(MAX_YEARS)])
    municipal = [sum([net[h][t] for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == 0]) for t in range(MAX_YEARS)]
    cum_public = cumulative([public[t] * factors[t] for t in range(MAX_YEARS)])
    cum_municipal = cumulative([municipal[t] * factors[t] for t in range(MAX_YEARS)])
    under_public = [t if gate[t] > 0 and cum_public[t] < -PAYBACK_TOLERANCE else -1 for t in range(MAX_YEARS)]
    under_municipal = [t if gate[t] > 0 and cum_municipal[t] < -PAYBACK_TOLERANCE else -1 for t in range(MAX_YEARS)]
    pv = [present_value(row, factors) for row in net]
    invest_all = [invest_kommune[t] + invest_state[t] for t in range(MAX_YEARS)]
    pv_invest = present_value(invest_all, factors)
    pv_unit = present_value(unit, factors)
    nnv_public = sum([pv[h] for h in range(SOCIETY_INDEX)])
    return {
        "gate": gate, "factors": factors, "profile": profile, "work": work, "lines": lines,
        "invest_kommune": invest_kommune, "invest_state": invest_state, "invest_all": invest_all,
        "income": income, "transfers": transfers, "unit": unit, "net": net, "public": public,
        "all": [public[t] + net[SOCIETY_INDEX][t] for t in range(MAX_YEARS)],
        "cum_public": cum_public, "cum_municipal": cum_municipal,
        "under_public": under_public, "under_municipal": under_municipal, "pv": pv,
        "rates": stepped_rates(v.kalkulasjonsrente),
        "period_rates": [period_rate(t, stepped_rates(v.kalkulasjonsrente)) for t in range(MAX_YEARS)],
        "results": [
            sum([pv[h] for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == 0]),
            nnv_public,
            sum(pv),
            payback(under_public, years),
            payback(under_municipal, years),
            cum_public[min(ELECTION_PERIOD_YEARS, years) - 1],
            pv_invest / pv_unit * 100 if pv_unit > 0 else -1,
            pv_invest,
            pv_invest + nnv_public,
            hourly_cost(v.arslonn, v.pensjon, v.arbeidsgiveravgift, v.arsverk_timer),
            sum(staff_hours_per_year(v)),
        ],
    }


def payback(under, years):
    """The payback formula on Nåverdi: the year after the last year under zero, if within the horizon."""
    last = max(under)
    return last + 1 if last + 1 < years else -1




# ---- the layout (build time) -------------------------------------------------------------------

def _calculation_sheet(model, texts: dict) -> list:
    f = texts["regneark"]["formler"]
    labels = {i.id: i.label for i in model.inputs}
    kept = f"(1-optimisme/100)*MIN(1,oppfolgingsar/{FOLLOW_YEARS:g})*(1-dodvekt/100)"
    head = [texts["regneark"]["ar"], f["i_horisonten"], f["effektandel"], f["arbeidsandel"],
            *[f["besparelse"].replace("{linje}", labels[line]) for line in SERVICE_LINES],
            f["investering_kommune"], f["investering_stat"], f["investering_alle"], f["arbeidsinntekt"],
            f["overforinger"], f["tjenestebruk"]]
    rows: list = [[{"v": f["beregning_tittel"], "s": "title"}], [],
                  [{"v": f["timekostnad"]}, _f("arslonn*(1+pensjon/100)*(1+arbeidsgiveravgift/100)/arsverk_timer",
                                               "results", 9)],
                  [{"v": f["timer"]}, _f("investeringsleder_timer+(deltakere+deltakere_stat)*moter_per_ar*(motetimer+forberedelse)",
                                         "results", 10, style="number")],
                  [], [{"v": text, "s": "head"} for text in head]]

    def profile(start: str, r: int) -> str:
        k, ramp = f"(A{r}-{start}+1)", "MAX(opptrapping,1)"
        return (f"IF(A{r}<{start},0,IF({k}<{ramp},{k}/{ramp},IF({k}={ramp},1,"
                f"(1-avtakning/100)^({k}-{ramp}))))*B{r}")

    for t in range(MAX_YEARS):
        r = YEAR_ROW["beregning"] + t
        transfers = "+".join(f"{LINE_COLUMNS[i]}{r}" for i, flag in enumerate(LINE_TRANSFER) if flag) or "0"
        rows.append([
            {"v": t}, _f(f"IF(A{r}<horisont,1,0)", "gate", t, style="number"),
            _f(profile("forste_effektar", r), "profile", t, style="factor"),
            _f(profile("arbeid_fra_ar", r), "work", t, style="factor"),
            *[_f(f"{line}*{line}_reduksjon/100*{kept}*$C{r}", "lines", i, t) for i, line in enumerate(SERVICE_LINES)],
            _f(f"IF(A{r}<oppfolgingsar,(investeringsleder_timer+deltakere*moter_per_ar*(motetimer+forberedelse))*timekostnad"
               f"+ekstra_tiltak+faste_kostnader,0)*B{r}", "invest_kommune", t),
            _f(f"IF(A{r}<oppfolgingsar,deltakere_stat*moter_per_ar*(motetimer+forberedelse)*timekostnad,0)*B{r}", "invest_state", t),
            _f(f"L{r}+M{r}", "invest_all", t),
            _f(f"arbeidsinntekt*{kept}*D{r}", "income", t),
            _f(transfers, "transfers", t),
            _f(f"({'+'.join(SERVICE_LINES)})*{kept}*C{r}", "unit", t)])
    return rows


def _cash_sheet(model, texts: dict) -> list:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    calc, disc = quote(f["ark"]["beregning"]), sheet_ref(t["ark"]["diskontering"])
    municipal = [h for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == 0]
    assert municipal == list(range(len(municipal))), "kommunens budsjetter står først"
    head = [t["ar"], *[h.label for h in BUDGET_HOLDERS], t["offentlig"], t["alle"], f["kumulativ_offentlig"],
            f["kumulativ_kommune"], f["under_offentlig"], f["under_kommune"]]
    flow = model.outputs[[o.id for o in model.outputs].index("netto")]
    title = t["kontantstrom_tittel"].replace("{flyt}", flow.label).replace("{år}", str(model.price_year))
    rows: list = [[{"x": "kroner", "v": title, "s": "title"}], [], [{"v": text, "s": "head"} for text in head]]
    last_public = HOLDER_COLUMNS[SOCIETY_INDEX - 1]
    for y in range(MAX_YEARS):
        r, c = YEAR_ROW["kontantstrom"] + y, YEAR_ROW["beregning"] + y
        factor = f"{disc}!C{YEAR_ROW['diskontering'] + y}"
        cells: list = [{"v": y}]
        for h in range(SOCIETY_INDEX):
            terms = [f"+{calc}!{LINE_COLUMNS[i]}{c}" for i, holder in enumerate(LINE_HOLDER) if holder == h]
            terms += [f"-{calc}!L{c}"] if h == INVESTMENT_HOLDER else []
            terms += [f"-{calc}!M{c}"] if h == STATE_STAFF_HOLDER else []
            cells.append(_f("".join(terms).removeprefix("+") or "0", "net", h, y))
        cells.append(_f(f"{calc}!O{c}-{calc}!P{c}+skattefinansieringskostnad/100*O{r}", "net", SOCIETY_INDEX, y))
        before_q, before_r = (f"Q{r - 1}+", f"R{r - 1}+") if y else ("", "")
        cells += [_f(f"SUM(B{r}:{last_public}{r})", "public", y, style="sumKr"),
                  _f(f"O{r}+{HOLDER_COLUMNS[SOCIETY_INDEX]}{r}", "all", y, style="sumKr"),
                  _f(f"{before_q}O{r}*{factor}", "cum_public", y),
                  _f(f"{before_r}SUM(B{r}:{HOLDER_COLUMNS[municipal[-1]]}{r})*{factor}", "cum_municipal", y),
                  _f(f"IF(AND(A{r}<horisont,Q{r}<-{PAYBACK_TOLERANCE}),A{r},-1)", "under_public", y, style="dash"),
                  _f(f"IF(AND(A{r}<horisont,R{r}<-{PAYBACK_TOLERANCE}),A{r},-1)", "under_municipal", y, style="dash")]
        rows.append(cells)
    return rows


def _present_value_sheet(model, texts: dict) -> list:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    outputs = {o.id: o for o in model.outputs}
    message = f["sjekk_resultat"]
    cash, calc, disc = quote(t["ark"]["kontantstrom"]), quote(f["ark"]["beregning"]), sheet_ref(t["ark"]["diskontering"])
    first, last = YEAR_ROW["kontantstrom"], YEAR_ROW["kontantstrom"] + MAX_YEARS - 1
    factors = f"{disc}!$C${YEAR_ROW['diskontering']}:$C${YEAR_ROW['diskontering'] + MAX_YEARS - 1}"
    calc_rows = f"{YEAR_ROW['beregning']}:{{c}}{YEAR_ROW['beregning'] + MAX_YEARS - 1}"
    rows: list = [[{"v": outputs["nnv_per_budsjett"].label, "s": "title"}], [{"v": t["naverdi_tittel"], "s": "note"}], [],
                  [{"v": text, "s": "head"} for text in t["naverdi_kolonner"]]]
    top = len(rows) + 1
    for h, holder in enumerate(BUDGET_HOLDERS):
        r, col = len(rows) + 1, HOLDER_COLUMNS[h]
        rows.append([{"v": holder.label}, guarded(f"SUMPRODUCT({cash}!{col}{first}:{col}{last},{factors})", "pv", h,
                                                   message=message),
                     {"o": "nnv_per_budsjett", "h": holder.id, "s": "kr"},
                     {"f": f'IF(ISNUMBER(B{r}),B{r}-C{r},"")', "sv": 0, "s": "kr"}])
    municipal = [h for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == 0]
    sums = {"nnv_kommune": (0, top + municipal[-1]), "nnv_offentlig": (1, top + SOCIETY_INDEX - 1),
            "nnv_samfunn": (2, top + HOLDER_COUNT - 1)}
    result_row = {}
    for output_id, (index, end) in sums.items():
        r = len(rows) + 1
        result_row[output_id] = r
        rows.append([{"v": outputs[output_id].label, "s": "head"},
                     guarded(f"SUM(B{top}:B{end})", "results", index, style="sumKr", message=message),
                     {"o": output_id, "s": "sumKr"}, {"f": f'IF(ISNUMBER(B{r}),B{r}-C{r},"")', "sv": 0, "s": "sumKr"}])
    rows += [[], [{"v": f["resultater"], "s": "title"}], [{"v": text, "s": "head"} for text in f["resultat_kolonner"]]]
    pv_invest = f"SUMPRODUCT({calc}!N{calc_rows.format(c='N')},{factors})"
    pv_unit = f"SUMPRODUCT({calc}!Q{calc_rows.format(c='Q')},{factors})"
    payback = "IF(MAX({c})+1<horisont,MAX({c})+1,-1)"
    formulas = {
        "tilbakebetalingsar": payback.format(c=f"{cash}!S{first}:S{last}"),
        "tilbakebetalingsar_kommune": payback.format(c=f"{cash}!T{first}:T{last}"),
        "nnv_valgperiode": f"INDEX({cash}!Q{first}:Q{last},MIN({ELECTION_PERIOD_YEARS},horisont))",
        "break_even_reduksjon": f"IF({pv_unit}>0,{pv_invest}/{pv_unit}*100,-1)",
        "nv_investering": pv_invest,
        "nv_besparelse": "B{investment}+B{public}",
        "timekostnad": "timekostnad",
        "timer_per_ar": "timer_per_ar",
    }
    for output_id, formula in formulas.items():
        output, r = outputs[output_id], len(rows) + 1
        result_row[output_id] = r
        formula = formula.format(investment=result_row.get("nv_investering", 0), public=result_row["nnv_offentlig"])
        style = result_style(output)
        rows.append([{"v": output.label}, guarded(formula, "results", SCALARS.index(output_id), style=style, message=message),
                     {"o": output_id, "s": style}, {"v": output.unit}])
    return rows


def layout(model, texts: dict) -> dict:
    """The workbook as sheets of cells and the defined names (see ``calculators/sheets/__init__.py``)."""
    return workbook(model, texts, {"timekostnad": "$B$3", "timer_per_ar": "$B$4"},
                    {"rows": _cash_sheet(model, texts), "widths": [8] + [18] * 19},
                    {"rows": _present_value_sheet(model, texts), "widths": [50, 20, 20, 20, 20, 20, 20]},
                    {"rows": _calculation_sheet(model, texts), "widths": [30] + [16] * 16, "freeze": [1, 6]},
                    years=MAX_YEARS)
