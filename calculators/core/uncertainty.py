"""Uncertainty: a seeded Monte Carlo over the ranges a model declares, and a tornado.

Each model's data file gives a ``low`` and a ``high`` beside the likely value of the inputs that
are genuinely uncertain (effects, deadweight, optimism, drop-off, success rate, years outside …).
The calculator then shows, for the headline outputs, the likely value (the point result) and the
10th–90th percentile interval of a Monte Carlo run over those ranges, the probability that the
investment pays back, and a tornado: each range alone at its low and high end, the others at
their likely value.

Method (DFØ's *Veileder i samfunnsøkonomiske analyser*, kap. 3.6, describes sensitivity analysis
and simulation; the three-point low–likely–high estimate is the usual input to both):

- Every uncertain input follows a **triangular distribution** over [low, high] with its peak at
  the value in the form.
- **The range follows the reader** (``moved_range``): the data file's low and high belong to the
  default. When the reader types another value, the range keeps the same spread *in proportion to
  the value* (low × value / default, high × value / default), cut at the input's min and max. So a
  typed 0 draws 0, and a doubled cost has a doubled spread. A default of 0 shifts the range by the
  difference instead. Corrections and timing (``range_shifts``: deadweight, optimism, drop-off,
  when effects start) keep the range's width and move it with the typed value (shifted, not
  scaled): typing an optimistic correction must not make the result look certain, and a
  cautious one is drawn around what was typed. A low or high the reader types in
  the form replaces the moved end.
- The random numbers come from the **Park–Miller «minimal standard» generator** (Lehmer, modulus
  2³¹ − 1, multiplier 48 271). Every product stays below 2⁴⁷, so JavaScript's doubles compute it
  exactly: the same seed gives the same samples, bit for bit, in Python and in the browser.
- A sample draws one number per uncertain input, in the order the data file lists them, and maps
  it through the triangular distribution's inverse (``sqrt`` is correctly rounded in both languages).
- Percentiles interpolate linearly between the sorted samples (NumPy's default, «type 7»).

The functions up to ``tornado_order`` are in the translatable subset, annotated with their types
(the translator checks every operation against them): the build translates them
once into the shared uncertainty file (``bundle.uncertainty_asset``), which the page loads on the
reader's first interaction with a calculator. So is the driver (``run_start``, ``run_step``,
``run_result``, ``run_tornado``, ``moved_ends``): the loop that builds each sample's inputs and
calls ``compute`` is written once, here; ``simulate`` and ``tornado`` call it with Python's
compute, the browser with the translated one (usikkerhet.js), and the parity tests compare.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from math import sqrt
from types import SimpleNamespace
from typing import TypedDict

PRNG_MODULUS = 2147483647
"""2³¹ − 1, a prime (Park and Miller, 1988)."""
PRNG_MULTIPLIER = 48271
"""The multiplier Park, Miller and Stockmeyer recommended in 1993 (C++'s ``minstd_rand``)."""
PERCENTILES = [10, 50, 90]
PAYBACK_TOLERANCE = 0.005
"""Half an øre, as in ``finance.payback_year``."""


def seed_state(seed: float) -> int:
    """A generator state in 1 … 2³¹ − 2 from any whole-number seed."""
    state = int(seed) % PRNG_MODULUS
    return state if state > 0 else 1


def next_state(state: int) -> int:
    """One step of the Lehmer generator: state × 48 271 mod (2³¹ − 1)."""
    return state * PRNG_MULTIPLIER % PRNG_MODULUS


def triangular(u: float, low: float, mode: float, high: float) -> float:
    """The value at cumulative probability ``u`` (0–1) of a triangular distribution."""
    if high <= low:
        return mode
    width = high - low
    split = (mode - low) / width
    if u < split:
        return low + sqrt(u * width * (mode - low))
    return high - sqrt((1 - u) * width * (high - mode))


def moved_range(default: float, low: float, high: float, value: float, least: float,
                most: float, shifted: int) -> list[float]:
    """``[low, high]`` for ``value`` from the range declared around ``default``: the same spread
    in proportion to the value (a typed 0 gives ``[0, 0]``), or shifted when the default is 0;
    cut at the input's bounds ``least`` and ``most``. A ``shifted`` range (1: corrections and
    timing) keeps its width and moves with the value instead: a typed 0 for drop-off still
    draws from a range, and a typed 60 % deadweight is drawn around 60, not back towards the
    declared range. The value is never replaced."""
    if value == default:
        return [low, high]
    moved_low = low * value / default if default != 0 and shifted == 0 else low + value - default
    moved_high = high * value / default if default != 0 and shifted == 0 else high + value - default
    # Two decimals: the ends are shown in the form and carried in the link.
    low_end = max(least, round(min(moved_low, moved_high) * 100) / 100)
    high_end = min(most, round(max(moved_low, moved_high) * 100) / 100)
    return [min(low_end, value), max(high_end, value)]


def sample_row(state: int, lows: list[float], modes: list[float], highs: list[float],
               integers: list[int]) -> list[float]:
    """One sample: ``[next state, value of input 1, value of input 2, …]``."""
    row: list[float] = [0]
    for i in range(len(lows)):
        state = next_state(state)
        low = min(lows[i], modes[i])
        high = max(highs[i], modes[i])
        value = triangular(state / PRNG_MODULUS, low, modes[i], high)
        if integers[i] == 1:
            value = round(value)
        row.append(value)
    return _with_state(state, row)


def _with_state(state: int, row: list[float]) -> list[float]:
    """``row`` with its first element replaced by ``state``."""
    return [state if i == 0 else row[i] for i in range(len(row))]


def percentile(ordered: list[float], p: float) -> float:
    """The ``p``-th percentile (0–100) of an ascending list, interpolated linearly."""
    position = (len(ordered) - 1) * p / 100
    below = int(position)
    if below >= len(ordered) - 1:
        return ordered[len(ordered) - 1]
    return ordered[below] + (position - below) * (ordered[below + 1] - ordered[below])


def summarize(values: list[float]) -> list[float]:
    """``[P10, P50, P90]`` of a list of sample results."""
    ordered = sorted(values)
    return [percentile(ordered, p) for p in PERCENTILES]


def share_paying_back(values: list[float]) -> float:
    """Share (0–1) of the samples at or above zero (in plus, or paid back within the horizon)."""
    if len(values) == 0:
        return 0.0
    paying = [1 for x in values if x >= -PAYBACK_TOLERANCE]
    return len(paying) / len(values)


def mean(values: list[float]) -> float:
    """The average of the samples (R-109's expected value, over our ranges)."""
    if len(values) == 0:
        return 0.0
    return sum(values) / len(values)


def tornado_order(at_low: list[float], at_high: list[float]) -> list[int]:
    """Indices of the inputs, largest swing |high − low| first (ties: data-file order)."""
    count = len(at_low)
    taken = [False for i in range(count)]
    order = []
    for _k in range(count):
        best = -1
        for i in range(count):
            if not taken[i]:
                if best < 0 or abs(at_high[i] - at_low[i]) > abs(at_high[best] - at_low[best]):
                    best = i
        order.append(best)
        taken = [taken[i] or i == best for i in range(count)]
    return order


# ---- the driver: one loop for Python and the browser (translated like the engine) ----------

class DriverSpec(TypedDict):
    """What the driver reads of ``spec_for``'s spec (the browser's is the model's metadata)."""
    inputs: list[str]
    ids: list[str]
    lows: list[float]
    highs: list[float]
    defaults: list[float]
    mins: list[float]
    maxs: list[float]
    shifts: list[int]
    integers: list[int]
    outputs: list[str]
    payback: str
    samples: int
    seed: int


class Run(TypedDict):
    """A Monte Carlo under way: the generator's state, samples done, outputs kept (per output)."""
    state: int
    done: int
    collected: list[list[float]]


class Ends(TypedDict):
    lows: list[float]
    highs: list[float]


class Bar(TypedDict):
    id: str
    low: float
    high: float
    at_low: float
    at_high: float


Compute = Callable[[dict[str, float]], dict[str, float]]
"""A model's compute over a dict of inputs (the browser's translated compute is one; in Python
``by_name`` wraps ``model.compute``)."""


def moved_ends(spec: DriverSpec, values: dict[str, float], own: dict[str, list[float]]) -> Ends:
    """Each declared range moved to the reader's value (``moved_range``), except the ends the
    reader set (``own``: input id → [low, high])."""
    ids = spec["ids"]
    ends = [own[ids[j]] if ids[j] in own else
            moved_range(spec["defaults"][j], spec["lows"][j], spec["highs"][j], values[ids[j]],
                        spec["mins"][j], spec["maxs"][j], spec["shifts"][j])
            for j in range(len(ids))]
    return {"lows": [e[0] for e in ends], "highs": [e[1] for e in ends]}


def run_start(spec: DriverSpec) -> Run:
    """A run before its first sample."""
    return {"state": seed_state(spec["seed"]), "done": 0, "collected": [[] for _o in spec["outputs"]]}


def slot(ids: list[str], key: str) -> int:
    """The position of ``key`` in ``ids``, or −1."""
    for j in range(len(ids)):
        if ids[j] == key:
            return j
    return -1


def run_step(compute: Compute, values: dict[str, float], spec: DriverSpec, run: Run, count: int) -> Run:
    """Up to ``count`` more samples (the page spreads them over short tasks; the build takes
    them all at once). A sample draws the uncertain inputs (``sample_row``), keeps the other
    values, runs ``compute`` and keeps its outputs only if all are finite (x − x is 0 for a
    finite x and NaN for ±∞ and NaN: a sample that divides by zero is left out, not counted)."""
    names = spec["inputs"]
    modes = [values[i] for i in spec["ids"]]
    slots = [slot(spec["ids"], k) for k in names]
    state = run["state"]
    done = run["done"]
    collected = run["collected"]
    end = min(spec["samples"], done + count)
    while done < end:
        row = sample_row(state, spec["lows"], modes, spec["highs"], spec["integers"])
        state = int(row[0])
        sample = {names[i]: values[names[i]] if slots[i] < 0 else row[slots[i] + 1] for i in range(len(names))}
        result = compute(sample)
        picked = [result[o] for o in spec["outputs"]]
        if len([x for x in picked if x - x != 0]) == 0:
            for k in range(len(picked)):
                collected[k].append(picked[k])
        done += 1
    return {"state": state, "done": done, "collected": collected}


def run_result(spec: DriverSpec, run: Run) -> dict:
    """``{"intervals": {output: [P10, P50, P90]} (outputs with at least one sample),
    "shares": {output: share at or above 0}, "means": {output: average}, "payback": share,
    "samples": kept}``."""
    outputs = spec["outputs"]
    collected = run["collected"]
    count = len(outputs)
    payback = [collected[k] for k in range(count) if outputs[k] == spec["payback"]][0]
    return {
        "intervals": {outputs[k]: summarize(collected[k]) for k in range(count) if len(collected[k]) > 0},
        "shares": {outputs[k]: share_paying_back(collected[k]) for k in range(count)},
        "means": {outputs[k]: mean(collected[k]) for k in range(count)},
        "payback": share_paying_back(payback),
        "samples": len(payback),
    }


def effective_range(spec: DriverSpec, values: dict[str, float], j: int) -> list[float]:
    """``[low, high]`` of input ``j`` widened, if needed, to include its current value."""
    value = values[spec["ids"][j]]
    return [min(spec["lows"][j], value), max(spec["highs"][j], value)]


def with_value(spec: DriverSpec, values: dict[str, float], key: str, value: float) -> dict[str, float]:
    """``values`` with input ``key`` set to ``value``."""
    return {k: value if k == key else values[k] for k in spec["inputs"]}


def run_tornado(compute: Compute, values: dict[str, float], spec: DriverSpec) -> list[Bar]:
    """Each range alone at its low and its high end (the others at their current value): the
    payback output at both ends, largest swing first."""
    ids = spec["ids"]
    ends = [effective_range(spec, values, j) for j in range(len(ids))]
    at_low = [compute(with_value(spec, values, ids[j], ends[j][0]))[spec["payback"]] for j in range(len(ids))]
    at_high = [compute(with_value(spec, values, ids[j], ends[j][1]))[spec["payback"]] for j in range(len(ids))]
    return [{"id": ids[i], "low": ends[i][0], "high": ends[i][1], "at_low": at_low[i], "at_high": at_high[i]}
            for i in tornado_order(at_low, at_high)]


ENGINE = (seed_state, next_state, triangular, moved_range, sample_row, _with_state, percentile,
          summarize, share_paying_back, mean, tornado_order, moved_ends, run_start, run_step,
          run_result, run_tornado)
"""Translated into the shared uncertainty file (``bundle.uncertainty_javascript``); the last
five are the driver the browser calls (``globalThis.vlUsikkerhetMotor``)."""


# ---- Python's entry points: the same driver, with Python's compute ---------------------------

def by_name(compute, outputs):
    """``model.compute`` (inputs as attributes) as a ``Compute`` over a dict. Python raises
    where JavaScript gives ±∞ or NaN: a failed run gives NaN, which the driver leaves out."""
    def run(sample):
        try:
            return compute(SimpleNamespace(**sample))
        except (ZeroDivisionError, OverflowError, ValueError):
            return {o: math.nan for o in outputs}
    return run


def _complete(spec, values):
    """``spec`` with ``inputs`` (every input id; by default the keys of ``values``)."""
    return spec if "inputs" in spec else {**spec, "inputs": list(values)}


def moved_spec(spec, values):
    """``spec`` with each declared range moved to the reader's value (``moved_ends``), except
    the ends the reader set (``spec["own"]``: input id → (low, high))."""
    own = {k: list(v) for k, v in (spec.get("own") or {}).items()}
    return {**spec, **moved_ends(spec, values, own), "own": {}}


def simulate(compute, values, spec):
    """Monte Carlo over ``spec`` (``ids``, ``lows``, ``highs``, ``integers``, ``outputs``,
    ``payback``, ``samples``, ``seed``) around ``values`` (input id → value): ``run_result``
    of all samples. The ranges are ``spec``'s as given: ``analyse`` moves them to the values first.
    """
    spec = _complete(spec, values)
    run = run_step(by_name(compute, spec["outputs"]), values, spec, run_start(spec), int(spec["samples"]))
    return run_result(spec, run)


def tornado(compute, values, spec):
    """``run_tornado`` with Python's ``model.compute``."""
    spec = _complete(spec, values)
    return run_tornado(by_name(compute, spec["outputs"]), values, spec)


def spec_for(model, ranges=None):
    """The driver's spec for ``model`` (``None`` if it declares no uncertainty).

    ``ranges``: input id → (low, high) the reader set, used instead of the moved range."""
    if model.uncertainty is None or not model.ranges:
        return None
    chosen = {r.id: (r.low, r.high) for r in model.ranges}
    inputs = {i.id: i for i in model.inputs}
    ids = [r.id for r in model.ranges]
    return {
        "inputs": [i.id for i in model.inputs],
        "ids": ids,
        "lows": [chosen[i][0] for i in ids],
        "highs": [chosen[i][1] for i in ids],
        "defaults": [inputs[i].default for i in ids],
        "mins": [inputs[i].minimum for i in ids],
        "maxs": [inputs[i].maximum for i in ids],
        "own": {k: tuple(v) for k, v in (ranges or {}).items()},
        "shifts": [1 if r.shifts else 0 for r in model.ranges],
        "integers": [1 if inputs[i].integer else 0 for i in ids],
        "outputs": list(model.uncertainty.outputs),
        "payback": model.uncertainty.payback,
        "samples": model.uncertainty.samples,
        "seed": model.uncertainty.seed,
    }


def analyse(model, values, ranges=None):
    """Everything the page shows about uncertainty, for ``values`` (all inputs):
    ``{"intervals", "payback", "samples", "tornado", "no_effect"}`` or ``None``."""
    spec = spec_for(model, ranges)
    if spec is None:
        return None
    spec = moved_spec(spec, values)
    result = simulate(model.compute, values, spec)
    result["tornado"] = tornado(model.compute, values, spec)
    result["no_effect"] = None
    if model.uncertainty.no_effect:
        preset = next(p for p in model.presets if p.id == model.uncertainty.no_effect)
        outcome = model.compute(SimpleNamespace(**{**values, **preset.values}))
        result["no_effect"] = {o: outcome[o] for o in spec["outputs"]}
    return result


_DEFAULTS_CACHE: dict = {}


def analyse_defaults(model):
    """``analyse`` for the model's defaults, computed once per build for each model and data
    (the page's block, the headline card and the bundle's metadata all show it)."""
    values = {i.id: i.default for i in model.inputs}
    key = (model.id, repr(sorted(values.items())), repr(spec_for(model)),
           repr([(p.id, sorted(p.values.items())) for p in model.presets]))
    if key not in _DEFAULTS_CACHE:
        _DEFAULTS_CACHE[key] = analyse(model, values)
    return _DEFAULTS_CACHE[key]
