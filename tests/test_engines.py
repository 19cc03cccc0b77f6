"""The same staging folder, two engines: MkDocs (with hooks/site.py) and ProperDocs (no hooks).

Generation does not depend on the engine (sitegen/): both sites have the same calculator pages
and the same downloads, and what the stage generated (every file but the pages) is byte for byte the same. What differs is
written in README.md («Genereringen og motoren»): the generator named in each page's head (and
so the offline zip, which holds the pages).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GENERATED = ("maler/filer/", "kurs/filer/", "typfall/filer/", "okonomi/egne-tall/", "assets/kalkulatorer/")
DOWNLOADS = (*GENERATED, "nedlasting/")

pytestmark = pytest.mark.skipif(importlib.util.find_spec("properdocs") is None,
                                reason="ProperDocs er ikke installert (./dev installerer den fra requirements.lock)")


def engine_site(engine: str, site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as ``python -m sitegen site --engine <engine>`` builds it, for the run's address."""
    folder = tmp_path_factory.mktemp(engine)
    result = subprocess.run(
        [sys.executable, "-m", "sitegen", "site", "--engine", engine, "--site", str(folder / "site"),
         "--out", str(folder / "staging")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**os.environ, "VL_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-4000:]
    return folder / "site"


@pytest.fixture(scope="module")
def properdocs_site(site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return engine_site("properdocs", site_url, tmp_path_factory)


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def calculator_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if 'data-vl-calc="' in p.read_text(encoding="utf-8")}


def test_both_engines_make_the_same_calculator_pages(built_site: Path, properdocs_site: Path) -> None:
    mkdocs = calculator_pages(built_site)
    assert mkdocs and mkdocs == calculator_pages(properdocs_site)


def test_both_engines_offer_the_same_downloads(built_site: Path, properdocs_site: Path) -> None:
    mkdocs = {f for f in files(built_site) if f.startswith(DOWNLOADS)}
    assert mkdocs and mkdocs == {f for f in files(properdocs_site) if f.startswith(DOWNLOADS)}


def test_what_the_stage_generated_is_byte_for_byte_the_same(built_site: Path, properdocs_site: Path) -> None:
    generated = [f for f in sorted(files(built_site)) if f.startswith(GENERATED) and not f.endswith(".html")]
    assert generated and not [f for f in generated if (built_site / f).read_bytes() != (properdocs_site / f).read_bytes()]


def test_both_engines_make_the_same_files_the_notebook_page_too(built_site: Path, properdocs_site: Path) -> None:
    assert files(built_site) == files(properdocs_site)
    assert "okonomi/metode/index.html" in files(properdocs_site)  # the stage renders it, no plugin


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_the_pages_differ_only_in_the_generator_they_name(built_site: Path, properdocs_site: Path) -> None:
    different = []
    for f in sorted(files(built_site)):
        if f.endswith(".zip"):
            continue  # it holds the pages
        mkdocs, properdocs = (built_site / f).read_bytes(), (properdocs_site / f).read_bytes()
        if f.endswith(".html"):
            mkdocs, properdocs = GENERATOR.sub(b"", mkdocs), GENERATOR.sub(b"", properdocs)
        if mkdocs != properdocs:
            different.append(f)
    assert not different
