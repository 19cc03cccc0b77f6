"""Fixtures shared by every test: the repository root and one strict build of the whole site.

The site is built once per test run, also when pytest-xdist runs the tests in several worker
processes: the first worker that needs it takes a file lock, starts the run's web server, builds
the site for the server's address and leaves the result in a folder every worker of the run
shares; the others wait on the lock and reuse it.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The browser fixtures (Chromium, make_page) are registered once, for every folder.
pytest_plugins = ["tests.browser.fixtures"]


def build_site(
    site_dir: Path, config_file: Path | None = None, site_url: str | None = None,
    cwd: Path = ROOT, env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` as a person would, returning the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if site_url is not None:
        environment["VL_SITE_URL"] = site_url
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900, env=environment)


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder shared by every process of this test run (pytest-xdist workers included)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


def run_owner() -> int:
    """The process whose end ends the run: xdist's controller, else this process."""
    return os.getppid() if "PYTEST_XDIST_WORKER" in os.environ else os.getpid()


@pytest.fixture(scope="session")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``{"dir", "url", "seconds"}``: the whole site, built strictly once per run and served."""
    folder = run_folder(tmp_path_factory) / "shared-site"
    folder.mkdir(exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result_file = folder / "result.json"
        if not result_file.exists():
            site_dir = folder / "site"
            site_dir.mkdir()
            # The server gets its socket bound and listening: the address is known at once, and
            # the first request waits in the socket's queue if the server has not started yet.
            with socket.create_server(("127.0.0.1", 0)) as listening:
                subprocess.Popen(
                    [sys.executable, str(ROOT / "tests" / "site_server.py"), str(site_dir),
                     str(listening.fileno()), str(run_owner())],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    start_new_session=True, pass_fds=[listening.fileno()],
                )
                url = f"http://127.0.0.1:{listening.getsockname()[1]}/"
            start = time.perf_counter()
            build = build_site(site_dir, site_url=url)
            result = {"dir": str(site_dir), "url": url, "seconds": time.perf_counter() - start,
                      "error": build.stderr[-4000:] if build.returncode else None}
            result_file.write_text(json.dumps(result), encoding="utf-8")
        result = json.loads(result_file.read_text(encoding="utf-8"))
    if result["error"]:
        pytest.fail(f"mkdocs build --strict feilet:\n{result['error']}", pytrace=False)
    timings = os.environ.get("VL_TIMINGS_FILE")
    if timings:
        Path(timings).write_text(f"{result['seconds']:.0f}\n", encoding="utf-8")
    return result


@pytest.fixture(scope="session")
def built_site(shared_site: dict) -> Path:
    """The whole site, built once per test run in strict mode, for the run's web server."""
    return Path(shared_site["dir"])


@pytest.fixture(scope="session")
def site_url(shared_site: dict) -> str:
    """Base URL (ending in /) of the built site; the build's site_url names it (instant navigation)."""
    return shared_site["url"]


# Costly fixtures that are scoped to a module or the session: every test that uses one runs in the
# same xdist worker (``--dist loadgroup``), so the fixture is made once, not once per worker.
ONE_WORKER_FIXTURES = {
    "generated": "doc-templates",
    "generated_again": "doc-templates",
    "libreoffice_pdfs": "doc-templates",
    "filled_files": "doc-templates",
    "filled_pdfs": "doc-templates",
    "handouts": "handouts",
    "offline_site": "offline-copy",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests that need no built site first: while the first worker to need the site builds it, the
    # others run these instead of waiting on the build.
    items.sort(key=lambda item: "shared_site" in getattr(item, "fixturenames", ()))
    for item in items:
        groups = {ONE_WORKER_FIXTURES[name] for name in getattr(item, "fixturenames", ())
                  if name in ONE_WORKER_FIXTURES}
        if groups:
            item.add_marker(pytest.mark.xdist_group("+".join(sorted(groups))))
