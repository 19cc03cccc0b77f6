"""Page-level checks and fixes that apply to every page.

- Every page must say what it is for: a one-line ``description`` in its front matter. Material
  uses it for ``<meta name="description">`` and search results; editors get a build error naming
  the file when it is missing.
- Task-list checkboxes get an accessible name (see ``veileder.html_fixes``).
- The skip link's target (the page's first heading) is focusable (``tabindex="-1"``), so «Gå til
  innhold» moves keyboard focus into the content even before the scripts have loaded.
- Maintainer pages (``veileder.maintainer``) are left out of the search index.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from veileder.html_fixes import label_task_list_checkboxes, make_focusable
from veileder.maintainer import is_maintainer_page


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    description = page.meta.get("description")
    if not isinstance(description, str) or not description.strip():
        raise PluginError(
            f"{page.file.src_uri}: front matter mangler 'description' "
            "(én linje som sier hva siden handler om), f.eks.\n"
            "---\ndescription: Slik forankrer dere velferdslaben politisk og administrativt.\n---"
        )
    if is_maintainer_page(page.file.src_uri):
        # Material's search plugin reads this in on_page_context and leaves the page out.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return None


def on_page_content(
    html: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    html = label_task_list_checkboxes(html)
    # Material's skip link points at the first entry of the table of contents.
    first = next(iter(page.toc), None)
    return make_focusable(html, first.id) if first is not None else html
