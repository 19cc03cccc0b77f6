"""The uncertainty block: what it must show (Python), and the browser draws the same nodes."""

from __future__ import annotations

import html
import json
import re

import pytest
from py_mini_racer import MiniRacer

from calculators.core import uncertainty
from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.engine.translate import PRELUDE
from calculators.site import bundle, render
from calculators.view import view
from calculators.view.view import format_number, interval_card, summary
from calculators.view.view_uncertainty import uncertainty_block

MODELS = [m for m in registry.model_ids() if registry.load(m).uncertainty is not None]


@pytest.fixture(scope="module")
def v8():
    with MiniRacer() as ctx:
        for model_id in MODELS:
            ctx.eval(bundle.javascript(registry.load(model_id)))  # standalone: before the runtime
        ctx.eval(bundle.view_javascript())
        ctx.eval(bundle.uncertainty_javascript(after_runtime=True))  # the engine the runtime loads when needed
        ctx.eval(bundle.later_javascript(after_runtime=True))  # the block's view, loaded with the rest of the view
        ctx.eval(PRELUDE["$round"] + PRELUDE["$mod"] + PRELUDE["$fixed"] + PRELUDE["$decimals"])
        yield ctx


def analysis(model_id: str, **changes: float) -> tuple[dict, dict, dict]:
    model = registry.load(model_id)
    values = {**{i.id: i.default for i in model.inputs}, **changes}
    return bundle.metadata(model), evaluate(model, values), uncertainty.analyse(model, values)


def test_both_economic_calculators_declare_uncertainty():
    assert set(MODELS) == {"familie", "utenforskap"}


@pytest.mark.parametrize("model_id", MODELS)
def test_the_block_shows_median_interval_share_mean_form_value_and_no_effect(model_id: str):
    meta, point, result = analysis(model_id)
    text = re.sub(r"<[^>]+>", "", html.unescape(render.html(uncertainty_block(meta, point, result, {}))))
    spec = meta["uncertainty"]
    main = spec["outputs"][0]
    p10, p50, p90 = result["intervals"][main]
    unit = next(o["unit"] for o in meta["outputs"] if o["id"] == main)
    view_format = bundle.view.format_number
    assert f"Midtverdi (median): {view_format(p50, unit)}" in text
    assert f"Med tallene i skjemaet: {view_format(point[main], unit)}" in text
    assert f"Gjennomsnitt: {view_format(result['means'][main], unit)}" in text
    assert f"I pluss: {round(result['shares'][main] * 100)} av 100 trekninger" in text
    assert view_format(p10, unit, False, True) + " til " + view_format(p90, unit) in text
    assert view_format(result["no_effect"][main], unit) in text
    assert "Ingen varig effekt" in text and "500 trekninger" in text
    assert "sannsynlig" not in text.replace("hvor sannsynlig det er", "")
    assert "Hva betyr mest?" in text
    assert all(u["label"] in text for u in meta["unpriced"])


def test_marks_are_shown_beside_the_money():
    meta, point, result = analysis("familie")
    text = render.html(uncertainty_block(meta, point, result, {"skole": "pluss", "tillit": "minus"}))
    assert "Barnas skolegang og fullføring: <span class=\"vl-calc__mark vl-calc__mark--pluss\">+ positiv" in text
    assert "Tillit til tjenestene: <span class=\"vl-calc__mark vl-calc__mark--minus\">− negativ" in text
    assert "Barnas helse og trivsel: <span class=\"vl-calc__mark vl-calc__mark--ukjent\">ikke vurdert" in text


def test_while_the_draws_run_the_interval_says_so():
    meta, point, result = analysis("familie")
    pending = {**result, "intervals": {}, "samples": 0}
    text = render.html(uncertainty_block(meta, point, pending, {}))
    assert "regnes ut …" in text


@pytest.mark.parametrize("model_id", MODELS)
def test_the_page_has_the_block_for_the_defaults_and_the_ranges_in_a_closed_details(model_id: str):
    model = registry.load(model_id)
    page = render.render(model)
    # The first thing in the results: the main figure's card holds its interval, payback
    # probability and the «no lasting effect» scenario, before the other figures, the sentence
    # and the chart; the whole block (tornado, ranges) comes after them.
    summary = page.index('data-vl-out="summary"')
    card = page.index("data-vl-range-summary")
    assert summary < card < page.index("data-vl-value") < page.index("data-vl-sentence") \
        < page.index("vl-calc__figure") < page.index("data-vl-uncertainty") < page.index("vl-calc__details")
    assert page.index("data-vl-central") < page.index("data-vl-interval-text") < page.index("data-vl-share-text") \
        < page.index("data-vl-no-effect-text") < page.index("data-vl-sentence")
    # …with the figures Python computes for the defaults (the same seed as the browser's).
    meta, point, result = analysis(model_id)
    main, unit = meta["interval"]["output"], next(o["unit"] for o in meta["outputs"] if o["id"] == meta["interval"]["output"])
    p10, p50, p90 = result["intervals"][main]
    text = html.unescape(page[card:page.index("data-vl-sentence")])
    assert f'<dd data-vl-central="{main}">{format_number(p50, unit)}</dd>' in text
    assert f"8 av 10 trekninger mellom {format_number(p10, unit, False, True)} og {format_number(p90, unit)}" in text
    assert f"I pluss i {round(result['shares'][main] * 100)} av 100 trekninger med våre anslag" in text
    assert f"Med tallene i skjemaet: <span data-vl-value=\"{main}\">{format_number(point[main], unit)}" in text
    assert format_number(result["no_effect"][main], unit) in text
    assert "beregner" not in text and "sannsynlig" not in text
    assert '<details class="vl-calc__ranges">' in page  # collapsed by default
    for r in model.ranges:
        assert f'name="lav_{r.id}"' in page and f'name="hoy_{r.id}"' in page
    for u in model.unpriced:
        assert f'name="pm_{u.id}"' in page


@pytest.mark.parametrize("model_id", MODELS)
def test_the_main_card_says_beregner_until_the_figures_are_for_the_numbers_on_screen(model_id: str):
    meta, point, result = analysis(model_id, kalkulasjonsrente=2)
    main = meta["interval"]["output"]
    pending = {"intervals": {}, "shares": {}, "payback": 0, "samples": 0, "no_effect": {}}
    text = html.unescape(render.html([interval_card(meta, point, pending, main)]))
    # The median, the interval, the share in plus and the «no lasting effect» figure.
    assert text.count("beregner …") == 4 and "trekninger mellom" not in text
    # The «no lasting effect» figure comes first (one compute), the rest after the draws.
    half = {**pending, "no_effect": result["no_effect"]}
    text = html.unescape(render.html([interval_card(meta, point, half, main)]))
    assert text.count("beregner …") == 3
    unit = next(o["unit"] for o in meta["outputs"] if o["id"] == main)
    assert format_number(result["no_effect"][main], unit) in text
    # The result with the form's numbers is the point result, always current.
    assert f'<span data-vl-value="{main}">{format_number(point[main], unit)}</span>' in text


def test_a_model_without_ranges_has_no_interval_card():
    model = registry.load("investeringsmote")
    meta = bundle.metadata(model)
    assert meta["interval"]["output"] == ""
    nodes = summary(meta, evaluate(model), "", 560, 15, meta["interval"]["initial"])
    assert "data-vl-range-summary" not in render.html(nodes)


def test_investeringsmotet_has_plus_minus_but_no_interval():
    page = render.render(registry.load("investeringsmote"))
    assert "data-vl-interval" not in page and "Hva betyr mest?" not in page
    assert 'name="pm_en_historie"' in page
    # The marks are still shown beside the money, in the results panel before the details.
    assert page.index('data-vl-mark="en_historie"') < page.index("vl-calc__details")


@pytest.mark.parametrize("model_id", MODELS)
@pytest.mark.parametrize("changes", [{}, {"dodvekt": 40}, {"kalkulasjonsrente": 2}])
def test_javascript_draws_the_block_python_draws(v8, model_id: str, changes: dict):
    meta, point, result = analysis(model_id, **changes)
    marks = {u["id"]: "null" for u in meta["unpriced"][:1]}
    call = ", ".join(json.dumps(a) for a in (meta, point, result, marks))
    js = json.loads(v8.eval(f"JSON.stringify(globalThis.vlVisningMer.uncertainty_block({call}))"))
    assert js == uncertainty_block(meta, point, result, marks)


@pytest.mark.parametrize("model_id", MODELS)
def test_the_bundle_runs_the_same_analysis_as_python(v8, model_id: str):
    model = registry.load(model_id)
    values = {i.id: i.default for i in model.inputs}
    spec = uncertainty.spec_for(model)
    js = json.loads(v8.eval(
        f"(() => {{ const m = globalThis.vlKalkulatorer[{json.dumps(model_id)}];"
        f" const e = globalThis.vlUsikkerhetMotor, spec = {json.dumps(spec)}; let r = e.run_start(spec);"
        f" while (r.done < spec.samples) r = e.run_step(m.compute, {json.dumps(values)}, spec, r, 50);"
        f" return JSON.stringify(e.run_result(spec, r)); }})()"))
    py = uncertainty.simulate(model.compute, values, spec)
    assert js["samples"] == py["samples"] == spec["samples"]
    assert js["payback"] == py["payback"]
    for key, interval in py["intervals"].items():
        assert js["intervals"][key] == pytest.approx(interval, rel=1e-9, abs=1e-6)


def card_with(point: float, low: float, middle: float, high: float) -> tuple[dict, dict, dict]:
    meta = bundle.metadata(registry.load("familie"))
    key = meta["interval"]["output"]
    interval = {"intervals": {key: [low, middle, high]}, "shares": {key: 0.5}, "means": {key: middle}, "payback": 0.5,
                "samples": 500, "no_effect": {}}
    return meta, {key: point}, interval


@pytest.mark.parametrize(("point", "text"), [
    (300_000, view.TEXT["why_lower"]), (-250_000, view.TEXT["why_higher"]), (40_000, "")])
def test_the_card_says_why_when_midtverdi_and_the_form_figure_differ_markedly(point: float, text: str):
    # Interval −200 000 … 400 000 around a midtverdi of 0: a quarter of its width is 150 000.
    meta, out, interval = card_with(point, -200_000, 0, 400_000)
    key = meta["interval"]["output"]
    assert view.why_text(meta, out, interval, key) == text
    card = render.html([interval_card(meta, out, interval, key)])
    assert (f'data-vl-why="{key}"' in card) == (text != "")
    # Nothing to explain while the draws run.
    assert view.why_text(meta, out, {**interval, "samples": 0}, key) == ""


def test_the_card_and_its_why_are_the_same_in_both(v8):
    meta, out, interval = card_with(300_000, -200_000, 0, 400_000)
    key = meta["interval"]["output"]
    call = ", ".join(json.dumps(a) for a in (meta, out, interval, key))
    assert json.loads(v8.eval(f"JSON.stringify(globalThis.vlVisning.interval_card({call}))")) == interval_card(meta, out, interval, key)
