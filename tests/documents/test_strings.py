"""File sizes and dates as Norwegian readers write them."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.templates.strings import format_date, format_size


@pytest.mark.parametrize(
    ("size", "shown"),
    [(850, "850 byte"), (1000, "1,0 kB"), (8499, "8,5 kB"), (9_999, "10 kB"), (85_432, "85 kB"),
     (999_499, "999 kB"), (999_500, "1,0 MB"), (1_234_567, "1,2 MB"), (12_345_678, "12 MB")],
)  # fmt: skip
def test_sizes_use_decimal_kilobytes_and_a_decimal_comma(size, shown):
    assert format_size(size) == shown


def test_dates_are_written_with_the_month_in_words():
    assert format_date(dt.date(2026, 11, 23)) == "23. november 2026"
