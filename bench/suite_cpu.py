"""CPU seconds of test subsets (browsers and LibreOffice included), and the suite run again and
again under a CPU hog.

    python -m bench.suite_cpu                      # the subsets below, one worker each
    python -m bench.suite_cpu -- tests/browser/test_keyboard.py -n 1   # pytest with these arguments
    python -m bench.suite_cpu --runs 10 --hog 2    # the whole suite ten times in a row, while two
                                                   # processes keep two cores busy (issue 25, item 8)
    python -m bench.suite_cpu --runs 3             # the same on a quiet machine: three timed runs

On a shared machine the wall clock says little; CPU seconds say what a test costs. ``/usr/bin/time``
counts only the children a process waited for, and Chromium's renderers are not among them, so a
browser test's work goes mostly uncounted there. This runs pytest and samples ``/proc`` ten times a
second, summing per process (pid and start time) the last CPU time seen of pytest and every process
under it. A process that lives less than a tenth of a second, and the last tenth of one, are missed:
an underestimate, the same for every run. Each subset builds the site it needs (the first, alone,
is what the build costs).

With ``--runs`` each run is a whole ``pytest`` (the options of pyproject.toml: every core, xdist)
plus what follows ``--``; it prints one line per run (green or not, wall seconds, CPU seconds,
pytest's summary), keeps each run's output in a folder it names (``--durations=60`` after ``--``
puts the slowest tests there), and ends with the count of green runs. ``--hog N`` starts N
processes that only spin (``while True: pass``, at the same priority as the tests) before the first
run and ends them after the last; the load average is printed with each run. Exit code 0 only if every run was green.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

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


def cpu_seconds(command: list[str], output: int | IO[str] = subprocess.DEVNULL) -> tuple[float, float, int]:
    """Run ``command``: (CPU seconds of it and everything under it, wall seconds, exit code)."""
    start = time.perf_counter()
    root = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    tree = {root.pid}
    seen: dict[tuple[int, int], float] = {}
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


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _summary(log: Path) -> str:
    """pytest's last line («1 823 passed in 170.2s»), or the last line there is."""
    lines = [line.strip("= ") for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return next((line for line in reversed(lines) if " in " in line and ("passed" in line or "failed" in line)),
                lines[-1] if lines else "(ingen utskrift)")


def repeated(runs: int, hogs: int, arguments: list[str]) -> int:
    """The suite ``runs`` times in a row, with ``hogs`` spinning processes beside it."""
    # Ended by a signal, still end the spinners (``finally`` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(hogs)]
    folder = Path(tempfile.mkdtemp(prefix="suite-runs-"))
    green = 0
    try:
        print(f"{runs} kjøringer av pytest {' '.join(arguments)} med {hogs} prosesser som bare regner; "
              f"last {_load()}", flush=True)
        for number in range(1, runs + 1):
            log = folder / f"kjøring-{number}.txt"
            with open(log, "w") as out:
                cpu, wall, code = cpu_seconds([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                                               *arguments], out)
            green += code == 0
            print(f"kjøring {number}: {'grønn' if code == 0 else f'IKKE grønn (pytest ga {code})'}, "
                  f"{wall:.0f} s veggtid, {cpu:.0f} CPU-sekunder: {_summary(log)}; last {_load()}; {log}", flush=True)
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()
    print(f"{green} av {runs} kjøringer grønne", flush=True)
    return 0 if green == runs else 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.suite_cpu", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=0, help="kjør hele testsuiten så mange ganger på rad")
    parser.add_argument("--hog", type=int, default=0, help="så mange prosesser som bare regner, under kjøringene")
    parser.add_argument("pytest_args", nargs="*", help="etter --: argumenter til pytest")
    options = parser.parse_args(argv)
    if options.runs:
        return repeated(options.runs, options.hog, options.pytest_args)
    pytest = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"]
    subsets = {" ".join(options.pytest_args): options.pytest_args} if "--" in argv else {
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
