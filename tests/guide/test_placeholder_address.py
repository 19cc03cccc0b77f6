"""A build without VL_SITE_URL: what is printed says its address is an example, and the build says so.

The handouts are checked in tests/workshops/test_handouts.py. Here: the whole-guide PDF (cover and
every page), the offline copy (every page), the build's warning, and the publishing check that
``./dev publish`` runs.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from documents.guide.guide_pdf import GuidePage, guide_html, render
from documents.guide.offline import ARTICLE, make_copy
from sitegen.post import offline_banner
from sitegen.stage import address_warning
from tests.conftest import ROOT
from veileder import site_address
from veileder.site_address import NOTICE, PLACEHOLDER

REAL = "https://veileder.kommune.no/"
PAGES = [GuidePage("", "Forside", "", "<p>Velkommen.</p>" + "<p>Et avsnitt med tekst.</p>" * 60),
         GuidePage("Del", "Neste side", "neste/", "<p>Mer tekst.</p>")]  # fmt: skip


def _pdf_pages(site_url: str, tmp_path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(render(guide_html(PAGES, site_url), tmp_path)))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_whole_guide_pdf_built_without_an_address_says_so_on_every_page(tmp_path):
    pages = _pdf_pages(PLACEHOLDER, tmp_path)
    assert len(pages) > 2
    missing = [number for number, text in enumerate(pages, start=1) if NOTICE not in text]
    assert not missing, f"sider uten «{NOTICE}»: {missing}"


def test_the_whole_guide_pdf_built_for_a_real_address_has_no_example_notice(tmp_path):
    assert not any(NOTICE in text for text in _pdf_pages(REAL, tmp_path))


@pytest.mark.parametrize(("site_url", "marked"), [(PLACEHOLDER, True), (REAL, False)])
def test_every_page_of_the_offline_copy_says_when_its_address_is_an_example(tmp_path, site_url, marked):
    site = tmp_path / "site"
    for page in ("index.html", "kurs/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(f"<html><head></head><body>{ARTICLE}<h1>Side</h1></article></body></html>",
                                 encoding="utf-8")
    make_copy(site, tmp_path / "kopi", offline_banner(site_url))
    for page in ("index.html", "kurs/index.html"):
        assert (NOTICE in (tmp_path / "kopi" / page).read_text(encoding="utf-8")) is marked


@pytest.mark.parametrize(("site_url", "serve", "warned"), [(PLACEHOLDER, False, True), (REAL, False, False),
                                                           (PLACEHOLDER, True, False)])
def test_a_build_without_an_address_prints_a_warning_and_goes_on(site_url, serve, warned):
    # The stage returns it among its warnings; hooks/site.py and python -m sitegen print them.
    assert any("VL_SITE_URL er ikke satt" in w for w in address_warning(site_url, serve)) is warned


@pytest.mark.parametrize("value", ["", PLACEHOLDER, "https://veileder.example.no/"])
def test_the_publishing_check_refuses_a_missing_or_example_address(value):
    result = subprocess.run([sys.executable, "-m", "veileder.site_address"], cwd=ROOT, capture_output=True,
                            text=True, env={"VL_SITE_URL": value, "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert result.returncode == 1 and "VL_SITE_URL" in result.stderr


def test_the_publishing_check_accepts_a_real_address():
    assert site_address.check_for_publishing({"VL_SITE_URL": REAL}) is None
