"""View nodes as escaped HTML, and the widths the page draws them at (render and render_uncertainty share it)."""

from __future__ import annotations

from html import escape

from calculators.view import view

VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "wbr", "source"})


def html(nodes: list[view.Node]) -> str:
    """View nodes as HTML: tag, escaped attributes, escaped text, children (SVG self-closes)."""
    parts = []
    for node in nodes:
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in node["a"].items())
        inner = escape(node["x"], quote=False) + html(node["c"])
        if node["t"] in VOID:
            parts.append(f"<{node['t']}{attrs}>")
        else:
            parts.append(f"<{node['t']}{attrs}>{inner}</{node['t']}>")
    return "".join(parts)


SUMMARY_WIDTH, DETAILS_WIDTH = 560, 720
"""Chart widths (CSS px) in the HTML the build writes; the runtime redraws at the real width."""
FONT = int(view.CHART["font"])
"""The charts' font size (CSS px) the view lays their labels out for (the view takes a whole number)."""
