"""The build's one zip writer (veileder/zips.py) and one cache writer (veileder/cache.py)."""

from __future__ import annotations

import ast
import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from veileder import cache, zips


def test_the_same_entries_give_the_same_bytes_with_the_settings_asked_for(tmp_path) -> None:
    entries = [("content.xml", b"<a/>" * 50), ("mimetype", b"application/vnd.oasis.opendocument.text")]
    data = zips.write_zip(entries, date_time=(2026, 1, 2, 0, 0, 0), stored="mimetype")
    assert data == zips.write_zip(list(entries), date_time=(2026, 1, 2, 0, 0, 0), stored="mimetype")
    target = tmp_path / "a.zip"
    assert zips.write_zip(iter(entries), target, date_time=(2026, 1, 2, 0, 0, 0), stored="mimetype") == b""
    assert target.read_bytes() == data
    with zipfile.ZipFile(target) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["mimetype", "content.xml"]  # the stored entry first
    assert [i.compress_type for i in infos] == [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]
    assert {(i.date_time, i.create_system, i.external_attr >> 16) for i in infos} == {((2026, 1, 2, 0, 0, 0), 3, 0o644)}
    bare = zips.write_zip(entries, mode=None, level=None)
    assert zipfile.ZipFile(io.BytesIO(bare)).infolist()[0].external_attr >> 16 == 0o600  # zipfile's own default
    assert zips.read_zip(data) == [entries[1], entries[0]]


SKIPPED = {".venv", ".cache", ".git", "tests", "bench", "site", "node_modules"}


def _modules() -> list[Path]:
    """The project's own Python modules, in every package and subpackage."""
    return [p for p in sorted(ROOT.rglob("*.py")) if not SKIPPED & set(p.relative_to(ROOT).parts)]


def _zip_users() -> list[str]:
    """Modules of the project that import zipfile to write (reading is fine anywhere)."""
    found = []
    for path in _modules():
        if path.name == "zips.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "zipfile" in text and ("ZipInfo" in text or '"w"' in text):
            found.append(path.relative_to(ROOT).as_posix())
    return found


def test_no_other_module_writes_zips() -> None:
    assert len(_modules()) > 50  # the walk finds the packages' modules
    assert _zip_users() == []


def test_every_package_caches_through_the_one_writer() -> None:
    # No module defines a second writer: the only definition of cached_entry is veileder/cache.py.
    defined = [p.relative_to(ROOT).as_posix() for p in _modules()
               if any(isinstance(n, ast.FunctionDef) and n.name == "cached_entry"
                                                       for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))))]
    assert defined == ["veileder/cache.py"]


def test_an_entry_is_complete_or_not_there(tmp_path) -> None:
    def fails(folder: Path) -> None:
        (folder / "half").write_text("x")
        raise RuntimeError("stopp")

    with pytest.raises(RuntimeError):
        cache.cached_entry(tmp_path, "k", fails)
    assert list(tmp_path.iterdir()) == []
    entry, made = cache.cached_entry(tmp_path, "k", lambda folder: (folder / "data").write_text("1"))
    assert made and (entry / "data").read_text() == "1"
    assert cache.cached_entry(tmp_path, "k", fails) == (entry, False)


def test_entries_unused_for_two_weeks_go_when_a_new_one_is_made(tmp_path) -> None:
    def make(folder: Path) -> None:
        (folder / "data").write_text("1")

    old, _ = cache.cached_entry(tmp_path, "gammel", make)
    used, _ = cache.cached_entry(tmp_path, "brukt", make)
    month_ago = time.time() - 30 * 86400
    for entry in (old, used):
        os.utime(entry, (month_ago, month_ago))
    assert cache.cached_entry(tmp_path, "brukt", make) == (used, False)  # found: its time is now
    assert used.stat().st_mtime > time.time() - 60
    assert old.is_dir()  # a hit removes nothing
    cache.cached_entry(tmp_path, "ny", make)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brukt", "ny"]


def test_a_shifted_clock_removes_nothing_just_made(tmp_path, monkeypatch) -> None:
    # The reproducibility test builds with the clock a year ahead (tests/fake_clock.py): an entry
    # made or used in that build is new, whatever time.time() says.
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 365 * 86400)

    def make(folder: Path) -> None:
        (folder / "data").write_text("1")

    first, _ = cache.cached_entry(tmp_path, "a", make)
    cache.cached_entry(tmp_path, "b", make)
    assert (first / "data").read_text() == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_entries_found_before_a_miss_survive_its_clean_up(tmp_path) -> None:
    # tests/documents/libreoffice.py asks which entries exist, makes the missing ones, then reads
    # the rest: an old entry it found must not be removed by the clean-up the first new one starts.
    def make(folder: Path) -> None:
        (folder / "data").write_text("1")

    old, _ = cache.cached_entry(tmp_path, "gammel", make)
    month_ago = time.time() - 30 * 86400
    os.utime(old, (month_ago, month_ago))
    assert cache.present(old) and not cache.present(tmp_path / "finnes-ikke")
    cache.cached_entry(tmp_path, "ny", make)
    assert (old / "data").read_text() == "1"


def test_an_entry_is_renamed_away_before_it_is_removed_and_old_leftovers_go(tmp_path) -> None:
    def make(folder: Path) -> None:
        (folder / "data").write_text("1")

    old, _ = cache.cached_entry(tmp_path, "gammel", make)
    leftover = tmp_path / ".halv-123"  # what a killed build leaves (a dot name)
    leftover.mkdir()
    fresh_leftover = tmp_path / ".halv-456"  # perhaps another build's entry being filled now
    fresh_leftover.mkdir()
    two_days_ago = time.time() - 2 * 86400
    month_ago = time.time() - 30 * 86400
    os.utime(leftover, (two_days_ago, two_days_ago))
    os.utime(old, (month_ago, month_ago))
    renamed = []
    real_rename = os.rename

    def rename(source, target):
        renamed.append((Path(source).name, Path(target).name))
        real_rename(source, target)

    import unittest.mock
    with unittest.mock.patch.object(cache.os, "rename", rename):
        assert cache.remove_unused(tmp_path) == ["gammel"]
    assert renamed and renamed[0][0] == "gammel" and renamed[0][1].startswith(".")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".halv-456"]
