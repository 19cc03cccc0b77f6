"""Every guidance page reads at LIX < 45; the citizen page (docs/innbyggere/) at LIX < 35.

LIX is measured on the article prose of the built page (see textcheck.prose and textcheck.lix).
"""

from __future__ import annotations

from pathlib import Path

from textcheck.lix import lix
from textcheck.prose import article_blocks, built_pages

GUIDANCE_LIMIT = 45
CITIZEN_LIMIT = 35
CITIZEN_PREFIX = "innbyggere/"

# Pages that are mostly tables, calculators or generated lists: LIX measures running prose and says
# little about them. Keep this list short, and give the reason.
EXCLUDED: dict[str, str] = {
    "om-nettstedet/kilder/": "a list of references: titles, publishers and addresses, not sentences",
    "okonomi/datakilder/": "a table generated from the data files: one row per unit cost",
}


def _page_lix(site: Path) -> dict[str, float]:
    return {
        url: lix(article_blocks(html_file.read_text(encoding="utf-8")))
        for url, html_file in built_pages(site).items()
    }


def _report(scores: dict[str, float], limit: int) -> str:
    return "\n".join(f"  {url or '/'}: LIX {value:.1f} (grense {limit})" for url, value in scores.items())


def test_the_citizen_pages_exist(built_site: Path) -> None:
    assert any(url.startswith(CITIZEN_PREFIX) for url in built_pages(built_site))


def test_citizen_pages_read_below_lix_35(built_site: Path) -> None:
    too_hard = {
        url: value
        for url, value in _page_lix(built_site).items()
        if url.startswith(CITIZEN_PREFIX) and value >= CITIZEN_LIMIT
    }
    assert not too_hard, "Innbyggersiden er for tung å lese:\n" + _report(too_hard, CITIZEN_LIMIT)


def test_guidance_pages_read_below_lix_45(built_site: Path) -> None:
    too_hard = {
        url: value
        for url, value in _page_lix(built_site).items()
        if not url.startswith(CITIZEN_PREFIX) and url not in EXCLUDED and value >= GUIDANCE_LIMIT
    }
    assert not too_hard, (
        "Disse sidene er for tunge å lese. Kort ned setningene og bytt ut lange ord:\n"
        + _report(too_hard, GUIDANCE_LIMIT)
    )


def test_every_excluded_page_exists(built_site: Path) -> None:
    pages = built_pages(built_site)
    assert [url for url in EXCLUDED if url not in pages] == []


def test_every_page_yields_prose_to_measure(built_site: Path) -> None:
    empty = [url or "/" for url, html_file in built_pages(built_site).items()
             if not article_blocks(html_file.read_text(encoding="utf-8"))]
    assert empty == []
