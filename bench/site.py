"""Build times and page weights.

Prints: cold build (build caches emptied), warm build (nothing changed), a build of the same
Markdown with the hooks turned off (the yardstick for what hooks cost), and every page's transfer
weight — HTML plus the CSS and JavaScript it loads from the site, each gzipped.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache"
KEEP_IN_CACHE = {"tools", "lighthouse"}  # the uv bootstrap and bench/lighthouse.py, not build caches
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def timed_build(site_dir: Path, config_file: Path | None = None) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    if config_file:
        command += ["--config-file", str(config_file)]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def empty_build_caches() -> None:
    if CACHE.is_dir():
        for entry in CACHE.iterdir():
            if entry.name not in KEEP_IN_CACHE:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def config_without_hooks(folder: Path) -> Path:
    config = folder / "mkdocs-uten-hooks.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  custom_dir: {ROOT / 'theme' / 'overrides'}\n"
        "hooks: []\n"
        "watch: []\n"  # mkdocs.yml's watch paths are relative to the repository
        "strict: false\n",  # markers stay as comments and links to generated files dangle
        encoding="utf-8",
    )
    return config


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def page_weights(site: Path) -> list[tuple[str, int, int, int]]:
    """(page, html, css, js) in gzipped bytes, for every HTML page outside assets/."""
    rows = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        css = js = 0
        for href in ASSET.findall(html.read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:", "//", "data:")):
                continue
            href = href.split("?")[0]
            # 404.html links assets from the site root (it is served at any depth).
            asset = (site / href.lstrip("/")) if href.startswith("/") else (html.parent / href).resolve()
            if asset.is_file():
                if asset.suffix == ".css":
                    css += gzipped_size(asset)
                else:
                    js += gzipped_size(asset)
        rows.append(("/" + relative.removesuffix("index.html"), gzipped_size(html), css, js))
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty_build_caches()
        cold = timed_build(folder / "cold")
        warm = min(timed_build(folder / f"warm{i}") for i in range(3))
        plain = min(timed_build(folder / f"plain{i}", config_without_hooks(folder)) for i in range(3))
        print(f"cold_build_seconds {cold:.2f}")
        print(f"warm_build_seconds {warm:.2f}   (best of 3)")
        print(f"build_without_hooks_seconds {plain:.2f}   (best of 3)")
        print(f"warm_over_without_hooks {warm / plain:.2f}   (budget 1.20)")
        print("page  html_kB  css_kB  js_kB  total_kB   (gzipped)")
        for page, html, css, js in page_weights(folder / "warm0"):
            total = html + css + js
            print(f"{page}  {html / 1000:.1f}  {css / 1000:.1f}  {js / 1000:.1f}  {total / 1000:.1f}")


if __name__ == "__main__":
    main()
