"""Every kind of authoring mistake stops the strict build with one message and no traceback.

Each build runs on a small copy of the project (the packages, the hooks a mistake goes through,
a page or two) in a temporary folder, so a mistake can be made without touching the repository:
``python -m mkdocs`` there imports the copied packages first. The message must name the file
where the mistake is (the YAML file, not a page that uses it), the field, and what is wrong.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from calculators import notebook, registry
from tests.conftest import ROOT, build_site

PACKAGES = ("calculators", "hooks", "veileder", "doc_templates")
INDEX = "---\ndescription: Forside.\n---\n# Forside\n"


def project(tmp_path: Path, hooks: list[str], pages: dict[str, str]) -> Path:
    """A small copy of the project with ``hooks`` and ``pages`` (path under docs/ → text)."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    # One small template is enough (generating all of them cold would take a minute).
    for source in (tmp_path / "doc_templates" / "sources").glob("*.yaml"):
        if source.name != "moteagenda.yaml":
            source.unlink()
    # The scripts the calculator pages load (the runtime, the export's zip writer …).
    shutil.copytree(ROOT / "docs" / "assets" / "javascripts", tmp_path / "docs" / "assets" / "javascripts")
    # Pages other files point to (the export's method pages) must exist; they are not built.
    for page in (ROOT / "docs" / "okonomi").glob("*.md"):
        (tmp_path / "docs" / "okonomi").mkdir(parents=True, exist_ok=True)
        shutil.copy(page, tmp_path / "docs" / "okonomi" / page.name)
    for name, text in {"index.md": INDEX, **pages}.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Test", "theme": {"name": "mkdocs"}, "hooks": [f"hooks/{h}.py" for h in hooks],
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
    # kind: (change to the parsed file, text the message must hold)
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


@pytest.fixture(scope="module")
def broken_models(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One build with every mistake above in one model file and broken YAML in another."""
    folder = project(tmp_path_factory.mktemp("modeller"), ["kalkulatorer"],
                     {"kalkulator.md": f"---\ndescription: K.\n---\n# K\n\n<!-- kalkulator: {MODEL} -->\n"})
    edit_yaml(folder / FILE, lambda data: [change(data) for change, _ in MISTAKES.values()])
    other = next(m for m in registry.model_ids() if m != MODEL)
    path = folder / f"calculators/data/{other}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ninputs:\n", "\ninputs:\n  - id: [\n", 1), encoding="utf-8")
    return build(folder)


@pytest.mark.parametrize("kind", list(MISTAKES))
def test_a_model_yaml_mistake_names_the_yaml_file_and_field(broken_models: str, kind: str) -> None:
    data = yaml.safe_load((ROOT / FILE).read_text(encoding="utf-8"))
    expected = MISTAKES[kind][1].replace("{id}", _inputs(data)[9]["id"])
    assert_one_clean_message(broken_models, f"{FILE}: ", expected)
    assert "kalkulator.md" not in broken_models  # the YAML file is named, not the page using it


def test_broken_yaml_in_a_second_model_file_is_reported_in_the_same_build(broken_models: str) -> None:
    other = next(m for m in registry.model_ids() if m != MODEL)
    assert_one_clean_message(broken_models, f"calculators/data/{other}.yaml: 1 feil", "ikke gyldig YAML: linje")


def test_every_model_mistake_is_in_one_message(broken_models: str) -> None:
    assert f"{FILE}: {len(MISTAKES)} feil i modelldataene" in broken_models


# --- Template YAML, page markers, front matter, notebook ----------------------------------------

def test_a_template_yaml_mistake_names_the_template_file_and_field(tmp_path: Path) -> None:
    folder = project(tmp_path, ["templates"], {})
    source = folder / "doc_templates" / "sources" / "moteagenda.yaml"
    edit_yaml(source, lambda data: data.update(orientation="diagonal"))
    assert_one_clean_message(build(folder), source.name, "orientation", "diagonal")


def test_an_unknown_calculator_marker_names_the_page(tmp_path: Path) -> None:
    folder = project(tmp_path, ["kalkulatorer"], {"side.md": "---\ndescription: S.\n---\n# S\n\n<!-- kalkulator: familia -->\n"})
    assert_one_clean_message(build(folder), "side.md: <!-- kalkulator: familia --> – ukjent kalkulator; finnes:")


def test_an_unknown_template_marker_names_the_page(tmp_path: Path) -> None:
    folder = project(tmp_path, ["templates"], {"side.md": "---\ndescription: S.\n---\n# S\n\n<!-- mal: finnes-ikke -->\n"})
    assert_one_clean_message(build(folder), "side.md: <!-- mal: finnes-ikke --> – ukjent mal; gyldige:")


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
    assert_one_clean_message(output, "docs/okonomi/metode.ipynb: celle 2: feilutdata NameError: x",
                             "python -m calculators.notebook")


def test_a_notebook_with_stale_outputs_stops_the_build(tmp_path: Path) -> None:
    def change_a_figure(nb):
        stream = next(o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream")
        stream["text"] = stream["text"].replace("kr", "kroner", 1)

    output = build(_notebook_project(tmp_path, change_a_figure))
    assert_one_clean_message(output, "docs/okonomi/metode.ipynb: utdataene stemmer ikke")


def test_the_copied_project_builds_when_nothing_is_wrong(tmp_path: Path) -> None:
    folder = project(tmp_path, ["kalkulatorer", "pages"],
                     {"kalkulator.md": f"---\ndescription: K.\n---\n# K\n\n<!-- kalkulator: {MODEL} -->\n"})
    result = build_site(folder / "site", folder / "mkdocs.yml", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert f'data-vl-calc="{MODEL}"' in (folder / "site" / "kalkulator" / "index.html").read_text(encoding="utf-8")
