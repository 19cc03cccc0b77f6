"""A case file with a mistake stops the build, naming the file, the line and the field, in Norwegian."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.yaml_lines import seek
from typfall.build import build_cases
from typfall.cases import CASES_DIR, CaseError

NAME = "barn-med-funksjonsnedsettelse"


def _broken(tmp_path: Path, change) -> tuple[str, str]:
    """The message for the case file changed by ``change``, and the file's text as written."""
    data = yaml.safe_load((CASES_DIR / f"{NAME}.yaml").read_text(encoding="utf-8"))
    change(data)
    folder = tmp_path / "cases"
    folder.mkdir()
    text = yaml.safe_dump(data, allow_unicode=True)
    (folder / f"{NAME}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        build_cases(folder, cache_dir=tmp_path / "cache")
    return str(caught.value), text


def _set(path: str, value):
    def change(data):
        *parents, last = path.split(".")
        for key in parents:
            data = data[int(key)] if key.isdigit() else data[key]
        if value is _DELETE:
            del data[last]
        else:
            data[int(last) if last.isdigit() else last] = value
    return change


_DELETE = object()

BROKEN = {
    # mistake: (change, field, words, where the line is: patterns for ``seek``; a missing field is on
    # the line of the entry it belongs in, the file's first line for a top-level one)
    "a missing story": (_set("story", _DELETE), "story", "mangler", ()),
    "an unknown key": (_set("historie", "x"), "historie", "ukjent nøkkel", ("^historie:",)),
    "a story over 600 words": (_set("story", "ord " * 601), "story", "høyst 600", ("^story:",)),
    "an id that is not the file name": (_set("id", "annen"), "id", "filnavnet", ("^id: annen",)),
    "an empty title": (_set("title", " "), "title", "ikke er tom", ("^title:",)),
    "an order that is not a number": (_set("order", "først"), "order", "heltall", ("^order: først",)),
    "a duk box that is missing": (_set("duk.drommer", _DELETE), "duk.drommer", "mangler", ("^duk:",)),
    "a duk box the template does not have": (_set("duk.onsker", "x"), "duk.onsker", "ukjent nøkkel",
                                             ("^duk:", "^  onsker: x")),
    "a tiltak row with two columns": (_set("duk.tiltak", [["Hva", "Hvem"]]), "duk.tiltak[0]", "Hva, Hvem, Når",
                                      ("^  tiltak:", "^  - - Hva")),
    "a team member whose service has no consent": (_set("team.2.service", "Barneverntjenesten"), "team[2].service",
                                                   "ikke med i noe samtykke", ("^team:", "service: Barneverntjenesten")),
    "a consent without services": (_set("way_in.consents.0.services", []), "way_in.consents[0].services",
                                   "ikke er tom", ("^way_in:", r"services: \[\]")),
    "nothing said about what was not shared": (_set("way_in.not_shared", _DELETE), "way_in.not_shared", "mangler",
                                               ("^way_in:",)),
    "a decision of an unknown kind": (_set("decisions.0.kind", "muntlig"), "decisions[0].kind",
                                      "gyldige: vedtak, avtale", ("kind: muntlig",)),
    "a decision by a service not on the team": (_set("decisions.0.service", "Barnehagen"), "decisions[0].service",
                                                "sitter ikke i teamet", ("service: Barnehagen",)),
    "a missing twelve-month follow-up": (_set("follow_up.twelve_months", _DELETE), "follow_up.twelve_months",
                                         "mangler", ("^follow_up:",)),
    "an unknown calculator": (_set("numbers.model", "investeringsmote"), "numbers.model", "typfall kan bruke",
                              ("^numbers:", "^  model: investeringsmote")),
    "a preset the model does not have": (_set("numbers.preset", "borte"), "numbers.preset", "finnes ikke",
                                         ("^numbers:", "^  preset: borte")),
    "a value out of bounds": (_set("numbers.values.barnevern_reduksjon", 400), "numbers.values", "regner ikke",
                              ("^numbers:", "^  values:")),
    "an input the model does not have": (_set("numbers.values.gammel", 1), "numbers.values", "regner ikke",
                                         ("^numbers:", "^  values:")),
    "a value that is not a number": (_set("numbers.values.avlastning", "mye"), "numbers.values.avlastning", "et tall",
                                     ("^numbers:", "^    avlastning: mye")),
}


@pytest.mark.parametrize("mistake", BROKEN, ids=list(BROKEN))
def test_a_mistake_names_the_file_the_line_and_the_field(tmp_path: Path, mistake: str) -> None:
    change, field, words, where = BROKEN[mistake]
    message, text = _broken(tmp_path, change)
    line = seek(text, *where)
    assert message.startswith(f"typfall/cases/{NAME}.yaml, linje {line}: {field}: "), message
    assert words in message, message


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / f"{NAME}.yaml").write_text("id: [\n", encoding="utf-8")
    with pytest.raises(CaseError, match=rf"typfall/cases/{NAME}.yaml, linje 2, kolonne 1: ugyldig YAML"):
        build_cases(folder, cache_dir=tmp_path / "cache")
