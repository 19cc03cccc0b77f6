"""Generated files cached by content hash: a template whose inputs are unchanged costs nothing.

The key covers everything that can change the bytes: the template's source, the generator code
and print CSS in this package, the embedded fonts, and the versions of the libraries that lay out
and write the files (Pango's too, a system library). A cache entry is a directory written under a
temporary name and renamed when complete, so an interrupted build never leaves a half-written
entry behind (``veileder.cache.cached_entry``, the build's one cache writer).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path

from documents.render import fonts

PACKAGE_DIR = Path(__file__).parent.parent
ZIP_WRITER = PACKAGE_DIR.parent / "veileder" / "zips.py"  # writes every package made here
LIBRARIES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "odfpy", "python-docx", "pypdfium2", "pillow")


def pango_version() -> int:
    """The Pango library WeasyPrint lays text out with: a system library (Debian's), not a Python
    package, so its version is asked of the library itself (1.50.12 is 15012)."""
    from weasyprint.text.ffi import pango

    return int(pango.pango_version())


@functools.cache
def generator_fingerprint() -> str:
    """Hash of the code, fonts and library versions; changes when any generator could change.

    Once per process: every template and every workshop handout asks for it (2.6 MB of fonts and
    six package lookups each time). ``./dev serve`` imports this package afresh for each rebuild
    (hooks/site.py), so an edit is still seen."""
    digest = hashlib.sha256()
    code = sorted([*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.rglob("*.css"), ZIP_WRITER])
    for path in [*code, *fonts.font_files()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        digest.update(f"{library}=={importlib.metadata.version(library)}\0".encode())
    digest.update(f"pango=={pango_version()}\0".encode())
    return digest.hexdigest()


def entry_key(source: bytes, fingerprint: str) -> str:
    return hashlib.sha256(fingerprint.encode() + b"\0" + source).hexdigest()[:32]


__all__ = ["entry_key", "generator_fingerprint"]
