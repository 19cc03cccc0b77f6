"""Fixtures shared by every test: the repository root and one strict build of the whole site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The browser fixtures (served site, Chromium, make_page) are registered once, for every folder.
pytest_plugins = ["tests.browser.fixtures"]


def build_site(
    site_dir: Path, config_file: Path | None = None, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` as a person would, returning the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        env["VL_SITE_URL"] = site_url
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900, env=env)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the built site is served on; the build's site_url names it (instant navigation)."""
    return _free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The whole site, built once per test session in strict mode, for http://127.0.0.1:<port>/."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir, site_url=f"http://127.0.0.1:{site_port}/")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict feilet:\n{result.stderr[-4000:]}", pytrace=False)
    return site_dir
