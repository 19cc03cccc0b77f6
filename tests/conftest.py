"""Fixtures shared by every test: the repository root and one strict build of the whole site.

The site is built once per test run, also when pytest-xdist runs the tests in several worker
processes, and the build starts as soon as the tests are collected, in the background: the first
worker whose tests need it (``shared_site``) starts the run's web server and a build process for
the server's address, which leaves the result in a folder every worker of the run shares, and goes
on with the tests that need no site (they run first) while it builds. A test that needs the site
waits on the build process's lock, which the kernel releases when that process ends.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The browser fixtures (Chromium, make_page) and the run's scheduler (tests that share a costly
# fixture share a worker) are registered once, for every folder.
pytest_plugins = ["tests.browser.fixtures", "tests.grouping"]


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


# The build process: builds, writes result.json (whole or not at all) and ends, holding the lock
# it was handed (file descriptor argv[1]) until then.
_BUILD = """
import json, os, sys, time
sys.path.insert(0, sys.argv[2])
from tests.conftest import build_site
site_dir, url, result_file = sys.argv[3:6]
start = time.perf_counter()
build = build_site(site_dir, site_url=url)
result = {"dir": site_dir, "url": url, "seconds": time.perf_counter() - start,
          "error": build.stderr[-4000:] if build.returncode else None}
with open(result_file + ".part", "w", encoding="utf-8") as out:
    json.dump(result, out)
os.replace(result_file + ".part", result_file)
"""


def checkout_port() -> int:
    """This checkout's own port, 20000–29999, from its path (below Linux's ephemeral ports)."""
    return 20000 + int(hashlib.sha256(str(ROOT).encode()).hexdigest(), 16) % 10000


def listening_socket() -> socket.socket:
    """A listening socket for the run's web server: on this checkout's own port when it is free, so
    that every run builds the site for the same address, else on any free port.

    The address is in the built pages, the whole-guide PDF, the offline copy and the handouts' QR
    codes, and so in their cache keys (``.cache/``): with a new port each run, every run made
    them again (about 16 s of the build's 25, and as much in the Zensical build) and left one more
    copy of each in ``.cache``. A second run at the same time in the same checkout, or another
    program on the port, gets a free port and only loses the cache."""
    try:
        return socket.create_server(("127.0.0.1", checkout_port()))
    except OSError:
        return socket.create_server(("127.0.0.1", 0))


def start_site_build(folder: Path) -> None:
    """Start the run's web server and the build process, unless a worker of the run already has."""
    folder.mkdir(exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (folder / "started").exists():
            return
        site_dir = folder / "site"
        site_dir.mkdir()
        # The server gets its socket bound and listening: the address is known at once, and
        # the first request waits in the socket's queue if the server has not started yet.
        with listening_socket() as listening:
            subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "site_server.py"), str(site_dir),
                 str(listening.fileno()), str(run_owner())],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True, pass_fds=[listening.fileno()],
            )
            url = f"http://127.0.0.1:{listening.getsockname()[1]}/"
        (folder / "url").write_text(url, encoding="utf-8")  # the address the build is for, known at once
        if not url.endswith(f":{checkout_port()}/"):  # said at the end of the run (pytest_terminal_summary)
            (folder / "port-note").write_text(
                f"Porten {checkout_port()} var i bruk, så nettstedet ble bygd for {url}: PDF-en, kopien uten nett "
                "og utdelingsarkene ble laget på nytt, ikke hentet fra .cache.", encoding="utf-8")
        # The build lock is taken here and handed to the build process; this process's copy is
        # closed, so the lock is held exactly as long as the build process lives.
        with open(folder / "building", "w") as building, open(folder / "build.log", "w") as log:
            fcntl.flock(building, fcntl.LOCK_EX)
            subprocess.Popen(
                [sys.executable, "-c", _BUILD, str(building.fileno()), str(ROOT), str(site_dir), url,
                 str(folder / "result.json")],
                cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                start_new_session=True, pass_fds=[building.fileno()],
            )
        (folder / "started").touch()


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly:
        return
    if any("shared_site" in getattr(item, "fixturenames", ()) for item in session.items):
        start_site_build(run_folder(session.config._tmp_path_factory) / "shared-site")


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    note = run_folder(config._tmp_path_factory) / "shared-site" / "port-note"
    if note.is_file():
        terminalreporter.write_line(note.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``{"dir", "url", "seconds"}``: the whole site, built strictly once per run and served."""
    folder = run_folder(tmp_path_factory) / "shared-site"
    start_site_build(folder)  # started at collection already, unless the tests were chosen otherwise
    with open(folder / "building") as building:
        fcntl.flock(building, fcntl.LOCK_SH)  # free once the build process has ended
    result_file = folder / "result.json"
    if not result_file.exists():
        log = (folder / "build.log").read_text(encoding="utf-8", errors="replace")[-4000:]
        pytest.fail(f"byggeprosessen for nettstedet endte uten resultat:\n{log}", pytrace=False)
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


# The longest tests, which need no shared site: they start first, one per worker, so that no
# worker is left with one of them at the end while the other has nothing to do.
LONGEST_FIRST = ("tests/test_reproducible.py::", "tests/test_serve.py::")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests that need no built site first, the longest of them at the very start: the site builds
    # in the background meanwhile (``start_site_build``). Tests sharing a costly fixture share a
    # worker (tests/grouping.py).
    items.sort(key=lambda item: ("shared_site" in getattr(item, "fixturenames", ()),
                                 not item.nodeid.startswith(LONGEST_FIRST)))
