"""A case's filled duk: the file the digital duk opens, and an A3 PDF from the blank duk's own source.

- ``duk_file``: the JSON the digital duk saves and opens (``documents/runtime/duk.js``,
  ``save``/``open``: ``format``, ``template``, ``meeting`` and ``fields`` keyed by each box's area).
  The reader downloads it and opens it with «Åpne lagret fil» on the duk's page; the site stores
  nothing, so the duk cannot fetch it by itself.
- ``filled_template``: the arbeidsduk template (``documents/templates/sources/arbeidsduk.yaml``) with each
  empty box replaced by the case's text, laid out by the templates' PDF machinery
  (``documents.render.render_pdf``) on A3: the same grid, titles and hints as the blank duk.
PDFs are cached by content hash like the templates' (``documents.render.fingerprint``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from documents.render.fingerprint import generator_fingerprint
from documents.templates.template import Field, Paper, Template
from typfall.cases import Case
from veileder.cache import cached_entry

DUK_FORMAT = "velferdslab-duk"  # duk.js FORMAT
DEFAULT_CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "typfall"
PAPER: Paper = "A3"
LABEL = "Oppdiktet eksempel"


def reference(case: Case) -> str:
    return f"{LABEL}: {case.title}"


def duk_file(case: Case, template: Template) -> bytes:
    """The case's duk as the digital duk saves it; the same bytes for the same case."""
    data = {
        "format": DUK_FORMAT,
        "formatVersion": 1,
        "template": template.id,
        "templateVersion": template.version,
        "saved": "",
        "meeting": {"date": "", "reference": reference(case)[:80]},
        "fields": dict(case.duk),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _filled(section, value) -> tuple[Field, ...]:
    if isinstance(value, list):
        return (Field("list", items=tuple(" – ".join(row) for row in value)),)
    return (Field("text", text=value),)


def filled_template(case: Case, template: Template) -> Template:
    """The blank duk with the case's text in every box; the title says it is an invented example."""
    sections = tuple(
        dataclasses.replace(s, fields=_filled(s, case.duk[s.area])) if s.area in case.duk else s
        for s in template.sections)
    return dataclasses.replace(
        template, id=f"typfall-{case.id}", title=f"{template.title} – {LABEL.lower()}: {case.title}",
        intro=f"{LABEL}. Ingen ekte familie.", sections=sections, print_papers=(PAPER,), source=template.source)


def render_duk_pdf(case: Case, template: Template) -> bytes:
    from documents.render.render_pdf import render_pdf  # imports WeasyPrint: on a cache miss only

    return render_pdf(filled_template(case, template), PAPER)


def _key(case: Case, template: Template) -> str:
    shown = json.dumps({"template": repr(filled_template(case, template)), "code": Path(__file__).read_bytes().hex(),
                        "generators": generator_fingerprint()}, sort_keys=True)
    return hashlib.sha256(shown.encode()).hexdigest()[:32]


def duk_pdf(case: Case, template: Template, cache_dir: Path = DEFAULT_CACHE_DIR) -> tuple[Path, bool]:
    """The cached A3 PDF of the case's duk, and whether it had to be made."""
    name = f"{case.id}-duk-A3.pdf"

    def produce(directory: Path) -> None:
        (directory / name).write_bytes(render_duk_pdf(case, template))

    entry, made = cached_entry(cache_dir, _key(case, template), produce)
    return entry / name, made
