"""The guide is written in its own words: no page repeats a run of 12 words from a source text.

Quotations are allowed when marked as such (``<blockquote>``/``> `` or ``<q>``), short and
attributed; the prose extraction leaves them out. Source texts live outside the repository, in
``$VL_SEEDS_DIR``, by default ``shared/seeds`` beside the checkout (where CI puts it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from textcheck.overlap import RUN_LENGTH, shared_runs
from textcheck.prose import article_blocks, built_pages
from tests.conftest import ROOT

SEEDS_DIR = Path(os.environ.get("VL_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]
    if not texts:
        pytest.fail(f"Fant ingen kildetekster (*.txt) i {SEEDS_DIR}; sett VL_SEEDS_DIR.", pytrace=False)
    return texts


def test_no_page_shares_a_run_of_twelve_words_with_a_source_text(
    built_site: Path, seed_texts: list[str]
) -> None:
    copied = {}
    for url, html_file in built_pages(built_site).items():
        runs = shared_runs(" ".join(article_blocks(html_file.read_text(encoding="utf-8"))), seed_texts)
        if runs:
            copied[url or "/"] = runs
    report = "\n".join(f"  {url}: «{run}»" for url, runs in copied.items() for run in runs)
    assert not copied, (
        f"Disse sidene deler {RUN_LENGTH} ord eller mer med kildetekstene. Skriv med egne ord, "
        f"eller merk et kort sitat med > eller <q> og kilde:\n{report}"
    )
