"""The run's scheduler (tests/grouping.py) keeps tests that share a costly fixture in one worker.

A small project is run with two workers, as ``./dev test`` runs this one: the tests of a module with
a module-scoped fixture, and the tests marked with one ``xdist_group`` across two modules, each run
in one worker, and each fixture is made once. (With pytest 9.2, pytest-xdist's own ``loadgroup``
spread both over the workers without a word: pytest-dev/pytest-xdist#1386.)
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

MODULE_FIXTURE = '''
import os, pytest, time

@pytest.fixture(scope="module")
def made():
    with open("made.txt", "a") as out:
        out.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")

@pytest.mark.parametrize("i", range(6))
def test_uses_it(made, i):
    time.sleep(0.05)
'''
GROUP = '''
import pytest, time

@pytest.mark.xdist_group("{name}")
@pytest.mark.parametrize("i", range(4))
def test_grouped(i):
    time.sleep(0.05)

@pytest.mark.parametrize("i", range(6))
def test_free(i):
    time.sleep(0.05)
'''


def test_a_group_and_a_modules_fixture_each_stay_in_one_worker(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["tests.grouping"]\n', encoding="utf-8")
    (tmp_path / "test_module.py").write_text(MODULE_FIXTURE, encoding="utf-8")
    (tmp_path / "test_one.py").write_text(GROUP.format(name="g"), encoding="utf-8")
    (tmp_path / "test_two.py").write_text(GROUP.format(name="g"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "load", "-v", "-p", "no:cacheprovider"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    workers = collections.defaultdict(set)
    for worker, nodeid in re.findall(r"^\[(gw\d)\] .*?PASSED (\S+)", result.stdout, re.M):
        name = nodeid.split("::")[1].split("[")[0]
        workers["module" if name == "test_uses_it" else name].add(worker)
    assert len(workers["module"]) == 1 and len(workers["test_grouped"]) == 1, dict(workers)
    assert workers["test_free"] == {"gw0", "gw1"}, "the other tests are shared between the workers"
    assert len((tmp_path / "made.txt").read_text(encoding="utf-8").split()) == 1
