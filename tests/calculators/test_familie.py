"""Investering i en familie: hand-computed references and properties of compute."""


import pytest
from hypothesis import given, settings

from calculators.models.familie import MODEL, compute
from tests.calculators.scenarios import defaults, holder_total, inputs_within_bounds, zeroed

# One service line (barnevern), 100 000 kr a year, 50 % reduction at full effect from the first
# year (year 0), no ramp, no drop-off, no deadweight, no optimism adjustment, 4 %, three years.
ONE_LINE = {
    "horisont": 3, "kalkulasjonsrente": 4, "barnevern": 100_000, "barnevern_reduksjon": 50,
    "forste_effektar": 0, "opptrapping": 1, "avtakning": 0, "dodvekt": 0, "optimisme": 0,
    "oppfolgingsar": 3, "arbeid_fra_ar": 0, "skattefinansieringskostnad": 20,
}
# Three years of follow-up is the standard the reductions assume (the full effect); with nothing
# to pay for (hours and costs zeroed) there is no investment.
# The investment for the variants below: 100 hours × 1 000 kr in year 0 only. The hourly cost
# is 1 000 000 kr / 1 000 hours with no pension or arbeidsgiveravgift (zeroed). One year of
# follow-up gives a third of the effect (review 2, issue 23), so barnevern is three times as
# large: the saving is again 50 000 kr a year.
INVESTMENT = {"oppfolgingsar": 1, "investeringsleder_timer": 100, "arslonn": 1_000_000,
              "arsverk_timer": 1000, "barnevern": 300_000}


def one_line(**changes):
    return compute(zeroed(MODEL, {**ONE_LINE, **changes}))


def test_one_line_saves_half_of_100_000_every_year():
    result = one_line()
    assert result["uten"]["kommune_barnevern"] == [100_000, 100_000, 100_000]
    assert result["med"]["kommune_barnevern"] == [50_000, 50_000, 50_000]
    assert result["netto"]["kommune_barnevern"] == [50_000, 50_000, 50_000]


def test_one_line_present_value_at_four_percent_over_three_years():
    # 50 000 + 50 000 / 1.04 + 50 000 / 1.04² = 50 000 + 48 076.92 + 46 227.81 = 144 304.73
    assert one_line()["nnv_offentlig"] == pytest.approx(144_304.733728, abs=1e-5)


def test_one_line_with_effect_from_year_one_skips_the_first_year():
    # 48 076.92 + 46 227.81 = 94 304.73
    assert one_line(forste_effektar=1)["nnv_offentlig"] == pytest.approx(94_304.733728, abs=1e-5)


def test_one_line_with_an_investment_pays_back_in_year_two():
    # Running present value: −100 000 + 50 000 = −50 000; + 48 076.92 = −1 923.08; + 46 227.81.
    result = one_line(**INVESTMENT)
    assert result["kumulativ_netto"]["kommune_annet"] == [-100_000, -100_000, -100_000]
    assert result["nnv_offentlig"] == pytest.approx(44_304.733728, abs=1e-5)
    assert result["tilbakebetalingsar"] == 2
    assert result["nnv_valgperiode"] == pytest.approx(44_304.733728, abs=1e-5)


def test_one_line_break_even_reduction():
    # Investment 100 000 / (300 000 × ⅓ × (1 + 1/1.04 + 1/1.04²) = 288 609.47) = 34.649 %.
    assert one_line(**INVESTMENT)["break_even_reduksjon"] == pytest.approx(34.64889, abs=1e-4)


def test_deadweight_lowers_the_path_without_velferdslab_too():
    # Half the 50 000 would fall anyway: without = 100 000 − 25 000, with = 50 000, saving 25 000.
    result = one_line(dodvekt=50)
    assert result["uten"]["kommune_barnevern"] == [75_000, 75_000, 75_000]
    assert result["netto"]["kommune_barnevern"] == [25_000, 25_000, 25_000]


def test_optimism_adjustment_scales_the_reduction():
    # 50 % reduction × (1 − 20 %) = 40 % of 100 000.
    assert one_line(optimisme=20)["netto"]["kommune_barnevern"] == [40_000, 40_000, 40_000]


def test_ramp_and_drop_off_shape_the_effect():
    # Ramp over 2 years from year 0: ½, then full; then 50 % drop-off: ½ again, ¼.
    result = one_line(horisont=4, opptrapping=2, avtakning=50)
    assert result["netto"]["kommune_barnevern"] == [25_000, 50_000, 25_000, 12_500]


def test_society_view_adds_the_tax_financing_cost_of_public_savings():
    result = one_line()
    assert result["netto"]["samfunnet"] == [10_000, 10_000, 10_000]
    assert result["nnv_samfunn"] == pytest.approx(1.2 * result["nnv_offentlig"])


def test_a_transfer_saved_is_not_a_gain_for_society():
    # 100 000 sosialhjelp halved: the budget saves 50 000, the family loses 50 000; society keeps 20 %.
    result = compute(zeroed(MODEL, {**ONE_LINE, "barnevern": 0, "sosialhjelp": 100_000,
                                    "sosialhjelp_reduksjon": 50}))
    assert result["netto"]["kommune_nav"] == [50_000, 50_000, 50_000]
    assert result["netto"]["samfunnet"] == [-40_000, -40_000, -40_000]


def test_income_from_work_counts_for_society_only():
    result = one_line(barnevern=0, arbeidsinntekt=300_000, arbeid_fra_ar=1)
    assert result["netto"]["samfunnet"] == [0, 300_000, 300_000]
    assert result["nnv_offentlig"] == 0


def test_investment_is_the_meeting_model_plus_leader_plus_extra_measures_plus_fixed_costs():
    # Hourly cost (TBU's convention, shared with Investeringsmøtet): 650 000 × 1.15 × 1.141
    # = 852 897.50 kr a year over 1 700 hours = 501.704412 kr. A participant's hours per meeting
    # are Investeringsmøtet's (felles.yaml): 2 h meeting + 0.5 h preparation = 2.5 h. Kommune:
    # 150 h (leader) + 6 meetings × 5 people × 2.5 h = 225 h × 501.704412 = 112 883.49, + 50 000
    # extra measures + 75 000 fixed costs per family (project leader and training) = 237 883.49.
    # NAV-stat: 6 × 1 × 2.5 = 15 h × 501.704412 = 7 525.57.
    result = compute(defaults(MODEL))
    assert result["timekostnad"] == pytest.approx(501.704412, abs=1e-6)
    assert result["timer_per_ar"] == 240
    assert result["investering"]["kommune_annet"][:4] == pytest.approx([237_883.49, 237_883.49, 237_883.49, 0], abs=0.01)
    assert result["investering"]["stat_nav"][:4] == pytest.approx([7_525.57, 7_525.57, 7_525.57, 0], abs=0.01)


def test_both_calculators_count_a_meeting_from_the_same_data_rows():
    """Issue 23: the family model said 3 h per participant and meeting, Investeringsmøtet 2 + 0.5.
    Both now read felles.yaml's motetimer and forberedelse, so changing one row moves both."""
    from calculators.core.data_files import shared_data
    from calculators.engine import registry

    meeting = registry.load("investeringsmote")
    shared = {row["id"]: row for row in shared_data()["rows"]}
    for key in ("motetimer", "forberedelse"):
        assert next(i for i in MODEL.inputs if i.id == key).default == shared[key]["value"]
        assert next(i for i in meeting.inputs if i.id == key).default == shared[key]["value"]
    # Per participant and meeting the two calculators count the same hours, whatever they are.
    for length, preparation in ((2, 0.5), (3, 1), (1.5, 0)):
        family = compute(defaults(MODEL, motetimer=length, forberedelse=preparation, investeringsleder_timer=0,
                                  moter_per_ar=1, deltakere=1, deltakere_stat=0))
        assert family["timer_per_ar"] == length + preparation


def test_the_default_is_a_middle_case_between_the_optimistic_and_the_cautious_preset():
    # The default no longer sells the optimistic case alone: it lies between «Optimistisk
    # anslag» (the former default) and «Forsiktig anslag», which is negative.
    result = compute(defaults(MODEL))
    presets = {p.id: compute(defaults(MODEL, **p.values))["nnv_offentlig"] for p in MODEL.presets}
    assert presets["forsiktig"] < result["nnv_offentlig"] < presets["optimistisk"]
    # With the project leader's share counted (issue 23, samfunnsøkonom review) the middle case no
    # longer pays back within its ten years; the optimistic one does, without income from work.
    assert result["nnv_offentlig"] < 0 and result["tilbakebetalingsar"] == -1
    assert presets["optimistisk"] > 0
    assert result["nnv_valgperiode"] < 0


def test_the_no_lasting_effect_preset_gives_minus_the_investment():
    preset = next(p for p in MODEL.presets if p.id == "ingen-varig-effekt")
    result = compute(defaults(MODEL, **preset.values))
    assert result["nnv_offentlig"] == pytest.approx(-result["nv_investering"])
    assert result["tilbakebetalingsar"] == -1


@settings(max_examples=100, deadline=None)
@given(inputs_within_bounds(MODEL))
def test_budget_holder_parts_sum_to_the_totals(v):
    result = compute(v)
    parts = result["nnv_per_budsjett"]
    assert holder_total(parts, skip=("samfunnet",)) == pytest.approx(result["nnv_offentlig"], abs=1e-3)
    assert holder_total(parts) == pytest.approx(result["nnv_samfunn"], abs=1e-3)
    kommune = holder_total({k: x for k, x in parts.items() if k.startswith("kommune_")})
    assert kommune == pytest.approx(result["nnv_kommune"], abs=1e-3)
    yearly = [sum(row[t] for holder, row in result["netto"].items() if holder != "samfunnet")
              for t in range(int(v.horisont))]
    assert yearly == pytest.approx(result["netto_offentlig_per_ar"], abs=1e-3)


@settings(max_examples=100, deadline=None)
@given(inputs_within_bounds(MODEL))
def test_more_effect_never_lowers_savings(v):
    before = compute(v)
    for line in ("barnevern_reduksjon", "nav_ytelser_reduksjon"):
        setattr(v, line, min(100, getattr(v, line) + 10))
    after = compute(v)
    assert after["nnv_offentlig"] >= before["nnv_offentlig"] - 1e-6
    assert after["nv_besparelse"] >= before["nv_besparelse"] - 1e-6


@settings(max_examples=100, deadline=None)
@given(inputs_within_bounds(MODEL))
def test_zero_effect_gives_net_equal_to_minus_the_investment(v):
    for line in MODEL.inputs:
        if line.id.endswith("_reduksjon"):
            setattr(v, line.id, 0)
    result = compute(v)
    for holder, row in result["netto"].items():
        if holder != "samfunnet":
            assert row == pytest.approx([-x for x in result["investering"][holder]], abs=1e-6)
    assert result["nnv_offentlig"] == pytest.approx(-result["nv_investering"], abs=1e-6)


@settings(max_examples=50, deadline=None)
@given(inputs_within_bounds(MODEL))
def test_a_zero_rate_gives_nominal_sums(v):
    v.kalkulasjonsrente = 0
    result = compute(v)
    assert result["nnv_offentlig"] == pytest.approx(sum(result["netto_offentlig_per_ar"]), abs=1e-3)


# -- samfunnsøkonom review (issue 23): fixed costs and the optimistic preset --
def test_fixed_costs_are_part_of_the_kommunes_investment_each_follow_up_year():
    base = one_line(**INVESTMENT)
    fixed = one_line(**INVESTMENT, faste_kostnader=30_000)
    assert fixed["investering"]["kommune_annet"] == [130_000, 0, 0]
    assert fixed["nv_investering"] - base["nv_investering"] == pytest.approx(30_000)


def test_the_fixed_cost_default_is_the_project_leader_share_its_note_derives():
    # A project leader at 35 % of a full-time post, at the model's own hourly cost, shared among
    # four families (the note's derivation); low 20 % over five, high 50 % over three.
    v = defaults(MODEL)
    post = v.arslonn * (1 + v.pensjon / 100) * (1 + v.arbeidsgiveravgift / 100)
    field = next(i for i in MODEL.inputs if i.id == "faste_kostnader")
    span = next(r for r in MODEL.ranges if r.id == "faste_kostnader")
    assert field.default == pytest.approx(post * 0.35 / 4, abs=1000)
    assert span.low == pytest.approx(post * 0.20 / 5, abs=1000)
    assert span.high == pytest.approx(post * 0.50 / 3, abs=1000)
    assert field.source.status == "illustrasjon" and "ikke målt" in span.note


def test_the_optimistic_preset_counts_no_one_in_work():
    preset = next(p for p in MODEL.presets if p.id == "optimistisk")
    assert preset.values.get("arbeidsinntekt", 0) == 0
    assert "ingen inn i arbeid" in preset.description


# -- samfunnsøkonom review 2 (issue 23): the effect depends on the follow-up ---------------------
def test_no_follow_up_is_refused_and_less_follow_up_gives_less_effect():
    from calculators.engine.evaluate import InputError, evaluate
    from calculators.models.familie import FOLLOW_YEARS

    field = next(i for i in MODEL.inputs if i.id == "oppfolgingsar")
    assert field.minimum == 1 and field.default == FOLLOW_YEARS == 3
    with pytest.raises(InputError):
        evaluate(MODEL, {"oppfolgingsar": 0})
    # A scenario where following pays: one year is worth less to the public budgets than three.
    paying = next(p for p in MODEL.presets if p.id == "optimistisk").values
    one, three = (evaluate(MODEL, {**paying, "oppfolgingsar": y}) for y in (1, 3))
    assert one["nnv_offentlig"] < three["nnv_offentlig"]
    # The savings (before the investment) are in proportion: one year gives a third.
    assert one["nv_besparelse"] == pytest.approx(three["nv_besparelse"] / 3)
    # More years than the standard cost more and give no more effect.
    five = evaluate(MODEL, {**paying, "oppfolgingsar": 5})
    assert five["nv_besparelse"] == pytest.approx(three["nv_besparelse"])
    assert five["nnv_offentlig"] < three["nnv_offentlig"]
    # The hand-computed line: half the years of the standard, half the saving.
    assert one_line(oppfolgingsar=1.5)["netto"]["kommune_barnevern"] == pytest.approx([25_000] * 3)
    help_text = " ".join(field.help.split())
    assert "forutsetter 3 års oppfølging" in help_text and "Minst 1 år" in help_text
    assert "min(1, år med oppfølging / 3)" in " ".join(field.source.note.split())
