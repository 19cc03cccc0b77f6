"""axe-core in the page: the copy bundled with axe-playwright-python, injected from disk."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from playwright.sync_api import Page

# Every rule axe enables by default, best-practice rules included; only "experimental" stays off.
AXE_OPTIONS = {"resultTypes": ["violations"]}


@cache
def _axe_source() -> str:
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


# Colours are measured as they end up: a transition still running (Material's tabs fade out when
# the page scrolls, e.g. after a field is filled) would be measured half-way, as a contrast failure
# that no reader sees. Wait for every animation with an end, then run axe.
AXE_RUN = """async ([context, options]) => {
  const finite = document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map((a) => a.finished.catch(() => null)));
  return (await axe.run(context === 'document' ? document : context, options)).violations;
}"""


def run_axe(page: Page, context: str = "document", rules: list[str] | None = None) -> list[dict]:
    """Run axe on the page (or a CSS selector) and return its violations; ``rules`` limits the run
    to those rule ids (default: every rule)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: an inline script would break (and be reported by)
        # the site's Content-Security-Policy when the page is served by nginx (test_every_page).
        page.evaluate(_axe_source() + "\n;undefined")
    options = {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": rules}} if rules else AXE_OPTIONS
    return page.evaluate(AXE_RUN, [context, options])


def format_violations(violations: list[dict]) -> str:
    """One line per failing element: rule, impact, selector and axe's own summary."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(
                f"  [{violation['id']}] ({violation['impact']}) {' '.join(map(str, node['target']))}"
                f" — {summary[:240]}"
            )
    return "\n".join(lines)
