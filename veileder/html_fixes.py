"""Small, well-tested fixes to the HTML that Markdown extensions produce."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# pymdownx.tasklist renders an <input> inside an empty <label>, with the item's text after it, so
# the checkbox has no accessible name (axe: label). We name it with the item's own text.
_TASK_ITEM = re.compile(
    r'(?P<start><li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")'
    r"(?P<attrs>[^>]*?)(?P<end>/?>)(?P<rest>.*?</label>)(?P<text>.*?)(?=<ul|<ol|<p|</li>)",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def label_task_list_checkboxes(page_html: str) -> str:
    """Give every task-list checkbox an ``aria-label`` equal to the text of its item."""

    def add_label(match: re.Match[str]) -> str:
        text = " ".join(html.unescape(_TAG.sub("", match["text"])).split())
        if not text or "aria-label" in match["attrs"]:
            return match[0]
        label = html.escape(text, quote=True)
        return f'{match["start"]}{match["attrs"]} aria-label="{label}"{match["end"]}{match["rest"]}{match["text"]}'

    return _TASK_ITEM.sub(add_label, page_html)


def make_focusable(page_html: str, element_id: str) -> str:
    """Give the element with ``id="element_id"`` ``tabindex="-1"``, so following a link to it
    moves keyboard focus there (not only the scroll position) — with or without scripts."""
    pattern = re.compile(rf'<(?P<tag>[a-z][a-z0-9]*)(?P<attrs>[^>]*\sid="{re.escape(element_id)}")(?P<rest>[^>]*)>')

    def add(match: re.Match[str]) -> str:
        if "tabindex=" in match["attrs"] + match["rest"]:
            return match[0]
        return f'<{match["tag"]}{match["attrs"]}{match["rest"]} tabindex="-1">'

    return pattern.sub(add, page_html, count=1)


# mkdocs-jupyter leaves a notebook's Markdown links as written (``metode-familie.md``), which the
# web server answers with 404; MkDocs rewrites such links only in Markdown pages.
_MARKDOWN_LINK = re.compile(r'href="(?P<path>(?![a-z][a-z0-9+.-]*:|/|#)[^"#?]+\.md)(?P<rest>[#?][^"]*)?"')


def link_markdown_files(page_html: str, url_of: Callable[[str], str | None], where: str) -> str:
    """Point every relative link to a ``.md`` file at that page's URL. ``url_of`` gets the link
    as written and returns the URL relative to this page, or None for a file that does not exist:
    then a ``ValueError`` names ``where`` (the page) and the link."""

    def fix(match: re.Match[str]) -> str:
        url = url_of(html.unescape(match["path"]))
        if url is None:
            raise ValueError(f"{where}: lenken «{match['path']}» peker på en side som ikke finnes")
        return f'href="{html.escape(url, quote=True)}{match["rest"] or ""}"'

    return _MARKDOWN_LINK.sub(fix, page_html)
