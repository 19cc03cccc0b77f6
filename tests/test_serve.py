"""``./dev serve``: an edit under a running server shows on the served site, for every kind of source.

Runs ``mkdocs serve`` (the command ./dev serve runs) on a small copy of the project, so the edits
never touch the repository; waits on the served page, never on a fixed time. One server takes, in
turn, an edit to a model's data YAML, to the exports (calculators/eksport.yaml), to the calculator
runtime (docs/assets/javascripts/kalkulator.js), to a template (doc_templates/sources/) and to a
workshop scenario (workshops/scenarios.yaml): each rebuild runs the stage (sitegen/) with every
package imported afresh (hooks/site.py).
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


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except OSError:
        return None


def attribute(url: str, name: str) -> str | None:
    page = fetch(url)
    match = re.search(rf'{name}="([^"]*)"', page.decode("utf-8")) if page else None
    return match[1] if match else None


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: fant ikke {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_kind_of_edit_under_serve_changes_the_site(tmp_path: Path) -> None:
    folder = project(tmp_path, ["site"],
                     {"familie.md": "---\ndescription: F.\n---\n# F\n\n<!-- kalkulator: familie -->\n",
                      "mal.md": "---\ndescription: M.\n---\n# M\n\n<!-- mal: moteagenda -->\n"})
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

        # The exports and the runtime: the page loads the new script (its name carries its hash).
        for name, path, old, new in [
            ("data-vl-eksport", folder / "calculators" / "eksport.yaml", 'tittel: "Beslutningsnotat: {tittel}"',
             'tittel: "Notat til beslutning: {tittel}"'),
            ("data-vl-runtime", folder / "docs" / "assets" / "javascripts" / "kalkulator.js", "", ""),
        ]:
            script = attribute(url, name)
            if path.suffix == ".js":
                path.write_text(path.read_text(encoding="utf-8") + "\nwindow.vlServeTest = 1;\n", encoding="utf-8")
            else:
                edit(path, old, new)
            changed = wait_for(lambda n=name, s=script: (v := attribute(url, n)) != s and v, 300, f"ny {name}")
            code = fetch(f"http://127.0.0.1:{port}/familie/" + changed).decode("utf-8")
            assert ("Notat til beslutning" in code) if name == "data-vl-eksport" else ("vlServeTest" in code)

        # A template: the page shows the section's new title.
        template = f"http://127.0.0.1:{port}/mal/"
        wait_for(lambda: (p := fetch(template)) and b"Om m\xc3\xb8tet" in p, 60, "malsiden")
        edit(folder / "doc_templates" / "sources" / "moteagenda.yaml", "  - title: Om møtet", "  - title: Om det endrede møtet")
        wait_for(lambda: (p := fetch(template)) and "Om det endrede møtet".encode() in p, 300, "ny mal")

        # A workshop scenario: its handout (A4 PDF) is made again.
        handout = f"http://127.0.0.1:{port}/kurs/filer/familie-middels.pdf"
        first = wait_for(lambda: fetch(handout), 60, "utdelingsarket")
        edit(folder / "workshops" / "scenarios.yaml", "title: Familien – et middels anslag",
             "title: Familien – et endret anslag")
        wait_for(lambda: (p := fetch(handout)) and p != first and p, 300, "nytt utdelingsark")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
