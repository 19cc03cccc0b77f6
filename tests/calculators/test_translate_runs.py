"""The translator's output, run: the emitted JavaScript (in V8, mini-racer, strict mode) gives
what the Python function gives, on many inputs (hypothesis), for every example function in
``translate_examples.py`` that translates and for every registered model's ``compute``,
``sentence`` and workbook ``values`` (``calculators/sheets/<id>.py``). ``test_translate.py``
checks the emitted text; this checks that it means the same.

A Python call that raises (an index out of range, a division by zero) is not compared: the model
layer turns those into ``NotComputable`` before any JavaScript is involved.
"""

from __future__ import annotations

import json
import math
import typing
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from py_mini_racer import MiniRacer

from calculators.engine import registry
from calculators.engine.translate import Translation
from calculators.site.eksport import sheet_module
from tests.calculators import translate_examples as ex

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))

FLOATS = st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.integers(-20, 20).map(float),
                   st.sampled_from([0.0, -0.0, 0.5, 1.5, 2.5, -2.5]))
TEXT = st.text(alphabet="abc{},. æøå", max_size=8)
STRATEGIES: dict[object, st.SearchStrategy] = {
    float: FLOATS, int: st.integers(-12, 12), bool: st.booleans(), str: TEXT,
    list[float]: st.lists(FLOATS, min_size=1, max_size=6), list[str]: st.lists(TEXT, max_size=4),
    dict[str, float]: st.dictionaries(TEXT, FLOATS, max_size=4),
}

# Every example that translates, with its arguments (from the annotations unless given here).
RECORD = st.builds(lambda x: SimpleNamespace(x=x), FLOATS)
EXAMPLES: dict[str, dict[str, st.SearchStrategy]] = {
    "add": {}, "grouping": {}, "power": {"a": st.floats(0, 50), "b": st.floats(-4, 4)}, "modulo": {},
    "unary": {}, "compare": {}, "logic": {}, "ternary": {}, "branches": {}, "loop": {},
    "loop_from": {}, "loop_list": {}, "divide": {}, "lists": {}, "comprehension": {}, "indexing": {},
    "builtins": {}, "rounding": {}, "dicts": {}, "dict_index": {"key": st.integers(-2, 1)},
    "calls_finance": {}, "defaults": {}, "keywords": {}, "record": {"v": RECORD},
    "with_docstring": {}, "text_ops": {}, "text_methods": {}, "contains": {}, "counts_down": {},
    "sorted_and_sqrt": {"xs": st.lists(st.floats(0, 1e6), min_size=1, max_size=6)},
    "reserved_names": {}, "reserved_record": {"this": RECORD},
    "chain_with_a_call": {}, "dict_comprehension": {}, "annotated": {},
    "annotated_quoted": {}, "annotated_nested_quote": {},
}
INPUTS = {"record": frozenset({"x"}), "reserved_record": frozenset({"x"})}


def strategy(fn) -> st.SearchStrategy:
    hints = typing.get_type_hints(fn)
    given_here = EXAMPLES[fn.__name__]
    params = fn.__code__.co_varnames[:fn.__code__.co_argcount]
    return st.tuples(*(given_here[p] if p in given_here else STRATEGIES[hints[p]] for p in params))


def load(ctx: MiniRacer, fn, inputs: frozenset[str] | None = None) -> str:
    """Translate ``fn`` (and what it calls) into ``ctx`` in strict mode; its name in ``globalThis.t``."""
    translation = Translation()
    name = translation.add(fn, inputs)
    ctx.eval(f'(function () {{ "use strict";\n{translation.code()}\n'
             f'globalThis.t = globalThis.t || {{}}; globalThis.t[{json.dumps(name)}] = {name}; }})();')
    return name


def as_json(value: object) -> object:
    if isinstance(value, SimpleNamespace):
        return vars(value)
    return value


def call(ctx: MiniRacer, name: str, args: tuple) -> object:
    text = ctx.eval(f"JSON.stringify(globalThis.t[{json.dumps(name)}]"
                    f"(...{json.dumps([as_json(a) for a in args], ensure_ascii=False)}))")
    return json.loads(text)  # NaN and ±Infinity become null


def same(py: object, js: object) -> bool:
    if isinstance(py, bool) or isinstance(py, str):
        return py == js
    if isinstance(py, dict):
        return isinstance(js, dict) and py.keys() == js.keys() and all(same(py[k], js[k]) for k in py)
    if isinstance(py, list | tuple):
        return isinstance(js, list) and len(py) == len(js) and all(map(same, py, js))
    if isinstance(py, int | float) and not isinstance(js, bool):
        if not math.isfinite(py):
            return js is None
        return isinstance(js, int | float) and math.isclose(py, js, rel_tol=1e-9, abs_tol=1e-9)
    return False


@pytest.fixture(scope="module")
def v8():
    with MiniRacer() as ctx:
        yield ctx


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_emitted_javascript_computes_what_python_computes(v8, name: str) -> None:
    fn = getattr(ex, name)
    js_name = load(v8, fn, INPUTS.get(name))

    @SETTINGS
    @given(strategy(fn))
    def check(args: tuple) -> None:
        try:
            expected = fn(*args)
        except (ArithmeticError, IndexError, ValueError, KeyError):
            assume(False)
            return
        got = call(v8, js_name, args)
        assert same(expected, got), f"{name}{args!r}\nPython:     {expected!r}\nJavaScript: {got!r}"

    check()


def test_reserved_words_are_renamed_in_the_body_too(v8) -> None:
    """`this`, `new`, `var`, `let`, `default`, `delete`, `function`, `arguments` as parameters,
    locals, loop and comprehension names, function names and the input record (passed on)."""
    load(v8, ex.reserved_names)
    assert call(v8, "reserved_names", (2.5, 4)) == ex.reserved_names(2.5, 4)
    load(v8, ex.reserved_record, frozenset({"x"}))
    assert call(v8, "reserved_record", ({"x": 3.0},)) == ex.reserved_record(SimpleNamespace(x=3.0))


@pytest.mark.parametrize("a, x, b", [(0, 1, 5), (5, 1, 9), (0, 1, 2), (0, 1, 3), (0, 2, 10)])
def test_a_chained_comparison_evaluates_its_middle_call_once(v8, monkeypatch, a, x, b) -> None:
    # Count the calls in both languages: a counting line in the translated middle(), a
    # counting wrapper around the Python one.
    code = Translation()
    code.add(ex.chain_with_a_call)
    counted = code.code().replace("function middle(x) {", "function middle(x) {\n  globalThis.calls += 1;")
    v8.eval("globalThis.calls = 0; globalThis.t = globalThis.t || {};")
    python_calls = []
    original = ex.middle
    monkeypatch.setattr(ex, "middle", lambda y: python_calls.append(y) or original(y))
    expected = ex.chain_with_a_call(a, x, b)
    v8.eval(f'(function () {{ "use strict";\n{counted}\nglobalThis.t.counted = chain_with_a_call; }})();')
    assert v8.eval(f"globalThis.t.counted({a}, {x}, {b})") == expected
    assert v8.eval("globalThis.calls") == len(python_calls)


# -- every registered model: compute and the reading sentence, translated on their own ----------
def values_within_bounds(model) -> st.SearchStrategy:
    return st.fixed_dictionaries({
        i.id: st.integers(int(i.minimum), int(i.maximum)) if i.integer
        else st.floats(i.minimum, i.maximum, allow_nan=False) for i in model.inputs})


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_every_model_runs_as_translated(v8, model_id: str) -> None:
    model = registry.load(model_id)
    inputs = frozenset(i.id for i in model.inputs)
    compute = load(v8, model.compute, inputs)
    sentence = load(v8, model.sentence) if model.sentence else None
    sheet = sheet_module(model)
    sheet_values = load(v8, sheet.values, inputs)  # what the workbook's formula cells store

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(values_within_bounds(model))
    def check(values: dict) -> None:
        try:
            expected = model.compute(SimpleNamespace(**values))
        except ArithmeticError:
            assume(False)
            return
        got = call(v8, compute, (values,))
        assert same(expected, got), f"{model_id} {values}\nPython: {expected}\nJavaScript: {got}"
        if sentence:
            assert call(v8, sentence, (expected,)) == model.sentence(expected)
        stored = sheet.values(SimpleNamespace(**values))
        assert same(stored, call(v8, sheet_values, (values,))), f"{model_id} {values}: sheet values"

    check()
