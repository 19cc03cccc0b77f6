"""veileder/publish.py and what it does to the built site: nothing inline, one stylesheet of ours,
the notebook's styles, scripts and images as files, calculator figures out of the search index."""

from __future__ import annotations

import base64
import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from calculators.engine import registry
from calculators.engine.evaluate import evaluate
from calculators.site.render import format_output
from veileder import publish


def tiny_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_hashed_names_change_with_the_content() -> None:
    one = publish.hashed_name("assets/x", ".css", b"a")
    assert re.fullmatch(r"assets/x\.[0-9a-f]{8}\.css", one)
    assert one == publish.hashed_name("assets/x", ".css", b"a") != publish.hashed_name("assets/x", ".css", b"b")


def test_a_bundle_keeps_every_source_in_order_and_refuses_an_import() -> None:
    css = publish.bundle([("a.css", ".a{color:red}"), ("b.css", ".b{color:blue}")], "css").decode()
    assert css.index(".a{") < css.index(".b{") and "/* a.css */" in css
    js = publish.bundle([("a.js", "f()"), ("b.js", "g()")], "js").decode()
    assert re.search(r"f\(\)\s*;\s*// b\.js\s*g\(\)", js)  # no statement runs into the next
    with pytest.raises(ValueError, match="x.css"):
        publish.bundle([("x.css", '@import "y.css";')], "css")


def test_the_notebook_page_loses_its_inline_styles_scripts_and_base64_images() -> None:
    png = tiny_png(3, 2)
    html = (
        "<style>.jp-Cell{color:var(--jp-a)}.jp-Unused{color:red}.jupyter-wrapper{--jp-a:#123;--jp-b:#456}"
        "@media print{.jp-Cell{display:block}.jp-Gone{display:none}}</style>"
        '<script>customElements.define("x-y", class extends HTMLElement {})</script>'
        '<div class="jupyter-wrapper"><div class="jp-Cell">'
        f'<img alt="Figur" class="vl-figure" src="data:image/png;base64,{base64.b64encode(png).decode()}">'
        "</div></div>"
    )
    assets = publish.notebook_page(html)
    assert "<style" not in assets.html and "<script" not in assets.html and "data:image" not in assets.html
    name, data = next(iter(assets.images.items()))
    assert data == png
    assert f'src="{name}" width="3" height="2" loading="lazy"' in assets.html and 'alt="Figur"' in assets.html
    # Only rules that can match, and only the custom properties they use.
    assert ".jp-Cell" in assets.css and "--jp-a" in assets.css
    assert "jp-Unused" not in assets.css and "jp-Gone" not in assets.css and "--jp-b" not in assets.css
    assert "@media print" in assets.css
    assert 'customElements.define("x-y"' in assets.js


def test_material_bundle_gets_defer_once() -> None:
    page = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script><script src="x.js"></script>'
    assert publish.defer_material_bundle(page) == (
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script><script src="x.js"></script>')


# --- The built site ----------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")


def test_no_page_has_an_inline_script_style_or_handler(built_site: Path) -> None:
    found = []
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, re.compile(r"<style\b"), re.compile(r"\sstyle=\""),
                        re.compile(r"\son[a-z]+=\"")):
            found += [f"{page.relative_to(built_site)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert found == []


def test_every_page_loads_one_stylesheet_of_ours_and_says_no_referrer(built_site: Path) -> None:
    for page in [built_site / "index.html", built_site / "okonomi" / "familie" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        assert [s for s in sheets if "main." not in s and "palette." not in s] == [
            next(s for s in sheets if re.search(r"velferdslab\.[0-9a-f]{8}\.css$", s))]
        assert '<meta name="referrer" content="no-referrer">' in text


def test_calculator_figures_are_not_in_the_search_index(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("okonomi/familie/"))
    assert text, "the familie page is in the index"
    model = registry.load("familie")
    results = evaluate(model)
    headline = [format_output(results[o.id], o) for o in model.outputs if o.headline]
    assert headline and not [figure for figure in headline if figure in text]


def test_minified_javascript_still_parses_and_keeps_strings_regexes_and_global_names() -> None:
    from py_mini_racer import MiniRacer

    source = ('function vlFelt(langtNavn) { const a = "// not a comment", b = `x ${ {k: langtNavn}.k } /* kept */ y`;'
              " // gone\n/* gone */ const r = /[/]\\/*/g; return [a, b, 'å'].join(' ').split(r).length; }\n"
              "var vlLenke = (x) => vlFelt(x) + 1;\n")
    small = publish.minify_js(source)
    assert "gone" not in small and "// not a comment" in small and "/* kept */" in small
    assert "/[/]\\/*/g" in small and "langtNavn" not in small and "å" in small
    # Top-level names are shared between the site's scripts: kept.
    assert MiniRacer().eval(small + "; vlLenke(7)") == MiniRacer().eval(source + "; vlLenke(7)")


def test_vendored_terser_is_the_published_5_51_2() -> None:
    import hashlib

    digest = hashlib.sha256(publish.TERSER.read_bytes()).hexdigest()
    readme = (publish.TERSER.parent / "README.md").read_text(encoding="utf-8")
    assert digest == "379f8758191b03c07745486e785cbf4bed6a7ae368aa40a5a819556743f3ad1c"
    assert digest in readme and publish.TERSER_VERSION in readme
    assert (publish.TERSER.parent / "LICENSE").read_text(encoding="utf-8").startswith("Copyright")


def test_minified_javascript_is_kept_between_builds_and_a_mistake_stores_nothing(tmp_path: Path) -> None:
    source = "function f() {\n  // gone\n  return 1;\n}\n"
    assert publish.minify_js_cached(source, tmp_path) == publish.minify_js(source)
    [entry] = tmp_path.glob("*/minified.js")
    # The next build reads the entry instead of minifying again (a changed source gets its own).
    entry.write_text("function f(){return 1}\n", encoding="utf-8")
    assert publish.minify_js_cached(source, tmp_path) == "function f(){return 1}\n"
    assert publish.minify_js_cached(source + "f();\n", tmp_path).endswith("f();\n")
    with pytest.raises(ValueError, match="JavaScript-feil ved linje 1"):
        publish.minify_js_cached("const r = /abc\n", tmp_path)
    assert len(list(tmp_path.iterdir())) == 2


def test_every_script_in_the_built_site_parses(built_site: Path) -> None:
    from py_mini_racer import MiniRacer

    racer = MiniRacer()
    for path in sorted((built_site / "assets").rglob("*.js")):
        if "/lunr/" in path.as_posix() or "/workers/" in path.as_posix():
            continue
        # new Function parses without running: a syntax error names the file.
        racer.eval(f"new Function({json.dumps(path.read_text(encoding='utf-8'))})")


def test_minifying_works_inside_a_running_event_loop() -> None:
    """A build or test in a process with an asyncio loop running (Playwright's sync API is one)
    still minifies: mini-racer refuses promise.get() on the loop its context was made on."""
    import asyncio
    import threading

    async def inside() -> str:
        return publish.minify_js("function f(longName) { return longName * 2; } window.g = f;")

    # A thread of its own: the test worker may already run a loop (Playwright's), and asyncio.run()
    # cannot be nested.
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(asyncio.run(inside())))
    worker.start()
    worker.join(timeout=120)
    assert result == ["function f(n){return 2*n}window.g=f;\n"]
