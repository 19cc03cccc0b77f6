"""Investeringsmøtet: what one investment-team meeting costs, against the separate meetings it replaces.

Cost of a meeting = participants × (meeting hours + preparation and follow-up) × hourly cost,
where the hourly cost is ``finance.hourly_cost`` — the one definition every model uses: yearly
salary (holiday pay included) plus pension plus arbeidsgiveravgift, per hour actually worked.
Participants are split into the municipality, NAV-stat and the helseforetak, so the calculator
shows who pays for the time and who saves it. The difference is shown in hours and kroner per
meeting, per year and over a horizon in present value (R-109's discount rate). Time saved is
freed working time, not a budget cut, unless positions change.

Inputs, defaults and presets come from ``calculators/data/investeringsmote.yaml``.
"""

from calculators.core.data_files import load_model_data
from calculators.core.finance import discount_factors, hourly_cost, present_value, stepped_rates
from calculators.core.model import Output
from calculators.view.view import Outputs, amount, format_number, number

DATA = load_model_data("investeringsmote")

FREED_TIME = ("Frigjort arbeidstid er ikke en budsjettbesparelse: pengene er bare spart hvis "
              "stillinger eller innleie endres. Ellers brukes tiden på annet arbeid.")

OUTPUTS = (
    Output("timekostnad", "Timekostnad med pensjon og arbeidsgiveravgift", "kr/time"),
    Output("kostnad_investeringsmote", "Kostnad per investeringsmøte", "kr/møte", headline=True),
    Output("kostnad_separate", "Kostnad for de separate møtene det erstatter", "kr/møte",
           headline=True),
    Output("timer_spart_per_ar", "Arbeidstimer frigjort per år", "timer", headline=True,
           help="Negativt tall: investeringsmøtet bruker flere timer enn møtene det erstatter. "
                + FREED_TIME),
    Output("spart_per_ar", "Verdien av de frigjorte timene per år", "kr/år", headline=True,
           help=FREED_TIME),
    Output("spart_per_mote", "Verdien av frigjort tid per investeringsmøte", "kr/møte",
           help="Negativt tall: investeringsmøtet koster mer enn møtene det erstatter."),
    Output("nv_spart", "Verdien av frigjort tid i perioden, nåverdi", "kr", help=FREED_TIME),
    Output("spart_ar_for_ar", "Verdien av frigjort tid per år", "kr", kind="years"),
    Output("spart_per_budsjett", "Verdien av frigjort tid per budsjett, nåverdi", "kr",
           kind="by_holder", help=FREED_TIME),
    Output("spart_budsjett_ar_for_ar", "Verdien av frigjort tid per budsjett og år", "kr",
           kind="years_by_holder"),
)

def compute(v):
    rate = hourly_cost(v.arslonn, v.pensjon, v.arbeidsgiveravgift, v.arsverk_timer)
    meeting_hours = v.motetimer + v.forberedelse
    separate_hours = v.separate_moter * (v.separate_timer + v.separate_forberedelse)
    # Hours saved per investment meeting, by who employs the people: kommune, NAV-stat, helseforetak.
    hours = [
        v.separate_kommune * separate_hours - v.deltakere_kommune * meeting_hours
        - v.investeringsleder_timer,
        v.separate_stat * separate_hours - v.deltakere_stat * meeting_hours,
        v.separate_helseforetak * separate_hours - v.deltakere_helseforetak * meeting_hours,
    ]
    meeting_cost = ((v.deltakere_kommune + v.deltakere_stat + v.deltakere_helseforetak)
                    * meeting_hours + v.investeringsleder_timer) * rate
    separate_cost = (v.separate_kommune + v.separate_stat + v.separate_helseforetak) \
        * separate_hours * rate
    saved = separate_cost - meeting_cost
    years = int(v.horisont)
    factors = discount_factors(years, stepped_rates(v.kalkulasjonsrente))
    per_year = [h * rate * v.moter_per_ar for h in hours]
    kommune_years = [per_year[0] for t in range(years)]
    nav_years = [per_year[1] for t in range(years)]
    health_years = [per_year[2] for t in range(years)]
    saved_years = [per_year[0] + per_year[1] + per_year[2] for t in range(years)]
    return {
        "timekostnad": rate,
        "kostnad_investeringsmote": meeting_cost,
        "kostnad_separate": separate_cost,
        "timer_spart_per_ar": (hours[0] + hours[1] + hours[2]) * v.moter_per_ar,
        "spart_per_ar": saved * v.moter_per_ar,
        "spart_per_mote": saved,
        "nv_spart": present_value(saved_years, factors),
        "spart_ar_for_ar": saved_years,
        "spart_per_budsjett": {
            "kommune_annet": present_value(kommune_years, factors),
            "stat_nav": present_value(nav_years, factors),
            "stat_helseforetak": present_value(health_years, factors),
        },
        "spart_budsjett_ar_for_ar": {
            "kommune_annet": kommune_years, "stat_nav": nav_years,
            "stat_helseforetak": health_years,
        },
    }


def sentence(out: Outputs) -> str:
    """The result in plain words: what a meeting costs against the meetings it replaces."""
    hours = number(out, "timer_spart_per_ar")
    first = ("Ett investeringsmøte koster " + amount(number(out, "kostnad_investeringsmote"))
             + " i arbeidstid, de separate møtene det erstatter " + amount(number(out, "kostnad_separate")) + ".")
    if hours >= 0:
        return (first + " Det frigjør " + format_number(hours, "timer") + " i året, verdt "
                + amount(number(out, "spart_per_ar")) + " – frigjort tid, ikke en innsparing i budsjettet"
                + " før stillinger endres.")
    return (first + " Det bruker " + format_number(-hours, "timer") + " mer i året enn møtene det erstatter.")

MODEL = DATA.model(
    id="investeringsmote",
    description="Hva et møte i investeringsteamet koster, sammenlignet med de separate møtene "
                "det erstatter.",
    outputs=OUTPUTS,
    compute=compute,
    helpers=(hourly_cost,),
    sentence=sentence,
)
