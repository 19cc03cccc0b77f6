"""The stage: ``docs/`` copied into ``<out>/docs`` with every generated source written into it.

``build(out, site_url, serve)`` checks every source (``sitegen.check``), then

- writes the generated files under their site paths: template files and previews
  (``maler/filer/``), handouts (``kurs/filer/``), typfall files (``typfall/filer/``), the
  calculators' scripts (``assets/kalkulatorer/``), our stylesheets and scripts as content-hashed
  bundles, the start-up script, the scripts and stylesheet other scripts load by address (``ASSETS``,
  ``PUBLISHED``: their sources are in ``theme/``, ``documents/runtime/`` and ``veileder/runtime/``,
  none under ``docs/``), and placeholders for the two whole-guide downloads (made from the
  built site by ``sitegen.post``); our scripts are minified;
- expands every page marker in the Markdown (``<!-- mal: … -->``, ``<!-- scenario: … -->``,
  ``<!-- typfall … -->``, ``<!-- datakilder -->``, ``<!-- oppstart: … -->``, ``<!-- lovregister -->``,
  ``<!-- nedlasting: … -->``, ``<!-- egne-tall: … -->``) outside code (a marker in a code block or
  span stays text: ``veileder.markdown_code``); each calculator goes to ``<out>/fragments/`` for
  ``sitegen.markdown_ext`` to put in place of its marker in the page's HTML;
- adds to the front matter what the build knows: «Sist endret» from git, ``hide: [navigation]`` on
  calculator pages, ``search: {exclude: true}`` on maintainer pages.

Files are written only when their bytes change (an unchanged page keeps its time stamp; ``./dev
serve`` watches the sources, not this folder: hooks/site.py), and files no longer generated are
removed. ``<out>/stage.json`` tells the engine configuration what
it needs (``sitegen.engine``).
"""

from __future__ import annotations

import functools
import json
import os
import posixpath
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from sitegen import check
from sitegen import config as site_config
from sitegen import sources as checks
from sitegen.check import DOCS, ROOT, StageError
from sitegen.markdown_ext import fragment_name
from sitegen.sources import DATAKILDER, NEDLASTING  # the stage's own markers, where the check reads them too
from sitegen.urls import links_from_source, page_url, relative
from veileder import zips
from veileder.markdown_code import FRONT_MATTER

FOLDER_PDF = "nedlasting/velferdslab-veilederen.pdf"
FOLDER_ZIP = "nedlasting/velferdslab-veilederen-uten-nett.zip"
SIZE_SLOT = "@@vl-size:{path}@@"  # filled by sitegen.post once the file exists (ASCII: the search index escapes the rest)
PAGE_MARK = "<!-- vl-page: {src} -->"
# Our stylesheets and the site-wide scripts: site path → source file (from the repository's root).
# mkdocs.yml's extra_css and extra_javascript name site paths; the stage bundles those (``_bundles``)
# and publishes OPPSTART under a hashed name. The calculators' own scripts (calculators/runtime/)
# are read by calculators.site and published in its bundles; none of these sources is under docs/.
ASSETS = {
    "assets/stylesheets/velferdslab.css": "theme/stylesheets/velferdslab.css",
    "assets/stylesheets/figures.css": "theme/stylesheets/figures.css",
    "assets/stylesheets/guide.css": "theme/stylesheets/guide.css",
    "assets/stylesheets/kalkulator.css": "theme/stylesheets/kalkulator.css",
    "assets/stylesheets/maler.css": "theme/stylesheets/maler.css",
    "assets/stylesheets/okonomi.css": "theme/stylesheets/okonomi.css",
    "assets/stylesheets/notat.css": "theme/stylesheets/notat.css",
    "assets/javascripts/skiplenke.js": "theme/javascripts/skiplenke.js",
    "assets/javascripts/tooltips.js": "theme/javascripts/tooltips.js",
    "assets/javascripts/oppstart.js": "theme/javascripts/oppstart.js",
    "assets/javascripts/maler.js": "documents/runtime/maler.js",
    "assets/javascripts/duk.js": "documents/runtime/duk.js",
    "assets/javascripts/duk-eksport.js": "documents/runtime/duk-eksport.js",
    "assets/javascripts/zip.js": zips.SCRIPT.relative_to(ROOT).as_posix(),  # the browser's zip writer (veileder/zips.py)
}
# Published under their own site path (scripts minified), since a script loads them by that
# address: maler.js (in the bundle) loads duk.js beside it, duk.js loads zip.js and duk-eksport.js
# beside itself, eksport.js (calculators/runtime/) loads notat.css for the memo's print view.
PUBLISHED = ("assets/javascripts/duk.js", "assets/javascripts/duk-eksport.js", "assets/javascripts/zip.js",
             "assets/stylesheets/notat.css")
OPPSTART = "assets/javascripts/oppstart.js"
MINIFY_CACHE = ROOT / ".cache" / "publish" / "minify"
TIMEZONE, LOCALE = "Europe/Oslo", "nb"  # «Sist endret», as the git-revision-date plugin wrote it


@dataclass
class Staged:
    out: Path
    warnings: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)  # what had to be generated afresh (for the log)
    settings: dict = field(default_factory=dict)  # stage.json


def _git_dates(sources: dict[str, Path]) -> dict[str, tuple[str, str]]:
    """``src`` → («6. desember 2026», «2026-12-06»): the author date of the page's last commit."""
    from babel.dates import format_date

    def last(path: Path) -> int:
        result = subprocess.run(
            ["git", "log", "-n", "1", "--date=unix", "--format=%at", "--diff-filter=r", "--no-show-signature",
             "--follow", "--ignore-all-space", "--ignore-blank-lines", "--", path.name],
            cwd=path.parent, capture_output=True, text=True)
        text = result.stdout.strip()
        return int(text.split()[0]) if result.returncode == 0 and text else int(time.time())

    with ThreadPoolExecutor(max_workers=4) as pool:
        stamps = dict(zip(sources, pool.map(last, sources.values())))
    dates = {}
    for src, stamp in stamps.items():
        day = datetime.fromtimestamp(stamp, ZoneInfo(TIMEZONE))
        dates[src] = (format_date(day, format="long", locale=LOCALE), day.strftime("%Y-%m-%d"))
    return dates


def _with_meta(text: str, meta: dict, additions: dict, src: str) -> str:
    """``text`` with ``additions`` in its front matter (appended, or the block rewritten when a key
    is already there)."""
    match = FRONT_MATTER.match(text)
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)  # noqa: E731
    if not match:
        return f"---\n{dump(additions)}---\n{text}"
    if any(key in meta for key in additions):
        return f"---\n{dump({**meta, **additions})}---\n{text[match.end():]}"
    return f"---\n{match[1]}{dump(additions)}---\n{text[match.end():]}"


def _same(text: str, _match: re.Match[str]) -> str:
    """``text`` for any match: ``re.sub`` with a replacement read as it stands (no ``\\1``)."""
    return text


class _Writer:
    """Collects the staging folder's files, then writes only what changed and removes the rest."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, bytes] = {}

    def add(self, path: str, data: bytes | str) -> None:
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data

    def sync(self) -> None:
        for name, data in self.files.items():
            target = self.root / name
            if not target.is_file() or target.read_bytes() != data:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        if self.root.is_dir():
            for path in sorted(self.root.rglob("*"), reverse=True):
                relative_path = path.relative_to(self.root).as_posix()
                if path.is_file() and relative_path not in self.files:
                    path.unlink()
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()


def address_warning(site_url: str | None, serve: bool) -> list[str]:
    """A build without the published address says so (not ``./dev serve``): its printed copies
    (handouts, the whole-guide PDF, the offline copy) carry an example address."""
    from veileder import site_address

    return [site_address.BUILD_WARNING] if not serve and site_address.is_placeholder(site_url) else []


def build(out: Path, site_url: str | None = None, serve: bool = False, docs: Path = DOCS,
          cfg: site_config.SiteConfig | None = None, source_links: bool = False) -> Staged:
    """Check every source and write the staging folder ``out``; raise ``StageError`` on a mistake.
    ``cfg``: the engine's configuration (default: ``mkdocs.yml`` read without MkDocs).
    ``source_links``: write the links in generated HTML relative to the page's Markdown file
    (``okonomi/familie.md``) instead of its address (``okonomi/familie/``) — for an engine that
    rewrites relative links in raw HTML as it does Markdown links (Zensical; MkDocs and ProperDocs
    leave raw HTML alone)."""
    from calculators.core.declarations import DeclarationError
    from calculators.site import datakilder, profile, startup_cost
    from calculators.site import markers as calculator_markers
    from documents.site.build import SITE_FOLDER as TEMPLATE_FOLDER
    from documents.site.build import build_templates
    from documents.site.form import FormError
    from documents.site.markers import MarkerError as TemplateMarkerError
    from documents.site.markers import render_markers as template_markers
    from documents.templates.template import TemplateSourceError
    from typfall.build import build_cases
    from typfall.cases import CaseError, duk_template
    from typfall.markers import MARKER as TYPFALL
    from typfall.markers import SITE_FOLDER as TYPFALL_FOLDER
    from typfall.markers import MarkerError as TypfallMarkerError
    from typfall.markers import render_markers as typfall_markers
    from veileder import laws, markdown_code, publish, site_address
    from veileder.maintainer import is_maintainer_page
    from workshops.handouts import SITE_FOLDER as HANDOUT_FOLDER
    from workshops.handouts import build_handouts
    from workshops.markers import MarkerError as ScenarioMarkerError
    from workshops.markers import render_markers as scenario_markers
    from workshops.scenarios import load_scenarios

    staged = Staged(out=Path(out))
    staged.warnings = check.run(docs).warnings
    try:
        cfg = cfg or site_config.load()  # checked by check.run when it is the docs' mkdocs.yml
    except site_config.ConfigError as error:
        raise StageError(str(error)) from None
    site_url = site_url if site_url is not None else cfg.site_url
    published = site_address.published_url(site_url)
    staged.warnings[:0] = address_warning(site_url, serve)
    files, fragments = _Writer(staged.out / "docs"), _Writer(staged.out / "fragments")
    notebooks = {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*.ipynb"))}
    for path in sorted(docs.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".ipynb":
            files.add(path.relative_to(docs).as_posix(), path.read_bytes())

    # Generated files, under the paths the site serves them at.
    try:
        templates = build_templates()
    except TemplateSourceError as error:
        raise StageError(f"Feil i mal: {error}") from None
    staged.made += [f"mal {t.template.id}" for t in templates if t.regenerated]
    for item in templates:
        extra = [item.export_script] if item.export_script else []
        for path in [*(d.path for d in item.downloads), item.preview.path, item.preview.path_2x, *extra]:
            files.add(f"{TEMPLATE_FOLDER}/{path.name}", path.read_bytes())
    handouts, made = build_handouts(load_scenarios(), published)
    staged.made += [f"utdelingsark {m}" for m in made]
    for handout in handouts:
        files.add(f"{HANDOUT_FOLDER}/{handout.filename}", handout.path.read_bytes())
    try:
        cases, made = build_cases(site_url=published)
    except CaseError as error:
        raise StageError(f"Feil i typfall: {error}") from None
    staged.made += [f"typfall {m}" for m in made]
    for built in cases:
        files.add(f"{TYPFALL_FOLDER}/{built.pdf_name}", built.pdf.read_bytes())
        files.add(f"{TYPFALL_FOLDER}/{built.json_name}", built.duk_json)
        files.add(f"{TYPFALL_FOLDER}/{built.handout.name}", built.handout.read_bytes())
    files.add(FOLDER_PDF, b"")  # made from the built site by sitegen.post; pages link to them
    files.add(FOLDER_ZIP, b"")
    for name, data in profile.files().items():  # issue 29: the profile templates (okonomi/egne-tall/)
        files.add(name, data)

    # Pages: markers expanded, front matter completed.
    sources = {src: docs / src for src in checks.page_sources(docs)}
    dates = _git_dates({**sources, **notebooks})
    assets: dict[str, str] = {}
    duk = duk_template()
    for src, path in sources.items():
        text = path.read_text(encoding="utf-8")
        meta = checks.front_matter(text)  # sound: sitegen.sources checked it (check.run above)
        here = src if source_links else page_url(src)
        text = _notebook_links(text, src, notebooks)

        def page_link(docs_path: str, src: str = src, here: str = here) -> str:
            if docs_path not in files.files:
                raise StageError(f"{src}: kalkulatorsiden {docs_path} finnes ikke i bygget")
            return relative(page_url(docs_path), here)

        # Markers are expanded around code: a marker in a code block or span stays text (veileder.markdown_code).
        text, restore_code = markdown_code.protect(text)
        try:
            if startup_cost.MARKER.search(text):
                text = startup_cost.render_markers(text, f"docs/{src}")
            if DATAKILDER.search(text):
                text = DATAKILDER.sub(functools.partial(_same, datakilder.render()), text)
            if TYPFALL.search(text):  # a case page's description is its summary: sitegen.sources checked it
                text = typfall_markers(text, cases, duk, src, page_link)
            text = laws.replace_marker(text) or text
            if "<!-- mal" in text:
                text = template_markers(text, templates, src, here)
            if "<!-- egne-tall" in text:  # the profile page (issue 29): downloads, lines, importer
                text, ids = profile.render_markers(text, src, functools.partial(relative, other=here)), []
            else:
                ids = calculator_markers.marker_ids(text, src)
            if "<!-- scenario" in text:
                text = scenario_markers(text, handouts, src, page_link)
        except (startup_cost.StartupError, DeclarationError, TypfallMarkerError, TemplateMarkerError, FormError,
                calculator_markers.MarkerError, ScenarioMarkerError) as error:
            raise StageError(str(error)) from None
        text = _downloads(text, src, serve)
        if ids:
            _calculators(text, src, assets, fragments, source_links)
        text = restore_code(text)
        additions: dict = {"git_revision_date_localized": dates[src][0],
                           "git_revision_date_localized_raw_iso_date": dates[src][1]}
        if ids:  # a calculator page: its width goes to the form and the results beside it
            hide = list(meta.get("hide") or [])
            additions["hide"] = hide if "navigation" in hide else [*hide, "navigation"]
        if is_maintainer_page(src):  # left out of the search index
            additions["search"] = {**(meta.get("search") or {}), "exclude": True}
        text = _with_meta(text, meta, additions, src)
        files.add(src, text.rstrip("\n") + "\n\n" + PAGE_MARK.format(src=src) + "\n")

    made_by_notebooks: list[str] = []
    for src, path in notebooks.items():
        made_by_notebooks += _notebook(src, path, dates[src], {*sources}, files, fragments, source_links)
    for name, code in assets.items():
        files.add(name, code)
    for name in PUBLISHED:
        files.add(name, _asset(name).read_bytes())
    settings = _bundles(cfg, files)
    settings["generated"] += made_by_notebooks
    # Our scripts are minified by Terser (veileder/publish.py: minify_js); Material's are minified already.
    for name in list(files.files):
        if name.endswith(".js") and not name.endswith(".min.js") and name not in settings["generated"] and (
                posixpath.dirname(name) == "assets/javascripts" or name.startswith("assets/kalkulatorer/")):
            try:
                files.add(name, publish.minify_js_cached(files.files[name].decode("utf-8"), MINIFY_CACHE))
            except ValueError as error:
                raise StageError(f"{name}: {error}") from None
    settings.update(docs_dir=str(staged.out / "docs"), source_docs=str(docs), staging=str(staged.out), serve=serve,
                    nav=site_config.guide_nav(cfg), site_url=site_url,
                    dates={page_url(src): iso for src, (_, iso) in sorted(dates.items())})
    files.sync()
    fragments.sync()
    (staged.out / "content").mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings, ensure_ascii=False, indent=1, sort_keys=True)
    stage_json = staged.out / "stage.json"
    if not stage_json.is_file() or stage_json.read_text(encoding="utf-8") != text:
        stage_json.write_text(text, encoding="utf-8")
    staged.settings = settings
    return staged


NOTEBOOK_LINK = re.compile(r"(\]\()([^)\s#]+)\.ipynb([)#])")


def _notebook_links(text: str, src: str, notebooks: dict[str, Path]) -> str:
    """Links to a notebook point at the page the stage makes of it (``metode.ipynb`` → ``metode.md``)."""
    def fix(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), match[2] + ".ipynb"))
        return f"{match[1]}{match[2]}.md{match[3]}" if target in notebooks else match[0]

    return NOTEBOOK_LINK.sub(fix, text)


def _notebook(src: str, path: Path, date: tuple[str, str], pages: set[str], files: _Writer,
              fragments: _Writer, source_links: bool = False) -> list[str]:
    """The notebook ``src`` as the page ``<stem>.md`` (``sitegen.notebook_page``); returns the
    scripts and stylesheets it made (minified already)."""
    from calculators.notebook import notebook
    from sitegen import notebook_page
    from veileder.maintainer import is_maintainer_page

    page_src = src.removesuffix(".ipynb") + ".md"
    if page_src in files.files:
        raise StageError(f"docs/{page_src}: finnes allerede; notatboken docs/{src} blir en side med den stien")
    try:
        built = notebook_page.render(src, path, pages | {page_src}, MINIFY_CACHE,
                                     links_from=page_src if source_links else None)
    except ValueError as error:  # a link to a page that does not exist
        raise StageError(str(error)) from None
    for name, data in built.files.items():
        files.add(name, data)
    name = fragment_name("notatbok", page_src)
    fragments.add(f"{name}.html", built.html)
    fragments.add(f"{name}.json", json.dumps(built.toc, ensure_ascii=False))
    meta: dict = {"title": built.title, "description": notebook.description(path),
                  "git_revision_date_localized": date[0], "git_revision_date_localized_raw_iso_date": date[1]}
    if is_maintainer_page(src):
        meta["search"] = {"exclude": True}
    front = yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, allow_unicode=True, sort_keys=False,
                           width=10**6)
    files.add(page_src, f"---\n{front}---\n\n<!-- vl-notebook: {name} -->\n\n{PAGE_MARK.format(src=page_src)}\n")
    return [n for n in built.files if n.endswith((".js", ".css"))]


def _downloads(text: str, src: str, serve: bool) -> str:
    if "<!-- nedlasting" not in text:
        return text

    def link(label: str, target: str) -> str:
        slot = "" if serve else SIZE_SLOT.format(path=target)  # ./dev serve makes neither file
        return f"[{label.format(size=slot)}]({posixpath.relpath(target, posixpath.dirname(src) or '.')}){{ .md-button }}"

    def replace(match: re.Match) -> str:
        what = match.group("what")
        if what == "pdf":
            return link("Hele veilederen som PDF (A4, med innholdsliste{size})", FOLDER_PDF)
        if what == "uten-nett":
            return link("Last ned nettstedet for bruk uten nett (zip{size})", FOLDER_ZIP)
        raise StageError(f"{src}: {checks.unknown_marker('nedlasting', what, list(checks.DOWNLOADS))}")  # checked before

    return NEDLASTING.sub(replace, text)


def _calculators(text: str, src: str, assets: dict[str, str], fragments: _Writer, source_links: bool) -> None:
    """Each calculator the page asks for, as a fragment (HTML with this page's relative links) and
    its table-of-contents entries in ``<out>/fragments/``; ``sitegen.markdown_ext`` puts it where
    the marker is in the page's HTML (a marker inside code stays text, as the reader sees it).
    The runtime reads its files' addresses from ``data-vl-*`` attributes, which no engine rewrites:
    they stay relative to the page; with ``source_links`` only ``href``/``src`` are made relative
    to the Markdown file (``sitegen.urls.links_from_source``)."""
    from calculators.core.declarations import DeclarationError
    from calculators.site import markers as calculator_markers

    for model_id in dict.fromkeys(calculator_markers.marker_ids(text, src)):
        name = fragment_name(model_id, src)
        try:
            html = calculator_markers.embed(f"<!-- kalkulator: {model_id} -->", src,
                               lambda path: relative(path, page_url(src)), assets)
        except (calculator_markers.MarkerError, DeclarationError) as error:
            raise StageError(str(error)) from None
        if source_links:
            html = links_from_source(html, src)
        toc = [{"id": m.group(1), "name": m.group(2)} for m in calculator_markers.RESULT_HEADING.finditer(html)]
        fragments.add(f"{name}.html", html)
        fragments.add(f"{name}.json", json.dumps(toc, ensure_ascii=False))


def _asset(path: str) -> Path:
    """The source of the site path ``path`` (``ASSETS``; none is under docs/)."""
    if path not in ASSETS:
        raise StageError(f"mkdocs.yml: {path} står ikke i ASSETS i sitegen/stage.py; legg den inn der med "
                         "filen den lages av (stilarkene ligger i theme/stylesheets/, skriptene i "
                         "theme/javascripts/, calculators/runtime/, documents/runtime/ og veileder/runtime/)")
    return ROOT / ASSETS[path]


def _bundles(cfg: site_config.SiteConfig, files: _Writer) -> dict:
    """Our stylesheets as one hashed file, our classic scripts as one deferred hashed file, and
    the start-up script under a hashed name (``veileder.publish``); their sources from ``ASSETS``."""
    from veileder import publish

    def read(path: str) -> str:
        try:
            return _asset(path).read_text(encoding="utf-8")
        except OSError as error:
            raise StageError(f"sitegen/stage.py: ASSETS: finner ikke kilden til {path} ({ASSETS[path]}): "
                             f"{error.strerror}") from None

    local = lambda path: not path.startswith(("http:", "https:", "//", "/")) and "?" not in path  # noqa: E731
    generated: list[str] = []
    bundles: dict[str, str] = {}
    css = [p for p in cfg.extra_css if local(p) and p.endswith(".css")]
    extra_css = list(cfg.extra_css)
    if css:
        data = publish.bundle([(p, read(p)) for p in css], "css")
        name = publish.hashed_name("assets/stylesheets/velferdslab", ".css", data)
        files.add(name, data)
        generated.append(name)
        bundles["css"] = name
        extra_css = [name] + [p for p in cfg.extra_css if p not in css]
    scripts = [s for s in cfg.extra_javascript if isinstance(s, str) and local(s) and s.endswith(".js")]
    extra_js: list = [s for s in cfg.extra_javascript if s not in scripts]
    if scripts:
        data = publish.minify_js_cached(publish.bundle([(s, read(s)) for s in scripts], "js").decode(),
                                        MINIFY_CACHE).encode()
        name = publish.hashed_name("assets/javascripts/velferdslab", ".js", data)
        files.add(name, data)
        generated.append(name)
        bundles["js"] = name
        extra_js = [{"path": name, "defer": True}, *extra_js]
    data = publish.minify_js_cached(read(OPPSTART), MINIFY_CACHE).encode("utf-8")
    oppstart = publish.hashed_name(OPPSTART.removesuffix(".js"), ".js", data)
    files.add(oppstart, data)
    generated.append(oppstart)
    return {"extra_css": extra_css, "extra_javascript": extra_js, "vl_oppstart": oppstart, "generated": generated,
            "bundles": bundles, "bundled": [*css, *scripts]}


def main(out: Path, site_url: str | None, serve: bool) -> int:
    try:
        staged = build(out, site_url, serve)
    except StageError as error:
        print(f"Feil: {error}", file=sys.stderr)
        return 1
    for warning in staged.warnings:
        print(warning, file=sys.stderr)
    if staged.made:
        print("Laget på nytt: " + ", ".join(staged.made), file=sys.stderr)
    print(f"Stage klar i {out}/ (docs_dir: {out}/docs)", file=sys.stderr)
    return 0


def commit_time(folder: Path = ROOT) -> str | None:
    """The last commit's time (``SOURCE_DATE_EPOCH`` for the engine): two builds of one commit
    are identical, sitemap included."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True,
                                text=True, timeout=60)
    except OSError:
        return None
    return (result.stdout.strip() or None) if result.returncode == 0 else None


def staging_for(site_dir: str | Path, serve: bool) -> Path:
    """One staging folder per site folder (builds of one checkout can run side by side); folders
    no build has used for a day are removed."""
    import hashlib
    import shutil

    name = "serve" if serve else hashlib.sha256(str(Path(site_dir).resolve()).encode()).hexdigest()[:12]
    out = ROOT / ".cache" / "staging" / name
    out.mkdir(parents=True, exist_ok=True)
    os.utime(out)
    for other in out.parent.iterdir():
        if other.name not in (name, "serve") and time.time() - other.stat().st_mtime > 24 * 3600:
            shutil.rmtree(other, ignore_errors=True)
    return out
