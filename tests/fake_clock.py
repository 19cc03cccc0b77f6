"""Run a Python module as if the clock were shifted: ``python tests/fake_clock.py DAYS -m mkdocs …``.

For the reproducibility test, without faketime: ``time.time`` and ``datetime.datetime.now``/
``utcnow``/``today`` run ``DAYS`` days ahead of the real clock.
"""

from __future__ import annotations

import datetime as _dt
import os
import runpy
import sys
import time

SHIFT = _dt.timedelta(days=float(sys.argv[1]))
_real_time = time.time
time.time = lambda: _real_time() + SHIFT.total_seconds()
time.time_ns = lambda: int(time.time() * 1e9)


class _Datetime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):  # noqa: ANN001, ANN206 - the stdlib signature
        return super().now(tz) + SHIFT

    @classmethod
    def utcnow(cls):  # noqa: ANN206
        return super().utcnow() + SHIFT

    @classmethod
    def today(cls):  # noqa: ANN206
        return super().today() + SHIFT


_dt.datetime = _Datetime  # (date itself stays: isinstance checks on dates must keep working)

if __name__ == "__main__":
    assert sys.argv[2] == "-m", "bruk: fake_clock.py DAGER -m modul argumenter…"
    module = sys.argv[3]
    sys.argv = [module, *sys.argv[4:]]
    sys.path[0] = os.getcwd()  # as ``python -m`` does: the packages of the folder it runs in
    runpy.run_module(module, run_name="__main__", alter_sys=True)
