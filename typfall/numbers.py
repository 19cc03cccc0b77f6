"""A case's numbers: its scenario computed by the calculators, and read as the calculator's card reads it.

Nothing here is typed by hand: the yearly service cost, the investment, the median («midtverdi»),
the 8-of-10 range and the draws in plus all come from ``calculators.engine.evaluate`` and
``calculators.core.uncertainty`` (the same seed as the browser), worded by ``calculators.view.memo`` and
``calculators.view.view``. Which of a model's results a case shows is said once, in ``VIEWS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from calculators.core import uncertainty
from calculators.core.model import Model
from calculators.engine import evaluate, registry
from calculators.site import bundle
from calculators.site.render import format_number, format_output
from calculators.view import memo, view
from calculators.view.scenario_links import scenario_link
from typfall.cases import Case, CaseError


@dataclass(frozen=True)
class ModelView:
    """Which results of a model a case shows, and how its yearly service cost today is found."""

    page: str  # the calculator's page, docs-relative
    cost_today: str  # an output by year (and holder): its first year, summed
    cost_label: str
    investment: str
    investment_label: str
    holders: tuple[tuple[str, str], ...]  # (label, interval output) per budget level
    share: str  # the output whose draws in plus the side-by-side table shows
    table_note: str = ""  # said after the investment in the side-by-side table, when it is not like the others


VIEWS: dict[str, ModelView] = {
    "familie": ModelView(
        page="okonomi/familie.md", cost_today="uten", cost_label="Kostnad uten velferdslab, første år",
        investment="nv_investering", investment_label="Investeringen i nåverdi",
        holders=(("Kommunen", "nnv_kommune"), ("Offentlige budsjetter", "nnv_offentlig"),
                 ("Samfunnet", "nnv_samfunn")),
        share="nnv_offentlig"),
    "utenforskap": ModelView(
        page="okonomi/utenforskap.md", cost_today="arlig_offentlig",
        cost_label="Offentlige kostnader mens personen er utenfor, første år",
        investment="tiltak_kostnad_total", investment_label="Tiltakets samlede kostnad",
        holders=(("Kommunen", "nnv_tiltak_kommune"), ("Offentlige budsjetter", "nnv_tiltak_offentlig"),
                 ("Samfunnet", "nnv_tiltak_samfunn")),
        share="nnv_tiltak_offentlig",
        table_note="Uten velferdslabens egne kostnader – ikke sammenlignbar med familiene"),
}  # fmt: skip


@dataclass(frozen=True)
class Holder:
    label: str
    output: str
    card: tuple[str, ...]  # memo.card_lines: median, range, draws in plus, form's result, no effect
    median: float
    median_text: str
    share: float  # draws in plus, 0–1
    share_text: str


@dataclass(frozen=True)
class Reading:
    model: Model
    view: ModelView
    preset_label: str | None
    changed: tuple[tuple[str, str], ...]  # (input label, formatted value) of the case's own values
    cost_today: float
    cost_today_text: str
    investment: float
    investment_text: str
    holders: tuple[Holder, ...]
    samples: int

    def link(self, page_url: str, case: Case) -> str:
        return scenario_link(page_url, case.numbers.preset, case.numbers.values)

    @property
    def share_holder(self) -> Holder:
        return next(h for h in self.holders if h.output == self.view.share)


def _first_year(value: Any) -> float:
    if isinstance(value, Mapping):
        return float(sum(series[0] for series in value.values()))
    return float(value[0])


def read_numbers(case: Case) -> Reading:
    """The case's scenario computed; a model, preset or value that does not fit raises ``CaseError``."""
    numbers = case.numbers
    if numbers.model not in VIEWS:
        raise CaseError(f"{case.place('numbers.model')}: numbers.model: «{numbers.model}»; "
                        f"typfall kan bruke {', '.join(VIEWS)}")
    model = registry.load(numbers.model)
    presets = {p.id: p for p in model.presets}
    if numbers.preset is not None and numbers.preset not in presets:
        raise CaseError(f"{case.place('numbers.preset')}: numbers.preset: «{numbers.preset}» finnes ikke i "
                        f"{model.id}; finnes: {', '.join(presets)}")
    merged = {**(presets[numbers.preset].values if numbers.preset else {}), **numbers.values}
    try:
        inputs = evaluate.input_values(model, merged)
        results = evaluate.evaluate(model, merged)
    except (evaluate.InputError, evaluate.NotComputable, TypeError) as error:
        raise CaseError(f"{case.place('numbers.values')}: numbers.values: regner ikke: {error}") from None
    spec = VIEWS[model.id]
    meta = cast("view.Meta", bundle.metadata(model))  # bundle.metadata says ``dict``; it is a Meta
    analysis = uncertainty.analyse(model, dict(inputs))
    interval = cast("view.Interval", {**analysis, "no_effect": analysis["no_effect"] or {}})
    holders = tuple(
        Holder(label, key, tuple(memo.card_lines(meta, dict(results), interval, key)),
               interval["intervals"][key][1], view.central_value(meta, interval, key),
               interval["shares"][key], view.share_text(interval["shares"][key]))
        for label, key in spec.holders)
    outputs = {o.id: o for o in model.outputs}
    by_id = {i.id: i for i in model.inputs}
    changed = tuple((by_id[k].label, format_number(inputs[k], by_id[k].unit, exact=True)) for k in numbers.values)
    cost = _first_year(results[spec.cost_today])
    investment = float(cast(float, results[spec.investment]))
    return Reading(
        model=model, view=spec, preset_label=presets[numbers.preset].label if numbers.preset else None,
        changed=changed, cost_today=cost, cost_today_text=format_number(cost, "kr"),
        investment=investment, investment_text=format_output(investment, outputs[spec.investment]),
        holders=holders, samples=int(interval["samples"]),
    )
