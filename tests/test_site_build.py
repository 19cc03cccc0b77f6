"""The site builds strictly (authoring mistakes: tests/test_authoring_errors.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import ROOT


def test_the_site_builds_in_strict_mode(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert (built_site / "sitemap.xml").is_file()


def test_pages_are_norwegian_and_use_no_web_fonts(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_each_page_shows_when_it_was_last_changed_as_a_norwegian_date(built_site: Path) -> None:
    html = (built_site / "om-nettstedet" / "personvern" / "index.html").read_text(encoding="utf-8")
    import re

    match = re.search(r"Sist endret: <time>(\d{1,2}\. (\w+) \d{4})</time>", html)
    assert match, "fant ikke «Sist endret» på siden"
    assert match.group(2) in {
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    }


def test_every_markdown_page_in_docs_has_a_description() -> None:
    missing = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if "includes" in page.relative_to(ROOT / "docs").parts:
            continue
        text = page.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
        if not (front or {}).get("description"):
            missing.append(str(page.relative_to(ROOT)))
    assert not missing


def test_a_run_builds_for_the_checkouts_port_or_any_free_one_when_it_is_taken(monkeypatch) -> None:
    import socket

    from tests import conftest

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        monkeypatch.setattr(conftest, "checkout_port", lambda: port)
        with conftest.listening_socket() as listening:
            assert listening.getsockname()[1] != port
    with conftest.listening_socket() as listening:  # closed now: free, so it is the run's port
        assert listening.getsockname()[1] == port
