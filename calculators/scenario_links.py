"""Links that open a calculator page with a scenario filled in: the one place their format lives.

Workshop pages, handouts (QR codes), the whole-guide PDF and the tests all call ``scenario_link``,
so a change of format is a change here. The runtime (``docs/assets/javascripts/kalkulator.js``)
reads ``preset=<id>`` and ``<input id>=<number>`` pairs after the ``#``, numbers with a decimal point.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

SEPARATOR = "#"
"""Before the scenario's parameters: the fragment, which browsers never send to a server (the
runtime still reads old ``?…`` links and moves them to ``#…``)."""


def number_text(value: float) -> str:
    """A number as the runtime parses it: ``20``, ``2.5``, ``-3`` (never ``2,5`` or ``1e6``)."""
    if float(value).is_integer():
        return str(int(value))
    return format(float(value), "f").rstrip("0")


def scenario_link(page_url: str, preset: str | None = None, values: Mapping[str, float] | None = None) -> str:
    """``page_url`` (absolute or relative, ending in ``/``) with the scenario's state added."""
    pairs = [("preset", preset)] if preset else []
    pairs += [(key, number_text(value)) for key, value in (values or {}).items()]
    return page_url + (SEPARATOR + urlencode(pairs) if pairs else "")
