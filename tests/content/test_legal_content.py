"""What the guide tells a family and a municipality stays within the law.

The consent letter must carry everything GDPR art. 13 requires and say that the duty to inform
barnevernet applies whatever the family consents to. Promises the law does not keep, and wording a
legal review corrected, must not come back in the guide pages or in any template source.
"""

from __future__ import annotations

import re

import pytest

from doc_templates.build import SOURCES_DIR
from doc_templates.model import Template, load_template
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _template_text(template: Template) -> str:
    parts = [template.summary, template.when, template.intro]
    for section in template.sections:
        parts += [section.title, section.hint]
        for field in section.fields:
            parts += [field.text, *field.items, *field.columns]
    return re.sub(r"\s+", " ", " ".join(parts)).lower()


@pytest.fixture(scope="module")
def consent() -> str:
    return _template_text(load_template(SOURCES_DIR / "samtykke.yaml"))


# Each item of GDPR art. 13 (nr. 1 a–c, e; nr. 2 a–d) as words a family would read in the letter.
ART_13_ITEMS = {
    "behandlingsansvarlig (nr. 1 a)": ["behandlingsansvarlig"],
    "kontakt med den ansvarlige (nr. 1 a)": ["telefon og e-post"],
    "personvernombud (nr. 1 b)": ["personvernombud"],
    "formål (nr. 1 c)": ["formålet"],
    "rettslig grunnlag (nr. 1 c)": ["rettslige grunnlaget", "artikkel 6"],
    "mottakere (nr. 1 e)": ["mottakerne"],
    "lagringstid (nr. 2 a)": ["hvor lenge opplysningene lagres"],
    "innsyn (nr. 2 b)": ["innsyn"],
    "retting og sletting (nr. 2 b)": ["rettet", "slettet"],
    "trekke samtykket (nr. 2 c)": ["trekke samtykket"],
    "klage til Datatilsynet (nr. 2 d)": ["klage til datatilsynet"],
}


@pytest.mark.parametrize("item", sorted(ART_13_ITEMS))
def test_the_consent_letter_tells_the_family_each_item_of_gdpr_article_13(consent: str, item: str) -> None:
    missing = [words for words in ART_13_ITEMS[item] if words not in consent]
    assert not missing, f"Samtykkemalen mangler «{item}»: {missing}"


def test_the_consent_letter_says_the_duty_to_inform_barnevernet_applies_whatever_is_consented(
    consent: str,
) -> None:
    assert "opplysningsplikt" in consent
    assert "avvergingsplikt" in consent
    assert "samtykket endrer ikke disse pliktene" in consent


def test_the_consent_letter_tells_what_happens_to_what_was_shared_before_a_withdrawal(consent: str) -> None:
    assert "det som alt er delt, kan ikke hentes tilbake" in consent


def test_the_consent_letter_says_both_parents_with_shared_responsibility_must_consent(consent: str) -> None:
    assert "må begge samtykke" in consent


def test_the_consent_letter_names_the_age_rules_for_children(consent: str) -> None:
    for rule in ("barneloven § 31", "12 år", "15 år", "16 år", "§ 3-4"):
        assert rule in consent, rule


# Promises and wording a legal review removed. Lower case; whitespace is squashed before matching.
REMOVED = {
    "ingen avgjørelser om deg uten deg": "et løfte loven ikke holder (vedtak tas av tjenesten)",
    "ingen avgjørelser om dere skal tas uten dere": "et løfte loven ikke holder",
    "alt som gjelder deg, blir sagt i møtet": "et løfte ingen kan holde",
    "ikke får snakke om deg med hverandre": "taushetsplikt er ikke et forbud mot all samtale",
    "bør begge samtykke": "begge med foreldreansvar må samtykke (barneloven § 30)",
    "personvernombud må bekrefte": "ombudet gir råd (artikkel 39); kommunen bestemmer",
    "personvernombudet har bekreftet": "ombudet gir råd (artikkel 39); kommunen bestemmer",
    "personvernombud til å godkjenne": "ombudet gir råd (artikkel 39); kommunen bestemmer",
    "bør dere bare dele": "dataminimering er et krav (artikkel 5 nr. 1 bokstav c)",
    "etter det deler ingen flere opplysninger": "plikter som opplysningsplikten gjelder fortsatt",
    # Legal review 6 December 2026 (issue 24)
    "ikke får god nok omsorg": "terskelen i barnevernsloven § 13-2 er alvorlig svikt, ikke «god nok»",
    "ingen egne notater med en annen versjon": "tjenestene har journalplikt (helsepersonelloven §§ 39–40)",
    "ingen beslutninger om familien tas i møter": "tjenestene fatter vedtak og har plikter utenom møtet",
    "kan bli familiens individuelle plan": "en individuell plan er personlig (forskriften fra 2022)",
    "kan være familiens koordinator": "koordinerende enhet oppnevner (helse- og omsorgstjenesteloven § 7-3)",
    "alle tjenester kan foreslå en familie": "familien spørres først; ellers drøftes saken uten navn",
    "proba mente at selve modellen ikke trengte å endres": "står ikke i kilden",
    "beslutninger tas i møtet": "teamet er ikke et vedtaksorgan (kommuneloven § 13-1)",
}


def _guide_texts() -> dict[str, str]:
    files = [*DOCS.rglob("*.md"), *SOURCES_DIR.glob("*.yaml")]
    return {str(path.relative_to(ROOT)): re.sub(r"\s+", " ", path.read_text(encoding="utf-8")).lower() for path in files}


def test_no_page_or_template_makes_a_promise_we_removed() -> None:
    found = [
        f"{name}: «{phrase}» – {why}"
        for name, text in _guide_texts().items()
        for phrase, why in REMOVED.items()
        if phrase in text
    ]
    assert not found, "Tekst som ble rettet, er kommet tilbake:\n" + "\n".join(found)


def test_the_removed_phrases_are_found_when_present() -> None:
    text = re.sub(r"\s+", " ", "Alt som gjelder deg,\n blir sagt i møtet.").lower()
    assert any(phrase in text for phrase in REMOVED)


def test_the_citizen_page_says_the_duty_to_inform_barnevernet_still_applies() -> None:
    text = (DOCS / "innbyggere" / "index.md").read_text(encoding="utf-8")
    assert "opplysningsplikt" in text
    assert "klage" in text and "Det koster ingenting" in text


def _page(path: str) -> str:
    return re.sub(r"\s+", " ", (DOCS / path).read_text(encoding="utf-8")).lower()


def test_the_citizen_page_gives_every_ground_of_the_duty_to_report_in_body_text() -> None:
    text = (DOCS / "innbyggere" / "index.md").read_text(encoding="utf-8")
    section = text.split("## Når skal barnevernet få vite noe?")[1].split("\n## ")[0]
    assert "!!!" not in section, "opplysningsplikten skal stå i brødteksten, ikke i en liten boks"
    for ground in ("vil bli det", "alvorlig svikt i omsorgen", "behandlingen eller\n  opplæringen",
                   "rus eller mye kriminalitet", "menneskehandel", "barnevernet ber om opplysninger",
                   "hindre alvorlig vold"):
        assert ground in section, ground


def test_the_citizen_page_names_the_rights_that_do_not_depend_on_velferdslab() -> None:
    text = _page("innbyggere/index.md")
    for right in ("individuell plan", "en koordinator", "barnekoordinator", "hjelp med bolig"):
        assert right in text, right


def test_the_citizen_page_ends_with_what_to_do_next() -> None:
    text = (DOCS / "innbyggere" / "index.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", text, re.MULTILINE)[-1] == "Dette kan du gjøre nå"


def test_the_citizen_page_is_found_first_for_the_words_families_use() -> None:
    front = (DOCS / "innbyggere" / "index.md").read_text(encoding="utf-8").split("---")[1]
    for word in ("barnevern", "hjelp", "samtykke", "tolk", "bolig"):
        assert word in re.search(r"^tags: \[(.*)\]$", front, re.MULTILINE)[1], word
    assert re.search(r"^  boost: [2-9]", front, re.MULTILINE)


def test_intake_asks_the_family_before_anyone_names_them() -> None:
    text = _page("kom-i-gang/2-malgruppe.md")
    for duty in ("spør familien først", "§ 13 a nr. 2", "familien kan også søke selv",
                 "føres uten navn", "skriftlig svar", "enkeltvedtak"):
        assert duty in text, duty


def test_service_use_is_registered_per_family_only_where_the_consent_covers_it() -> None:
    assert "bare når samtykket dekker det" in _page("kom-i-gang/6-oppfolging.md")


def test_the_pages_say_services_decide_and_write_the_vedtak_not_the_team() -> None:
    for path in ("kom-i-gang/1-forankring.md", "kom-i-gang/3-organisering.md", "kom-i-gang/5-forste-mote.md",
                 "om-velferdslab/prinsipper.md"):
        text = _page(path)
        assert "kommuneloven § 13-1" in text, path
        assert "forvaltningsloven §§ 23–28" in text, path


def test_the_personvern_page_has_a_breach_routine() -> None:
    text = _page("kom-i-gang/personvern.md")
    for duty in ("## når noe går galt", "72 timer", "artikkel 33 nr. 1", "artikkel 34", "artikkel 33 nr. 5"):
        assert duty in text, duty
    assert "## når noe går galt (avvik)" in _page("kom-i-gang/sjekkliste.md")


def test_individual_plans_are_personal_and_the_koordinator_is_appointed_by_koordinerende_enhet() -> None:
    text = _page("kom-i-gang/3-organisering.md")
    for rule in ("planen er personlig", "koordinerende enhet i kommunen oppnevner", "§ 7-3", "§ 7-2 a",
                 "boligsosial lov § 6"):
        assert rule in text, rule


def test_the_tolk_page_puts_the_exception_in_the_words_of_the_law() -> None:
    text = _page("metode/tolk.md")
    assert "forsvarlig ut fra hensynet til barnet og omstendighetene for øvrig" in text
    assert "et planlagt investeringsmøte er ikke en slik situasjon" in text
    assert "hvilket språk" in text


def test_the_consent_page_names_the_laws_in_force_and_emergency_sharing() -> None:
    text = _page("kom-i-gang/4-samtykke.md")
    for rule in ("lov/2025-06-20-96", "lov/2025-06-20-81", "opplæringslova (2023)", "barnehageloven",
                 "§ 13 b første ledd nr. 7"):
        assert rule in text, rule
