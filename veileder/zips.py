"""The one deterministic zip writer: the same entries always give the same bytes.

Every zip the build makes goes through ``write_zip``: the templates' ODT and DOCX
(``documents.render.package``), the profile's XLSX template (``calculators.site.profile``) and the copy of
the site for use without a network (``documents.guide.offline``). Each entry gets a fixed time, fixed
permissions and the order given; nothing depends on the clock or the machine. The browser's
counterpart, for the files made from what a user typed, is ``veileder/runtime/zip.js`` (``SCRIPT``).

The three callers keep their own settings (time, compression level, permissions), so the files
they made before this module existed are byte for byte the same.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "runtime" / "zip.js"
"""The browser's zip writer: bundled into the calculators' export and profile importer, published
beside the duk's scripts (``sitegen.stage.ASSETS``)."""
SHEET_SCRIPT = SCRIPT.with_name("sheet.js")
"""The browser's one XLSX and CSV writer (``vlSheet``); it zips with ``SCRIPT``, so a bundle that
writes a workbook carries both, zip.js first: the calculators' export and the profile importer."""
UNIX = 3
"""``create_system`` for every entry, whatever machine builds the file."""


def write_zip(
    entries: Iterable[tuple[str, bytes]],
    target: Path | None = None,
    *,
    date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0),
    level: int | None = 9,
    mode: int | None = 0o644,
    stored: str | None = None,
) -> bytes:
    """A zip of ``entries`` (name, content) in the order given, as bytes or written to ``target``.

    ``level``: the deflate level (``None``: zlib's default). ``mode``: the Unix permissions
    recorded (``None``: zipfile's own default, rw-------). ``stored``: the name of an entry kept uncompressed and put first
    (ODF's ``mimetype``, as the OpenDocument package format requires).
    """
    if stored is not None:
        entries = sorted(entries, key=lambda entry: entry[0] != stored)  # stable: keeps the rest in order
    out = target.open("wb") if target is not None else io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w") as archive:
            for name, content in entries:
                info = zipfile.ZipInfo(name, date_time=date_time)
                info.create_system = UNIX
                if mode is not None:
                    info.external_attr = mode << 16
                if name == stored:
                    info.compress_type = zipfile.ZIP_STORED
                    archive.writestr(info, content)
                else:
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, content, compresslevel=level)
        return out.getvalue() if isinstance(out, io.BytesIO) else b""
    finally:
        out.close()


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    """The entries of a zip (name, content), in the order they are stored."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return [(info.filename, source.read(info)) for info in source.infolist()]
