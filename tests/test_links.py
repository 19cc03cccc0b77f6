"""Every link and source inside the built site leads somewhere: no 404 on the web site.

MkDocs checks links in Markdown pages (strict mode); this crawl also covers what it does not see:
the notebook page (mkdocs-jupyter), theme partials, hooks' HTML, srcset candidates and links
written as the site's full address."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

REFERENCE = re.compile(r'\s(href|src|srcset)="([^"]*)"')
# Addresses a browser does not ask the server for (or that are not ours).
NOT_FETCHED = re.compile(r"^(?:#|$|(?:mailto|tel|data|javascript|blob):)", re.IGNORECASE)


def page_url(site_dir: Path, html: Path, site_url: str) -> str:
    relative = html.relative_to(site_dir).as_posix()
    return site_url + relative.removesuffix("index.html")


def references(text: str) -> list[str]:
    """Every address in ``href``, ``src`` and each candidate of ``srcset``, outside scripts."""
    text = re.sub(r"<script\b[^>]*>.*?</script>", "", text, flags=re.DOTALL)
    found = []
    for attribute, value in REFERENCE.findall(text):
        value = htmllib.unescape(value).strip()
        if attribute == "srcset":
            found += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        else:
            found.append(value)
    return found


def served_file(site_dir: Path, path: str) -> Path | None:
    """The file a static web server answers ``path`` with (a folder: its index.html)."""
    target = site_dir / unquote(path).lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def test_every_internal_link_and_source_of_every_page_is_found(built_site: Path, site_url: str) -> None:
    origin = urlsplit(site_url)
    pages = [p for p in sorted(built_site.rglob("*.html")) if "assets" not in p.relative_to(built_site).parts[:1]]
    assert any(p.match("okonomi/metode/index.html") for p in pages)  # the notebook page is crawled
    missing = set()
    for html in pages:
        base = page_url(built_site, html, site_url)
        for reference in references(html.read_text(encoding="utf-8")):
            if NOT_FETCHED.match(reference):
                continue
            url = urlsplit(urljoin(base, reference))
            if (url.scheme, url.netloc) != (origin.scheme, origin.netloc):
                continue
            if served_file(built_site, url.path) is None:
                missing.add(f"{html.relative_to(built_site)}: {reference}")
    assert sorted(missing) == []


def test_the_crawl_sees_a_broken_link_in_an_attribute_of_any_kind(tmp_path: Path) -> None:
    (tmp_path / "side").mkdir()
    page = '<a href="../finnes/">a</a><img src="bilde.png" srcset="bilde.png 1x, borte@2x.png 2x"><a href="x.md">'
    (tmp_path / "side" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "side" / "bilde.png").write_bytes(b"")
    (tmp_path / "finnes").mkdir()
    (tmp_path / "finnes" / "index.html").write_text("", encoding="utf-8")
    base = "http://127.0.0.1:8000/side/"
    gone = [r for r in references(page) if served_file(tmp_path, urlsplit(urljoin(base, r)).path) is None]
    assert gone == ["borte@2x.png", "x.md"]
