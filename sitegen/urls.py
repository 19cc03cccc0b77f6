"""Site addresses as a directory-URL engine writes them (``use_directory_urls: true``)."""

from __future__ import annotations

import posixpath
import re


def page_url(src: str) -> str:
    """``kom-i-gang/index.md`` → ``kom-i-gang/``; ``okonomi/familie.md`` → ``okonomi/familie/``."""
    stem = posixpath.splitext(src)[0]
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
        else:
            parts.append(part)
    return parts


def relative(url: str, other: str) -> str:
    """``url`` relative to the page at ``other`` (the same rule as MkDocs' ``get_relative_url``)."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    result = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return result + "/" if url.endswith("/") else result


_LINK = re.compile(r'\b(href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"')


def links_from_source(html: str, src: str) -> str:
    """Each relative ``href``/``src`` in ``html``, written for the page made of ``src``
    (``okonomi/familie.md`` → ``okonomi/familie/``), made relative to the Markdown file instead:
    the form an engine that rewrites raw HTML's links as it does Markdown's (Zensical) expects."""
    here = page_url(src)

    def fix(match: re.Match) -> str:
        link, _, rest = match[2].partition("#")
        if not link:
            return match[0]
        target = posixpath.normpath(posixpath.join(here, link)) + ("/" if link.endswith("/") else "")
        fixed = relative(target, src) + ("#" + rest if rest else "")
        return f'{match[1]}="{fixed}"'

    return _LINK.sub(fix, html)
