"""Investeringsmøtet: what one investment-team meeting costs, against the separate meetings it replaces.

Cost of a meeting = participants × (meeting hours + preparation and follow-up) × hourly cost,
where the hourly cost is a yearly salary with holiday pay, pension and employer's national
insurance contribution (arbeidsgiveravgift), divided by the hours actually worked in a year.
Participants are split into the municipality and the state (NAV-stat, helseforetak), so the
calculator shows who pays for the time and who saves it. The difference is shown per meeting,
per year and over a horizon in present value (R-109's discount rate).
"""

from calculators.finance import discount_factors, present_value, stepped_rates
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
    Input("deltakere_stat", "Deltakere fra staten", "antall", 1, 0, 30, ILLUSTRASJON,
          help="For eksempel NAV-stat eller spesialisthelsetjenesten (BUP, DPS).",
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
    Input("separate_stat", "Deltakere fra staten per separate møte", "antall", 0.5, 0, 30,
          ILLUSTRASJON, help="Et gjennomsnitt: 0,5 betyr at staten er med på annethvert møte.",
          step=0.5, group=SEPARATE),
    Input("separate_timer", "Lengden på hvert separate møte", "timer", 1.5, 0.25, 8,
          ILLUSTRASJON, step=0.25, group=SEPARATE),
    Input("separate_forberedelse", "Forberedelse og etterarbeid per deltaker og møte", "timer",
          0.5, 0, 8, ILLUSTRASJON, step=0.25, group=SEPARATE),
    Input("arslonn", "Årslønn", "kr/år", 650_000, 100_000, 2_000_000, ILLUSTRASJON,
          help="Gjennomsnittlig årslønn for dem som møter, før sosiale kostnader.", step=1000,
          group=TIMEKOSTNAD),
    Input("feriepenger", "Feriepenger", "%", 12, 0, 20, Source(
              title="Eksempeltall", publisher="Velferdslab-veilederen", year=2025,
              status="illustrasjon",
              note="Ferieloven § 10 gir minst 10,2 %; med avtalt femte ferieuke er satsen 12 %. "
                   "Bruk satsen som gjelder hos dere."),
          step=0.1, group=TIMEKOSTNAD),
    Input("pensjon", "Arbeidsgivers pensjonskostnad", "%", 15, 0, 40, ILLUSTRASJON,
          help="Andel av lønnen. Se kommunens pensjonsleverandør for egen sats.", step=0.5,
          group=TIMEKOSTNAD),
    Input("arbeidsgiveravgift", "Arbeidsgiveravgift", "%", 14.1, 0, 20, ARBEIDSGIVERAVGIFT,
          step=0.1, group=TIMEKOSTNAD),
    Input("arsverk_timer", "Arbeidstimer per årsverk", "timer", 1700, 1000, 2200, ILLUSTRASJON,
          help="Timer en heltidsansatt faktisk arbeider i året, etter ferie og helligdager.",
          step=10, group=TIMEKOSTNAD),
    Input("horisont", "Antall år", "år", 3, 1, 10, ILLUSTRASJON, integer=True, group="Perioden"),
    Input("kalkulasjonsrente", "Kalkulasjonsrente", "%", 4, 0, 10, R109,
          help="Reell rente for å regne senere års kroner om til nåverdi.", step=0.5,
          group="Perioden"),
)

OUTPUTS = (
    Output("timekostnad", "Timekostnad med sosiale kostnader", "kr/time"),
    Output("kostnad_investeringsmote", "Kostnad per investeringsmøte", "kr/møte", headline=True),
    Output("kostnad_separate", "Kostnad for de separate møtene det erstatter", "kr/møte",
           headline=True),
    Output("spart_per_mote", "Spart per investeringsmøte", "kr/møte", headline=True,
           help="Negativt tall: investeringsmøtet koster mer enn møtene det erstatter."),
    Output("spart_per_ar", "Spart per år", "kr/år", headline=True),
    Output("timer_spart_per_ar", "Arbeidstimer spart per år", "timer"),
    Output("nv_spart", "Spart i perioden, nåverdi", "kr"),
    Output("spart_ar_for_ar", "Spart per år", "kr", kind="years"),
    Output("spart_per_budsjett", "Spart i perioden per budsjett, nåverdi", "kr", kind="by_holder"),
    Output("spart_budsjett_ar_for_ar", "Spart per budsjett og år", "kr", kind="years_by_holder"),
)

PRESETS = (
    Preset("lite_team", "Lite team", "Tre fra kommunen, ingen fra staten, kortere møte.",
           {"deltakere_kommune": 3, "deltakere_stat": 0, "motetimer": 1.5, "separate_moter": 2}),
    Preset("stort_team", "Stort team", "Åtte fra kommunen og to fra staten.",
           {"deltakere_kommune": 8, "deltakere_stat": 2, "separate_moter": 6}),
)


def hourly_cost(v):
    """Yearly salary with holiday pay and pension, plus arbeidsgiveravgift on all of it,
    per hour worked."""
    salary_cost = v.arslonn * (1 + v.feriepenger / 100 + v.pensjon / 100)
    return salary_cost * (1 + v.arbeidsgiveravgift / 100) / v.arsverk_timer


def compute(v):
    rate = hourly_cost(v)
    meeting_hours = v.motetimer + v.forberedelse
    kommune_meeting = (v.deltakere_kommune * meeting_hours + v.investeringsleder_timer) * rate
    stat_meeting = v.deltakere_stat * meeting_hours * rate
    separate_hours = v.separate_moter * (v.separate_timer + v.separate_forberedelse)
    kommune_separate = v.separate_kommune * separate_hours * rate
    stat_separate = v.separate_stat * separate_hours * rate
    saved = kommune_separate + stat_separate - kommune_meeting - stat_meeting
    kommune_year = (kommune_separate - kommune_meeting) * v.moter_per_ar
    stat_year = (stat_separate - stat_meeting) * v.moter_per_ar
    years = int(v.horisont)
    factors = discount_factors(years, stepped_rates(v.kalkulasjonsrente))
    kommune_years = [kommune_year for t in range(years)]
    stat_years = [stat_year for t in range(years)]
    saved_years = [kommune_year + stat_year for t in range(years)]
    return {
        "timekostnad": rate,
        "kostnad_investeringsmote": kommune_meeting + stat_meeting,
        "kostnad_separate": kommune_separate + stat_separate,
        "spart_per_mote": saved,
        "spart_per_ar": saved * v.moter_per_ar,
        "timer_spart_per_ar": saved / rate * v.moter_per_ar,
        "nv_spart": present_value(saved_years, factors),
        "spart_ar_for_ar": saved_years,
        "spart_per_budsjett": {
            "kommune_annet": present_value(kommune_years, factors),
            "stat_annet": present_value(stat_years, factors),
        },
        "spart_budsjett_ar_for_ar": {"kommune_annet": kommune_years, "stat_annet": stat_years},
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
