"""Small functions, one per construct, for the translator tests (their source is what counts)."""

from math import sqrt

from calculators.core import finance
from calculators.core.finance import stepped_rates, zeros

RATES = [4.0, 3.0]
TABLE = {"a": 1, "b": [2, 3]}


def add(a: float, b: float):
    return a + b - 1


def grouping(a: float, b: float, c: float):
    return a - (b - c) * (a + b) / c


def power(a: float, b: float):
    return -a ** b


def modulo(a: float, b: float):
    return a % b


def unary(a: float):
    return -(-a)


def compare(a: float, b: float, c: float):
    return a < b <= c


def logic(a: float, b: float):
    return a > 0 and b > 0 or not a == b


def ternary(a: float):
    return 1 if a > 0 else -1


def branches(a: float):
    if a > 10:
        x = 2
    elif a > 5:
        x = 1
    else:
        x = 0
    return x


def loop(n: int):
    total = 0.0
    for t in range(n):
        total += t
    return total


def loop_from(a: int, b: int):
    total = 1
    for t in range(a, b):
        total *= t
    return total


def loop_list(xs: list[float]):
    total = 0
    for x in xs:
        total -= x
    return total


def divide(a: float):
    a /= 2
    return a


def lists(n: int):
    xs = [1, 2]
    xs.append(n)
    return [x * 2 for x in xs if x > 1]


def comprehension(n: int):
    return [t * t for t in range(n)]


def indexing(xs: list[float], i: int):
    return xs[0] + xs[-1] + xs[i]


def builtins(xs: list[float], a: float):
    return min(a, 2) + max(xs) + abs(a) + sum(xs) + len(xs) + float(a) + int(a)


def rounding(a: float):
    return round(a) + round(a, 2) + round(a, -2)


def dicts(a: float):
    return {"a": a, "b": [a, a]}


def dict_index(key: int):
    return TABLE["a"] + RATES[key]


def calls_finance(rate: float):
    return stepped_rates(rate)


def defaults(a: float, b: float = 2):
    return a * b


def keywords(a: float):
    return defaults(a, b=3)


def record(v):
    return v.x * 2


def with_docstring(a: float):
    """Docstrings are skipped."""
    return a


# -- text (the view's subset) --
def text_ops(label: str, n: int, x: float, parts: list[str]) -> str:
    return label.lower() + f"{n}: {x:.1f}" + ", ".join(parts) + str(n) + label[:-3]


def text_methods(label: str) -> list[str]:
    return label.replace("{a}", "b").split(",")


def contains(key: str, table: dict[str, float], names: list[str]) -> bool:
    return key in table and key not in names


def counts_down(n: int) -> int:
    while n > 3:
        n -= 3
    return n


def zeros_twice(n: int) -> list[float]:
    return zeros(n) + zeros(n)


def text_plus_number(label: str, n: float) -> str:
    return label + n


def number_equals_boolean(n: float) -> bool:
    return n == True  # noqa: E712


def text_times(label: str) -> str:
    return label * 2


def float_in_text(x: float) -> str:
    return f"{x}"


def str_of_float(x: float) -> str:
    return str(x)


def test_on_a_list(xs: list[float]) -> float:
    return 1 if xs else 0


def unknown_plus(a, b):
    return a + b


def one_function_two_meanings(n: int, label: str) -> str:
    return as_text(label) + as_text(n)


def as_text(x):
    return str(x)


# -- rejected --
def uses_while_else(a: float):
    while a > 0:
        a -= 1
    else:
        a = 1
    return a


def uses_floor_division(a: float):
    return a // 2


def uses_string_times(a: str):
    return a * 3


def uses_tuple(a: float):
    return (a, a)


def uses_slice_step(xs: list[float]):
    return xs[::2]


def uses_lambda(a):
    f = lambda x: x  # noqa: E731
    return f


def uses_import(a):
    import math
    return math.pi


def uses_unknown_name(a):
    return undefined_name  # noqa: F821


def uses_break(xs: list[float]):
    for x in xs:
        break
    return 0


def uses_in(a: float, xs: list[str]):
    return a in xs


def uses_list_plus(a: float):
    return [a] + [a]


def uses_bad_attribute(v):
    return v.nope


def uses_fstring(a: float):
    return f"{a!r}"


def uses_generator(xs: list[float]):
    return sum(x for x in xs)


def sorted_and_sqrt(xs: list[float]):
    return sorted(xs)[0] + sqrt(xs[0])


# -- names JavaScript reserves (issue 25): renamed everywhere, also where the record is passed on --
def reserved_names(this: float, new: int) -> float:
    var = this * 2
    default = 0.0
    for let in range(new):
        default += let
    this_ = [delete * 2 for delete in [this, var]]
    return var + default + this_[1] + function(this)


def function(arguments: float) -> float:
    return arguments - 1


def reserved_record(this):
    return this.x * 2 + passes_record(this)


def passes_record(new):
    return new.x + 1


# -- a chain whose middle operand is a call: evaluated once --
def middle(x: float) -> float:
    return x * 3


def chain_with_a_call(a: float, x: float, b: float) -> bool:
    return a < middle(x) <= b < middle(b) + 1


def shadows_a_function(n: int) -> list[float]:
    zeros = 2.0
    return finance.zeros(n) if zeros > 1 else []


def dict_comprehension(names: list[str]) -> dict[str, int]:
    return {name + "!": len(name) for name in names if len(name) > 1}


def annotated(a: float, n: int) -> list[float]:
    row: list[float] = [0]  # an int in a list of floats: what mypy asks the annotation for
    total: float = a
    for i in range(n % 5):
        total += a / 2
        row.append(total + i)
    return row


def annotated_wrong_value(a: float):
    label: str = a
    return label


def annotated_without_value(a: float):
    b: float
    b = a
    return b


def annotated_unknown_name(a: float):
    b: NoSuchType = a  # noqa: F821
    return b


def annotated_quoted(a: float) -> float:
    x: "float" = a  # noqa: UP037 (quoted on purpose)
    return x * 2


def annotated_quoted_wrong(a: float):
    label: "str" = a  # noqa: UP037 (quoted on purpose)
    return label


def annotated_untranslatable(a: float):
    label: "str | None" = a  # noqa: UP037 (quoted on purpose)
    return label


Row = list[float]


def annotated_nested_quote(a: float) -> list[float]:
    rows: list["Row"] = []  # noqa: UP037 (quoted on purpose: typing resolves it, as in a signature)
    rows.append([a, a + 1])
    return rows[0]
