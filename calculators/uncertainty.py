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
  the likely value (the value in the form). The range always includes the likely value: a value
  typed outside it widens it.
- The random numbers come from the **Park–Miller «minimal standard» generator** (Lehmer, modulus
  2³¹ − 1, multiplier 48 271). Every product stays below 2⁴⁷, so JavaScript's doubles compute it
  exactly: the same seed gives the same samples, bit for bit, in Python and in the browser.
- A sample draws one number per uncertain input, in the order the data file lists them, and maps
  it through the triangular distribution's inverse (``sqrt`` is correctly rounded in both languages).
- Percentiles interpolate linearly between the sorted samples (NumPy's default, «type 7»).

The functions up to ``tornado_order`` are in the translatable subset, annotated with their types
(the translator checks every operation against them): the build translates them
once into the shared uncertainty file (``bundle.uncertainty_asset``), which the page loads on the
reader's first interaction with a calculator. ``simulate`` below is the Python driver; ``JS_DRIVER`` is its
twin for the browser (the loop that builds each sample's inputs and calls ``compute``); the
parity tests run both and compare.
"""

from __future__ import annotations

from math import sqrt
from types import SimpleNamespace

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


def sample_row(state: int, lows: list[float], modes: list[float], highs: list[float],
               integers: list[int]) -> list[float]:
    """One sample: ``[next state, value of input 1, value of input 2, …]``."""
    row = [0]
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
    """Share (0–1) of the samples at or above zero (paid back within the horizon)."""
    if len(values) == 0:
        return 0.0
    paying = [1 for x in values if x >= -PAYBACK_TOLERANCE]
    return len(paying) / len(values)


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


ENGINE = (seed_state, next_state, triangular, sample_row, _with_state, percentile, summarize,
          share_paying_back, tornado_order)
"""Translated into every model's browser file that declares ranges."""


# ---- drivers: Python here, JavaScript in JS_DRIVER (keep the two in step) -------------------

def effective_range(spec, values, index):
    """``(low, high)`` of input ``index`` widened, if needed, to include its current value."""
    value = values[spec["ids"][index]]
    return min(spec["lows"][index], value), max(spec["highs"][index], value)


def simulate(compute, values, spec):
    """Monte Carlo over ``spec`` (``ids``, ``lows``, ``highs``, ``integers``, ``outputs``,
    ``payback``, ``samples``, ``seed``) around ``values`` (input id → value).

    Returns ``{"intervals": {output: [P10, P50, P90]}, "payback": share, "samples": used}``.
    A sample whose outputs are not all finite is left out (and not counted).
    """
    modes = [values[i] for i in spec["ids"]]
    state = seed_state(spec["seed"])
    collected = [[] for _ in spec["outputs"]]
    for _ in range(int(spec["samples"])):
        row = sample_row(state, spec["lows"], modes, spec["highs"], spec["integers"])
        state = row[0]
        sample = dict(values)
        for j, input_id in enumerate(spec["ids"]):
            sample[input_id] = row[j + 1]
        try:
            result = compute(SimpleNamespace(**sample))
        except (ZeroDivisionError, OverflowError, ValueError):
            continue
        picked = [result[o] for o in spec["outputs"]]
        if all(_finite(x) for x in picked):
            for k, x in enumerate(picked):
                collected[k].append(x)
    payback = collected[spec["outputs"].index(spec["payback"])]
    return {
        "intervals": {o: summarize(collected[k]) if collected[k] else None
                      for k, o in enumerate(spec["outputs"])},
        "payback": share_paying_back(payback),
        "samples": len(payback),
    }


def tornado(compute, values, spec):
    """Each range alone at its low and its high end (the others at their current value): the
    payback output at both ends, largest swing first."""
    at_low, at_high, ends = [], [], []
    for j, input_id in enumerate(spec["ids"]):
        low, high = effective_range(spec, values, j)
        ends.append((low, high))
        at_low.append(compute(SimpleNamespace(**{**values, input_id: low}))[spec["payback"]])
        at_high.append(compute(SimpleNamespace(**{**values, input_id: high}))[spec["payback"]])
    return [{"id": spec["ids"][i], "low": ends[i][0], "high": ends[i][1],
             "at_low": at_low[i], "at_high": at_high[i]}
            for i in tornado_order(at_low, at_high)]


def spec_for(model, ranges=None):
    """The driver's spec for ``model`` (``None`` if it declares no uncertainty).

    ``ranges``: input id → (low, high) to use instead of the data file's (the user's edits)."""
    if model.uncertainty is None or not model.ranges:
        return None
    chosen = {r.id: (r.low, r.high) for r in model.ranges}
    chosen.update(ranges or {})
    integer = {i.id: i.integer for i in model.inputs}
    ids = [r.id for r in model.ranges]
    return {
        "ids": ids,
        "lows": [chosen[i][0] for i in ids],
        "highs": [chosen[i][1] for i in ids],
        "integers": [1 if integer[i] else 0 for i in ids],
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


def _finite(x):
    return isinstance(x, int | float) and x == x and abs(x) != float("inf")


JS_DRIVER = """
// The Monte Carlo and tornado drivers: the JavaScript twin of calculators/uncertainty.py's
// simulate() and tornado(), for any model: compute is the model's translated compute.
// run(compute, values, spec).step(n) computes up to n more samples (so the page can spread the
// work over short tasks) and returns true when all are done.
function effectiveRange(spec, values, j) {
  const value = values[spec.ids[j]];
  return [Math.min(spec.lows[j], value), Math.max(spec.highs[j], value)];
}
function uncertaintyRun(compute, values, spec) {
  const modes = spec.ids.map((id) => values[id]);
  const collected = spec.outputs.map(() => []);
  let state = seed_state(spec.seed), done = 0;
  return {
    step(count) {
      const end = Math.min(spec.samples, done + count);
      for (; done < end; done++) {
        const row = sample_row(state, spec.lows, modes, spec.highs, spec.integers);
        state = row[0];
        const sample = Object.assign({}, values);
        spec.ids.forEach((id, j) => { sample[id] = row[j + 1]; });
        const result = compute(sample);
        const picked = spec.outputs.map((o) => result[o]);
        if (picked.every((x) => typeof x === "number" && isFinite(x))) {
          picked.forEach((x, k) => collected[k].push(x));
        }
      }
      return done >= spec.samples;
    },
    result() {
      const intervals = {};
      spec.outputs.forEach((o, k) => { intervals[o] = collected[k].length ? summarize(collected[k]) : null; });
      const payback = collected[spec.outputs.indexOf(spec.payback)];
      return { intervals, payback: share_paying_back(payback), samples: payback.length };
    },
  };
}
function uncertaintyTornado(compute, values, spec) {
  const atLow = [], atHigh = [], ends = [];
  spec.ids.forEach((id, j) => {
    const [low, high] = effectiveRange(spec, values, j);
    ends.push([low, high]);
    atLow.push(compute(Object.assign({}, values, { [id]: low }))[spec.payback]);
    atHigh.push(compute(Object.assign({}, values, { [id]: high }))[spec.payback]);
  });
  return tornado_order(atLow, atHigh).map((i) => ({ id: spec.ids[i], low: ends[i][0],
    high: ends[i][1], at_low: atLow[i], at_high: atHigh[i] }));
}
"""
