"""The code passes the linter (ruff, configured in pyproject.toml): unused names, import order,
likely bugs. Fix with ``.venv/bin/ruff check --fix .``, or read ``ruff rule <code>``."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
