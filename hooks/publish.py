"""Publishing: what the built site needs to run under a strict CSP and load fast on a phone.

Thin wiring; the work is in ``veileder.publish``.

- ``on_config``: our stylesheets (``extra_css``) become one content-hashed file and our scripts
  (``extra_javascript``) one deferred content-hashed file; Material's start-up script
  (``docs/assets/javascripts/oppstart.js``, loaded by ``docs/overrides/partials/javascripts/
  base.html``) gets a hashed name too. Source files stay separate, so editing one never conflicts.
- ``on_page_content``: the notebook page's inline styles, scripts and base64 images become files.
- ``on_post_page``: Material's own script bundle gets ``defer`` (ours already have it).
- ``on_post_build``: our scripts in the site lose comments and indentation (``minify_js``; the
  results are kept in ``.cache/publish/minify/``, so a warm build minifies nothing).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from veileder import publish

OPPSTART = "assets/javascripts/oppstart.js"
_generated: dict[str, bytes] = {}
"""Site path -> content written by this hook: the bundles (added in on_files) …"""
_late: dict[str, bytes] = {}
"""… and the notebook page's files (known only while pages render; written in on_post_build)."""


def _local(path: str) -> bool:
    return not path.startswith(("http:", "https:", "//", "/")) and "?" not in path


def _minify_cache(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "publish" / "minify"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _generated.clear()
    _late.clear()
    docs = Path(config.docs_dir)

    def read(path: str) -> str:
        try:
            return (docs / path).read_text(encoding="utf-8")
        except OSError as error:
            raise PluginError(f"mkdocs.yml: finner ikke {path} under {docs}: {error}") from None

    css = [path for path in config.extra_css if _local(path) and path.endswith(".css")]
    if css:
        data = publish.bundle([(path, read(path)) for path in css], "css")
        name = publish.hashed_name("assets/stylesheets/velferdslab", ".css", data)
        _generated[name] = data
        config.extra_css = [name] + [path for path in config.extra_css if path not in css]

    scripts = [script for script in config.extra_javascript
               if _local(str(script)) and str(script).endswith(".js")
               and getattr(script, "type", "") != "module" and not getattr(script, "async_", False)]
    if scripts:
        data = publish.minify_js_cached(publish.bundle([(str(s), read(str(s))) for s in scripts], "js").decode(),
                                       _minify_cache(config)).encode()
        bundled = ExtraScriptValue(publish.hashed_name("assets/javascripts/velferdslab", ".js", data))
        bundled.defer = True
        _generated[bundled.path] = data
        config.extra_javascript = [bundled] + [s for s in config.extra_javascript if s not in scripts]

    data = publish.minify_js_cached(read(OPPSTART), _minify_cache(config)).encode("utf-8")
    name = publish.hashed_name(OPPSTART.removesuffix(".js"), ".js", data)
    _generated[name] = data
    config.extra["vl_oppstart"] = name
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    for path, data in _generated.items():
        files.append(File.generated(config, path, content=data))
    return files


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not page.file.src_uri.endswith(".ipynb"):
        return None
    cache = Path(config.config_file_path).parent / ".cache" / "publish"
    assets = publish.notebook_page(html, cache)
    folder = posixpath.dirname(page.file.dest_uri)
    head = ""
    if assets.css:
        data = assets.css.encode("utf-8")
        path = publish.hashed_name("assets/stylesheets/notebook", ".css", data)
        _late[path] = data
        head += f'<link rel="stylesheet" href="{get_relative_url(path, page.url)}">'
    if assets.js:
        # Material's instant navigation runs the scripts in a new page again: define things once.
        data = publish.minify_js_cached("if (!window.__vlNotebook) {\nwindow.__vlNotebook = true;\n" + assets.js + "\n}\n",
                                        _minify_cache(config)).encode()
        path = publish.hashed_name("assets/javascripts/notebook", ".js", data)
        _late[path] = data
        head += f'<script src="{get_relative_url(path, page.url)}" defer></script>'
    for name, data in assets.images.items():
        _late[posixpath.join(folder, name)] = data
    return head + assets.html


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """Material's bundle is deferred too: it no longer holds up the first paint on a phone."""
    return publish.defer_material_bundle(output)


def on_post_build(*, config: MkDocsConfig) -> None:
    site, cache = Path(config.site_dir), _minify_cache(config)
    # Our other scripts (the calculator runtime, the generated model files, the exports …) lose
    # comments and indentation in the site; the sources keep them. Material's files are minified.
    for path in [*(site / "assets" / "javascripts").glob("*.js"), *(site / "assets" / "kalkulatorer").rglob("*.js")]:
        if path.name.endswith(".min.js") or path.relative_to(site).as_posix() in _generated:
            continue
        try:
            path.write_text(publish.minify_js_cached(path.read_text(encoding="utf-8"), cache), encoding="utf-8")
        except ValueError as error:
            raise PluginError(f"{path.relative_to(site)}: {error}") from None
    for path, data in _late.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
