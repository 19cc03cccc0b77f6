"""Price year and grunnbeløp: the G year in force by the calendar, the build's warning, and the
page notice that says which price year the figures are in."""

import datetime as dt
import html

import pytest

from calculators.core import prices
from calculators.core.data_files import g_series
from calculators.engine import registry
from calculators.site.render import render


@pytest.mark.parametrize(("day", "year"), [
    (dt.date(2026, 4, 30), 2025),   # G from 1 May 2025 still applies
    (dt.date(2026, 5, 1), 2026),    # the new G applies from 1 May
    (dt.date(2026, 11, 25), 2026),
    (dt.date(2027, 1, 15), 2026),
])
def test_the_g_year_in_force_changes_on_1_may(day, year):
    assert prices.g_year_in_force(day) == year


def test_a_stale_price_year_gives_a_warning_naming_the_model_and_the_missing_g():
    models = registry.all_models()
    year = max(m.price_year for m in models if m.price_year)
    warnings = prices.stale_price_years(models, dt.date(year + 1, 6, 1))
    assert len(warnings) == sum(1 for m in models if m.price_year)
    assert all(f"{year}-kroner" in w for w in warnings)
    if max(g_series()) <= year:
        assert all(f"1. mai {year + 1} mangler" in w for w in warnings)
    assert prices.stale_price_years(models, dt.date(year, 6, 1)) == []


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_a_stale_price_year_is_stated_on_the_page(model_id):
    # Fails if the data's price year is older than the G in force today and the calculator does
    # not say which price year and grunnbeløp its figures use.
    model = registry.load(model_id)
    page = html.unescape(render(model))
    stale = prices.stale_price_years([model], dt.date.today())
    note = prices.price_note(model.price_year)
    assert note in page or not stale
    # The note names the price year and, when the series has it, the grunnbeløp in kroner.
    assert f"{model.price_year}-kroner" in note
    if model.price_year in g_series():
        assert "Grunnbeløpet er G = " in note


def test_the_price_note_for_2025_names_g_130_160():
    assert prices.price_note(2025) == (
        "Alle kronebeløp er i 2025-kroner (faste priser). "
        "Grunnbeløpet er G = 130\u00a0160 kr fra 1. mai 2025.")


def test_a_new_g_is_one_line_in_felles_yaml():
    # Add next year's G to the series (the only change): every model moves to that price year,
    # the grunnbeløp input becomes the new G, and kroner figures follow by the G ratio.
    import copy

    from calculators.core.data_files import DATA_DIR, load_file, shared_data

    shared = copy.deepcopy(shared_data())
    latest = max(shared["grunnbelop_serie"]["values"])
    old_g = shared["grunnbelop_serie"]["values"][latest]
    new_g = 140_000
    shared["grunnbelop_serie"]["values"][latest + 1] = new_g
    data = load_file(DATA_DIR / "utenforskap.yaml", shared)
    assert data.price_year == latest + 1
    assert data.row("grunnbelop").default == new_g
    before = load_file(DATA_DIR / "utenforskap.yaml").row("sosialhjelp").default
    assert data.row("sosialhjelp").default == round(before * new_g / old_g)
    assert prices.stale_price_years([registry.load("utenforskap")], dt.date(latest + 1, 6, 1))
