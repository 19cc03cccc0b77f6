"""The guide is written in its own words: no page repeats a run of 12 words from a source text.

Quotations are allowed when marked as such (``<blockquote>``/``> `` or ``<q>``), short and
attributed; the prose extraction leaves them out. The source texts live outside the repository;
the check uses their committed fingerprint (``textcheck/seed_fingerprint.txt``: hashes of every
12-word run, no text), so it runs on any clone. When the source texts are present
(``$VL_SEEDS_DIR``, by default ``shared/seeds`` beside the checkout), a second test proves the
fingerprint is theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from textcheck.overlap import (
    FINGERPRINT,
    RUN_LENGTH,
    SEEDS_DIR,
    committed_fingerprint,
    fingerprint,
    seed_texts,
    shared_runs,
)
from textcheck.prose import article_blocks, built_pages


def test_no_page_shares_a_run_of_twelve_words_with_a_source_text(built_site: Path) -> None:
    known = committed_fingerprint()
    assert len(known) > 1000, f"{FINGERPRINT} ser tom ut"
    copied = {}
    for url, html_file in built_pages(built_site).items():
        runs = shared_runs(" ".join(article_blocks(html_file.read_text(encoding="utf-8"))), known)
        if runs:
            copied[url or "/"] = runs
    report = "\n".join(f"  {url}: «{run}»" for url, runs in copied.items() for run in runs)
    assert not copied, (
        f"Disse sidene deler {RUN_LENGTH} ord eller mer med kildetekstene. Skriv med egne ord, "
        f"eller merk et kort sitat med > eller <q> og kilde:\n{report}"
    )


def test_the_committed_fingerprint_is_that_of_the_source_texts_when_they_are_here() -> None:
    texts = seed_texts(SEEDS_DIR)
    if not texts:
        # A clone without the source texts beside it: nothing to compare with (the check above
        # still runs, on the committed fingerprint).
        pytest.skip(f"ingen kildetekster i {SEEDS_DIR}; fingeravtrykket kan ikke sammenlignes")
    assert committed_fingerprint() == fingerprint(texts), (
        f"{FINGERPRINT.name} er utdatert. Kjør: .venv/bin/python -m textcheck.overlap"
    )


def test_a_copied_run_is_found_through_the_fingerprint_alone() -> None:
    source = "en to tre fire fem seks sju åtte ni ti elleve tolv tretten fjorten"
    page = "Her står det: en to tre fire fem seks sju åtte ni ti elleve tolv, og mer."
    assert shared_runs(page, fingerprint([source])) == ["en to tre fire fem seks sju åtte ni ti elleve tolv"]
    assert "tolv" not in FINGERPRINT.read_text(encoding="utf-8")


def test_the_fingerprint_holds_hashes_only() -> None:
    lines = FINGERPRINT.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))
    assert all(len(line) == 16 and set(line) <= set("0123456789abcdef") for line in lines)
