"""Exports (issue 13): the size of every file a calculator exports, the time from the click to the
file in Chromium (first click, which loads the export code, and a second one), the size of the
export code that loads on demand, and that a calculator page loads none of it.

Builds the site into a temporary folder, serves it on 127.0.0.1 and measures in Chromium.
Set VL_BENCH_SITE to an already built site folder to skip the build.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import Request, sync_playwright

CHROMIUM = "/usr/bin/chromium"
PAGES = {"familie": "okonomi/familie/", "utenforskap": "okonomi/utenforskap/",
         "investeringsmote": "okonomi/investeringsmotet/"}
FORMATS = ("odt", "docx", "xlsx", "csv")

# In the page: the time of the click on an export button, and of the click on the download link.
TIMER = """() => {
  window.vlBench = {};
  document.addEventListener("click", (e) => {
    if (e.target.closest("[data-vl-format]")) window.vlBench.start = performance.now();
  }, true);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.vlBench.file = performance.now();
    return click.call(this);
  };
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _record(urls: list[str], request: Request) -> None:
    urls.append(request.url)


def measure(site: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for model_id, path in PAGES.items():
            page = browser.new_page(accept_downloads=True)
            loaded: list[str] = []
            page.on("request", functools.partial(_record, loaded))
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_selector("[data-vl-bound]")
            at_load = [u for u in loaded if "/assets/eksport/" in u]
            print(f"{model_id}_export_code_loaded_at_page_load {len(at_load)}   (must be 0)")
            page.evaluate(TIMER)
            for fmt in FORMATS:
                times = []
                for _ in range(2):
                    with page.expect_download() as info:
                        page.locator(f'[data-vl-format="{fmt}"]').first.click()
                    size = Path(info.value.path()).stat().st_size
                    times.append(page.evaluate("window.vlBench.file - window.vlBench.start"))
                print(f"{model_id}_{fmt}_bytes {size}   click_to_file_ms first {times[0]:.0f} again {times[1]:.0f}")
            code = [u for u in loaded if "/assets/eksport/" in u]
            for url in code:
                body = (site / url.split(base, 1)[1].split("?")[0]).read_bytes()
                print(f"{model_id}_export_code_bytes {len(body)}   gzip {len(gzip.compress(body, 9))}   (on demand)")
            page.close()
        browser.close()
    server.shutdown()


def main() -> None:
    if os.environ.get("VL_BENCH_SITE"):
        measure(Path(os.environ["VL_BENCH_SITE"]))
        return
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                       check=True)
        measure(site)


if __name__ == "__main__":
    main()
