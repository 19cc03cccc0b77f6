"""Zip packages (ODT, DOCX) re-written so the same content always gives the same bytes.

Both odfpy and python-docx stamp each zip entry with the current time. Here every entry gets the
template's date, fixed permissions and a fixed order; ``first`` (ODF's ``mimetype``) is placed
first and stored uncompressed, as the OpenDocument package format requires. The zip itself is
written by ``veileder.zips``, the one deterministic zip writer of the build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from veileder.zips import read_zip, write_zip

TEXT_PARTS = (".xml", ".rels")


def read_entries(data: bytes) -> list[tuple[str, bytes]]:
    return read_zip(data)


def write_entries(entries: list[tuple[str, bytes]], date: dt.date, *, first: str | None = None) -> bytes:
    """The package written by the one zip writer (``veileder.zips``) with the template's date."""
    return write_zip(entries, date_time=(date.year, date.month, date.day, 0, 0, 0), level=9, stored=first)


def normalise_zip(data: bytes, date: dt.date, *, first: str | None = None) -> bytes:
    return write_entries(read_entries(data), date, first=first)


def map_text_parts(data: bytes, date: dt.date, change: Callable[[str, str], str], *, first: str | None = None) -> bytes:
    """The package with ``change(name, xml)`` applied to every XML part."""
    entries = [
        (name, change(name, content.decode("utf-8")).encode("utf-8") if name.endswith(TEXT_PARTS) else content)
        for name, content in read_entries(data)
    ]
    return write_entries(entries, date, first=first)


def fill_package(data: bytes, fmt: str, fields: Mapping[str, object], rows: Mapping[str, int], date: dt.date) -> bytes:
    """A package with every slot in its XML parts filled (``sheet.fill``)."""
    from documents.templates.sheet import fill

    first = "mimetype" if fmt == "odt" else None
    return map_text_parts(data, date, lambda _, xml: fill(xml, fmt, fields, rows), first=first)


def add_thumbnail(data: bytes, fmt: str, image: bytes, date: dt.date) -> bytes:
    """The package with a preview image that file managers and office suites show.

    ODT: ``Thumbnails/thumbnail.png``, listed in the manifest (ODF 1.2, part 3, 3.9). DOCX:
    ``docProps/thumbnail.jpeg``, with the package relationship of type «metadata/thumbnail»
    (python-docx's own template carries a blank one, which is replaced).
    """
    entries = read_entries(data)
    if fmt == "docx" and any(n == "docProps/thumbnail.jpeg" for n, _ in entries):
        entries = [(n, image if n == "docProps/thumbnail.jpeg" else c) for n, c in entries]
        return write_entries(entries, date)
    if fmt == "odt":
        name = "Thumbnails/thumbnail.png"
        entry = f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="image/png"/>'
        changed = {"META-INF/manifest.xml": lambda xml: xml.replace("</manifest:manifest>", entry + "</manifest:manifest>")}
    else:
        name = "docProps/thumbnail.jpeg"
        relation = (f'<Relationship Id="rIdVlThumbnail" Target="{name}" '
                    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"/>')
        default = '<Default Extension="jpeg" ContentType="image/jpeg"/>'
        changed = {
            "_rels/.rels": lambda xml: xml.replace("</Relationships>", relation + "</Relationships>"),
            "[Content_Types].xml": lambda xml: xml if 'Extension="jpeg"' in xml else xml.replace("<Override", default + "<Override", 1),
        }  # fmt: skip
    entries = [(n, changed[n](c.decode("utf-8")).encode("utf-8") if n in changed else c) for n, c in entries]
    entries.append((name, image))
    return write_entries(entries, date, first="mimetype" if fmt == "odt" else None)
