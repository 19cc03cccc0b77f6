"""The site is reproducible: two builds of one commit, in different folders and on different dates,
give identical files, sitemap.xml included (its dates come from git, not from the build clock).

The cold build runs in a clone of the repository (so only committed files count, as for anyone else
building this commit), with the clock a year ahead (tests/fake_clock.py): it makes everything afresh
but the templates and the notebook's run, whose caches have tests of their own (tests/documents,
tests/calculators). It is compared with the run's own build (tests/conftest.py), made in this
checkout with whatever its build caches hold, for the same address: identical files so also say a
cached build gives what a cold one gives. When this checkout is not exactly its commit (edited or
new files), a clone of the commit is built for today instead, with this checkout's caches (hard
links: entries are never written in place, ``veileder.cache``).
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

from tests.conftest import ROOT, run_folder, start_site_build

CACHES = ("templates", "notebook")
"""What the cold build takes from the caches."""
NOT_BUILD_CACHES = {"tools", "lighthouse", "libreoffice", "mypy", "staging"}
"""Folders in .cache/ that are not build caches (the uv bootstrap, bench, the tests' LibreOffice
results, mypy) or that are the build's working folder (staging)."""


def build_caches() -> tuple[str, ...]:
    folder = ROOT / ".cache"
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name not in NOT_BUILD_CACHES)) \
        if folder.is_dir() else ()


def _link(source: str, target: str) -> None:
    """A hard link (instant, no extra space); a copy where the two folders are on different disks."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def clone_and_build(folder: Path, days_ahead: int, site_url: str, caches: tuple[str, ...] = CACHES) -> Path:
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(folder)], check=True, timeout=300)
    for cache in caches:
        if (ROOT / ".cache" / cache).is_dir():
            shutil.copytree(ROOT / ".cache" / cache, folder / ".cache" / cache, copy_function=_link,
                            ignore=shutil.ignore_patterns("lock", ".*"))
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fake_clock.py"), str(days_ahead), "-m", "mkdocs", "build",
         "--strict", "--site-dir", str(folder / "site")],
        cwd=folder, capture_output=True, text=True, timeout=900,
        env={**env, "NO_MKDOCS_2_WARNING": "1", "VL_SITE_URL": site_url},
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


def checkout_is_its_commit() -> bool:
    """No edited, staged or new (not ignored) file: a clone of HEAD holds what this checkout holds."""
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                            capture_output=True, text=True, check=True, timeout=60).stdout
    return not status.strip()


def test_two_builds_on_different_dates_in_different_folders_are_identical(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> None:
    # The run's build starts when the tests are collected; the cold build starts now, beside it,
    # for the same address. The run's build is asked for only then (not as an argument: this test
    # goes first, tests/conftest.py).
    folder = run_folder(tmp_path_factory) / "shared-site"
    start_site_build(folder)
    site_url = (folder / "url").read_text(encoding="utf-8")
    ours = checkout_is_its_commit()
    next_year = clone_and_build(tmp_path / "om-et-år" / "et annet sted", 365, site_url)
    if ours:
        today, repository = Path(request.getfixturevalue("shared_site")["dir"]), ROOT
    else:
        today, repository = clone_and_build(tmp_path / "i-dag", 0, site_url, build_caches()), tmp_path / "i-dag"
    assert (today / "sitemap.xml").is_file()
    assert not differences(today, next_year)
    # A page's date in the sitemap is the date (Oslo time) of the last commit that changed it.
    page = "docs/om-nettstedet/personvern.md"
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", page], cwd=repository,
                           capture_output=True, text=True, check=True).stdout.strip()
    changed = datetime.datetime.fromtimestamp(int(stamp), ZoneInfo("Europe/Oslo")).date().isoformat()
    sitemap = (today / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap.split("om-nettstedet/personvern/</loc>", 1)[1].split("</url>", 1)[0]
    assert f"<lastmod>{changed}</lastmod>" in entry
