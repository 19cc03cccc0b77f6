"""Norwegian number formatting, accessible figures and tables for the methodology notebook.

Figures are embedded as PNG in an ``<img>`` with alt text (a plain matplotlib output has none),
and every figure is followed by a table with the same numbers.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (backend first)
from matplotlib.ticker import FuncFormatter  # noqa: E402

from calculators.core.model import BUDGET_HOLDERS  # noqa: E402
from calculators.core.numbers import number  # noqa: E402, F401  (re-exported for the notebook)

HOLDER_LABELS = {holder.id: holder.label for holder in BUDGET_HOLDERS}
THIN_SPACE = "\u00a0"


def kr(value: float) -> str:
    return f"{number(value)}{THIN_SPACE}kr"


def year(value: int) -> str:
    return "aldri innen horisonten" if value < 0 else f"år {value}"


def _kr_axis(value: float, _position: int) -> str:
    return number(value / 1000) + f"{THIN_SPACE}k"


class Html:
    """Rich HTML output for Jupyter (``_repr_html_``) without importing IPython here."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        # Jupyter stores this next to the HTML; the default repr holds a memory address.
        return "(figur eller tabell)"


def figure(fig: plt.Figure, alt: str) -> Html:
    """The figure as a PNG ``<img>`` with alt text; closes the figure."""
    buffer = io.BytesIO()
    # No timestamp or software name in the file, so the same numbers give the same bytes.
    fig.savefig(buffer, format="png", dpi=96, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return Html(f'<img class="vl-figure" alt="{html.escape(alt)}" src="data:image/png;base64,{data}">')


def table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Html:
    """A small accessible table: caption, column headers, first cell of each row as row header."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + f'<th scope="row">{html.escape(row[0])}</th>'
        + "".join(f"<td>{html.escape(cell)}</td>" for cell in row[1:]) + "</tr>"
        for row in rows
    )
    return Html(
        f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def new_axes(title: str, xlabel: str, ylabel: str = "kroner (nåverdi)"):
    fig, axes = plt.subplots(figsize=(8, 4.5))
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.grid(True, alpha=0.3)
    axes.axhline(0, color="black", linewidth=0.8)
    axes.yaxis.set_major_formatter(FuncFormatter(_kr_axis))
    return fig, axes


def cumulative_chart(cumulative_by_holder: dict[str, list[float]]) -> plt.Figure:
    """Running present value per budget holder (holders that stay at zero are left out)."""
    fig, axes = new_axes("Samlet netto nåverdi per budsjett", "år")
    markers = "osD^v<>ph*x+"
    for index, (holder, values) in enumerate(cumulative_by_holder.items()):
        if any(abs(value) > 0.5 for value in values):
            axes.plot(range(len(values)), values, marker=markers[index % len(markers)],
                      label=HOLDER_LABELS[holder])
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def tornado_chart(base: float, swings, title: str) -> plt.Figure:
    fig, axes = plt.subplots(figsize=(8, 0.5 * len(swings) + 1.5))
    for row, swing in enumerate(reversed(swings)):
        for value, colour in ((swing.low, "#1f6fb2"), (swing.high, "#b8551a")):
            axes.barh(row, value - base, left=base, color=colour, height=0.6)
    axes.set_yticks(range(len(swings)), [swing.label for swing in reversed(swings)])
    axes.axvline(base, color="black", linewidth=0.8)
    axes.xaxis.set_major_formatter(FuncFormatter(_kr_axis))
    axes.set_title(title)
    axes.set_xlabel("netto nåverdi, kroner (blå: lav verdi, oransje: høy verdi)")
    return fig


def break_even_chart(xs: Sequence[float], ys: Sequence[float], break_even: float,
                     title: str, xlabel: str) -> plt.Figure:
    fig, axes = new_axes(title, xlabel)
    axes.plot(xs, ys, color="#1f6fb2")
    if 0 <= break_even <= max(xs):
        axes.axvline(break_even, color="#b8551a", linestyle="--",
                     label=f"går i balanse ved {number(break_even, 1)} %")
        axes.legend()
    return fig
