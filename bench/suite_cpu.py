"""CPU seconds (user + system) of test subsets, browsers and LibreOffice included.

    python -m bench.suite_cpu                      # the subsets below
    python -m bench.suite_cpu -- tests/browser/test_keyboard.py -n 1   # pytest with these arguments

On a shared machine the wall clock says little; CPU seconds say what a test costs. ``/usr/bin/time``
counts only the children a process waited for, and Chromium's renderers are not among them, so a
browser test's work goes mostly uncounted there. This runs pytest and samples ``/proc`` ten times a
second, summing per process (pid and start time) the last CPU time seen of pytest and every process
under it. A process that lives less than a tenth of a second, and the last tenth of one, are missed:
an underestimate, the same for every run. Each subset builds the site it needs (the first, alone,
is what the build costs).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")
SUBSETS = {
    "bygget alene": ["tests/browser/test_every_page.py::test_the_built_site_has_the_pages_of_the_navigation"],
    "hver side (med bygget)": ["tests/browser/test_every_page.py"],
    "regnearkene i LibreOffice": ["tests/calculators/test_sheet_familie.py", "tests/calculators/test_sheet_utenforskap.py",
                                  "tests/calculators/test_sheet_investeringsmote.py"],
}


def _processes() -> dict[int, tuple[int, int, float]]:
    """pid → (parent pid, start time, CPU seconds so far) of every process."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        found[int(name)] = (int(fields[1]), int(fields[19]), (int(fields[11]) + int(fields[12])) / TICK)
    return found


def cpu_seconds(command: list[str]) -> tuple[float, float, int]:
    """Run ``command``: (CPU seconds of it and everything under it, wall seconds, exit code)."""
    start = time.perf_counter()
    root = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree, seen = {root.pid}, {}
    while True:
        processes = _processes()
        grown = True
        while grown:
            grown = False
            for pid, (parent, _, _) in processes.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    grown = True
        for pid in tree & processes.keys():
            _, started, cpu = processes[pid]
            seen[pid, started] = max(cpu, seen.get((pid, started), 0.0))
        if root.poll() is not None:
            return sum(seen.values()), time.perf_counter() - start, root.returncode
        time.sleep(0.1)


def main(arguments: list[str]) -> int:
    pytest = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"]
    subsets = {" ".join(arguments[1:]): arguments[1:]} if arguments[:1] == ["--"] else {
        name: [*paths, "-n", "1"] for name, paths in SUBSETS.items()}
    failed = False
    for name, args in subsets.items():
        cpu, wall, code = cpu_seconds([*pytest, *args])
        print(f"{name}: {cpu:.0f} CPU-sekunder, {wall:.0f} s veggtid{'' if code == 0 else f' (pytest ga {code})'}",
              flush=True)
        failed |= code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
