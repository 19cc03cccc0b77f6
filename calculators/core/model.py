"""Declarations of a cost model: its inputs, outputs, sources and budget holders.

These are data, not behaviour. A model's inputs and presets are declared in
``calculators/data/<id>.yaml`` (read by ``calculators.core.data_files``, checked by
``calculators.core.declarations``); its module (``calculators/models/<id>.py``) adds the outputs and
a ``compute`` function in the translatable subset of Python (see ``calculators/README.md``).
Everything the page shows about an input — label, help, unit, bounds, source and whether the
default is sourced or illustrative — comes from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["kilde", "illustrasjon"]
"""`kilde`: taken from a published source. `illustrasjon`: a labelled example, not a fact."""

Unit = Literal["kr", "kr/time", "kr/år", "kr/møte", "timer", "%", "år", "antall", "G", "faktor"]
"""Units a value may have. A `%` value is given to `compute` as displayed (50 means 50 %)."""

OutputKind = Literal["number", "years", "by_holder", "years_by_holder", "year"]
"""Shape of an output value:

- ``number``: one number (kr, antall …);
- ``years``: a list with one number per year, index 0 = year 0 (the first year);
- ``by_holder``: a dict budget-holder id → number;
- ``years_by_holder``: a dict budget-holder id → list with one number per year;
- ``year``: a year number, or -1 meaning "never" (e.g. payback year).
"""


@dataclass(frozen=True)
class BudgetHolder:
    """Who pays or saves. ``level`` groups holders into kommune, fylkeskommune, stat, samfunnet."""

    id: str
    label: str
    level: Literal["kommune", "fylkeskommune", "stat", "samfunnet"]


BUDGET_HOLDERS: tuple[BudgetHolder, ...] = (
    BudgetHolder("kommune_barnevern", "Kommunen: barnevern", "kommune"),
    BudgetHolder("kommune_nav", "Kommunen: Nav-kommunal og sosialhjelp", "kommune"),
    BudgetHolder("kommune_helse", "Kommunen: helse og omsorg", "kommune"),
    BudgetHolder("kommune_skole", "Kommunen: skole og barnehage", "kommune"),
    BudgetHolder("kommune_bolig", "Kommunen: bolig", "kommune"),
    BudgetHolder("kommune_annet", "Kommunen: andre tjenester og felles", "kommune"),
    BudgetHolder("andre_kommuner", "Andre kommuner: inntektsutjevningen", "kommune"),
    BudgetHolder("fylkeskommune", "Fylkeskommunen", "fylkeskommune"),
    BudgetHolder("stat_nav", "Staten: Nav-statlig (trygd og tiltak)", "stat"),
    BudgetHolder("stat_helseforetak", "Staten: helseforetak (spesialisthelsetjenesten)", "stat"),
    BudgetHolder("stat_husbanken", "Staten: Husbanken", "stat"),
    BudgetHolder("stat_annet", "Staten: andre statlige utgifter og skatteinntekter", "stat"),
    BudgetHolder("samfunnet", "Samfunnet (utover offentlige budsjetter)", "samfunnet"),
)
BUDGET_HOLDER_IDS = frozenset(h.id for h in BUDGET_HOLDERS)
LEVELS = ("kommune", "fylkeskommune", "stat", "samfunnet")
LEVEL_LABELS = {
    "kommune": "Kommunen",
    "fylkeskommune": "Fylkeskommunen",
    "stat": "Staten",
    "samfunnet": "Samfunnet",
}


@dataclass(frozen=True)
class Source:
    """Where a number comes from. Every default value carries one."""

    title: str
    publisher: str
    year: int
    status: Status
    url: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Input:
    """One field in the calculator. ``default`` must lie within ``[minimum, maximum]``."""

    id: str
    label: str
    unit: Unit
    default: float
    minimum: float
    maximum: float
    source: Source
    help: str = ""
    step: float | None = None
    integer: bool = False
    group: str = ""
    """Heading the field is shown under (fieldset legend); empty = the model's main group."""
    price_year: int | None = None
    """Year of the prices the figure was given in (kroner only)."""
    original: float | None = None
    """The figure as given in ``price_year`` prices, when ``default`` was converted from it."""
    budget_holder: str | None = None
    """Who pays or saves this amount, for cash-flow inputs (an id in ``BUDGET_HOLDERS``)."""
    transfer: bool = False
    """A transfer (sosialhjelp, trygd): a saving for a budget, not for society."""


@dataclass(frozen=True)
class Output:
    """One result. ``budget_holder`` tags a cash-flow output that belongs to a single holder."""

    id: str
    label: str
    unit: Unit
    kind: OutputKind = "number"
    budget_holder: str | None = None
    help: str = ""
    headline: bool = False
    """Shown in the summary at the top of the results (and announced to screen readers)."""


@dataclass(frozen=True)
class Preset:
    """A named scenario: only the values that differ from the defaults."""

    id: str
    label: str
    description: str
    values: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Range:
    """A genuinely uncertain input's low and high value beside its likely value (the default).

    The uncertainty analysis (``calculators/core/uncertainty.py``) draws from a triangular
    distribution over [low, high] peaked at the input's current value."""

    id: str
    low: float
    high: float
    note: str = ""
    """Why low and high are what they are (``range_note``): a source or a reason."""
    shifts: bool = False
    """``range_shifts``: the range keeps its width and moves with a typed value (shifted) instead
    of scaling with it. For corrections and timing (deadweight, optimism, drop-off, when effects
    start): typing an optimistic correction must not make the result look certain."""


@dataclass(frozen=True)
class Uncertainty:
    """Which results get an interval, which one decides payback, and how many draws."""

    outputs: tuple[str, ...]
    """Output ids (kind ``number``) shown with a P10–P90 interval; the first is the main one."""
    payback: str
    """The output whose share of draws at or above zero is the probability of paying back."""
    no_effect: str | None = None
    """A preset id whose values show what «no lasting effect» gives, beside the likely value."""
    samples: int = 500
    seed: int = 20261125


@dataclass(frozen=True)
class Unpriced:
    """An effect the model does not price (DFØ's plus-minus method): the user marks + / 0 / −."""

    id: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Model:
    """A cost model: declarations plus one ``compute(v)`` function in the translatable subset.

    ``compute`` receives ``v`` with one attribute per input id (``v.deltakere``) and returns a
    dict literal whose keys are exactly the output ids.
    """

    id: str
    title: str
    description: str
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    compute: Callable[..., dict]
    presets: tuple[Preset, ...] = ()
    price_year: int | None = None
    """Price year of all kroner amounts (real prices, R-109)."""
    helpers: tuple[Callable[..., object], ...] = ()
    """Other functions ``compute`` calls; they are translated too (same subset)."""
    ranges: tuple[Range, ...] = ()
    """Low/high values of the uncertain inputs, in the data file's order."""
    uncertainty: Uncertainty | None = None
    unpriced: tuple[Unpriced, ...] = ()
    """Effects without a price, for the plus-minus list."""
    key_inputs: tuple[str, ...] = ()
    """4–8 input ids a trainer adjusts in presentation mode (``key_inputs`` in the data file)."""
    sentence: Callable[..., str] | None = None
    """``sentence(out)`` → the result read in one or two plain sentences (translated too)."""
