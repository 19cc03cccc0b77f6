"""What the site needs to be served with a strict Content-Security-Policy, and fast on a phone.

- ``bundle``: our stylesheets as one file and our scripts as one file, each under a content-hashed
  name (``velferdslab.1a2b3c4d.css``), so a server can cache them for a year (``immutable``) and a
  phone loads one stylesheet of ours instead of six. The source files stay separate
  (``theme/``, ``documents/runtime/``: ``sitegen.stage.ASSETS``); the order is the order in ``mkdocs.yml``.
- ``notebook_page``: mkdocs-jupyter writes its CSS as inline ``<style>`` blocks (574 kB of
  JupyterLab styles), its copy button as inline ``<script>`` and the figures as base64 PNGs. A
  strict CSP blocks the first two, and all three make the page heavy. They become one stylesheet
  (only the rules that can match the notebook, and only the custom properties those rules use),
  one script, and PNG files with width, height and lazy loading.
"""

from __future__ import annotations

import base64
import concurrent.futures
import functools
import hashlib
import re
import struct
import threading
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

HASH_LENGTH = 8
"""Hex digits of the content hash in a file name; deploy/nginx.conf caches such names for a year."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def hashed_name(stem: str, suffix: str, data: bytes) -> str:
    """``("assets/stylesheets/velferdslab", ".css", b"…")`` → ``assets/stylesheets/velferdslab.1a2b3c4d.css``."""
    return f"{stem}.{content_hash(data)}{suffix}"


def bundle(sources: list[tuple[str, str]], kind: str) -> bytes:
    """Concatenate ``(name, text)`` sources into one CSS or JavaScript file, each marked by name.

    Separate classic scripts already share one global scope, so concatenating them changes
    nothing for code that keeps to itself (ours: IIFEs or ``document$.subscribe``); a statement
    separator keeps a file without a final semicolon from running into the next.
    """
    if kind not in {"css", "js"}:
        raise ValueError(kind)
    parts = []
    for name, text in sources:
        if kind == "css":
            if re.search(r"^\s*@(?:import|charset)\b", text, re.M):
                raise ValueError(f"{name}: @import/@charset virker ikke i en samlet stilfil")
            parts.append(f"/* {name} */\n{text.strip()}\n")
        else:
            parts.append(f"// {name}\n{text.strip()}\n;\n")
    return "\n".join(parts).encode("utf-8")


MATERIAL_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)"></script>')


def defer_material_bundle(page_html: str) -> str:
    """Add ``defer`` to Material's bundle. Deferred scripts run in document order once the page is
    parsed — where the bundle ran anyway (end of <body>) — so our deferred scripts after it still
    find ``document$``; the browser no longer waits for it before the first paint."""
    return MATERIAL_BUNDLE.sub(r'<script src="\1" defer></script>', page_html, count=1)


# --- The notebook page -------------------------------------------------------------------------

STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>",
                           re.S | re.I)
PNG_IMG = re.compile(r'<img\b([^>]*?)\bsrc="data:image/png;base64,([A-Za-z0-9+/=\s]+)"([^>]*)>', re.I)
CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
ID_ATTR = re.compile(r'\bid="([^"]*)"')
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
SELECTOR_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


NOTEBOOK_EXTRA_CSS = """
/* Added by veileder/publish.py: the browser lays out a cell only when it nears the screen. */
.jupyter-wrapper .jp-Cell{content-visibility:auto;contain-intrinsic-size:auto 12rem}
"""


@dataclass
class NotebookAssets:
    html: str
    css: str = ""
    js: str = ""
    images: dict[str, bytes] = field(default_factory=dict)
    """File name (relative to the page's folder) -> PNG bytes."""


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("ikke en PNG-fil")
    return struct.unpack(">II", data[16:24])


def notebook_page(page_html: str, cache: Path | None = None) -> NotebookAssets:
    """Take the inline styles, scripts and PNGs out of a rendered notebook's HTML.

    Pruning the stylesheet takes seconds; with ``cache`` (a folder) the result is kept under the
    hash of its input, so a warm build does not do it again.
    """
    styles = [match.group(1) for match in STYLE.finditer(page_html)]
    scripts = [match.group(1) for match in INLINE_SCRIPT.finditer(page_html)]
    body = INLINE_SCRIPT.sub("", STYLE.sub("", page_html))

    images: dict[str, bytes] = {}

    def to_file(match: re.Match[str]) -> str:
        data = base64.b64decode(re.sub(r"\s", "", match.group(2)))
        width, height = png_size(data)
        name = f"figur.{content_hash(data)}.png"
        images[name] = data
        attributes = re.sub(r'\s(?:width|height|loading|decoding)="[^"]*"', "",
                            match.group(1) + match.group(3)).strip().rstrip("/").strip()
        return (f'<img {attributes} src="{name}" width="{width}" height="{height}" '
                'loading="lazy" decoding="async">')

    body = PNG_IMG.sub(to_file, body)
    css = prune_css_cached("\n".join(styles), body, cache) if cache else prune_css("\n".join(styles), body)
    css += NOTEBOOK_EXTRA_CSS
    js = "\n;\n".join(script.strip() for script in scripts)
    return NotebookAssets(html=body, css=css, js=js, images=images)


def _used_names(page_html: str) -> tuple[set[str], set[str]]:
    classes = {name for value in CLASS_ATTR.findall(page_html) for name in value.split()}
    ids = set(ID_ATTR.findall(page_html))
    return classes, ids


def _selector_can_match(selector: str, classes: set[str], ids: set[str]) -> bool:
    """False when the selector names a class or id the page does not have (conservative)."""
    # Classes inside :not(…) need not be present.
    positive = re.sub(r":not\([^)]*\)", "", selector)
    return (all(name in classes for name in SELECTOR_CLASS.findall(positive))
            and all(name in ids for name in SELECTOR_ID.findall(positive)))


def _prune_rules(rules: list, classes: set[str], ids: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            matching = [s for s in selectors if _selector_can_match(s, classes, ids)]
            if not matching:
                continue
            rule.prelude = tinycss2.parse_component_value_list(", ".join(matching))
            kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports"} and rule.content:
            inner = _prune_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                          skip_whitespace=True), classes, ids)
            if inner:
                rule.content = [token for r in inner for token in (r, tinycss2.ast.WhitespaceToken(0, 0, "\n"))]
                kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"charset", "import"}:
            continue
        elif rule.type in {"qualified-rule", "at-rule"}:
            kept.append(rule)
    return kept


def _declarations(rule) -> list:
    return tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)


def _prune_custom_properties(rules: list) -> list:
    """Drop ``--name: …`` declarations that no kept rule uses (directly or through another)."""
    definitions: dict[str, list[str]] = {}
    used: set[str] = set()

    def walk(rule_list: list) -> None:
        for rule in rule_list:
            if rule.type == "at-rule" and rule.content and rule.lower_at_keyword in {"media", "supports"}:
                walk([r for r in rule.content if getattr(r, "type", "") in {"qualified-rule", "at-rule"}])
            elif rule.type == "qualified-rule":
                for item in _declarations(rule):
                    if item.type != "declaration":
                        continue
                    value = tinycss2.serialize(item.value)
                    if item.name.startswith("--"):
                        definitions.setdefault(item.name, []).append(value)
                    else:
                        used.update(VAR_USE.findall(value))
            elif rule.type == "at-rule" and rule.content:
                used.update(VAR_USE.findall(tinycss2.serialize(rule.content)))

    walk(rules)
    pending = list(used)
    while pending:
        for value in definitions.get(pending.pop(), []):
            for name in VAR_USE.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)

    def rewrite(rule_list: list) -> list:
        out = []
        for rule in rule_list:
            if rule.type == "at-rule" and rule.content and rule.lower_at_keyword in {"media", "supports"}:
                inner = rewrite([r for r in rule.content if getattr(r, "type", "") in {"qualified-rule", "at-rule"}])
                if inner:
                    rule.content = [token for r in inner for token in (r, tinycss2.ast.WhitespaceToken(0, 0, "\n"))]
                    out.append(rule)
            elif rule.type == "qualified-rule":
                declarations = [item for item in _declarations(rule) if item.type == "declaration"
                                and (not item.name.startswith("--") or item.name in used)]
                if not declarations:
                    continue
                text = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                                + ("!important" if d.important else "") for d in declarations)
                rule.content = tinycss2.parse_component_value_list(text)
                out.append(rule)
            else:
                out.append(rule)
        return out

    return rewrite(rules)


def prune_css_cached(css: str, page_html: str, cache: Path) -> str:
    classes, ids = _used_names(page_html)
    key = hashlib.sha256("\0".join([css, *sorted(classes), "#", *sorted(ids)]).encode()).hexdigest()[:16]
    path = cache / f"notebook-{key}.css"
    if path.exists():
        return path.read_text(encoding="utf-8")
    pruned = prune_css(css, page_html)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob("notebook-*.css"):
        old.unlink()
    path.write_text(pruned, encoding="utf-8")
    return pruned


def prune_css(css: str, page_html: str) -> str:
    """Only the rules of ``css`` that can apply to ``page_html``, and the custom properties they use.

    Conservative: a selector is dropped only when it names a class or id that the page does not
    have; everything else (element selectors, pseudo-classes, @font-face …) stays.
    """
    classes, ids = _used_names(page_html)
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    rules = _prune_custom_properties(_prune_rules(rules, classes, ids))
    return "\n".join(tinycss2.serialize([rule]).strip() for rule in rules) + "\n"


# --- JavaScript: Terser, run in V8 ------------------------------------------------------------

TERSER = Path(__file__).parent / "vendor" / "terser" / "terser.min.js"  # 5.51.2, see its README.md
TERSER_VERSION = "5.51.2"
# Names at the top level of a script stay as they are (toplevel false: the scripts are classic
# scripts sharing one global scope, and vlFelt, vlLenke, the translated model functions … are used
# by other files); only names inside functions are shortened. Output keeps non-ASCII characters as
# they are (the files are served as UTF-8, as before).
TERSER_OPTIONS = {"ecma": 2020, "module": False, "toplevel": False,
                  "compress": {"passes": 2}, "mangle": True, "format": {"comments": False}}
_terser_lock = threading.Lock()


@functools.cache
def _terser_thread() -> concurrent.futures.ThreadPoolExecutor:
    """The one thread the Terser context is made and used on."""
    return concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="terser")


@functools.cache
def _terser():
    """One V8 context with Terser loaded (about 0.3 s), kept for the process."""
    from py_mini_racer import MiniRacer

    context = MiniRacer()
    # The UMD bundle wants @jridgewell/source-map only for source maps, which we do not make.
    context.eval("var self = globalThis; globalThis.sourceMap = {};")
    context.eval(TERSER.read_text(encoding="utf-8"))
    context.eval("function __vlMinify(source, options) {"
                 " return Terser.minify(source, JSON.parse(options)).then("
                 "  (r) => JSON.stringify({ok: true, code: r.code}),"
                 "  (e) => JSON.stringify({ok: false, message: String(e && e.message || e),"
                 "                         line: e && e.line, col: e && e.col})); }")
    return context


def minify_js(source: str) -> str:
    """``source`` minified by Terser (compress and mangle, top-level names kept).

    A syntax error in the script raises ``ValueError`` naming line and column.
    """
    import json

    def run() -> dict:
        context = _terser()
        promise = context.eval(f"__vlMinify({json.dumps(source)}, {json.dumps(json.dumps(TERSER_OPTIONS))})")
        return json.loads(promise.get(timeout=120))

    # On a thread of its own: mini-racer binds a context to the asyncio loop running where it is made,
    # and refuses promise.get() on that loop (a caller inside a running loop, e.g. Playwright's sync
    # API in the same process, would otherwise fail).
    with _terser_lock:
        result = _terser_thread().submit(run).result()
    if not result["ok"]:
        raise ValueError(f"JavaScript-feil ved linje {result.get('line')}, kolonne {result.get('col')}: {result['message']}")
    return result["code"] + "\n"


@functools.cache
def _minifier_fingerprint() -> str:
    """Terser's bundle, its version and our options: a change to any makes every cached result stale."""
    import json

    return hashlib.sha256(TERSER.read_bytes() + TERSER_VERSION.encode()
                          + json.dumps(TERSER_OPTIONS, sort_keys=True).encode()).hexdigest()[:16]


def minify_js_cached(source: str, cache: Path) -> str:
    """``minify_js(source)``, kept in ``cache`` under a hash of the source, Terser and its options.

    A warm build finds every script it minified last time there (Terser takes seconds over a
    build's JavaScript). Entries are written by the project's complete-or-nothing cache writer
    (``veileder.cache.cached_entry``), so parallel builds can share the folder; a mistake in
    the script raises ``ValueError`` as ``minify_js`` does and stores nothing.
    """
    from veileder.cache import cached_entry

    key = hashlib.sha256(_minifier_fingerprint().encode() + b"\0" + source.encode("utf-8")).hexdigest()[:32]
    entry, _ = cached_entry(cache, key, lambda folder: (folder / "minified.js").write_text(minify_js(source), encoding="utf-8"))
    return (entry / "minified.js").read_text(encoding="utf-8")
