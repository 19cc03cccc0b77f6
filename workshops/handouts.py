"""One printable A4 handout per scenario, made by the templates' PDF machinery (``documents.render``).

A handout is a ``documents.render`` document built in memory from the scenario (the question, its
key assumptions, the figure the calculator shows, the address) and laid out by
``render_pdf.document_html`` as the templates are, as PDF/A-3a; the QR code (``segno``, drawn as
SVG at build time, no network) is put in beside the address. Files are cached by a hash of what
they show plus the generators' fingerprint, so a warm build reuses them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import importlib.metadata
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

import segno

from documents.render.fingerprint import generator_fingerprint
from documents.templates.template import Field, Section, Template
from veileder import site_address
from veileder.cache import cached_entry
from workshops.scenarios import SOURCE, Scenario

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE_DIR = PROJECT_ROOT / ".cache" / "handouts"
SITE_FOLDER = "kurs/filer"
VERSION = "1.0"
DATE = dt.date(2026, 11, 25)
OPEN_TEXT = "Skann QR-koden med mobilen, eller skriv inn adressen:"
QR_MM = 32
READING_HINT = ("Midtverdien og «i pluss» kommer fra kalkulatorens trekninger over spennene på "
                "Datakilder: et mål på våre anslag, ikke en prognose for kommunen.")
SPLIT_HINT = "Positivt tall: budsjettet sparer. Negativt tall: budsjettet bærer kostnaden."


@dataclass(frozen=True)
class Handout:
    scenario: Scenario
    url: str  # what the QR code holds
    path: Path  # the cached PDF

    @property
    def filename(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def qr_svg(url: str) -> str:
    """The QR code for ``url`` as SVG markup (error correction M, quiet zone kept)."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=4, dark="#000", light="#fff", omitsize=True)


def handout_template(scenario: Scenario) -> Template:
    """The scenario as a one-page ``documents.render`` document (without the QR code)."""
    assumptions = tuple(f"{a.label}: {a.value}" for a in scenario.assumptions)
    preset = next((p for p in scenario.model.presets if p.id == scenario.preset), None)
    start = f"Forhåndsvalget «{preset.label}»" if preset else "Kalkulatorens standardtall"
    if scenario.values:
        start += " med egne endringer"
    # The figures' own stamp: a trainer can tell a printout made before the data changed.
    # The page's «who pays, who saves» chart, summed per budget (issue 23: a total alone can hide
    # that one budget pays and another saves).
    split = (Field("text", text=f"{scenario.split_title}:"), Field("list", items=scenario.split)) if scenario.split else ()
    figures = hashlib.sha256(json.dumps([scenario.reading, scenario.split, assumptions], ensure_ascii=False).encode()).hexdigest()[:6]
    return Template(
        id=f"utdeling-{scenario.id}",
        title=scenario.title,
        version=f"{VERSION}, tall {figures}",
        date=DATE,
        summary=scenario.question,
        when="",
        layout="document",
        orientation="portrait",
        print_papers=("A4",),
        edit_paper="A4",
        intro=f"Øvelse: «{scenario.exercise}» – kalkulator: {scenario.model.title}",
        sections=(
            Section("Spørsmålet", (Field("text", text=scenario.question),)),
            Section("Forutsetninger i scenarioet",
                    (Field("text", text=f"{start}. De viktigste tallene:"), Field("list", items=assumptions)),
                    hint="Tallene er illustrasjoner. Bytt dem ut med egne tall når dere bruker kalkulatoren hjemme."),
            Section("Det kalkulatoren viser, med disse forutsetningene",
                    (Field("text", text=f"{scenario.figure.label}:"),
                     Field("list", items=scenario.reading or (f"{scenario.figure_text}",)),
                     *split),
                    hint=" ".join(h for h in (READING_HINT if len(scenario.reading) > 1 else "",
                                              SPLIT_HINT if split else "") if h)),
            Section("Åpne scenarioet", (Field("text", text=OPEN_TEXT),)),
            # With the split the page is full: the notes go rather than a second sheet.
            *(() if split else (Section("Notater", (Field("write", lines=3),)),)),
        ),
        order=1,
        source=SOURCE,
    )


def _placeholder_notice(url: str) -> str:
    """A build without VL_SITE_URL prints a QR code to a domain that does not exist: say so on the
    paper, beside the code (where it takes no height: the handout stays one page)."""
    if not site_address.is_placeholder(url):
        return ""
    return (f'<figcaption style="max-width: 70mm; padding: 2mm 3mm; border: 0.5mm solid #b00020; color: #b00020; '
            f'font-weight: 700">{escape(site_address.NOTICE)}</figcaption>')


def _qr_figure(url: str) -> str:
    data = base64.b64encode(qr_svg(url).encode()).decode()
    return (
        f'<p style="overflow-wrap: anywhere"><a href="{escape(url)}">{escape(url)}</a></p>'
        f'<figure style="margin: 0.4em 0 0; display: flex; align-items: center; gap: 5mm">'
        f'<img src="data:image/svg+xml;base64,{data}" '
        f'style="width: {QR_MM}mm; height: {QR_MM}mm" alt="QR-kode som åpner scenarioet: {escape(url)}">'
        f"{_placeholder_notice(url)}</figure>"
    )


def handout_html(scenario: Scenario, url: str) -> str:
    """The complete HTML WeasyPrint lays out: the templates' document with the QR code put in."""
    from documents.render.render_pdf import document_html  # imports WeasyPrint: on a cache miss only

    html = document_html(handout_template(scenario), "A4")
    anchor = f"<p>{escape(OPEN_TEXT)}</p>"
    if html.count(anchor) != 1:
        raise RuntimeError("utdelingsark: fant ikke stedet for QR-koden i malens HTML")
    return html.replace(anchor, anchor + _qr_figure(url))


def render_handout(scenario: Scenario, url: str) -> bytes:
    import weasyprint

    from documents.render.render_pdf import PDF_VARIANT

    return weasyprint.HTML(string=handout_html(scenario, url), base_url=str(SOURCE.parent)).write_pdf(
        pdf_variant=PDF_VARIANT)


def _key(scenario: Scenario, url: str) -> str:
    shown = json.dumps({
        "template": repr(handout_template(scenario)), "url": url, "code": Path(__file__).read_bytes().hex(),
        "segno": importlib.metadata.version("segno"), "generators": generator_fingerprint(),
        "notice": _placeholder_notice(url),
    }, sort_keys=True)  # fmt: skip
    return hashlib.sha256(shown.encode()).hexdigest()[:32]


def build_handouts(scenarios: tuple[Scenario, ...], site_url: str,
                   cache_dir: Path = DEFAULT_CACHE_DIR) -> tuple[tuple[Handout, ...], list[str]]:
    """A PDF per scenario (from the cache when unchanged), and the ids that had to be made."""
    handouts, made = [], []
    for scenario in scenarios:
        url = scenario.site_link(site_url)
        name = f"{scenario.id}.pdf"

        def produce(directory: Path, s: Scenario = scenario, u: str = url, n: str = name) -> None:
            (directory / n).write_bytes(render_handout(s, u))

        entry, regenerated = cached_entry(cache_dir, _key(scenario, url), produce)
        handouts.append(Handout(scenario, url, entry / name))
        if regenerated:
            made.append(scenario.id)
    return tuple(handouts), made
