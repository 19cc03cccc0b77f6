"""Serve a built site locally with the shipped nginx server block (``deploy/nginx.conf``).

Used by the tests (``tests/browser/test_served.py``) and ``bench/lighthouse.py``, and by anyone
who wants to see the site as a server will serve it::

    python -m deploy.lokal site/ 8080

Only the ``listen`` and ``root`` lines of the server block are replaced (and ``server_name`` is
dropped); every header, cache rule and compression setting is the one that ships. nginx runs in
the foreground as a child process, with its configuration, logs and temporary files in a
folder of its own. Brotli is switched on when Debian's brotli module is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVER_BLOCK = HERE / "nginx.conf"
BROTLI_SNIPPET = HERE / "nginx-brotli.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")


class NginxError(RuntimeError):
    pass


@dataclass
class Served:
    url: str
    """Base URL, ending in /."""
    access_log: Path
    error_log: Path
    brotli: bool


def server_block(site: Path, port: int) -> str:
    """The shipped server block, listening on 127.0.0.1:``port`` and serving ``site``."""
    text = SERVER_BLOCK.read_text(encoding="utf-8")
    text, listens = re.subn(r"^(\s*)listen\s+[^;]+;", rf"\1listen 127.0.0.1:{port};", text, flags=re.M)
    text, roots = re.subn(r"^(\s*)root\s+[^;]+;", lambda m: f'{m.group(1)}root "{site}";', text, flags=re.M)
    text = re.sub(r"^\s*server_name\s+[^;]+;", "", text, flags=re.M)
    if listens != 1 or roots != 1:
        raise NginxError(f"{SERVER_BLOCK}: fant ikke nøyaktig én listen- og én root-linje")
    return text


def main_config(site: Path, port: int, work: Path, brotli: bool) -> str:
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read a root-owned temp folder
    module = f"load_module {BROTLI_MODULE};\n" if brotli else ""
    temp = "\n".join(f"    {name}_temp_path {work / ('tmp-' + name)};"
                     for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (
        f"{module}{user}worker_processes 1;\npid {work / 'nginx.pid'};\n"
        f"error_log {work / 'error.log'} warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        f"    include {MIME_TYPES};\n"
        "    default_type application/octet-stream;\n"
        f"    access_log {work / 'access.log'} combined;\n"
        f"{temp}\n"
        "    sendfile on;\n"
        f"{server_block(site, port)}\n"
        "}\n"
    )


def _wait_for_port(port: int, process: subprocess.Popen, error_log: Path, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = error_log.read_text() if error_log.exists() else ""
            raise NginxError(f"nginx stoppet (kode {process.returncode}):\n{log}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)  # polling a port: no event to wait on
    raise NginxError(f"nginx svarte ikke på port {port} innen {timeout} s")


@contextmanager
def serve(site: Path, port: int, work: Path | None = None) -> Iterator[Served]:
    """Run nginx with the shipped server block on 127.0.0.1:``port`` until the block exits."""
    if not Path(NGINX).exists():
        raise NginxError("nginx mangler. Kjør ./dev test (installerer Debians nginx) eller apt-get install nginx")
    with tempfile.TemporaryDirectory(prefix="nginx-") as tmp:
        work = Path(work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        brotli = BROTLI_MODULE.exists()
        if brotli:
            (work / "snippets").mkdir(exist_ok=True)
            shutil.copy(BROTLI_SNIPPET, work / "snippets" / "velferdslab-brotli.conf")
        config = work / "nginx.conf"
        config.write_text(main_config(Path(site).resolve(), port, work, brotli), encoding="utf-8")
        check = subprocess.run([NGINX, "-t", "-q", "-p", str(work), "-c", str(config)],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise NginxError(f"nginx -t avviste oppsettet:\n{check.stderr}")
        process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(config), "-g", "daemon off;"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_for_port(port, process, work / "error.log")
            yield Served(f"http://127.0.0.1:{port}/", work / "access.log", work / "error.log", brotli)
        finally:
            process.send_signal(signal.SIGQUIT)  # graceful stop of this nginx (its own pid)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("bruk: python -m deploy.lokal <site-mappe> <port>")
    # SIGTERM (kill, a process manager) stops nginx too, like Ctrl+C: the with-block's cleanup runs.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with serve(Path(sys.argv[1]), int(sys.argv[2])) as served:
        print(f"Serverer {sys.argv[1]} på {served.url} (Ctrl+C for å stoppe)", flush=True)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
