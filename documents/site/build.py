"""Every template in every format: loads the sources, fills the cache, lists the downloads.

``build_templates`` is what the generation stage (sitegen/stage.py), the tests and the bench call. Files are named
``<id>-<paper>.pdf``, ``<id>.odt``, ``<id>.docx``, ``<id>.png`` and ``<id>-2x.png`` (the preview,
for 1× and 2× screens), all in lower case, so links stay stable from one version to the next.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from documents.render.fingerprint import entry_key, generator_fingerprint
from documents.templates.template import Template, load_templates
from veileder.cache import cached_entry

SOURCES_DIR = Path(__file__).parent.parent / "templates" / "sources"
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_CACHE_DIR = PROJECT_ROOT / ".cache" / "templates"
SITE_FOLDER = "maler/filer"
"""Where the files go in the built site (and the docs tree, for link resolution)."""


@dataclass(frozen=True)
class Download:
    format: str  # "pdf", "odt" or "docx"
    paper: str  # "A1", "A3", "A4"
    landscape: bool
    path: Path  # the cached file
    variant: str = ""
    """"" for the template itself; "tekst" for a poster's flowing text version (A4, box after box)."""

    @property
    def filename(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class Preview:
    """Page 1 as PNG: ``path`` at the width the gallery shows it (``width`` × ``height`` px) and
    ``path_2x`` at twice that, for high-density screens."""

    path: Path
    path_2x: Path
    width: int
    height: int


@dataclass(frozen=True)
class BuiltTemplate:
    template: Template
    downloads: tuple[Download, ...]
    preview: Preview
    regenerated: bool
    """False when every file came from the cache."""
    export_script: Path | None = None
    """A poster's ODT/DOCX skeletons for the digital duk's export (``sheet``), as a script."""


def _pdf_name(template: Template, paper: str) -> str:
    return f"{template.id}-{paper.lower()}.pdf"


def _text_name(template: Template, fmt: str) -> str:
    return f"{template.id}-tekst.{fmt}"


def _preview_name(template: Template, density: str = "") -> str:
    return f"{template.id}{density}.png"


def _export_name(template: Template) -> str:
    return f"{template.id}-eksport.js"


def _produce(template: Template, directory: Path) -> None:
    # Imported here, on a cache miss only: WeasyPrint and friends take seconds to import, and a
    # warm rebuild (nothing changed) should not pay for them.
    import dataclasses

    from documents.render.package import add_thumbnail
    from documents.render.preview import render_previews, render_thumbnail
    from documents.render.render_docx import render_docx
    from documents.render.render_odt import render_odt
    from documents.render.render_pdf import render_pdf
    from documents.site.duk_skeletons import export_script

    pdfs = {paper: render_pdf(template, paper) for paper in template.print_papers}
    for paper, pdf in pdfs.items():
        (directory / _pdf_name(template, paper)).write_bytes(pdf)
    # The editable files carry a thumbnail of the document, as file managers and office suites show.
    first = pdfs[template.print_papers[-1]]
    thumbnails = {"odt": render_thumbnail(first, "PNG"), "docx": render_thumbnail(first, "JPEG")}
    odt, docx = render_odt(template), render_docx(template)
    for fmt, data in (("odt", odt), ("docx", docx)):
        (directory / f"{template.id}.{fmt}").write_bytes(add_thumbnail(data, fmt, thumbnails[fmt], template.date))
    if template.layout == "poster":
        # The text version's thumbnail shows it as it is: the sections one after the other on A4.
        flowing = dataclasses.replace(template, layout="document", orientation="portrait", poster_areas=())
        text_pdf = render_pdf(flowing, "A4")
        for fmt, render, image in (("odt", render_odt, "PNG"), ("docx", render_docx, "JPEG")):
            data = add_thumbnail(render(template, flow=True), fmt, render_thumbnail(text_pdf, image), template.date)
            (directory / _text_name(template, fmt)).write_bytes(data)
        (directory / _export_name(template)).write_text(export_script(template), encoding="utf-8")
    # The preview shows the smallest print size: the layout is the same on every paper.
    (png, width, height), (png_2x, _, _) = render_previews(first)
    (directory / _preview_name(template)).write_bytes(png)
    (directory / _preview_name(template, "-2x")).write_bytes(png_2x)
    (directory / "preview.json").write_text(json.dumps({"width": width, "height": height}))


def _collect(template: Template, entry: Path, regenerated: bool) -> BuiltTemplate:
    landscape = template.orientation == "landscape"
    downloads = [Download("pdf", paper, landscape, entry / _pdf_name(template, paper))
                 for paper in template.print_papers]  # fmt: skip
    for fmt in ("odt", "docx"):
        downloads.append(Download(fmt, template.edit_paper, landscape, entry / f"{template.id}.{fmt}"))
    export = None
    if template.layout == "poster":
        for fmt in ("odt", "docx"):
            downloads.append(Download(fmt, "A4", False, entry / _text_name(template, fmt), "tekst"))
        export = entry / _export_name(template)
    size = json.loads((entry / "preview.json").read_text())
    preview = Preview(entry / _preview_name(template), entry / _preview_name(template, "-2x"), size["width"], size["height"])
    return BuiltTemplate(template, tuple(downloads), preview, regenerated, export)


def build_templates(
    sources_dir: Path = SOURCES_DIR, cache_dir: Path = DEFAULT_CACHE_DIR
) -> tuple[BuiltTemplate, ...]:
    """Load every source (failing on the first mistake) and make sure every file exists."""
    templates = load_templates(sources_dir)
    fingerprint = generator_fingerprint()
    built = []
    for template in templates:
        key = entry_key(template.source.read_bytes(), fingerprint)
        entry, regenerated = cached_entry(cache_dir, key, functools.partial(_produce, template))
        built.append(_collect(template, entry, regenerated))
    return tuple(built)
