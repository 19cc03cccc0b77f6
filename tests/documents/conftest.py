"""Fixtures for the templates: every file generated from scratch, twice, in temporary caches."""

from __future__ import annotations

from pathlib import Path

import pytest

from documents.site.build import SOURCES_DIR, BuiltTemplate, build_templates


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltTemplate, ...]:
    """Every template in every format, generated cold (an empty cache)."""
    return build_templates(SOURCES_DIR, tmp_path_factory.mktemp("template-cache"))


@pytest.fixture(scope="session")
def generated_again(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltTemplate, ...]:
    """A second, independent cold generation, for comparing bytes."""
    return build_templates(SOURCES_DIR, tmp_path_factory.mktemp("template-cache-again"))


def write_source(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path
