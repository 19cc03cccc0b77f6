"""Shared word runs between the guide's prose and the source texts it was written from.

The source texts are not part of the repository. What the check needs from them is committed as a
*fingerprint*: a short hash of every run of ``RUN_LENGTH`` words (``textcheck/seed_fingerprint.txt``),
which says whether a run occurs in a source text but holds no sentence of it. Regenerate it after
the source texts change::

    .venv/bin/python -m textcheck.overlap [folder with the source texts]

(default ``$VL_SEEDS_DIR``, else ``shared/seeds`` beside the checkout).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

RUN_LENGTH = 12
ROOT = Path(__file__).resolve().parent.parent
FINGERPRINT = Path(__file__).with_name("seed_fingerprint.txt")
SEEDS_DIR = Path(os.environ.get("VL_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))

_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Lower-case words; punctuation, quotes and dashes only separate words."""
    return _TOKEN.findall(text.casefold())


def run_hash(words: Iterable[str]) -> str:
    """16 hex digits of SHA-256 of the words joined by spaces (64 bits: no accidental collisions)."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def fingerprint(sources: Iterable[str], length: int = RUN_LENGTH) -> frozenset[str]:
    """The hash of every run of ``length`` words in any of ``sources``."""
    hashes: set[str] = set()
    for source in sources:
        words = tokens(source)
        hashes.update(run_hash(words[i : i + length]) for i in range(len(words) - length + 1))
    return frozenset(hashes)


def shared_runs(text: str, sources: Iterable[str] | frozenset[str], length: int = RUN_LENGTH) -> list[str]:
    """Runs of ``length`` words in ``text`` that also occur in a source, merged where they overlap.

    ``sources`` is the source texts or their ``fingerprint``. Returned as readable strings (the
    page's words), longest stretch first, so one copied sentence is reported once.
    """
    known = sources if isinstance(sources, frozenset) else fingerprint(sources, length)
    words = tokens(text)
    hits = [i for i in range(len(words) - length + 1) if run_hash(words[i : i + length]) in known]
    stretches: list[tuple[int, int]] = []
    for start in hits:
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], start + length)
        else:
            stretches.append((start, start + length))
    found = [" ".join(words[a:b]) for a, b in stretches]
    return sorted(found, key=len, reverse=True)


def seed_texts(folder: Path = SEEDS_DIR) -> list[str]:
    """The source texts (``*.txt``) in ``folder``, in name order; empty when there are none."""
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def fingerprint_text(hashes: Iterable[str]) -> str:
    return "".join(f"{h}\n" for h in sorted(hashes))


def committed_fingerprint(path: Path = FINGERPRINT) -> frozenset[str]:
    return frozenset(path.read_text(encoding="utf-8").split())


def main(folder: Path) -> int:
    texts = seed_texts(folder)
    if not texts:
        print(f"Fant ingen kildetekster (*.txt) i {folder}.", file=sys.stderr)
        return 1
    FINGERPRINT.write_text(fingerprint_text(fingerprint(texts)), encoding="utf-8")
    print(f"Skrev {FINGERPRINT.relative_to(ROOT)} fra {len(texts)} kildetekster.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS_DIR))
