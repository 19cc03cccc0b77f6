"""The law register: a Lovdata link to a repealed or unknown law stops the build, naming file and link."""

from __future__ import annotations

from pathlib import Path

import pytest

from veileder import laws

ARKIVLOVA_1992 = "https://lovdata.no/lov/1992-12-04-126"


@pytest.fixture(scope="module")
def register() -> dict[str, laws.Law]:
    return laws.load_register()


def _site(tmp_path: Path, page: str) -> Path:
    (tmp_path / "docs" / "kom-i-gang").mkdir(parents=True)
    (tmp_path / "docs" / "kom-i-gang" / "side.md").write_text(page, encoding="utf-8")
    return tmp_path


def test_a_link_to_the_repealed_1992_arkivlova_fails_with_file_line_and_the_law_to_use(
    tmp_path: Path, register: dict[str, laws.Law],
) -> None:
    root = _site(tmp_path, f"# Side\n\nFølg [arkivloven]({ARKIVLOVA_1992}).\n")
    with pytest.raises(laws.LawLinkError) as raised:
        laws.raise_for_problems(laws.check_sources(root, register))
    message = str(raised.value)
    assert f"docs/kom-i-gang/side.md:3: {ARKIVLOVA_1992}" in message
    assert "arkivlova (1992) er opphevet fra 01.01.2026" in message
    assert "https://lovdata.no/lov/2025-06-20-96" in message


def test_a_link_to_a_section_of_a_repealed_law_fails_too(register: dict[str, laws.Law]) -> None:
    problems = laws.check_text(f"[§ 6]({ARKIVLOVA_1992}/§6)", "side.md", register)
    assert [problem.link for problem in problems] == [f"{ARKIVLOVA_1992}/§6"]


def test_a_link_to_a_law_the_register_does_not_know_is_named(register: dict[str, laws.Law]) -> None:
    problems = laws.check_text("Se [vegtrafikkloven](https://lovdata.no/dokument/NL/lov/1965-06-18-4/§3).",
                               "docs/x.md", register)
    assert [str(problem) for problem in problems] == [
        "docs/x.md:1: https://lovdata.no/dokument/NL/lov/1965-06-18-4/§3 – lov/1965-06-18-4 står ikke i "
        "lovregisteret (veileder/lover.yaml); legg den til med kilde"
    ]


def test_a_lovdata_link_that_is_not_a_law_is_named(register: dict[str, laws.Law]) -> None:
    problems = laws.check_text("https://lovdata.no/sok?q=arkiv", "t.yaml", register)
    assert len(problems) == 1 and "ikke en lenke til en lov eller forskrift" in problems[0].reason


@pytest.mark.parametrize("link", [
    "https://lovdata.no/lov/2025-06-20-96",
    "https://lovdata.no/dokument/NL/lov/2021-06-18-97/§13-2",
    "https://lovdata.no/lov/1967-02-10/§13a",
    "https://lovdata.no/forskrift/2013-06-21-732",
    "https://lovdata.no/dokument/SF/forskrift/2013-06-21-732",
])
def test_links_to_laws_in_force_in_either_address_form_pass(register: dict[str, laws.Law], link: str) -> None:
    assert laws.check_text(f"[lov]({link})", "side.md", register) == []


def test_a_law_without_a_number_is_not_confused_with_one_that_has_it() -> None:
    assert laws.law_id("https://lovdata.no/lov/1967-02-10/§13") == "lov/1967-02-10"
    assert laws.law_id("https://lovdata.no/lov/1967-02-10-5") == "lov/1967-02-10-5"


def test_every_lovdata_link_on_the_current_pages_templates_and_data_is_in_the_register() -> None:
    laws.raise_for_problems(laws.check_sources())


def test_the_register_lists_the_laws_the_legal_review_asked_for(register: dict[str, laws.Law]) -> None:
    for law_id in ("lov/2025-06-20-96", "lov/2025-06-20-81", "lov/2022-12-20-121", "lov/2023-06-09-30",
                   "lov/2005-06-17-64", "lov/2018-06-22-83"):
        assert law_id in register, law_id
    assert register["lov/1992-12-04-126"].repealed
    assert register["lov/1992-12-04-126"].erstattet_av == "lov/2025-06-20-96"


def test_a_mistake_in_the_register_names_the_entry_and_field() -> None:
    entry = {"id": "lov/2025-06-20-96", "kort": "arkivlova", "tittel": "t", "i_kraft": "snart",
             "opphevet": None, "erstattet_av": None, "kontrollert": "x"}
    with pytest.raises(laws.LawRegisterError, match=r"lov/2025-06-20-96: «i_kraft» må være en dato"):
        laws.parse_register([entry])


def test_a_replacement_that_is_not_in_the_register_is_an_error() -> None:
    entry = {"id": "lov/1992-12-04-126", "kort": "a", "tittel": "t", "i_kraft": None,
             "opphevet": None, "erstattet_av": "lov/2099-01-01-1", "kontrollert": "x"}
    with pytest.raises(laws.LawRegisterError, match="erstattet_av"):
        laws.parse_register([entry])


def test_the_sources_page_lists_every_law_in_force_and_marks_the_repealed_one(register: dict[str, laws.Law]) -> None:
    listing = laws.replace_marker("# Kilder\n\n<!-- lovregister -->\n", register)
    assert listing is not None
    for law in register.values():
        assert law.url in listing
    current, repealed = listing.split("Opphevet – ikke lenk hit lenger:")
    assert ARKIVLOVA_1992 in repealed and ARKIVLOVA_1992 not in current


def test_a_page_without_the_marker_is_left_unchanged() -> None:
    assert laws.replace_marker("# Side\n") is None


def test_the_sources_page_has_the_marker() -> None:
    assert laws.MARKER.search((laws.ROOT / "docs" / "om-nettstedet" / "kilder.md").read_text(encoding="utf-8"))


def test_the_check_runs_as_its_own_step_and_passes_on_the_current_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert laws.main() == 0
    assert capsys.readouterr().out == ""
