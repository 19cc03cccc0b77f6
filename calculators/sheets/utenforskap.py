"""Utenforskap as a live workbook: the layout in formulas and the values they hold.

Beside ``calculators/models/utenforskap.py``, whose ``compute`` these formulas restate; the parity
test (``tests/calculators/test_sheet_utenforskap.py``) proves the two equal after LibreOffice
recalculates. The year rows go up to the longest course (51 years, so R-109's step at year 40 is
in the sheet), gated by «year < ar_regnet».
"""

from calculators.core.finance import (
    HOLDER_COUNT,
    HOLDER_LEVEL,
    OWN_KOMMUNE_HOLDERS,
    SOCIETY_INDEX,
    discount_factors,
    period_rate,
    present_value,
    stepped_rates,
)
from calculators.core.model import BUDGET_HOLDERS
from calculators.models.utenforskap import (
    AAP_YOUNG_AGE,
    DATA,
    FLOW_HOLDER,
    FLOW_TRANSFER,
    MEASURE_HOLDER,
    RETIREMENT_AGE,
    kept_shares,
    measure_by_holder,
    success_factor,
    tax_shares,
    yearly_flows,
    years_outside,
)
from calculators.sheets.cells import DISCOUNT_ROW, guarded, quote, result_rows, sheet_ref, workbook
from calculators.sheets.cells import formula as _f

MAX_YEARS = int(DATA.row("ar_utenfor").maximum)
"""Rows of the year tables: the longest course the calculator accepts."""
CALC_ROW = 10
"""Beregning: the row of year 0 (the tax shares stand above it)."""
CASH_ROW = 4
"""Kontantstrøm: the row of year 0."""
FLOW_COLUMNS = "DEFGHIJKMNOP"
"""Beregning: the columns of the flows in ``yearly_flows`` order (L is the net lost tax)."""
HOLDER_COLUMNS = "BCDEFGHIJKLMN"
SCALARS = ("nv_offentlig", "nv_samfunn", "nv_kommune", "nv_andre_kommuner", "nv_fylkeskommune", "nv_stat",
           "ar_regnet", "tiltak_kostnad_total", "forebygde_tilfeller", "tilfeller_som_betaler",
           "nnv_tiltak_offentlig", "nnv_tiltak_kommune", "nnv_tiltak_samfunn", "break_even_suksessrate",
           "besparelse_per_tilfelle")
"""The model's number outputs, each one formula on Nåverdi."""


def values(v):
    """The value every formula cell stores, for the scenario ``v``."""
    years = years_outside(v)
    gate = [1.0 if t < years else 0.0 for t in range(MAX_YEARS)]
    all_factors = discount_factors(MAX_YEARS, stepped_rates(v.kalkulasjonsrente))
    factors = [all_factors[t] * gate[t] for t in range(MAX_YEARS)]
    full = yearly_flows(v, MAX_YEARS)
    flows = [[row[t] * gate[t] for t in range(MAX_YEARS)] for row in full]
    work_tax = v.arbeidsinntekt * v.skatteandel / 100
    lost_tax = [(work_tax - (flows[1][t] + flows[2][t]) * v.skatt_ytelser / 100) * gate[t] for t in range(MAX_YEARS)]
    net = []
    for h in range(SOCIETY_INDEX):
        net.append([sum([flows[i][t] for i in range(len(flows)) if FLOW_HOLDER[i] == h]) for t in range(MAX_YEARS)])
    public = [sum([net[h][t] for h in range(SOCIETY_INDEX)]) for t in range(MAX_YEARS)]
    transfers = [sum([flows[i][t] for i in range(len(flows)) if FLOW_TRANSFER[i] == 1]) for t in range(MAX_YEARS)]
    tax_financing = v.skattefinansieringskostnad / 100
    net.append([(v.arbeidsinntekt * gate[t] - transfers[t] - lost_tax[t] + tax_financing * public[t])
                for t in range(MAX_YEARS)])
    pv = [present_value(row, factors) for row in net]
    pv_public = sum([pv[h] for h in range(SOCIETY_INDEX)])
    pv_society = sum(pv)
    kept = kept_shares(v, MAX_YEARS)
    pv_kept = [present_value([row[t] * kept[t] for t in range(MAX_YEARS)], factors) for row in net]
    kept_public = sum([pv_kept[h] for h in range(SOCIETY_INDEX)])
    prevented = v.deltakere * v.suksessrate / 100 * success_factor(v)
    cost = v.deltakere * v.tiltak_kostnad
    measure = measure_by_holder(pv_kept, prevented, cost, tax_financing)
    saving = kept_public * success_factor(v)
    rates = stepped_rates(v.kalkulasjonsrente)
    shares = tax_shares(v)
    return {
        "shares": [years, shares[0], shares[1], shares[2], shares[3]], "gate": gate, "ages": [v.alder + t for t in range(MAX_YEARS)],
        "flows": flows, "lost_tax": lost_tax, "net": net, "public": public,
        "all": [public[t] + net[SOCIETY_INDEX][t] for t in range(MAX_YEARS)],
        "factors": factors, "rates": rates, "period_rates": [period_rate(t, rates) for t in range(MAX_YEARS)],
        "pv": pv, "measure": measure,
        "results": [pv_public, pv_society, sum([pv[h] for h in range(OWN_KOMMUNE_HOLDERS)]), pv[OWN_KOMMUNE_HOLDERS],
                    sum([pv[h] for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == 1]),
                    sum([pv[h] for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == 2]),
                    years, cost, prevented, cost / kept_public if kept_public > 0 else -1,
                    prevented * kept_public - cost, sum([measure[h] for h in range(OWN_KOMMUNE_HOLDERS)]),
                    prevented * sum(pv_kept) - cost * (1 + tax_financing),
                    v.tiltak_kostnad / saving * 100 if saving > 0 else -1, kept_public],
    }


# ---- the layout (build time) -------------------------------------------------------------------

def _calculation_sheet(model, texts: dict) -> list:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    labels = {i.id: i.label for i in model.inputs}
    holders = {h.id: h.label for h in BUDGET_HOLDERS}
    shares = ["skatt_kommune/100*(1-inntektsutjevning/100)", "skatt_kommune/100*inntektsutjevning/100",
              "MIN(skatt_fylkeskommune/100,1-skatt_kommune/100)", "1-skatt_kommune/100-B6"]
    rows: list = [[{"v": f["utenfor_tittel"], "s": "title"}], [],
                  [{"v": f["ar_regnet"]}, _f(f"INT(MAX(MIN(ar_utenfor,{RETIREMENT_AGE}-alder),1))", "shares", 0,
                                             style="number")],
                  *[[{"v": f["skatteandeler"][i]}, _f(share, "shares", 1 + i, style="factor")]
                    for i, share in enumerate(shares)], [],
                  [{"v": text, "s": "head"} for text in [
                      t["ar"], f["i_horisonten"], f["alder"], *[labels[flow] for flow in (
                          "sosialhjelp", "aap_g", "ufore_g", "helse_kommune", "bolig_kommune", "fylkeskommune",
                          "nav_tiltak", "spesialisthelse")], f["tapt_skatt"],
                      *[f["skatt_del"].replace("{budsjett}", holders[BUDGET_HOLDERS[FLOW_HOLDER[i]].id])
                        for i in range(8, 12)]]]]
    for y in range(MAX_YEARS):
        r = CALC_ROW + y
        end_welfare, end_aap = "ar_sosialhjelp", "(ar_sosialhjelp+ar_aap)"
        formulas = [
            f"IF(A{r}<{end_welfare},sosialhjelp,0)*B{r}",
            f"IF(AND({end_welfare}<=A{r},A{r}<{end_aap}),aap_g*grunnbelop*IF(C{r}<{AAP_YOUNG_AGE},2/3,1),0)*B{r}",
            f"IF(A{r}>={end_aap},ufore_g*grunnbelop,0)*B{r}",
            f"helse_kommune*B{r}", f"bolig_kommune*B{r}",
            f"IF(C{r}<=fylkeskommune_til_alder,fylkeskommune,0)*B{r}",
            f"nav_tiltak*B{r}", f"spesialisthelse*B{r}"]
        rows.append([{"v": y}, _f(f"IF(A{r}<ar_regnet,1,0)", "gate", y, style="number"),
                     _f(f"alder+A{r}", "ages", y, style="number"),
                     *[_f(formula, "flows", i, y) for i, formula in enumerate(formulas)],
                     _f(f"(arbeidsinntekt*skatteandel/100-(E{r}+F{r})*skatt_ytelser/100)*B{r}", "lost_tax", y),
                     *[_f(f"L{r}*$B${4 + i}", "flows", 8 + i, y) for i in range(4)]])
    return rows


def _cash_sheet(model, texts: dict) -> list:
    t = texts["regneark"]
    calc = quote(texts["regneark"]["formler"]["ark"]["beregning"])
    flow = next(o for o in model.outputs if o.id == "arlig_kostnad")
    title = t["kontantstrom_tittel_kostnad"].replace("{flyt}", flow.label).replace("{år}", str(model.price_year))
    rows: list = [[{"x": "kroner", "v": title, "s": "title"}], [],
                  [{"v": text, "s": "head"} for text in [t["ar"], *[h.label for h in BUDGET_HOLDERS], t["offentlig"],
                                                         t["alle"]]]]
    transfers = "-".join(f"{calc}!{FLOW_COLUMNS[i]}{{c}}" for i, flag in enumerate(FLOW_TRANSFER) if flag)
    for y in range(MAX_YEARS):
        r, c = CASH_ROW + y, CALC_ROW + y
        cells: list = [{"v": y}]
        for h in range(SOCIETY_INDEX):
            terms = [f"{calc}!{FLOW_COLUMNS[i]}{c}" for i, holder in enumerate(FLOW_HOLDER) if holder == h]
            cells.append(_f("+".join(terms) or "0", "net", h, y))
        cells.append(_f(f"arbeidsinntekt*{calc}!B{c}-{transfers.format(c=c)}-{calc}!L{c}"
                        f"+skattefinansieringskostnad/100*O{r}", "net", SOCIETY_INDEX, y))
        cells += [_f(f"SUM(B{r}:M{r})", "public", y, style="sumKr"), _f(f"O{r}+N{r}", "all", y, style="sumKr")]
        rows.append(cells)
    return rows


def _present_value_sheet(model, texts: dict) -> list:
    t, f = texts["regneark"], texts["regneark"]["formler"]
    outputs = {o.id: o for o in model.outputs}
    message, cash = f["sjekk_resultat"], quote(t["ark"]["kontantstrom"])
    factors = f"{sheet_ref(t['ark']['diskontering'])}!$C${DISCOUNT_ROW}:$C${DISCOUNT_ROW + MAX_YEARS - 1}"
    rows: list = [[{"v": outputs["nv_per_budsjett"].label, "s": "title"}], [{"v": t["naverdi_tittel"], "s": "note"}],
                  [], [{"v": text, "s": "head"} for text in [*t["naverdi_kolonner"], f["tiltak_kolonne"]]]]
    top = len(rows) + 1
    success = "(1-dodvekt/100)*(1-optimisme/100)"
    prevented, cost = f"deltakere*suksessrate/100*{success}", "deltakere*tiltak_kostnad"
    # What a prevented case saves once the person is in work: each year's flow × the effect profile
    # (nothing before forste_effektar, a ramp over opptrapping years, then (1 − tilbakefall)^years).
    # Written without IF so SUMPRODUCT takes it as an array in Excel as in LibreOffice; tilbakefall
    # is at most 95 %, so the power is finite where its factor is 0.
    years_col = f"{cash}!$A${CASH_ROW}:$A${CASH_ROW + MAX_YEARS - 1}"
    e, k = f"({years_col}-forste_effektar+1)", "MAX(opptrapping,1)"
    kept = f"(({e}>0)*({e}<{k})*{e}/{k}+({e}>={k})*(1-tilbakefall/100)^({e}-{k}))"

    def kept_pv(col: str) -> str:
        return f"SUMPRODUCT({cash}!{col}{CASH_ROW}:{col}{CASH_ROW + MAX_YEARS - 1},{factors},{kept})"

    for h, holder in enumerate(BUDGET_HOLDERS):
        r, col = len(rows) + 1, HOLDER_COLUMNS[h]
        measure = f"({prevented})*{kept_pv(col)}"
        measure += f"-{cost}" if h == MEASURE_HOLDER else ""
        measure += f"-{cost}*skattefinansieringskostnad/100" if h == SOCIETY_INDEX else ""
        rows.append([{"v": holder.label},
                     guarded(f"SUMPRODUCT({cash}!{col}{CASH_ROW}:{col}{CASH_ROW + MAX_YEARS - 1},{factors})", "pv", h,
                             message=message),
                     {"o": "nv_per_budsjett", "h": holder.id, "s": "kr"},
                     {"f": f'IF(ISNUMBER(B{r}),B{r}-C{r},"")', "sv": 0, "s": "kr"},
                     guarded(measure, "measure", h, message=message)])
    level = {lv: [top + h for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == lv] for lv in (1, 2)}
    sums = {"nv_kommune": f"SUM(B{top}:B{top + OWN_KOMMUNE_HOLDERS - 1})",
            "nv_fylkeskommune": "+".join(f"B{r}" for r in level[1]),
            "nv_stat": f"SUM(B{level[2][0]}:B{level[2][-1]})",
            "nv_offentlig": f"SUM(B{top}:B{top + SOCIETY_INDEX - 1})",
            "nv_samfunn": f"SUM(B{top}:B{top + HOLDER_COUNT - 1})"}
    row_of = {}
    for output_id, formula in sums.items():
        r = len(rows) + 1
        row_of[output_id] = r
        rows.append([{"v": outputs[output_id].label, "s": "head"},
                     guarded(formula, "results", SCALARS.index(output_id), style="sumKr", message=message),
                     {"o": output_id, "s": "sumKr"}, {"f": f'IF(ISNUMBER(B{r}),B{r}-C{r},"")', "sv": 0, "s": "sumKr"}])
    rows += [[], [{"v": f["resultater"], "s": "title"}], [{"v": text, "s": "head"} for text in f["resultat_kolonner"]]]
    kept_public = kept_pv("O")  # the public budgets' sum per year
    kommune_measure = f"SUM(E{top}:E{top + OWN_KOMMUNE_HOLDERS - 1})"
    formulas = {
        "nv_andre_kommuner": f"B{top + OWN_KOMMUNE_HOLDERS}",
        "ar_regnet": "ar_regnet",
        "besparelse_per_tilfelle": kept_public,
        "tiltak_kostnad_total": cost,
        "forebygde_tilfeller": prevented,
        "tilfeller_som_betaler": f"IF({kept_public}>0,{cost}/{kept_public},-1)",
        "nnv_tiltak_offentlig": f"SUM(E{top}:E{top + SOCIETY_INDEX - 1})",
        "nnv_tiltak_kommune": kommune_measure,
        "nnv_tiltak_samfunn": f"SUM(E{top}:E{top + HOLDER_COUNT - 1})",
        "break_even_suksessrate": f"IF({kept_public}*{success}>0,"
                                  f"tiltak_kostnad/({kept_public}*{success})*100,-1)",
    }
    return rows + result_rows(outputs, formulas, SCALARS, message)


def layout(model, texts: dict) -> dict:
    """The workbook as sheets of cells and the defined names (see ``calculators/sheets/__init__.py``)."""
    return workbook(model, texts, {"ar_regnet": "$B$3"},
                    {"rows": _cash_sheet(model, texts), "widths": [8] + [18] * 15},
                    {"rows": _present_value_sheet(model, texts), "widths": [50, 20, 20, 20, 24, 20, 20]},
                    {"rows": _calculation_sheet(model, texts), "widths": [40] + [16] * 15, "freeze": [1, 9]},
                    horizon="ar_regnet", years=MAX_YEARS)
