"""``./dev serve``: an edit under a running server shows on the served site, for every kind of source.

Runs ``mkdocs serve`` (the command ./dev serve runs) on a small copy of the project, so the edits
never touch the repository. One server takes, in turn, an edit to a model's data YAML, to the exports
(calculators/site/eksport.yaml), to the calculator runtime (calculators/runtime/kalkulator.js), to a
template (documents/templates/sources/), to a workshop scenario (workshops/scenarios.yaml), to a
model's Python (calculators/models/familie.py) and to a workshop module's Python
(workshops/handouts.py): each rebuild runs the stage (sitegen/) with every package imported afresh
(hooks/site.py): the handout's hint comes from the imported module, so its edit shows only if
the module is imported again.

No fixed waits and no polling of pages: the test waits on the server's own events. The first build
is done when the server logs «Serving on»; after an edit it asks the server's live-reload endpoint
(``/livereload/<epoch>/…``, what the page's own reload script asks), which answers when a newer
build than the page's is complete, and only then reads the page.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.test_authoring_errors import project

FIELD = re.compile(r'id="vl-familie-barnevern"[^>]*value="([^"]*)"')
EPOCH = re.compile(r"livereload\((\d+), \d+\);")
SECONDS = 300  # for one build, on a loaded machine


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``mkdocs serve`` in ``folder``: its log read as it comes, its builds known by their epoch."""

    def __init__(self, folder: Path) -> None:
        self.base = f"http://127.0.0.1:{_free_port()}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", self.base[7:-1]],
            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"},
            start_new_session=True,
        )
        self.log: list[str] = []
        self.serving = threading.Event()  # set at «Serving on», or when the server has ended
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self) -> None:
        for line in self.process.stderr:  # read to the end: a full pipe would stop the server
            self.log.append(line)
            if "Serving on" in line:
                self.serving.set()
        self.serving.set()

    def failure(self, what: str) -> AssertionError:
        return AssertionError(f"{what}; mkdocs serve skrev:\n{''.join(self.log[-40:])}")

    def started(self) -> None:
        if not self.serving.wait(SECONDS) or self.process.poll() is not None:
            raise self.failure(f"mkdocs serve serverte ikke innen {SECONDS} s")

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.base + path, timeout=SECONDS) as response:
            return response.read()

    def text(self, path: str) -> str:
        return self.get(path).decode("utf-8")

    def epoch(self, path: str) -> int:
        """The build the page at ``path`` comes from (the epoch in its live-reload script)."""
        match = EPOCH.search(self.text(path))
        assert match, f"/{path}: fant ikke live-reload-skriptet"
        return int(match[1])

    def next_build(self, epoch: int) -> int:
        """Wait until a build newer than ``epoch`` is complete, and return its epoch. The endpoint
        answers at once when there is one, else when one completes (or after a minute, unchanged)."""
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise self.failure("mkdocs serve har stoppet")
            newest = int(self.text(f"livereload/{epoch}/1"))
            if newest > epoch:
                return newest
        raise self.failure(f"ingen ny build innen {SECONDS} s")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: fant ikke {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def attribute(html: str, name: str) -> str:
    match = re.search(rf'{name}="([^"]*)"', html)
    assert match, f"fant ikke {name}"
    return match[1]


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
    server = Server(folder)
    try:
        server.started()
        page = server.text("familie/")
        epoch = server.epoch("familie/")
        assert re.sub(r"\D", "", FIELD.search(page)[1]) == "250000"
        assert "Om møtet" in server.text("mal/")
        handout = server.get("kurs/filer/familie-middels.pdf")
        scripts = {name: attribute(page, name) for name in ("data-vl-eksport", "data-vl-runtime", "data-vl-kode")}

        # Each kind of edit in turn, with its own rebuild, so each kind is seen to start one. A
        # check that fails waits for the next build (an edit seen half-written starts two).
        def after(change, check) -> None:
            nonlocal epoch
            change()
            deadline = time.monotonic() + SECONDS
            while True:
                epoch = server.next_build(epoch)
                failure = check()
                if not failure:
                    return
                if time.monotonic() > deadline:
                    raise AssertionError(failure)

        data_file = folder / "calculators" / "data" / "familie.yaml"
        assert "    value: 250000\n" in data_file.read_text(encoding="utf-8"), "eksempelet forutsetter barnevern = 250 000"
        after(lambda: edit(data_file, "    value: 250000\n", "    value: 260000\n"),
              lambda: (v := re.sub(r"\D", "", FIELD.search(server.text("familie/"))[1])) != "260000" and f"barnevern {v}")

        # The exports and the runtime: the page loads the new script (its name carries its hash).
        def new_script(name: str, expected: str):
            def check() -> str | None:
                script = attribute(server.text("familie/"), name)
                if script == scripts[name] or expected not in server.text("familie/" + script):
                    return f"{name}: {script} uten {expected!r}"
                return None
            return check

        runtime = folder / "calculators" / "runtime" / "kalkulator.js"
        after(lambda: edit(folder / "calculators" / "site" / "eksport.yaml", 'tittel: "Beslutningsnotat: {tittel}"',
                           'tittel: "Notat til beslutning: {tittel}"'),
              new_script("data-vl-eksport", "Notat til beslutning"))
        after(lambda: runtime.write_text(runtime.read_text(encoding="utf-8") + "\nwindow.vlServeTest = 1;\n", encoding="utf-8"),
              new_script("data-vl-runtime", "vlServeTest"))

        # A template: the page shows the section's new title.
        after(lambda: edit(folder / "documents" / "templates" / "sources" / "moteagenda.yaml", "  - title: Om møtet",
                           "  - title: Om det endrede møtet"),
              lambda: "Om det endrede møtet" not in server.text("mal/") and "malen uendret")

        # A workshop scenario: its handout (A4 PDF) is made again.
        after(lambda: edit(folder / "workshops" / "scenarios.yaml", "title: Familien – et middels anslag",
                           "title: Familien – et endret anslag"),
              lambda: server.get("kurs/filer/familie-middels.pdf") == handout and "utdelingsarket uendret")

        # Python code, imported afresh for each rebuild: a model's (its reading sentence, translated
        # into the page's model script) and a workshop module's (the handout's reading hint).
        after(lambda: edit(folder / "calculators" / "models" / "familie.py", '"innen én valgperiode"',
                           '"innen én endret valgperiode"'),
              new_script("data-vl-kode", "innen én endret valgperiode"))
        handout = server.get("kurs/filer/familie-middels.pdf")
        after(lambda: edit(folder / "workshops" / "handouts.py", '"Midtverdien og «i pluss» kommer fra',
                           '"Midtverdien og «i pluss» (endret) kommer fra'),
              lambda: server.get("kurs/filer/familie-middels.pdf") == handout and "utdelingsarket uendret etter endret kode")
    finally:
        server.stop()
