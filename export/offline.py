"""«Last ned nettstedet for bruk uten nett»: the site built a second time for ``file://``, as a zip.

The second build is the same ``mkdocs.yml`` with ``VL_OFFLINE=true``: Material's offline plugin
turns on (``.html`` links instead of directory URLs, the search index inlined as a script), and
``hooks/eksport.py`` swaps the plugin's web-hosted Worker shim for the copy in ``vendor/`` and
turns off instant navigation (it fetches pages, which a browser refuses from disk).

The zip is cached under a hash of the online build's files (every input shows up there), so a warm
build that changed nothing only hashes and copies.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

FILENAME = "velferdslab-veilederen-uten-nett.zip"
FOLDER = "velferdslab-veilederen"  # the folder the zip unpacks to
ENV = "VL_OFFLINE"
PDF_ENV = "VL_GUIDE_PDF"
SHIM = Path(__file__).with_name("vendor") / "iframe-worker-shim.js"
SHIM_SITE_PATH = "assets/javascripts/iframe-worker-shim.js"
# Files of the online build that are not inputs to the offline copy (or are made from the date).
NOT_HASHED = ("sitemap.xml", "sitemap.xml.gz")
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def is_offline_build() -> bool:
    return os.environ.get(ENV, "").lower() in ("1", "true")


def site_fingerprint(site_dir: Path, skip: tuple[str, ...], code: bytes = b"") -> str:
    """Hash of every file of a built site except ``skip`` (site paths) and the sitemaps, and of
    the code that makes the offline copy (this module, the shim, and ``code``: the hook)."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + SHIM.read_bytes() + code)
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and relative not in skip and relative not in NOT_HASHED:
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def build_offline_site(config_file: Path, site_dir: Path, guide_pdf: Path) -> None:
    """Run the second, offline build into ``site_dir``; its output names the error if it fails."""
    env = {**os.environ, ENV: "true", PDF_ENV: str(guide_pdf), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(config_file), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"bygget for bruk uten nett feilet:\n{result.stderr[-3000:]}")


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
    """The site under ``FOLDER/``, files sorted with a fixed time: same site, same bytes."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
