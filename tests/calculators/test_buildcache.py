"""The build cache for calculator output: reused while the sources are unchanged, remade after any edit."""

from __future__ import annotations

import pytest

from calculators.site import buildcache


@pytest.fixture()
def project(tmp_path, monkeypatch):
    (tmp_path / "calculators").mkdir()
    (tmp_path / "calculators" / "modell.py").write_text("X = 1\n")
    monkeypatch.setattr(buildcache, "ROOT", tmp_path)
    monkeypatch.setattr(buildcache, "SOURCES", (("calculators", ("*.py",)),))
    monkeypatch.setattr(buildcache, "_sources_fingerprint", lambda: buildcache.fingerprint(buildcache.SOURCES))
    return tmp_path


def test_an_unchanged_source_reuses_the_entry_and_an_edit_makes_it_again(project):
    calls = []

    def make():
        calls.append(1)
        return {"code": f"versjon {len(calls)}"}

    cache = project / "cache"
    assert buildcache.cached("familie", make, cache) == {"code": "versjon 1"}
    assert buildcache.cached("familie", make, cache) == {"code": "versjon 1"}
    assert len(calls) == 1
    (project / "calculators" / "modell.py").write_text("X = 2\n")
    assert buildcache.cached("familie", make, cache) == {"code": "versjon 2"}
    assert len(list(cache.glob("familie-*"))) == 1  # the old entry is gone


def test_a_failure_stores_nothing(project):
    cache = project / "cache"

    def broken():
        raise ValueError("kan ikke oversettes")

    with pytest.raises(ValueError, match="kan ikke oversettes"):
        buildcache.cached("familie", broken, cache)
    assert not list(cache.glob("familie-*"))
    assert buildcache.cached("familie", lambda: [1, 2], cache) == [1, 2]
