"""Lighthouse on the site as it ships: built, served by nginx with deploy/nginx.conf.

Prints, per page type (home, a guide page, each calculator, the templates gallery, the notebook
page), the median Lighthouse scores (performance, accessibility, best practices, SEO) on a phone
(Lighthouse's default mobile emulation and throttling) and on a desktop, with a vanilla Material
site (the same guide page's Markdown, Material's defaults, no web fonts) served the same way as the
baseline. Then the transfer of each calculator page over the guide page, counting the HTML, CSS
and JavaScript the page loads (gzipped), and the same with the search index both pages fetch.

Lighthouse itself (npm ``lighthouse``, 12.x — the version the issue measured with; 13 needs a
newer Node) is installed on first use into ``.cache/lighthouse/`` and runs Debian's Chromium
(CHROME_PATH). Not needed by the tests. ``VL_LIGHTHOUSE_RUNS`` sets the runs per page (default 3).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.site import gzipped_size, page_weights
from deploy.lokal import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "12.8.2"
PREFIX = ROOT / ".cache" / "lighthouse"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GUIDE = "kom-i-gang/1-forankring/"
PAGES = {
    "home": "",
    "guide": GUIDE,
    "familie": "okonomi/familie/",
    "utenforskap": "okonomi/utenforskap/",
    "investeringsmotet": "okonomi/investeringsmotet/",
    "maler": "maler/",
    "notatbok": "okonomi/metode/",
}
CALCULATORS = ["familie", "utenforskap", "investeringsmotet"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_lighthouse() -> None:
    if CLI.exists():
        return
    if not shutil.which("npm"):
        sys.exit("npm mangler: apt-get install npm")
    print(f"# installerer lighthouse@{LIGHTHOUSE_VERSION} i {PREFIX}", flush=True)
    PREFIX.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PREFIX),
                    f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)


def build(site: Path, url: str, config: Path | None = None) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    if config:
        command += ["--config-file", str(config)]
    else:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VL_SITE_URL": url}
    subprocess.run(command, cwd=ROOT, check=True, env=env, stderr=subprocess.DEVNULL)


def vanilla_config(folder: Path, url: str) -> Path:
    """A plain Material site: the guide page's Markdown as its home page, Material's defaults."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text((ROOT / "docs" / GUIDE.rstrip("/")).with_suffix(".md")
                                   .read_text(encoding="utf-8"), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Vanilla Material\nsite_url: {url}\ndocs_dir: {docs}\n"
        "theme:\n  name: material\n  language: nb\n  font: false\n"
        "plugins:\n  - search\nmarkdown_extensions:\n  - attr_list\n  - md_in_html\n  - admonition\n"
        "  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    return config


def lighthouse(url: str, desktop: bool) -> dict[str, float]:
    command = ["node", str(CLI), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    if desktop:
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROME},
                            timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse {url}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def lighthouse_retrying(url: str, desktop: bool, attempts: int = 3) -> dict[str, float]:
    """Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART): run it again."""
    for attempt in range(attempts):
        try:
            return lighthouse(url, desktop)
        except RuntimeError as error:
            if attempt == attempts - 1:
                raise
            print(f"# på nytt etter feil: {str(error).splitlines()[0][:160]}", flush=True)
    raise AssertionError("unreachable")


def median_scores(url: str, desktop: bool, runs: int) -> dict[str, float]:
    results = [lighthouse_retrying(url, desktop) for _ in range(runs)]
    return {name: statistics.median(r[name] for r in results) for name in CATEGORIES}


def fmt(scores: dict[str, float]) -> str:
    return "/".join(f"{scores[name]:.0f}" for name in CATEGORIES)


def main() -> None:
    # Stopped with SIGTERM: leave through the context managers, so nginx and Chromium stop too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    runs = int(os.environ.get("VL_LIGHTHOUSE_RUNS", "3"))
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        port, vanilla_port = free_port(), free_port()
        site, vanilla = folder / "site", folder / "vanilla"
        build(site, f"http://127.0.0.1:{port}/")
        build(vanilla, f"http://127.0.0.1:{vanilla_port}/",
              vanilla_config(folder / "vanilla-src", f"http://127.0.0.1:{vanilla_port}/"))
        with serve(site, port, folder / "nginx") as served, \
                serve(vanilla, vanilla_port, folder / "nginx-vanilla") as baseline:
            print(f"# Lighthouse {LIGHTHOUSE_VERSION}, median of {runs}; "
                  f"scores {'/'.join(CATEGORIES)}; served by nginx (deploy/nginx.conf)")
            print("page  mobile  desktop")
            for name, path in PAGES.items():
                mobile = median_scores(served.url + path, False, runs)
                desktop = median_scores(served.url + path, True, runs)
                print(f"{name}  {fmt(mobile)}  {fmt(desktop)}", flush=True)
            mobile = median_scores(baseline.url, False, runs)
            desktop = median_scores(baseline.url, True, runs)
            print(f"vanilla-material  {fmt(mobile)}  {fmt(desktop)}", flush=True)

        weights = {page: html + css + js for page, html, css, js in page_weights(site)}
        index = gzipped_size(site / "search" / "search_index.json")
        guide = weights["/" + GUIDE]
        print("# transfer, gzipped: HTML + CSS + JS the page loads (budget 1.15), and with the search index")
        for name in CALCULATORS:
            page = weights["/" + PAGES[name]]
            print(f"{name}_over_guide {page / guide:.3f}   with_search_index {(page + index) / (guide + index):.3f}"
                  f"   ({page / 1000:.1f} kB / {guide / 1000:.1f} kB; index {index / 1000:.1f} kB)")


if __name__ == "__main__":
    main()
