"""Where a test expects a message's line: found in the file's text, not by the loader under test."""

from __future__ import annotations

import re


def seek(text: str, *patterns: str) -> int:
    """The line (from 1) matching the last of ``patterns``, each searched for below the line the one
    before it matched: ``seek(text, "^team:", "service: X")`` is the first «service: X» in the team.
    No patterns: line 1, where the file's top-level mapping starts (a missing top-level field)."""
    lines = text.splitlines()
    found = -1
    for pattern in patterns:
        found = next(i for i in range(found + 1, len(lines)) if re.search(pattern, lines[i]))
    return max(found, 0) + 1
