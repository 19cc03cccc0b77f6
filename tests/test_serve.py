"""``./dev serve``: an analyst edits a model's YAML under a running server and sees the page change.

Runs ``mkdocs serve`` (the command ./dev serve runs) on a small copy of the project, so the edit
never touches the repository; waits on the served page, never on a fixed time.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.test_authoring_errors import project

FIELD = re.compile(r'id="vl-familie-barnevern"[^>]*value="([^"]*)"')


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], str | None], seconds: float, what: str) -> str:
    """Poll ``condition`` until it returns a value (a server's answer is the condition here)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"{what} skjedde ikke innen {seconds:.0f} s")


def shown_value(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            match = FIELD.search(response.read().decode("utf-8"))
    except OSError:
        return None
    return match[1] if match else None


def test_editing_a_model_yaml_under_serve_changes_the_page(tmp_path: Path) -> None:
    folder = project(tmp_path, ["fresh", "kalkulatorer"],
                     {"familie.md": "---\ndescription: F.\n---\n# F\n\n<!-- kalkulator: familie -->\n"})
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    # The same folders mkdocs.yml watches (it holds tags safe_load refuses, so read the list).
    block = re.search(r"^watch:\n((?:  - .*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    watched = re.findall(r"  - (\S+)", block[1])
    assert "calculators" in watched
    # The small project copies only what this page needs; MkDocs refuses a watch path that is not there.
    watched = [path for path in watched if (folder / path).exists()]
    assert "calculators" in watched
    (folder / "mkdocs.yml").write_text(yaml.safe_dump({**config, "watch": watched}), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"},
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/familie/"
    try:
        before = wait_for(lambda: shown_value(url), 300, "første bygg")
        data_file = folder / "calculators" / "data" / "familie.yaml"
        text = data_file.read_text(encoding="utf-8")
        assert "    value: 250000\n" in text, "eksempelet forutsetter barnevern = 250 000"
        data_file.write_text(text.replace("    value: 250000\n", "    value: 260000\n", 1), encoding="utf-8")
        after = wait_for(lambda: (v := shown_value(url)) != before and v, 300, "nytt bygg etter endringen")
        assert re.sub(r"\D", "", before) == "250000"
        assert re.sub(r"\D", "", after) == "260000"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
