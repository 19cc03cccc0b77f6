"""The generation stage stops with the case's own message (file and field), without a traceback."""

from __future__ import annotations

import types

import pytest

import documents.site.build
import typfall.build
import workshops.handouts
from sitegen import check, stage
from sitegen.check import StageError
from typfall.cases import CaseError


def test_a_broken_case_file_stops_the_stage_naming_file_and_field(monkeypatch, tmp_path) -> None:
    def broken(**_):
        raise CaseError("typfall/cases/x.yaml: story: mangler")

    # Only the case step is under test: the checks, templates and handouts before it are stubbed.
    monkeypatch.setattr(check, "run", lambda docs: types.SimpleNamespace(warnings=[]))
    monkeypatch.setattr(documents.site.build, "build_templates", lambda: [])
    monkeypatch.setattr(workshops.handouts, "build_handouts", lambda scenarios, url: ([], []))
    monkeypatch.setattr(typfall.build, "build_cases", broken)
    with pytest.raises(StageError, match=r"^Feil i typfall: typfall/cases/x.yaml: story: mangler$"):
        stage.build(tmp_path / "staging")
