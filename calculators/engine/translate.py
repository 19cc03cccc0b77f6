"""Translate Python functions in the model subset to JavaScript.

A visitor with one method per construct of the translatable subset (``calculators/README.md``),
operator and function tables as module constants, and an allow-list of names. Anything else
raises ``TranslationError`` naming the file, line, column and construct. Every place where
Python and JavaScript disagree is handled once — in ``PRELUDE`` or in a table — with a comment.
The output is plain functions and JSON constants: no ``eval``, no ``new Function``.

Types. Every expression has a type (``int``, ``float``, ``bool``, ``str``, ``list[T]``, a dict,
or *unknown*), taken from literals, module constants, annotations, the input record and the
argument types at each call. An operator whose meaning depends on its operands — ``+`` adds
numbers but joins text, ``*`` repeats lists, ``==`` between a number and ``True`` — is only
translated when both types are known and the operation means the same in both languages;
otherwise the build fails (``zeros(n) + zeros(n)`` is an error, not «0,00,0»).
"""

from __future__ import annotations

import ast
import collections.abc
import contextlib
import inspect
import json
import math
import re
import textwrap
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from calculators.core import text as text_primitives

ALLOWED_MODULES = ("calculators.core.finance", "calculators.core.uncertainty", "calculators.view.view",
                   "calculators.view.view_uncertainty", "calculators.view.fields")
"""Modules besides the function's own whose functions and constants it may use."""

ROOT = Path(__file__).resolve().parent.parent.parent

# JavaScript precedence (higher binds tighter); a child with lower precedence gets parentheses.
P_TERNARY, P_OR, P_AND, P_EQ, P_REL, P_ADD, P_MUL, P_UNARY, P_CALL, P_ATOM = (
    2, 3, 4, 8, 9, 11, 12, 14, 17, 18)

# -- types: "int", "float", "bool", "str", "record" (the input record), ("list", T),
# ("dict", T, keys) (T: the type of every value, keys: {key: type} when known), NOTHING (the
# element of an empty list, which takes the type of what is appended) and None (unknown).
INT, FLOAT, BOOL, STR, RECORD, NOTHING = "int", "float", "bool", "str", "record", "nothing"
NUMBERS = (INT, FLOAT)
TESTABLE = (BOOL, INT, FLOAT, STR)
"""Types whose truthiness JavaScript shares (a list is always true in JavaScript)."""

BIN_OPS: dict[type, tuple[str, int]] = {
    ast.Add: ("+", P_ADD), ast.Sub: ("-", P_ADD), ast.Mult: ("*", P_MUL), ast.Div: ("/", P_MUL),
}
AUG_OPS: dict[type, str] = {ast.Add: "+=", ast.Sub: "-=", ast.Mult: "*=", ast.Div: "/="}
COMPARE_OPS: dict[type, tuple[str, int]] = {
    # Python's == on numbers, text and booleans is JavaScript's === (the types are checked equal).
    ast.Eq: ("===", P_EQ), ast.NotEq: ("!==", P_EQ), ast.Lt: ("<", P_REL),
    ast.LtE: ("<=", P_REL), ast.Gt: (">", P_REL), ast.GtE: (">=", P_REL),
}
# Truthiness: the subset tests booleans, numbers and text only, where JavaScript agrees with
# Python (NaN aside, which Python never produces without raising first).
BOOL_OPS: dict[type, tuple[str, int]] = {ast.And: ("&&", P_AND), ast.Or: ("||", P_OR)}

PRELUDE: dict[str, str] = {
    # Python's % takes the sign of the divisor; JavaScript's % that of the dividend.
    "$mod": "function $mod(a, b) { const r = a % b; return r !== 0 && (r < 0) !== (b < 0) ? r + b : r; }",
    # Python's round() sends exact ties to the even neighbour; V8's toFixed is exact but sends
    # them away from zero, so only exact ties need care. `+ 0` turns -0 into 0 as Python does.
    "$round": "\n".join((
        "function $round(x, n) {",
        "  if (!n) { const r = Math.round(x); return (r - x === 0.5 && r % 2 !== 0 ? r - 1 : r) + 0; }",
        "  if (n < 0) { const p = Math.pow(10, -n); return $round(x / p) * p; }",
        "  if (!isFinite(x) || Math.abs(x) >= 4503599627370496) return x;",
        "  const s = x.toFixed(100), d = s.indexOf(\".\") + n;",
        "  const tie = s[d + 1] === \"5\" && /^0*$/.test(s.slice(d + 2));",
        "  return tie && Number(s[d]) % 2 === 0 ? Number(s.slice(0, d + 1)) : Number(x.toFixed(n));",
        "}")),
    # range() as an array: the bounds are evaluated once, as in Python.
    "$range": "function $range(a, b) { const r = []; for (let i = a; i < b; i++) r.push(i); return r; }",
    # Python 3.11's sum() adds left to right, starting from 0.
    "$sum": "function $sum(xs) { let s = 0; for (const x of xs) s += x; return s; }",
    # calculators.core.text.fixed: format(x, ".{d}f"). toFixed rounds the exact binary value as Python
    # does but sends exact ties away from zero and writes 1e21 and up with an exponent; -0 keeps
    # its sign in Python.
    "$fixed": "\n".join((
        "function $fixed(x, d) {",
        "  const a = Math.abs(x), sign = x < 0 || Object.is(x, -0) ? \"-\" : \"\";",
        "  if (a >= 1e21) return sign + BigInt(a).toString() + (d > 0 ? \".\" + \"0\".repeat(d) : \"\");",
        "  const s = a.toFixed(Math.min(100, d + 30)), dot = s.indexOf(\".\");",
        "  const keep = d > 0 ? s.slice(0, dot + d + 1) : s.slice(0, dot);",
        "  const tie = s[dot + d + 1] === \"5\" && /^0*$/.test(a.toFixed(100).slice(dot + d + 2));",
        "  return sign + (tie && Number(keep[keep.length - 1]) % 2 === 0 ? keep : a.toFixed(d));",
        "}")),
    # calculators.core.text.decimals: the decimals of the shortest repr (Python and JavaScript agree
    # on it; they differ only in when they switch to an exponent, which counts as 0).
    "$decimals": "\n".join((
        "function $decimals(x) {",
        "  const s = String(x), a = Math.abs(x);",
        "  return /e/.test(s) || (a > 0 && a < 1e-4) || a >= 1e16 ? 0 : (s.split(\".\")[1] || \"\").length;",
        "}")),
}

BUILTINS = frozenset({"min", "max", "abs", "sum", "round", "float", "int", "len", "range", "str",
                      "sorted"})

# Functions from Python's math module the subset allows, with their JavaScript names. Only
# correctly rounded ones (IEEE 754 requires it of sqrt), so both languages give the same bits.
MATH_FUNCTIONS = {math.sqrt: "Math.sqrt"}

PRIMITIVES: dict[Callable, tuple[str, tuple, object]] = {
    # Python functions with a hand-written JavaScript twin in PRELUDE: (name, argument types,
    # result type). tests/calculators/test_parity.py holds each pair equal.
    text_primitives.fixed: ("$fixed", (FLOAT, INT), STR),
    text_primitives.decimals: ("$decimals", (FLOAT,), INT),
}

STR_METHODS: dict[str, tuple[str, tuple, object]] = {
    # Python method on text -> (JavaScript, argument types, result). `replace` and `split` take a
    # non-empty literal (JavaScript's replace would stop after the first match and read `$`).
    "lower": (".toLowerCase()", (), STR),
    "upper": (".toUpperCase()", (), STR),
    "replace": (".split({0}).join({1})", (STR, STR), STR),
    "split": (".split({0})", (STR,), ("list", STR)),
    "startswith": (".startsWith({0})", (STR,), BOOL),
    "endswith": (".endsWith({0})", (STR,), BOOL),
}

JS_RESERVED = frozenset((
    "arguments await break case catch class const continue debugger default delete do else enum "
    "eval export extends false finally for function if implements import in instanceof interface "
    "let new null package private protected public return static super switch this throw true "
    "try typeof var void while with yield undefined NaN Infinity Math Number Array Object "
    "globalThis isFinite String JSON BigInt").split())

CONSTRUCT_NAMES: dict[type, str] = {
    ast.With: "with", ast.Try: "try", ast.Lambda: "lambda",
    ast.FloorDiv: "heltallsdivisjon //", ast.Tuple: "tuppel",
    ast.Set: "mengde (set)", ast.DictComp: "dict-comprehension", ast.SetComp: "set-comprehension",
    ast.GeneratorExp: "generatoruttrykk", ast.Is: "is", ast.IsNot: "is not", ast.Break: "break", ast.Continue: "continue", ast.Pass: "pass",
    ast.Starred: "*-utpakking", ast.Global: "global",
    ast.Nonlocal: "nonlocal", ast.FunctionDef: "nestet funksjon", ast.ClassDef: "class",
    ast.Import: "import", ast.ImportFrom: "import", ast.Raise: "raise", ast.Assert: "assert",
    ast.Delete: "del", ast.NamedExpr: "walrus :=", ast.BitAnd: "&", ast.BitOr: "|",
    ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>", ast.MatMult: "@", ast.Invert: "~",
    ast.UAdd: "unær +",
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Mod: "%", ast.Pow: "**",
}


class TranslationError(Exception):
    """A construct outside the translatable subset, with its place in the source file."""

    def __init__(self, file: str, line: int, col: int, construct: str, hint: str = "") -> None:
        self.file, self.line, self.col, self.construct = file, line, col, construct
        message = f"{file}:{line}:{col}: {construct} kan ikke oversettes til JavaScript"
        super().__init__(message + (f" – {hint}" if hint else ""))


def unify(a: object, b: object) -> object:
    """The type of a name or list that holds values of type ``a`` and ``b`` (None: unknown)."""
    if a == b or b == NOTHING:
        return a
    if a == NOTHING:
        return b
    if a in NUMBERS and b in NUMBERS:
        return FLOAT
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0] == "list":
        element = unify(a[1], b[1])
        return None if element is None and None not in (a[1], b[1]) else ("list", element)
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0] == "dict":
        keys = a[2] if a[2] is not None and b[2] is not None and a[2].keys() == b[2].keys() else None
        return ("dict", unify(a[1], b[1]), keys and {k: unify(a[2][k], b[2][k]) for k in keys})
    return None


def type_name(t: object) -> str:
    """A type as the error messages name it (Norwegian)."""
    names: dict[object, str] = {INT: "heltall", FLOAT: "tall", BOOL: "sannhetsverdi", STR: "tekst",
             RECORD: "input-posten", NOTHING: "tom liste", None: "ukjent type"}
    if isinstance(t, tuple):
        return "liste" if t[0] == "list" else "dict"
    return names[t]


def type_of_value(value: object) -> object:
    """The type of a module-level constant."""
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int | float | str):
        return {int: INT, float: FLOAT, str: STR}[type(value)]
    if isinstance(value, list | tuple):
        element: object = NOTHING
        for item in value:
            element = unify(element, type_of_value(item))
        return ("list", element)
    if isinstance(value, dict):
        keys = {k: type_of_value(v) for k, v in value.items()}
        every: object = NOTHING
        for t in keys.values():
            every = unify(every, t)
        return ("dict", None if every == NOTHING else every, keys)
    return None


def type_of_annotation(hint: object, seen: frozenset = frozenset()) -> object:
    """The type an annotation declares: int, float, bool, str, list[T], dict[str, T], TypedDict."""
    if hint in (int, float, bool, str):
        return {int: INT, float: FLOAT, bool: BOOL, str: STR}[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list and len(args) == 1:
        return ("list", type_of_annotation(args[0], seen))
    if origin is dict and len(args) == 2 and args[0] is str:
        return ("dict", type_of_annotation(args[1], seen), None)
    if typing.is_typeddict(hint):
        if hint in seen:  # a recursive TypedDict (a node and its children): a dict, no more
            return ("dict", None, None)
        fields = typing.get_type_hints(hint)
        keys = {k: type_of_annotation(v, seen | {hint}) for k, v in fields.items()}
        return ("dict", None, keys)
    return None


@dataclass
class Translation:
    """Everything one translation produced: prelude helpers, constants and functions."""

    functions: dict[int, tuple[str, str]] = field(default_factory=dict)  # id(fn): (name, code)
    constants: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (name, JSON)
    prelude: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    results: dict[tuple, object] = field(default_factory=dict)  # (id(fn), argument types): result

    def add(self, fn: Callable, inputs: frozenset[str] | None = None, record: int = 0,
            arguments: tuple | None = None) -> str:
        """Translate ``fn`` and what it calls; return its JavaScript name.

        ``inputs``: the model's input ids, when parameter number ``record`` of ``fn`` is the
        input record ``v`` (``compute``'s first parameter, or a helper it is passed to).
        ``arguments``: the types of the arguments at a call (None: from the annotations). The
        body is checked once for each combination of argument types; the code must not depend
        on which (a function that joins text for one caller and adds numbers for another fails).
        """
        if arguments is not None or id(fn) not in self.functions:
            self.result(fn, inputs, record, arguments)
        return self.functions[id(fn)][0]

    def result(self, fn: Callable, inputs, record: int, arguments: tuple | None) -> object:
        """The type ``fn`` returns for these argument types (None while it is being checked)."""
        key = (id(fn), repr(arguments))
        if key in self.results:
            return self.results[key]
        self.results[key] = None  # reserved first: recursion terminates (its result is unknown)
        known = id(fn) in self.functions
        js_name = self.functions[id(fn)][0] if known else self.unique(fn.__name__, fn.__module__)
        if not known:
            self.functions[id(fn)] = (js_name, "")
        code, returns = _translate_function(fn, js_name, self, inputs, record, arguments)
        if known and self.functions[id(fn)][1] and self.functions[id(fn)][1] != code:
            lines, first = inspect.getsourcelines(fn)
            raise TranslationError(source_path(fn), first, 1, f"{fn.__name__}() brukt med ulike typer",
                                   "koden ville bety noe annet for hvert kall")
        self.functions[id(fn)] = (js_name, code)
        self.results[key] = returns
        return returns

    def unique(self, name: str, module: str) -> str:
        js = _js_local(name)
        if js in self.names:
            js = f"{module.rsplit('.', 1)[-1]}_{js}"
        self.names.add(js)
        return js

    def code(self) -> str:
        parts = [PRELUDE[name] for name in sorted(self.prelude)]
        parts += [code for _, code in self.constants.values()]
        parts += [code for _, code in self.functions.values()]
        return "\n".join(parts)


def translate_function(fn: Callable, inputs: frozenset[str] | None = None) -> str:
    """JavaScript for ``fn`` and everything it calls (``inputs``: attribute names allowed on
    its first parameter, when ``fn`` is a model's ``compute``). Parameter types come from
    ``fn``'s annotations."""
    translation = Translation()
    translation.add(fn, inputs)
    return translation.code()


def source_path(fn: Callable) -> str:
    """``fn``'s file relative to the repository, as error messages name it."""
    path = Path(inspect.getsourcefile(fn) or "<ukjent>").resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _translate_function(fn: Callable, js_name: str, translation: Translation, inputs, record: int,
                        arguments: tuple | None) -> tuple[str, object]:
    lines, first = inspect.getsourcelines(fn)
    tree = ast.parse(textwrap.dedent("".join(lines)))
    ast.increment_lineno(tree, first - 1)
    node = tree.body[0]
    # Twice: the second pass knows the final type of every local (a name first given 0 and later
    # 0.5 is a float everywhere, also where it is read before the second assignment).
    known: dict[str, object] = {}
    for _ in range(2):
        visitor = _FunctionVisitor(fn, source_path(fn), translation, inputs, record, arguments, known)
        code = visitor.function(node, js_name)
        known = visitor.types
    return code, visitor.returns


class _FunctionVisitor:
    """Turns one ``def`` into a JavaScript function; one method per construct."""

    def __init__(self, fn: Callable, file: str, translation: Translation, inputs,
                 record: int, arguments: tuple | None, known: dict[str, object]) -> None:
        self.fn, self.file, self.translation, self.inputs = fn, file, translation, inputs
        self.record_index = record
        self.arguments_in = arguments
        self.globals = fn.__globals__
        self.locals: dict[str, str] = {}   # Python name -> JS name
        self.types: dict[str, object] = dict(known)  # Python name -> type
        self.scopes: list[dict[str, object]] = []   # comprehension variables and their types
        self.record: str | None = None     # the parameter holding the inputs (`v`)
        self.returns: object = NOTHING
        self.callables: dict[str, object] = {}  # a parameter annotated Callable[..., R]: R
        self.temporaries: list[str] = []  # $c1, $c2 …: the middle operands of comparison chains
        self.in_signature = False

    # -- errors and dispatch ---------------------------------------------------------------
    def fail(self, node: ast.AST, construct: str | None = None, hint: str = "") -> TranslationError:
        name = construct or CONSTRUCT_NAMES.get(type(node), type(node).__name__)
        return TranslationError(
            self.file, getattr(node, "lineno", 0), getattr(node, "col_offset", -1) + 1, name, hint)

    def typed(self, node: ast.expr, minimum: int = 0) -> tuple[str, object]:
        """``(code, type)`` of an expression, in parentheses if it binds looser than ``minimum``."""
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            raise self.fail(node)
        code, precedence, kind = method(node)
        return (f"({code})" if precedence < minimum else code), kind

    def expr(self, node: ast.expr, minimum: int = 0) -> str:
        return self.typed(node, minimum)[0]

    def test(self, node: ast.expr, minimum: int = 0) -> str:
        """A condition: a boolean, a number or text (JavaScript agrees on their truthiness)."""
        code, kind = self.typed(node, minimum)
        if kind not in TESTABLE:
            raise self.fail(node, f"test på {type_name(kind)}",
                            "test et tall, en tekst eller en sannhetsverdi (len(xs) > 0, ikke xs)")
        return code

    def block(self, body: list[ast.stmt], indent: str) -> list[str]:
        lines = []
        for node in body:
            method = getattr(self, "stmt_" + type(node).__name__, None)
            if method is None:
                raise self.fail(node)
            lines += [indent + line for line in method(node)]
        return lines

    def body(self, body: list[ast.stmt]) -> list[str]:
        return self.block(body, "  ")

    # -- the function ------------------------------------------------------------------------
    def function(self, node: ast.stmt, js_name: str) -> str:
        if not isinstance(node, ast.FunctionDef) or node.decorator_list:
            raise self.fail(node, "dekorert funksjon" if isinstance(node, ast.FunctionDef) else None)
        args = node.args
        if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
            raise self.fail(node, "*args, **kwargs eller nøkkelord-parametre")
        params = [a.arg for a in args.args]
        hints = typing.get_type_hints(self.fn)
        defaults: list[ast.expr | None] = [None] * (len(params) - len(args.defaults)) + list(args.defaults)
        given = list(self.arguments_in or ())
        for i, name in enumerate(params):
            self.locals[name] = _js_local(name)
            declared = type_of_annotation(hints[name]) if name in hints else None
            at_call = given[i] if i < len(given) else NOTHING
            given_default = defaults[i]
            default = self.typed(given_default)[1] if given_default is not None else NOTHING
            if at_call == NOTHING and default != NOTHING:  # not passed: the default's type
                at_call = default
            if declared is not None and at_call not in (NOTHING, None) and unify(declared, at_call) != declared:
                raise self.fail(node, f"{name} som {type_name(at_call)}",
                                f"{self.fn.__name__}() venter {type_name(declared)}")
            self.types[name] = declared if declared is not None else (None if at_call == NOTHING else at_call)
            if typing.get_origin(hints.get(name)) is collections.abc.Callable:  # compute, passed in
                self.callables[name] = type_of_annotation(typing.get_args(hints[name])[-1])
        if self.inputs is not None and len(params) > self.record_index:
            self.record = params[self.record_index]
            self.types[self.record] = RECORD
        self.in_signature = True
        signature = ", ".join(
            self.locals[p] + ("" if d is None else " = " + self.expr(d, P_TERNARY))
            for p, d in zip(params, defaults))
        self.in_signature = False
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]  # the docstring
        assigned = [n for n in _assigned_names(body) if n not in self.locals]
        for name in assigned:
            self.locals[name] = _js_local(name)
        code = self.body(body)
        lines = [f"function {js_name}({signature}) {{"]
        if assigned or self.temporaries:
            lines.append("  let " + ", ".join([self.locals[n] for n in assigned] + self.temporaries) + ";")
        lines += code
        if "return" in hints:  # the declared type wins; unknown data is declared at a boundary
            declared = type_of_annotation(hints["return"])
            if declared in TESTABLE and self.returns not in (None, NOTHING) \
                    and unify(declared, self.returns) != declared:
                raise self.fail(node, f"{self.fn.__name__}() gir {type_name(self.returns)}",
                                f"annotert som {type_name(declared)}")
            self.returns = declared
        return "\n".join(lines + ["}"])

    def assign(self, name: str, kind: object) -> None:
        self.types[name] = kind if name not in self.types else unify(self.types[name], kind)

    # -- statements --------------------------------------------------------------------------
    def stmt_Assign(self, node: ast.Assign) -> list[str]:
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            raise self.fail(node.targets[-1], "tilordning til noe annet enn ett navn")
        name = node.targets[0].id
        code, kind = self.typed(node.value)
        self.assign(name, kind)
        return [f"{self.locals[name]} = {code};"]

    def stmt_AnnAssign(self, node: ast.AnnAssign) -> list[str]:
        """``name: T = value``: the name gets the declared type, as a parameter does. A value of
        another known type is a mistake; a value of unknown type (read from data) is taken as
        declared, as at a parameter. The annotation is read in the function's module, a quoted one
        too (as ``typing.get_type_hints`` reads a signature's); one the translator cannot type
        (``Any``, ``X | None``) is a mistake, never silently dropped. It is evaluated as the
        module's annotations would be (``typing.get_type_hints``), so it should have no side effects."""
        if not isinstance(node.target, ast.Name):
            raise self.fail(node.target, "tilordning til noe annet enn ett navn")
        if node.value is None:
            raise self.fail(node, "typeannotasjon uten verdi", "gi navnet en verdi på samme linje")
        name = node.target.id
        written = f"typeannotasjonen {ast.unparse(node.annotation)}"
        try:  # typing resolves quoted parts too (list["Row"]), as for a signature
            holder = types.SimpleNamespace(__annotations__={name: ast.unparse(node.annotation)})
            hint = typing.get_type_hints(holder, globalns=self.fn.__globals__)[name]
        except Exception as error:  # an unknown name in the annotation
            raise self.fail(node.annotation, written,
                            f"kan ikke leses: {error} (et navn som bare importeres under TYPE_CHECKING, "
                            "finnes ikke når oversetteren leser den)") from error
        declared = type_of_annotation(hint)
        if declared is None:
            raise self.fail(node.annotation, written, "oversetteren kjenner int, float, bool, str, list[…], "
                            "dict[str, …] og TypedDict; uten annotasjon får navnet verdiens type")
        code, kind = self.typed(node.value)
        if kind not in (NOTHING, None) and unify(declared, kind) != declared:
            raise self.fail(node, f"{name} som {type_name(kind)}", f"annotert som {type_name(declared)}")
        self.assign(name, declared)
        return [f"{self.locals[name]} = {code};"]

    def stmt_AugAssign(self, node: ast.AugAssign) -> list[str]:
        if not isinstance(node.target, ast.Name):
            raise self.fail(node.target, "tilordning til noe annet enn ett navn")
        if type(node.op) not in AUG_OPS:
            raise self.fail(node, f"{CONSTRUCT_NAMES.get(type(node.op), type(node.op).__name__)}=")
        name = node.target.id
        current = self.types.get(name)
        if isinstance(current, tuple) and current[0] == "list":
            raise self.fail(node, "+= på en liste", "bruk lst.append(x)")
        value, kind = self.typed(node.value)
        self.assign(name, self.binary(node, node.op, self.types.get(name), kind))
        return [f"{self.locals[name]} {AUG_OPS[type(node.op)]} {value};"]

    def stmt_Return(self, node: ast.Return) -> list[str]:
        if node.value is None:
            raise self.fail(node, "return uten verdi")
        code, kind = self.typed(node.value)
        self.returns = unify(self.returns, kind)
        return [f"return {code};"]

    def stmt_If(self, node: ast.If) -> list[str]:
        lines = [f"if ({self.test(node.test)}) {{", *self.body(node.body)]
        orelse = node.orelse
        while len(orelse) == 1 and isinstance(orelse[0], ast.If):  # elif
            lines += [f"}} else if ({self.test(orelse[0].test)}) {{", *self.body(orelse[0].body)]
            orelse = orelse[0].orelse
        if orelse:
            lines += ["} else {", *self.body(orelse)]
        return lines + ["}"]

    def stmt_For(self, node: ast.For) -> list[str]:
        if not isinstance(node.target, ast.Name):
            raise self.fail(node.target, "for med mer enn ett løkkenavn")
        if node.orelse:
            raise self.fail(node, "for … else")
        source, element = self.iterable(node.iter)
        self.assign(node.target.id, element)
        target = self.locals[node.target.id]
        # `for … of` over an array: the iterable is evaluated once and the loop variable keeps
        # its last value afterwards, as in Python.
        return [f"for ({target} of {source}) {{", *self.body(node.body), "}"]

    def stmt_While(self, node: ast.While) -> list[str]:
        if node.orelse:
            raise self.fail(node, "while … else")
        return [f"while ({self.test(node.test)}) {{", *self.body(node.body), "}"]

    def stmt_Expr(self, node: ast.Expr) -> list[str]:
        call = node.value
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "append" and len(call.args) == 1 and not call.keywords):
            owner, kind = self.typed(call.func.value, P_CALL)
            if not (isinstance(kind, tuple) and kind[0] == "list"):
                raise self.fail(call, f"append() på {type_name(kind)}")
            value, element = self.typed(call.args[0])
            if isinstance(call.func.value, ast.Name) and call.func.value.id in self.locals:
                self.assign(call.func.value.id, ("list", element))
            return [f"{owner}.push({value});"]
        raise self.fail(node, "uttrykk som setning", "bare lst.append(x) kan stå alene")

    # -- expressions: each returns (code, precedence, type) ---------------------------------
    def expr_Constant(self, node: ast.Constant) -> tuple[str, int, object]:
        value = node.value
        if isinstance(value, bool):
            return ("true" if value else "false"), P_ATOM, BOOL
        if isinstance(value, int | float):
            return repr(value), P_ATOM, INT if isinstance(value, int) else FLOAT
        if isinstance(value, str):
            return json.dumps(value, ensure_ascii=False), P_ATOM, STR
        raise self.fail(node, repr(value))

    def expr_JoinedStr(self, node: ast.JoinedStr) -> tuple[str, int, object]:
        """An f-string: text, text values, whole numbers, and numbers with ``:.Nf``."""
        parts = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                parts.append(json.dumps(part.value, ensure_ascii=False))
                continue
            if not isinstance(part, ast.FormattedValue):
                raise self.fail(part)
            if part.conversion != -1:
                raise self.fail(part, "f-streng med !r, !s eller !a")
            code, kind = self.typed(part.value, P_MUL)
            spec = part.format_spec
            if spec is not None:
                digits = re.fullmatch(r"\.(\d+)f", ast.unparse(spec)[2:-1]) if isinstance(spec, ast.JoinedStr) \
                    and all(isinstance(v, ast.Constant) for v in spec.values) else None
                if digits is None or kind not in NUMBERS:
                    raise self.fail(part, "f-streng med formatering", "bare {tall:.Nf}")
                self.translation.prelude.add("$fixed")
                parts.append(f"$fixed({code}, {digits.group(1)})")
            elif kind == STR:
                parts.append(code)
            elif kind == INT:  # str(int) is the same text in both languages
                parts.append(f"String({code})")
            else:
                raise self.fail(part, f"{type_name(kind)} i f-streng",
                                "bruk {x:.2f} for tall; heltall og tekst står som de er")
        if not parts or not parts[0].startswith('"'):
            parts.insert(0, '""')
        return " + ".join(parts), P_ADD, STR

    def expr_Name(self, node: ast.Name) -> tuple[str, int, object]:
        name = node.id
        for scope in reversed(self.scopes):
            if name in scope:
                return _js_local(name), P_ATOM, scope[name]
        if name in self.locals:
            if name == self.record:
                raise self.fail(node, f"{name} alene", f"bruk {name}.<input-id>")
            return self.locals[name], P_ATOM, self.types.get(name)
        code, kind = self.constant(node, self.globals, name)
        return code, P_ATOM, kind

    def expr_Attribute(self, node: ast.Attribute) -> tuple[str, int, object]:
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id == self.record:
            if node.attr not in self.inputs:
                raise self.fail(node, f"{owner.id}.{node.attr}",
                                f"modellen har ingen input med id «{node.attr}»")
            return f"{self.locals[owner.id]}.{node.attr}", P_CALL, FLOAT
        module = self.module(owner)
        code, kind = self.constant(node, vars(module), node.attr)
        return code, P_ATOM, kind

    def binary(self, node: ast.AST, op: ast.operator, left: object, right: object) -> object:
        """The type of ``left op right``, or an error when the operation is not the same in both
        languages: numbers with numbers, and ``+`` on two texts."""
        if left in NUMBERS and right in NUMBERS:
            if isinstance(op, ast.Div | ast.Pow):
                return FLOAT
            return INT if left == right == INT else FLOAT
        if isinstance(op, ast.Add) and left == right == STR:
            return STR
        symbol = CONSTRUCT_NAMES.get(type(op), type(op).__name__)
        lists = any(isinstance(t, tuple) and t[0] == "list" for t in (left, right))
        raise self.fail(node, "regning med lister" if lists else
                        f"{symbol} med {type_name(left)} og {type_name(right)}",
                        "bruk en list comprehension" if lists else
                        "bare tall med tall, og + på to tekster")

    def expr_BinOp(self, node: ast.BinOp) -> tuple[str, int, object]:
        if type(node.op) not in (*BIN_OPS, ast.Pow, ast.Mod):
            raise self.fail(node, CONSTRUCT_NAMES.get(type(node.op), type(node.op).__name__))
        call = isinstance(node.op, ast.Pow | ast.Mod)
        # Left-associative: the right operand needs parentheses at equal precedence.
        op, precedence = ("", P_CALL) if call else BIN_OPS[type(node.op)]
        left, left_type = self.typed(node.left, P_TERNARY if call else precedence)
        right, right_type = self.typed(node.right, P_TERNARY if call else precedence + 1)
        kind = self.binary(node, node.op, left_type, right_type)
        # Python's float ** is C's pow(); Math.pow is JavaScript's (parity tests hold them equal).
        if isinstance(node.op, ast.Pow):
            return f"Math.pow({left}, {right})", P_CALL, kind
        if isinstance(node.op, ast.Mod):
            self.translation.prelude.add("$mod")
            return f"$mod({left}, {right})", P_CALL, kind
        return f"{left} {op} {right}", precedence, kind

    def expr_UnaryOp(self, node: ast.UnaryOp) -> tuple[str, int, object]:
        if isinstance(node.op, ast.Not):
            return "!" + self.test(node.operand, P_UNARY), P_UNARY, BOOL
        if isinstance(node.op, ast.USub):
            operand, kind = self.typed(node.operand, P_UNARY)
            if kind not in NUMBERS:
                raise self.fail(node, f"unær - på {type_name(kind)}")
            return ("-(" + operand + ")" if operand.startswith("-") else "-" + operand), P_UNARY, kind
        raise self.fail(node, CONSTRUCT_NAMES.get(type(node.op), type(node.op).__name__))

    def expr_BoolOp(self, node: ast.BoolOp) -> tuple[str, int, object]:
        op, precedence = BOOL_OPS[type(node.op)]
        codes: list[str] = []
        kind: object = NOTHING
        for value in node.values:
            code, value_type = self.typed(value, precedence + 1)
            if value_type not in TESTABLE:
                raise self.fail(value, f"{ast.unparse(node)[:20]}… med {type_name(value_type)}")
            codes.append(code)
            kind = unify(kind, value_type)
        return f" {op} ".join(codes), precedence, kind

    def expr_Compare(self, node: ast.Compare) -> tuple[str, int, object]:
        parts, left = [], node.left
        held: str | None = None  # the previous comparison's right operand, held in a temporary
        for i, (op, right) in enumerate(zip(node.ops, node.comparators)):
            if isinstance(op, ast.In | ast.NotIn) and len(node.ops) == 1:
                return self.contains(node, op, left, right)
            if type(op) not in COMPARE_OPS:
                raise self.fail(node, CONSTRUCT_NAMES.get(type(op), type(op).__name__))
            symbol, precedence = COMPARE_OPS[type(op)]
            left_code, left_type = self.typed(left, precedence)
            if held is not None:
                left_code = held
            right_code, right_type = self.typed(right, precedence + 1)
            held = None
            if i < len(node.ops) - 1 and not _simple(right):
                # a < f(x) <= b: Python evaluates f(x) once, so JavaScript keeps it in a
                # temporary (a < ($c1 = f(x)) && $c1 <= b), evaluated in Python's order.
                if self.in_signature:
                    raise self.fail(node, "sammenligningskjede med utregning i en standardverdi")
                held = f"$c{len(self.temporaries) + 1}"
                self.temporaries.append(held)
                right_code = f"({held} = {self.expr(right, P_TERNARY)})"
            ordered = isinstance(op, ast.Lt | ast.LtE | ast.Gt | ast.GtE)
            numbers = left_type in NUMBERS and right_type in NUMBERS
            # 1 == True in Python, 1 === true is false in JavaScript: compare like with like.
            if not numbers and (ordered or left_type != right_type or left_type not in (STR, BOOL)):
                raise self.fail(node, f"sammenligning av {type_name(left_type)} og {type_name(right_type)}",
                                "tall med tall; == og != også tekst med tekst")
            parts.append(f"{left_code} {symbol} {right_code}")
            left = right
        # A chain a < b < c is a < b && b < c (a middle operand other than a name, a constant
        # or v.x is computed once, above).
        return (parts[0], COMPARE_OPS[type(node.ops[0])][1], BOOL) if len(parts) == 1 \
            else (" && ".join(parts), P_AND, BOOL)

    def contains(self, node: ast.Compare, op: ast.cmpop, left: ast.expr, right: ast.expr):
        """``key in d`` for a dict (own keys only), ``x in xs`` for a list of text or numbers,
        ``part in text``."""
        key, key_type = self.typed(left, P_TERNARY)
        owner, owner_type = self.typed(right, P_CALL)
        negate = "!" if isinstance(op, ast.NotIn) else ""
        if isinstance(owner_type, tuple) and owner_type[0] == "dict" and key_type == STR:
            return f"{negate}Object.hasOwn({owner}, {key})", P_UNARY if negate else P_CALL, BOOL
        element = owner_type[1] if isinstance(owner_type, tuple) and owner_type[0] == "list" else None
        element = key_type if element == NOTHING else element  # an empty list (first pass)
        if owner_type == key_type == STR:  # a substring
            return f"{negate}{owner}.includes({key})", P_UNARY if negate else P_CALL, BOOL
        if element == key_type == STR or (element in NUMBERS and key_type in NUMBERS):
            return f"{negate}{owner}.includes({key})", P_UNARY if negate else P_CALL, BOOL
        raise self.fail(node, f"{type_name(key_type)} in {type_name(owner_type)}",
                        "tekst i en dict, tekst i en liste av tekster, tall i en liste av tall")

    def expr_IfExp(self, node: ast.IfExp) -> tuple[str, int, object]:
        test = self.test(node.test, P_TERNARY + 1)
        body, body_type = self.typed(node.body, P_TERNARY + 1)
        orelse, orelse_type = self.typed(node.orelse, P_TERNARY)
        return f"{test} ? {body} : {orelse}", P_TERNARY, unify(body_type, orelse_type)

    def expr_List(self, node: ast.List) -> tuple[str, int, object]:
        codes: list[str] = []
        element: object = NOTHING
        for e in node.elts:
            code, kind = self.typed(e, P_TERNARY)
            codes.append(code)
            element = unify(element, kind)
        return "[" + ", ".join(codes) + "]", P_ATOM, ("list", element)

    def expr_Dict(self, node: ast.Dict) -> tuple[str, int, object]:
        items: list[str] = []
        keys: dict[str, object] = {}
        every: object = NOTHING
        for key, value in zip(node.keys, node.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                raise self.fail(value if key is None else key, "dict-nøkkel som ikke er tekst")
            code, kind = self.typed(value, P_TERNARY)
            keys[key.value] = kind
            every = unify(every, kind)
            items.append(f"{json.dumps(key.value, ensure_ascii=False)}: {code}")
        return "{" + ", ".join(items) + "}", P_ATOM, ("dict", every, keys)

    @contextlib.contextmanager
    def comprehension(self, node: ast.ListComp | ast.DictComp, what: str) -> Iterator[tuple[str, str, str]]:
        """``(source, name, filter)`` of a comprehension with one ``for`` and at most one ``if``, its
        loop name in scope while the body is translated."""
        if len(node.generators) != 1 or len(node.generators[0].ifs) > 1:
            raise self.fail(node, f"{what} med flere for eller if")
        gen = node.generators[0]
        if not isinstance(gen.target, ast.Name):
            raise self.fail(gen.target, "for med mer enn ett løkkenavn")
        source, element = self.iterable(gen.iter)
        self.scopes.append({gen.target.id: element})
        try:
            name = _js_local(gen.target.id)
            filtered = f".filter(({name}) => {self.test(gen.ifs[0], P_TERNARY)})" if gen.ifs else ""
            yield source, name, filtered
        finally:
            self.scopes.pop()

    def expr_ListComp(self, node: ast.ListComp) -> tuple[str, int, object]:
        with self.comprehension(node, "list comprehension") as (source, name, filtered):
            code, kind = self.typed(node.elt, P_TERNARY)
        if code.startswith("{"):
            code = f"({code})"
        return f"{source}{filtered}.map(({name}) => {code})", P_CALL, ("list", kind)

    def expr_DictComp(self, node: ast.DictComp) -> tuple[str, int, object]:
        """``{key: value for x in xs}`` with text keys: ``Object.fromEntries`` (the same order,
        and a repeated key keeps its last value in both)."""
        with self.comprehension(node, "dict-comprehension") as (source, name, filtered):
            key, key_type = self.typed(node.key, P_TERNARY)
            value, kind = self.typed(node.value, P_TERNARY)
        if key_type != STR:
            raise self.fail(node.key, "dict-nøkkel som ikke er tekst")
        return f"Object.fromEntries({source}{filtered}.map(({name}) => [{key}, {value}]))", P_CALL, ("dict", kind, None)

    def expr_Subscript(self, node: ast.Subscript) -> tuple[str, int, object]:
        (owner, kind), index = self.typed(node.value, P_CALL), node.slice
        if isinstance(index, ast.Slice):
            return self.slice(node, owner, kind, index)
        if isinstance(kind, tuple) and kind[0] == "dict":
            key, key_type = self.typed(index, P_TERNARY)
            if key_type != STR:
                raise self.fail(node, f"dict-oppslag med {type_name(key_type)}")
            if isinstance(index, ast.Constant):
                known = kind[2] or {}
                return f"{owner}[{key}]", P_CALL, known.get(index.value, kind[1])
            return f"{owner}[{key}]", P_CALL, kind[1]
        if kind == STR or (isinstance(kind, tuple) and kind[0] == "list"):
            element = STR if kind == STR else kind[1]
            if isinstance(index, ast.Constant) and type(index.value) is int and index.value >= 0:
                return f"{owner}[{index.value}]", P_CALL, element
            position, position_type = self.typed(index, P_TERNARY)
            if position_type != INT:
                raise self.fail(node, f"indeks av {type_name(position_type)}", "indekser er heltall")
            # Array.prototype.at counts negative indices from the end, as Python does.
            return f"{owner}.at({position})", P_CALL, element
        raise self.fail(node, f"oppslag i {type_name(kind)}")

    def slice(self, node: ast.Subscript, owner: str, kind: object, index: ast.Slice):
        """``xs[a:b]`` on a list or text is ``slice(a, b)``: the same counting from the end and
        the same clipping at the edges (text is counted in UTF-16 units in JavaScript: slice
        only text without characters outside the BMP, such as digits)."""
        if index.step is not None:
            raise self.fail(node, "utsnitt med steg")
        if not (kind == STR or (isinstance(kind, tuple) and kind[0] == "list")):
            raise self.fail(node, f"utsnitt av {type_name(kind)}")
        bounds = []
        for bound in (index.lower, index.upper):
            if bound is not None:
                code, bound_type = self.typed(bound, P_TERNARY)
                if bound_type != INT:
                    raise self.fail(node, f"utsnitt med {type_name(bound_type)}")
            bounds.append(None if bound is None else code)
        lower, upper = bounds
        args = [lower or "0"] + ([upper] if upper is not None else [])
        return f"{owner}.slice({', '.join(args)})", P_CALL, kind

    def expr_Call(self, node: ast.Call) -> tuple[str, int, object]:
        func = node.func
        if isinstance(func, ast.Name) and func.id in BUILTINS and func.id not in self.globals \
                and func.id not in self.locals:
            if node.keywords:
                raise self.fail(node, f"{func.id}() med nøkkelord")
            return getattr(self, "builtin_" + func.id)(node, node.args)
        if isinstance(func, ast.Attribute) and func.attr == "append":
            raise self.fail(node, "append() inne i et uttrykk", "skriv lst.append(x) som egen linje")
        if isinstance(func, ast.Attribute) and not (isinstance(func.value, ast.Name)
                                                    and func.value.id in self.globals
                                                    and isinstance(self.globals[func.value.id], types.ModuleType)):
            return self.method(node, func)
        if isinstance(func, ast.Name) and func.id in self.callables and not node.keywords:
            # A function passed in (the uncertainty driver's compute): called as it is.
            codes = [self.expr(a, P_TERNARY) for a in node.args]
            return f"{self.locals[func.id]}({', '.join(codes)})", P_CALL, self.callables[func.id]
        if isinstance(func, ast.Name) and func.id not in self.locals:
            target = self.globals.get(func.id)
            if isinstance(target, types.BuiltinFunctionType) and target in MATH_FUNCTIONS:
                if node.keywords:
                    raise self.fail(node, f"{func.id}() med nøkkelord")
                return f"{MATH_FUNCTIONS[target]}({self.one(node, node.args, NUMBERS)[0]})", P_CALL, FLOAT
        elif isinstance(func, ast.Attribute):
            target = getattr(self.module(func.value), func.attr, None)
        else:
            raise self.fail(node, "kall av en lokal verdi")
        if isinstance(target, types.FunctionType) and target in PRIMITIVES:
            return self.primitive(node, target)
        if not isinstance(target, types.FunctionType) or not self.allowed(target.__module__):
            where = getattr(target, "__module__", None) or "ukjent modul"
            raise self.fail(node, f"kall av {ast.unparse(func)} ({where})",
                            "bare funksjoner i modellen, calculators/core/finance.py og calculators/view/view.py")
        record = [i for i, a in enumerate(node.args) if isinstance(a, ast.Name) and a.id == self.record]
        codes, kinds = self.arguments(node, target)
        inputs = self.inputs if record else None
        argument_types = tuple(RECORD if i in record else k for i, k in enumerate(kinds))
        returns = self.translation.result(target, inputs, (record or [0])[0], argument_types)
        js_name = self.unshadowed(node, self.translation.functions[id(target)][0])
        return f"{js_name}({', '.join(codes)})", P_CALL, returns

    def method(self, node: ast.Call, func: ast.Attribute) -> tuple[str, int, object]:
        """``text.join(list)`` and the text methods in ``STR_METHODS``."""
        owner, kind = self.typed(func.value, P_CALL)
        if kind != STR:
            raise self.fail(node, f"metoden .{func.attr}() på {type_name(kind)}")
        if node.keywords:
            raise self.fail(node, f".{func.attr}() med nøkkelord")
        if func.attr == "join":
            if len(node.args) != 1:
                raise self.fail(node, ".join() med flere argumenter")
            items, items_type = self.typed(node.args[0], P_CALL)
            if items_type not in (("list", STR), ("list", NOTHING)):
                raise self.fail(node, f".join() av {type_name(items_type)}", "en liste av tekster")
            return f"{items}.join({owner})", P_CALL, STR
        if func.attr not in STR_METHODS:
            raise self.fail(node, f"metoden .{func.attr}()")
        template, wanted, returns = STR_METHODS[func.attr]
        if len(node.args) != len(wanted):
            raise self.fail(node, f".{func.attr}() med {len(node.args)} argumenter")
        codes = []
        for arg, want in zip(node.args, wanted):
            code, arg_type = self.typed(arg, P_TERNARY)
            literal = isinstance(arg, ast.Constant) and arg.value != ""
            if arg_type != want or (func.attr in ("replace", "split") and arg is node.args[0] and not literal):
                raise self.fail(node, f".{func.attr}() med {type_name(arg_type)}",
                                "første argument en tekst i anførselstegn")
            codes.append(code)
        return owner + template.format(*codes), P_CALL, returns

    def primitive(self, node: ast.Call, target: Callable) -> tuple[str, int, object]:
        name, wanted, returns = PRIMITIVES[target]
        if node.keywords or len(node.args) != len(wanted):
            raise self.fail(node, f"{target.__name__}() med {len(node.args)} argumenter")
        codes = []
        for arg, want in zip(node.args, wanted):
            code, kind = self.typed(arg, P_TERNARY)
            if not (kind == want or (want == FLOAT and kind in NUMBERS)):
                raise self.fail(node, f"{target.__name__}() med {type_name(kind)}")
            codes.append(code)
        self.translation.prelude.add(name)
        return f"{name}({', '.join(codes)})", P_CALL, returns

    # -- builtins ---------------------------------------------------------------------------
    def numbers(self, node, args: list[ast.expr]) -> tuple[list[str], object]:
        """Arguments that must be numbers (or one list of numbers): their code and joint type."""
        codes: list[str] = []
        kind: object = NOTHING
        for arg in args:
            code, arg_type = self.typed(arg, P_CALL if len(args) == 1 else P_TERNARY)
            if len(args) == 1 and isinstance(arg_type, tuple) and arg_type[0] == "list":
                arg_type = arg_type[1]
            if arg_type not in NUMBERS:
                raise self.fail(node, f"{ast.unparse(node.func)}() med {type_name(arg_type)}")
            codes.append(code)
            kind = unify(kind, arg_type)
        return codes, kind

    def builtin_min(self, node, args, fn="Math.min") -> tuple[str, int, object]:
        if not args:
            raise self.fail(node, f"{fn}() uten argumenter")
        codes, kind = self.numbers(node, args)
        if len(args) == 1:  # min(list): spread the list
            return f"{fn}(...{codes[0]})", P_CALL, kind
        return f"{fn}({', '.join(codes)})", P_CALL, kind

    def builtin_max(self, node, args) -> tuple[str, int, object]:
        return self.builtin_min(node, args, "Math.max")

    def builtin_abs(self, node, args) -> tuple[str, int, object]:
        code, kind = self.one(node, args, NUMBERS)
        return f"Math.abs({code})", P_CALL, kind

    def builtin_sum(self, node, args) -> tuple[str, int, object]:
        code, kind = self.one(node, args, (("list", INT), ("list", FLOAT)))
        self.translation.prelude.add("$sum")
        assert isinstance(kind, tuple)  # one of the two list types above
        return f"$sum({code})", P_CALL, kind[1]

    def builtin_float(self, node, args) -> tuple[str, int, object]:
        return f"Number({self.one(node, args, NUMBERS)[0]})", P_CALL, FLOAT

    def builtin_int(self, node, args) -> tuple[str, int, object]:  # int() truncates toward zero
        return f"Math.trunc({self.one(node, args, NUMBERS)[0]})", P_CALL, INT

    def builtin_sorted(self, node, args) -> tuple[str, int, object]:
        # A sorted copy, ascending by number; both sorts are stable, so equal numbers (0 and
        # -0 too) keep their order as in Python.
        code, kind = self.one(node, args, (("list", INT), ("list", FLOAT)))
        return f"[...{code}].sort((a, b) => a - b)", P_CALL, kind

    def builtin_str(self, node, args) -> tuple[str, int, object]:
        """str() of a whole number or of text: the same text in both languages (not of a float:
        Python writes 1.0 where JavaScript writes 1 — use calculators.core.text.fixed)."""
        code, kind = self.one(node, args, (INT, STR))
        return (f"String({code})" if kind == INT else f"({code})"), P_CALL, STR

    def builtin_len(self, node, args) -> tuple[str, int, object]:
        code, kind = self.typed(args[0], P_CALL) if len(args) == 1 else ("", None)
        if len(args) != 1 or not (kind == STR or (isinstance(kind, tuple) and kind[0] == "list")):
            raise self.fail(node, f"len() av {type_name(kind)}")
        return f"{code}.length", P_CALL, INT

    def builtin_round(self, node, args) -> tuple[str, int, object]:
        self.translation.prelude.add("$round")
        if len(args) == 1:
            return f"$round({self.one(node, args, NUMBERS)[0]})", P_CALL, INT
        digits = _int_literal(args[1]) if len(args) == 2 else None
        if digits is None:
            raise self.fail(node, "round() med annet enn et heltall som antall desimaler")
        return f"$round({self.one(node, args[:1], NUMBERS)[0]}, {digits})", P_CALL, FLOAT

    def builtin_range(self, node, args) -> tuple[str, int, object]:
        raise self.fail(node, "range() utenfor for", "bruk range() i for-løkker og comprehensions")

    # -- helpers -----------------------------------------------------------------------------
    def one(self, node: ast.Call, args: list[ast.expr], allowed: tuple) -> tuple[str, object]:
        if len(args) != 1:
            raise self.fail(node, f"{ast.unparse(node.func)}() med {len(args)} argumenter")
        code, kind = self.typed(args[0], P_TERNARY)
        if kind not in allowed:
            raise self.fail(node, f"{ast.unparse(node.func)}() med {type_name(kind)}")
        return code, kind

    def iterable(self, node: ast.expr) -> tuple[str, object]:
        """``(code, element type)`` of what a for-loop or comprehension runs over."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range":
            if node.keywords or not 1 <= len(node.args) <= 2:
                raise self.fail(node, "range() med steg", "bruk range(n) eller range(a, b)")
            bounds = ["0"]
            for arg in node.args:
                code, kind = self.typed(arg, P_TERNARY)
                if kind != INT:
                    raise self.fail(node, f"range() med {type_name(kind)}", "bruk int(x)")
                bounds.append(code)
            self.translation.prelude.add("$range")
            return f"$range({bounds[-2]}, {bounds[-1]})", INT
        if isinstance(node, ast.Dict):
            raise self.fail(node, "løkke over en dict")
        code, kind = self.typed(node, P_CALL)
        if not (isinstance(kind, tuple) and kind[0] == "list"):
            raise self.fail(node, f"løkke over {type_name(kind)}", "løkker går over lister og range()")
        return code, kind[1]

    def allowed(self, module: str) -> bool:
        # A model's workbook (calculators/sheets/<id>.py) computes with its model's own helpers.
        own_model = self.fn.__module__.replace("calculators.sheets.", "calculators.models.", 1)
        return module in (self.fn.__module__, own_model) or module in ALLOWED_MODULES

    def module(self, node: ast.expr) -> types.ModuleType:
        value = self.globals.get(node.id) if isinstance(node, ast.Name) else None
        if isinstance(value, types.ModuleType) and self.allowed(value.__name__):
            return value
        raise self.fail(node, f"attributt på {ast.unparse(node)}",
                        f"bare {self.record or 'v'}.<input-id> og calculators.core.finance.<navn>")

    def constant(self, node: ast.AST, namespace: dict, name: str) -> tuple[str, object]:
        if name not in namespace:
            raise self.fail(node, f"navnet {name}", "ukjent eller ikke tillatt navn")
        value = namespace[name]
        module = namespace.get("__name__", "")
        if isinstance(value, types.FunctionType | types.ModuleType):
            raise self.fail(node, f"{name} som verdi", "funksjoner kan bare kalles")
        if not self.allowed(module):
            raise self.fail(node, f"navnet {name} fra {module}")
        data = _json_data(value)
        if data is None:
            raise self.fail(node, f"konstanten {name}",
                            "konstanter må være tall eller tekst, eller lister og dicts av dem")
        key = (name, data)  # a constant imported from finance into a model is emitted once
        if key not in self.translation.constants:
            js = self.translation.unique(name, module)
            self.translation.constants[key] = (js, f"const {js} = {data};")
        return self.unshadowed(node, self.translation.constants[key][0]), type_of_value(value)

    def unshadowed(self, node: ast.AST, js_name: str) -> str:
        """``js_name`` of a function or constant from outside, unless a parameter, local or loop
        name here has the same JavaScript name: JavaScript would read the local (Python does
        not, for ``finance.zeros`` beside a local ``zeros``)."""
        shadows = set(self.locals.values()) | {_js_local(n) for scope in self.scopes for n in scope}
        if js_name in shadows:
            raise self.fail(node, f"navnet {js_name} både lokalt og utenfra",
                            "gi den lokale verdien et annet navn")
        return js_name

    def arguments(self, node: ast.Call, target: types.FunctionType) -> tuple[list[str], list[object]]:
        """The code and type of each argument, in parameter order (keywords placed)."""
        params = list(inspect.signature(target).parameters)
        if len(node.args) > len(params):
            raise self.fail(node, f"for mange argumenter til {target.__name__}()")
        values: list[tuple[str, object] | None] = [
            (self.locals[a.id], RECORD) if isinstance(a, ast.Name) and a.id == self.record
            else self.typed(a, P_TERNARY)
            for a in node.args]
        values += [None] * (len(params) - len(values))
        for keyword in node.keywords:
            if keyword.arg not in params or values[params.index(keyword.arg)] is not None:
                raise self.fail(keyword.value, f"nøkkelordet {keyword.arg}= til {target.__name__}()")
            values[params.index(keyword.arg)] = self.typed(keyword.value, P_TERNARY)
        kinds = [NOTHING if v is None else v[1] for v in values]
        while values and values[-1] is None:
            values.pop()
        # undefined: JavaScript uses the default
        return ["undefined" if v is None else v[0] for v in values], kinds


def _js_local(name: str) -> str:
    """A parameter's or local's JavaScript name: a reserved word gets a ``$`` (which no Python
    name has, so ``this`` and ``this_`` stay two names). Every use goes through here or through
    ``_FunctionVisitor.locals``, which holds what this returned."""
    return name + "$" if name in JS_RESERVED else name


def _simple(node: ast.expr) -> bool:
    """A name, a constant or an attribute (v.x, finance.RATE): the same value when read twice."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _simple(node.operand)
    return isinstance(node, ast.Name | ast.Constant) or (
        isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name))


def _assigned_names(body: list[ast.stmt]) -> list[str]:
    """Names a function assigns (its locals, declared once at the top as in Python)."""
    names: list[str] = []
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign | ast.For):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name) and target.id not in names:
                names.append(target.id)
    return names


def _int_literal(node: ast.expr) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int_literal(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def _json_data(value: object) -> str | None:
    """Module-level data as JSON: numbers, text, and lists/tuples/str-keyed dicts of data."""
    def valid(v: object) -> bool:
        if isinstance(v, bool | int | float):
            return v == v and v not in (float("inf"), float("-inf"))
        if isinstance(v, str):
            return True
        if isinstance(v, list | tuple):
            return all(valid(x) for x in v)
        if isinstance(v, dict):
            return all(isinstance(k, str) and valid(x) for k, x in v.items())
        return False
    return json.dumps(value, ensure_ascii=False) if valid(value) else None
