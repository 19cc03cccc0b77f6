"""The site's template pages, written as Markdown where an author put a marker.

Markers (each alone on its line in a page under ``docs/``):

- ``<!-- maler: galleri -->`` — the gallery: preview, purpose, version and downloads per template;
- ``<!-- mal: <id> -->`` — one template's page: purpose, downloads, then its content as HTML;
- ``<!-- mal-skjema: <id> -->`` — a poster template as a form to fill in and print (see ``form``).

Links are Markdown links relative to the page's source file, so MkDocs checks in strict mode that
every download and preview exists. Unknown markers or ids fail the build, naming the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from documents.render.render_html import fields_html
from documents.site.build import SITE_FOLDER, BuiltTemplate, Download
from documents.site.form import form_html
from documents.templates import strings

# Only markers whose kind starts with «mal» are ours; other hooks' markers pass through untouched.
MARKER = re.compile(r"^<!--\s*(?P<kind>mal[a-z-]*):\s*(?P<value>[a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)
KINDS = ("maler", "mal", "mal-skjema")


class MarkerError(ValueError):
    """A marker in a page is wrong; the message names the page and what would be valid."""


def download_label(download: Download) -> str:
    """«Last ned PDF, A1 liggende, 85 kB» — format, paper and the real size of the file."""
    paper = f"{download.paper} {strings.LANDSCAPE}" if download.landscape else download.paper
    if download.variant == "tekst":
        paper += f", {strings.TEXT_VERSION}"
    return strings.DOWNLOAD.format(
        format=strings.FORMAT_NAMES[download.format], paper=paper, size=strings.format_size(download.size)
    )


def _purpose(built: BuiltTemplate, download: Download) -> str:
    purpose = strings.FORMAT_PURPOSE[download.format]
    if download.variant == "tekst":
        return f"{strings.TEXT_VERSION_PURPOSE}, {purpose}"
    if built.template.layout == "poster" and download.format != "pdf":
        return f"{strings.SHEET_PURPOSE}, {purpose}"
    return purpose


def _link_base(page_src_uri: str) -> str:
    return posixpath.relpath(SITE_FOLDER, posixpath.dirname(page_src_uri) or ".")


def downloads_markdown(built: BuiltTemplate, page_src_uri: str) -> str:
    base = _link_base(page_src_uri)
    lines = [
        f"- [{download_label(d)}]({base}/{d.filename}){{ download }} – {_purpose(built, d)}"
        for d in built.downloads
    ]
    return '<div class="vl-downloads" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _about_markdown(built: BuiltTemplate) -> str:
    t = built.template
    return (
        f'<p class="vl-tpl-version">{strings.version_line(t.version, t.date)}</p>\n\n'
        f"**{strings.WHAT_FOR}:** {t.summary}\n\n**{strings.WHEN_TO_USE}:** {t.when}"
    )


# The width the gallery shows a preview at (maler.css: 12rem, and Material's root font size grows
# at 100em and 125em); ``sizes`` lengths count 16 px to the em.
PREVIEW_SIZES = "(min-width: 125em) 288px, (min-width: 100em) 264px, 240px"


def gallery_markdown(built: tuple[BuiltTemplate, ...], page_src_uri: str, page_url: str | None = None) -> str:
    """``page_url``: the page's address relative to the site (MkDocs' ``page.url``); ``srcset``
    names files relative to it, as MkDocs rewrites only ``src``. Without it, directory URLs."""
    base = _link_base(page_src_uri)
    here = posixpath.dirname(page_src_uri)
    if page_url is None:
        stem = page_src_uri.removesuffix(".md")
        stem = posixpath.dirname(stem) if posixpath.basename(stem) in ("index", "README") else stem
        page_url = stem + "/" if stem else ""
    url_dir = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    url_base = posixpath.relpath(SITE_FOLDER, url_dir or ".")
    cards = []
    for item in built:
        t, p = item.template, item.preview
        page_link = posixpath.relpath(f"maler/{t.id}.md", here or ".")
        alt = strings.PREVIEW_ALT.format(title=t.title)
        srcset = f"{url_base}/{p.path.name} {p.width}w, {url_base}/{p.path_2x.name} {2 * p.width}w"
        cards.append(
            f'<article class="vl-gallery__item" markdown>\n\n'
            f'![{alt}]({base}/{p.path.name}){{ .vl-gallery__preview width="{p.width}" '
            f'height="{p.height}" srcset="{srcset}" sizes="{PREVIEW_SIZES}" loading="lazy" }}\n\n'
            f'<div class="vl-gallery__text" markdown>\n\n'
            f"## [{t.title}]({page_link}) {{ #{t.id} }}\n\n{_about_markdown(item)}\n\n"
            f"{downloads_markdown(item, page_src_uri)}\n\n</div>\n\n</article>"
        )
    return '<div class="vl-gallery" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def template_markdown(built: BuiltTemplate, page_src_uri: str) -> str:
    """The template's page: about, downloads, and every section as a heading with its fields."""
    parts = [_about_markdown(built), f"## {strings.DOWNLOADS_HEADING}", downloads_markdown(built, page_src_uri)]
    if built.template.intro:
        parts.append(f'<p class="vl-tpl-intro">{built.template.intro}</p>')
    for section in built.template.sections:
        parts.append(f"## {section.title}")
        parts.append(f'<div class="vl-tpl-fields">{fields_html(section)}</div>')
    return "\n\n".join(parts)


def render_markers(
    markdown: str, built: tuple[BuiltTemplate, ...], page_src_uri: str, page_url: str | None = None
) -> str:
    """Replace every marker in a page; raise ``MarkerError`` for an unknown kind or id.
    ``page_url``: MkDocs' ``page.url`` (see ``gallery_markdown``)."""
    by_id: Mapping[str, BuiltTemplate] = {item.template.id: item for item in built}

    def replace(match: re.Match[str]) -> str:
        kind, value = match["kind"], match["value"]
        if kind == "maler":
            if value != "galleri":
                raise MarkerError(f"{page_src_uri}: <!-- maler: {value} --> er ukjent; gyldig: galleri")
            return gallery_markdown(built, page_src_uri, page_url)
        if kind not in KINDS:
            raise MarkerError(f"{page_src_uri}: ukjent markør «{kind}»; gyldige: {', '.join(KINDS)}")
        if value not in by_id:
            raise MarkerError(f"{page_src_uri}: <!-- {kind}: {value} --> – ukjent mal; gyldige: {', '.join(by_id)}")
        if kind == "mal":
            return template_markdown(by_id[value], page_src_uri)
        item = by_id[value]
        script = f"{SITE_FOLDER}/{item.export_script.name}" if item.export_script else ""
        return form_html(item.template, export_script=script)

    return MARKER.sub(replace, markdown)
