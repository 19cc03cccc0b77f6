"""The tests' one way to LibreOffice (tests/documents/libreoffice.py) and the cache's clean-up."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.documents import libreoffice


def test_an_old_result_and_a_new_one_in_one_call(tmp_path: Path, monkeypatch) -> None:
    # convert() asks which results exist, runs LibreOffice once for the rest, then reads them all:
    # the clean-up the first new result starts must not remove an old one it found (a KeyError).
    asked: list[list[str]] = []

    def run(program, files, work, target, profile):
        asked.append(sorted(files))
        made = {}
        for name, data in files.items():
            made[name] = work / f"{name}.pdf"
            made[name].write_bytes(b"%PDF " + data)
        return made

    monkeypatch.setattr(libreoffice, "soffice", lambda: "/bin/true")
    monkeypatch.setattr(libreoffice, "_build_id", lambda program: "test")
    monkeypatch.setattr(libreoffice, "_run", run)
    first = libreoffice.convert({"a.odt": b"a"}, cache_dir=tmp_path)
    month_ago = time.time() - 30 * 86400
    os.utime(first["a.odt"].parent, (month_ago, month_ago))
    both = libreoffice.convert({"b.odt": b"b", "a.odt": b"a"}, cache_dir=tmp_path)
    assert asked == [["a.odt"], ["b.odt"]]
    assert both["a.odt"].read_bytes() == b"%PDF a" and both["b.odt"].read_bytes() == b"%PDF b"
