"""What an author reads when a YAML source is wrong (veileder/yamltext.py): the place and, for the
common mistakes, the problem in Norwegian; a date that does not exist is a YAML error like any other."""

from __future__ import annotations

import pytest
import yaml

from veileder import yamltext

CASES = {
    "a: [\n": "en verdi mangler",
    "a: b: c\n": "en «:» der den ikke kan stå",
    "a:\n\tb: 1\n": "en tabulator i innrykket",
    "- a\nb: 1\n": "en listelinje uten «-»",
    "a: 'x\n": "filen slutter før et anførselstegn",
    "{a: 1\n": "en «{» som ikke er lukket",
    "a: *x\n": "et anker («&») som ikke finnes",
    "date: 2026-02-30\n": "«2026-02-30» er ikke en dato som finnes (skriv ÅÅÅÅ-MM-DD)",
    "a: 1\nb: 2026-13-45\n": "«2026-13-45» er ikke en dato som finnes",
}


@pytest.mark.parametrize("text", list(CASES))
def test_a_common_mistake_is_said_in_norwegian_with_its_place(text: str) -> None:
    for load in (yamltext.safe_load, yamltext.load_with_lines):
        with pytest.raises(yaml.YAMLError) as error:
            load(text)
        assert CASES[text] in yamltext.error_problem(error.value)
        assert yamltext.error_place(error.value).startswith("linje ")


def test_a_rare_mistake_keeps_pyyamls_words_and_says_whose_they_are() -> None:
    with pytest.raises(yaml.YAMLError) as error:
        yamltext.safe_load("a: !!python/object x\n")
    assert yamltext.error_problem(error.value).endswith("(PyYAMLs melding)")


def test_a_date_that_exists_is_still_a_date() -> None:
    import datetime

    assert yamltext.safe_load("date: 2026-02-28\n") == {"date": datetime.date(2026, 2, 28)}
