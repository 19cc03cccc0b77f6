"""Investering i en familie: the Asker/PwC idea as a calculator.

A family's yearly service use today, line by line and by budget holder; the path with and
without velferdslab over a horizon; the investment (investeringsleder, team meetings, extra
measures); net effect per year and in present value per budget holder; payback year; the
break-even reduction; and whether it pays back within one election period (four years).

Inputs, defaults and presets come from ``calculators/data/familie.yaml``. The formulas are
written out in ``docs/okonomi/metode-familie.md``; ``compute`` and the helpers below are in the
translatable subset (they become the browser's JavaScript).
"""

from calculators.core.data_files import load_model_data
from calculators.core.finance import (
    FINANCE_HELPERS,
    HOLDER_COUNT,
    HOLDER_LEVEL,
    SOCIETY_INDEX,
    by_holder,
    cumulative,
    discount_factors,
    discounted,
    hourly_cost,
    payback_year,
    present_value,
    rows_by_holder,
    scale_list,
    stepped_rates,
    sum_rows,
)
from calculators.core.model import BUDGET_HOLDERS, Output
from calculators.view.view import Outputs, capital, gain, holders_sum, number, per_holder, series

DATA = load_model_data("familie")

SERVICE_LINES = (
    "barnevern", "sosialhjelp", "bolig", "avlastning", "psykisk_helse", "spesialundervisning",
    "nav_ytelser",
)
"""Service lines in the order ``compute`` lists them; each has ``<id>_reduksjon`` too."""

_HOLDER_INDEX: dict[str | None, int] = {holder.id: index for index, holder in enumerate(BUDGET_HOLDERS)}
LINE_HOLDER = [_HOLDER_INDEX[DATA.row(line).budget_holder] for line in SERVICE_LINES]
"""Budget-holder index of each service line, from the data file's ``budget_holder``."""
LINE_TRANSFER = [1 if DATA.row(line).transfer else 0 for line in SERVICE_LINES]
"""1 for lines that are transfers (sosialhjelp, trygd): a saving for the budget, not for society."""
INVESTMENT_HOLDER = _HOLDER_INDEX[DATA.row("ekstra_tiltak").budget_holder]
STATE_STAFF_HOLDER = _HOLDER_INDEX[DATA.row("deltakere_stat").budget_holder]
"""The state participants' time is booked to their own holder (NAV-stat), not to the kommune."""
ELECTION_PERIOD_YEARS = 4
FOLLOW_YEARS = DATA.row("oppfolgingsar").default
"""The follow-up the reductions assume (the data's default years). Fewer years of follow-up give
the effect in proportion; more years do not raise it (no source for that). An assumption, stated
in the data file's note for ``oppfolgingsar`` and on the method page."""


def effect_profile(years, start, ramp, dropoff):
    """Share of the full effect in each year: zero before ``start``, a linear ramp over
    ``ramp`` years, then shrinking by ``dropoff`` per cent a year."""
    profile = []
    steps = max(ramp, 1)
    for t in range(years):
        share = 0.0
        if t >= start:
            effect_years = t - start + 1
            if effect_years < steps:
                share = effect_years / steps
            else:
                share = (1 - dropoff / 100) ** (effect_years - steps)
        profile.append(share)
    return profile


def staff_hours_per_year(v):
    """Staff hours a year: the investeringsleder, then the kommune's and the state's meeting
    hours (participants × meetings × (length + preparation), as Investeringsmøtet counts them)."""
    meetings = v.moter_per_ar * (v.motetimer + v.forberedelse)
    return [v.investeringsleder_timer + v.deltakere * meetings, v.deltakere_stat * meetings]


def investment_per_year(v):
    """The yearly cost of following the family, for the kommune and for the state: staff hours
    at the shared hourly cost (``finance.hourly_cost``), plus the kommune's extra measures and
    its fixed costs per family (project leader and training shared among the families)."""
    rate = hourly_cost(v.arslonn, v.pensjon, v.arbeidsgiveravgift, v.arsverk_timer)
    hours = staff_hours_per_year(v)
    return [hours[0] * rate + v.ekstra_tiltak + v.faste_kostnader, hours[1] * rate]


def line_changes(amounts, reductions, profile, realised):
    """Per service line and year: how much use would fall, before deadweight."""
    return [[amounts[i] * reductions[i] / 100 * realised * share for share in profile]
            for i in range(len(amounts))]


def investment_rows(yearly, follow_years, years):
    """The investment as one row per budget holder: the kommune's part on the investing holder,
    the state staff's time on theirs."""
    rows = []
    for h in range(HOLDER_COUNT):
        amount = 0.0
        if h == INVESTMENT_HOLDER:
            amount += yearly[0]
        if h == STATE_STAFF_HOLDER:
            amount += yearly[1]
        rows.append([amount if t < follow_years else 0.0 for t in range(years)])
    return rows


def compute(v):
    years = int(v.horisont)
    factors = discount_factors(years, stepped_rates(v.kalkulasjonsrente))
    profile = effect_profile(years, int(v.forste_effektar), int(v.opptrapping), v.avtakning)
    # The effect depends on the follow-up: ×min(1, years / standard) (FOLLOW_YEARS).
    realised = (1 - v.optimisme / 100) * min(1, v.oppfolgingsar / FOLLOW_YEARS)
    kept = 1 - v.dodvekt / 100
    amounts = [v.barnevern, v.sosialhjelp, v.bolig, v.avlastning, v.psykisk_helse,
               v.spesialundervisning, v.nav_ytelser]
    reductions = [v.barnevern_reduksjon, v.sosialhjelp_reduksjon, v.bolig_reduksjon,
                  v.avlastning_reduksjon, v.psykisk_helse_reduksjon,
                  v.spesialundervisning_reduksjon, v.nav_ytelser_reduksjon]
    changes = line_changes(amounts, reductions, profile, realised)
    # Deadweight: part of the change would have happened anyway, so the path without falls too.
    without = rows_by_holder([[amounts[i] - c * (1 - kept) for c in changes[i]]
                              for i in range(len(amounts))], LINE_HOLDER, years)
    with_lab = rows_by_holder([[amounts[i] - c for c in changes[i]] for i in range(len(amounts))],
                              LINE_HOLDER, years)
    investment = investment_rows(investment_per_year(v), int(v.oppfolgingsar), years)

    net = []
    for h in range(SOCIETY_INDEX):
        net.append([without[h][t] - with_lab[h][t] - investment[h][t] for t in range(years)])
    public_net = sum_rows(net, years)
    transfers_saved = sum_rows([scale_list(changes[i], kept * LINE_TRANSFER[i])
                                for i in range(len(amounts))], years)
    # Work income comes and goes like the other effects: from ``arbeid_fra_ar``, with the same
    # ramp and drop-off (a job found is not a job kept for the whole horizon).
    work = effect_profile(years, int(v.arbeid_fra_ar), int(v.opptrapping), v.avtakning)
    income = [v.arbeidsinntekt * realised * kept * work[t] for t in range(years)]
    # Society: transfers saved are the family's loss; each public krone saved spares
    # the tax financing cost too.
    net.append([income[t] - transfers_saved[t] + v.skattefinansieringskostnad / 100 * public_net[t]
                for t in range(years)])
    municipal_net = sum_rows([net[h] for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == 0], years)
    society_net = sum_rows(net, years)
    unit_savings = sum_rows([scale_list(profile, amounts[i] * realised * kept)
                             for i in range(len(amounts))], years)

    public_cumulative = cumulative(discounted(public_net, factors))
    pv_public = present_value(public_net, factors)
    pv_investment = present_value(sum_rows(investment, years), factors)
    pv_unit_savings = present_value(unit_savings, factors)
    return {
        "nnv_offentlig": pv_public,
        "nnv_kommune": present_value(municipal_net, factors),
        "nnv_samfunn": present_value(society_net, factors),
        "tilbakebetalingsar": payback_year(public_cumulative),
        "tilbakebetalingsar_kommune": payback_year(cumulative(discounted(municipal_net, factors))),
        "nnv_valgperiode": public_cumulative[min(ELECTION_PERIOD_YEARS, years) - 1],
        "break_even_reduksjon": pv_investment / pv_unit_savings * 100 if pv_unit_savings > 0 else -1,
        "nv_investering": pv_investment,
        "timekostnad": hourly_cost(v.arslonn, v.pensjon, v.arbeidsgiveravgift, v.arsverk_timer),
        "timer_per_ar": sum(staff_hours_per_year(v)),
        "nv_besparelse": pv_investment + pv_public,
        "nnv_per_budsjett": by_holder([present_value(row, factors) for row in net]),
        "netto_offentlig_per_ar": public_net,
        "uten": by_holder(without),
        "med": by_holder(with_lab),
        "investering": by_holder(investment),
        "netto": by_holder(net),
        "kumulativ_netto": by_holder([cumulative(discounted(row, factors)) for row in net]),
    }


OUTPUTS = (
    Output("nnv_offentlig", "Netto nåverdi for offentlige budsjetter", "kr", headline=True,
           help="Besparelser minus investering i alle offentlige budsjetter, i nåverdi."),
    Output("nnv_kommune", "Netto nåverdi for kommunen", "kr", headline=True,
           help="Kommunens egne besparelser minus investeringen kommunen bærer."),
    Output("nnv_samfunn", "Netto nåverdi for samfunnet", "kr", headline=True,
           help="Med verdien av arbeid og skattefinansieringskostnaden; overføringer teller ikke."),
    Output("tilbakebetalingsar", "Tilbakebetalingsår (offentlige budsjetter)", "år", kind="year",
           help="Første år den samlede nåverdien blir og forblir positiv. -1: ikke innen horisonten."),
    Output("tilbakebetalingsar_kommune", "Tilbakebetalingsår (kommunen)", "år", kind="year",
           help="Samme for kommunens budsjetter alene. -1: ikke innen horisonten."),
    Output("nnv_valgperiode", "Netto nåverdi etter fire år (én valgperiode)", "kr",
           help="Positivt tall: investeringen er betalt tilbake innen én valgperiode."),
    Output("break_even_reduksjon", "Nødvendig reduksjon for å gå i balanse (offentlige budsjetter)", "%",
           help="Planlagt reduksjon, samme prosent på alle linjer, som gir nåverdi null for offentlige "
                "budsjetter: før optimismejustering og dødvekt, som reduksjonene i skjemaet. Fallet i "
                "tjenestebruk som da faktisk må komme, er reduksjonen × (1 − optimisme) × (1 − dødvekt). "
                "Over 100 %: kan ikke betale seg. -1: ingen tjenestebruk."),
    Output("nv_investering", "Investeringen i nåverdi", "kr"),
    Output("timekostnad", "Timekostnad", "kr/time",
           help="Årslønn med pensjon og arbeidsgiveravgift, delt på timer faktisk arbeidet (samme "
                "definisjon i alle kalkulatorene)."),
    Output("timer_per_ar", "Arbeidstimer til familien per oppfølgingsår", "timer",
           help="Investeringslederen og teamets møtetid, kommune og stat."),
    Output("nv_besparelse", "Besparelser i nåverdi", "kr"),
    Output("nnv_per_budsjett", "Netto nåverdi per budsjett", "kr", kind="by_holder",
           help="Hvem som betaler og hvem som sparer."),
    Output("netto_offentlig_per_ar", "Netto for offentlige budsjetter per år", "kr", kind="years"),
    Output("uten", "Kostnad uten velferdslab", "kr", kind="years_by_holder"),
    Output("med", "Kostnad med velferdslab (uten investeringen)", "kr", kind="years_by_holder"),
    Output("investering", "Investering", "kr", kind="years_by_holder"),
    Output("netto", "Netto effekt", "kr", kind="years_by_holder",
           help="Kostnad uten minus kostnad med minus investering; for samfunnet se metoden."),
    Output("kumulativ_netto", "Samlet netto nåverdi over tid", "kr", kind="years_by_holder"),
)

ORDINALS = ["første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende", "niende",
            "tiende", "ellevte", "tolvte", "trettende", "fjortende", "femtende", "sekstende",
            "syttende", "attende", "nittende", "tjuende"]
"""Year 0 is the first year: «i år 5 (det sjette året)»."""
STATE_HOLDERS = [holder.id for holder in BUDGET_HOLDERS if holder.level == "stat"]


def sentence(out: Outputs) -> str:
    """The result in plain words: when it pays back, and who saves (shown above the charts)."""
    years = len(series(out, "netto_offentlig_per_ar"))
    payback = number(out, "tilbakebetalingsar")
    if payback >= 0:
        year = int(payback)
        nth = f" (det {ORDINALS[year]} året)" if year < len(ORDINALS) else ""
        when = ("innen én valgperiode" if year < ELECTION_PERIOD_YEARS
                else "lenger enn én valgperiode")
        first = ("Med tallene i skjemaet er investeringen betalt tilbake for offentlige budsjetter "
                 + f"i år {year}{nth} – {when}.")
    else:
        first = ("Med tallene i skjemaet er investeringen ikke betalt tilbake for offentlige "
                 + f"budsjetter innen perioden på {years} år.")
    state = holders_sum(per_holder(out, "nnv_per_budsjett"), STATE_HOLDERS)
    return (first + f" Regnet i nåverdi over {years} år: " + gain("kommunen", number(out, "nnv_kommune"))
            + ", " + gain("staten", state) + ". " + capital(gain("samfunnet samlet", number(out, "nnv_samfunn")))
            + ".")

MODEL = DATA.model(
    id="familie",
    description="Hva det koster og hva det kan spare å følge én familie med et investeringsteam, "
                "fordelt på hvem som betaler og hvem som sparer.",
    outputs=OUTPUTS,
    compute=compute,
    helpers=FINANCE_HELPERS + (
        effect_profile, staff_hours_per_year, investment_per_year, line_changes, investment_rows,
    ),
    sentence=sentence,
)
