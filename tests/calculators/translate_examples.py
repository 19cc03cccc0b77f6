"""Small functions, one per construct, for the translator tests (their source is what counts)."""

from math import sqrt

from calculators.finance import stepped_rates

RATES = [4.0, 3.0]
TABLE = {"a": 1, "b": [2, 3]}


def add(a, b):
    return a + b - 1


def grouping(a, b, c):
    return a - (b - c) * (a + b) / c


def power(a, b):
    return -a ** b


def modulo(a, b):
    return a % b


def unary(a):
    return -(-a)


def compare(a, b, c):
    return a < b <= c


def logic(a, b):
    return a > 0 and b > 0 or not a == b


def ternary(a):
    return 1 if a > 0 else -1


def branches(a):
    if a > 10:
        x = 2
    elif a > 5:
        x = 1
    else:
        x = 0
    return x


def loop(n):
    total = 0.0
    for t in range(n):
        total += t
    return total


def loop_from(a, b):
    total = 1
    for t in range(a, b):
        total *= t
    return total


def loop_list(xs):
    total = 0
    for x in xs:
        total -= x
    return total


def divide(a):
    a /= 2
    return a


def lists(n):
    xs = [1, 2]
    xs.append(n)
    return [x * 2 for x in xs if x > 1]


def comprehension(n):
    return [t * t for t in range(n)]


def indexing(xs, i):
    return xs[0] + xs[-1] + xs[i]


def builtins(xs, a):
    return min(a, 2) + max(xs) + abs(a) + sum(xs) + len(xs) + float(a) + int(a)


def rounding(a):
    return round(a) + round(a, 2) + round(a, -2)


def dicts(a):
    return {"a": a, "b": [a, a]}


def dict_index(key):
    return TABLE["a"] + RATES[key]


def calls_finance(rate):
    return stepped_rates(rate)


def defaults(a, b=2):
    return a * b


def keywords(a):
    return defaults(a, b=3)


def record(v):
    return v.x * 2


def with_docstring(a):
    """Docstrings are skipped."""
    return a


# -- rejected --
def uses_while(a):
    while a > 0:
        a -= 1
    return a


def uses_floor_division(a):
    return a // 2


def uses_string(a):
    return "tekst"


def uses_tuple(a):
    return (a, a)


def uses_slice(xs):
    return xs[1:]


def uses_lambda(a):
    f = lambda x: x  # noqa: E731
    return f


def uses_import(a):
    import math
    return math.pi


def uses_unknown_name(a):
    return undefined_name  # noqa: F821


def uses_break(xs):
    for x in xs:
        break
    return 0


def uses_in(a, xs):
    return a in xs


def uses_list_plus(a):
    return [a] + [a]


def uses_bad_attribute(v):
    return v.nope


def uses_fstring(a):
    return f"{a}"


def uses_generator(xs):
    return sum(x for x in xs)


def sorted_and_sqrt(xs):
    return sorted(xs)[0] + sqrt(xs[0])
