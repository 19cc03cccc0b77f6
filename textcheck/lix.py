"""LIX, the Scandinavian readability index.

LIX = words / sentences + 100 × long words / words, where a long word has more than six letters
(Björnsson 1968). Below 30 reads as very easy, 30–40 easy, 40–50 medium, above 50 hard.

A sentence ends at ``.``, ``!``, ``?`` or ``:`` followed by whitespace or the end of the text, as in
Björnsson's method. Web pages also hold headings, list items and table cells without a full stop;
each text block therefore ends a sentence too, so callers pass a page as a list of blocks.
A full stop after a common Norwegian abbreviation (``f.eks.``, ``jf.``, ``Meld. St.``) does not end
a sentence: counting it would make legal prose look easier than it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

LONG_WORD_MIN_LETTERS = 7

_WORD = re.compile(r"[^\W_]+")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
# Lower-case abbreviations (without their full stops) whose full stop is not a sentence end.
_ABBREVIATIONS = frozenset(
    """
    a art bl ca dvs eks el etc f fvl hpl jf kap kl ledd m meld mfl mht mv nr o osv pkt prop s st
    t tlf vs ifm iht evt inkl ekskl bvl
    """.split()
)


@dataclass(frozen=True)
class LixScore:
    """The counts behind one LIX figure."""

    words: int
    sentences: int
    long_words: int

    @property
    def value(self) -> float:
        """The LIX figure; 0 for a text without words."""
        if self.words == 0:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words

    def __add__(self, other: LixScore) -> LixScore:
        return LixScore(
            self.words + other.words,
            self.sentences + other.sentences,
            self.long_words + other.long_words,
        )


def words(text: str) -> list[str]:
    """Words as runs of letters and digits; a hyphen or dash separates two words."""
    return _WORD.findall(text)


def is_long(word: str) -> bool:
    """A word with more than six letters (digits do not count)."""
    return len(_LETTER.findall(word)) >= LONG_WORD_MIN_LETTERS


def sentences(block: str) -> list[str]:
    """Split one text block into sentences that contain at least one word."""
    found: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = words(block[start : match.start()])
        if match.group().startswith(".") and _ends_with_abbreviation(block[start : match.start()]):
            continue
        if before:
            found.append(block[start : match.end()])
        start = match.end()
    if words(block[start:]):
        found.append(block[start:])
    return found


def _ends_with_abbreviation(text: str) -> bool:
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    last = last.lower().lstrip("(«\"'").split(".")[-1]
    return last in _ABBREVIATIONS


def score(blocks: Iterable[str] | str) -> LixScore:
    """Count words, sentences and long words over text blocks (or one string)."""
    if isinstance(blocks, str):
        blocks = [blocks]
    total = LixScore(0, 0, 0)
    for block in blocks:
        all_words = words(block)
        total += LixScore(len(all_words), len(sentences(block)), sum(map(is_long, all_words)))
    return total


def lix(blocks: Iterable[str] | str) -> float:
    """The LIX figure of text blocks (or one string)."""
    return score(blocks).value
