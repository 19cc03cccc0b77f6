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
FORM_PLACEHOLDER = "Skriv her"
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
TEXT_VERSION = "tekstversjon"
TEXT_VERSION_PURPOSE = "delene etter hverandre i vanlig tekst"
SHEET_PURPOSE = "ett ark som PDF-en"
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
FORM_SAVE = "Lagre som fil"
FORM_OPEN = "Åpne lagret fil"
FORM_EXPORT = "Last ned som {format}"
FORM_ADD_ROW = "Legg til rad"
FORM_REMOVE = "Fjern"
FORM_REMOVE_ROW = "Fjern rad"
FORM_ROW_TOOLS = "Fjern rad"
FORM_MEETING_DATE = "Dato for møtet"
FORM_REFERENCE = "Familiens navn eller referanse"
FORM_REFERENCE_HINT = ("Det familien selv velger, for eksempel et fornavn eller et kallenavn. Det står bare på "
                       "denne siden, på utskriften og i filen dere selv lagrer.")
# What maler.js says (passed to it as JSON in a data attribute). {n}, {file}: filled in by the script.
FORM_MESSAGES = {
    "confirmClear": "Vil dere tømme duken? Alt som står i den, blir borte. "
                    "Har dere lagret den som fil, kan dere åpne filen igjen senere.",
    "confirmOpen": "Filen erstatter det som står i duken nå. Vil dere fortsette?",
    "pages": "Teksten er lang: utskriften blir omtrent {n} A3-sider. Alt dere har skrevet, kommer med.",
    "saved": "Duken er lagret i filen «{file}». Ta vare på filen – nettstedet har ingen kopi.",
    "opened": "Duken fra «{file}» er åpnet.",
    "notJson": "«{file}» kan ikke åpnes: det er ikke en lagret arbeidsduk.",
    "otherTemplate": "«{file}» er ikke en lagret arbeidsduk fra denne siden.",
    "exported": "Duken er lastet ned som «{file}».",
    "exportFailed": "Filen kunne ikke lages. Skriv ut duken, eller lagre den som fil og prøv igjen.",
    "rowAdded": "Rad {n} er lagt til.",
    "rowRemoved": "Rad {n} er fjernet.",
    "removeRow": "Fjern rad {n}",
    "row": "rad",
    "meetingDate": "Møtedato",
    "reference": "Familie",
}  # fmt: skip


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
