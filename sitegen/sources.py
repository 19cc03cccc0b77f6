"""Every authoring source checked before anything is generated: ``check_sources(root)``.

One call checks, in this order, and reports every mistake it finds in one ``SourceError``:

0. ``mkdocs.yml``, when the folder has one: valid YAML (with the line) and every ``nav:`` entry a
   page under ``docs/``;
1. the models: each ``calculators/data/<id>.yaml`` (fields, bounds, sources, presets), each
   ``calculators/models/<id>.py`` (imports, ``MODEL``, outputs) and its translation to JavaScript
   (a construct outside the subset, a value without a type); each needs its workbook in
   ``calculators/sheets/`` (``LAYOUTS``);
2. the templates, ``documents/templates/sources/*.yaml``;
3. the typfall, ``typfall/cases/*.yaml``;
4. the workshop scenarios, ``workshops/scenarios.yaml`` (only when the models are sound: a
   scenario is computed with its model);
5. the pages, ``docs/**/*.md``: front matter (valid YAML, a one-line ``description``) and the
   markers the build expands (``<!-- kalkulator: … -->``, ``<!-- mal: … -->``, ``<!-- mal-skjema:
   … -->``, ``<!-- maler: galleri -->``, ``<!-- oppstart: … -->``, ``<!-- scenario: … -->``,
   ``<!-- typfall: … -->``), with the line; a marker in a fenced code block or an inline code span
   is text, not a marker (``veileder.markdown_code``); a comment that is almost a marker
   (``<!-- kalkulatr: … -->``, ``<!-- Datakilder -->``: the stage would leave it a comment) and
   front matter without its closing ``---`` are named too;
6. the methodology notebook, ``docs/okonomi/metode.ipynb`` (only when the models are sound, so a
   model mistake is never reported as a kernel's traceback).

Each message names the file, the field (or marker) and, where a line is known, the line, in
Norwegian. The loaders (``calculators.engine.registry``, ``documents.templates.template``, ``typfall.cases``,
``workshops.scenarios``) raise their own error classes; this module is the one place that knows
them all, so a caller catches one class. The models, templates and typfall are read from the
imported packages' own folders (``calculators/``, ``documents/`` …, next to this package);
``root`` says where ``docs/``, ``workshops/scenarios.yaml``, ``typfall/cases/`` and
``documents/templates/sources/`` are (the repository, or a copy of it).

``python -m sitegen check`` (``sitegen.check.run``) runs it with the law register's check and
prints the message (exit code 1) or nothing (0); ``--uten-notatbok`` leaves the notebook out.
``python -m sitegen.sources`` is the same command.
"""

from __future__ import annotations

import difflib
import re
import sys
import typing
from collections.abc import Callable
from pathlib import Path

import yaml

from veileder import yamltext
from veileder.markdown_code import FRONT_MATTER, blank_code

ROOT = Path(__file__).resolve().parent.parent
DOWNLOADS = ("pdf", "uten-nett")  # <!-- nedlasting: … -->: the whole-guide PDF, the offline copy (sitegen.stage)

NEDLASTING = re.compile(r"^<!--\s*nedlasting:\s*(?P<what>[a-z-]*)\s*-->[ \t]*$", re.MULTILINE)
DATAKILDER = re.compile(r"<!--\s*datakilder\s*-->")
"""The two markers the stage (sitegen/stage.py) expands itself: the downloads and the sources table."""
_MARKER = re.compile(r"<!--\s*(?P<kind>[a-zæøå-]+):\s*(?P<value>[^\s>]*)\s*-->")
MARKER_WORDS = ("kalkulator", "mal", "mal-skjema", "maler", "oppstart", "nedlasting", "scenario", "scenarioer",
                "typfall", "typfall-tabell", "typfall-liste", "egne-tall", "datakilder", "lovregister")
"""The first word of every marker an author writes (the stage expands them; see its docstring)."""
LINE_MARKERS = ("mal", "mal-skjema", "maler", "scenario", "scenarioer", "typfall", "typfall-tabell", "typfall-liste",
                "nedlasting")
"""Markers the stage reads only alone on a line, not indented (the others may stand in a table cell)."""
# A comment shaped like a marker: one word, perhaps «: value», nothing else («<!-- Kalkulatoren
# under bruker tall fra 2025 -->» is prose, not a marker).
_MARKER_SHAPED = re.compile(r"<!--\s*(?P<word>[A-Za-zÆØÅæøå-]+)(?:\s*:\s*(?P<value>[^\s>]*))?\s*-->")
NOT_PAGES = ("includes/",)  # under docs/ but not pages: snippets (mkdocs.yml: exclude_docs)


STAGES = {"nettsted": "mkdocs.yml", "modeller": "calculators/ (modellene)", "maler": "documents/templates/sources/",
          "typfall": "typfall/cases/", "kurs": "workshops/scenarios.yaml",
          "notatbok": "docs/okonomi/metode.ipynb"}


class SourceError(ValueError):
    """Mistakes in the authoring sources: ``messages`` holds one block per file or stage, each
    naming the file, the field and what is wrong; ``str()`` is all of them, one after another."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        count = "1 feil" if len(messages) == 1 else f"{len(messages)} feil"
        super().__init__(f"Kildene har {count}:\n" + "\n".join(messages))


class SheetMissing(ValueError):
    """A model without its workbook in formulas (``calculators/sheets/``): every model needs one."""


def _source_errors() -> tuple[type[Exception], ...]:
    """The loaders' error classes: each means «a mistake in a source», with its message."""
    from calculators.core.declarations import DeclarationError
    from calculators.engine.translate import TranslationError
    from calculators.site.eksport import ExportError
    from calculators.site.markers import MarkerError as CalculatorMarkerError
    from calculators.site.startup_cost import StartupError
    from documents.templates.template import TemplateSourceError
    from sitegen.config import ConfigError
    from typfall.cases import CaseError
    from workshops.scenarios import ScenarioError
    return (DeclarationError, CalculatorMarkerError, StartupError, TranslationError,
            TemplateSourceError, CaseError, ScenarioError, ConfigError, SheetMissing, ExportError)


def check_sources(root: Path = ROOT, *, notebook: bool = True) -> list[str]:
    """Check every source (see the module's docstring); raise ``SourceError`` listing every
    mistake found, or return the warnings (a comment that looks like a marker but may be a note).
    ``notebook=False`` leaves the notebook out (the
    comparison with a fresh run may execute it once, about 10 s, cached afterwards)."""
    errors = _source_errors()
    messages: list[str] = []
    found: dict[str, object] = {}

    def run(stage: str, check: Callable[[], object]) -> None:
        try:
            found[stage] = check()
        except errors as error:
            messages.append(_prefixed(stage, str(error)).replace(f"{root}/", ""))
        except Exception as error:  # noqa: BLE001 – a mistake no loader foresaw: still one message
            from calculators.engine.registry import code_problem
            messages.append(f"{STAGES[stage]}: uventet feil under sjekken: {code_problem(error)}")

    run("nettsted", lambda: _site(root))
    run("modeller", _models)
    run("maler", lambda: _templates(root))
    run("typfall", lambda: _typfall(root))
    if "modeller" in found:
        run("kurs", lambda: _workshops(root))
    page_messages, warnings = _pages(root, found)
    messages += page_messages
    if notebook and "modeller" in found:
        run("notatbok", lambda: _notebook(root))
    if messages:
        raise SourceError(messages)
    return warnings


def _prefixed(stage: str, message: str) -> str:
    """The loaders' messages as the build prints them (a workshop's names only the file)."""
    if stage == "kurs" and not message.startswith("workshops/"):
        return "workshops/" + message
    return message


def _models() -> list[str]:
    from calculators.engine import registry
    from calculators.site import bundle
    models = registry.all_models()
    for model in models:
        bundle.javascript(model)  # TranslationError: file:line:column and the construct
    _sheets([model.id for model in models])
    from calculators.site import eksport
    for model in models:
        eksport.check(model)  # eksport.yaml: the texts' kinds, the model's entry, its method page
    return [model.id for model in models]


def _sheets(model_ids: list[str]) -> None:
    """Every model has its workbook (``calculators/sheets/<id>.py`` in ``LAYOUTS``): the export
    needs it (``calculators.site.eksport.sheet_module``) and the build would stop on the page."""
    from calculators import sheets
    missing = [model_id for model_id in model_ids if model_id not in sheets.LAYOUTS]
    if missing:
        raise SheetMissing("\n".join(
            f"calculators/sheets/__init__.py: modellen «{model_id}» har ikke noe regneark: skriv det i "
            f"calculators/sheets/{model_id}.py (modellen i formler, se calculators/README.md, «The workbook») "
            f"og legg det inn i LAYOUTS i calculators/sheets/__init__.py" for model_id in missing))


def _site(root: Path) -> None:
    """``mkdocs.yml`` (when the folder has one): valid YAML, and every ``nav:`` entry a page."""
    from sitegen import config
    path = root / "mkdocs.yml"
    if not path.is_file():
        return
    missing = config.missing_nav_pages(config.load(path), root / "docs", path)  # ConfigError: not YAML
    if missing:
        raise config.ConfigError("\n".join(missing))


def _templates(root: Path) -> list[str]:
    from documents.templates.template import load_templates
    return [template.id for template in load_templates(root / "documents" / "templates" / "sources")]


def _typfall(root: Path) -> dict[str, tuple[str, str]]:
    """Every case: id -> (file name, summary: the case page's description)."""
    from typfall.cases import read_cases
    return {case.id: (case.source.name, case.summary) for case in read_cases(root / "typfall" / "cases")}


def _workshops(root: Path) -> list[str]:
    from workshops.scenarios import load_scenarios
    return [s.id for s in load_scenarios(root / "workshops" / "scenarios.yaml", root / "docs")]


def _notebook(root: Path) -> None:
    from calculators.core.declarations import DeclarationError
    from calculators.notebook import notebook
    path = root / "docs" / "okonomi" / "metode.ipynb"
    if not path.exists():
        return
    problems = notebook.problems_remembered(path)
    if problems:
        raise DeclarationError(str(path.relative_to(root)), problems, "notatboken (lag den på nytt: "
                               ".venv/bin/python -m calculators.notebook.notebook)")


def _pages(root: Path, found: dict[str, object]) -> tuple[list[str], list[str]]:
    """Front matter and markers of every page; a marker's id is checked against what the stages
    above found (not checked when its source has a mistake of its own, reported above)."""
    from calculators.engine import registry
    from calculators.site import startup_cost
    cases = typing.cast("dict[str, tuple[str, str]] | None", found.get("typfall"))
    known: dict[str, list[str] | None] = {
        "kalkulator": registry.model_ids(),
        "mal": found.get("maler"), "mal-skjema": found.get("maler"),  # type: ignore[dict-item]
        "maler": ["galleri"],
        "oppstart": list(startup_cost.RENDERERS),
        "nedlasting": list(DOWNLOADS),  # sitegen/post.py makes them
        "scenario": found.get("kurs"),  # type: ignore[dict-item]
        "typfall": list(cases) if cases is not None else None,
    }
    where = {"kalkulator": "calculators/models/", "mal": "documents/templates/sources/",
             "mal-skjema": "documents/templates/sources/", "scenario": "workshops/scenarios.yaml",
             "typfall": "typfall/cases/"}
    docs = root / "docs"
    messages, warnings = [], []
    for page in page_sources(docs):
        text = (docs / page).read_text(encoding="utf-8")
        problems = _front_matter(text)
        outside_code = blank_code(text)  # a marker in code is text (veileder.markdown_code)
        markers = list(_MARKER.finditer(outside_code))
        form_problems, doubts = _marker_form(text, outside_code, known)
        problems += form_problems
        warnings += [f"docs/{page}: {doubt}" for doubt in doubts]
        for match in markers:  # a case page's description is the case's summary
            if match["kind"] == "typfall" and cases and match["value"] in cases and not problems:
                name, summary = cases[match["value"]]
                if front_matter(text).get("description") != summary:
                    problems.append(f"front matter «description» skal være lik «summary» i "
                                    f"typfall/cases/{name}: {summary}")
        for match in markers:
            kind, value = match["kind"], match["value"]
            if kind.startswith("mal") and kind not in known:  # doc_templates' markers: mal…
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"linje {line}: ukjent markør «{kind}»; gyldige: maler, mal, mal-skjema")
                continue
            ids = known.get(kind, [])
            if kind not in known or ids is None or value in ids:
                continue
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"linje {line}: {unknown_marker(kind, value, ids, where.get(kind))}")
        messages += [f"docs/{page}: {problem}" for problem in problems]
    return messages, warnings


def marker_patterns() -> list[re.Pattern]:
    """Every pattern by which the stage finds a marker, from the packages that expand them (a test
    checks that no package has another)."""
    from calculators.site import markers as calculator_markers
    from calculators.site import profile, startup_cost
    from documents.site import markers as template_markers
    from typfall import markers as typfall_markers
    from veileder import laws
    from workshops import markers as workshop_markers
    return [calculator_markers.MARKER, profile.MARKER, startup_cost.MARKER, template_markers.MARKER,
            typfall_markers.MARKER, laws.MARKER, workshop_markers.MARKER, NEDLASTING, DATAKILDER]


def _line_pattern(pattern: re.Pattern) -> bool:
    """A pattern that reads a marker only alone on its line (``^…$``)."""
    return bool(pattern.flags & re.MULTILINE) and pattern.pattern.startswith("^")


def _how_written(word: str, patterns: list[re.Pattern]) -> str:
    """How a marker word is written, as its package's pattern reads it."""
    forms = [form for form in (f"<!-- {word} -->", f"<!-- {word}: <id> -->")
             if any(p.search(form.replace("<id>", "x")) for p in patterns)]
    return " eller ".join(forms)


def _marker_form(text: str, outside_code: str, known: dict[str, list[str] | None]) -> tuple[list[str], list[str]]:
    """Comments shaped like a marker that the stage would leave as comments (the page would lack
    its calculator or table without a word): mistakes, and doubts (warnings).

    A known marker word is held against its package's own pattern (any spacing the stage reads is
    right): not read at all, or read only alone on its line, is a mistake. A word that is a marker
    word with a capital letter, or close to one («kalkulatr»), is a mistake when what follows is
    what that marker takes (a known id, or nothing for a marker without one: «<!-- Datakilder -->»);
    otherwise it may be a note to other authors («<!-- Oppstart: 2026 -->», «<!-- kalkulatoren -->»)
    and is a warning."""
    patterns = marker_patterns()
    problems: list[str] = []
    doubts: list[str] = []
    for match in _MARKER_SHAPED.finditer(outside_code):
        word, value = match["word"], match["value"]
        number = text.count("\n", 0, match.start()) + 1
        if word in MARKER_WORDS:
            start = outside_code.rfind("\n", 0, match.start()) + 1
            end = outside_code.find("\n", match.end())
            lines = outside_code[start:len(outside_code) if end < 0 else end]
            if any(p.fullmatch(lines) if _line_pattern(p) else p.fullmatch(match[0]) for p in patterns):
                continue
            if any(_line_pattern(p) and p.fullmatch(match[0]) for p in patterns):
                problems.append(f"linje {number}: markøren {match[0]} må stå alene på linjen, uten innrykk; "
                                "ellers blir den stående som en kommentar")
            else:
                problems.append(f"linje {number}: {match[0]} leses ikke som en markør og blir stående som en "
                                f"kommentar; skriv {_how_written(word, patterns)}")
            continue
        if word.startswith("mal") and word.islower():  # mal…: the marker rule in _pages
            continue
        close = [word.lower()] if word.lower() in MARKER_WORDS else \
            difflib.get_close_matches(word.lower(), MARKER_WORDS, n=1, cutoff=0.8)
        if not close:
            continue
        marker = close[0]
        ids = known.get(marker) or []
        meant = value in ids if value is not None else (word.lower() == marker and "<id>" not in _how_written(marker, patterns))
        say = (f"«{word}» skrives med små bokstaver: «{marker}»" if word.lower() == marker
               else f"ukjent markør «{word}» – mente du «{marker}»?")
        if meant:
            problems.append(f"linje {number}: {say}")
        else:
            doubts.append(f"linje {number}: {match[0]} ligner markøren «{marker}», men er ingen markør; "
                          f"er den ment som en, skriv {_how_written(marker, patterns)}")
    return problems, doubts


def page_sources(docs: Path) -> list[str]:
    """Every Markdown page under ``docs`` (as ``kom-i-gang/index.md``), sorted; snippets are not pages."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                  if not p.relative_to(docs).as_posix().startswith(NOT_PAGES))


def unknown_marker(kind: str, value: str, known: list[str], source: str | None = None) -> str:
    """The message for a marker naming something that does not exist (the check's and the stage's)."""
    return f"<!-- {kind}: {value} --> – ukjent; finnes: {', '.join(known)}{f' ({source})' if source else ''}"


def front_matter(text: str) -> dict:
    """A page's front matter (``{}`` when it has none); ``_front_matter`` found it sound."""
    match = FRONT_MATTER.match(text)
    data = (yamltext.safe_load(match[1]) if match else None) or {}
    return data if isinstance(data, dict) else {}


def _front_matter(text: str) -> list[str]:
    """What is wrong with a page's front matter (as the build says it)."""
    match = FRONT_MATTER.match(text)
    data: object = {}
    if not match and re.match(r"-{3}[ \t]*\n", text):
        unended = re.match(r"-{3}[ \t]*\n(.*\n)(?:\.{3}|-{3})[ \t]*\Z", text, re.DOTALL)
        try:  # fields before a last «---» with no line break: the front matter's end, not a rule
            fields = unended and isinstance(yamltext.safe_load(unended[1]), dict)
        except yaml.YAMLError:
            fields = False
        if fields:
            return [f"front matter slutter med «---» på linje {text.count(chr(10)) + 1} uten linjeskift etter: "
                    "sett et linjeskift etter «---»"]
        return ["front matter begynner med «---» på linje 1, men slutter aldri: skriv «---» på en egen linje "
                "etter siste felt"]
    if match:
        try:
            data = yamltext.safe_load(match[1]) or {}
        except yaml.YAMLError as error:  # its first line is the page's second, after «---»
            where = yamltext.error_place(error, first_line=2)
            return [f"front matter er ikke gyldig YAML: {where + ': ' if where else ''}{yamltext.error_problem(error)}"]
        if not isinstance(data, dict):
            return [f"front matter må være felt: verdi, fikk {type(data).__name__}"]
    assert isinstance(data, dict)
    if "description" not in data:
        return ["front matter mangler 'description' (én linje som sier hva siden handler om)"]
    description = data["description"]
    if not (isinstance(description, str) and description.strip()):
        return [f"front matter «description» må være én linje tekst, fikk {description!r}"]
    return []


if __name__ == "__main__":
    # The same as ``python -m sitegen check`` (the law register too): run, not imported, since
    # sitegen.check imports this module.
    import runpy

    sys.argv = ["python -m sitegen", "check", *sys.argv[1:]]
    runpy.run_module("sitegen", run_name="__main__", alter_sys=True)
