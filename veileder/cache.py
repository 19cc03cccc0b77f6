"""The one cache writer of the build: an entry is a folder, complete or not there at all.

Every package that keeps what it made between builds writes through ``cached_entry``: the
templates (``.cache/templates/``, ``documents.site.build``), the calculators' translations and
views (``.cache/kalkulatorer/``, ``calculators.site.buildcache``), the workshop handouts
(``.cache/handouts/``), the typfall duk PDFs and handouts (``.cache/typfall/``), the minified
JavaScript (``.cache/publish/minify/``, ``veileder.publish``), the whole-guide PDF
(``.cache/guide-pdf/``) and the offline copy (``.cache/uten-nett/``, ``sitegen.post``), the
notebook's fresh run and «found sound» (``.cache/notebook/``, ``calculators.notebook.notebook``). Each
caller makes its own key (a hash of everything that can change the bytes); this module only
writes. An entry is filled under a temporary name and renamed when complete, so an interrupted
build never leaves a half-written entry, and parallel builds can share a folder.

An entry used (found or made) gets the time of use as its folder's time; when an entry is made, the
entries of the same folder unused for ``UNUSED_DAYS`` days are removed. Without that the folders
only grew: an edited page is a new whole-guide PDF and a new offline copy (key: the content), and
in two weeks of test runs on a new port each (tests/conftest.py) ``.cache/uten-nett`` reached 1,5 GB.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

UNUSED_DAYS = 14
"""An entry no build has used for this many days is removed when the next entry of its folder is made."""


def cached_entry(cache_dir: Path, key: str, produce: Callable[[Path], object]) -> tuple[Path, bool]:
    """The entry directory for ``key``, and whether ``produce`` had to fill it (a cache miss)."""
    entry = cache_dir / key
    if present(entry):
        return entry, False
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=cache_dir))
    try:
        produce(partial)
        os.replace(partial, entry)
    except OSError:
        if not entry.is_dir():  # another build finished the same entry first: theirs is as good
            raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    present(entry)
    remove_unused(cache_dir)
    return entry, True


def present(entry: Path) -> bool:
    """Whether the entry is there, marking it used now: a caller that asks whether an entry exists
    before it calls ``cached_entry`` (to make all that is missing in one go) asks here, so the
    clean-up a miss starts never removes an entry the same caller has just found."""
    try:
        os.utime(entry)
    except FileNotFoundError:  # not there, or being removed (renamed away first)
        return False
    except OSError:  # there, but another user's: found all the same (it cannot be marked used)
        pass
    return entry.is_dir()


def remove_unused(cache_dir: Path, days: float = UNUSED_DAYS) -> list[str]:
    """Remove the entries of ``cache_dir`` not used for ``days`` days, and what a killed build left
    half-made (dot names) more than a day ago; return the entries' names.

    «Now» is the file system's (the folder touched and read back), never ``time.time()``: a build
    run with a shifted clock (tests/fake_clock.py, a year ahead) would otherwise see every entry,
    the ones it has just made too, as a year old. An entry is renamed to a dot name before it is
    removed, so another build never finds it half-removed: for that build it is simply missing."""
    os.utime(cache_dir)
    now = cache_dir.stat().st_mtime
    removed = []
    for entry in cache_dir.iterdir():
        hidden = entry.name.startswith(".")
        try:
            old = entry.is_dir() and entry.stat().st_mtime < now - (86400 if hidden else days * 86400)
        except OSError:
            continue
        if not old:
            continue
        if hidden:
            shutil.rmtree(entry, ignore_errors=True)
        elif remove(entry):
            removed.append(entry.name)
    return sorted(removed)


def remove(entry: Path) -> bool:
    """Remove an entry: renamed to a dot name first, so that another build finds it missing, never
    half-removed. False if it was gone already (another build removed it first)."""
    gone = entry.with_name(f".fjernet-{entry.name}-{os.getpid()}")
    try:
        os.rename(entry, gone)
    except OSError:
        return False
    shutil.rmtree(gone, ignore_errors=True)
    return True
