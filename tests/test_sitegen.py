"""The generation stage (sitegen/) on its own: no MkDocs, addresses as MkDocs writes them, the
Markdown extension, and a staging folder that only changes what changed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from mkdocs.utils import get_relative_url

from sitegen import markdown_ext, stage, urls
from tests.conftest import ROOT


def test_the_stage_imports_no_mkdocs() -> None:
    code = ("import sys, sitegen.__main__, sitegen.stage, sitegen.post, sitegen.engine, sitegen.markdown_ext; "
            "found = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'material')); "
            "print(found); sys.exit(1 if found else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


PACKAGES = ("calculators", "documents", "sitegen", "veileder", "workshops", "typfall", "textcheck")


def test_no_module_outside_hooks_imports_mkdocs_or_material() -> None:
    """Only hooks/site.py, the thin adapter, knows the engine; the rest runs without it."""
    import ast

    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    names = [node.module or ""]
                else:
                    continue
                found += [f"{path.relative_to(ROOT)}:{node.lineno}: {name}" for name in names
                          if name.split(".")[0] in ("mkdocs", "material", "properdocs")]
    assert found == []


@pytest.mark.parametrize(("src", "url"), [("index.md", ""), ("kurs/index.md", "kurs/"),
                                          ("okonomi/familie.md", "okonomi/familie/"), ("okonomi/metode.ipynb", "okonomi/metode/")])
def test_page_urls_are_directory_urls(src: str, url: str) -> None:
    assert urls.page_url(src) == url


@pytest.mark.parametrize("target", ["assets/kalkulatorer/familie.js", "okonomi/familie/", "", "maler/filer/a.pdf"])
@pytest.mark.parametrize("page", ["", "okonomi/familie/", "kurs/", "a/b/c/"])
def test_relative_links_are_the_ones_mkdocs_writes(target: str, page: str) -> None:
    assert urls.relative(target, page) == get_relative_url(target, page)


def _convert(text: str, staging: Path) -> tuple[str, list]:
    md = markdown.Markdown(extensions=["toc", markdown_ext.makeExtension(staging=str(staging))])
    return md.convert(text), md.toc_tokens


def test_the_extension_puts_the_calculator_in_place_and_in_the_table_of_contents(tmp_path: Path) -> None:
    (tmp_path / "fragments").mkdir()
    (tmp_path / "content").mkdir()
    name = markdown_ext.fragment_name("familie", "okonomi/familie.md")
    (tmp_path / "fragments" / f"{name}.html").write_text('<div><h2 id="vl-familie-resultat">Resultat</h2></div>')
    (tmp_path / "fragments" / f"{name}.json").write_text(json.dumps([{"id": "vl-familie-resultat", "name": "Resultat"}]))
    page = ("# Familien\n\n## Start\n\n<!-- kalkulator: familie -->\n\n## Etter\n\nIkke her: `<!-- kalkulator: familie -->`\n\n"
            "<!-- vl-page: okonomi/familie.md -->\n")
    html, toc = _convert(page, tmp_path)
    assert html.count('id="vl-familie-resultat"') == 1 and "&lt;!-- kalkulator: familie --&gt;" in html
    assert "vl-page" not in html and 'tabindex="-1"' in html  # the skip link's target is focusable
    assert [t["id"] for t in toc[0]["children"]] == ["start", "vl-familie-resultat", "etter"]
    kept = json.loads(markdown_ext.content_file(tmp_path, "okonomi/familie.md").read_text())
    assert kept["content"] == html and kept["title"] == "Familien"


def test_the_staging_folder_writes_only_what_changed_and_removes_the_rest(tmp_path: Path) -> None:
    writer = stage._Writer(tmp_path)
    writer.add("a.txt", "a")
    writer.add("b/c.txt", "c")
    writer.sync()
    before = (tmp_path / "a.txt").stat().st_mtime_ns
    (tmp_path / "gammel.txt").write_text("x")
    again = stage._Writer(tmp_path)
    again.add("a.txt", "a")
    again.sync()
    assert (tmp_path / "a.txt").stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt"]


CODE_PAGE = ("---\ndescription: Om markører.\n---\n# Markører\n\nSkriv `<!-- kalkulator: finnes-ikke -->` på en egen linje:\n\n"
             "```markdown\n<!-- kalkulator: finnes-ikke -->\n<!-- mal: finnes-ikke -->\n```\n\n"
             "- I en liste:\n\n    ~~~\n    <!-- scenario: finnes-ikke -->\n    ~~~\n\n"
             "``<!-- datakilder -->`` og `<!-- nedlasting: pdf -->`\n")


def test_code_is_blanked_and_restored_with_its_lines_kept() -> None:
    from veileder import markdown_code

    blank = markdown_code.blank_code(CODE_PAGE)
    assert "<!--" not in blank and len(blank) == len(CODE_PAGE) and blank.count("\n") == CODE_PAGE.count("\n")
    assert blank.splitlines()[3] == "# Markører"
    protected, restore = markdown_code.protect(CODE_PAGE + "<!-- datakilder -->\n")
    assert protected.count("<!--") == 1 and protected.count("\n") == CODE_PAGE.count("\n") + 1
    assert restore(protected) == CODE_PAGE + "<!-- datakilder -->\n"


def test_a_marker_in_code_does_not_make_a_calculator_page() -> None:
    from calculators.site import markers

    assert markers.marker_ids(CODE_PAGE, "side.md") == []
    assert markers.marker_ids(CODE_PAGE + "\n<!-- kalkulator: familie -->\n", "side.md") == ["familie"]


def test_the_check_reads_a_marker_in_code_as_text(tmp_path: Path) -> None:
    from sitegen import sources

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "side.md").write_text(CODE_PAGE, encoding="utf-8")
    assert sources._pages(tmp_path, {}) == ([], [])
    (tmp_path / "docs" / "side.md").write_text(CODE_PAGE + "\n<!-- kalkulator: finnes-ikke -->\n", encoding="utf-8")
    [message], _ = sources._pages(tmp_path, {})
    assert message.startswith(f"docs/side.md: linje {CODE_PAGE.count(chr(10)) + 2}: <!-- kalkulator: finnes-ikke -->")


def test_the_stage_leaves_markers_in_code_as_text(tmp_path: Path) -> None:
    staged = stage.build(tmp_path / "stage")
    page = (staged.out / "docs" / "vedlikehold" / "ny-kalkulator.md").read_text(encoding="utf-8")
    assert "```markdown\n<!-- kalkulator: investeringsmote -->\n```" in page
    assert "navigation" not in page.split("\n---\n", 1)[0]  # not a calculator page: its navigation is shown
    assert not list((staged.out / "fragments").glob("*vedlikehold_ny-kalkulator*"))
    familie = (staged.out / "docs" / "okonomi" / "familie.md").read_text(encoding="utf-8")
    assert "- navigation" in familie.split("\n---\n", 1)[0]


def test_a_broken_mkdocs_yml_names_the_file_and_line(tmp_path: Path) -> None:
    from sitegen import config

    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nnav:\n  - a.md\n - b.md\n", encoding="utf-8")
    with pytest.raises(config.ConfigError) as caught:
        config.load(tmp_path / "mkdocs.yml")
    assert str(caught.value).startswith("mkdocs.yml, linje 4, kolonne 2: ugyldig YAML: ")


def test_post_before_the_stage_says_so(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "sitegen", "post", "--site", str(tmp_path / "site"),
                             "--out", str(tmp_path / "stage")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"Feil: {tmp_path}/stage/stage.json finnes ikke: stagen har ikke kjørt der." in result.stderr


def test_a_stylesheet_not_in_assets_names_assets_and_where_sources_are() -> None:
    with pytest.raises(stage.StageError) as caught:
        stage._asset("assets/stylesheets/finnes-ikke.css")
    assert str(caught.value).startswith("mkdocs.yml: assets/stylesheets/finnes-ikke.css står ikke i ASSETS i "
                                        "sitegen/stage.py;")
    assert "theme/stylesheets/" in str(caught.value) and "docs/" not in str(caught.value)


def test_the_check_knows_every_pattern_a_package_reads_markers_by() -> None:
    # sitegen.sources.marker_patterns() lists them by hand: a package's new marker pattern (a
    # compiled «<!--» regex) must be in it, or the check would call its markers unknown words.
    from sitegen.sources import marker_patterns
    written = set()
    for package in ("sitegen", "calculators", "documents", "workshops", "typfall", "veileder"):
        for path in (ROOT / package).rglob("*.py"):
            # NAME = re.compile(r"<!--…"): a private name (the check's own shapes, _MARKER…) is no marker
            written |= set(re.findall(r'^(?!_)\w+ = re\.compile\(r"(\^?<!--[^"]*)"', path.read_text(encoding="utf-8"),
                                      re.MULTILINE))
    internal = {p for p in written if "vl-" in p}  # what the stage writes for itself, never an author
    assert written - internal == {p.pattern for p in marker_patterns()}


def test_the_checks_marker_words_are_the_words_the_stage_expands() -> None:
    # MARKER_WORDS is what the spelling check compares with. Each word is one a package's pattern
    # reads (as the check asks it written), each pattern reads one of the words, and no page has a
    # marker-shaped comment whose word is not a marker or a mistake the check names.
    from sitegen.sources import _MARKER_SHAPED, LINE_MARKERS, MARKER_WORDS, marker_patterns, page_sources
    from veileder.markdown_code import blank_code
    patterns = marker_patterns()

    def read_by(word: str) -> list:
        return [p for p in patterns if p.search(f"<!-- {word}: x -->") or p.search(f"<!-- {word} -->")]

    assert all(read_by(word) for word in MARKER_WORDS), [w for w in MARKER_WORDS if not read_by(w)]
    assert all(any(p in read_by(word) for word in MARKER_WORDS) for p in patterns)
    assert set(LINE_MARKERS) <= set(MARKER_WORDS)
    # The line markers are those whose pattern needs the line to itself (anchored with ^ … $).
    anchored = {w for w in MARKER_WORDS if all(p.flags & re.MULTILINE and p.pattern.startswith("^") for p in read_by(w))}
    assert anchored == set(LINE_MARKERS)
    docs = ROOT / "docs"
    words = {m["word"] for page in page_sources(docs)
             for m in _MARKER_SHAPED.finditer(blank_code((docs / page).read_text(encoding="utf-8")))}
    assert words <= set(MARKER_WORDS), words - set(MARKER_WORDS)
