"""The methodology notebook as a page, made by the stage (no MkDocs plugin): ``render(src, path)``.

nbconvert renders it with mkdocs-jupyter's converter and the options ``mkdocs.yml`` used to give
the plugin (no execution, no prompts, no RequireJS); the table of contents and the title come from
its Markdown cells, as the plugin made them. The HTML is then finished as every page is (accessible
checkboxes, the focusable first heading), its links to Markdown pages point at the pages, the
MathJax and Mermaid loaders go, and its inline styles, scripts and PNGs become files (strict CSP).
The stage writes ``okonomi/metode.md`` (front matter and a marker) in place of the notebook,
the notebook itself for download beside the page (``okonomi/metode/metode.ipynb``), and the HTML
as a fragment the Markdown extension pastes, with this table of contents.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.urls import page_url, relative

TOC_DEPTH = 6
# The notebook is committed with its outputs (tests/calculators/test_notebook.py checks they match
# the models): rendered, never executed. No prompts: «In [1]:» adds nothing for readers, and its
# grey fails contrast. No RequireJS, MathJax or other loaders from other hosts.
OPTIONS = {"execute": False, "kernel_name": "", "theme": "", "allow_errors": True, "show_input": True,
           "no_input": False, "no_prompt": True, "remove_tag_config": {}, "highlight_extra_classes": "",
           "include_requirejs": False, "custom_mathjax_url": ""}


@dataclass
class NotebookPage:
    html: str
    toc: list
    title: str | None
    files: dict[str, bytes] = field(default_factory=dict)  # site path → content


def render(src: str, path: Path, pages: set[str], minify_cache: Path, links_from: str | None = None) -> NotebookPage:
    """``src``: the notebook's path under docs/; ``pages``: every page's path (its links);
    ``links_from``: write links relative to this Markdown file instead of the page's address
    (``sitegen.stage.build``'s ``source_links``, for Zensical)."""
    import markdown
    from markdown.extensions.toc import TocExtension
    from mkdocs_jupyter import convert

    from calculators.notebook import notebook
    from veileder import html_fixes, publish

    html = convert.nb2html(str(path), **OPTIONS)
    md = markdown.Markdown(extensions=[TocExtension(toc_depth=TOC_DEPTH)])
    md.convert(convert.nb2md(str(path)))
    toc = md.toc_tokens
    title = next((t["name"] for t in toc if t["level"] == 1), None)
    here = page_url(src)
    link_base = links_from or here
    html = html_fixes.label_task_list_checkboxes(html)
    html = html_fixes.make_focusable(html, toc[0]["id"]) if toc else html

    def url_of(link: str) -> str | None:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), link))
        return relative(page_url(target), link_base) if target in pages else None

    html = notebook.strip_external_loaders(html_fixes.link_markdown_files(html, url_of, src))
    assets = publish.notebook_page(html, minify_cache.parent)
    files: dict[str, bytes] = {}
    head = ""
    if assets.css:
        name = publish.hashed_name("assets/stylesheets/notebook", ".css", assets.css.encode("utf-8"))
        files[name] = assets.css.encode("utf-8")
        head += f'<link rel="stylesheet" href="{relative(name, link_base)}">'
    if assets.js:  # instant navigation runs a new page's scripts again: define things once
        code = "if (!window.__vlNotebook) {\nwindow.__vlNotebook = true;\n" + assets.js + "\n}\n"
        data = publish.minify_js_cached(code, minify_cache).encode()
        name = publish.hashed_name("assets/javascripts/notebook", ".js", data)
        files[name] = data
        head += f'<script src="{relative(name, link_base)}" defer></script>'
    body = assets.html
    for name, data in assets.images.items():
        files[posixpath.join(here.rstrip("/"), name)] = data
        if links_from:  # publish.notebook_page writes src="<name>", relative to the page's address
            html_name = relative(posixpath.join(here, name), link_base)
            body = body.replace(f'src="{name}"', f'src="{html_name}"')
    files[posixpath.join(here.rstrip("/"), posixpath.basename(src))] = path.read_bytes()  # the download
    return NotebookPage(head + body, toc, title, files)
