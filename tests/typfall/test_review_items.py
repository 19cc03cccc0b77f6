"""The barnevern/Nav leader and kommuneadvokat review of the cases: one test per item."""

from __future__ import annotations

import pytest

from typfall.build import build_cases
from typfall.cases import duk_template, read_cases
from typfall.markers import render_markers

DUTY = ("Før de skrev under, fikk familien vite at opplysningsplikten til barnevernet gjelder uansett "
        "samtykket, og at den er personlig for hver ansatt.")
RAMME = "Investeringslederen, med delegert myndighet; klage til kommunens klagenemnd (fvl. § 28 annet ledd)."


@pytest.fixture(scope="module")
def cases():
    return {c.id: c for c in read_cases()}


def _persons(case) -> list[str]:
    return [c.person for c in case.consents]


def test_1_lea_consents_for_herself_and_gets_the_decision(cases) -> None:
    dahl = cases["barnevern"]
    lea = next(c for c in dahl.consents if c.person.startswith("Lea, for seg selv"))
    assert "15 år, part i barnevernssaken" in lea.person
    assert lea.services == ("Velferdslaben", "Barneverntjenesten", "Skolen")
    decision = next(d for d in dahl.decisions if d.service == "Barneverntjenesten")
    assert ("Vedtaket ble sendt til mor, Leas far og Lea, med begrunnelse, hvordan Leas mening er vektlagt, "
            "og klagerett.") in decision.by
    assert "Stefar er ikke part" in dahl.asked and "Lea bestemmer hva som sies om henne" in dahl.asked


def test_2_the_family_is_told_the_duty_to_report_before_signing(cases) -> None:
    for case_id in ("barn-med-funksjonsnedsettelse", "midlertidig-bolig", "alene-med-aap", "nyankommet-med-tolk",
                    "barnevern"):
        assert DUTY in cases[case_id].asked, case_id
    haug = cases["alene-med-aap"].asked
    assert "artikkel 13" in haug and "Investeringslederen hadde en samtale" in haug


def test_3_haug_asks_markus_then_tone_and_both_parents_before_the_intake(cases) -> None:
    assert cases["alene-med-aap"].asked.startswith(
        "Helsesykepleieren snakket først med Markus, så med Tone. Barnas far ble ringt samme uke.")
    assert "Først da begge foreldrene hadde sagt ja, ble navnene gitt til inntaksmøtet." in cases["alene-med-aap"].asked


def test_4_the_son_is_no_interpreter_and_the_interpreter_is_not_on_the_team(cases) -> None:
    haddad = cases["nyankommet-med-tolk"]
    assert "Fra første møte bruker ingen tjeneste sønnen som tolk. Nav-lederen fikk beskjed og registrerte avvik." \
        in haddad.asked
    assert [m.role for m in haddad.team if "olk" in m.role] == ["Tolk (ikke medlem av teamet)"]
    assert "Tolk (ikke medlem av teamet)" in haddad.duk["team"]
    assert all("tolk på arabisk" in c.covers for c in haddad.consents)
    assert "ikke med i investeringen" in haddad.numbers.why


def test_5_no_joint_consent_for_two_adults_themselves(cases) -> None:
    for case in cases.values():
        for person in _persons(case):
            assert not (person.startswith(("Mor og far, for seg selv", "Mor og stefar, for seg selv"))), case.id
    assert {"Mor, for seg selv", "Far, for seg selv"} <= set(_persons(cases["barn-med-funksjonsnedsettelse"]))
    far = next(c for c in cases["barn-med-funksjonsnedsettelse"].consents if c.person == "Far, for seg selv")
    assert "ikke helse" in far.covers


def test_6_the_children_are_heard_and_idas_measure_follows_what_she_said(cases) -> None:
    assert any("Barna på åtte og tolv er hørt" in c.covers for c in cases["midlertidig-bolig"].consents)
    haug = cases["alene-med-aap"]
    assert any("Ida er ti og er hørt" in c.covers for c in haug.consents)
    assert any("Venner på besøk for Ida" in d.measure for d in haug.decisions)
    assert not any("Svømming" in row[0] for row in haug.duk["tiltak"])


def test_7_the_numbers_say_what_they_count() -> None:
    built = {b.case.id: b for b in build_cases()[0]}
    assert "nav_ytelser" in built["alene-med-aap"].case.numbers.values
    for case_id in ("alene-med-aap", "nyankommet-med-tolk"):
        assert built[case_id].case.numbers.values["spesialundervisning"] == 0
    assert "utover husleien" in built["midlertidig-bolig"].case.numbers.why
    assert built["ung-utenfor"].case.numbers.values["bolig_kommune"] == 0
    table = render_markers("<!-- typfall-tabell -->\n", tuple(built.values()), duk_template(), "typfall/index.md")
    row = next(line for line in table.splitlines() if "(ung-utenfor.md)" in line)
    assert "Uten velferdslabens egne kostnader – ikke sammenlignbar med familiene" in row
    assert sum("ikke sammenlignbar" in line for line in table.splitlines()) == 1


def test_8_the_stories_hold_up(cases) -> None:
    lien = cases["barn-med-funksjonsnedsettelse"]
    assert "barnekoordinator" in lien.story and "individuell plan" in lien.story and "erstatter den" in lien.story
    assert any("§ 20 a" in d.measure and d.kind == "vedtak" for d in cases["ung-utenfor"].decisions)
    assert any("etter vanlige tildelingskriterier" in d.by and "bostøtte" in d.by
               for d in cases["midlertidig-bolig"].decisions)
    haddad = cases["nyankommet-med-tolk"]
    assert not any("tre måneder" in " ".join(row) for row in haddad.duk["tiltak"])
    assert any("Nav godkjenner ikke fagbrev" in d.by for d in haddad.decisions)
    dahl = cases["barnevern"]
    team = {m.service for m in dahl.team}
    assert all(s in team for c in dahl.consents for s in c.services)


def test_9_decisions_from_the_budget_name_the_authority_and_the_appeal(cases) -> None:
    for case in cases.values():
        lead = next(m for m in case.team if m.role == "Investeringsleder")
        assert "delegert myndighet" in lead.authority and "fvl. § 28 annet ledd" in lead.authority, case.id
        assert "Kommunens valg" in lead.authority
        for decision in case.decisions:
            if decision.service == "Velferdslaben" and decision.kind == "vedtak":
                assert RAMME in decision.by, case.id


def test_10_what_is_on_the_duk_about_an_adult_is_covered_by_that_adult_s_consent(cases) -> None:
    mor = next(c for c in cases["barnevern"].consents if c.person == "Mor, for seg selv")
    assert {"Skolen", "PPT"} <= set(mor.services) and "bare det som står på duken" in mor.covers
    tone = next(c for c in cases["alene-med-aap"].consents if c.person == "Tone, for seg selv")
    assert {"Skolen", "Skolehelsetjenesten"} <= set(tone.services) and "bare det som står på duken" in tone.covers
    bolig = cases["midlertidig-bolig"]
    assert "Nav" not in bolig.duk["situasjon"] and "uten skolen og barnehagen" in bolig.duk["avtaler"]
    assert not any("Depositum" in row[0] for row in bolig.duk["tiltak"])


def test_11_nav_kommune_and_nav_stat_are_separate_consent_boxes(cases) -> None:
    for case in cases.values():
        services = {s for c in case.consents for s in c.services} | {m.service for m in case.team}
        assert "Nav-kontoret" not in services, case.id
    assert "Nav kommune" in cases["midlertidig-bolig"].consents[0].services
    assert {"Nav kommune", "Nav stat"} <= set(cases["ung-utenfor"].consents[0].services)
    assert {"Nav kommune", "Nav stat"} <= set(cases["alene-med-aap"].consents[0].services)


def test_12_no_sosialhjelp_when_nav_is_not_in_the_case(cases) -> None:
    assert cases["barnevern"].numbers.values["sosialhjelp"] == 0


def test_13_sara_s_help_is_not_cut(cases) -> None:
    values = cases["barn-med-funksjonsnedsettelse"].numbers.values
    assert values["avlastning_reduksjon"] == 0 and values["spesialundervisning_reduksjon"] == 0


def test_saras_case_says_truthfully_which_help_it_cuts(cases) -> None:
    # Samfunnsøkonom review 2 (issue 23): the text must name what the preset still cuts.
    from calculators.engine import registry

    sara = cases["barn-med-funksjonsnedsettelse"]
    model = registry.load(sara.numbers.model)
    preset = next(p for p in model.presets if p.id == sara.numbers.preset)
    merged = {**{i.id: i.default for i in model.inputs}, **preset.values, **sara.numbers.values}
    cut = sorted(line for line in ("barnevern", "sosialhjelp", "bolig", "avlastning", "psykisk_helse",
                                   "spesialundervisning", "nav_ytelser")
                 if merged[line] > 0 and merged[line + "_reduksjon"] > 0)
    assert cut == ["psykisk_helse"]
    why = " ".join(sara.numbers.why.split())
    assert "Ingen regner med" not in why
    assert "psykisk helse (10 %)" in why and f"{merged['psykisk_helse_reduksjon']:.0f} %" == "10 %"
