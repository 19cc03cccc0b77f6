"""Price year and grunnbeløp: which G is in force by the calendar, and whether the data is stale.

Every kroner amount in the calculators is in one price year (``price_year`` in each data file).
The grunnbeløp (G) is regulated from 1 May each year; ``calculators/data/felles.yaml`` holds the
series. Adding a new G is one line there. The build calls ``stale_price_years`` and prints a
warning when a model's price year is older than the G year in force on the day of the build; the
pages always say which price year and which G they use (``price_note``), so a reader sees it too.
"""

from __future__ import annotations

import datetime as dt

from calculators.core.data_files import g_series
from calculators.core.numbers import number

G_REGULATION_MONTH = 5
"""G changes on 1 May (folketrygdloven § 1-4; NAV, «Grunnbeløpet i folketrygden»)."""


def g_year_in_force(today: dt.date) -> int:
    """The year whose 1 May grunnbeløp applies on ``today``."""
    return today.year if today.month >= G_REGULATION_MONTH else today.year - 1


def price_note(price_year: int) -> str:
    """The sentence a page shows about its price level, e.g. «… 2025-kroner … G = 130 160 kr …»."""
    g = g_series().get(price_year)
    g_text = f" Grunnbeløpet er G = {number(g) + ' kr'} fra 1. mai {price_year}." if g else ""
    return f"Alle kronebeløp er i {price_year}-kroner (faste priser).{g_text}"


def stale_price_years(models, today: dt.date) -> list[str]:
    """One warning per model whose price year is older than the G year in force ``today``."""
    in_force = g_year_in_force(today)
    latest = max(g_series())
    warnings = []
    for model in models:
        if model.price_year is not None and model.price_year < in_force:
            missing = "" if latest >= in_force else (
                f" Grunnbeløpet fra 1. mai {in_force} mangler i calculators/data/felles.yaml"
                " (grunnbelop_serie).")
            warnings.append(
                f"{model.id}: prisåret er {model.price_year}, men grunnbeløpet fra 1. mai "
                f"{in_force} gjelder nå.{missing} Sidene sier at tallene er i "
                f"{model.price_year}-kroner.")
    return warnings
