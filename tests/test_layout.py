"""The layout shows the architecture (issue 25, item 4); this test keeps it so.

Packages in layer order, lowest first; a module imports only from its own layer or lower ones,
there is no import cycle among our modules, no folder holds more than MAX_MODULES modules, and
every module is listed in its package's README.md. The browser's scripts and stylesheets live
beside the Python that reads them (BROWSER_FOLDERS), each listed in its package's README.md, and
none under docs/ (the stage would publish a raw copy of it).
"""
from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULES = 12
LAYERS = [
    "veileder",
    "documents.templates",
    "documents.render",
    "documents.site",
    "calculators.core",
    "calculators.view",
    "calculators.models",
    "calculators.sheets",
    "calculators.engine",
    "calculators.site",
    "calculators.notebook",
    "calculators",
    "documents.guide",
    "documents",
    "workshops",
    "typfall",
    "textcheck",
    "sitegen",
    "hooks",
    "deploy",
    "bench",
]

# Folders of JavaScript and CSS (not Python packages) → the package whose README.md lists each file
# as `<folder under the package>/<file>`.
BROWSER_FOLDERS = {
    "veileder/runtime": "veileder",
    "documents/runtime": "documents",
    "calculators/runtime": "calculators",
    "theme/javascripts": "theme",
    "theme/stylesheets": "theme",
    "documents/guide": "documents/guide",  # the whole-guide PDF's stylesheet
    "documents/guide/vendor": "documents/guide",  # the offline copy's worker shim
    "documents/render": "documents/render",  # the templates' print stylesheet
}


def _modules() -> dict[str, Path]:
    found = {}
    for package in LAYERS:
        folder = ROOT / package.replace(".", "/")
        for path in sorted(folder.glob("*.py")):
            name = package if path.name == "__init__.py" else f"{package}.{path.stem}"
            found[name] = path
    return found


def _package(module: str, modules: dict[str, Path]) -> str:
    return module if modules[module].name == "__init__.py" else module.rpartition(".")[0]


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Our modules that ``module`` imports anywhere in its file (also inside functions)."""
    package = _package(module, modules)
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                out.add(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {m: _imports(m, p, modules) for m, p in modules.items()}


def test_every_package_folder_has_at_most_max_modules():
    crowded = {p: n for p in LAYERS
               if (n := len([f for f in (ROOT / p.replace(".", "/")).glob("*.py") if f.name != "__init__.py"])) > MAX_MODULES}
    assert not crowded


def test_every_python_package_is_in_the_layer_list():
    skip = {"tests", "docs", "site", ".venv", ".cache", "theme"}
    packages = {p.parent.relative_to(ROOT).as_posix().replace("/", ".") for p in ROOT.rglob("__init__.py")
                if p.relative_to(ROOT).parts[0] not in skip and "vendor" not in p.parts}
    assert packages - set(LAYERS) == set()


def test_no_import_cycle_among_our_modules():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_no_module_imports_from_a_higher_layer():
    modules = _modules()
    rank = {p: i for i, p in enumerate(LAYERS)}
    upward = sorted(f"{m} -> {d}" for m, deps in _graph().items() for d in deps
                    if rank[_package(d, modules)] > rank[_package(m, modules)])
    assert upward == []


def test_every_module_is_listed_in_its_package_readme():
    missing = []
    for package in LAYERS:
        folder = ROOT / package.replace(".", "/")
        readme = folder / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.exists() else ""
        missing += [f"{folder.name}/{f.name}" for f in sorted(folder.glob("*.py"))
                    if f.name != "__init__.py" and f"`{f.name}`" not in text]
    assert missing == []


def _browser_files(folder: str) -> list[Path]:
    return sorted(f for f in (ROOT / folder).iterdir() if f.suffix in (".js", ".css"))


def test_every_browser_file_is_listed_in_its_package_readme():
    missing, crowded = [], []
    for folder, package in BROWSER_FOLDERS.items():
        text = (ROOT / package / "README.md").read_text(encoding="utf-8")
        inner = Path(folder).relative_to(package).as_posix()
        files = _browser_files(folder)
        assert files, folder
        prefix = "" if inner == "." else f"{inner}/"
        missing += [f"{folder}/{f.name}" for f in files if f"`{prefix}{f.name}`" not in text]
        crowded += [folder] if len(files) > MAX_MODULES else []
    assert missing == [] and crowded == []


def test_no_script_or_stylesheet_source_under_docs():
    assert sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*") if p.suffix in (".js", ".css")) == []


def test_every_asset_the_stage_publishes_has_its_source_in_a_browser_folder():
    from sitegen import config, stage

    cfg = config.load()
    assert {s for s in [*cfg.extra_css, *cfg.extra_javascript] if isinstance(s, str)} <= set(stage.ASSETS)
    sources = {f.relative_to(ROOT).as_posix() for folder in BROWSER_FOLDERS for f in _browser_files(folder)}
    assert set(stage.ASSETS.values()) <= sources
    assert set(stage.PUBLISHED) | {stage.OPPSTART} <= set(stage.ASSETS)
    # Every file of theme/ is published: a new stylesheet needs its line in ASSETS (and mkdocs.yml).
    assert {s for s in sources if s.startswith("theme/")} <= set(stage.ASSETS.values())


# Material's classes written into HTML by Python: a theme change must find each (theme/README.md).
MATERIAL_CLASS = re.compile(r"(?<![\w-])(md-[a-z][a-z0-9_-]*|admonition|tabbed-[a-z]+|twemoji|headerlink)(?![\w-])")
_TABLE_ROW = re.compile(r"^\| `([^`]+\.py)` \| (.+) \|$", re.M)


def test_the_theme_readme_lists_every_material_class_python_writes() -> None:
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    uses = {}
    for name in tracked:
        if not name.startswith(("tests/", "theme/")) and (ROOT / name).is_file():
            found = set(MATERIAL_CLASS.findall((ROOT / name).read_text(encoding="utf-8")))
            if found:
                uses[name] = found
    listed = {module: set(re.findall(r"`([^`]+)`", classes))
              for module, classes in _TABLE_ROW.findall((ROOT / "theme" / "README.md").read_text(encoding="utf-8"))}
    assert listed == uses, "theme/README.md, tabellen over Material-klasser, skal være:\n" + "\n".join(
        f"| `{name}` | {', '.join(f'`{c}`' for c in sorted(found))} |" for name, found in sorted(uses.items()))
