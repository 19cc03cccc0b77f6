"""One A4 handout per case for courses: the family, the group's task, the numbers and a QR code
(one page for the stories here; a story near the 600-word limit flows onto a second).

Made like the workshop handouts (``workshops.handouts``): a ``documents.render`` document built in
memory from the case, laid out by ``render_pdf.document_html`` as PDF/A, the QR code (to the case's
calculator scenario on the published site) put in beside the address. Cached by content hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from pathlib import Path

from documents.render.fingerprint import generator_fingerprint
from documents.templates.template import Field, Section, Template
from typfall.cases import DUK_SOURCE, Case
from typfall.duk import LABEL
from typfall.numbers import Reading
from veileder import site_address
from veileder.cache import cached_entry
from workshops.handouts import DATE, QR_MM, VERSION, qr_svg

OPEN_TEXT = "Skann QR-koden, eller skriv inn adressen, for å åpne tallene i kalkulatoren:"
TASK = (
    "Les historien. Lag en plan som om dere var teamet. Hvem må samtykke, og til hvilke tjenester? "
    "Hvem bør sitte rundt bordet, og hvem har myndighet? Fyll ut duken. Hvilke tiltak må bli "
    "skriftlige vedtak, og hvem skriver dem? Sammenlign så med typfallet på nettstedet."
)


def handout_template(case: Case, reading: Reading) -> Template:
    holder = reading.share_holder
    return Template(
        id=f"typfall-utdeling-{case.id}", title=f"Typfall: {case.title}", version=VERSION, date=DATE,
        summary=case.summary, when="", layout="document", orientation="portrait", print_papers=("A4",),
        edit_paper="A4", intro=f"{LABEL}. {case.group}. Ingen ekte familie.",
        sections=(
            Section("Historien", tuple(Field("text", text=" ".join(p.split())) for p in case.story.split("\n\n"))),
            Section("Oppgave til gruppen", (Field("text", text=TASK),)),
            Section(f"Tallene: {holder.label.lower()}",
                    (Field("text", text=f"{reading.model.title}. {case.numbers.why}"),
                     Field("list", items=holder.card))),
            Section("Åpne tallene", (Field("text", text=OPEN_TEXT),)),
        ),
        order=1, source=DUK_SOURCE,
    )


def _qr(url: str) -> str:
    data = base64.b64encode(qr_svg(url).encode()).decode()
    notice = (f"<p><strong>{escape(site_address.NOTICE)}</strong></p>" if site_address.is_placeholder(url) else "")
    return (f'<p style="overflow-wrap: anywhere"><a href="{escape(url)}">{escape(url)}</a></p>{notice}'
            f'<img src="data:image/svg+xml;base64,{data}" style="width: {QR_MM}mm; height: {QR_MM}mm" '
            f'alt="QR-kode som åpner tallene: {escape(url)}">')


def handout_html(case: Case, reading: Reading, url: str) -> str:
    from documents.render.render_pdf import document_html  # imports WeasyPrint: on a cache miss only

    html = document_html(handout_template(case, reading), "A4")
    anchor = f"<p>{escape(OPEN_TEXT)}</p>"
    if html.count(anchor) != 1:
        raise RuntimeError("typfall: fant ikke stedet for QR-koden i utdelingsarket")
    return html.replace(anchor, anchor + _qr(url))


def handout_url(case: Case, reading: Reading, site_url: str) -> str:
    """The case's calculator scenario on the published site (what the QR code holds)."""
    page = reading.view.page.removesuffix(".md") + "/"
    return reading.link(site_url.rstrip("/") + "/" + page, case)


def handout_pdf(case: Case, reading: Reading, site_url: str, cache_dir: Path) -> tuple[Path, bool]:
    """The cached A4 handout, and whether it had to be made."""
    url = handout_url(case, reading, site_url)
    name = f"{case.id}-utdeling-A4.pdf"
    shown = json.dumps({"template": repr(handout_template(case, reading)), "url": url,
                        "code": Path(__file__).read_bytes().hex(), "generators": generator_fingerprint()},
                       sort_keys=True)
    key = hashlib.sha256(shown.encode()).hexdigest()[:32]

    def produce(directory: Path) -> None:
        import weasyprint  # on a cache miss only

        from documents.render.render_pdf import PDF_VARIANT

        html = weasyprint.HTML(string=handout_html(case, reading, url), base_url=str(DUK_SOURCE.parent))
        (directory / name).write_bytes(html.write_pdf(pdf_variant=PDF_VARIANT))

    entry, made = cached_entry(cache_dir, key, produce)
    return entry / name, made
