"""Every case checked, computed and made into files: what the generation stage (sitegen/stage.py) and the tests call."""

from __future__ import annotations

from pathlib import Path

from typfall.cases import CASES_DIR, duk_template, read_cases
from typfall.duk import DEFAULT_CACHE_DIR, duk_file, duk_pdf
from typfall.handout import handout_pdf
from typfall.markers import BuiltCase
from typfall.numbers import read_numbers
from veileder.site_address import published_url

PLACEHOLDER = published_url(None)


def build_cases(directory: Path = CASES_DIR, cache_dir: Path = DEFAULT_CACHE_DIR,
                site_url: str = PLACEHOLDER) -> tuple[tuple[BuiltCase, ...], list[str]]:
    """Every case with its numbers, its duk PDF and A4 handout (from the cache when unchanged; the
    handout's QR code points at ``site_url``) and its duk file; and the ids whose PDFs had to be made.
    A mistake raises ``typfall.cases.CaseError``."""
    template = duk_template()
    built, made = [], []
    for case in read_cases(directory):
        reading = read_numbers(case)
        pdf, regenerated = duk_pdf(case, template, cache_dir)
        handout, handout_made = handout_pdf(case, reading, site_url, cache_dir)
        built.append(BuiltCase(case, reading, pdf, duk_file(case, template), handout))
        if regenerated or handout_made:
            made.append(case.id)
    return tuple(built), made
