"""«Hva det krever å starte» in figures from the family model's data file (issue 23).

The page a leader reads first must not disagree with the calculator: the investeringsleder's
hours and the kroner for one family, three families and the whole follow-up in present value are
computed here, at build time, from ``calculators/data/familie.yaml`` and ``models/familie.py``.
Markers on the page: ``<!-- oppstart: prosjektleder -->``, ``<!-- oppstart: investeringsleder -->`` and
``<!-- oppstart: teammedlem -->``
(inline, in the table of people) and ``<!-- oppstart: kostnad -->`` (the cost table).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.view.view import NBSP, amount, format_number, number

MARKER = re.compile(r"<!--\s*oppstart:\s*([a-z]+)\s*-->")
MODEL_ID = "familie"
FAMILIES = 3


class StartupError(ValueError):
    """An unknown marker; the message names the page and what exists."""


def _model():
    return registry.load(MODEL_ID)


def _defaults(model) -> dict[str, float]:
    return {i.id: i.default for i in model.inputs}


def leader_hours() -> str:
    """«omtrent 12 timer i måneden (150 timer i året, spenn 100–250)» from the data file."""
    model = _model()
    row = next(i for i in model.inputs if i.id == "investeringsleder_timer")
    span = next((r for r in model.ranges if r.id == row.id), None)
    text = (f"Illustrasjon: omtrent {format_number(round(row.default / 12), 'antall')} timer i måneden per "
            f"familie ({format_number(row.default, 'antall')} timer i året")
    if span:
        text += f", spenn {format_number(span.low, 'antall')}–{format_number(span.high, 'antall')}"
    return text + ")"


SHARED_BY = 4
"""Families the default «Faste kostnader per familie per år» is spread over; the data file's
``range_note`` for ``faste_kostnader`` says the same («fordelt på 4 familier»; a test holds them equal)."""


def project_leader() -> str:
    """«Illustrasjon: omtrent 35 % stilling i hvert oppfølgingsår, fordelt på 4 familier …»: the post
    the default fixed cost pays for, at the calculator's hourly cost, in every follow-up year (the
    model charges the fixed cost per family for each follow-up year, not only the first)."""
    from calculators.models import familie

    model = _model()
    v = SimpleNamespace(**_defaults(model))
    post = familie.hourly_cost(v.arslonn, v.pensjon, v.arbeidsgiveravgift, v.arsverk_timer) * v.arsverk_timer
    share = v.faste_kostnader * SHARED_BY / post * 100
    return (f"Illustrasjon: omtrent {format_number(round(share), '%')} stilling i hvert oppfølgingsår, fordelt på "
            f"{SHARED_BY} familier ({amount(v.faste_kostnader)} per familie per år i kalkulatoren)")


def member_hours() -> str:
    """«Illustrasjon: 2,5 timer per møte (2 timer møte og 0,5 timer forberedelse og etterarbeid)»:
    felles.yaml's meeting rows, which both calculators use."""
    v = _defaults(_model())
    return (f"Illustrasjon: {format_number(v['motetimer'] + v['forberedelse'], 'antall')} timer per møte "
            f"({format_number(v['motetimer'], 'antall')} timer møte og "
            f"{format_number(v['forberedelse'], 'antall')} timer forberedelse og etterarbeid)")


def cost_table() -> str:
    """The cost of following one family and three families for a year, and the whole follow-up
    in present value, with the calculator's defaults (every figure an illustration)."""
    from calculators.models import familie

    model = _model()
    v = SimpleNamespace(**_defaults(model))
    per_year = familie.investment_per_year(v)
    hours = familie.staff_hours_per_year(v)
    results = evaluate(model)
    one = per_year[0] + per_year[1]
    rows = [
        ("Én familie i ett år", f"{format_number(sum(hours), 'antall')} timer",
         amount(one), "kommunen " + amount(per_year[0]) + ", Nav-stat " + amount(per_year[1])),
        (f"{FAMILIES} familier i ett år", f"{format_number(FAMILIES * sum(hours), 'antall')} timer",
         amount(FAMILIES * one), ""),
        ("Herav faste kostnader per familie og år (prosjektleder og opplæring)", "",
         amount(v.faste_kostnader), "kommunen"),
        (f"Én familie, hele oppfølgingen ({format_number(v.oppfolgingsar, 'antall')} år) i nåverdi", "",
         amount(number(results, "nv_investering")), "diskontert etter R-109"),
    ]
    lines = ["| Hva | Tid | Kroner | Hvem bærer det |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    rate = number(results, "timekostnad")
    # How the default was reached, as the data file states it (never retyped here).
    fixed_note = next(r.note for r in model.ranges if r.id == "faste_kostnader").rstrip(".")
    note = (f"\nTallene er regnet med standardtallene i [kalkulatoren for en familie](../okonomi/familie.md): "
            f"investeringslederens tid, {format_number(v.moter_per_ar, 'antall')} møter i året med "
            f"{format_number(v.deltakere, 'antall')} fra kommunen og {format_number(v.deltakere_stat, 'antall')} "
            f"fra Nav-stat i {format_number(v.motetimer, 'antall')} timer hver, med "
            f"{format_number(v.forberedelse, 'antall')} timer forberedelse og etterarbeid per deltaker "
            f"(de samme tallene som i [kalkulatoren for investeringsmøtet](../okonomi/investeringsmotet.md)), "
            f"en timekostnad på "
            f"{format_number(rate, 'kr/time').replace(NBSP + 'kr per time', '')}{NBSP}kr og "
            f"{amount(v.ekstra_tiltak)} i ekstra tiltak i året. Prosjektleder og opplæring er med som "
            f"«Faste kostnader per familie per år»: {amount(v.faste_kostnader)}. {fixed_note}. "
            f"Alle tallene er **illustrasjoner**. Bytt dem ut med egne tall.\n")
    return "\n".join(lines) + "\n" + note


RENDERERS = {"investeringsleder": leader_hours, "teammedlem": member_hours, "kostnad": cost_table,
             "prosjektleder": project_leader}


def render_markers(markdown: str, page: str) -> str:
    """Every ``<!-- oppstart: … -->`` in ``markdown`` replaced; an unknown one names the page."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise StartupError(f"{page}: <!-- oppstart: {name} --> finnes ikke; finnes: {', '.join(RENDERERS)}")
        return RENDERERS[name]()
    return MARKER.sub(replace, markdown)
