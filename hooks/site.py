"""The MkDocs adapter: every build (each rebuild under ``./dev serve`` too) runs the stage.

The work is in ``sitegen`` (no MkDocs there): ``on_config`` imports the project's packages
afresh, checks every source and writes the staging folder (``sitegen.stage``), and points MkDocs
at it: ``docs_dir``, the hashed bundles, the start-up script, the folder the Markdown extension
``sitegen.markdown_ext`` pastes calculators from. ``on_post_build`` makes the whole-guide PDF
and the offline zip from the built site (``sitegen.post``); ``mkdocs serve`` skips it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)
PACKAGES = ("calculators", "documents", "veileder", "sitegen", "textcheck", "workshops", "typfall")
EXTENSION = "sitegen.markdown_ext"
COMMAND = "VL_MKDOCS_COMMAND"  # MkDocs loads this file again for every rebuild; the command survives here


def on_startup(*, command: str, dirty: bool) -> None:
    os.environ[COMMAND] = command


def _serving() -> bool:
    return os.environ.get(COMMAND) == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for name in [n for n in sys.modules if n.split(".")[0] in PACKAGES]:
        del sys.modules[name]  # an edited model, template, workshop or export shows at once
    from sitegen import config as site_config
    from sitegen import stage
    from sitegen.check import StageError

    epoch = stage.commit_time(Path(config.config_file_path).parent)
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    out = stage.staging_for(config.site_dir, _serving())
    try:
        cfg = site_config.load(Path(config.config_file_path))  # as written (plugins add to extra_javascript)
        staged = stage.build(out, config.site_url, serve=_serving(), docs=Path(config.docs_dir), cfg=cfg)
    except (StageError, site_config.ConfigError) as error:
        raise PluginError(str(error)) from None
    for warning in staged.warnings:
        print(warning, file=sys.stderr)  # printed, not logged: a logged warning stops --strict
    if staged.made:
        log.info("Laget på nytt: %s", ", ".join(staged.made))
    settings = staged.settings
    config.docs_dir = settings["docs_dir"]
    bundled, bundles = set(settings["bundled"]), settings["bundles"]
    config.extra_css = [*([bundles["css"]] if "css" in bundles else []), *(p for p in config.extra_css if p not in bundled)]
    scripts = [s for s in config.extra_javascript if str(s) not in bundled]
    if "js" in bundles:
        script = ExtraScriptValue(bundles["js"])
        script.defer = True
        scripts.insert(0, script)
    config.extra_javascript = scripts
    config.extra["vl_oppstart"] = settings["vl_oppstart"]
    config.mdx_configs[EXTENSION] = {"staging": str(out)}
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    return config


def _staging(config: MkDocsConfig) -> Path:
    return Path(config.mdx_configs[EXTENSION]["staging"])


def on_post_build(*, config: MkDocsConfig) -> None:
    if _serving():  # mkdocs serve then watches docs_dir: the sources, not the folder the stage rewrites
        config.docs_dir = json.loads((_staging(config) / "stage.json").read_text(encoding="utf-8"))["source_docs"]
        return
    from sitegen import post

    try:
        post.run(Path(config.site_dir), _staging(config), log=log.info)
    except RuntimeError as error:
        raise PluginError(str(error)) from None
