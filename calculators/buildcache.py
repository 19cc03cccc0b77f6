"""A cache between builds for what the calculators make from their own sources.

Translating a model to JavaScript, its export file and its server-rendered view with the default
interval take about a second of every build, and depend only on the files of this package (code
and data) and on the site's calculator scripts and method pages they read. A warm build, and every
rebuild under ``./dev serve`` that changed only a guide page, takes them from ``.cache/kalkulatorer/``
instead. Any change to one of those files changes the fingerprint and so the entry.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "kalkulatorer"
SOURCES = (
    ("calculators", ("*.py", "*.yaml")),
    ("docs/assets/javascripts", ("*.js",)),
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
    # Once per process: hooks/fresh.py re-imports this module before every rebuild under serve.
    return fingerprint()


def cached(name: str, make: Callable[[], Any], cache_dir: Path = CACHE_DIR) -> Any:
    """``make()``'s JSON-serialisable result, from the cache when the sources are unchanged.

    A failing ``make()`` raises as before and stores nothing. Parallel builds (the tests) share
    the folder: one makes the entry, the others wait for it.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    entry = cache_dir / f"{name}-{_sources_fingerprint()}.json"
    if entry.exists():
        return json.loads(entry.read_text(encoding="utf-8"))
    with open(cache_dir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not entry.exists():
            for old in cache_dir.glob(f"{name}-*.json"):
                old.unlink()  # one entry per name: the cache does not grow with every edit
            partial = entry.with_suffix(".partial")
            partial.write_text(json.dumps(make(), ensure_ascii=False), encoding="utf-8")
            partial.replace(entry)
    return json.loads(entry.read_text(encoding="utf-8"))
