"""PDF for print: the template's HTML (``render_html``) laid out by WeasyPrint as PDF/A-3a.

PDF/A-3a is archival PDF at level «a» (accessible): tagged structure, document language and
title, every font embedded. The fonts come from ``fonts`` (a locked package), the dates from the
template, and the file identifier is a hash of the content, so the same source gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

import weasyprint

from documents.render import fonts
from documents.render.render_html import body_html
from documents.templates import strings
from documents.templates.template import PAPER_MM, Template

PDF_VARIANT = "pdf/a-3a"
MARGIN_MM = {"A1": 20.0, "A3": 12.0, "A4": 10.0}
DOCUMENT_MARGIN_MM = 18.0
# Body text size on each paper. A poster scales by √2 per ISO step, so an A4 copy of the duk is
# the A1 poster reduced; a document is always read at arm's length, so it keeps one size.
POSTER_FONT_PT = {"A4": 8.0, "A3": 8.0 * 2**0.5, "A1": 16.0 * 2**0.5}
DOCUMENT_FONT_PT = 10.5
POSTER_HEADER_EM = 3.0
PT_TO_MM = 25.4 / 72
CSS_FILE = Path(__file__).with_name("print.css")


def page_size_mm(template: Template, paper: str) -> tuple[float, float]:
    width, height = PAPER_MM[paper]
    return (height, width) if template.orientation == "landscape" else (width, height)


def _class_css(template: Template) -> str:
    """Rules for the classes ``render_html`` gives write boxes (height in lines) and poster areas."""
    lines = sorted({f.lines for s in template.sections for f in s.fields if f.type == "write"})
    css = "".join(f".vl-tpl-write--{n} {{ --vl-lines: {n}; }}\n" for n in lines)
    return css + "".join(f".vl-tpl-area--{s.area} {{ grid-area: {s.area}; }}\n" for s in template.sections if s.area)


def _page_css(template: Template, paper: str) -> str:
    width, height = page_size_mm(template, paper)
    footer = escape(f"{template.title} – {strings.version_line(template.version, template.date)}")
    if template.layout == "poster":
        margin = MARGIN_MM[paper]
        font_pt = POSTER_FONT_PT[paper]
        header_mm = POSTER_HEADER_EM * font_pt * PT_TO_MM
        gap_mm = 0.6 * font_pt * PT_TO_MM
        # A little slack: rounding in the layout must never push the last grid row onto a page 2.
        grid_mm = height - 2 * margin - header_mm - gap_mm - 2
        rows = template.poster_areas
        areas = " ".join(f'"{row}"' for row in rows)
        columns = len(rows[0].split())
        return (
            f"@page {{ size: {width}mm {height}mm; margin: {margin}mm; }}\n"
            f"html {{ font-size: {font_pt:.3f}pt; }}\n"
            f".vl-tpl-header {{ display: flex; align-items: baseline; gap: 1.5em; height: {header_mm:.3f}mm; overflow: hidden; "
            f"margin-bottom: {gap_mm:.3f}mm; }}\n"
            f".vl-tpl-header h1, .vl-tpl-header p {{ margin: 0; }}\n"
            f".vl-tpl-poster {{ height: {grid_mm:.3f}mm; grid-template-areas: {areas}; "
            f"grid-template-columns: repeat({columns}, 1fr); grid-template-rows: repeat({len(rows)}, 1fr); }}\n"
        )
    return (
        f"@page {{ size: {width}mm {height}mm; margin: {DOCUMENT_MARGIN_MM}mm {DOCUMENT_MARGIN_MM}mm 22mm;\n"
        f'  @bottom-left {{ content: "{footer}"; font-size: 8pt; color: #4a4a4a; }}\n'
        f'  @bottom-right {{ content: "{strings.PAGE_OF[0]}" counter(page) "{strings.PAGE_OF[1]}" counter(pages);'
        f" font-size: 8pt; color: #4a4a4a; }} }}\n"
        f"html {{ font-size: {DOCUMENT_FONT_PT}pt; }}\n"
    )


def document_html(template: Template, paper: str) -> str:
    """The complete HTML document WeasyPrint lays out for one paper size."""
    stamp = dt.datetime.combine(template.date, dt.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    css = fonts.font_face_css() + f'html {{ font-family: "{fonts.FAMILY}"; }}\n'
    css += CSS_FILE.read_text(encoding="utf-8") + _class_css(template) + _page_css(template, paper)
    return (
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">'
        f"<title>{escape(template.title)}</title>"
        f'<meta name="description" content="{escape(template.summary)}">'
        f'<meta name="author" content="{strings.PUBLISHER}">'
        f'<meta name="generator" content="{strings.PUBLISHER}">'
        f'<meta name="dcterms.created" content="{stamp}">'
        f'<meta name="dcterms.modified" content="{stamp}">'
        f"<style>{css}</style></head><body>{body_html(template)}</body></html>"
    )


def render_pdf(template: Template, paper: str) -> bytes:
    html = weasyprint.HTML(string=document_html(template, paper), base_url=str(template.source.parent))
    return html.write_pdf(pdf_variant=PDF_VARIANT)
