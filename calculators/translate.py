"""Translate Python functions in the model subset to JavaScript.

A visitor with one method per construct of the translatable subset (``calculators/README.md``),
operator and function tables as module constants, and an allow-list of names. Anything else
raises ``TranslationError`` naming the file, line, column and construct. Every place where
Python and JavaScript disagree is handled once — in ``PRELUDE`` or in a table — with a comment.
The output is plain functions and JSON constants: no ``eval``, no ``new Function``.
"""

from __future__ import annotations

import ast
import inspect
import json
import math
import textwrap
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ALLOWED_MODULES = ("calculators.finance", "calculators.uncertainty")
"""Modules besides the model's own whose functions and constants a model may use."""

ROOT = Path(__file__).resolve().parent.parent

# JavaScript precedence (higher binds tighter); a child with lower precedence gets parentheses.
P_TERNARY, P_OR, P_AND, P_EQ, P_REL, P_ADD, P_MUL, P_UNARY, P_CALL, P_ATOM = (
    2, 3, 4, 8, 9, 11, 12, 14, 17, 18)

BIN_OPS: dict[type, tuple[str, int]] = {
    ast.Add: ("+", P_ADD), ast.Sub: ("-", P_ADD), ast.Mult: ("*", P_MUL), ast.Div: ("/", P_MUL),
}
AUG_OPS: dict[type, str] = {ast.Add: "+=", ast.Sub: "-=", ast.Mult: "*=", ast.Div: "/="}
COMPARE_OPS: dict[type, tuple[str, int]] = {
    # Python's == on numbers and booleans is JavaScript's ===.
    ast.Eq: ("===", P_EQ), ast.NotEq: ("!==", P_EQ), ast.Lt: ("<", P_REL),
    ast.LtE: ("<=", P_REL), ast.Gt: (">", P_REL), ast.GtE: (">=", P_REL),
}
# Truthiness: the subset tests booleans and numbers only, where JavaScript agrees with Python
# (NaN aside, which Python never produces without raising first).
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
}

BUILTINS = frozenset({"min", "max", "abs", "sum", "round", "float", "int", "len", "range",
                      "sorted"})

# Functions from Python's math module the subset allows, with their JavaScript names. Only
# correctly rounded ones (IEEE 754 requires it of sqrt), so both languages give the same bits.
MATH_FUNCTIONS = {math.sqrt: "Math.sqrt"}

JS_RESERVED = frozenset((
    "arguments await break case catch class const continue debugger default delete do else enum "
    "eval export extends false finally for function if implements import in instanceof interface "
    "let new null package private protected public return static super switch this throw true "
    "try typeof var void while with yield undefined NaN Infinity Math Number Array Object "
    "globalThis isFinite String JSON").split())

CONSTRUCT_NAMES: dict[type, str] = {
    ast.While: "while-løkke", ast.With: "with", ast.Try: "try", ast.Lambda: "lambda",
    ast.FloorDiv: "heltallsdivisjon //", ast.JoinedStr: "f-streng", ast.Tuple: "tuppel",
    ast.Set: "mengde (set)", ast.DictComp: "dict-comprehension", ast.SetComp: "set-comprehension",
    ast.GeneratorExp: "generatoruttrykk", ast.Is: "is", ast.IsNot: "is not", ast.In: "in",
    ast.NotIn: "not in", ast.Break: "break", ast.Continue: "continue", ast.Pass: "pass",
    ast.Slice: "utsnitt (slice)", ast.Starred: "*-utpakking", ast.Global: "global",
    ast.Nonlocal: "nonlocal", ast.FunctionDef: "nestet funksjon", ast.ClassDef: "class",
    ast.Import: "import", ast.ImportFrom: "import", ast.Raise: "raise", ast.Assert: "assert",
    ast.Delete: "del", ast.NamedExpr: "walrus :=", ast.BitAnd: "&", ast.BitOr: "|",
    ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>", ast.MatMult: "@", ast.Invert: "~",
    ast.UAdd: "unær +", ast.AnnAssign: "tilordning med typeannotasjon",
}


class TranslationError(Exception):
    """A construct outside the translatable subset, with its place in the source file."""

    def __init__(self, file: str, line: int, col: int, construct: str, hint: str = "") -> None:
        self.file, self.line, self.col, self.construct = file, line, col, construct
        message = f"{file}:{line}:{col}: {construct} kan ikke oversettes til JavaScript"
        super().__init__(message + (f" – {hint}" if hint else ""))


@dataclass
class Translation:
    """Everything one translation produced: prelude helpers, constants and functions."""

    functions: dict[int, tuple[str, str]] = field(default_factory=dict)  # id(fn): (name, code)
    constants: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (name, JSON)
    prelude: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    def add(self, fn: Callable, inputs: frozenset[str] | None = None, record: int = 0) -> str:
        """Translate ``fn`` (once) and what it calls; return its JavaScript name.

        ``inputs``: the model's input ids, when parameter number ``record`` of ``fn`` is the
        input record ``v`` (``compute``'s first parameter, or a helper it is passed to).
        """
        if id(fn) not in self.functions:
            _translate_function(fn, self, inputs, record)
        return self.functions[id(fn)][0]

    def unique(self, name: str, module: str) -> str:
        js = name + "_" if name in JS_RESERVED else name
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
    its first parameter, when ``fn`` is a model's ``compute``)."""
    translation = Translation()
    translation.add(fn, inputs)
    return translation.code()


def source_path(fn: Callable) -> str:
    """``fn``'s file relative to the repository, as error messages name it."""
    path = Path(inspect.getsourcefile(fn) or "<ukjent>").resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _translate_function(fn: Callable, translation: Translation, inputs, record: int) -> None:
    lines, first = inspect.getsourcelines(fn)
    tree = ast.parse(textwrap.dedent("".join(lines)))
    ast.increment_lineno(tree, first - 1)
    node = tree.body[0]
    js_name = translation.unique(fn.__name__, fn.__module__)
    translation.functions[id(fn)] = (js_name, "")  # reserved first: recursion terminates
    visitor = _FunctionVisitor(fn, source_path(fn), translation, inputs, record)
    code = visitor.function(node, js_name)
    translation.functions[id(fn)] = (js_name, code)


class _FunctionVisitor:
    """Turns one ``def`` into a JavaScript function; one method per construct."""

    def __init__(self, fn: Callable, file: str, translation: Translation, inputs,
                 record: int) -> None:
        self.fn, self.file, self.translation, self.inputs = fn, file, translation, inputs
        self.record_index = record
        self.globals = fn.__globals__
        self.locals: dict[str, str] = {}   # Python name -> JS name
        self.lists: set[str] = set()       # locals known to hold lists
        self.scopes: list[set[str]] = []   # comprehension variables
        self.record: str | None = None     # the parameter holding the inputs (`v`)

    # -- errors and dispatch ---------------------------------------------------------------
    def fail(self, node: ast.AST, construct: str | None = None, hint: str = "") -> TranslationError:
        name = construct or CONSTRUCT_NAMES.get(type(node), type(node).__name__)
        return TranslationError(
            self.file, getattr(node, "lineno", 0), getattr(node, "col_offset", -1) + 1, name, hint)

    def expr(self, node: ast.expr, minimum: int = 0) -> str:
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            raise self.fail(node)
        code, precedence = method(node)
        return f"({code})" if precedence < minimum else code

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
        for name in params:
            self.locals[name] = _js_local(name)
        if self.inputs is not None and len(params) > self.record_index:
            self.record = params[self.record_index]
        defaults = [None] * (len(params) - len(args.defaults)) + list(args.defaults)
        signature = ", ".join(
            self.locals[p] + ("" if d is None else " = " + self.expr(d, P_TERNARY))
            for p, d in zip(params, defaults))
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]  # the docstring
        assigned = [n for n in _assigned_names(body) if n not in self.locals]
        for name in assigned:
            self.locals[name] = _js_local(name)
        lines = [f"function {js_name}({signature}) {{"]
        if assigned:
            lines.append("  let " + ", ".join(self.locals[n] for n in assigned) + ";")
        lines += self.body(body)
        return "\n".join(lines + ["}"])

    # -- statements --------------------------------------------------------------------------
    def stmt_Assign(self, node: ast.Assign) -> list[str]:
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            raise self.fail(node.targets[-1], "tilordning til noe annet enn ett navn")
        name = node.targets[0].id
        if self.is_list(node.value):
            self.lists.add(name)
        return [f"{self.locals[name]} = {self.expr(node.value)};"]

    def stmt_AugAssign(self, node: ast.AugAssign) -> list[str]:
        if not isinstance(node.target, ast.Name):
            raise self.fail(node.target, "tilordning til noe annet enn ett navn")
        if type(node.op) not in AUG_OPS:
            raise self.fail(node, f"{CONSTRUCT_NAMES.get(type(node.op), type(node.op).__name__)}=")
        if node.target.id in self.lists or self.is_list(node.value):
            raise self.fail(node, "+= på en liste", "bruk lst.append(x)")
        return [f"{self.locals[node.target.id]} {AUG_OPS[type(node.op)]} {self.expr(node.value)};"]

    def stmt_Return(self, node: ast.Return) -> list[str]:
        if node.value is None:
            raise self.fail(node, "return uten verdi")
        return [f"return {self.expr(node.value)};"]

    def stmt_If(self, node: ast.If) -> list[str]:
        lines = [f"if ({self.expr(node.test)}) {{", *self.body(node.body)]
        orelse = node.orelse
        while len(orelse) == 1 and isinstance(orelse[0], ast.If):  # elif
            lines += [f"}} else if ({self.expr(orelse[0].test)}) {{", *self.body(orelse[0].body)]
            orelse = orelse[0].orelse
        if orelse:
            lines += ["} else {", *self.body(orelse)]
        return lines + ["}"]

    def stmt_For(self, node: ast.For) -> list[str]:
        if not isinstance(node.target, ast.Name):
            raise self.fail(node.target, "for med mer enn ett løkkenavn")
        if node.orelse:
            raise self.fail(node, "for … else")
        target = self.locals[node.target.id]
        # `for … of` over an array: the iterable is evaluated once and the loop variable keeps
        # its last value afterwards, as in Python.
        return [f"for ({target} of {self.iterable(node.iter)}) {{", *self.body(node.body), "}"]

    def stmt_Expr(self, node: ast.Expr) -> list[str]:
        call = node.value
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "append" and len(call.args) == 1 and not call.keywords):
            return [f"{self.expr(call.func.value, P_CALL)}.push({self.expr(call.args[0])});"]
        raise self.fail(node, "uttrykk som setning", "bare lst.append(x) kan stå alene")

    # -- expressions: each returns (code, precedence) ---------------------------------------
    def expr_Constant(self, node: ast.Constant) -> tuple[str, int]:
        value = node.value
        if isinstance(value, bool):
            return ("true" if value else "false"), P_ATOM
        if isinstance(value, int | float):
            return repr(value), P_ATOM
        raise self.fail(node, "tekst" if isinstance(value, str) else repr(value),
                        "tekst brukes bare som nøkkel i en dict" if isinstance(value, str) else "")

    def expr_Name(self, node: ast.Name) -> tuple[str, int]:
        name = node.id
        if any(name in scope for scope in self.scopes):
            return _js_local(name), P_ATOM
        if name in self.locals:
            if name == self.record:
                raise self.fail(node, f"{name} alene", f"bruk {name}.<input-id>")
            return self.locals[name], P_ATOM
        return self.constant(node, self.globals, name), P_ATOM

    def expr_Attribute(self, node: ast.Attribute) -> tuple[str, int]:
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id == self.record:
            if node.attr not in self.inputs:
                raise self.fail(node, f"{owner.id}.{node.attr}",
                                f"modellen har ingen input med id «{node.attr}»")
            return f"{owner.id}.{node.attr}", P_CALL
        module = self.module(owner)
        return self.constant(node, vars(module), node.attr), P_ATOM

    def expr_BinOp(self, node: ast.BinOp) -> tuple[str, int]:
        if self.is_list(node.left) or self.is_list(node.right):
            raise self.fail(node, "regning med lister", "bruk en list comprehension")
        left, right = node.left, node.right
        # Python's float ** is C's pow(); Math.pow is JavaScript's (parity tests hold them equal).
        if isinstance(node.op, ast.Pow):
            return f"Math.pow({self.expr(left, P_TERNARY)}, {self.expr(right, P_TERNARY)})", P_CALL
        if isinstance(node.op, ast.Mod):
            self.translation.prelude.add("$mod")
            return f"$mod({self.expr(left, P_TERNARY)}, {self.expr(right, P_TERNARY)})", P_CALL
        if type(node.op) not in BIN_OPS:
            raise self.fail(node.op if hasattr(node.op, "lineno") else node,
                            CONSTRUCT_NAMES.get(type(node.op), type(node.op).__name__))
        op, precedence = BIN_OPS[type(node.op)]
        # Left-associative: the right operand needs parentheses at equal precedence.
        return f"{self.expr(left, precedence)} {op} {self.expr(right, precedence + 1)}", precedence

    def expr_UnaryOp(self, node: ast.UnaryOp) -> tuple[str, int]:
        if isinstance(node.op, ast.Not):
            return "!" + self.expr(node.operand, P_UNARY), P_UNARY
        if isinstance(node.op, ast.USub):
            operand = self.expr(node.operand, P_UNARY)
            return ("-(" + operand + ")" if operand.startswith("-") else "-" + operand), P_UNARY
        raise self.fail(node, CONSTRUCT_NAMES.get(type(node.op), type(node.op).__name__))

    def expr_BoolOp(self, node: ast.BoolOp) -> tuple[str, int]:
        op, precedence = BOOL_OPS[type(node.op)]
        return f" {op} ".join(self.expr(v, precedence + 1) for v in node.values), precedence

    def expr_Compare(self, node: ast.Compare) -> tuple[str, int]:
        parts, left = [], node.left
        for op, right in zip(node.ops, node.comparators):
            if type(op) not in COMPARE_OPS:
                raise self.fail(node, CONSTRUCT_NAMES.get(type(op), type(op).__name__))
            symbol, precedence = COMPARE_OPS[type(op)]
            parts.append(f"{self.expr(left, precedence)} {symbol} {self.expr(right, precedence + 1)}")
            left = right
        # A chain a < b < c is a < b && b < c (operands are side-effect free).
        return (parts[0], COMPARE_OPS[type(node.ops[0])][1]) if len(parts) == 1 \
            else (" && ".join(parts), P_AND)

    def expr_IfExp(self, node: ast.IfExp) -> tuple[str, int]:
        test = self.expr(node.test, P_TERNARY + 1)
        return f"{test} ? {self.expr(node.body, P_TERNARY + 1)} : {self.expr(node.orelse, P_TERNARY)}", P_TERNARY

    def expr_List(self, node: ast.List) -> tuple[str, int]:
        return "[" + ", ".join(self.expr(e, P_TERNARY) for e in node.elts) + "]", P_ATOM

    def expr_Dict(self, node: ast.Dict) -> tuple[str, int]:
        items = []
        for key, value in zip(node.keys, node.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                raise self.fail(value if key is None else key, "dict-nøkkel som ikke er tekst")
            items.append(f"{json.dumps(key.value, ensure_ascii=False)}: {self.expr(value, P_TERNARY)}")
        return "{" + ", ".join(items) + "}", P_ATOM

    def expr_ListComp(self, node: ast.ListComp) -> tuple[str, int]:
        if len(node.generators) != 1 or len(node.generators[0].ifs) > 1:
            raise self.fail(node, "list comprehension med flere for eller if")
        gen = node.generators[0]
        if not isinstance(gen.target, ast.Name):
            raise self.fail(gen.target, "for med mer enn ett løkkenavn")
        source = self.iterable(gen.iter)
        self.scopes.append({gen.target.id})
        try:
            name = _js_local(gen.target.id)
            filtered = f".filter(({name}) => {self.expr(gen.ifs[0], P_TERNARY)})" if gen.ifs else ""
            element = self.expr(node.elt, P_TERNARY)
        finally:
            self.scopes.pop()
        if element.startswith("{"):
            element = f"({element})"
        return f"{source}{filtered}.map(({name}) => {element})", P_CALL

    def expr_Subscript(self, node: ast.Subscript) -> tuple[str, int]:
        owner, index = self.expr(node.value, P_CALL), node.slice
        if isinstance(index, ast.Constant) and isinstance(index.value, str):
            return f"{owner}[{json.dumps(index.value, ensure_ascii=False)}]", P_CALL
        if isinstance(index, ast.Constant) and type(index.value) is int and index.value >= 0:
            return f"{owner}[{index.value}]", P_CALL
        if isinstance(index, ast.Slice):
            raise self.fail(node, "utsnitt (slice)")
        # Array.prototype.at counts negative indices from the end, as Python does.
        return f"{owner}.at({self.expr(index, P_TERNARY)})", P_CALL

    def expr_Call(self, node: ast.Call) -> tuple[str, int]:
        func = node.func
        if isinstance(func, ast.Name) and func.id in BUILTINS and func.id not in self.globals \
                and func.id not in self.locals:
            if node.keywords:
                raise self.fail(node, f"{func.id}() med nøkkelord")
            return getattr(self, "builtin_" + func.id)(node, node.args)
        if isinstance(func, ast.Attribute) and func.attr == "append":
            raise self.fail(node, "append() inne i et uttrykk", "skriv lst.append(x) som egen linje")
        if isinstance(func, ast.Name) and func.id not in self.locals:
            target = self.globals.get(func.id)
            if target in MATH_FUNCTIONS:
                if node.keywords:
                    raise self.fail(node, f"{func.id}() med nøkkelord")
                return f"{MATH_FUNCTIONS[target]}({self.one(node, node.args)})", P_CALL
        elif isinstance(func, ast.Attribute):
            target = getattr(self.module(func.value), func.attr, None)
        else:
            raise self.fail(node, "kall av en lokal verdi")
        if not isinstance(target, types.FunctionType) or not self.allowed(target.__module__):
            where = getattr(target, "__module__", None) or "ukjent modul"
            raise self.fail(node, f"kall av {ast.unparse(func)} ({where})",
                            "bare funksjoner i modellen og calculators/finance.py")
        record = [i for i, a in enumerate(node.args) if isinstance(a, ast.Name) and a.id == self.record]
        js_name = self.translation.add(target, self.inputs if record else None, (record or [0])[0])
        return f"{js_name}({', '.join(self.arguments(node, target))})", P_CALL

    # -- builtins ---------------------------------------------------------------------------
    def builtin_min(self, node, args, fn="Math.min") -> tuple[str, int]:
        if not args:
            raise self.fail(node, f"{fn}() uten argumenter")
        if len(args) == 1:  # min(list): spread the list
            return f"{fn}(...{self.expr(args[0], P_CALL)})", P_CALL
        return f"{fn}({', '.join(self.expr(a, P_TERNARY) for a in args)})", P_CALL

    def builtin_max(self, node, args) -> tuple[str, int]:
        return self.builtin_min(node, args, "Math.max")

    def builtin_abs(self, node, args) -> tuple[str, int]:
        return f"Math.abs({self.one(node, args)})", P_CALL

    def builtin_sum(self, node, args) -> tuple[str, int]:
        self.translation.prelude.add("$sum")
        return f"$sum({self.one(node, args)})", P_CALL

    def builtin_float(self, node, args) -> tuple[str, int]:
        return f"Number({self.one(node, args)})", P_CALL

    def builtin_int(self, node, args) -> tuple[str, int]:  # int() truncates toward zero
        return f"Math.trunc({self.one(node, args)})", P_CALL

    def builtin_sorted(self, node, args) -> tuple[str, int]:
        # A sorted copy, ascending by number; both sorts are stable, so equal numbers (0 and
        # -0 too) keep their order as in Python.
        return f"[...{self.one(node, args)}].sort((a, b) => a - b)", P_CALL

    def builtin_len(self, node, args) -> tuple[str, int]:
        self.one(node, args)
        return f"{self.expr(args[0], P_CALL)}.length", P_CALL

    def builtin_round(self, node, args) -> tuple[str, int]:
        self.translation.prelude.add("$round")
        if len(args) == 1:
            return f"$round({self.expr(args[0], P_TERNARY)})", P_CALL
        digits = _int_literal(args[1]) if len(args) == 2 else None
        if digits is None:
            raise self.fail(node, "round() med annet enn et heltall som antall desimaler")
        return f"$round({self.expr(args[0], P_TERNARY)}, {digits})", P_CALL

    def builtin_range(self, node, args) -> tuple[str, int]:
        raise self.fail(node, "range() utenfor for", "bruk range() i for-løkker og comprehensions")

    # -- helpers -----------------------------------------------------------------------------
    def one(self, node: ast.Call, args: list[ast.expr]) -> str:
        if len(args) != 1:
            raise self.fail(node, f"{ast.unparse(node.func)}() med {len(args)} argumenter")
        return self.expr(args[0], P_TERNARY)

    def iterable(self, node: ast.expr) -> str:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range":
            if node.keywords or not 1 <= len(node.args) <= 2:
                raise self.fail(node, "range() med steg", "bruk range(n) eller range(a, b)")
            bounds = ["0", *(self.expr(a, P_TERNARY) for a in node.args)][-2:]
            self.translation.prelude.add("$range")
            return f"$range({bounds[0]}, {bounds[1]})"
        if isinstance(node, ast.Dict):
            raise self.fail(node, "løkke over en dict")
        return self.expr(node, P_CALL)

    def is_list(self, node: ast.expr) -> bool:
        return isinstance(node, ast.List | ast.ListComp) or (
            isinstance(node, ast.Name) and node.id in self.lists)

    def allowed(self, module: str) -> bool:
        return module == self.fn.__module__ or module in ALLOWED_MODULES

    def module(self, node: ast.expr) -> types.ModuleType:
        value = self.globals.get(node.id) if isinstance(node, ast.Name) else None
        if isinstance(value, types.ModuleType) and self.allowed(value.__name__):
            return value
        raise self.fail(node, f"attributt på {ast.unparse(node)}",
                        f"bare {self.record or 'v'}.<input-id> og calculators.finance.<navn>")

    def constant(self, node: ast.AST, namespace: dict, name: str) -> str:
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
                            "konstanter må være tall, eller lister og dicts av tall")
        key = (name, data)  # a constant imported from finance into a model is emitted once
        if key not in self.translation.constants:
            js = self.translation.unique(name, module)
            self.translation.constants[key] = (js, f"const {js} = {data};")
        return self.translation.constants[key][0]

    def arguments(self, node: ast.Call, target: types.FunctionType) -> list[str]:
        params = list(inspect.signature(target).parameters)
        if len(node.args) > len(params):
            raise self.fail(node, f"for mange argumenter til {target.__name__}()")
        values: list[str | None] = [
            a.id if isinstance(a, ast.Name) and a.id == self.record else self.expr(a, P_TERNARY)
            for a in node.args]
        values += [None] * (len(params) - len(values))
        for keyword in node.keywords:
            if keyword.arg not in params or values[params.index(keyword.arg)] is not None:
                raise self.fail(keyword.value, f"nøkkelordet {keyword.arg}= til {target.__name__}()")
            values[params.index(keyword.arg)] = self.expr(keyword.value, P_TERNARY)
        while values and values[-1] is None:
            values.pop()
        return ["undefined" if v is None else v for v in values]  # undefined: JS uses the default


def _js_local(name: str) -> str:
    return name + "_" if name in JS_RESERVED else name


def _assigned_names(body: list[ast.stmt]) -> list[str]:
    """Names a function assigns (its locals, declared once at the top as in Python)."""
    names: list[str] = []
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.For):
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
    """Module-level data as JSON: numbers, and lists/tuples/str-keyed dicts of data."""
    def valid(v: object) -> bool:
        if isinstance(v, bool | int | float):
            return v == v and v not in (float("inf"), float("-inf"))
        if isinstance(v, list | tuple):
            return all(valid(x) for x in v)
        if isinstance(v, dict):
            return all(isinstance(k, str) and valid(x) for k, x in v.items())
        return False
    return json.dumps(value, ensure_ascii=False) if valid(value) else None
