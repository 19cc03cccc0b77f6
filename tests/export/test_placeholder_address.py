"""A build without VL_SITE_URL: what is printed says its address is an example, and the build says so.

The handouts are checked in tests/workshops/test_handouts.py. Here: the whole-guide PDF (cover and
every page), the offline copy (every page), the build's warning, and the publishing check that
``./dev publish`` runs. The hook is loaded from its file as MkDocs loads it.
"""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pypdf
import pytest

from export.guide_pdf import GuidePage, guide_html, render
from tests.conftest import ROOT
from veileder import site_address
from veileder.site_address import NOTICE, PLACEHOLDER

REAL = "https://veileder.kommune.no/"
PAGES = [GuidePage("", "Forside", "", "<p>Velkommen.</p>" + "<p>Et avsnitt med tekst.</p>" * 60),
         GuidePage("Del", "Neste side", "neste/", "<p>Mer tekst.</p>")]  # fmt: skip


def _hook():
    spec = importlib.util.spec_from_file_location("eksport_hook_under_test", ROOT / "hooks" / "eksport.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
def test_every_page_of_the_offline_copy_says_when_its_address_is_an_example(monkeypatch, site_url, marked):
    hook = _hook()
    monkeypatch.setenv("VL_OFFLINE", "true")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    html = hook.on_page_content("<h1>Forside</h1>", page=page, config=SimpleNamespace(site_url=site_url), files=None)
    assert (html is not None and NOTICE in html) is marked


@pytest.mark.parametrize(("site_url", "warned"), [(PLACEHOLDER, True), (REAL, False)])
def test_a_build_without_an_address_prints_a_warning_and_goes_on(monkeypatch, capsys, site_url, warned):
    hook = _hook()
    monkeypatch.delenv("VL_OFFLINE", raising=False)
    hook.on_startup(command="build", dirty=False)
    hook.on_config(SimpleNamespace(site_url=site_url))
    assert ("VL_SITE_URL er ikke satt" in capsys.readouterr().err) is warned


@pytest.mark.parametrize("value", ["", PLACEHOLDER, "https://veileder.example.no/"])
def test_the_publishing_check_refuses_a_missing_or_example_address(value):
    result = subprocess.run([sys.executable, "-m", "veileder.site_address"], cwd=ROOT, capture_output=True,
                            text=True, env={"VL_SITE_URL": value, "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert result.returncode == 1 and "VL_SITE_URL" in result.stderr


def test_the_publishing_check_accepts_a_real_address():
    assert site_address.check_for_publishing({"VL_SITE_URL": REAL}) is None
