"""«Hele veilederen som PDF»: every page in the public navigation, in order, as one A4 PDF/A-3a.

Made from the same HTML the site shows (each page's content as the engine built it), laid out
by WeasyPrint with the templates' fonts: a cover, a table of contents with page numbers, the
navigation's sections as parts, PDF bookmarks for parts, pages and their main headings. Links
between pages become links inside the PDF; other links point at the published site. A calculator
is shown with the results for its standard figures, and a link and QR code to the live page.

``cache_key`` is cheap (hashes of the collected HTML and the images it shows); only a cache miss
parses the pages (``guide_html``) and imports WeasyPrint (``render``).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import posixpath
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from veileder import site_address

CSS_FILE = Path(__file__).with_name("guide-pdf.css")
TITLE = "Velferdslab-veilederen"
SUBTITLE = "Hele veilederen som PDF"
FILENAME = "velferdslab-veilederen.pdf"
IMG_SRC = re.compile(r'<img[^>]+src="([^"]+)"')


@dataclass(frozen=True)
class GuidePage:
    part: str  # the navigation section it is under ("" for top-level pages)
    title: str
    url: str  # site path, e.g. "kom-i-gang/1-forankring/" (or ".html" in the offline build)
    content: str  # the page's HTML body as built


def _slug(url: str) -> str:
    return "p-" + (re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "forside")


def cache_key(pages: list[GuidePage], site_url: str, site_dir: Path) -> str:
    """Changes when the PDF could: the pages, their images, this code and its CSS, the libraries,
    and the commit's time, which the PDF's metadata holds (``_stamp``). The fonts (their bytes),
    the render package's code and its libraries are in ``generator_fingerprint``."""
    from documents.render.fingerprint import generator_fingerprint

    digest = hashlib.sha256(_stamp().encode() + generator_fingerprint().encode())
    for name in ("weasyprint", "pydyf", "beautifulsoup4", "segno", "fonttools", "pillow"):
        digest.update(f"{name}=={importlib.metadata.version(name)}\0".encode())
    digest.update(Path(__file__).read_bytes() + CSS_FILE.read_bytes() + site_url.encode())
    digest.update(_placeholder_css(site_url).encode())
    for page in pages:
        digest.update(f"{page.part}\0{page.title}\0{page.url}\0{page.content}\0".encode())
        for src in IMG_SRC.findall(page.content):
            if not src.startswith("data:"):
                image = site_dir / posixpath.normpath(posixpath.join(posixpath.dirname(page.url), src.split("?")[0]))
                digest.update(image.read_bytes() if image.is_file() else b"-")
    return digest.hexdigest()[:32]


def _qr_img(url: str, size_mm: float = 30) -> str:
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=4, omitsize=True)
    data = base64.b64encode(svg.encode()).decode()
    return (f'<img class="vl-qr" src="data:image/svg+xml;base64,{data}" style="width:{size_mm}mm;height:{size_mm}mm" '
            f'alt="QR-kode til {escape(url)}">')


def _text(tag, name: str) -> str:
    """An attribute's value as text. BeautifulSoup gives a list for the attributes HTML lets hold
    several values (``class``, ``rel``); those are joined with single spaces. The attributes read
    here (``href``, ``src``, ``srcset``, ``aria-labelledby``) are text under html.parser."""
    value = tag.get(name, "")
    return value if isinstance(value, str) else " ".join(value)


def _rewrite_page(page: GuidePage, by_url: dict[str, str], site_url: str):
    """The page's content as a BeautifulSoup fragment with ids, links and calculators fixed for print."""
    from bs4 import BeautifulSoup

    slug = _slug(page.url)
    soup = BeautifulSoup(page.content, "html.parser")
    for tag in soup.select("script, style, noscript, a.headerlink, a.anchor-link, clipboard-copy, .clipboard-copy-txt, "
                            ".md-source-file, form, button"):
        tag.decompose()
    for tag in soup.find_all(id=True):
        tag["id"] = f"{slug}--{tag['id']}"
    for tag in soup.select("[aria-labelledby]"):
        tag["aria-labelledby"] = " ".join(f"{slug}--{i}" for i in _text(tag, "aria-labelledby").split())
    page_abs = urljoin(site_url, page.url)
    for link in soup.find_all("a", href=True):
        href = _text(link, "href")
        if href.startswith("#"):
            link["href"] = f"#{slug}--{href[1:]}" if len(href) > 1 else f"#{slug}"
            continue
        target = urljoin(page_abs, href)
        parts = urlsplit(target)
        if target.startswith(site_url) and not parts.query and "=" not in parts.fragment:  # not a scenario
            path = parts.path[len(urlsplit(site_url).path):]
            if path in by_url:
                link["href"] = f"#{by_url[path]}--{parts.fragment}" if parts.fragment else f"#{by_url[path]}"
                continue
        link["href"] = target
    for image in soup.find_all("img", src=True):
        if image.get("srcset"):  # WeasyPrint reads only src: paper gets the sharpest candidate
            image["src"] = _text(image, "srcset").split(",")[-1].split()[0]
            del image["srcset"]
        if not _text(image, "src").startswith("data:"):
            image["src"] = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), _text(image, "src")))
    for calc in soup.select("[data-vl-calc]"):
        # Charts and year-by-year tables are for exploring on screen; on paper the results for the
        # standard figures, who pays and saves, and the assumptions with their sources are enough.
        # The phone's summary bar repeats the first figure: on paper it is a stray line.
        for tag in calc.select("svg.vl-calc__chart, details, table.vl-calc__years, .vl-calc__live, .vl-calc__peek"):
            tag.decompose()
        for heading in calc.select("h3"):
            if heading.get_text().strip().endswith("år for år"):
                heading.decompose()
        note = BeautifulSoup(
            '<aside class="vl-print-calc"><p><strong>Kalkulatoren regner på nettsiden.</strong> Her ser du '
            "resultatet for standardtallene. Diagrammer og tabeller år for år finner du på nettsiden. "
            "Åpne kalkulatoren for å regne med egne tall: "
            f'<a href="{escape(page_abs)}">{escape(page_abs)}</a></p>{_qr_img(page_abs)}</aside>',
            "html.parser")
        calc.insert(0, note)
    return soup, slug


def guide_html(pages: list[GuidePage], site_url: str) -> str:
    """The whole guide as one HTML document for WeasyPrint (images as site-relative paths)."""
    from documents.render import fonts

    by_url = {page.url: _slug(page.url) for page in pages}
    toc, body, part = [], [], None
    for page in pages:
        soup, slug = _rewrite_page(page, by_url, site_url)
        if page.part != part:
            part = page.part
            if part:
                part_id = f"del-{_slug(part)}"
                toc.append(f'<li class="vl-toc-part"><a href="#{part_id}">{escape(part)}</a></li>')
                body.append(f'<h1 class="vl-part" id="{part_id}">{escape(part)}</h1>')
        heading = soup.find("h1")
        if heading is not None:
            heading.extract()
        level = "vl-toc-page" if page.part else "vl-toc-part"
        toc.append(f'<li class="{level}"><a href="#{slug}">{escape(page.title)}</a></li>')
        tag = "h2" if page.part else "h1"
        body.append(f'<section class="vl-page{" vl-page--top" if not page.part else ""}" id="{slug}">'
                    f'<{tag} class="vl-page-title">{escape(page.title)}</{tag}>{soup}</section>')
    css = fonts.font_face_css() + f'html {{ font-family: "{fonts.FAMILY}"; }}\n' + CSS_FILE.read_text(encoding="utf-8")
    css += _placeholder_css(site_url)
    notice = (f'<p class="vl-placeholder">{escape(site_address.NOTICE)}</p>'
              if site_address.is_placeholder(site_url) else "")
    cover = (f'<section class="vl-cover"><p class="vl-cover-kicker">{escape(SUBTITLE)}</p>'
             f"<h1 class=\"vl-cover-title\">{escape(TITLE)}</h1>"
             "<p>Veiledning, maler og kalkulatorer for kommuner som vil starte og drive en velferdslab.</p>"
             f'<p>Laget fra nettstedet <a href="{escape(site_url)}">{escape(site_url)}</a>. '
             f"Kalkulatorene og malene finner du der.</p>{notice}</section>")
    return (
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">'
        f"<title>{escape(TITLE)}</title>"
        f'<meta name="description" content="{escape(SUBTITLE)}"><meta name="author" content="{TITLE}">'
        # Dates from the commit (SOURCE_DATE_EPOCH from sitegen/stage.py, set by hooks/site.py or sitegen/engine.py), not the build clock:
        # the same commit gives the same bytes.
        f'<meta name="dcterms.created" content="{_stamp()}"><meta name="dcterms.modified" content="{_stamp()}">'
        f"<style>{css}</style></head><body>{cover}"
        f'<nav class="vl-toc" aria-label="Innhold"><h1 class="vl-toc-title">Innhold</h1><ol>{"".join(toc)}</ol></nav>'
        f'<main>{"".join(body)}</main></body></html>'
    )


def _placeholder_css(site_url: str) -> str:
    """Built without VL_SITE_URL, every link points at a domain that does not exist: every page
    says so at its head (the cover says it under the address)."""
    if not site_address.is_placeholder(site_url):
        return ""
    return (f'@page {{ @top-left {{ content: "{site_address.NOTICE}"; font-size: 8pt; font-weight: 700; '
            "color: #b00020; } }\n@page :first { @top-left { content: none; } }\n"
            ".vl-placeholder { padding: 2mm 3mm; border: 0.5mm solid #b00020; color: #b00020; font-weight: 700; }\n")


def _stamp() -> str:
    import datetime as dt
    import os

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render(html: str, site_dir: Path) -> bytes:
    import mimetypes
    import urllib.parse

    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    # A base address that is the same in every checkout: WeasyPrint names each image after its
    # URL, so the folder the site was built in must not be part of it (same commit, same bytes).
    base = "https://bygg.invalid/"
    root = site_dir.resolve()

    class Fetcher(URLFetcher):
        def fetch(self, url, headers=None):  # noqa: ANN001, ANN202 - WeasyPrint's signature
            if url.startswith(base):
                path = root / urllib.parse.unquote(url[len(base):].split("#")[0].split("?")[0])
                return URLFetcherResponse(url, body=path.read_bytes(),
                                          headers={"Content-Type": mimetypes.guess_type(path.name)[0] or ""})
            return super().fetch(url, headers)

    return weasyprint.HTML(string=html, base_url=base, url_fetcher=Fetcher()).write_pdf(pdf_variant="pdf/a-3a")
