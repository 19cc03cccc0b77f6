"""After the engine has built the site: the whole-guide PDF and the offline zip, from the site.

``run(site_dir, staging)``:

- Material's script bundle gets ``defer`` on every page (``veileder.publish``);
- «Hele veilederen som PDF» from each page's finished HTML (kept by ``sitegen.markdown_ext`` in
  ``<staging>/content/``), in navigation order (``stage.json``), cached by content hash;
- the copy for use without a network from the built site itself (``documents.guide.offline.make_copy``),
  as a zip, cached by a hash of the site;
- the download links' sizes («, 4,2 MB») in the pages and the search index;
- each page's date in ``sitemap.xml`` (and ``.gz``, as MkDocs writes it) is its last commit's.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
import tempfile
from datetime import UTC
from pathlib import Path

from sitegen.check import ROOT
from sitegen.markdown_ext import content_file
from sitegen.stage import FOLDER_PDF, FOLDER_ZIP, SIZE_SLOT
from sitegen.urls import page_url

SITEMAP_ENTRY = re.compile(r"(<loc>([^<]*)</loc>\s*<lastmod>)([^<]*)(</lastmod>)")

CACHE = ROOT / ".cache"


class NotStaged(RuntimeError):
    """``post`` on a staging folder the stage has not written (no ``stage.json``)."""
PLACEHOLDER_BANNER = (
    '<div class="admonition warning"><p class="admonition-title">{notice}</p>'
    "<p>Denne kopien ble laget uten adressen nettstedet skal ligge på. Lenkene og QR-kodene peker på en "
    "adresse som ikke finnes.</p></div>"
)


def fill_sizes(site_dir: Path, sizes: dict[str, int | None]) -> None:
    """Every slot for a download in the built pages and the search index becomes «, 4,2 MB»."""
    from documents.templates.strings import format_size

    texts = {SIZE_SLOT.format(path=path): f", {format_size(size)}" if size is not None else ""
             for path, size in sizes.items()}
    for path in [*site_dir.rglob("*.html"), *site_dir.glob("search/*.json"), *site_dir.glob("search/*.js")]:
        content = path.read_text(encoding="utf-8")
        if "@@vl-size:" in content:
            for slot, text in texts.items():
                content = content.replace(slot, text)
            path.write_text(content, encoding="utf-8")


def guide_pages(staging: Path, settings: dict) -> list:
    from documents.guide import guide_pdf

    slots = {SIZE_SLOT.format(path=p): "" for p in (FOLDER_PDF, FOLDER_ZIP)}
    pages = []
    for part, title, src in settings["nav"]:
        captured = content_file(staging, src)
        if not captured.is_file():
            continue
        data = json.loads(captured.read_text(encoding="utf-8"))
        content = data["content"]
        for slot, text in slots.items():
            content = content.replace(slot, text)
        pages.append(guide_pdf.GuidePage(part, title or data["title"] or "", page_url(src), content))
    return pages


def defer_bundle(site_dir: Path) -> None:
    from veileder.publish import defer_material_bundle

    for path in site_dir.rglob("*.html"):
        if path.relative_to(site_dir).as_posix() == "404.html":
            continue  # not a page (MkDocs renders it from a template)
        text = path.read_text(encoding="utf-8")
        deferred = defer_material_bundle(text)
        if deferred != text:
            path.write_text(deferred, encoding="utf-8")


def fix_sitemap(site_dir: Path, site_url: str, dates: dict[str, str]) -> None:
    """Every page's ``<lastmod>`` is the date of its last commit (``dates``: page URL → ISO date);
    ``sitemap.xml.gz`` is written again with the newest date as its time, as MkDocs does."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")

    def date(match: re.Match) -> str:
        url = match[2].removeprefix(site_url)
        return match[1] + dates.get(url, match[3]) + match[4]

    text = SITEMAP_ENTRY.sub(date, text)
    sitemap.write_text(text, encoding="utf-8")
    newest = max((m[3] for m in SITEMAP_ENTRY.finditer(text)), default=None)
    if newest:
        from datetime import datetime

        stamp = int(datetime.fromisoformat(newest).replace(tzinfo=UTC).timestamp())
        with open(site_dir / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(
                fileobj=raw, filename=str(site_dir / "sitemap.xml.gz"), mode="wb", mtime=stamp) as zipped:
            zipped.write(text.encode("utf-8"))


def offline_banner(site_url: str | None) -> str:
    """What every page of the offline copy says first when the address is the placeholder."""
    from veileder import site_address

    return PLACEHOLDER_BANNER.format(notice=site_address.NOTICE) if site_address.is_placeholder(site_url) else ""


def run(site_dir: Path, staging: Path, log=lambda message: print(message, file=sys.stderr)) -> None:
    from documents.guide import guide_pdf, offline
    from veileder import site_address
    from veileder.cache import cached_entry

    if not (staging / "stage.json").is_file():
        raise NotStaged(f"{staging}/stage.json finnes ikke: stagen har ikke kjørt der. Kjør først "
                        f"python -m sitegen build --out {staging}, bygg nettstedet fra {staging}/docs, "
                        "og så post (eller alt på én gang: python -m sitegen site)")
    settings = json.loads((staging / "stage.json").read_text(encoding="utf-8"))
    defer_bundle(site_dir)
    fix_sitemap(site_dir, settings["site_url"] or "", settings["dates"])
    site_url = site_address.published_url(settings["site_url"])
    pages = guide_pages(staging, settings)
    key = guide_pdf.cache_key(pages, site_url, site_dir)

    def make_pdf(directory: Path) -> None:
        (directory / guide_pdf.FILENAME).write_bytes(guide_pdf.render(guide_pdf.guide_html(pages, site_url), site_dir))

    entry, made = cached_entry(CACHE / "guide-pdf", key, make_pdf)
    if made:
        log("Hele veilederen som PDF laget på nytt")
    pdf = entry / guide_pdf.FILENAME
    shutil.copyfile(pdf, site_dir / FOLDER_PDF)
    fill_sizes(site_dir, {FOLDER_PDF: pdf.stat().st_size})

    banner = offline_banner(settings["site_url"])

    def make_zip(directory: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="vl-uten-nett-") as tmp:
            offline.make_copy(site_dir, Path(tmp) / "site", banner)
            fill_sizes(Path(tmp) / "site", {FOLDER_ZIP: None})  # the copy has no zip to size
            offline.write_zip(Path(tmp) / "site", directory / offline.FILENAME)

    from veileder import zips  # the zip writer: part of the bytes (documents/render/fingerprint.py hashes it too)

    code = (Path(__file__).read_bytes() + Path(site_address.__file__).read_bytes() + Path(zips.__file__).read_bytes()
            + banner.encode())
    key = offline.site_fingerprint(site_dir, (FOLDER_ZIP,), code)
    entry, made = cached_entry(CACHE / "uten-nett", key, make_zip)
    if made:
        log("Kopien for bruk uten nett laget på nytt")
    shutil.copyfile(entry / offline.FILENAME, site_dir / FOLDER_ZIP)
    fill_sizes(site_dir, {FOLDER_ZIP: (entry / offline.FILENAME).stat().st_size})

