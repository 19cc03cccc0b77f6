"""Every case checked, computed and made into files: the stage the hook (and the tests) call."""

from __future__ import annotations

from pathlib import Path

from typfall.cases import CASES_DIR, duk_template, read_cases
from typfall.duk import DEFAULT_CACHE_DIR, duk_file, duk_pdf
from typfall.numbers import read_numbers
from typfall.render import BuiltCase


def build_cases(directory: Path = CASES_DIR, cache_dir: Path = DEFAULT_CACHE_DIR) -> tuple[tuple[BuiltCase, ...], list[str]]:
    """Every case with its numbers, its duk PDF (from the cache when unchanged) and its duk file;
    and the ids whose PDF had to be made. A mistake raises ``typfall.cases.CaseError``."""
    template = duk_template()
    built, made = [], []
    for case in read_cases(directory):
        reading = read_numbers(case)
        pdf, regenerated = duk_pdf(case, template, cache_dir)
        built.append(BuiltCase(case, reading, pdf, duk_file(case, template)))
        if regenerated:
            made.append(case.id)
    return tuple(built), made
