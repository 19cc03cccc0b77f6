"""The law register (``veileder/lover.yaml``): the one list of laws the site may link to on Lovdata.

Pages and templates link to Lovdata by address (``https://lovdata.no/lov/2021-06-18-97/§13-2``).
The build reads every source that can carry such a link and stops when one points to a law the
register does not know, or to a law the register marks as repealed (``opphevet``) — the 1992
arkivlova, replaced on 1 January 2026, is the case that started this. The list of laws on «Kilder»
is rendered from the same file, so the two cannot drift apart.

No MkDocs import: ``sitegen/check.py`` and ``sitegen/stage.py`` call these functions.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from veileder import yamltext

ROOT = Path(__file__).resolve().parent.parent
REGISTER = Path(__file__).with_name("lover.yaml")
# Where Lovdata links can live: pages, template sources, the calculators' data files.
SOURCES = (("docs", "**/*.md"), ("documents/templates/sources", "*.yaml"), ("calculators/data", "*.yaml"))

# Lovdata's short addresses (/lov/…, /forskrift/…) and its document addresses (/dokument/NL/lov/…;
# SF for regulations, LTI for Norsk Lovtidend, where a law sits before it is consolidated).
LOVDATA_LINK = re.compile(r"https?://(?:www\.)?lovdata\.no/[^\s)\]\"'<>»]*", re.IGNORECASE)
LAW_PATH = re.compile(
    r"^https?://(?:www\.)?lovdata\.no/(?:dokument/(?:NL|SF|LTI|NLO|SFO)/)?(lov|forskrift)/(\d{4}-\d{2}-\d{2}(?:-\d+)?)"
    r"(?=$|[/#?])",
    re.IGNORECASE,
)
MARKER = re.compile(r"<!--\s*lovregister\s*-->")
_FIELDS = ("id", "kort", "tittel", "i_kraft", "opphevet", "erstattet_av", "kontrollert")


class LawRegisterError(ValueError):
    """A mistake in ``lover.yaml`` itself; names the entry and the field."""


class LawLinkError(ValueError):
    """Lovdata links that the register does not allow; the message names each file and link."""


@dataclass(frozen=True)
class Law:
    id: str
    kort: str
    tittel: str
    i_kraft: dt.date | None
    opphevet: dt.date | None
    erstattet_av: str | None
    kontrollert: str
    merknad: str = ""

    @property
    def url(self) -> str:
        return f"https://lovdata.no/{self.id}"

    @property
    def repealed(self) -> bool:
        return self.opphevet is not None


@dataclass(frozen=True)
class LinkProblem:
    source: str  # path relative to the repository
    line: int
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.link} – {self.reason}"


def _date(value: object, where: str, field: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    raise LawRegisterError(f"{where}: «{field}» må være en dato (ÅÅÅÅ-MM-DD) eller null, fikk {value!r}")


def parse_register(entries: object, name: str = "veileder/lover.yaml") -> dict[str, Law]:
    """The register as ``{id: Law}``; mistakes raise ``LawRegisterError`` naming entry and field."""
    if not isinstance(entries, list):
        raise LawRegisterError(f"{name}: må være en liste med lover, fikk {type(entries).__name__}")
    laws: dict[str, Law] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"{name}, lov nr. {number}"
        if not isinstance(entry, dict):
            raise LawRegisterError(f"{where}: må være felt: verdi")
        missing = [field for field in _FIELDS if field not in entry]
        unknown = sorted(set(entry) - {*_FIELDS, "merknad"})
        if missing or unknown:
            raise LawRegisterError(f"{where} ({entry.get('id', '?')}): mangler {missing}, ukjente felt {unknown}")
        law_id = str(entry["id"])
        where = f"{name}, {law_id}"
        if not re.fullmatch(r"(lov|forskrift)/\d{4}-\d{2}-\d{2}(-\d+)?", law_id):
            raise LawRegisterError(f"{where}: «id» må se ut som lov/ÅÅÅÅ-MM-DD-NR eller forskrift/ÅÅÅÅ-MM-DD-NR")
        if law_id in laws:
            raise LawRegisterError(f"{where}: står to ganger")
        laws[law_id] = Law(
            id=law_id, kort=str(entry["kort"]), tittel=str(entry["tittel"]),
            i_kraft=_date(entry["i_kraft"], where, "i_kraft"), opphevet=_date(entry["opphevet"], where, "opphevet"),
            erstattet_av=entry["erstattet_av"], kontrollert=str(entry["kontrollert"]).strip(),
            merknad=str(entry.get("merknad") or "").strip(),
        )
    for law in laws.values():
        if law.erstattet_av is not None and law.erstattet_av not in laws:
            raise LawRegisterError(f"{name}, {law.id}: «erstattet_av» {law.erstattet_av} står ikke i registeret")
    return laws


@cache
def load_register(path: Path = REGISTER) -> dict[str, Law]:
    return parse_register(yamltext.safe_load(path.read_text(encoding="utf-8")), str(path.relative_to(ROOT)))


def law_id(link: str) -> str | None:
    """``lov/2021-06-18-97`` for a Lovdata link to a law or regulation, else None."""
    match = LAW_PATH.match(link)
    return f"{match[1].lower()}/{match[2]}" if match else None


def check_text(text: str, source: str, laws: dict[str, Law]) -> list[LinkProblem]:
    """Every Lovdata link in ``text`` the register does not allow."""
    problems = []
    for match in LOVDATA_LINK.finditer(text):
        link = match.group(0).rstrip(".,;:")
        line = text.count("\n", 0, match.start()) + 1
        found = law_id(link)
        if found is None:
            reason = "ikke en lenke til en lov eller forskrift (bruk https://lovdata.no/lov/ÅÅÅÅ-MM-DD-NR)"
        elif found not in laws:
            reason = f"{found} står ikke i lovregisteret (veileder/lover.yaml); legg den til med kilde"
        elif laws[found].repealed:
            law = laws[found]
            instead = laws.get(law.erstattet_av or "")
            reason = f"{law.kort} er opphevet fra {law.opphevet:%d.%m.%Y}" + (
                f"; lenk til {instead.kort} ({instead.url})" if instead else "")
        else:
            continue
        problems.append(LinkProblem(source, line, link, reason))
    return problems


def source_files(root: Path = ROOT) -> Iterable[Path]:
    for folder, pattern in SOURCES:
        yield from sorted((root / folder).glob(pattern))


def check_sources(root: Path = ROOT, laws: dict[str, Law] | None = None) -> list[LinkProblem]:
    laws = load_register() if laws is None else laws
    return [
        problem
        for path in source_files(root)
        for problem in check_text(path.read_text(encoding="utf-8"), str(path.relative_to(root)), laws)
    ]


def raise_for_problems(problems: list[LinkProblem]) -> None:
    if problems:
        raise LawLinkError("Lenker til Lovdata som lovregisteret ikke godtar:\n" + "\n".join(map(str, problems)))


def cited_law_ids(root: Path = ROOT) -> set[str]:
    return {
        found for path in source_files(root)
        for match in LOVDATA_LINK.finditer(path.read_text(encoding="utf-8"))
        if (found := law_id(match.group(0)))
    }


def _when(day: dt.date | None) -> str:
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}" if day else "ikke kjent"


_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember")


def render_list(laws: dict[str, Law]) -> str:
    """The register as Markdown for «Kilder»: laws in force first, then those replaced."""
    def line(law: Law) -> str:
        in_force = f"i kraft fra {_when(law.i_kraft)}" if law.i_kraft else "når loven trer i kraft, er ikke kjent"
        text = f"- [{html.escape(law.tittel)}]({law.url}) – {law.kort}, {in_force}"
        if law.repealed:
            text += f", opphevet fra {_when(law.opphevet)}"
        if law.erstattet_av:
            text += f", erstattes av {laws[law.erstattet_av].kort}" if not law.repealed else \
                f", erstattet av {laws[law.erstattet_av].kort}"
        text += "."
        if law.merknad:
            text += f" {law.merknad}"
        text += f" <small>Kontrollert 6. desember 2026: {html.escape(law.kontrollert)}</small>"
        return text

    current = sorted((law for law in laws.values() if not law.repealed), key=lambda law: law.kort.lower())
    repealed = sorted((law for law in laws.values() if law.repealed), key=lambda law: law.kort.lower())
    parts = [line(law) for law in current]
    if repealed:
        parts += ["", "Opphevet – ikke lenk hit lenger:", "", *(line(law) for law in repealed)]
    return "\n".join(parts) + "\n"


def replace_marker(markdown: str, laws: dict[str, Law] | None = None) -> str | None:
    """``markdown`` with ``<!-- lovregister -->`` replaced by the list, or None when it has no marker."""
    if not MARKER.search(markdown):
        return None
    listing = render_list(load_register() if laws is None else laws)
    return MARKER.sub(lambda _: listing, markdown)


def main() -> int:
    """``python -m veileder.laws``: the same check as the build, as its own step (for CI, or an
    engine without MkDocs hooks). Prints each problem and returns 1, or prints nothing and returns 0."""
    try:
        raise_for_problems(check_sources())
    except (LawLinkError, LawRegisterError) as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
