"""Every link to a file on the built site says what it is and how big: format and size, as the
file is (templates, handouts, the whole-guide PDF, the offline copy)."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path

from documents.templates.strings import format_size

DOWNLOAD = re.compile(r'<a\b[^>]*\bhref="([^"#?:]+\.(pdf|odt|docx|zip|xlsx|csv))"[^>]*>(.*?)</a>', re.DOTALL)


def _links(site: Path) -> list[tuple[str, Path, str, str]]:
    """(page, file, format, link text) for every link to a file on every page."""
    found = []
    for html in sorted(site.rglob("*.html")):
        page = html.relative_to(site).as_posix()
        if page.startswith("assets/"):
            continue
        for href, fmt, text in DOWNLOAD.findall(html.read_text(encoding="utf-8")):
            target = site / posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
            found.append((page, target, fmt, " ".join(unescape(re.sub(r"<[^>]+>", "", text)).split())))
    return found


def test_every_download_link_states_the_files_format_and_real_size(built_site: Path) -> None:
    links = _links(built_site)
    assert any(target.name == "velferdslab-veilederen.pdf" for _, target, _, _ in links)
    wrong = [f"{page}: «{text}» ({target.name}, {format_size(target.stat().st_size)})"
             for page, target, fmt, text in links
             if fmt.lower() not in text.lower() or format_size(target.stat().st_size) not in text]  # fmt: skip
    assert not wrong, "\n".join(wrong)
