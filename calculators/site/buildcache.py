"""A cache between builds for what the calculators make from their own sources.

Translating a model to JavaScript, its export file and its server-rendered view with the default
interval take about a second of every build, and depend only on the files of this package (code,
data and the browser scripts in ``calculators/runtime/``), on ``veileder/runtime/zip.js`` and on
the method pages they read. A warm build, and every rebuild under ``./dev serve`` that changed only
a guide page, takes them from ``.cache/kalkulatorer/`` instead. Any change to one of those files
changes the fingerprint and so the entry.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from veileder.cache import cached_entry, remove

ROOT = Path(__file__).resolve().parent.parent.parent
CACHE_DIR = ROOT / ".cache" / "kalkulatorer"
SOURCES = (
    ("calculators", ("*.py", "*.yaml", "*.js")),  # calculators/runtime/: the browser scripts
    ("veileder/runtime", ("*.js",)),  # zip.js, in the export and the profile importer
    ("docs/okonomi", ("*.md",)),  # method pages the exports quote
)


def fingerprint(sources: Iterable[tuple[str, tuple[str, ...]]] = SOURCES, extra: str = "") -> str:
    """Hash of every file matched by ``sources`` (folder, patterns), by path and content."""
    digest = hashlib.sha256()
    for folder, patterns in sources:
        paths = {p for pattern in patterns for p in (ROOT / folder).rglob(pattern)}
        for path in sorted(p for p in paths if "__pycache__" not in p.parts):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(extra.encode())
    return digest.hexdigest()[:20]


@functools.cache
def _sources_fingerprint() -> str:
    # Once per process: hooks/site.py re-imports this module before every rebuild under serve.
    return fingerprint()


def cached(name: str, make: Callable[[], Any], cache_dir: Path = CACHE_DIR) -> Any:
    """``make()``'s JSON-serialisable result, from the cache when the sources are unchanged.

    A failing ``make()`` raises as before and stores nothing. Entries are written the way the
    template cache writes them (``veileder.cache.cached_entry``: complete or not at all, so
    parallel builds can share the folder); older entries of the same name are removed.
    """
    key = f"{name}-{_sources_fingerprint()}"

    def produce(folder: Path) -> None:
        (folder / "data.json").write_text(json.dumps(make(), ensure_ascii=False), encoding="utf-8")

    entry, made = cached_entry(cache_dir, key, produce)
    if made:
        for old in cache_dir.glob(f"{name}-*"):
            if old != entry:
                remove(old)  # the cache does not grow with every edit
    return json.loads((entry / "data.json").read_text(encoding="utf-8"))
