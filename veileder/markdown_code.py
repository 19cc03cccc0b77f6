"""Code in Markdown is text, never a marker: the one place that finds code blocks and spans for every marker search.

Every search for a page marker (``<!-- kalkulator: … -->``, ``<!-- mal: … -->``, ``<!-- scenario: … -->``,
``<!-- typfall … -->``, ``<!-- datakilder -->``, ``<!-- lovregister -->``, ``<!-- nedlasting: … -->``,
``<!-- egne-tall: … -->``, ``<!-- oppstart: … -->``) goes through this module, in the check
(``sitegen.sources``) and in the stage (``sitegen.stage``).

``code_regions`` finds fenced code blocks (``` or ~~~, at any indentation, as pymdownx.superfences
reads them inside lists and admonitions; an unclosed fence runs to the end, as in CommonMark) and
inline code spans (a run of backticks closed by a run of the same length, within one paragraph).
``blank_code`` replaces them with spaces, keeping every newline, so a marker search on the result
finds only real markers, at the same offsets and lines. ``protect`` replaces each region with a
placeholder holding the same number of newlines, so markers can be expanded around it; its
``restore`` puts the code back as it was. A page's front matter is never code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A page's front matter, as MkDocs reads it (mkdocs.utils.meta): the one pattern of the project
# (sitegen.sources reads and checks it, sitegen.stage completes it).
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_OPEN = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})")
_CLOSE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*\r?\n?\Z")
_SPAN = re.compile(r"(?<![`\\])(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])+?(?<!`)(?P=ticks)(?!`)")
_PLACEHOLDER = re.compile("\ue000(\\d+)\n*\ue001")


def code_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every fenced code block and inline code span in ``text``, in order."""
    front = FRONT_MATTER.match(text)
    position = front.end() if front else 0
    fences: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    for line in text[position:].splitlines(keepends=True):
        if opened is None:
            match = _OPEN.match(line)
            if match and not (match["fence"][0] == "`" and "`" in line[match.end():]):
                opened = (position, match["fence"])
        else:
            match = _CLOSE.match(line)
            fence = match["fence"] if match else ""
            if fence[:1] == opened[1][0] and len(fence) >= len(opened[1]):
                fences.append((opened[0], position + len(line)))
                opened = None
        position += len(line)
    if opened is not None:
        fences.append((opened[0], len(text)))
    regions: list[tuple[int, int]] = []
    start = front.end() if front else 0
    for fence_start, fence_end in [*fences, (len(text), len(text))]:
        regions += [(start + m.start(), start + m.end()) for m in _SPAN.finditer(text[start:fence_start])]
        if fence_start < fence_end:
            regions.append((fence_start, fence_end))
        start = fence_end
    return regions


def blank_code(text: str) -> str:
    """``text`` with its code (``code_regions``) as spaces; newlines, offsets and lines kept."""
    parts, at = [], 0
    for start, end in code_regions(text):
        parts += [text[at:start], re.sub(r"[^\n]", " ", text[start:end])]
        at = end
    return "".join(parts) + text[at:]


def protect(text: str) -> tuple[str, Callable[[str], str]]:
    """``(text with each code region as a placeholder, restore)``: markers expanded in the first
    leave code alone; ``restore`` of the expanded text puts every code region back unchanged."""
    parts: list[str] = []
    code: list[str] = []
    at = 0
    for start, end in code_regions(text):
        original = text[start:end]
        body = original.removesuffix("\n")  # a fence's last newline stays outside: the next line starts a line
        parts += [text[at:start], f"\ue000{len(code)}" + "\n" * body.count("\n") + "\ue001" + original[len(body):]]
        code.append(body)
        at = end
    protected = "".join(parts) + text[at:]

    def restore(expanded: str) -> str:
        return _PLACEHOLDER.sub(lambda m: code[int(m[1])], expanded)

    return protected, restore
