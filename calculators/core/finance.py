"""Shared economics for the cost models: discounting, present value, payback, budget holders.

Everything here is written in the translatable subset of Python (see ``calculators/core/model.py``):
the models call these functions from ``compute`` and list them in ``Model.helpers``, so the
build translates them to JavaScript together with the model.

Conventions (Finansdepartementet, rundskriv R-109/2021, and DFØ's *Veileder i
samfunnsøkonomiske analyser*):

- Amounts are real (fixed prices of one price year); year 0 is the first year of the analysis
  and is not discounted.
- The discount rate steps down with time: 4 % for years 0–40, 3 % for years 40–75 and 2 % after
  year 75. A lower rate applies only to the years *after* the step, never back to year 0: the
  factor for year 50 is ``1 / (1.04**40 * 1.03**10)``, not ``1 / 1.03**50``. So the year-to-year
  rate is 4 % up to and including the step from year 39 to 40, 3 % from year 40 to 41 up to
  75, and 2 % from year 75 to 76 on.
- The tax financing cost (skattefinansieringskostnad) is 20 øre per krone of net change in
  public spending; it enters the society view only.
"""

R109_RATES = [4.0, 3.0, 2.0]
"""Real discount rates in per cent for years 0–40, 40–75 and after 75 (R-109/2021)."""

R109_STEP_YEARS = [40, 75]
"""The years after which the next, lower rate applies."""

TAX_FINANCING_COST = 20.0
"""Skattefinansieringskostnad, per cent of net public spending (R-109/2021)."""

PAYBACK_TOLERANCE = 0.005
"""Half an øre: a cumulative sum this close to zero counts as paid back (rounding noise)."""

HOLDER_COUNT = 13
SOCIETY_INDEX = 12
"""Index of ``samfunnet`` in ``BUDGET_HOLDERS``; indices below it are public budgets."""

OWN_KOMMUNE_HOLDERS = 6
"""Indices below this are the kommune's own budgets; index 6 is ``andre_kommuner`` (the part
of a change in the kommune's tax that the inntektsutjevning moves onto all kommuner)."""

HOLDER_LEVEL = [0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 3]
"""Level of each holder, in ``BUDGET_HOLDERS`` order: 0 kommune, 1 fylkeskommune, 2 stat,
3 samfunnet. Checked against ``BudgetHolder.level`` by a test."""


def period_rate(t, rates):
    """The rate (per cent) that discounts year ``t`` relative to year ``t - 1``."""
    if t <= R109_STEP_YEARS[0]:
        return rates[0]
    elif t <= R109_STEP_YEARS[1]:
        return rates[1]
    return rates[2]


def stepped_rates(rate):
    """R-109's three steps anchored on the first: 4 gives [4, 3, 2]; never below zero.

    Lets a user test another rate (sensitivity) while keeping the stepping; 0 gives nominal sums.
    """
    return [rate, max(rate - 1, 0), max(rate - 2, 0)]


def discount_factors(years, rates):
    """Discount factors for years ``0 … years - 1`` with stepped ``rates`` (per cent)."""
    factors = []
    factor = 1.0
    for t in range(years):
        if t > 0:
            factor = factor / (1 + period_rate(t, rates) / 100)
        factors.append(factor)
    return factors


def present_value(values, factors):
    """Sum of ``values`` weighted by discount ``factors`` (same length)."""
    total = 0.0
    for t in range(len(values)):
        total += values[t] * factors[t]
    return total


def discounted(values, factors):
    """Each year's value multiplied by its discount factor."""
    return [values[t] * factors[t] for t in range(len(values))]


def cumulative(values):
    """Running sums: year ``t`` holds ``values[0] + … + values[t]``."""
    sums = []
    total = 0.0
    for value in values:
        total += value
        sums.append(total)
    return sums


def payback_year(cumulative_values):
    """First year from which the cumulative net stays at or above zero; -1 if it never does.

    "Stays" matters: a model with effects that fade can pass zero and fall below it again; it
    has then not paid back within the horizon.
    """
    year = -1
    for t in range(len(cumulative_values)):
        if cumulative_values[t] >= -PAYBACK_TOLERANCE:
            if year < 0:
                year = t
        else:
            year = -1
    return year


def hourly_cost(salary, pension, employer_tax, hours):
    """Timekostnad: what one hour actually worked costs the employer (kr per hour).

    The convention of Det tekniske beregningsutvalget (TBU, NOU 2020: 8, vedlegg 7): the
    yearly salary, which already includes holiday pay (feriepenger replace the salary in the
    holiday weeks), plus the employer's pension cost, plus arbeidsgiveravgift on both, divided
    by the hours actually worked in a year (after holidays and public holidays). Adding holiday
    pay on top of the full salary *and* dividing by hours net of holidays counts the holiday twice.
    ``pension`` and ``employer_tax`` are per cent.
    """
    return salary * (1 + pension / 100) * (1 + employer_tax / 100) / hours


def add_lists(a, b):
    """Element-wise sum of two lists of the same length."""
    return [a[t] + b[t] for t in range(len(a))]


def scale_list(values, factor):
    """Every element multiplied by ``factor``."""
    return [value * factor for value in values]


def zeros(years):
    """A list of ``years`` zeros."""
    return [0.0 for t in range(years)]


def sum_rows(rows, years):
    """Element-wise sum of a list of year lists (an empty list gives zeros)."""
    total = zeros(years)
    for row in rows:
        total = add_lists(total, row)
    return total


def rows_by_holder(flows, flow_holder, years):
    """One row per budget holder: the sum of the ``flows`` whose ``flow_holder`` index is it."""
    rows = []
    for h in range(HOLDER_COUNT):
        mine = []
        for i in range(len(flows)):
            if flow_holder[i] == h:
                mine.append(flows[i])
        rows.append(sum_rows(mine, years))
    return rows


def by_holder(rows):
    """Name a list of 13 rows (one per budget holder, in ``BUDGET_HOLDERS`` order) by holder id.

    The single place where the order of ``calculators.core.model.BUDGET_HOLDERS`` is spelled out for
    ``compute``; a test checks the two agree.
    """
    return {
        "kommune_barnevern": rows[0],
        "kommune_nav": rows[1],
        "kommune_helse": rows[2],
        "kommune_skole": rows[3],
        "kommune_bolig": rows[4],
        "kommune_annet": rows[5],
        "andre_kommuner": rows[6],
        "fylkeskommune": rows[7],
        "stat_nav": rows[8],
        "stat_helseforetak": rows[9],
        "stat_husbanken": rows[10],
        "stat_annet": rows[11],
        "samfunnet": rows[12],
    }


FINANCE_HELPERS = (
    period_rate,
    stepped_rates,
    discount_factors,
    present_value,
    discounted,
    cumulative,
    payback_year,
    hourly_cost,
    add_lists,
    scale_list,
    zeros,
    sum_rows,
    rows_by_holder,
    by_holder,
)
"""Every function above, for a model's ``helpers``."""
