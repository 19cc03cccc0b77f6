"""Serve a folder on 127.0.0.1 until a given process ends: the test run's one web server.

    python tests/site_server.py <folder> <port file> <pid to outlive>

Binds a free port, writes it to ``<port file>`` (the site is then built for that address), and
serves until process ``<pid to outlive>`` — the pytest process that owns the run, the controller
when pytest-xdist runs workers — has ended. No worker's teardown can close it under another.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(folder: str, port_file: str, owner: int) -> None:
    handler = functools.partial(_QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    partial = Path(port_file + ".partial")
    partial.write_text(str(server.server_address[1]), encoding="utf-8")
    partial.replace(port_file)
    while _alive(owner):
        time.sleep(0.5)
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
