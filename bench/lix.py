"""Print word count and LIX for every page of the built site.

    .venv/bin/python -m bench.lix [site-dir]

Without a folder it builds the site into a temporary one first (a fresh clone has no site/).

Limits: guidance pages LIX < 45, the citizen page (innbyggere/) LIX < 35.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textcheck.lix import score  # noqa: E402
from textcheck.prose import article_blocks, built_pages  # noqa: E402


def main(site_dir: Path) -> None:
    pages = built_pages(site_dir)
    if not pages:
        sys.exit(f"Fant ingen sider i {site_dir}.")
    width = max(len(url or "/") for url in pages)
    print(f"{'side':<{width}}  {'ord':>6}  {'setn.':>6}  {'LIX':>5}")
    for url, html_file in pages.items():
        counts = score(article_blocks(html_file.read_text(encoding="utf-8")))
        print(f"{url or '/':<{width}}  {counts.words:>6}  {counts.sentences:>6}  {counts.value:>5.1f}")


def built_site(folder: Path) -> Path:
    site = folder / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=Path(__file__).resolve().parent.parent, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return site


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(built_site(Path(tmp)))
