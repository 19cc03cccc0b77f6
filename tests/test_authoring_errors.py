"""Every kind of authoring mistake stops the strict build with one message and no traceback.

Each build runs on a small copy of the project (the packages, the hooks a mistake goes through,
a page or two) in a temporary folder, so a mistake can be made without touching the repository:
``python -m mkdocs`` there imports the copied packages first. The message must name the file
where the mistake is (the YAML file, not a page that uses it), the field, and what is wrong.
Mistakes the build finds are also found, earlier, by ``sitegen.sources.check_sources`` (the
check a generation stage runs before anything else); the second half runs it as
``python -m sitegen.sources`` on a copy of every source.

The 50 kinds of mistake covered (issue 25, item 5), by source:

- model YAML, ``calculators/data/<id>.yaml`` (build): 1 a missing ``value``, 2 a text value,
  3 a quoted number, 4 ``min`` above ``max``, 5 a default outside its bounds, 6 a duplicate id,
  7 ``status: kilde`` without ``source.url``, 8 ``step`` as a word, 9 a preset value as text,
  10 invalid YAML (in a second model, reported in the same build), 38 invalid YAML in the shared
  ``felles.yaml`` (check: named once, not once per model); and the known bad case: a
  missing ``value`` named before the methodology notebook runs, never a kernel's traceback;
- model Python, ``calculators/models/<id>.py`` (check and build): 11 invalid Python,
  12 an unknown name at import, 13 no ``MODEL``, 14 a construct outside the translatable subset
  (``//``), 15 a function without annotations whose values the translator cannot type,
  16 ``compute`` returning other keys than the outputs, 17 ``compute`` raising (with its line);
- template YAML, ``documents/templates/sources/*.yaml`` (build): 18 an invalid ``orientation``;
- workshop YAML, ``workshops/scenarios.yaml`` (check): 19 an unknown model, 20 a missing field,
  21 invalid YAML;
- typfall YAML, ``typfall/cases/*.yaml`` (check): 22 a missing field, 23 ``order`` not a number;
- page markers (build: 24 an unknown ``<!-- kalkulator: … -->``, 25 an unknown ``<!-- mal: … -->``;
  check, with the line: 26 an unknown ``<!-- oppstart: … -->``, 27 an unknown
  ``<!-- scenario: … -->``, 28 an unknown ``<!-- typfall: … -->``, 29 an unknown ``<!-- mal…: -->``
  kind, 36 an unknown ``<!-- nedlasting: … -->``);
- front matter (build): 30 no ``description``, 31 invalid YAML (with the line), 32 a
  ``description`` that is not text; (check) 37 a case page whose ``description`` is not its
  case's ``summary``;
- the notebook, ``docs/okonomi/metode.ipynb`` (build): 33 an error output, 34 stale outputs,
  35 a cell that fails on a fresh run (the kernel's traceback stays in the kernel);
- a value that looks like a date but is none (check): 39 in a page's front matter, 40 in a
  template, 41 in a model's data file;
- page comments and front matter (check): 42 a misspelt marker («<!-- kalkulatr: … -->», which
  would stay a comment and leave the page without its calculator), 43 a marker with a capital
  letter, 44 front matter whose closing «---» is missing (not «no description»), 45 a marker the
  stage reads only alone on its line written after text, 46 the same indented (in an admonition),
  47 a space before a marker's colon, 48 front matter with no line break after its closing «---»,
  49 a marker without the value it takes («<!-- kalkulator -->»). Comments that are prose,
  however close their words are to a marker's, pass
  (``test_prose_comments_and_words_near_a_marker_pass``);
- the exports' texts, ``calculators/site/eksport.yaml`` (check): 50 a misspelt text (named as
  missing and as unknown, with the name it is near); the other kinds of mistake in that file are
  in ``tests/calculators/test_eksport.py``.

A mistake in a YAML file also names its line (where the field is, or the entry it is missing from):
the tests find the line in the changed file's text (``tests/yaml_lines.seek``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from calculators.engine import registry
from calculators.notebook import notebook
from tests.conftest import ROOT, build_site
from tests.yaml_lines import seek

PACKAGES = ("calculators", "hooks", "veileder", "sitegen", "documents", "workshops", "typfall")
# The generators' caches are keyed by content: the copy shares the repository's (warm, no regeneration).
SHARED_CACHES = ("templates", "handouts", "typfall", "kalkulatorer", "publish", "guide-pdf", "uten-nett")
INDEX = "---\ndescription: Forside.\n---\n# Forside\n"


def project(tmp_path: Path, hooks: list[str], pages: dict[str, str]) -> Path:
    """A small copy of the project with ``hooks`` and ``pages`` (path under docs/ → text)."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    # One small template is enough, and the duk the typfall are written on.
    for source in (tmp_path / "documents" / "templates" / "sources").glob("*.yaml"):
        if source.name not in ("moteagenda.yaml", "arbeidsduk.yaml"):
            source.unlink()
    for name in SHARED_CACHES:
        if (ROOT / ".cache" / name).is_dir():
            (tmp_path / ".cache").mkdir(exist_ok=True)
            (tmp_path / ".cache" / name).symlink_to(ROOT / ".cache" / name)
    # The stylesheets and site-wide scripts the stage publishes (sitegen.stage.ASSETS); the browser
    # scripts of the packages above came with them (calculators/runtime/, documents/runtime/ …).
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    # Pages other files point to (the export's method pages) must exist; they are not built.
    for page in (ROOT / "docs" / "okonomi").glob("*.md"):
        (tmp_path / "docs" / "okonomi").mkdir(parents=True, exist_ok=True)
        shutil.copy(page, tmp_path / "docs" / "okonomi" / page.name)
    for name, text in {"index.md": INDEX, **pages}.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Test", "theme": {"name": "mkdocs"}, "hooks": ["hooks/site.py"],  # ``hooks``: what the test is about
              "exclude_docs": "okonomi/\n"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return tmp_path


def build(folder: Path) -> str:
    """The build's output when it fails; a build that succeeds fails the test."""
    result = build_site(folder / "site", folder / "mkdocs.yml", cwd=folder)
    assert result.returncode != 0, "bygget skulle ha stoppet"
    return result.stderr + result.stdout


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def assert_one_clean_message(output: str, *parts: str) -> None:
    assert "Traceback" not in output, output
    for part in parts:
        assert part in output, f"fant ikke «{part}» i:\n{output}"


# --- Model YAML: every kind of mistake the issue found, all in one build -------------------------

MODEL = registry.model_ids()[0]
FILE = f"calculators/data/{MODEL}.yaml"


def _inputs(data):
    return [row for row in data["inputs"] if "ref" not in row]


MISTAKES = {
    # kind: (change to the parsed file, text the message must hold; the line: MISTAKE_LINES)
    "missing value": (lambda d: _inputs(d)[0].pop("value"), "feltet «value»: mangler"),
    "text value": (lambda d: _inputs(d)[1].update(value="mange"), "feltet «value»: må være et tall, fikk teksten «mange»"),
    "quoted number": (lambda d: _inputs(d)[2].update(value="250000"),
                      "feltet «value»: må være et tall, men er tekst («250000»)"),
    "min above max": (lambda d: _inputs(d)[3].update(min=20_000_000, max=10_000_000),
                      "feltet «min»: er større enn max (20\u00a0000\u00a0000 > 10\u00a0000\u00a0000)"),
    "default out of bounds": (lambda d: _inputs(d)[4].update(value=_inputs(d)[4]["max"] + 1),
                              "ligger utenfor grensene"),
    "duplicate id": (lambda d: _inputs(d)[6].update(id=_inputs(d)[5]["id"]), "brukes også av inputs["),
    "kilde without url": (lambda d: _inputs(d)[7].update(status="kilde", source={"title": "T", "publisher": "P",
                                                                                  "year": 2025}),
                          "feltet «source.url»: mangler; status «kilde» trenger en https-adresse"),
    "step as a word": (lambda d: _inputs(d)[8].update(step="tusen"), "feltet «step»: må være et tall, fikk teksten «tusen»"),
    "preset value as text": (lambda d: d["presets"][0].update(values={_inputs(d)[9]["id"]: "mye"}),
                             "feltet «values." + "{id}»: må være et tall, fikk teksten «mye»"),
}


def _entry(index: int) -> str:
    return rf"^- id: {{ids[{index}]}}$"


MISTAKE_LINES = {
    # kind: where the message's line is in the changed file (patterns for ``seek``, formatted with
    # the ids of the inputs without ``ref``); a missing field: the line of its entry
    "missing value": (_entry(0),),
    "text value": (_entry(1), "^  value: mange$"),
    "quoted number": (_entry(2), "^  value: '250000'$"),
    "min above max": (_entry(3), "^  min: "),
    "default out of bounds": (_entry(4), "^  value: "),
    "duplicate id": (_entry(5), _entry(5)),  # the second row with the id
    "kilde without url": (_entry(7), "^  source:$"),
    "step as a word": (_entry(8), "^  step: tusen$"),
    "preset value as text": ("^presets:$", r"^    {ids[9]}: mye$"),
}


@pytest.fixture(scope="module")
def broken_models(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """One build with every mistake above in one model file and broken YAML in another: the
    build's output, and the broken model file as written."""
    folder = project(tmp_path_factory.mktemp("modeller"), ["kalkulatorer"],
                     {"kalkulator.md": f"---\ndescription: K.\n---\n# K\n\n<!-- kalkulator: {MODEL} -->\n"})
    edit_yaml(folder / FILE, lambda data: [change(data) for change, _ in MISTAKES.values()])
    other = next(m for m in registry.model_ids() if m != MODEL)
    path = folder / f"calculators/data/{other}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ninputs:\n", "\ninputs:\n  - id: [\n", 1), encoding="utf-8")
    return build(folder), (folder / FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(MISTAKES))
def test_a_model_yaml_mistake_names_the_yaml_file_line_and_field(broken_models: tuple[str, str], kind: str) -> None:
    output, text = broken_models
    data = yaml.safe_load((ROOT / FILE).read_text(encoding="utf-8"))
    ids = [row["id"] for row in _inputs(data)]
    expected = MISTAKES[kind][1].replace("{id}", ids[9])
    assert_one_clean_message(output, f"{FILE}: ", expected)
    line = seek(text, *(pattern.format(ids=ids) for pattern in MISTAKE_LINES[kind]))
    problem = next(row for row in output.splitlines() if expected in row)
    assert problem.startswith(f"  - linje {line}, "), problem
    assert "kalkulator.md" not in output  # the YAML file is named, not the page using it


def test_broken_yaml_in_a_second_model_file_is_reported_in_the_same_build(broken_models: tuple[str, str]) -> None:
    other = next(m for m in registry.model_ids() if m != MODEL)
    assert_one_clean_message(broken_models[0], f"calculators/data/{other}.yaml: 1 feil", "ikke gyldig YAML: linje ")
    assert re.search(r"ikke gyldig YAML: linje \d+, kolonne \d+: ", broken_models[0])  # where PyYAML noticed


def test_every_model_mistake_is_in_one_message(broken_models: tuple[str, str]) -> None:
    assert f"{FILE}: {len(MISTAKES)} feil i modelldataene" in broken_models[0]


# --- Template YAML, page markers, front matter, notebook ----------------------------------------

def test_a_template_yaml_mistake_names_the_template_file_and_field(tmp_path: Path) -> None:
    folder = project(tmp_path, ["templates"], {})
    source = folder / "documents" / "templates" / "sources" / "moteagenda.yaml"
    edit_yaml(source, lambda data: data.update(orientation="diagonal"))
    line = seek(source.read_text(encoding="utf-8"), "^orientation: diagonal$")
    assert_one_clean_message(build(folder), f"{source.name}, linje {line}: orientation: ugyldig verdi 'diagonal'")


def test_an_unknown_calculator_marker_names_the_page(tmp_path: Path) -> None:
    folder = project(tmp_path, ["kalkulatorer"], {"side.md": "---\ndescription: S.\n---\n# S\n\n<!-- kalkulator: familia -->\n"})
    assert_one_clean_message(build(folder), "docs/side.md: linje 6: <!-- kalkulator: familia --> – ukjent; finnes:")


def test_an_unknown_template_marker_names_the_page(tmp_path: Path) -> None:
    folder = project(tmp_path, ["templates"], {"side.md": "---\ndescription: S.\n---\n# S\n\n<!-- mal: finnes-ikke -->\n"})
    assert_one_clean_message(build(folder), "docs/side.md: linje 6: <!-- mal: finnes-ikke --> – ukjent; finnes:")


def test_a_page_without_description_names_the_page(tmp_path: Path) -> None:
    folder = project(tmp_path, ["pages"], {"uten.md": "# Uten beskrivelse\n\nTekst.\n"})
    assert_one_clean_message(build(folder), "uten.md: front matter mangler 'description'")


def test_front_matter_that_is_not_yaml_says_so_with_the_line(tmp_path: Path) -> None:
    folder = project(tmp_path, ["pages"], {"feil.md": "---\ndescription: [Ikke lukket\n---\n# Feil\n"})
    assert_one_clean_message(build(folder), "feil.md: front matter er ikke gyldig YAML: linje")


def test_a_description_that_is_not_text_says_so(tmp_path: Path) -> None:
    folder = project(tmp_path, ["pages"], {"liste.md": "---\ndescription: [a, b]\n---\n# Liste\n"})
    assert_one_clean_message(build(folder), "liste.md: front matter «description» må være én linje tekst")


def _notebook_project(tmp_path: Path, change) -> Path:
    notebook.fresh_outputs()  # the repository's cache, copied below: no run in the test build
    folder = project(tmp_path, ["okonomi"], {})
    shutil.copytree(notebook.CACHE_DIR, folder / ".cache" / "notebook", ignore=shutil.ignore_patterns("lock"))
    target = folder / "docs" / "okonomi" / "metode.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    committed = nbformat.read(notebook.NOTEBOOK, as_version=4)
    change(committed)
    nbformat.write(committed, target)
    return folder


def test_a_notebook_with_an_error_output_stops_the_build(tmp_path: Path) -> None:
    def add_error(nb):
        nb.cells[1].outputs.append(nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[]))

    output = build(_notebook_project(tmp_path, add_error))
    assert_one_clean_message(output, "docs/okonomi/metode.ipynb: 1 feil i notatboken",
                             "celle 2: feilutdata NameError: x", "python -m calculators.notebook.notebook")


def test_a_notebook_with_stale_outputs_stops_the_build(tmp_path: Path) -> None:
    def change_a_figure(nb):
        stream = next(o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream")
        stream["text"] = stream["text"].replace("kr", "kroner", 1)

    output = build(_notebook_project(tmp_path, change_a_figure))
    assert_one_clean_message(output, "docs/okonomi/metode.ipynb: 1 feil i notatboken", "utdataene stemmer ikke")


def test_the_copied_project_builds_when_nothing_is_wrong(tmp_path: Path) -> None:
    folder = project(tmp_path, ["kalkulatorer", "pages"],
                     {"kalkulator.md": f"---\ndescription: K.\n---\n# K\n\n<!-- kalkulator: {MODEL} -->\n"})
    result = build_site(folder / "site", folder / "mkdocs.yml", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert f'data-vl-calc="{MODEL}"' in (folder / "site" / "kalkulator" / "index.html").read_text(encoding="utf-8")


# --- The known bad case: a model mistake found before the notebook runs (no kernel traceback) ----

def test_a_model_yaml_mistake_is_named_before_the_notebook_runs(tmp_path: Path) -> None:
    """Without a cached fresh run, the notebook check would start a kernel that imports the
    broken model and print its traceback; the models are checked first."""
    folder = project(tmp_path, ["okonomi", "kalkulatorer"], {})
    target = folder / "docs" / "okonomi" / "metode.ipynb"
    shutil.copy(notebook.NOTEBOOK, target)
    edit_yaml(folder / "calculators/data/familie.yaml", lambda data: _inputs(data)[0].pop("value"))
    # The kernel is another process: PYTHONPATH makes it import the copy, as the build does.
    result = build_site(folder / "site", folder / "mkdocs.yml", cwd=folder, env={"PYTHONPATH": str(folder)})
    assert result.returncode != 0, "bygget skulle ha stoppet"
    output = result.stderr + result.stdout
    assert_one_clean_message(output, "calculators/data/familie.yaml: 1 feil i modelldataene",
                             "feltet «value»: mangler")
    assert "CellExecutionError" not in output and "IPKernelApp" not in output


# --- check_sources (sitegen/sources.py): every source before anything is generated -----------
# Each case runs ``python -m sitegen.sources`` in a copy of every source package and of docs/.

SOURCE_PACKAGES = ("calculators", "hooks", "veileder", "sitegen", "documents", "workshops", "typfall")
MODEL_CODE = "calculators/models/investeringsmote.py"
PAGE = "---\ndescription: Prøve.\n---\n# Prøve\n\n{marker}\n"


def _replace(folder: Path, path: str, old: str, new: str) -> None:
    text = (folder / path).read_text(encoding="utf-8")
    assert old in text, f"{old!r} finnes ikke i {path}"
    (folder / path).write_text(text.replace(old, new, 1), encoding="utf-8")


def _page(folder: Path, marker: str) -> None:
    (folder / "docs" / "proeve.md").write_text(PAGE.format(marker=marker), encoding="utf-8")


def _scenario(change):
    return lambda folder: edit_yaml(folder / "workshops/scenarios.yaml", lambda d: change(d["scenarios"][0]))


SOURCE_MISTAKES = {
    # kind: (change to the copy, texts the one message must hold)
    "model code: invalid Python": (
        lambda f: _replace(f, MODEL_CODE, "def compute(v):", "def compute(v:"),
        [f"{MODEL_CODE}: 1 feil i modellkoden", f"i {MODEL_CODE}: ugyldig Python"]),
    "model code: an unknown name": (
        lambda f: _replace(f, MODEL_CODE, "\nMODEL = DATA.model(", "\nX = UNKNOWN_NAME\nMODEL = DATA.model("),
        [f"{MODEL_CODE}: 1 feil i modellkoden", f"i {MODEL_CODE}: NameError: name 'UNKNOWN_NAME'"]),
    "model code: no MODEL": (
        lambda f: _replace(f, MODEL_CODE, "\nMODEL = DATA.model(", "\nMODELL = DATA.model("),
        [f"{MODEL_CODE}: 1 feil i modellkoden", "må definere MODEL"]),
    "model code: a construct outside the subset": (
        lambda f: _replace(f, MODEL_CODE, "    meeting_hours = v.motetimer + v.forberedelse",
                           "    meeting_hours = v.motetimer // v.forberedelse"),
        [f"{MODEL_CODE}:", "heltallsdivisjon // kan ikke oversettes til JavaScript"]),
    "model code: a reading sentence without annotations": (
        lambda f: (_replace(f, MODEL_CODE, "def sentence(out: Outputs) -> str:", "def sentence(out):"),
                   _replace(f, MODEL_CODE, 'hours = number(out, "timer_spart_per_ar")', 'hours = out["timer_spart_per_ar"]')),
        [f"{MODEL_CODE}:", "oppslag i ukjent type kan ikke oversettes til JavaScript"]),
    "model code: compute returns the wrong outputs": (
        lambda f: _replace(f, MODEL_CODE, '"timekostnad": ', '"timekostnad_x": '),
        [f"{MODEL_CODE}: 1 feil i modellkoden", "compute med standardverdiene: investeringsmote: compute må "
         "returnere nøklene til outputs; mangler timekostnad; ukjente: timekostnad_x"]),
    "model code: compute raises": (
        lambda f: _replace(f, MODEL_CODE, "    meeting_hours = v.motetimer + v.forberedelse",
                           '    meeting_hours = v.motetimer + v.forberedelse + {"a": 1.0}["b"]'),
        [f"{MODEL_CODE}: 1 feil i modellkoden", "compute med standardverdiene: linje ",
         f" i {MODEL_CODE}: KeyError: 'b'"]),
    "export texts: a misspelt text in eksport.yaml": (
        lambda f: _replace(f, "calculators/site/eksport.yaml", "\n  prisar: ", "\n  prisaar: "),
        ["calculators/site/eksport.yaml: notat.prisar: mangler",
         "calculators/site/eksport.yaml: notat.prisaar: ukjent (mente du «prisar»?)"]),
    "model data: invalid YAML in the shared felles.yaml, named once": (
        lambda f: (f / "calculators/data/felles.yaml").write_text("rows: [\n", encoding="utf-8"),
        ["calculators/data/felles.yaml: 1 feil i modelldataene\n  - ikke gyldig YAML: linje 2"]),
    "workshop: unknown model": (
        _scenario(lambda s: s.update(model="familia")),
        ["workshops/scenarios.yaml, linje ", ": scenarios[0] (familie-middels).model", "ukjent kalkulator «familia»"]),
    "workshop: missing field": (
        _scenario(lambda s: s.pop("question")),
        ["workshops/scenarios.yaml, linje ", ": scenarios[0] (familie-middels).question: mangler"]),
    "workshop: invalid YAML": (  # PyYAML notices the unclosed «[» at the end of the file
        lambda f: (f / "workshops/scenarios.yaml").write_text("scenarios:\n  - id: [\n", encoding="utf-8"),
        ["workshops/scenarios.yaml, linje 3, kolonne 1: ugyldig YAML"]),
    "typfall: missing field": (  # on line 1, where the file's mapping (the case) starts
        lambda f: edit_yaml(f / "typfall/cases/barnevern.yaml", lambda d: d.pop("summary")),
        ["typfall/cases/barnevern.yaml, linje 1: summary: mangler"]),
    "typfall: order not a number": (
        lambda f: edit_yaml(f / "typfall/cases/barnevern.yaml", lambda d: d.update(order="fem")),
        ["typfall/cases/barnevern.yaml, linje ", ": order: skal være et heltall"]),
    "page: unknown oppstart marker": (
        lambda f: _page(f, "<!-- oppstart: kostnader -->"),
        ["docs/proeve.md: linje 6: <!-- oppstart: kostnader --> – ukjent; finnes: investeringsleder, teammedlem, kostnad"]),
    "page: unknown scenario marker": (
        lambda f: _page(f, "<!-- scenario: finnes-ikke -->"),
        ["docs/proeve.md: linje 6: <!-- scenario: finnes-ikke --> – ukjent; finnes: familie-middels",
         "(workshops/scenarios.yaml)"]),
    "page: unknown template marker kind": (
        lambda f: _page(f, "<!-- mal-ukjent: moteagenda -->"),
        ["docs/proeve.md: linje 6: ukjent markør «mal-ukjent»; gyldige: maler, mal, mal-skjema"]),
    "page: unknown download marker": (
        lambda f: _page(f, "<!-- nedlasting: epub -->"),
        ["docs/proeve.md: linje 6: <!-- nedlasting: epub --> – ukjent; finnes: pdf, uten-nett"]),
    "page: a case page whose description is not the case's summary": (
        lambda f: _replace(f, "docs/typfall/barnevern.md", 'description: "Et oppdiktet eksempel:',
                           'description: "Et eksempel:'),
        ["docs/typfall/barnevern.md: front matter «description» skal være lik «summary» i "
         "typfall/cases/barnevern.yaml: Et oppdiktet eksempel:"]),
    "page: unknown typfall marker": (
        lambda f: _page(f, "<!-- typfall: finnes-ikke -->"),
        ["docs/proeve.md: linje 6: <!-- typfall: finnes-ikke --> – ukjent", "(typfall/cases/)"]),
    # A value that looks like a date but is none: PyYAML's ValueError was a traceback (a page),
    # «documents/templates/sources/: uventet feil» (a template) or blamed the model's Python file.
    "page: a date in the front matter that does not exist": (
        lambda f: (f / "docs" / "proeve.md").write_text(
            "---\ndescription: Prøve.\ndate: 2026-13-45\n---\n# Prøve\n", encoding="utf-8"),
        ["docs/proeve.md: front matter er ikke gyldig YAML: linje 3, kolonne 7: "
         "«2026-13-45» er ikke en dato som finnes (skriv ÅÅÅÅ-MM-DD)"]),
    "template: a date that does not exist": (
        lambda f: (f / "documents/templates/sources/moteagenda.yaml").open("a", encoding="utf-8").write(
            "dato: 2026-02-30\n"),
        ["documents/templates/sources/moteagenda.yaml: linje ", "«2026-02-30» er ikke en dato som finnes"]),
    "model data: a value that is a date that does not exist": (
        lambda f: _replace(f, "calculators/data/investeringsmote.yaml", "    value: 5\n", "    value: 2025-02-30\n"),
        ["calculators/data/investeringsmote.yaml: 1 feil i modelldataene",
         "linje 24, kolonne 12: «2025-02-30» er ikke en dato som finnes"]),
    "site: a nav entry naming a missing page": (
        lambda f: (shutil.copy(ROOT / "mkdocs.yml", f / "mkdocs.yml"),
                   _replace(f, "mkdocs.yml", "Ordliste: ordliste.md", "Ordliste: finnes-ikke.md")),
        ["mkdocs.yml, linje ", ": nav: siden finnes-ikke.md finnes ikke i docs/"]),
    "site: mkdocs.yml that is not YAML": (
        lambda f: (f / "mkdocs.yml").write_text("site_name: Test\nnav: [\n", encoding="utf-8"),
        ["mkdocs.yml, linje 3, kolonne 1: ugyldig YAML"]),
    "page: a misspelt marker": (
        lambda f: _page(f, "<!-- kalkulatr: familie -->"),
        ["docs/proeve.md: linje 6: ukjent markør «kalkulatr» – mente du «kalkulator»?"]),
    "page: a marker with a capital letter": (
        lambda f: _page(f, "<!-- Datakilder -->"),
        ["docs/proeve.md: linje 6: «Datakilder» skrives med små bokstaver: «datakilder»"]),
    "page: a line marker not alone on its line": (
        lambda f: _page(f, "Se kurset: <!-- scenario: familie-middels -->"),
        ["docs/proeve.md: linje 6: markøren <!-- scenario: familie-middels --> må stå alene på linjen, uten innrykk"]),
    "page: an indented line marker": (
        lambda f: _page(f, "!!! note\n\n    <!-- typfall-tabell -->"),
        ["docs/proeve.md: linje 8: markøren <!-- typfall-tabell --> må stå alene på linjen, uten innrykk"]),
    "page: a space before a marker's colon": (
        lambda f: _page(f, "<!-- kalkulator : familie -->"),
        ["docs/proeve.md: linje 6: <!-- kalkulator : familie --> leses ikke som en markør og blir stående som "
         "en kommentar; skriv <!-- kalkulator: <id> -->"]),
    "page: a marker without the value it takes": (
        lambda f: _page(f, "<!-- kalkulator -->"),
        ["docs/proeve.md: linje 6: <!-- kalkulator --> leses ikke som en markør", "skriv <!-- kalkulator: <id> -->"]),
    "page: front matter without a line break after its end": (
        lambda f: (f / "docs" / "proeve.md").write_text("---\ndescription: Prøve.\n---", encoding="utf-8"),
        ["docs/proeve.md: front matter slutter med «---» på linje 3 uten linjeskift etter"]),
    "page: front matter that never ends": (
        lambda f: (f / "docs" / "proeve.md").write_text("---\ndescription: Prøve.\n# Prøve\n", encoding="utf-8"),
        ["docs/proeve.md: front matter begynner med «---» på linje 1, men slutter aldri"]),
    "model: no workbook": (
        lambda f: _replace(f, "calculators/sheets/__init__.py", ', "utenforskap": utenforskap}', "}"),
        ["calculators/sheets/__init__.py: modellen «utenforskap» har ikke noe regneark",
         "legg det inn i LAYOUTS i calculators/sheets/__init__.py"]),
}


SOURCE_LINES = {
    # kind: (file, where its line is: patterns for ``seek`` in the changed file, what follows the line)
    "typfall: order not a number": ("typfall/cases/barnevern.yaml", ("^order: fem$",), "order: skal være"),
    "workshop: unknown model": ("workshops/scenarios.yaml", ("^scenarios:$", "^- ", "^  model: familia$"),
                                "scenarios[0] (familie-middels).model: "),
    "workshop: missing field": ("workshops/scenarios.yaml", ("^scenarios:$", "^- "),  # the scenario's first line
                                "scenarios[0] (familie-middels).question: mangler"),
}


def check(folder: Path) -> str:
    """``python -m sitegen.sources`` in ``folder``: its message (it must fail, with exit code 1)."""
    result = subprocess.run([sys.executable, "-m", "sitegen.sources", "--uten-notatbok"], cwd=folder,
                            capture_output=True, text=True, timeout=600, check=False)
    output = result.stderr + result.stdout
    assert result.returncode == 1, f"sjekken skulle ha feilet (kode {result.returncode}):\n{output}"
    return output


@pytest.mark.parametrize("kind", list(SOURCE_MISTAKES))
def test_check_sources_names_the_file_and_field(tmp_path: Path, kind: str) -> None:
    for package in SOURCE_PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    change, parts = SOURCE_MISTAKES[kind]
    change(tmp_path)
    output = check(tmp_path)
    assert_one_clean_message(output, "Kildene har 1 feil:", *parts)
    assert output.count(parts[0]) == 1, output
    if kind in SOURCE_LINES:
        file, patterns, field = SOURCE_LINES[kind]
        line = seek((tmp_path / file).read_text(encoding="utf-8"), *patterns)
        assert f"{file}, linje {line}: {field}" in output, output


PROSE_COMMENTS = """<!--kalkulator:familie-->
<!--  kalkulator:  familie  -->
<!--
kalkulator: familie
-->
<!-- Oppstart: 2026 -->
<!-- Datakilder: SSB -->
<!-- kalkulatoren -->
<!-- Kalkulatoren under bruker tall fra 2025 -->
<!-- Oppstart av teamet: se egen side -->
<!-- scenarioene er testet med kursdeltakere -->
<!-- Typfallet er bygd på Probas funn -->
<!-- datakildene oppdateres hvert år -->
<!-- Maler finnes også på papir -->
<!-- lovregisteret: sjekk § 13 i forvaltningsloven -->
<!-- TODO: skriv om -->
<!-- NB -->
<!-- more -->
"""


def test_prose_comments_and_words_near_a_marker_pass(tmp_path: Path) -> None:
    # Only a comment shaped like a marker (one word, perhaps «: value») is held against the
    # marker words: authors write notes to each other in comments, in Norwegian that is close to them.
    # A marker with spacing the stage reads passes; a short note that only looks like a marker
    # («<!-- Oppstart: 2026 -->», «<!-- kalkulatoren -->») is a warning, not a mistake.
    for package in SOURCE_PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "proeve.md").write_text(PAGE.format(marker=PROSE_COMMENTS), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sitegen.sources", "--uten-notatbok"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if line.startswith("ADVARSEL (markør)")]
    assert [line.split(": ")[1:3] for line in warned] == [
        ["docs/proeve.md", "linje 11"], ["docs/proeve.md", "linje 12"], ["docs/proeve.md", "linje 13"]], warned
    assert "<!-- Oppstart: 2026 --> ligner markøren «oppstart», men er ingen markør; er den ment som en, skriv " \
           "<!-- oppstart: <id> -->" in warned[0]


def test_check_sources_passes_on_the_repository() -> None:
    from sitegen.sources import check_sources
    assert check_sources(notebook=False) == []  # and no warnings


@pytest.mark.parametrize("kind", [k for k in SOURCE_MISTAKES if k.startswith("model code")])
def test_a_model_code_mistake_stops_the_build_with_the_same_message(tmp_path: Path, kind: str) -> None:
    folder = project(tmp_path, ["kalkulatorer"],
                     {"kalkulator.md": "---\ndescription: K.\n---\n# K\n\n<!-- kalkulator: investeringsmote -->\n"})
    change, parts = SOURCE_MISTAKES[kind]
    change(folder)
    assert_one_clean_message(build(folder), *parts)


def test_a_notebook_cell_that_fails_on_a_fresh_run_is_one_message() -> None:
    """The kernel's traceback stays in the kernel: the message names the notebook and the cell."""
    from calculators.core.declarations import DeclarationError

    broken = nbformat.v4.new_notebook()
    broken.cells = [nbformat.v4.new_markdown_cell("# Prøve"), nbformat.v4.new_code_cell("1 / 0")]
    with pytest.raises(DeclarationError) as caught:
        notebook.execute(broken)
    message = str(caught.value)
    assert message == ("docs/okonomi/metode.ipynb: 1 feil i notatboken\n"
                       "  - celle 2 stoppet ved en ny kjøring: ZeroDivisionError: division by zero")
