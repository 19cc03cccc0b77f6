"""The prose a reader sees in a built page's article, as text blocks.

Only the article (``.md-content``) counts: navigation, header and footer are the same on every page.
Code, quotations (``<blockquote>``, ``<q>``), titles of works (``<cite>``), permalinks, buttons and
the "last changed" line are left out, because they are not the guide's own prose.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# Subtrees whose text is not the page's own running prose.
# A <cite> holds the title of a work (a report, a strategy): a name, not the guide's own sentence.
_SKIPPED_TAGS = frozenset({"nav", "pre", "code", "kbd", "samp", "blockquote", "q", "cite", "script",
                           "style", "svg", "template", "noscript", "button", "math"})
_SKIPPED_CLASSES = frozenset({"headerlink", "md-source-file", "md-content__button", "md-feedback",
                              "vl-no-prose"})
_BLOCK_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
                         "figcaption", "caption", "summary", "details", "div", "section", "article",
                         "aside", "table", "tr", "ul", "ol", "dl", "figure", "label", "br", "hr"})
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                        "source", "track", "wbr"})


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buffer: list[str] = []
        self._content_depth = 0  # open elements since (and including) the .md-content element
        self._skip_depth = 0  # open elements since (and including) a skipped element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if self._content_depth and tag in _BLOCK_TAGS:
                self._flush()
            return
        classes = set((dict(attrs).get("class") or "").split())
        if not self._content_depth:
            if "md-content" in classes:
                self._content_depth = 1
            return
        self._content_depth += 1
        if self._skip_depth:
            self._skip_depth += 1
        elif tag in _SKIPPED_TAGS or classes & _SKIPPED_CLASSES:
            self._skip_depth = 1
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if not self._content_depth or tag in _VOID_TAGS:
            return
        self._content_depth -= 1
        if self._skip_depth:
            self._skip_depth -= 1
        if tag in _BLOCK_TAGS or not self._content_depth:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._content_depth and not self._skip_depth:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.blocks.append(text)
        self._buffer.clear()


def article_blocks(html: str) -> list[str]:
    """Text blocks (paragraphs, list items, headings, cells …) of the page's article."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def built_pages(site_dir: Path) -> dict[str, Path]:
    """Every content page of a built site, keyed by its URL path (``kom-i-gang/`` …).

    The 404 page and theme partials are not content pages.
    """
    pages: dict[str, Path] = {}
    for html_file in sorted(site_dir.rglob("index.html")):
        url = html_file.parent.relative_to(site_dir).as_posix()
        url = "" if url == "." else url + "/"
        if url.startswith(("assets/", "search/")):
            continue
        pages[url] = html_file
    return pages
