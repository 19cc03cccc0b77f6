"""Utenforskap over et livsløp: hand-computed references and properties of compute."""


import pytest
from hypothesis import given, settings

from calculators.models.utenforskap import MODEL, compute
from tests.calculators.scenarios import defaults, holder_total, inputs_within_bounds, zeroed

# A 30-year-old outside for two years: one year on sosialhjelp (100 000 kr), then one on
# AAP at 2 G with G = 100 000. No services, no lost income, 4 %, 20 % tax financing cost.
TWO_YEARS = {
    "alder": 30, "ar_utenfor": 2, "ar_sosialhjelp": 1, "ar_aap": 1, "grunnbelop": 100_000,
    "sosialhjelp": 100_000, "aap_g": 2, "ufore_g": 3, "fylkeskommune_til_alder": 16,
    "kalkulasjonsrente": 4, "skattefinansieringskostnad": 20, "deltakere": 10,
    "tiltak_kostnad": 10_000, "suksessrate": 50, "dodvekt": 0, "forste_effektar": 0, "opptrapping": 1,
}


def two_years(**changes):
    return compute(zeroed(MODEL, {**TWO_YEARS, **changes}))


def test_two_years_cost_the_kommune_then_the_state():
    result = two_years()
    assert result["arlig_kostnad"]["kommune_nav"] == [100_000, 0]
    assert result["arlig_kostnad"]["stat_nav"] == [0, 200_000]


def test_two_years_public_present_value():
    # 100 000 + 200 000 / 1.04 = 100 000 + 192 307.69 = 292 307.69
    assert two_years()["nv_offentlig"] == pytest.approx(292_307.692308, abs=1e-5)


def test_benefits_alone_cost_society_only_the_tax_financing_cost():
    # Benefits are transfers: society loses 20 % of 292 307.69 = 58 461.54.
    assert two_years()["nv_samfunn"] == pytest.approx(58_461.538462, abs=1e-5)


def test_measure_figures_for_two_years():
    # 10 participants × 10 000 = 100 000; 50 % success = 5 cases × 292 307.69 = 1 461 538.46.
    result = two_years()
    assert result["forebygde_tilfeller"] == 5
    assert result["tilfeller_som_betaler"] == pytest.approx(100_000 / 292_307.692308)
    assert result["nnv_tiltak_offentlig"] == pytest.approx(1_361_538.461538, abs=1e-5)
    # Break-even success: 10 000 / 292 307.69 = 3.421 %.
    assert result["break_even_suksessrate"] == pytest.approx(3.421053, abs=1e-5)


def test_aap_under_25_is_two_thirds():
    # Age 20 on AAP at 2.041 G, G = 130 160: 2/3 × 265 656.56 = 177 104.37.
    result = two_years(alder=20, ar_sosialhjelp=0, ar_aap=1, aap_g=2.041, grunnbelop=130_160)
    assert result["arlig_kostnad"]["stat_nav"][0] == pytest.approx(177_104.373333, abs=1e-5)
    assert result["arlig_kostnad"]["stat_nav"][1] == pytest.approx(3 * 130_160)


def test_years_outside_stop_at_67():
    assert two_years(alder=30, ar_utenfor=51)["ar_regnet"] == 37


def test_lost_tax_is_split_between_levels():
    # 400 000 × 25 % = 100 000 a year: kommune 40 %, fylke 10 %, stat the rest.
    result = two_years(arbeidsinntekt=400_000, skatteandel=25, skatt_kommune=40, skatt_fylkeskommune=10)
    assert result["arlig_kostnad"]["kommune_annet"] == [40_000, 40_000]
    assert result["arlig_kostnad"]["fylkeskommune"] == [10_000, 10_000]
    assert result["arlig_kostnad"]["stat_annet"] == [50_000, 50_000]


def test_tax_shares_over_100_percent_cut_the_county_share():
    result = two_years(arbeidsinntekt=400_000, skatteandel=25, skatt_kommune=80, skatt_fylkeskommune=50)
    assert result["arlig_kostnad"]["fylkeskommune"] == pytest.approx([20_000, 20_000])
    assert result["arlig_kostnad"]["stat_annet"] == pytest.approx([0, 0], abs=1e-9)


def test_county_services_stop_after_the_given_age():
    result = two_years(alder=21, fylkeskommune=80_000, fylkeskommune_til_alder=21)
    assert result["arlig_kostnad"]["fylkeskommune"] == [80_000, 0]


def test_lost_work_is_a_cost_for_society():
    # Society: 400 000 of lost work each year, and 20 % of the public cost.
    result = two_years(sosialhjelp=0, aap_g=0, arbeidsinntekt=400_000, skatteandel=25,
                       skatt_kommune=40, skatt_fylkeskommune=10)
    public = 100_000 + 100_000 / 1.04
    assert result["nv_offentlig"] == pytest.approx(public)
    assert result["nv_samfunn"] == pytest.approx(400_000 + 400_000 / 1.04 + 0.2 * public)


def test_tax_on_aap_flows_back_to_each_level():
    # Year 0: sosialhjelp 100 000, not taxed. Year 1: AAP 2 G = 200 000, of which 20 % =
    # 40 000 comes back as tax: kommune 40 % = 16 000, fylke 10 % = 4 000, stat 50 % = 20 000.
    result = two_years(skatt_ytelser=20, skatt_kommune=40, skatt_fylkeskommune=10)
    assert result["arlig_kostnad"]["kommune_annet"] == pytest.approx([0, -16_000])
    assert result["arlig_kostnad"]["fylkeskommune"] == pytest.approx([0, -4_000])
    assert result["arlig_kostnad"]["stat_annet"] == pytest.approx([0, -20_000])
    # Public: 100 000 + (200 000 − 40 000) / 1.04 = 100 000 + 153 846.15 = 253 846.15.
    assert result["nv_offentlig"] == pytest.approx(253_846.153846, abs=1e-5)
    # The tax is a transfer too: society still loses only 20 % of the public cost = 50 769.23.
    assert result["nv_samfunn"] == pytest.approx(50_769.230769, abs=1e-5)


def test_uforetrygd_is_taxed_too_but_sosialhjelp_is_not():
    # Two years on uføretrygd at 3 G = 300 000, 10 % tax: 30 000 back a year, all to the state
    # when the kommune and fylke shares are 0.
    result = two_years(ar_sosialhjelp=0, ar_aap=0, skatt_ytelser=10)
    assert result["arlig_kostnad"]["stat_annet"] == pytest.approx([-30_000, -30_000])
    assert result["arlig_kostnad"]["kommune_nav"] == [0, 0]


def test_inntektsutjevning_moves_most_of_the_kommunes_tax_loss_to_all_kommuner():
    # 400 000 × 25 % = 100 000 lost tax a year. The kommune's 40 % = 40 000, of which the
    # inntektsutjevning moves 60 % = 24 000 to all kommuner; the kommune itself bears 16 000.
    result = two_years(arbeidsinntekt=400_000, skatteandel=25, skatt_kommune=40,
                       skatt_fylkeskommune=10, inntektsutjevning=60)
    assert result["arlig_kostnad"]["kommune_annet"] == pytest.approx([16_000, 16_000])
    assert result["arlig_kostnad"]["andre_kommuner"] == pytest.approx([24_000, 24_000])
    assert result["arlig_kostnad"]["fylkeskommune"] == pytest.approx([10_000, 10_000])
    assert result["arlig_kostnad"]["stat_annet"] == pytest.approx([50_000, 50_000])
    # Other kommuner over the two years: 24 000 + 24 000 / 1.04 = 47 076.92.
    assert result["nv_andre_kommuner"] == pytest.approx(24_000 + 24_000 / 1.04)


def test_the_defaults_follow_the_main_rule_for_aap_and_count_deadweight():
    # Folketrygdloven § 11-12: AAP at most three years as the main rule. Deadweight is not 0
    # when the success rate is an estimate (the field's own help text).
    v = defaults(MODEL, ar_utenfor=47)  # «Utenfor til 67 år»: the course reaches uføretrygd
    assert v.ar_aap == 3
    assert v.dodvekt > 0
    result = compute(v)
    # Year 0–1 sosialhjelp, years 2–4 AAP (the person turns 25 in year 5), uføretrygd from year 5.
    aap_and_ufore = result["arlig_kostnad"]["stat_nav"]
    services = v.nav_tiltak
    assert [round(x - services) for x in aap_and_ufore[:6]] == [
        0, 0, round(2 / 3 * 2.041 * v.grunnbelop), round(2 / 3 * 2.041 * v.grunnbelop),
        round(2 / 3 * 2.041 * v.grunnbelop), round(2.91 * v.grunnbelop)]


def test_the_no_effect_preset_gives_minus_the_cost_of_the_measure():
    preset = next(p for p in MODEL.presets if p.id == "ingen-varig-effekt")
    result = compute(defaults(MODEL, **preset.values))
    assert result["nnv_tiltak_offentlig"] == -result["tiltak_kostnad_total"]


@settings(max_examples=100, deadline=None)
@given(inputs_within_bounds(MODEL))
def test_budget_holder_parts_sum_to_the_totals(v):
    result = compute(v)
    parts = result["nv_per_budsjett"]
    assert holder_total(parts, skip=("samfunnet",)) == pytest.approx(result["nv_offentlig"], abs=1e-3)
    assert holder_total(parts) == pytest.approx(result["nv_samfunn"], abs=1e-3)
    levels = (result["nv_kommune"] + result["nv_andre_kommuner"] + result["nv_fylkeskommune"]
              + result["nv_stat"])
    assert levels == pytest.approx(result["nv_offentlig"], abs=1e-3)
    measure = result["nnv_tiltak_per_budsjett"]
    assert holder_total(measure) == pytest.approx(result["nnv_tiltak_samfunn"], rel=1e-9, abs=1e-3)


@settings(max_examples=100, deadline=None)
@given(inputs_within_bounds(MODEL))
def test_a_higher_success_rate_never_lowers_the_measures_value(v):
    before = compute(v)["nnv_tiltak_offentlig"]
    v.suksessrate = min(100, v.suksessrate + 10)
    assert compute(v)["nnv_tiltak_offentlig"] >= before - 1e-6


@settings(max_examples=50, deadline=None)
@given(inputs_within_bounds(MODEL))
def test_a_zero_rate_gives_nominal_sums(v):
    v.kalkulasjonsrente = 0
    result = compute(v)
    assert result["nv_offentlig"] == pytest.approx(sum(result["arlig_offentlig"]), rel=1e-9, abs=1e-3)


# -- tilbakefall (issue 23): a prevented case saves the course only while the person stays in --
def test_without_relapse_a_prevented_case_saves_the_whole_course():
    result = two_years(tilbakefall=0)
    # 5 prevented cases × (100 000 + 200 000 / 1.04) − 100 000 for the measure.
    assert result["nnv_tiltak_offentlig"] == pytest.approx(5 * (100_000 + 200_000 / 1.04) - 100_000)


def test_relapse_weighs_each_years_saving_by_the_share_still_in_work():
    # 25 % fall out each year: year 0 counts fully, year 1 three quarters.
    result = two_years(tilbakefall=25)
    assert result["nnv_tiltak_offentlig"] == pytest.approx(5 * (100_000 + 0.75 * 200_000 / 1.04) - 100_000)
    assert result["tilfeller_som_betaler"] == pytest.approx(100_000 / (100_000 + 0.75 * 200_000 / 1.04))
    assert result["break_even_suksessrate"] == pytest.approx(10_000 / (100_000 + 0.75 * 200_000 / 1.04) * 100)
    # The course itself costs the same: relapse changes what the measure saves, not the case's cost.
    assert result["nv_offentlig"] == two_years(tilbakefall=0)["nv_offentlig"]


def test_more_relapse_never_makes_the_measure_look_better():
    values = [compute(defaults(MODEL, tilbakefall=r))["nnv_tiltak_offentlig"] for r in (0, 5, 10, 20, 50, 95)]
    assert values == sorted(values, reverse=True) and values[0] > values[-1]
    # With no one helped, relapse changes nothing.
    assert compute(defaults(MODEL, suksessrate=0, tilbakefall=0))["nnv_tiltak_offentlig"] == \
        compute(defaults(MODEL, suksessrate=0, tilbakefall=50))["nnv_tiltak_offentlig"]


def test_the_relapse_default_is_in_the_middle_of_its_range_and_says_why():
    field = next(i for i in MODEL.inputs if i.id == "tilbakefall")
    span = next(r for r in MODEL.ranges if r.id == "tilbakefall")
    assert span.low < field.default < span.high and field.default - span.low == span.high - field.default
    assert field.source.status == "illustrasjon" and "Ikke målt" in span.note


# -- samfunnsøkonom review (issue 23): optimism adjustment, ramp-up, and success means work --
def test_the_optimism_adjustment_is_the_family_models():
    from calculators.models.familie import MODEL as FAMILIE

    mine, theirs = (next(i for i in m.inputs if i.id == "optimisme") for m in (MODEL, FAMILIE))
    my_span, their_span = (next(r for r in m.ranges if r.id == "optimisme") for m in (MODEL, FAMILIE))
    assert mine.default == theirs.default == 30
    assert (my_span.low, my_span.high, my_span.note) == (their_span.low, their_span.high, their_span.note)
    assert mine.source.status == theirs.source.status == "illustrasjon"


def test_optimism_scales_the_prevented_cases_and_the_break_even_share():
    plain, adjusted = two_years(), two_years(optimisme=40)
    assert adjusted["forebygde_tilfeller"] == pytest.approx(plain["forebygde_tilfeller"] * 0.6)
    assert adjusted["break_even_suksessrate"] == pytest.approx(plain["break_even_suksessrate"] / 0.6)
    # The cases needed compare with the prevented cases: optimism does not change a case's value.
    assert adjusted["tilfeller_som_betaler"] == pytest.approx(plain["tilfeller_som_betaler"])


def test_nothing_is_saved_before_the_first_year_in_work_and_the_ramp_is_linear():
    # First year in work 1: year 0 saves nothing, year 1 the whole course (ramp 1).
    late = two_years(forste_effektar=1)
    assert late["nnv_tiltak_offentlig"] == pytest.approx(5 * 200_000 / 1.04 - 100_000)
    # Ramp over two years from year 0: half in year 0, all in year 1.
    ramp = two_years(opptrapping=2)
    assert ramp["nnv_tiltak_offentlig"] == pytest.approx(5 * (0.5 * 100_000 + 200_000 / 1.04) - 100_000)
    # Relapse starts after full effect, as the family model's avtakning.
    both = two_years(opptrapping=2, tilbakefall=50)
    assert both["nnv_tiltak_offentlig"] == ramp["nnv_tiltak_offentlig"]


def test_the_defaults_ramp_up_and_adjust_for_optimism():
    values = defaults(MODEL)
    assert values.forste_effektar >= 1 and values.opptrapping >= 2 and values.optimisme > 0
    immediate = compute(defaults(MODEL, forste_effektar=0, opptrapping=1, optimisme=0))
    assert compute(values)["nnv_tiltak_offentlig"] < immediate["nnv_tiltak_offentlig"]


def test_success_is_work_and_the_label_says_before_deadweight():
    field = next(i for i in MODEL.inputs if i.id == "suksessrate")
    assert "før dødvekt" in field.label
    assert "arbeid" in field.help and "utdanning" in field.help and "ikke" in field.help


def test_the_saving_per_success_is_its_own_output_and_below_the_course_cost_with_ramp_and_relapse():
    # Review 2 (issue 23): the course's cost is an upper bound for what one case can save; the
    # measure is reckoned against the saving after ramp-up and relapse, shown as its own result.
    assert two_years()["besparelse_per_tilfelle"] == pytest.approx(two_years()["nv_offentlig"])
    ramp = two_years(opptrapping=2)
    assert ramp["besparelse_per_tilfelle"] == pytest.approx(0.5 * 100_000 + 200_000 / 1.04)
    result = compute(defaults(MODEL))
    assert 0 < result["besparelse_per_tilfelle"] < result["nv_offentlig"]
    assert result["tilfeller_som_betaler"] == pytest.approx(result["tiltak_kostnad_total"]
                                                            / result["besparelse_per_tilfelle"])
    labels = {o.id: o.label for o in MODEL.outputs}
    assert labels["nv_offentlig"].startswith("Ett forløps kostnad") and "øvre grense" in labels["nv_offentlig"]
    assert "Kostnaden av ett forløp utenfor" in next(o.help for o in MODEL.outputs if o.id == "nv_offentlig")
    assert "Verdien av ett forebygd tilfelle" not in " ".join(labels.values())
    assert "før dødvekt og optimismejustering" in labels["break_even_suksessrate"]


def test_a_first_year_in_work_after_the_course_is_said_as_such_not_as_a_course_that_costs_nothing():
    # Review 3 of issue 23: with «Første år i arbeid» at or after the years outside, a success saves
    # nothing within the course; the sentence said the course cost the public nothing.
    from calculators.models.utenforskap import sentence

    out = compute(defaults(MODEL, ar_utenfor=5, forste_effektar=5))
    assert out["tilfeller_som_betaler"] < 0 and out["nv_offentlig"] > 0
    text = sentence(out)
    assert "koster ikke det offentlige noe" not in text
    assert "sparer ingenting innen forløpet" in text
    assert "koster ikke det offentlige noe" in sentence(two_years(sosialhjelp=0, aap_g=0, ufore_g=0))
