"""Issue 23: numbers that never claim more than they know.

The headline is the simulation's median and never points the other way than the share of draws
in plus; the ranges follow the reader's values (a typed 0 draws 0); a scenario with nothing to
save has no draw in plus; defaults sit in the middle of their ranges or say why not."""

from __future__ import annotations

import json
import random
from types import SimpleNamespace

import pytest
from py_mini_racer import MiniRacer

from calculators.core import uncertainty
from calculators.core.uncertainty import moved_range
from calculators.engine import registry
from calculators.site import bundle

MODELS = [m for m in registry.model_ids() if registry.load(m).uncertainty is not None]


def defaults(model) -> dict:
    return {i.id: i.default for i in model.inputs}


def test_a_range_keeps_its_declared_ends_at_the_default():
    assert moved_range(25, 0, 50, 25, 0, 100, 0) == [0, 50]


def test_a_typed_zero_draws_zero():
    assert moved_range(250000, 125000, 500000, 0, 0, 10000000, 0) == [0, 0]


def test_a_range_moves_in_proportion_to_the_value_and_stops_at_the_bounds():
    assert moved_range(25, 0, 50, 50, 0, 100, 0) == [0, 100]
    assert moved_range(25, 0, 50, 80, 0, 100, 0) == [0, 100]  # 160 is cut at the maximum
    assert moved_range(30, 10, 50, 40, 0, 100, 0) == [13.33, 66.67]  # two decimals, as the form shows them


def test_a_range_around_a_default_of_zero_is_shifted():
    assert moved_range(0, 0, 10, 5, 0, 100, 0) == [5, 15]


def test_the_value_itself_is_never_replaced_by_the_range():
    low, high = moved_range(10, 5, 20, 3, 4, 100, 0)  # the bound 4 lies above the value 3
    assert low <= 3 <= high


def test_an_optimistic_correction_still_draws_from_a_range():
    # Drop-off typed as 0 (effects that never fade) still draws from 0–25, never 0–0: the
    # reader's optimism must not make the result look certain.
    assert moved_range(25, 0, 50, 0, 0, 100, 1) == [0, 25]


def test_a_cautious_correction_is_drawn_around_what_was_typed():
    # Deadweight typed as 70 % is drawn from 45–95 (the declared width moved), not pulled back
    # towards the data file's 0–50.
    assert moved_range(25, 0, 50, 70, 0, 100, 1) == [45, 95]


@pytest.mark.parametrize("model_id", MODELS)
def test_deadweight_optimism_and_drop_off_have_shifted_ranges(model_id):
    model = registry.load(model_id)
    fixed = {r.id for r in model.ranges if r.shifts}
    corrections = {"dodvekt", "optimisme", "avtakning"} & {r.id for r in model.ranges}
    assert corrections and corrections <= fixed


def test_typing_away_every_correction_keeps_a_wide_interval_below_the_typed_result():
    model = registry.load("familie")
    values = {**defaults(model), "avtakning": 0, "dodvekt": 0, "optimisme": 0}
    result = uncertainty.analyse(model, values)
    p10, median, p90 = result["intervals"]["nnv_offentlig"]
    typed = model.compute(SimpleNamespace(**values))["nnv_offentlig"]
    assert median < typed and p90 - p10 > 0.5 * abs(typed)


def test_typing_cautious_corrections_is_not_drawn_back_to_a_better_result():
    model = registry.load("familie")
    values = {**defaults(model), "avtakning": 60, "dodvekt": 60, "optimisme": 60}
    result = uncertainty.analyse(model, values)
    typed = model.compute(SimpleNamespace(**values))["nnv_offentlig"]
    p10, median, p90 = result["intervals"]["nnv_offentlig"]
    assert p10 < typed < p90


@pytest.mark.parametrize("model_id", MODELS)
def test_every_default_sits_in_the_middle_of_its_range_or_the_range_says_why(model_id):
    model = registry.load(model_id)
    inputs = {i.id: i for i in model.inputs}
    for r in model.ranges:
        middle = (r.low + r.high) / 2
        value = inputs[r.id].default
        skewed = abs(value - middle) > 0.15 * (r.high - r.low)
        assert not skewed or r.note, f"{model_id}.{r.id}: {value} i {r.low}–{r.high} uten range_note"


@pytest.mark.parametrize("model_id", MODELS)
def test_the_median_and_the_share_in_plus_never_point_opposite_ways(model_id):
    model = registry.load(model_id)
    rng = random.Random(23)
    scenarios = [defaults(model)]
    for _ in range(6):
        values = defaults(model)
        for r in model.ranges:
            values[r.id] = rng.uniform(r.low, r.high)
            if next(i for i in model.inputs if i.id == r.id).integer:
                values[r.id] = round(values[r.id])
        scenarios.append(values)
    for values in scenarios:
        result = uncertainty.analyse(model, values)
        for output in model.uncertainty.outputs:
            median = result["intervals"][output][1]
            share = result["shares"][output]
            assert not (median > 0.5 and share < 0.5), (output, median, share)
            assert not (median < -0.5 and share > 0.5), (output, median, share)


NOTHING_TO_SAVE = {
    "familie": {"barnevern": 0, "sosialhjelp": 0, "bolig": 0, "avlastning": 0, "psykisk_helse": 0,
                "spesialundervisning": 0, "nav_ytelser": 0, "arbeidsinntekt": 0},
    "utenforskap": {"sosialhjelp": 0, "aap_g": 0, "ufore_g": 0, "helse_kommune": 0, "bolig_kommune": 0,
                    "fylkeskommune": 0, "nav_tiltak": 0, "spesialisthelse": 0, "arbeidsinntekt": 0},
}


def test_every_model_with_ranges_has_a_nothing_to_save_case():
    assert set(NOTHING_TO_SAVE) == set(MODELS)


@pytest.mark.parametrize("model_id", MODELS)
def test_with_nothing_to_save_no_draw_is_in_plus_and_the_interval_is_losses_only(model_id):
    model = registry.load(model_id)
    result = uncertainty.analyse(model, {**defaults(model), **NOTHING_TO_SAVE[model_id]})
    payback = model.uncertainty.payback
    assert result["shares"][payback] == 0
    assert result["payback"] == 0
    assert result["intervals"][payback][2] < 0


@pytest.mark.parametrize("model_id", MODELS)
def test_the_browser_moves_the_ranges_exactly_as_python_does(model_id):
    model = registry.load(model_id)
    meta = bundle.metadata(model)
    rng = random.Random(7)
    with MiniRacer() as ctx:
        ctx.eval(bundle.javascript(model))
        ctx.eval(bundle.uncertainty_javascript())
        for _ in range(20):
            values = defaults(model)
            for i in model.inputs:
                if rng.random() < 0.5:
                    values[i.id] = rng.choice([0, i.minimum, i.maximum, rng.uniform(i.minimum, i.maximum)])
            moved = uncertainty.moved_spec(uncertainty.spec_for(model), values)
            js = json.loads(ctx.eval(
                f"JSON.stringify(vlUsikkerhetMotor.moved_ends({json.dumps(meta['uncertainty'])}, {json.dumps(values)}, {{}}))"))
            assert js["lows"] == pytest.approx(moved["lows"], rel=1e-12, abs=1e-9)
            assert js["highs"] == pytest.approx(moved["highs"], rel=1e-12, abs=1e-9)


@pytest.mark.parametrize("model_id", MODELS)
def test_the_card_shows_the_mean_r109_asks_for_beside_the_midtverdi(model_id):
    """Review of issue 23: R-109's expected value stands in the card, named for what it is, with
    the value Python's draws give (as rounded for the page)."""
    from calculators.site import render
    from calculators.view.view import TEXT, format_number, headline_cards

    model = registry.load(model_id)
    meta = bundle.metadata(model)
    analysis = uncertainty.analyse_defaults(model)
    html = render.html(headline_cards(meta, model.compute(SimpleNamespace(**defaults(model))),
                                      meta["interval"]["initial"]))
    unit = {o.id: o.unit for o in model.outputs}
    cards = [k for k in meta["interval"]["outputs"] if next(o for o in model.outputs if o.id == k).headline]
    assert cards
    for key in cards:
        mean = format_number(analysis["means"][key], unit[key])
        assert f'{TEXT["mean"]}{mean}</dd>' in html, key
    assert "forventningsverdien R-109 ber om" in TEXT["mean"]


def test_the_card_has_no_mean_while_the_draws_run():
    from calculators.site import render
    from calculators.view.view import headline_cards

    model = registry.load("familie")
    meta = bundle.metadata(model)
    pending = {"intervals": {}, "shares": {}, "means": {}, "payback": 0, "samples": 0, "no_effect": {}}
    html = render.html(headline_cards(meta, model.compute(SimpleNamespace(**defaults(model))), pending))
    assert "Gjennomsnitt" not in html


def test_saved_costs_are_called_gross_average_costs_beside_the_chart_and_on_the_method_page():
    """Review of issue 23: a service delivered by own staff saves budget only when the capacity
    is taken out or used for others — said as the meeting calculator says it for freed time."""
    from pathlib import Path

    from calculators.view.view import TEXT_MORE

    words = "Sparte kostnader er brutto gjennomsnittskostnad: budsjettet merker dem bare når kapasitet tas ut"
    assert words in TEXT_MORE["positive_saves"]
    method = Path("docs/okonomi/metode-familie.md").read_text(encoding="utf-8")
    assert "Sparte kostnader er brutto gjennomsnittskostnad" in method
    assert "frigjort kapasitet er ikke spart budsjett" in method


def test_the_block_and_the_method_page_say_what_independent_draws_do():
    from pathlib import Path

    from calculators.view.view_uncertainty import TEXT_U

    assert "trekkes uavhengig av hverandre" in TEXT_U["explain"] and "intervallet for smalt" in TEXT_U["explain"]
    method = Path("docs/okonomi/metode-familie.md").read_text(encoding="utf-8")
    assert "**intervallet blir for smalt**" in method
    # The break-even reduction is named as planned, before the optimism adjustment and deadweight.
    assert "*r\\** × (1 − *o*) × (1 − *d*)" in method
