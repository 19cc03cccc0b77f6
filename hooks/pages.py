"""Every page must say what it is for: a one-line ``description`` in its front matter.

Material uses it for ``<meta name="description">`` and search results; editors get a build error
naming the file when it is missing, instead of a page that search engines and screen readers
describe with its first random sentence.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.config.defaults import MkDocsConfig


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
    return None
