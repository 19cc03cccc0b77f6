"""Serve a folder on 127.0.0.1 until a given process ends: the test run's one web server.

    python tests/site_server.py <folder> <listening socket's file descriptor> <pid to outlive>

The caller binds the socket (a free port it then builds the site for) and hands it over open, so
the address is known, and taking connections, before this process has even started. It serves
until process ``<pid to outlive>`` — the pytest process that owns the run, the controller when
pytest-xdist runs workers — has ended, which the kernel reports (a pidfd becomes readable). No
worker's teardown can close it under another.
"""

from __future__ import annotations

import functools
import http.server
import os
import select
import socket
import sys
import threading
import time


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def wait_for_end(pid: int) -> None:
    """Return when process ``pid`` has ended (at once if it has already)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    except (AttributeError, OSError):  # no pidfd (not Linux, or a kernel before 5.3): ask twice a second
        while _alive(pid):
            time.sleep(0.5)
        return
    try:
        select.select([handle], [], [])
    finally:
        os.close(handle)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(folder: str, fd: int, owner: int) -> None:
    handler = functools.partial(_QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = socket.socket(fileno=fd)
    server.server_address = server.socket.getsockname()
    server.server_activate()
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    wait_for_end(owner)
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
