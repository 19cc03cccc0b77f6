"""Norwegian number formatting for text made in Python (Datakilder, notebook tables)."""

from __future__ import annotations

NBSP = "\u00a0"


def number(value: float, decimals: int = 0) -> str:
    """``1234567.8`` → ``1 234 568`` (no-break spaces, decimal comma, real minus sign)."""
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return ("−" if round(value, decimals) < 0 else "") + text
