"""The type checker passes on the folders ``mypy.ini`` lists (every package but tests/): ``mypy``
run as a person would, from the repository's root."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_mypy_finds_no_type_errors() -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.fail("mypy er ikke installert i .venv: den står i test-gruppen i pyproject.toml; "
                    "kjør ./dev lock og ./dev test (eller .venv/bin/python -m pip install mypy types-PyYAML)")
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file", "mypy.ini"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, (
        "mypy fant typefeil (mappene står i mypy.ini; rett dem):\n"
        + result.stdout + result.stderr)


def test_every_package_but_the_tests_is_listed() -> None:
    """A new top-level package is type-checked from its first module: mypy.ini lists it."""
    import configparser

    settings = configparser.ConfigParser()
    settings.read(ROOT / "mypy.ini", encoding="utf-8")
    listed = {entry.strip().rstrip("/") for entry in settings["mypy"]["files"].split(",")}
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    packages = {path.split("/")[0] for path in tracked if "/" in path} - {"tests"}
    assert packages - listed == set(), f"mypy.ini mangler {sorted(packages - listed)} i files ="
    assert not any("/" not in path for path in tracked), "en Python-fil i rotmappen blir ikke sjekket"
