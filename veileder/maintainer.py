"""Pages for the people who maintain the guide, kept out of the public menu and the public search.

They stay in the repository and in the build (a maintainer reads them on the published site, and
links to them keep working), but a municipality searching for «kalkulator» should find the
calculators, not the page on how to program one. The list is the one place that says which pages
these are; ``mkdocs.yml`` leaves them out of ``nav`` and names them under ``not_in_nav``.
"""

from __future__ import annotations

MAINTAINER_PAGES: tuple[str, ...] = (
    "vedlikehold/",  # the maintainers' section: every page in the folder
    "okonomi/metode.ipynb",  # «Modellene i bruk»: code and figures for analysts
)
"""Source paths under ``docs/``; an entry ending in ``/`` covers a whole folder."""


def is_maintainer_page(src_uri: str) -> bool:
    """Whether the page with this source path (``page.file.src_uri``) is for maintainers only."""
    return any(
        src_uri.startswith(entry) if entry.endswith("/") else src_uri == entry for entry in MAINTAINER_PAGES
    )
