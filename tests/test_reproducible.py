"""The site is reproducible: two builds of one commit, in different folders and on different dates,
give identical files, sitemap.xml included (its dates come from git, not from the build clock).

Each build runs in its own clone of the repository (so only committed files count, as for anyone
else building this commit), with the build caches copied in, and one of them with the clock a
year ahead (tests/fake_clock.py).
"""

from __future__ import annotations

import datetime
import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import ROOT

CACHES = ("templates", "notebook")


def clone_and_build(folder: Path, days_ahead: int, caches: tuple[str, ...] = CACHES) -> Path:
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(folder)], check=True, timeout=300)
    for cache in caches:
        if (ROOT / ".cache" / cache).is_dir():
            shutil.copytree(ROOT / ".cache" / cache, folder / ".cache" / cache, ignore=shutil.ignore_patterns("lock"))
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fake_clock.py"), str(days_ahead), "-m", "mkdocs", "build",
         "--strict", "--site-dir", str(folder / "site")],
        cwd=folder, capture_output=True, text=True, timeout=900,
        env={**env, "NO_MKDOCS_2_WARNING": "1", "VL_SITE_URL": "https://veileder.example.no/"},
    )
    if result.returncode != 0:
        pytest.fail(f"bygget i {folder} feilet:\n{result.stderr[-3000:]}", pytrace=False)
    return folder / "site"


def differences(a: Path, b: Path) -> list[str]:
    found = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"bare i én: {prefix}{name}" for name in cmp.left_only + cmp.right_only)
        _match, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"ulik: {prefix}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return found


def test_two_builds_on_different_dates_in_different_folders_are_identical(tmp_path: Path) -> None:
    # The first build also takes the calculators from the build cache, the second makes them afresh:
    # a cached warm build gives the same files as a cold one.
    today = clone_and_build(tmp_path / "i-dag", 0, (*CACHES, "kalkulatorer"))
    next_year = clone_and_build(tmp_path / "om-et-år" / "et annet sted", 365)
    assert (today / "sitemap.xml").is_file()
    assert not differences(today, next_year)
    # A page's date in the sitemap is the date (Oslo time) of the last commit that changed it.
    page = "docs/om-nettstedet/personvern.md"
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", page], cwd=tmp_path / "i-dag",
                           capture_output=True, text=True, check=True).stdout.strip()
    changed = datetime.datetime.fromtimestamp(int(stamp), ZoneInfo("Europe/Oslo")).date().isoformat()
    sitemap = (today / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap.split("om-nettstedet/personvern/</loc>", 1)[1].split("</url>", 1)[0]
    assert f"<lastmod>{changed}</lastmod>" in entry
