"""The workshop scenarios: each computes, and a broken one fails naming file, line, scenario and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from calculators.engine import evaluate, registry
from calculators.site.render import format_output
from calculators.view.scenario_links import scenario_link
from tests.yaml_lines import seek
from workshops.markers import MarkerError, render_markers
from workshops.scenarios import SOURCE, ScenarioError, load_scenarios


def test_every_scenario_computes_and_shows_the_figure_python_gives() -> None:
    scenarios = load_scenarios()
    assert len(scenarios) >= 6
    for s in scenarios:
        preset = dict(next(p for p in s.model.presets if p.id == s.preset).values) if s.preset else {}
        results = evaluate.evaluate(registry.load(s.model.id), {**preset, **s.values})
        assert s.figure_text == format_output(results[s.figure.id], s.figure), s.id


def test_every_exercise_named_in_the_issue_has_scenarios() -> None:
    exercises = {s.exercise for s in load_scenarios()}
    assert {"Forsiktig mot middels", "Hvem bærer kostnaden, hvem høster gevinsten?",
            "Hva skal til for å gå i balanse?"} <= exercises


def test_the_scenario_link_carries_preset_and_values_as_the_runtime_reads_them() -> None:
    assert scenario_link("https://x.no/okonomi/familie/") == "https://x.no/okonomi/familie/"
    link = scenario_link("../okonomi/utenforskap.md", "fem-ar", {"suksessrate": 2.0, "dodvekt": 12.5})
    assert link == "../okonomi/utenforskap.md#preset=fem-ar&suksessrate=2&dodvekt=12.5"


def _broken(tmp_path: Path, change) -> tuple[str, str]:
    """The message for ``scenarios.yaml`` with its second scenario changed, and the file as written."""
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    change(data["scenarios"][1])
    path = tmp_path / "scenarios.yaml"
    text = yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenarios(path)
    return str(caught.value), text


SECOND = ("^scenarios:$", "^- ", "^- ")  # where the second scenario starts (safe_dump: «- » at column 0)

BROKEN = {
    # mistake: (change, field, problem, where the line is: patterns for ``seek``; a missing field is
    # on its scenario's first line)
    "an unknown model": (lambda s: s.update(model="familien"), "model", "ukjent kalkulator",
                         (*SECOND, "^  model: familien$")),
    "a preset the model no longer has": (lambda s: s.update(preset="borte"), "preset", "finnes ikke",
                                         (*SECOND, "^  preset: borte$")),
    "a value out of bounds": (lambda s: s.update(values={"barnevern_reduksjon": 400}), "values",
                              "kan ikke være større enn 100", (*SECOND, "^  values:$")),
    "an input the model no longer has": (lambda s: s.update(values={"gammel_input": 1}), "values", "ukjent input",
                                         (*SECOND, "^  values:$")),
    "an unknown assumption": (lambda s: s.update(assumptions=["finnes_ikke"]), "assumptions[0]", "er ikke en input",
                              (*SECOND, "^  - finnes_ikke$")),
    "an unknown figure": (lambda s: s.update(figure="nnv_per_budsjett"), "figure", "er ikke et tall-resultat",
                          (*SECOND, "^  figure: nnv_per_budsjett$")),
    "a page without the calculator": (lambda s: s.update(page="kom-i-gang/index.md"), "page", "har ikke",
                                      (*SECOND, "^  page: kom-i-gang/index.md$")),
    "a missing question": (lambda s: s.pop("question"), "question", "mangler", SECOND),
    "a split that is not per budget": (lambda s: s.update(split="nnv_offentlig"), "split",
                                       "er ikke et resultat per budsjett", (*SECOND, "^  split: nnv_offentlig$")),
}


@pytest.mark.parametrize("mistake", BROKEN, ids=list(BROKEN))
def test_a_broken_scenario_fails_naming_file_line_scenario_and_field(tmp_path: Path, mistake: str) -> None:
    change, field, problem, where = BROKEN[mistake]
    message, text = _broken(tmp_path, change)
    assert message.startswith(f"scenarios.yaml, linje {seek(text, *where)}: scenarios[1] (familie-forsiktig)."), message
    assert f"(familie-forsiktig).{field}:" in message and problem in message, message


def test_an_unknown_scenario_marker_fails_naming_the_page() -> None:
    with pytest.raises(MarkerError, match=r"kurs/x\.md: <!-- scenario: finnes-ikke --> – ukjent scenario"):
        render_markers("<!-- scenario: finnes-ikke -->\n", (), "kurs/x.md")
