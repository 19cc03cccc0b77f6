"""«Last ned nettstedet for bruk uten nett»: the built site, made to work from ``file://``, as a zip.

No second build: ``make_copy`` takes the site the engine built (``sitegen.post`` runs it) and
changes what a browser needs to open it from disk:

- links to a folder (``../kurs/``) or to a Markdown file (left by the notebook renderer) point at
  the file (``../kurs/index.html``): from disk a folder link shows a file listing;
- the search index is also written as a script (``search/search_index.js``, ``var __index = …``),
  which Material's search loads from ``file://``, with the result links pointing at files;
- the Worker shim from ``vendor/`` is loaded on each page (Material's search runs in a Worker,
  which browsers refuse from disk without it), and instant navigation is off (it fetches pages);
- the page with the download says «Du bruker nå kopien …» instead of linking to the zip; with
  the placeholder address every page carries ``site_address.NOTICE``; ``404.html`` is left out.

The zip is cached under a hash of the online build's files (every input shows up there), so a warm
build that changed nothing only hashes and copies.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from veileder import zips

FILENAME = "velferdslab-veilederen-uten-nett.zip"
FOLDER = "velferdslab-veilederen"  # the folder the zip unpacks to
SHIM = Path(__file__).with_name("vendor") / "iframe-worker-shim.js"
SHIM_SITE_PATH = "assets/javascripts/iframe-worker-shim.js"
# Files of the online build that are not inputs to the offline copy (or are made from the date).
NOT_HASHED = ("sitemap.xml", "sitemap.xml.gz")
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def site_fingerprint(site_dir: Path, skip: tuple[str, ...], code: bytes = b"") -> str:
    """Hash of every file of a built site except ``skip`` (site paths) and the sitemaps, and of
    the code that makes the offline copy (this module, the shim, and ``code``: sitegen/post.py's)."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + SHIM.read_bytes() + code)
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and relative not in skip and relative not in NOT_HASHED:
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


HREF = re.compile(r'(href|src)="([^"#?:]*)([?#][^"]*)?"')


def link_files(site_dir: Path) -> int:
    """Point links that name a folder (``personvern/``, written into a theme partial) or a Markdown
    file (``metode-familie.md``, left by the notebook renderer) at the page the offline build made
    for it (``personvern.html`` or ``…/index.html``): from disk a folder link shows a file listing.
    Returns how many links were changed."""
    changed = 0
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")

        def fix(match: re.Match, html: Path = html) -> str:
            nonlocal changed
            attribute, path, rest = match.group(1), match.group(2), match.group(3) or ""
            if not path or path.startswith("/") or (html.parent / path).is_file():
                return match.group(0)
            stem = path.rstrip("/").removesuffix(".md")  # .md: links the notebook renderer left as written
            if stem not in ("", ".", "..") and (html.parent / f"{stem}.html").is_file():
                new = f"{stem}.html"
            elif (html.parent / path / "index.html").is_file():
                new = f"{stem}/index.html" if stem else "index.html"
            else:
                return match.group(0)
            changed += 1
            return f'{attribute}="{new}{rest}"'

        new_text = HREF.sub(fix, text)
        if new_text != text:
            html.write_text(new_text, encoding="utf-8")
    return changed


def write_zip(site_dir: Path, target: Path) -> None:
    """The site under ``FOLDER/``, files sorted with a fixed time: same site, same bytes
    (``veileder.zips``, the build's one zip writer; zlib's default level, as before)."""
    files = (path for path in sorted(site_dir.rglob("*")) if path.is_file())
    entries = ((f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", path.read_bytes()) for path in files)
    zips.write_zip(entries, target, date_time=ZIP_TIME, level=None)


CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
ZIP_LINK = re.compile(r'<a class="md-button" href="[^"]*' + re.escape(FILENAME) + r'">[^<]*</a>')
ARTICLE = '<article class="md-content__inner md-typeset">'
OFFLINE_NOTE = "<em>Du bruker nå kopien for bruk uten nett.</em>"


def _file_location(location: str) -> str:
    path, hash_mark, anchor = location.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + hash_mark + anchor


def make_copy(site_dir: Path, target: Path, banner: str = "") -> None:
    """The built site ``site_dir`` as a copy for use without a network, in ``target``; ``banner``
    (HTML) goes at the top of every page's content."""
    shutil.copytree(site_dir, target, ignore=lambda folder, names: [n for n in names if n == FILENAME])
    (target / "404.html").unlink(missing_ok=True)  # for a web server; on disk it is never shown
    shim = target / SHIM_SITE_PATH
    shim.parent.mkdir(parents=True, exist_ok=True)
    shim.write_bytes(SHIM.read_bytes())
    for html in sorted(target.rglob("*.html")):
        text = html.read_text(encoding="utf-8")

        text = CONFIG.sub(lambda m: m[1] + re.sub(r'"navigation\.instant",\s*', "", m[2]) + m[3], text, count=1)
        shim_url = Path(os.path.relpath(shim, html.parent)).as_posix()
        text = text.replace("</head>", f'<script src="{shim_url}"></script></head>', 1)
        text = ZIP_LINK.sub(OFFLINE_NOTE, text)
        if banner:
            text = text.replace(ARTICLE, ARTICLE + banner, 1)
        html.write_text(text, encoding="utf-8")
    index = target / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        for doc in data.get("docs", []):
            doc["location"] = _file_location(doc["location"])
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        index.write_text(text, encoding="utf-8")
        (target / "search" / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
    link_files(target)
