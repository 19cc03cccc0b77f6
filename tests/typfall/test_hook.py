"""The hook stops the build with the case's own message (file and field), without a traceback."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from typfall.cases import CaseError

HOOK = Path(__file__).resolve().parents[2] / "hooks" / "typfallsider.py"


def _hook():
    spec = importlib.util.spec_from_file_location("typfallsider_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_broken_case_file_fails_the_build_naming_file_and_field(monkeypatch) -> None:
    hook = _hook()

    def broken(**_):
        raise CaseError("typfall/cases/x.yaml: story: mangler")

    monkeypatch.setattr(hook, "build_cases", broken)
    with pytest.raises(PluginError, match=r"^Feil i typfall: typfall/cases/x.yaml: story: mangler$"):
        hook.on_files(Files([]), config=type("Config", (), {"site_url": None})())
