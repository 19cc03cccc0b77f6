"""Tests that share a costly fixture run in one pytest-xdist worker: the run's own scheduler.

pytest-xdist's ``--dist loadgroup`` tells the controller a test's group by appending it to the
test's node id in the worker, which pytest 9.2 no longer lets a plugin change
(pytest-dev/pytest-xdist#1386); and it read only ``xdist_group`` marks, before this project's
conftest had added its own. Nothing failed: the groups were silently dropped, so every costly
fixture was made once on each worker, and a module's fixture again each time another module's test
had run in between (the Zensical site was built twice per run, the templates generated twice).

Here each worker writes the groups it computed (``groups``) to a file of the run before it reports
its collection, and the controller schedules with pytest-xdist's ``LoadScopeScheduling``, whose unit
of work is a scope: a group is one unit, every other test a unit of its own (``--dist load``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Costly fixtures that are scoped to a module or the session: every test that uses one runs in the
# same worker, so the fixture is made once, not once per worker. Besides these, ``one_worker_keys``
# groups the tests of a module with a module-scoped fixture, and the tests using a session-scoped
# fixture of tests/ made outside tests/conftest.py and tests/browser/fixtures.py (whose fixtures, the
# browser and the site's servers, are one per worker by design), and the tests marked
# ``xdist_group(name)``.
ONE_WORKER_FIXTURES = {
    "generated": "doc-templates",
    "generated_again": "doc-templates",
    "libreoffice_pdfs": "doc-templates",
    "filled_files": "doc-templates",
    "filled_pdfs": "doc-templates",
    "handouts": "handouts",
    "offline_site": "offline-copy",
}
PER_WORKER = (str(ROOT / "tests" / "conftest.py"), str(ROOT / "tests" / "browser" / "fixtures.py"))
FILE = "xdist-groups.json"


def one_worker_keys(item: pytest.Item) -> set[str]:
    """What ties ``item`` to other tests that must share its worker (see ONE_WORKER_FIXTURES)."""
    keys = {ONE_WORKER_FIXTURES[name] for name in getattr(item, "fixturenames", ()) if name in ONE_WORKER_FIXTURES}
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    for name, defs in definitions.items():
        if not defs:
            continue
        scope, where = defs[-1].scope, getattr(defs[-1].func, "__code__", None)
        where = where.co_filename if where else ""
        if scope == "module":
            keys.add(item.nodeid.split("::")[0])
        elif scope == "session" and where.startswith(str(ROOT / "tests")) and where not in PER_WORKER:
            keys.add(f"{name}@{where}")
    keys |= {str(marker.args[0]) for marker in item.iter_markers("xdist_group") if marker.args}
    return keys


def groups(items: list[pytest.Item]) -> dict[str, str]:
    """``{node id: group}`` for every test tied to another: tests tied by any key share a group
    (union-find over the keys), named by one of its keys."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keys = {item.nodeid: sorted(one_worker_keys(item)) for item in items}
    for found in keys.values():
        for key in found[1:]:
            parent[root(key)] = root(found[0])
    return {nodeid: root(found[0]) for nodeid, found in keys.items() if found}


def _worker(config: pytest.Config) -> str | None:
    """The worker's id (gw0, …) in a pytest-xdist worker; None in the controller or without xdist.
    (Not the environment's PYTEST_XDIST_WORKER, which a pytest started from a test inherits.)"""
    workerinput = getattr(config, "workerinput", None)
    return workerinput["workerid"] if workerinput else None


def _run_folder(config: pytest.Config) -> Path:
    """The folder of this run, the same for the controller and each worker (their basetemp's parent)."""
    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return base.parent if _worker(config) else base


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook reports the collection to the controller
def pytest_collection_finish(session: pytest.Session) -> None:
    worker = _worker(session.config)
    if worker is None:
        return
    target = _run_folder(session.config) / FILE
    part = target.with_name(f"{FILE}.{worker}")
    part.write_text(json.dumps(groups(session.items), ensure_ascii=False), encoding="utf-8")
    os.replace(part, target)  # every worker writes the same groups; the file is whole at any time


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    if config.getoption("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        """A group (``groups``) is one unit of work; any other test is a unit of its own."""

        _groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self._groups is None:
                path = _run_folder(config) / FILE
                try:
                    self._groups = json.loads(path.read_text(encoding="utf-8"))
                except OSError as error:  # never schedule silently without the groups
                    raise RuntimeError(f"tests/grouping.py: fant ikke gruppene arbeiderne skrev ({path}): {error}") \
                        from None
            return self._groups.get(nodeid, nodeid)

    return GroupScheduling(config, log)
