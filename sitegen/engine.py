"""Build the site with an engine from the staging folder: ``python -m sitegen site --engine NAME``.

The stage (``sitegen.stage``) writes ``<out>/docs``; this writes ``<out>/<engine>.yml`` from
``mkdocs.yml`` for an engine that reads MkDocs' configuration (MkDocs itself, ProperDocs), runs the
engine once, and then ``sitegen.post``. The engine configuration differs from ``mkdocs.yml`` in
what the stage has already done: no hooks, ``docs_dir`` is the staging folder, the bundles replace
the stylesheet and script lists, and the Markdown extension is told the staging folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitegen import post, stage
from sitegen.check import ROOT, StageError
from sitegen.config import CONFIG

ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs", "zensical": "zensical"}  # --engine → the module that builds
# Zensical rewrites relative links in raw HTML as it does Markdown links (relative to the page's
# Markdown file), builds only into a folder under its configuration's folder, and takes
# ``-f``/no ``--site-dir``; MkDocs and ProperDocs leave raw HTML alone.
SOURCE_LINKS = {"zensical"}


def _block(text: str, key: str, new: str) -> str:
    """Replace the top-level ``key:`` block of a YAML file (up to the next top-level line)."""
    match = re.search(rf"^{re.escape(key)}:.*\n(?:(?:[ \t].*|[ \t]*)\n)*", text, re.MULTILINE)
    if match is None:
        return text.rstrip("\n") + "\n" + new
    return text[:match.start()] + new + text[match.end():]


def engine_config(settings: dict, out: Path) -> str:
    """``mkdocs.yml`` as the engine needs it to build from the staging folder."""
    text = CONFIG.read_text(encoding="utf-8")
    text = _block(text, "docs_dir", f"docs_dir: {json.dumps(settings['docs_dir'])}\n")
    text = _block(text, "hooks", "")
    text = _block(text, "watch", "")
    text = _block(text, "extra_css", "extra_css: " + json.dumps(settings["extra_css"]) + "\n\n")
    text = _block(text, "extra_javascript", "extra_javascript: " + json.dumps(settings["extra_javascript"]) + "\n\n")
    text = text.replace("custom_dir: theme/overrides", f"custom_dir: {json.dumps(str(ROOT / 'theme' / 'overrides'))}")
    text = text.replace("  - sitegen.markdown_ext\n",
                        f"  - sitegen.markdown_ext:\n      staging: {json.dumps(str(out))}\n")
    return text + f"\nextra:\n  vl_oppstart: {json.dumps(settings['vl_oppstart'])}\n"


def build_site(engine: str, site: Path, out: Path | None = None) -> int:
    if engine not in ENGINES:
        print(f"Feil: ukjent motor «{engine}»; finnes: {', '.join(ENGINES)}", file=sys.stderr)
        return 2
    out = (out or ROOT / ".cache" / "staging" / engine).resolve()
    site = site.resolve()
    try:
        staged = stage.build(out, source_links=engine in SOURCE_LINKS)
    except StageError as error:
        print(f"Feil: {error}", file=sys.stderr)
        return 1
    for warning in staged.warnings:
        print(warning, file=sys.stderr)
    config = out / f"{engine}.yml"
    config.write_text(engine_config(staged.settings, out), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    epoch = stage.commit_time()
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    if engine == "zensical":
        text = config.read_text(encoding="utf-8")
        text = _block(text, "docs_dir", "docs_dir: docs\n") + "\nsite_dir: site\n"
        config.write_text(text, encoding="utf-8")
        built = out / "site"
        command = [sys.executable, "-m", ENGINES[engine], "build", "--strict", "--config-file", str(config)]
    else:
        built = site
        command = [sys.executable, "-m", ENGINES[engine], "build", "--strict", "--config-file", str(config),
                   "--site-dir", str(site)]
    result = subprocess.run(command, cwd=out if engine == "zensical" else ROOT, env=env)
    if result.returncode != 0:
        return result.returncode
    if built != site:
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(built, site)
    # The whole-guide PDF states the commit's time, as in a build through MkDocs' hooks: post runs
    # here, not in the engine's process, so it gets SOURCE_DATE_EPOCH too (else 1970-01-01).
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        post.run(site, out)
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    print(f"Bygget med {engine} til {site}/", file=sys.stderr)
    return 0
