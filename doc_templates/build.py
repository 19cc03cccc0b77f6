"""Every template in every format: loads the sources, fills the cache, lists the downloads.

``build_templates`` is what the MkDocs hook, the tests and the bench call. Files are named
``<id>-<paper>.pdf``, ``<id>.odt``, ``<id>.docx`` and ``<id>.png`` (the preview), all in lower
case, so links stay stable from one version to the next.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from doc_templates.cache import cached_entry, entry_key, generator_fingerprint
from doc_templates.model import Template, load_templates

SOURCES_DIR = Path(__file__).parent / "sources"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE_DIR = PROJECT_ROOT / ".cache" / "templates"
SITE_FOLDER = "maler/filer"
"""Where the files go in the built site (and the docs tree, for link resolution)."""


@dataclass(frozen=True)
class Download:
    format: str  # "pdf", "odt" or "docx"
    paper: str  # "A1", "A3", "A4"
    landscape: bool
    path: Path  # the cached file

    @property
    def filename(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class Preview:
    path: Path
    width: int
    height: int


@dataclass(frozen=True)
class BuiltTemplate:
    template: Template
    downloads: tuple[Download, ...]
    preview: Preview
    regenerated: bool
    """False when every file came from the cache."""


def _pdf_name(template: Template, paper: str) -> str:
    return f"{template.id}-{paper.lower()}.pdf"


def _produce(template: Template, directory: Path) -> None:
    # Imported here, on a cache miss only: WeasyPrint and friends take seconds to import, and a
    # warm rebuild (nothing changed) should not pay for them.
    from doc_templates.preview import render_preview
    from doc_templates.render_docx import render_docx
    from doc_templates.render_odt import render_odt
    from doc_templates.render_pdf import render_pdf

    pdfs = {paper: render_pdf(template, paper) for paper in template.print_papers}
    for paper, pdf in pdfs.items():
        (directory / _pdf_name(template, paper)).write_bytes(pdf)
    (directory / f"{template.id}.odt").write_bytes(render_odt(template))
    (directory / f"{template.id}.docx").write_bytes(render_docx(template))
    # The preview shows the smallest print size: the layout is the same on every paper.
    png, width, height = render_preview(pdfs[template.print_papers[-1]])
    (directory / f"{template.id}.png").write_bytes(png)
    (directory / "preview.json").write_text(json.dumps({"width": width, "height": height}))


def _collect(template: Template, entry: Path, regenerated: bool) -> BuiltTemplate:
    landscape = template.orientation == "landscape"
    downloads = [Download("pdf", paper, landscape, entry / _pdf_name(template, paper))
                 for paper in template.print_papers]  # fmt: skip
    for fmt in ("odt", "docx"):
        downloads.append(Download(fmt, template.edit_paper, landscape, entry / f"{template.id}.{fmt}"))
    size = json.loads((entry / "preview.json").read_text())
    preview = Preview(entry / f"{template.id}.png", size["width"], size["height"])
    return BuiltTemplate(template, tuple(downloads), preview, regenerated)


def build_templates(
    sources_dir: Path = SOURCES_DIR, cache_dir: Path = DEFAULT_CACHE_DIR
) -> tuple[BuiltTemplate, ...]:
    """Load every source (failing on the first mistake) and make sure every file exists."""
    templates = load_templates(sources_dir)
    fingerprint = generator_fingerprint()
    built = []
    for template in templates:
        key = entry_key(template.source.read_bytes(), fingerprint)
        entry, regenerated = cached_entry(cache_dir, key, lambda d, t=template: _produce(t, d))
        built.append(_collect(template, entry, regenerated))
    return tuple(built)
