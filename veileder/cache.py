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
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def cached_entry(cache_dir: Path, key: str, produce: Callable[[Path], object]) -> tuple[Path, bool]:
    """The entry directory for ``key``, and whether ``produce`` had to fill it (a cache miss)."""
    entry = cache_dir / key
    if entry.is_dir():
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
    return entry, True
