"""Shared word runs between the guide's prose and the source texts it was written from."""

from __future__ import annotations

import re
from collections.abc import Iterable

RUN_LENGTH = 12

_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Lower-case words; punctuation, quotes and dashes only separate words."""
    return _TOKEN.findall(text.casefold())


def _runs(words: list[str], length: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def shared_runs(text: str, sources: Iterable[str], length: int = RUN_LENGTH) -> list[str]:
    """Runs of ``length`` words in ``text`` that also occur in any source, merged where they overlap.

    Returned as readable strings, longest stretch first, so one copied sentence is reported once.
    """
    source_runs: set[tuple[str, ...]] = set()
    for source in sources:
        source_runs |= _runs(tokens(source), length)
    words = tokens(text)
    hits = [i for i in range(len(words) - length + 1) if tuple(words[i : i + length]) in source_runs]
    stretches: list[tuple[int, int]] = []
    for start in hits:
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], start + length)
        else:
            stretches.append((start, start + length))
    found = [" ".join(words[a:b]) for a, b in stretches]
    return sorted(found, key=len, reverse=True)
