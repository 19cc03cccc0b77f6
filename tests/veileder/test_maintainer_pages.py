"""Maintainer pages are built but stay out of the public search index and the public menu."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from veileder.maintainer import MAINTAINER_PAGES, is_maintainer_page


def test_a_page_in_the_maintainer_folder_is_a_maintainer_page() -> None:
    assert is_maintainer_page("vedlikehold/ny-kalkulator.md")


def test_the_methodology_notebook_is_a_maintainer_page() -> None:
    assert is_maintainer_page("okonomi/metode.ipynb")


def test_a_public_page_whose_name_starts_like_a_maintainer_page_is_not_one() -> None:
    assert not is_maintainer_page("okonomi/metode-familie.md")


def _site_paths(src: str) -> str:
    """The URL prefix a source path is published under (directory URLs)."""
    return re.sub(r"(index)?\.(md|ipynb)$", "", src).rstrip("/") + "/" if not src.endswith("/") else src


@pytest.fixture(scope="module")
def search_locations(built_site: Path) -> list[str]:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [doc["location"] for doc in index["docs"]]


@pytest.mark.parametrize("page", MAINTAINER_PAGES)
def test_no_maintainer_page_is_in_the_public_search_index(search_locations: list[str], page: str) -> None:
    prefix = _site_paths(page)
    assert [loc for loc in search_locations if loc.startswith(prefix)] == []


def test_searching_for_kalkulator_finds_public_pages(search_locations: list[str]) -> None:
    assert "okonomi/familie/" in search_locations


@pytest.mark.parametrize("page", MAINTAINER_PAGES)
def test_every_maintainer_page_is_still_built(built_site: Path, page: str) -> None:
    assert (built_site / _site_paths(page) / "index.html").is_file()


@pytest.mark.parametrize("page", MAINTAINER_PAGES)
def test_no_maintainer_page_is_in_the_public_menu(built_site: Path, page: str) -> None:
    menu = (built_site / "index.html").read_text(encoding="utf-8")
    nav = menu[menu.index("md-nav--primary"):]
    assert 'href="okonomi/familie/"' in nav  # the check can see a page that is in the menu
    assert f'href="{_site_paths(page)}"' not in nav
