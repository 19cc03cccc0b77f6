"""Template generation: cold (empty cache) and warm (nothing changed), and every file's size.

A warm run must regenerate nothing: the content hash of every source, the generator code and the
fonts is unchanged, so every file comes from the cache.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from documents.site.build import SOURCES_DIR, build_templates
from documents.templates.strings import format_size


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        start = time.perf_counter()
        cold = build_templates(SOURCES_DIR, cache)
        cold_seconds = time.perf_counter() - start
        start = time.perf_counter()
        warm = build_templates(SOURCES_DIR, cache)
        warm_seconds = time.perf_counter() - start
        print(f"maler: {len(cold)}, filer: {sum(len(item.downloads) + 1 for item in cold)}")
        print(f"kald generering (tom cache): {cold_seconds:.2f} s, generert: {sum(i.regenerated for i in cold)}")
        print(f"varm generering (uendret):   {warm_seconds:.3f} s, generert: {sum(i.regenerated for i in warm)}")
        for item in cold:
            for path in [*(d.path for d in item.downloads), item.preview.path, item.preview.path_2x]:
                print(f"  {path.name:40} {path.stat().st_size:>8} byte  ({format_size(path.stat().st_size)})")


if __name__ == "__main__":
    main()
