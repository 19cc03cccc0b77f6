"""Investeringsmøtet: hours times the hourly cost, split between kommune and stat, per meeting and year.

The hourly cost itself is ``finance.hourly_cost`` (tested with finance); these references take the
model's ``timekostnad`` as given and check what the model does with it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from calculators.engine.evaluate import evaluate
from calculators.models.investeringsmote import MODEL, compute
from tests.calculators.scenarios import defaults, inputs_within_bounds

# Two from the kommune, one from NAV-stat and none from the helseforetak meet for 2 hours with 1 hour
# around it; the leader adds 3 hours. It replaces 2 separate meetings of 1 hour (+ 1 hour) with one
# from the kommune, one from NAV-stat and one from the helseforetak.
SMALL = {
    "deltakere_kommune": 2, "deltakere_stat": 1, "deltakere_helseforetak": 0, "motetimer": 2,
    "forberedelse": 1, "investeringsleder_timer": 3, "moter_per_ar": 10, "separate_moter": 2,
    "separate_kommune": 1, "separate_stat": 1, "separate_helseforetak": 1, "separate_timer": 1,
    "separate_forberedelse": 1, "horisont": 2, "kalkulasjonsrente": 4,
}


def small(**changes):
    v = defaults(MODEL, **{**SMALL, **changes})
    return compute(v)


def test_the_meeting_costs_its_hours_times_the_hourly_cost() -> None:
    result = small()
    # kommune 2 × 3 h + leader 3 h = 9 h; NAV-stat 1 × 3 h = 3 h
    assert result["kostnad_investeringsmote"] == pytest.approx(12 * result["timekostnad"])


def test_the_separate_meetings_cost_their_hours_times_the_hourly_cost() -> None:
    result = small()
    # 2 meetings × 2 h × 3 people = 12 h
    assert result["kostnad_separate"] == pytest.approx(12 * result["timekostnad"])


def test_saved_per_meeting_per_year_and_hours_follow_from_the_costs() -> None:
    result = small(separate_moter=3)  # 3 × 2 h × 3 people = 18 h against 12 h
    rate = result["timekostnad"]
    assert result["spart_per_mote"] == pytest.approx(6 * rate)
    assert result["spart_per_ar"] == pytest.approx(60 * rate)
    assert result["timer_spart_per_ar"] == pytest.approx(60)


def test_the_saving_is_split_by_employer_and_discounted_by_year() -> None:
    result = small()
    rate = result["timekostnad"]
    kommune_year = (4 - 9) * rate * 10   # separate 2 × 2 h × 1 person − 9 h, ten meetings
    nav_year = (4 - 3) * rate * 10
    health_year = (4 - 0) * rate * 10
    by_year = result["spart_budsjett_ar_for_ar"]
    assert by_year["kommune_annet"] == pytest.approx([kommune_year] * 2)
    assert by_year["stat_nav"] == pytest.approx([nav_year] * 2)
    assert by_year["stat_helseforetak"] == pytest.approx([health_year] * 2)
    assert result["spart_per_budsjett"]["kommune_annet"] == pytest.approx(kommune_year * (1 + 1 / 1.04))
    assert result["nv_spart"] == pytest.approx((kommune_year + nav_year + health_year) * (1 + 1 / 1.04))


def test_the_horizon_sets_the_number_of_years() -> None:
    result = small(horisont=5)
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
