"""Discounting, payback and budget-holder helpers (calculators/core/finance.py)."""

import pytest

from calculators.core import finance
from calculators.core.model import BUDGET_HOLDERS


def test_year_zero_is_not_discounted():
    assert finance.discount_factors(1, [4, 3, 2]) == [1.0]


def test_four_percent_discounts_year_two_by_one_point_zero_four_squared():
    factors = finance.discount_factors(3, [4, 3, 2])
    assert factors == pytest.approx([1, 1 / 1.04, 1 / 1.04**2], rel=1e-12)


@pytest.mark.parametrize(
    ("year", "rate"),
    [(1, 4), (40, 4), (41, 3), (75, 3), (76, 2), (100, 2)],
)
def test_the_rate_from_one_year_to_the_next_steps_down_after_year_40_and_75(year, rate):
    factors = finance.discount_factors(101, finance.R109_RATES)
    assert factors[year - 1] / factors[year] == pytest.approx(1 + rate / 100, rel=1e-12)


def test_a_lower_rate_applies_only_to_the_years_after_the_step():
    factors = finance.discount_factors(81, finance.R109_RATES)
    assert factors[50] == pytest.approx(1 / (1.04**40 * 1.03**10), rel=1e-12)
    assert factors[80] == pytest.approx(1 / (1.04**40 * 1.03**35 * 1.02**5), rel=1e-12)


def test_stepped_rates_follow_r109_and_never_go_below_zero():
    assert finance.stepped_rates(4) == [4, 3, 2]
    assert finance.stepped_rates(1) == [1, 0, 0]


def test_a_zero_rate_gives_nominal_sums():
    values = [100.0, -50.0, 25.0] * 30
    factors = finance.discount_factors(len(values), finance.stepped_rates(0))
    assert finance.present_value(values, factors) == pytest.approx(sum(values))


def test_present_value_of_100_a_year_for_three_years_at_four_percent():
    # 100 + 100 / 1.04 + 100 / 1.04² = 100 + 96.153846 + 92.455621 = 288.609467
    factors = finance.discount_factors(3, [4, 3, 2])
    assert finance.present_value([100, 100, 100], factors) == pytest.approx(288.609467, abs=1e-6)


def test_cumulative_gives_running_sums():
    assert finance.cumulative([1, 2, 3]) == [1, 3, 6]


@pytest.mark.parametrize(
    ("running", "year"),
    [
        ([-10, -1, 5, 9], 2),
        ([0, 1], 0),
        ([-3, -2, -1], -1),
        ([-1, 2, -1], -1),
        ([5, -1, 2], 2),
        ([], -1),
    ],
)
def test_payback_year_is_the_first_year_the_running_sum_stays_at_or_above_zero(running, year):
    assert finance.payback_year(running) == year


def test_by_holder_names_rows_in_the_order_of_budget_holders():
    named = finance.by_holder(list(range(finance.HOLDER_COUNT)))
    assert list(named) == [holder.id for holder in BUDGET_HOLDERS]
    assert list(named.values()) == list(range(len(BUDGET_HOLDERS)))


def test_holder_levels_and_society_index_match_the_budget_holders():
    levels = ("kommune", "fylkeskommune", "stat", "samfunnet")
    assert [levels[level] for level in finance.HOLDER_LEVEL] == [h.level for h in BUDGET_HOLDERS]
    assert BUDGET_HOLDERS[finance.SOCIETY_INDEX].id == "samfunnet"
    assert BUDGET_HOLDERS[finance.OWN_KOMMUNE_HOLDERS].id == "andre_kommuner"
    assert all(h.id.startswith("kommune_") for h in BUDGET_HOLDERS[:finance.OWN_KOMMUNE_HOLDERS])


def test_hourly_cost_counts_holiday_pay_once():
    # TBU's convention: the yearly salary already includes holiday pay. 650 000 kr with 15 %
    # pension = 747 500; with 14.1 % arbeidsgiveravgift on all of it = 852 897.50; over 1 700
    # hours actually worked = 501.70 kr per hour. (Adding 12 % holiday pay on top, as before,
    # gave 941 895.50 / 1 700 = 554.06 kr, 10.4 % too high.)
    assert finance.hourly_cost(650_000, 15, 14.1, 1700) == pytest.approx(501.704412, abs=1e-6)


def test_rows_by_holder_sums_flows_of_the_same_holder():
    rows = finance.rows_by_holder([[1, 2], [10, 20], [100, 200]], [0, 5, 0], 2)
    assert rows[0] == [101, 202]
    assert rows[5] == [10, 20]
    assert rows[1] == [0, 0]
