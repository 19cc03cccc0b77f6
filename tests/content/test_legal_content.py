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
