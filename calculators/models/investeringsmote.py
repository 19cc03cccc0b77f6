"""Investeringsmøtet: what one investment-team meeting costs, against the separate meetings it replaces.

Cost of a meeting = participants × (meeting hours + preparation and follow-up) × hourly cost,
where the hourly cost is ``finance.hourly_cost`` — the one definition every model uses: yearly
salary (holiday pay included) plus pension plus arbeidsgiveravgift, per hour actually worked.
Participants are split into the municipality, NAV-stat and the helseforetak, so the calculator
shows who pays for the time and who saves it. The difference is shown in hours and kroner per
meeting, per year and over a horizon in present value (R-109's discount rate). Time saved is
freed working time, not a budget cut, unless positions change.
"""

from calculators.finance import discount_factors, hourly_cost, present_value, stepped_rates
from calculators.model import Input, Model, Output, Preset, Source

ILLUSTRASJON = Source(
    title="Eksempeltall", publisher="Velferdslab-veilederen", year=2025, status="illustrasjon",
    note="Et eksempel. Bytt ut med egne tall fra kommunens lønnssystem og møteplaner.",
)
ARBEIDSGIVERAVGIFT = Source(
    title="Satser for arbeidsgiveravgift (sone I)", publisher="Skatteetaten", year=2025,
    status="kilde", url="https://www.skatteetaten.no/satser/arbeidsgiveravgift/",
    note="14,1 % i sone I. Kommuner i andre soner har lavere sats.",
)
R109 = Source(
    title="Rundskriv R-109/2021: Prinsipper og krav ved utarbeidelse av samfunnsøkonomiske analyser",
    publisher="Finansdepartementet", year=2021, status="kilde",
    url="https://www.regjeringen.no/no/tema/okonomi-og-budsjett/statlig-okonomistyring/"
        "samfunnsokonomiske-analyser/id438830/",
)

MOTET = "Investeringsmøtet"
SEPARATE = "Møtene det erstatter"
TIMEKOSTNAD = "Timekostnad"

INPUTS = (
    Input("deltakere_kommune", "Deltakere fra kommunen", "antall", 5, 0, 30, ILLUSTRASJON,
          help="Ansatte fra kommunens tjenester i investeringsmøtet, medregnet investeringslederen.",
          integer=True, group=MOTET),
    Input("deltakere_stat", "Deltakere fra NAV-stat", "antall", 1, 0, 30, ILLUSTRASJON,
          help="For eksempel en veileder fra NAV. Tiden føres på Staten: NAV-statlig.",
          integer=True, group=MOTET),
    Input("deltakere_helseforetak", "Deltakere fra spesialisthelsetjenesten", "antall", 0, 0, 30,
          ILLUSTRASJON, help="For eksempel BUP eller DPS. Tiden føres på Staten: helseforetak.",
          integer=True, group=MOTET),
    Input("motetimer", "Møtets lengde", "timer", 2, 0.25, 8, ILLUSTRASJON, step=0.25, group=MOTET),
    Input("forberedelse", "Forberedelse og etterarbeid per deltaker", "timer", 0.5, 0, 8,
          ILLUSTRASJON, help="Reise, lesing og oppfølging som hører til møtet.", step=0.25,
          group=MOTET),
    Input("investeringsleder_timer", "Investeringslederens ekstra tid per møte", "timer", 3, 0, 20,
          ILLUSTRASJON, help="Planlegging, innkalling, referat og oppfølging av avtaler.",
          step=0.5, group=MOTET),
    Input("moter_per_ar", "Investeringsmøter per år", "antall", 6, 1, 52, ILLUSTRASJON,
          integer=True, group=MOTET),
    Input("separate_moter", "Separate møter ett investeringsmøte erstatter", "antall", 4, 0, 30,
          ILLUSTRASJON, help="Møter familien ellers ville hatt med hver tjeneste for seg.",
          integer=True, group=SEPARATE),
    Input("separate_kommune", "Deltakere fra kommunen per separate møte", "antall", 2, 0, 30,
          ILLUSTRASJON, integer=True, group=SEPARATE),
    Input("separate_stat", "Deltakere fra NAV-stat per separate møte", "antall", 0.5, 0, 30,
          ILLUSTRASJON, help="Et gjennomsnitt: 0,5 betyr at NAV-stat er med på annethvert møte.",
          step=0.5, group=SEPARATE),
    Input("separate_helseforetak", "Deltakere fra spesialisthelsetjenesten per separate møte",
          "antall", 0, 0, 30, ILLUSTRASJON, help="Et gjennomsnitt, som for NAV-stat.",
          step=0.5, group=SEPARATE),
    Input("separate_timer", "Lengden på hvert separate møte", "timer", 1.5, 0.25, 8,
          ILLUSTRASJON, step=0.25, group=SEPARATE),
    Input("separate_forberedelse", "Forberedelse og etterarbeid per deltaker og møte", "timer",
          0.5, 0, 8, ILLUSTRASJON, step=0.25, group=SEPARATE),
    Input("arslonn", "Årslønn", "kr/år", 650_000, 100_000, 2_000_000, ILLUSTRASJON,
          help="Gjennomsnittlig årslønn for dem som møter, før pensjon og arbeidsgiveravgift. "
               "Årslønnen dekker også feriepengene, så de legges ikke til.", step=1000,
          group=TIMEKOSTNAD),
    Input("pensjon", "Arbeidsgivers pensjonskostnad", "%", 15, 0, 40, ILLUSTRASJON,
          help="Andel av lønnen. Se kommunens pensjonsleverandør for egen sats.", step=0.5,
          group=TIMEKOSTNAD),
    Input("arbeidsgiveravgift", "Arbeidsgiveravgift", "%", 14.1, 0, 20, ARBEIDSGIVERAVGIFT,
          help="Av lønn og pensjonspremie.", step=0.1, group=TIMEKOSTNAD),
    Input("arsverk_timer", "Arbeidstimer per årsverk", "timer", 1700, 1000, 2200, ILLUSTRASJON,
          help="Timer en heltidsansatt faktisk arbeider i året, etter ferie og helligdager. "
               "Ferien er da regnet med én gang.",
          step=10, group=TIMEKOSTNAD),
    Input("horisont", "Antall år", "år", 3, 1, 10, ILLUSTRASJON, integer=True, group="Perioden"),
    Input("kalkulasjonsrente", "Kalkulasjonsrente", "%", 4, 0, 10, R109,
          help="Reell rente for å regne senere års kroner om til nåverdi.", step=0.5,
          group="Perioden"),
)

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

PRESETS = (
    Preset("lite_team", "Lite team", "Tre fra kommunen, ingen fra staten, kortere møte.",
           {"deltakere_kommune": 3, "deltakere_stat": 0, "motetimer": 1.5, "separate_moter": 2}),
    Preset("stort_team", "Stort team",
           "Åtte fra kommunen, én fra NAV-stat og én fra spesialisthelsetjenesten.",
           {"deltakere_kommune": 8, "deltakere_stat": 1, "deltakere_helseforetak": 1,
            "separate_moter": 6, "separate_helseforetak": 0.5}),
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


MODEL = Model(
    id="investeringsmote",
    title="Investeringsmøtet",
    description="Hva et møte i investeringsteamet koster, sammenlignet med de separate møtene "
                "det erstatter.",
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=compute,
    presets=PRESETS,
    price_year=2025,
    helpers=(hourly_cost,),
)
