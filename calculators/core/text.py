"""Text primitives the view needs, each with a JavaScript twin in ``translate.PRELUDE``.

The translator maps these functions to ``$fixed`` and ``$decimals``; the parity tests hold each
pair equal. Everything else the view does with text is plain translated Python.
"""

from __future__ import annotations


def fixed(x: float, decimals: int) -> str:
    """``x`` with ``decimals`` decimals, as Python's ``format(x, ".2f")`` writes it."""
    return format(x, f".{decimals}f")


def decimals(x: float) -> int:
    """How many decimals the shortest text of ``x`` has (0.25 → 2, 5.0 → 0, 1e-05 → 0)."""
    text = repr(float(x))
    if "e" in text or "inf" in text or "nan" in text or (0 < abs(x) < 1e-4):
        return 0
    fraction = text.partition(".")[2]
    return 0 if fraction == "0" else len(fraction)
