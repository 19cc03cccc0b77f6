"""Templates (Maler): generate every format from ``doc_templates/sources`` and fill the pages.

Thin wiring only; the work is in ``doc_templates``. ``on_files`` makes sure every file exists
(from the content-hash cache when nothing changed) and adds the files to the site under
``maler/filer/``; ``on_page_markdown`` replaces the ``<!-- mal…: … -->`` markers.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from doc_templates.build import SITE_FOLDER, BuiltTemplate, build_templates
from doc_templates.form import FormError
from doc_templates.model import TemplateSourceError
from doc_templates.pages import MarkerError, render_markers

log = get_plugin_logger(__name__)
_built: tuple[BuiltTemplate, ...] = ()  # set in on_files, read in on_page_markdown of the same build


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files | None:
    global _built
    try:
        _built = build_templates()
    except TemplateSourceError as error:
        raise PluginError(f"Feil i mal: {error}") from None
    regenerated = [item.template.id for item in _built if item.regenerated]
    if regenerated:
        log.info("Maler generert på nytt: %s", ", ".join(regenerated))
    for item in _built:
        extra = [item.export_script] if item.export_script else []
        for path in [*(d.path for d in item.downloads), item.preview.path, item.preview.path_2x, *extra]:
            files.append(File.generated(config, f"{SITE_FOLDER}/{path.name}", abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!-- mal" not in markdown:
        return None
    try:
        return render_markers(markdown, _built, page.file.src_uri, page.url)
    except (MarkerError, FormError) as error:
        raise PluginError(str(error)) from None
