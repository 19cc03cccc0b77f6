"""The rules for declarations: the outputs a module declares, and the tables the YAML is checked
against (each field documented in calculators/README.md)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from calculators.core import declarations
from calculators.core.declarations import DeclarationError, check_model
from calculators.core.model import Output
from calculators.engine import registry
from tests.conftest import ROOT

MODEL = registry.load(registry.model_ids()[0])
FILE = f"calculators/models/{MODEL.id}.py"


def problem(model) -> str:
    with pytest.raises(DeclarationError) as error:
        check_model(model, FILE)
    return str(error.value)


def with_output(**changes):
    return dataclasses.replace(MODEL, outputs=(*MODEL.outputs, Output(**{"id": "ny", "label": "Ny", "unit": "kr",
                                                                        **changes})))


def test_every_registered_model_is_declared_correctly() -> None:
    for model_id in registry.model_ids():
        check_model(registry.load(model_id), f"calculators/models/{model_id}.py")


def test_an_output_with_an_unknown_budget_holder_names_file_and_field() -> None:
    message = problem(with_output(budget_holder="kommune_kultur"))
    assert message.startswith(f"{FILE}: 1 feil i deklarasjonene til «{MODEL.id}»")
    assert "outputs[ny], feltet «budget_holder»: «kommune_kultur» er ukjent; gyldige:" in message


def test_an_unknown_kind_and_unit_are_both_listed() -> None:
    message = problem(with_output(kind="tabell", unit="kroner"))
    assert "2 feil" in message
    assert "feltet «kind»: «tabell» er ukjent" in message and "feltet «unit»: «kroner» er ukjent" in message


def test_two_outputs_with_one_id_are_refused() -> None:
    twice = dataclasses.replace(MODEL, outputs=(MODEL.outputs[0], *MODEL.outputs))
    assert f"outputs[{MODEL.outputs[0].id}], feltet «id»: brukes av mer enn én output" in problem(twice)


TABLES = ["MODEL_FIELDS", "INPUT_FIELDS", "SOURCE_FIELDS", "PRESET_FIELDS", "UNCERTAINTY_FIELDS", "UNPRICED_FIELDS"]


@pytest.mark.parametrize("table", TABLES)
def test_every_field_of_the_yaml_format_is_documented_in_the_readme(table: str) -> None:
    readme = (ROOT / "calculators" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", readme, re.MULTILINE))
    missing = set(getattr(declarations, table)) - documented
    assert not missing, f"calculators/README.md mangler {sorted(missing)} fra {table}"


def test_the_readme_table_says_what_each_rule_says() -> None:
    for table in (declarations.MODEL_FIELDS, declarations.INPUT_FIELDS, declarations.SOURCE_FIELDS,
                  declarations.PRESET_FIELDS):
        assert all(rule.meaning for rule in table.values())


def test_presentation_mode_offers_neither_the_horizon_nor_the_rate_as_a_lever() -> None:
    """Issue 23 review: R-109 fixes the rate, and stretching the horizon oversells."""
    ids = {"horisont": 0, "kalkulasjonsrente": 1, "a": 2, "b": 3, "c": 4}
    problems = declarations.check_key_inputs(["horisont", "kalkulasjonsrente", "a", "b"], ids)
    assert [p.where for p in problems] == ["key_inputs[0]", "key_inputs[1]"]
    assert "R-109" in problems[1].text
    assert declarations.check_key_inputs(["a", "b", "c"] + ["kalkulasjonsrente"], ids) != []
    assert declarations.check_key_inputs(["a", "b", "c", "a"][:3] + ["b"], ids) != []  # a repeat still refused
    for model in registry.all_models():
        assert not {"horisont", "kalkulasjonsrente"} & set(model.key_inputs), model.id
