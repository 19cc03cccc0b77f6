"""The case pages' Markdown, made from the case files and the computed numbers.

Markers, each alone on its line:

- ``<!-- typfall: <id> -->`` — the whole case page (docs/typfall/<id>.md holds only this);
- ``<!-- typfall-tabell -->`` — the six cases side by side (figures from ``typfall.numbers``);
- ``<!-- typfall-liste -->`` — a list of the cases with links.

Links to the calculator carry the scenario in the fragment, which MkDocs would check as a heading
anchor, so they are HTML links to the URL MkDocs gives the calculator page (``link_to``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from calculators.core.model import Model
from calculators.view.preset_words import share_words
from documents.templates.strings import format_size
from documents.templates.template import Template
from typfall.cases import DECISION_KINDS, Case
from typfall.duk import LABEL
from typfall.numbers import Reading

SITE_FOLDER = "typfall/filer"
MARKER = re.compile(r"^<!--\s*typfall(?P<kind>-tabell|-liste)?(?::\s*(?P<id>[a-z0-9-]*))?\s*-->[ \t]*$",
                    re.MULTILINE)
NOT_PRICED = ("Det som ikke har en pris i kalkulatoren, er ikke med: hvordan folk har det, "
              "tid og krefter, og det barn og unge lærer. Resultatet sier bare noe om penger.")
READING_HINT = ("Midtverdien og «i pluss» kommer fra kalkulatorens trekninger over spennene på "
                "Datakilder. De måler våre anslag. De er ikke en prognose for en kommune.")


class MarkerError(ValueError):
    """A marker naming no case; the message names the page and the cases there are."""


@dataclass(frozen=True)
class BuiltCase:
    case: Case
    reading: Reading
    pdf: Path  # the filled duk, A3
    duk_json: bytes  # the file the digital duk opens
    handout: Path  # the A4 handout for courses

    @property
    def pdf_name(self) -> str:
        return self.pdf.name

    @property
    def json_name(self) -> str:
        return f"{self.case.id}-duk.json"


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _story(case: Case) -> str:
    return "## Historien\n\n" + case.story + "\n"


def _way_in(case: Case) -> str:
    rows = ["| Hvem samtykker | Til hvilke tjenester | Hva samtykket dekker |", "|---|---|---|"]
    rows += [f"| {_cell(c.person)} | {_cell(', '.join(c.services))} | {_cell(c.covers)} |" for c in case.consents]
    shared = "\n".join(f"- {item}" for item in case.not_shared)
    return (
        "## Veien inn\n\n" + case.asked + "\n\n### Samtykket, person for person\n\n" + "\n".join(rows)
        + "\n\n### Dette ble ikke delt\n\n" + shared + "\n\n"
        "Se [steg 2](../kom-i-gang/2-malgruppe.md) om veien inn og [steg 4](../kom-i-gang/4-samtykke.md) "
        "om samtykke.\n"
    )


def _team(case: Case) -> str:
    rows = ["| Hvem | Fra | Hvorfor med | Myndighet |", "|---|---|---|---|"]
    rows += [f"| {_cell(m.role)} | {_cell(m.service)} | {_cell(m.why)} | {_cell(m.authority)} |" for m in case.team]
    return (
        "## Teamet\n\n" + "\n".join(rows) + "\n\nTeamet fatter ikke vedtak. Myndigheten ligger hos "
        "personer i hver tjeneste. Se [investeringsteamet](../metode/investeringsteamet.md).\n"
    )


def _duk(built: BuiltCase, template: Template, page: str) -> str:
    case = built.case
    parts = ["## Duken\n"]
    for section in template.sections:
        value = case.duk.get(section.area)
        if value is None:
            continue
        if isinstance(value, list):
            columns = next(f.columns for f in section.fields if f.type == "table")
            rows = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
            rows += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in value]
            parts.append(f"**{section.title}**\n\n" + "\n".join(rows) + "\n")
        else:
            parts.append(f"**{section.title}**: {value}\n")
    pdf = _relative(f"{SITE_FOLDER}/{built.pdf_name}", page)
    json_file = _relative(f"{SITE_FOLDER}/{built.json_name}", page)
    duk_page = _relative("maler/fyll-ut-duken.md", page)
    size = format_size(built.pdf.stat().st_size)
    parts.append(
        f"- [Den utfylte duken (PDF, A3, {size})]({pdf}), laget fra samme kilde som den tomme duken.\n"
        f"- **Åpne i den digitale duken:** [last ned filen (JSON, {format_size(len(built.duk_json))})]({json_file}). "
        f"Gå så til [den digitale duken]({duk_page}) og trykk «Åpne lagret fil». Der kan du endre teksten.\n"
        f"- [Utdelingsark til kurs (PDF, A4, {format_size(built.handout.stat().st_size)})]"
        f"({_relative(f'{SITE_FOLDER}/{built.handout.name}', page)}): historien, en oppgave til gruppen, "
        "tallene og en QR-kode til kalkulatoren.\n"
    )
    return "\n".join(parts)


def _decisions(case: Case) -> str:
    rows = ["| Tiltak | Vedtak eller avtale | Tjeneste | Hvem og hvordan |", "|---|---|---|---|"]
    rows += [f"| {_cell(d.measure)} | {DECISION_KINDS[d.kind]} | {_cell(d.service)} | {_cell(d.by)} |"
             for d in case.decisions]
    return (
        "## Fra møte til vedtak\n\n" + "\n".join(rows) + "\n\nEt tiltak som gir rett til hjelp eller "
        "penger, er et enkeltvedtak. Tjenesten skriver det, med begrunnelse og klagerett, også når det "
        "ble avtalt i møtet. Se [steg 5](../kom-i-gang/5-forste-mote.md).\n"
    )


def _open_link(built: BuiltCase, link_to: Callable[[str], str], text: str) -> str:
    url = built.reading.link(link_to(built.reading.view.page), built.case)
    return f'<a href="{escape(url)}" data-vl-typfall-link="{escape(built.case.id)}">{escape(text)}</a>'


def _numbers(built: BuiltCase, link_to: Callable[[str], str]) -> str:
    r = built.reading
    start = f"Forhåndsvalget «{r.preset_label}»" if r.preset_label else "Kalkulatorens standardtall"
    changed = "\n".join(f"- {label}: {value}" for label, value in r.changed)
    titles = {o.id: o.label for o in r.model.outputs}
    holders = "\n".join(
        f"**{h.label}** ({titles[h.output]}):\n\n"
        + "\n".join(f"- {line}" for line in h.card) + "\n"
        for h in r.holders)
    return (
        "## Tallene\n\n" + built.case.numbers.why + "\n\n"
        f"Kalkulator: **{r.model.title}**. {start}, med disse tallene for typfallet:\n\n{changed}\n\n"
        f"- {r.view.cost_label}: {r.cost_today_text}\n- {r.view.investment_label}: {r.investment_text}\n\n"
        f"{_open_link(built, link_to, 'Åpne tallene i kalkulatoren')}\n\n"
        "Kalkulatoren viser, med disse forutsetningene:\n\n" + holders + "\n"
        f"!!! note \"Slik leser du tallene\"\n    {READING_HINT} {NOT_PRICED} Tallene i typfallet er "
        "illustrasjoner. Bytt dem ut med egne tall.\n"
    )


def _follow_up(case: Case) -> str:
    f = case.follow_up
    return (
        "## Oppfølging (illustrasjon)\n\n!!! info \"Illustrasjon\"\n    Dette er oppdiktet, som resten av "
        "siden. Det viser hva dere kan følge med på. Det lover ingen effekt.\n\n"
        f"**Etter seks måneder:** {f['six_months']}\n\n**Etter tolv måneder:** {f['twelve_months']}\n\n"
        f"**Dette endret seg ikke:** {f['not_changed']}\n\n"
        "Se [steg 6](../kom-i-gang/6-oppfolging.md) om oppfølging.\n"
    )


def _sources(case: Case) -> str:
    interpreter = "- [Bruk av tolk](../metode/tolk.md).\n" if "tolk" in case.group.lower() else ""
    return (
        "## Kilder\n\n"
        "- Stegene i [Kom i gang](../kom-i-gang/index.md): veien inn, samtykke, første møte og vedtak, "
        "oppfølging.\n"
        "- [Investeringsteamet](../metode/investeringsteamet.md) og "
        "[Probas evaluering av velferdslab i Asker](../erfaringer/proba.md): hvem som bør være med, "
        "og hvem som har myndighet.\n" + interpreter +
        "- [Datakilder](../okonomi/datakilder.md): kilden til hvert standardtall kalkulatoren bruker.\n"
    )


def case_page(built: BuiltCase, template: Template, page: str, link_to: Callable[[str], str]) -> str:
    case = built.case
    return "\n".join((
        f"# {case.title}: {case.group.lower()[0]}{case.group[1:]}\n",
        f"!!! warning \"{LABEL}\"\n    Familien finnes ikke. Navn og detaljer er laget for veilederen. "
        "Likhet med virkelige personer er tilfeldig.\n",
        _story(case), _way_in(case), _team(case), _duk(built, template, page), _decisions(case),
        _numbers(built, link_to), _follow_up(case), _sources(case),
    ))


def side_by_side(built: tuple[BuiltCase, ...], page: str, link_to: Callable[[str], str]) -> str:
    labels = [label for label, _ in built[0].reading.view.holders]
    head = (["Typfall", "Kalkulator", "Kostnad i dag, første år", "Investeringen"]
            + [f"Midtverdi: {label.lower()}" for label in labels] + ["I pluss, offentlige budsjetter"])
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for b in built:
        r = b.reading
        link = _relative(f"typfall/{b.case.id}.md", page)
        share = f"{int(round(r.share_holder.share * 100))} av 100"
        rows.append(" | ".join([
            f"| [{_cell(b.case.title)}]({link})",
            _open_link(b, link_to, r.model.title), r.cost_today_text,
            f"{r.investment_text}. {r.view.table_note}" if r.view.table_note else r.investment_text,
            *[h.median_text for h in r.holders], share]) + " |")
    plus = sum(1 for b in built if b.reading.share_holder.median > 0)
    return (
        "\n".join(rows) + "\n\n"
        f"Med disse tallene er midtverdien for offentlige budsjetter i pluss for {plus} av {len(built)} typfall. "
        "Det er ikke en feil. Familiene bruker mindre tjenester enn kalkulatorens eksempel. "
        f"{_presets_used(built)} Velferdslab kan være riktig likevel, men da må dere si hvorfor med andre "
        "ord enn kroner. "
        "Midtverdi er medianen av kalkulatorens trekninger. Netto nåverdi: pluss betyr at gevinsten er "
        "større enn investeringen. For familiene er investeringen regnet i nåverdi. For den unge er det "
        "tiltakets kostnad, og kostnaden i dag er de offentlige kostnadene mens personen er utenfor.\n"
    )


def _preset_meaning(model: Model, preset_id: str | None) -> str:
    """What a preset is, from the data file: the defaults, or its reductions as a share of them."""
    preset = next((p for p in model.presets if p.id == preset_id), None)
    if preset is None or not preset.values:
        return "kalkulatorens standardtall"
    base = next((f"«{p.label}»" for p in model.presets if not p.values), "standardtallene")
    try:
        return f"reduksjoner på {share_words(model, preset.id)} av {base}"
    except ValueError:  # a preset of a model without reductions (utenforskap's courses)
        return ""


def _presets_used(built: tuple[BuiltCase, ...]) -> str:
    """Which preset each case's effects come from, grouped (issue 23: the page once said «forsiktige
    tall» while three of five families used the middle preset)."""
    groups: dict[tuple[str, str | None], list[BuiltCase]] = {}
    for b in built:
        groups.setdefault((b.reading.model.id, b.case.numbers.preset), []).append(b)
    parts = []
    for members in groups.values():
        r, names = members[0].reading, [b.case.title for b in members]
        named = " og ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        label = f"«{r.preset_label}»" if r.preset_label else "kalkulatorens standardtall"
        meaning = _preset_meaning(r.model, members[0].case.numbers.preset)
        parts.append(f"{label} for {named}" + (f" ({meaning})" if meaning and meaning != label else ""))
    listed = " og ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
    return f"Effektene er ikke målt i typfallene. De er kalkulatorenes forhåndsvalg: {listed}."


def case_list(built: tuple[BuiltCase, ...], page: str) -> str:
    return "\n".join(f"- [{b.case.title}]({_relative(f'typfall/{b.case.id}.md', page)}): {b.case.group}."
                     for b in built) + "\n"


def render_markers(markdown: str, built: tuple[BuiltCase, ...], template: Template, page: str,
                   link_to: Callable[[str], str] = lambda path: path) -> str:
    by_id: Mapping[str, BuiltCase] = {b.case.id: b for b in built}

    def replace(match: re.Match) -> str:
        if match.group("kind") == "-tabell":
            return side_by_side(built, page, link_to)
        if match.group("kind") == "-liste":
            return case_list(built, page)
        case_id = match.group("id") or ""
        if case_id not in by_id:
            raise MarkerError(f"{page}: <!-- typfall: {case_id} --> – ukjent typfall; "
                              f"finnes: {', '.join(by_id)} (typfall/cases/)")
        return case_page(by_id[case_id], template, page, link_to)

    return MARKER.sub(replace, markdown)
