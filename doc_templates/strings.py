"""Every Norwegian (bokmål) text the templates and their pages show, in one place."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip

PLACE_AND_DATE = "Sted og dato"
SIGNATURE = "Underskrift"
NAME_IN_CAPITALS = "Navn med blokkbokstaver"
OTHER = "Annet"
CHECKBOX = "☐"
NAME = "Navn"
DATE = "Dato"
PAGE_OF = ("Side ", " av ")
PUBLISHER = "Velferdslab-veilederen"
FORMAT_NAMES = {"pdf": "PDF", "odt": "ODT", "docx": "DOCX"}
FORMAT_PURPOSE = {
    "pdf": "for utskrift",
    "odt": "for redigering (OpenDocument)",
    "docx": "for redigering (Word)",
}
DOWNLOAD = "Last ned {format}, {paper}, {size}"
DOWNLOADS_HEADING = "Last ned"
PREVIEW_ALT = "Forhåndsvisning av første side av {title}"
WHAT_FOR = "Hva den er til"
WHEN_TO_USE = "Når dere bruker den"
READ_ONLINE = "Les innholdet"
LANDSCAPE = "liggende"
FORM_PRINT = "Skriv ut duken (A3 liggende)"
FORM_RESET = "Tøm duken"
FORM_ROW = "rad"


def version_line(version: str, date: dt.date) -> str:
    """«Versjon 1.0, 23. november 2026»."""
    return f"Versjon {version}, {format_date(date)}"


def format_date(date: dt.date) -> str:
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"


def format_size(size: int) -> str:
    """A file size the way Norwegian readers write it: «850 byte», «8,5 kB», «85 kB», «1,2 MB».

    kB and MB are decimal (1 kB = 1000 byte), as the SI prefixes say.
    """
    if size < 1000:
        return f"{size} byte"
    for unit, scale in (("kB", 1000), ("MB", 1000**2), ("GB", 1000**3)):
        value = size / scale
        if round(value, 1) < 10:
            return f"{value:.1f} {unit}".replace(".", ",")
        if round(value) < 1000 or unit == "GB":
            return f"{round(value)} {unit}"
    raise AssertionError("unreachable")
