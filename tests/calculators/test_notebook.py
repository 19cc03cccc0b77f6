"""The methodology notebook: committed outputs come from the current models, nothing external.

Refresh a stale notebook with ``.venv/bin/python -m calculators.notebook.notebook``.
"""

import re
from pathlib import Path

import nbformat
import pytest

from calculators.notebook import notebook


@pytest.fixture(scope="module")
def committed() -> nbformat.NotebookNode:
    return nbformat.read(notebook.NOTEBOOK, as_version=4)


def test_the_committed_notebook_has_the_cells_the_builder_makes(committed):
    built = notebook.build()
    assert [c.source for c in committed.cells] == [c.source for c in built.cells]


def test_the_committed_outputs_match_a_fresh_run_of_the_models():
    assert not notebook.problems(), "Notatboken er utdatert. Kjør: .venv/bin/python -m calculators.notebook.notebook"


def test_a_fresh_run_has_no_errors():
    assert not [t for t in notebook.fresh_outputs() if t.startswith("FEIL")]


def test_an_error_output_is_found_without_running_anything(tmp_path, committed):
    broken = nbformat.from_dict(committed)
    broken.cells[1].outputs.append(nbformat.v4.new_output("error", ename="ZeroDivisionError",
                                                          evalue="division by zero", traceback=[]))
    path = tmp_path / "metode.ipynb"
    nbformat.write(broken, path)
    assert notebook.problems(path) == ["celle 2: feilutdata ZeroDivisionError: division by zero"]


def test_a_changed_output_is_found_stale(tmp_path, committed):
    stale = nbformat.from_dict(committed)
    stream = next(o for c in stale.cells for o in c.get("outputs", []) if o.get("output_type") == "stream")
    stream["text"] = stream["text"].replace("kr", "kroner", 1)
    path = tmp_path / "metode.ipynb"
    nbformat.write(stale, path)
    assert notebook.problems(path) == ["utdataene stemmer ikke med en ny kjøring av modellene (utdatert)"]


def test_every_figure_has_alt_text_and_a_table_follows_it(committed):
    html = [o["data"]["text/html"] for c in committed.cells for o in c.get("outputs", [])
            if "text/html" in o.get("data", {})]
    images = [h for h in html if h.startswith("<img")]
    assert len(images) == 4
    assert all(re.search(r'alt="[^"]{20,}"', image) for image in images)
    assert sum(h.startswith("<table") for h in html) >= 3


def test_the_notebook_loads_nothing_from_the_internet(committed):
    code = "\n".join(c.source for c in committed.cells if c.cell_type == "code")
    assert not re.search(r"https?://|urllib|requests|read_csv", code)


def test_the_notebook_carries_its_page_description():
    assert notebook.description(notebook.NOTEBOOK) == notebook.DESCRIPTION


def test_the_default_figures_printed_are_the_models_figures(committed):
    from calculators.models import familie
    from calculators.notebook import analysis, report

    printed = "".join(o["text"] for c in committed.cells for o in c.get("outputs", [])
                      if o.get("output_type") == "stream")
    assert report.kr(analysis.run(familie.MODEL)["nnv_offentlig"]) in printed


def test_the_notebook_writes_percentages_as_the_page_and_the_memo_do(committed):
    """Review of issue 23: break-even was 19,47 % on the page, 19,5 % in the notebook and 19 % in
    the memo. The notebook now writes it with the page's view.format_number."""
    from calculators.models import familie, utenforskap
    from calculators.notebook import analysis
    from calculators.view import view

    printed = "".join(o["text"] for c in committed.cells for o in c.get("outputs", [])
                      if o.get("output_type") == "stream")
    for model, key in ((familie.MODEL, "break_even_reduksjon"), (utenforskap.MODEL, "break_even_suksessrate")):
        shown = view.format_number(analysis.run(model)[key], "%")
        assert re.search(r": " + re.escape(shown) + r"\n", printed), (key, shown)


def test_strip_external_loaders_removes_mathjax_and_mermaid():
    page = (
        '<p>a</p><!-- Load mathjax --><script src="https://cdn/x.js"> </script>'
        '<script type="text/x-mathjax-config">init()</script>\n<!-- End of mathjax configuration -->'
        '<script type="module">const m = await import("https://cdn/mermaid.mjs")</script><p>b</p>'
    )
    assert notebook.strip_external_loaders(page) == "<p>a</p><p>b</p>"


def test_the_built_notebook_page_has_no_external_scripts_and_a_description(built_site: Path):
    html = (built_site / "okonomi" / "metode" / "index.html").read_text(encoding="utf-8")
    loads_from_a_host = r'<(?:script|img)[^>]+src="https?://|<link(?![^>]*rel="(?:canonical|alternate)")[^>]+href="https?://'
    assert not re.search(loads_from_a_host, html)
    assert "cdnjs" not in html
    assert f'<meta name="description" content="{notebook.DESCRIPTION}">' in html
    assert (built_site / "okonomi" / "metode" / "metode.ipynb").exists()


def test_the_uncertainty_section_prints_the_interval_the_calculator_shows(committed):
    """Issue 12: P10/P50/P90 and the payback share for the family model with the data file's seed —
    the figures the browser's card shows for the defaults (tests/browser/test_uncertainty.py)."""
    from calculators.core import uncertainty
    from calculators.engine import registry
    from calculators.notebook import report

    model = registry.load("familie")
    result = uncertainty.analyse(model, {i.id: i.default for i in model.inputs})
    printed = "".join(o["text"] for c in committed.cells for o in c.get("outputs", [])
                      if o.get("output_type") == "stream")
    p10, p50, p90 = result["intervals"]["nnv_offentlig"]
    for label, value in (("P10", p10), ("Midtverdi (medianen av trekningene)", p50), ("P90", p90)):
        assert f"{label}: {report.kr(value)}\n" in printed
    assert f"I pluss: {report.number(result['shares']['nnv_offentlig'] * 100, 0)} av 100 trekninger" in printed


def test_the_build_remembers_a_sound_notebook_and_never_a_broken_one(tmp_path, committed):
    path, cache = tmp_path / "metode.ipynb", tmp_path / "cache"
    nbformat.write(nbformat.from_dict(committed), path)
    assert notebook.problems_remembered(path, cache) == []
    assert len(list(cache.glob("sound-*"))) == 1
    broken = nbformat.from_dict(committed)
    broken.cells[1].outputs.append(nbformat.v4.new_output("error", ename="ValueError", evalue="nei", traceback=[]))
    nbformat.write(broken, path)  # a changed notebook is read again, and its problem found every time
    for _ in range(2):
        assert notebook.problems_remembered(path, cache) == ["celle 2: feilutdata ValueError: nei"]
    assert len(list(cache.glob("sound-*"))) == 1
