"""Investeringsmøtet: hours times the hourly cost, split between kommune and stat, per meeting and year.

The hourly cost itself is ``hourly_cost(v)``; these references take it as given and check what
the model does with it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from calculators.evaluate import evaluate
from calculators.models.investeringsmote import MODEL, compute, hourly_cost
from tests.calculators.scenarios import defaults, inputs_within_bounds

# Two from the kommune and one from the state meet for 2 hours with 1 hour around it; the leader
# adds 3 hours. It replaces 2 separate meetings of 1 hour (+ 1 hour) with 1 from each side.
SMALL = {
    "deltakere_kommune": 2, "deltakere_stat": 1, "motetimer": 2, "forberedelse": 1,
    "investeringsleder_timer": 3, "moter_per_ar": 10, "separate_moter": 2, "separate_kommune": 1,
    "separate_stat": 1, "separate_timer": 1, "separate_forberedelse": 1, "horisont": 2,
    "kalkulasjonsrente": 4,
}


def small(**changes):
    v = defaults(MODEL, **{**SMALL, **changes})
    return v, compute(v)


def test_the_meeting_costs_its_hours_times_the_hourly_cost() -> None:
    v, result = small()
    rate = hourly_cost(v)
    # kommune 2 × 3 h + leader 3 h = 9 h; stat 1 × 3 h = 3 h
    assert result["timekostnad"] == pytest.approx(rate)
    assert result["kostnad_investeringsmote"] == pytest.approx(12 * rate)


def test_the_separate_meetings_cost_their_hours_times_the_hourly_cost() -> None:
    v, result = small()
    # 2 meetings × 2 h × (1 + 1) people = 8 h
    assert result["kostnad_separate"] == pytest.approx(8 * hourly_cost(v))


def test_saved_per_meeting_per_year_and_hours_follow_from_the_costs() -> None:
    v, result = small()
    rate = hourly_cost(v)
    assert result["spart_per_mote"] == pytest.approx(-4 * rate)
    assert result["spart_per_ar"] == pytest.approx(-40 * rate)
    assert result["timer_spart_per_ar"] == pytest.approx(-40)


def test_the_saving_is_split_between_kommune_and_stat_and_discounted_by_year() -> None:
    v, result = small()
    rate = hourly_cost(v)
    kommune_year = (4 - 9) * rate * 10   # separate 2 × 2 h × 1 person − 9 h, ten meetings
    stat_year = (4 - 3) * rate * 10
    assert result["spart_budsjett_ar_for_ar"]["kommune_annet"] == pytest.approx([kommune_year] * 2)
    assert result["spart_budsjett_ar_for_ar"]["stat_annet"] == pytest.approx([stat_year] * 2)
    assert result["spart_per_budsjett"]["kommune_annet"] == pytest.approx(kommune_year * (1 + 1 / 1.04))
    assert result["nv_spart"] == pytest.approx((kommune_year + stat_year) * (1 + 1 / 1.04))


def test_the_horizon_sets_the_number_of_years() -> None:
    _, result = small(horisont=5)
    assert len(result["spart_ar_for_ar"]) == 5


@settings(max_examples=60, deadline=None)
@given(v=inputs_within_bounds(MODEL))
def test_the_holders_add_up_to_the_total(v) -> None:
    result = compute(v)
    assert sum(result["spart_per_budsjett"].values()) == pytest.approx(result["nv_spart"], rel=1e-9, abs=1e-6)


def test_the_big_team_preset_costs_more_per_meeting_than_the_small_one() -> None:
    values = {p.id: p.values for p in MODEL.presets}
    small_cost = evaluate(MODEL, values["lite_team"])["kostnad_investeringsmote"]
    big_cost = evaluate(MODEL, values["stort_team"])["kostnad_investeringsmote"]
    assert big_cost > small_cost
