"""Run every bench script in this folder (``python -m bench.<name>``), in name order.

``./dev bench`` runs all; ``./dev bench site lix`` runs the named ones. Each script prints plain
figures and must run without arguments.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path


def main() -> int:
    only = set(sys.argv[1:])
    failed = []
    for module in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if module.name.startswith("_") or (only and module.name not in only):
            continue
        print(f"# bench/{module.name}.py", flush=True)
        if subprocess.run([sys.executable, "-m", f"bench.{module.name}"]).returncode != 0:
            failed.append(module.name)
        print(flush=True)
    if failed:
        print(f"feilet: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
