"""Site addresses as a directory-URL engine writes them (``use_directory_urls: true``)."""

from __future__ import annotations

import posixpath


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
