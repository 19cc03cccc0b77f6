"""Generated files cached by content hash: a template whose inputs are unchanged costs nothing.

The key covers everything that can change the bytes: the template's source, the generator code
and print CSS in this package, the embedded fonts, and the versions of the libraries that write
the files. A cache entry is a directory written under a temporary name and renamed when complete,
so an interrupted build never leaves a half-written entry behind.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from doc_templates import fonts

PACKAGE_DIR = Path(__file__).parent
LIBRARIES = ("weasyprint", "pydyf", "odfpy", "python-docx", "pypdfium2", "pillow")


@functools.cache
def generator_fingerprint() -> str:
    """Hash of the code, fonts and library versions; changes when any generator could change.

    Once per process: every template and every workshop handout asks for it (2.6 MB of fonts and
    six package lookups each time). ``./dev serve`` imports this package afresh for each rebuild
    (hooks/site.py), so an edit is still seen."""
    digest = hashlib.sha256()
    code = sorted([*PACKAGE_DIR.glob("*.py"), *PACKAGE_DIR.glob("*.css")])
    for path in [*code, *fonts.font_files()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        digest.update(f"{library}=={importlib.metadata.version(library)}\0".encode())
    return digest.hexdigest()


def entry_key(source: bytes, fingerprint: str) -> str:
    return hashlib.sha256(fingerprint.encode() + b"\0" + source).hexdigest()[:32]


def cached_entry(cache_dir: Path, key: str, produce: Callable[[Path], None]) -> tuple[Path, bool]:
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
