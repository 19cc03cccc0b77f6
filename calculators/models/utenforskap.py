"""Utenforskap over et livsløp: the idea behind KS' Utenforregnskapet as a calculator.

What one young person outside work and education costs each level of government, year by
year and in present value: benefits (sosialhjelp, then arbeidsavklaringspenger, then
uføretrygd, the last two set in G), services, and lost tax; for society, the lost value of work
and the tax financing cost. Then what a preventive measure must achieve to pay for itself.

Inputs, defaults and presets come from ``calculators/data/utenforskap.yaml``; formulas are in
``docs/okonomi/metode-utenforskap.md``.
"""

from calculators.core.data_files import load_model_data
from calculators.core.finance import (
    FINANCE_HELPERS,
    HOLDER_COUNT,
    HOLDER_LEVEL,
    OWN_KOMMUNE_HOLDERS,
    SOCIETY_INDEX,
    by_holder,
    discount_factors,
    present_value,
    rows_by_holder,
    stepped_rates,
    sum_rows,
)
from calculators.core.model import BUDGET_HOLDERS, Output
from calculators.view.view import Outputs, amount, format_number, number

DATA = load_model_data("utenforskap")
RETIREMENT_AGE = 67
AAP_YOUNG_AGE = 25
AAP_YOUNG_SHARE = 2 / 3
"""Folketrygdloven § 11-20: under 25, the minimum AAP is two thirds of 2.041 G."""

FLOWS = (
    "sosialhjelp", "aap_g", "ufore_g", "helse_kommune", "bolig_kommune", "fylkeskommune",
    "nav_tiltak", "spesialisthelse",
)
"""Benefit and service flows in the order ``yearly_flows`` returns them; the net lost tax
follows, split four ways: the kommune itself, other kommuner through the inntektsutjevning,
the fylkeskommune and the state."""

_HOLDER_INDEX: dict[str | None, int] = {holder.id: index for index, holder in enumerate(BUDGET_HOLDERS)}
FLOW_HOLDER = [_HOLDER_INDEX[DATA.row(flow).budget_holder] for flow in FLOWS] + [
    _HOLDER_INDEX[DATA.row("skatt_kommune").budget_holder],
    _HOLDER_INDEX["andre_kommuner"],
    _HOLDER_INDEX[DATA.row("skatt_fylkeskommune").budget_holder],
    _HOLDER_INDEX["stat_annet"],
]
"""Budget-holder index of each flow, from the data file; the state's tax goes to stat_annet."""
FLOW_TRANSFER = [1 if DATA.row(flow).transfer else 0 for flow in FLOWS] + [0, 0, 0, 0]
MEASURE_HOLDER = _HOLDER_INDEX[DATA.row("tiltak_kostnad").budget_holder]


def years_outside(v):
    """Years counted: as many as given, but never past the 67th birthday."""
    return int(max(min(v.ar_utenfor, RETIREMENT_AGE - v.alder), 1))


def tax_shares(v):
    """Shares (0–1) of a change in tax for: the kommune itself, other kommuner (through the
    inntektsutjevning), the fylkeskommune and the state. They sum to one."""
    municipal = v.skatt_kommune / 100
    county = min(v.skatt_fylkeskommune / 100, 1 - municipal)
    equalised = municipal * v.inntektsutjevning / 100
    return [municipal - equalised, equalised, county, 1 - municipal - county]


def benefit_flows(v, years):
    """Sosialhjelp, AAP and uføretrygd per year (kroner, before tax)."""
    g = v.grunnbelop
    welfare_end = v.ar_sosialhjelp
    aap_end = v.ar_sosialhjelp + v.ar_aap
    ages = [v.alder + t for t in range(years)]
    return [
        [v.sosialhjelp if t < welfare_end else 0.0 for t in range(years)],
        [v.aap_g * g * (AAP_YOUNG_SHARE if ages[t] < AAP_YOUNG_AGE else 1)
         if welfare_end <= t and t < aap_end else 0.0 for t in range(years)],
        [v.ufore_g * g if t >= aap_end else 0.0 for t in range(years)],
    ]


def net_lost_tax(v, benefits, years):
    """Tax on the lost work income less the tax paid on AAP and uføretrygd, per year.

    Sosialhjelp is not taxed; AAP and uføretrygd are, so part of them flows back."""
    work_tax = v.arbeidsinntekt * v.skatteandel / 100
    return [work_tax - (benefits[1][t] + benefits[2][t]) * v.skatt_ytelser / 100
            for t in range(years)]


def yearly_flows(v, years):
    """Each public flow as a list over the years outside, in ``FLOWS`` order plus the net lost
    tax for the kommune, other kommuner, the fylkeskommune and the state."""
    ages = [v.alder + t for t in range(years)]
    benefits = benefit_flows(v, years)
    lost_tax = net_lost_tax(v, benefits, years)
    shares = tax_shares(v)
    return [
        benefits[0],
        benefits[1],
        benefits[2],
        [v.helse_kommune for t in range(years)],
        [v.bolig_kommune for t in range(years)],
        [v.fylkeskommune if age <= v.fylkeskommune_til_alder else 0.0 for age in ages],
        [v.nav_tiltak for t in range(years)],
        [v.spesialisthelse for t in range(years)],
        [lost_tax[t] * shares[0] for t in range(years)],
        [lost_tax[t] * shares[1] for t in range(years)],
        [lost_tax[t] * shares[2] for t in range(years)],
        [lost_tax[t] * shares[3] for t in range(years)],
    ]


def kept_shares(v, years):
    """Share of a prevented case's course saved in year t, as the family model's effect profile:
    nothing before ``forste_effektar`` (the person still costs the course), a linear ramp over
    ``opptrapping`` years, then ``tilbakefall`` % of those in work fall out again each year
    (drop-off) and cost what the course costs."""
    shares = []
    steps = max(int(v.opptrapping), 1)
    start = int(v.forste_effektar)
    for t in range(years):
        share = 0.0
        if t >= start:
            effect_years = t - start + 1
            if effect_years < steps:
                share = effect_years / steps
            else:
                share = (1 - v.tilbakefall / 100) ** (effect_years - steps)
        shares.append(share)
    return shares


def success_factor(v):
    """What counts of the share who succeed: after deadweight (would have happened anyway) and the
    optimism adjustment (estimates tend to be too high), as in the family model."""
    return (1 - v.dodvekt / 100) * (1 - v.optimisme / 100)


def measure_by_holder(pv, prevented, cost, tax_financing):
    """The measure's net present value per holder: the prevented cases' value, minus the measure
    on its payer and, for society, the tax financing cost of the measure (public spending)."""
    return [prevented * pv[h] - (cost if h == MEASURE_HOLDER else 0.0)
            - (cost * tax_financing if h == SOCIETY_INDEX else 0.0) for h in range(HOLDER_COUNT)]


def level_value(values, level):
    """Sum of a per-holder list over the holders of one level (0 kommune, 1 fylke, 2 stat)."""
    return sum([values[h] for h in range(HOLDER_COUNT) if HOLDER_LEVEL[h] == level])


def compute(v):
    years = years_outside(v)
    factors = discount_factors(years, stepped_rates(v.kalkulasjonsrente))
    flows = yearly_flows(v, years)
    public = rows_by_holder(flows, FLOW_HOLDER, years)
    public_total = sum_rows([public[h] for h in range(SOCIETY_INDEX)], years)
    benefits = sum_rows([flows[i] for i in range(len(flows)) if FLOW_TRANSFER[i] == 1], years)
    lost_tax = net_lost_tax(v, benefit_flows(v, years), years)
    tax_financing = v.skattefinansieringskostnad / 100
    # Society: the person's own loss (work income less benefits, both after tax) plus the tax
    # financing cost of the public spending. Public + this = services + lost work + 20 %.
    society_part = [v.arbeidsinntekt - benefits[t] - lost_tax[t] + tax_financing * public_total[t]
                    for t in range(years)]
    rows = [public[h] for h in range(SOCIETY_INDEX)]
    rows.append(society_part)
    pv = [present_value(row, factors) for row in rows]
    pv_public = sum([pv[h] for h in range(SOCIETY_INDEX)])
    pv_society = sum(pv)

    # What a prevented case saves: the course's flows once the person is in work, ramped up and
    # less relapse (``kept_shares``).
    kept = kept_shares(v, years)
    pv_kept = [present_value([row[t] * kept[t] for t in range(years)], factors) for row in rows]
    kept_public = sum([pv_kept[h] for h in range(SOCIETY_INDEX)])
    prevented = v.deltakere * v.suksessrate / 100 * success_factor(v)
    measure_cost = v.deltakere * v.tiltak_kostnad
    measure_net = measure_by_holder(pv_kept, prevented, measure_cost, tax_financing)
    per_participant_saving = kept_public * success_factor(v)
    return {
        "nv_offentlig": pv_public,
        "nv_samfunn": pv_society,
        "nv_kommune": sum([pv[h] for h in range(OWN_KOMMUNE_HOLDERS)]),
        "nv_andre_kommuner": pv[OWN_KOMMUNE_HOLDERS],
        "nv_fylkeskommune": level_value(pv, 1),
        "nv_stat": level_value(pv, 2),
        "nv_per_budsjett": by_holder(pv),
        "besparelse_per_tilfelle": kept_public,
        "arlig_kostnad": by_holder(rows),
        "arlig_offentlig": public_total,
        "ar_regnet": years,
        "tiltak_kostnad_total": measure_cost,
        "forebygde_tilfeller": prevented,
        "tilfeller_som_betaler": measure_cost / kept_public if kept_public > 0 else -1,
        "nnv_tiltak_offentlig": prevented * kept_public - measure_cost,
        "nnv_tiltak_samfunn": prevented * sum(pv_kept) - measure_cost * (1 + tax_financing),
        "nnv_tiltak_per_budsjett": by_holder(measure_net),
        "nnv_tiltak_kommune": sum([measure_net[h] for h in range(OWN_KOMMUNE_HOLDERS)]),
        "break_even_suksessrate": v.tiltak_kostnad / per_participant_saving * 100
        if per_participant_saving > 0 else -1,
    }


OUTPUTS = (
    Output("nv_offentlig", "Ett forløps kostnad, offentlig (øvre grense)", "kr", headline=True,
           help="Kostnaden av ett forløp utenfor: nåverdien av alle offentlige utgifter og tapte "
                "skatteinntekter over forløpet. Den øvre grensen for hva ett tilfelle kan spare."),
    Output("nv_samfunn", "Ett forløps kostnad, samfunnet (øvre grense)", "kr", headline=True,
           help="Tapt verdi av arbeid, tjenester og skattefinansieringskostnad; ytelser er overføringer. "
                "Den øvre grensen for hva ett tilfelle kan spare samfunnet."),
    Output("nv_kommune", "Kommunen", "kr",
           help="Nåverdi av kommunens egne utgifter og den delen av tapt skatt kommunen selv bærer "
                "etter inntektsutjevningen."),
    Output("nv_andre_kommuner", "Andre kommuner (inntektsutjevningen)", "kr",
           help="Den delen av kommunens tapte skatt som inntektsutjevningen fordeler på alle kommuner."),
    Output("nv_fylkeskommune", "Fylkeskommunen", "kr"),
    Output("nv_stat", "Staten", "kr"),
    Output("nv_per_budsjett", "Ett forløps kostnad per budsjett", "kr", kind="by_holder"),
    Output("besparelse_per_tilfelle",
           "Besparelse per vellykket tilfelle (med tilbakefall)", "kr",
           help="Besparelse per vellykket tilfelle etter opptrapping og tilbakefall, for offentlige budsjetter: "
                "hvert års kostnad i forløpet × andelen i arbeid det året, i nåverdi."),
    Output("arlig_kostnad", "Kostnad per år", "kr", kind="years_by_holder",
           help="År 0 er året personen havner utenfor."),
    Output("arlig_offentlig", "Offentlige kostnader per år", "kr", kind="years"),
    Output("ar_regnet", "År utenfor som er regnet med", "år"),
    Output("tiltak_kostnad_total", "Tiltakets samlede kostnad", "kr"),
    Output("forebygde_tilfeller", "Forebygde tilfeller", "antall",
           help="Deltakere × andel som lykkes, etter dødvekt og optimismejustering."),
    Output("tilfeller_som_betaler", "Forebygde tilfeller som trengs for å betale tiltaket (offentlige budsjetter)",
           "antall",
           headline=True, help="Tiltakets kostnad delt på det ett forebygd tilfelle sparer offentlige budsjetter, "
                               "etter opptrapping og tilbakefall. -1: forløpet koster ikke det offentlige noe."),
    Output("nnv_tiltak_offentlig", "Tiltakets netto nåverdi for offentlige budsjetter", "kr", headline=True),
    Output("nnv_tiltak_kommune", "Tiltakets netto nåverdi for kommunen", "kr", headline=True,
           help="Kommunens egne budsjetter: det kommunen sparer på de forebygde tilfellene, minus "
                "tiltaket kommunen betaler."),
    Output("nnv_tiltak_samfunn", "Tiltakets netto nåverdi for samfunnet", "kr"),
    Output("nnv_tiltak_per_budsjett", "Tiltakets netto nåverdi per budsjett", "kr", kind="by_holder",
           help="Hvem som betaler tiltaket og hvem som sparer på det."),
    Output("break_even_suksessrate",
           "Nødvendig andel som lykkes (før dødvekt og optimismejustering), offentlige budsjetter", "%",
           help="Andelen som lykkes (før dødvekt og optimismejustering) der tiltaket akkurat betaler seg for "
                "offentlige budsjetter. Over 100 %: "
                "kan ikke betale seg. -1: forløpet koster ikke det offentlige noe."),
)

def sentence(out: Outputs) -> str:
    """The result in plain words: what one case costs, who bears it, what the measure must do."""
    years = int(number(out, "ar_regnet"))
    first = (f"Én ung person utenfor arbeid og utdanning i {years} år koster det offentlige "
             + amount(number(out, "nv_offentlig")) + " i nåverdi – staten " + amount(number(out, "nv_stat"))
             + ", kommunen " + amount(number(out, "nv_kommune")) + ".")
    needed = number(out, "tilfeller_som_betaler")
    if needed < 0 and number(out, "nv_offentlig") > 0:  # the first year in work comes after the course
        return (first + " Med tallene i skjemaet kommer personen i arbeid først etter at forløpet er slutt,"
                " så et vellykket tilfelle sparer ingenting innen forløpet, og tiltaket kan ikke betale seg.")
    if needed < 0:
        return first + " Forløpet koster ikke det offentlige noe, så tiltaket kan ikke betale seg."
    net = number(out, "nnv_tiltak_offentlig")
    verdict = "gir en netto gevinst på " if net >= 0 else "gir et netto tap på "
    return (first + " Tiltaket betaler seg for det offentlige om det forebygger "
            + format_number(needed, "antall") + " tilfeller; med tallene i skjemaet forebygger det "
            + format_number(number(out, "forebygde_tilfeller"), "antall") + " og " + verdict
            + amount(net) + ".")

MODEL = DATA.model(
    id="utenforskap",
    description="Hva det koster kommunen, fylkeskommunen, staten og samfunnet når en ung person "
                "blir stående utenfor arbeid og utdanning, og hva et tiltak som får noen i arbeid, kan spare.",
    outputs=OUTPUTS,
    compute=compute,
    helpers=FINANCE_HELPERS + (years_outside, tax_shares, benefit_flows, net_lost_tax,
                               yearly_flows, kept_shares, success_factor, measure_by_holder, level_value),
    sentence=sentence,
)
