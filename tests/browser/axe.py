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


def run_axe(page: Page, context: str = "document", rules: list[str] | None = None) -> list[dict]:
    """Run axe on the page (or a CSS selector) and return its violations; ``rules`` limits the run
    to those rule ids (default: every rule)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=_axe_source())
    options = {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": rules}} if rules else AXE_OPTIONS
    return page.evaluate(
        "async ([context, options]) => (await axe.run(context === 'document' ? document : context, options)).violations",
        [context, options])


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
