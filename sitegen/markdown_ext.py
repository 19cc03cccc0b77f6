"""Python-Markdown extension ``sitegen.markdown_ext``: finishes each page's HTML the same way in
every engine that runs Python-Markdown (MkDocs, ProperDocs, Zensical).

After the Markdown is converted (a postprocessor, so after the table of contents is made):

- task-list checkboxes get an accessible name, and the first heading is focusable (the skip link's
  target), as ``veileder.html_fixes`` does it;
- ``<!-- kalkulator: ID -->`` becomes the calculator ``sitegen.stage`` wrote for this page
  (``<staging>/fragments/``, with this page's relative links), and its «Resultat» heading joins
  the page's table of contents among the h2 headings, where it stands;
- ``<!-- vl-notebook: NAME -->`` becomes the notebook's HTML, and its headings the page's table
  of contents (``sitegen.notebook_page``);
- the page's finished HTML is kept in ``<staging>/content/`` for the whole-guide PDF
  (``sitegen.post``); ``<!-- vl-page: SRC -->``, which the stage puts at the end of each page,
  names it and is removed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

FRAGMENT = re.compile(r"<!--\s*kalkulator:\s*([^\s>]*)\s*-->")  # calculators.site.markers.MARKER
NOTEBOOK = re.compile(r"<!-- vl-notebook: ([\w.-]+) -->")  # sitegen/notebook_page.py: its HTML and contents
PAGE = re.compile(r"\n?<!-- vl-page: (\S+) -->")
DEFAULT_STAGING = Path(__file__).resolve().parent.parent / ".cache" / "staging"


def fragment_name(model_id: str, src: str) -> str:
    return f"{model_id}--{src.removesuffix('.md').replace('/', '_')}"


def content_file(staging: Path, src: str) -> Path:
    return staging / "content" / (src.replace("/", "__") + ".json")


def add_to_toc(tokens: list, entries: list[dict], html: str) -> None:
    """Each entry among the h2 headings, before the first heading that comes after it in ``html``."""
    items = tokens
    if len(items) == 1 and items[0]["level"] == 1:  # the page title: h2 headings are its children
        items = items[0]["children"]
    for entry in entries:
        at = html.find(f'id="{entry["id"]}"')
        after = [i for i, item in enumerate(items) if f'id="{item["id"]}"' in html[at:]]
        token = {"level": 2, "id": entry["id"], "name": entry["name"], "html": entry["name"],
                 "data-toc-label": "", "children": []}
        items.insert(after[0] if after else len(items), token)


class _Finish(Postprocessor):
    def __init__(self, md: Markdown, staging: Path) -> None:
        super().__init__(md)
        self.staging = staging

    def run(self, text: str) -> str:
        from veileder.html_fixes import label_task_list_checkboxes, make_focusable

        page = PAGE.search(text)
        text = PAGE.sub("", text)
        text = label_task_list_checkboxes(text)
        tokens = getattr(self.md, "toc_tokens", None)
        if tokens:
            text = make_focusable(text, tokens[0]["id"])
        page_name: str = page[1] if page else ""
        for match in list(FRAGMENT.finditer(text)) if page else []:
            name = str(self.staging / "fragments" / fragment_name(match[1], page_name))
            text = text.replace(match[0], Path(name + ".html").read_text(encoding="utf-8"), 1)
            if tokens is not None:
                add_to_toc(tokens, json.loads(Path(name + ".json").read_text(encoding="utf-8")), text)
        for match in list(NOTEBOOK.finditer(text)):
            name = str(self.staging / "fragments" / match[1])
            text = text.replace(match[0], Path(name + ".html").read_text(encoding="utf-8"), 1)
            tokens = self.md.toc_tokens = json.loads(Path(name + ".json").read_text(encoding="utf-8"))
        if page and (self.staging / "content").is_dir():
            first = tokens[0] if tokens else None
            title = first["name"] if first and first["level"] == 1 else None
            content_file(self.staging, page[1]).write_text(
                json.dumps({"content": text.strip(), "title": title}, ensure_ascii=False), encoding="utf-8")
        return text


class SiteExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"staging": ["", "the stage's output folder (sitegen.stage)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        staging = Path(self.getConfig("staging") or DEFAULT_STAGING)
        md.postprocessors.register(_Finish(md, staging), "vl_finish", 1)


def makeExtension(**kwargs) -> SiteExtension:  # noqa: N802 (Python-Markdown's name)
    return SiteExtension(**kwargs)
