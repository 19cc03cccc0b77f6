"""Page-level checks and fixes that apply to every page.

- Every page must say what it is for: a one-line ``description`` in its front matter. Material
  uses it for ``<meta name="description">`` and search results; editors get a build error naming
  the file when it is missing.
- Task-list checkboxes get an accessible name (see ``veileder.html_fixes``).
- Dates come from git, not from the build clock, so two builds of one commit are identical: the
  build's "now" (``SOURCE_DATE_EPOCH``, which MkDocs reads) is the commit's time, and each page's
  date in sitemap.xml is the date of the last commit that changed it.
- The skip link's target (the page's first heading) is focusable (``tabindex="-1"``), so «Gå til
  innhold» moves keyboard focus into the content even before the scripts have loaded.
- Maintainer pages (``veileder.maintainer``) are left out of the search index.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from veileder import yamltext
from veileder.html_fixes import label_task_list_checkboxes, make_focusable
from veileder.maintainer import is_maintainer_page


def _commit_time(folder: Path) -> str | None:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True,
                                text=True, timeout=60)
    except OSError:
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    epoch = _commit_time(Path(config.config_file_path).parent)
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    return None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def _yaml_problem(text: str) -> str:
    try:
        data = yamltext.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"linje {mark.line + 2}, kolonne {mark.column + 1}: " if mark else ""
        return where + (getattr(error, "problem", None) or str(error).splitlines()[0])
    return f"må være felt: verdi, fikk {type(data).__name__}"


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    front = _FRONT_MATTER.match(markdown)
    if front:
        # MkDocs keeps a front matter it cannot read as part of the text, silently; say why.
        raise PluginError(f"{page.file.src_uri}: front matter er ikke gyldig YAML: {_yaml_problem(front[1])}")
    description = page.meta.get("description")
    if "description" in page.meta and not (isinstance(description, str) and description.strip()):
        raise PluginError(f"{page.file.src_uri}: front matter «description» må være én linje tekst, "
                          f"fikk {description!r}")
    # The sitemap's <lastmod>: the page's last commit (git-revision-date-localized ran before us).
    changed = page.meta.get("git_revision_date_localized_raw_iso_date")
    if changed:
        page.update_date = changed
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
