"""Zip packages (ODT, DOCX) re-written so the same content always gives the same bytes.

Both odfpy and python-docx stamp each zip entry with the current time. Here every entry gets the
template's date, fixed permissions and a fixed order; ``first`` (ODF's ``mimetype``) is placed
first and stored uncompressed, as the OpenDocument package format requires.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def normalise_zip(data: bytes, date: dt.date, *, first: str | None = None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    if first is not None:
        entries.sort(key=lambda entry: entry[0] != first)  # stable: keeps the rest in order
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(date.year, date.month, date.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == first else zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            target.writestr(info, content, compresslevel=9 if name != first else None)
    return out.getvalue()
