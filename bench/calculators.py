"""Calculator budgets (BRIEF §6): own JavaScript on a calculator page (≤ 20 kB gzipped),
recompute time after one input change (≤ 5 ms, median of 1000 changes in Chromium) and the
transfer of a calculator page relative to a plain guide page (≤ 1.15×).

Builds the site into a temporary folder, serves it on 127.0.0.1 and measures in Chromium.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CALCULATOR_PAGE = "okonomi/investeringsmotet/"
PLAIN_PAGE = "kom-i-gang/1-forankring/"
CHROMIUM = "/usr/bin/chromium"
MATERIAL_JS = ("assets/javascripts/bundle.", "assets/javascripts/lunr/", "assets/javascripts/workers/")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _own_js(bodies: dict[str, bytes]) -> int:
    return sum(len(gzip.compress(b, 9)) for u, b in bodies.items()
               if u.split("?")[0].endswith(".js") and not any(m in u for m in MATERIAL_JS))


def transfer(page, url: str, interact: str = "") -> tuple[int, ...]:
    """(all bytes gzipped, own JavaScript bytes gzipped) that loading ``url`` fetches, until the
    network is idle: what a reader gets before touching the page. With ``interact`` (a field's
    selector) also the own JavaScript after focusing it — the reader's first interaction, which
    loads the runtime, the model's file and the uncertainty engine (issue 12/15: not part of the
    page at load; kalkulator-start.js)."""
    bodies: dict[str, bytes] = {}
    page.on("response", lambda r: bodies.setdefault(r.url, r.body()) if r.ok else None)
    page.goto(url, wait_until="networkidle")
    total = sum(len(gzip.compress(b, 9)) for b in bodies.values())
    own = _own_js(bodies)
    if not interact:
        return total, own
    page.focus(interact)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("[data-vl-interval-ready]", timeout=60_000)
    touched = _own_js(bodies)
    # The first change away from the defaults also loads the rest of the view (mer.<hash>.js: the
    # reading sentence's paragraph and main chart, the tables, «Flere diagrammer», the year tables
    # and the uncertainty block; issue 23). The headline card, its midtverdi, interval and share
    # in plus come before it (the runtime and usikkerhet.<hash>.js).
    page.fill(interact, "3")
    page.wait_for_function("() => !!globalThis.vlVisningMer", timeout=60_000)
    page.wait_for_timeout(500)
    return total, own, touched, _own_js(bodies)


RECOMPUTE = """(n) => {
  const box = document.querySelector('#vl-investeringsmote-deltakere_kommune');
  const times = [];
  for (let i = 0; i < n; i++) {
    box.value = String(1 + (i % 20));
    const start = performance.now();
    box.dispatchEvent(new Event('input', { bubbles: true }));
    times.push(performance.now() - start);
  }
  return times;
}"""


UNCERTAIN_PAGES = ("okonomi/familie/", "okonomi/utenforskap/")
# Issue 12: after the last keystroke, how long until the interval is drawn, and the longest
# main-thread task meanwhile (PerformanceObserver «longtask» reports tasks over 50 ms).
INTERVAL = """async ([selector, values]) => {
  const root = document.querySelector('[data-vl-calc]'), box = document.querySelector(selector);
  const result = [];
  for (const value of values) {
    const long = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const before = root.dataset.vlIntervalReady;
    box.value = String(value);
    const start = performance.now();
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const point = performance.now() - start;
    await new Promise((resolve) => {
      const check = () => (root.dataset.vlIntervalReady !== undefined && root.dataset.vlIntervalReady !== before)
        ? resolve() : setTimeout(check, 1);
      check();
    });
    const ready = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer.disconnect();
    result.push([point, ready, Math.max(0, ...long)]);
  }
  return result;
}"""
FIELDS = {"okonomi/familie/": "#vl-familie-optimisme", "okonomi/utenforskap/": "#vl-utenforskap-suksessrate"}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                        "--site-dir", str(site)], check=True)
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            calc_total, calc_own = transfer(browser.new_page(), base + CALCULATOR_PAGE)
            plain_total, _ = transfer(browser.new_page(), base + PLAIN_PAGE)
            page = browser.new_page()
            page.goto(base + CALCULATOR_PAGE)
            page.hover("[data-vl-calc] form")  # the reader's first move loads the runtime
            page.wait_for_selector("[data-vl-bound]")
            times = page.evaluate(RECOMPUTE, 1000)
            uncertain = {}
            for path in UNCERTAIN_PAGES:
                _, own, touched, changed = transfer(browser.new_page(), base + path, FIELDS[path])
                page = browser.new_page()
                page.goto(base + path)
                page.focus(FIELDS[path])  # the first interaction loads the runtime and the uncertainty engine
                page.wait_for_selector("[data-vl-bound]")
                page.wait_for_selector("[data-vl-interval-ready]", timeout=60_000)
                runs = page.evaluate(INTERVAL, [FIELDS[path], [12, 14, 16, 18, 20, 22, 24, 26, 28, 30]])
                uncertain[path] = (own, touched, changed, runs)
            browser.close()
        server.shutdown()
    print(f"calculator_own_js_gzip_bytes {calc_own}   (budget 20480)")
    print(f"recompute_median_ms {statistics.median(times):.3f}   (budget 5; p95 "
          f"{sorted(times)[int(len(times) * 0.95)]:.3f})")
    print(f"calculator_page_transfer_gzip_bytes {calc_total}")
    print(f"plain_page_transfer_gzip_bytes {plain_total}")
    print(f"calculator_to_plain_ratio {calc_total / plain_total:.3f}   (budget 1.15)")
    for path, (own, touched, changed, runs) in uncertain.items():
        name = path.strip("/").split("/")[-1]
        points = [r[0] for r in runs]
        readies = [r[1] for r in runs]
        longest = max(r[2] for r in runs)
        print(f"{name}_own_js_gzip_bytes {own}   (budget 20480; at page load, until network idle)")
        print(f"{name}_own_js_after_first_interaction_gzip_bytes {touched}   (budget 20480, issue 23; "
              "+ the runtime, the model's file and the uncertainty engine, loaded when a field gets focus)")
        print(f"{name}_own_js_after_first_change_gzip_bytes {changed}   "
              "(+ the rest of the view, loaded when the scenario first leaves the defaults; no budget)")
        print(f"{name}_point_result_median_ms {statistics.median(points):.2f}   (budget 5)")
        print(f"{name}_interval_ready_median_ms {statistics.median(readies):.0f}   (budget 300; max "
              f"{max(readies):.0f})")
        print(f"{name}_longest_task_ms {longest:.0f}   (budget 50; 0 = no task over 50 ms)")


if __name__ == "__main__":
    main()
