"""Exports of a calculator scenario, made in Chromium and read by independent readers.

For every calculator, every preset and a randomly edited scenario: the beslutningsnotat as ODT (a
valid package: mimetype first, content.xml parses) and DOCX (python-docx) with every section, every
changed input and Python's headline figures; the same text in both; the workbook read by openpyxl
and recalculated by LibreOffice (its present values equal Python's ``evaluate`` within 1 kr, also
after the rate cell is changed); the CSV parsed with ``;`` and decimal comma; the same scenario
giving the same bytes; the print view on A4 with no heading left at a page bottom.
"""

from __future__ import annotations

import csv
import io
import random
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from calculators import sheets
from calculators.core import uncertainty
from calculators.core.model import BUDGET_HOLDERS, Model
from calculators.engine import registry
from calculators.engine.evaluate import NotComputable, evaluate
from calculators.site import bundle, eksport
from calculators.site.markers import MARKER
from calculators.site.render import format_number, format_output
from tests.browser.fixtures import calculator_ready
from tests.calculators.sheet_workbooks import recalculate
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
SECTIONS = list(eksport.config()["notat"]["deler"].values())
SHEETS = list(eksport.config()["regneark"]["ark"].values())
HOLDER_LABELS = {h.id: h.label for h in BUDGET_HOLDERS}


def _pages() -> dict[str, str]:
    """Model id → the site path of the page that shows its calculator."""
    pages = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for model_id in MARKER.findall(path.read_text(encoding="utf-8")):
            stem = path.relative_to(ROOT / "docs").with_suffix("").as_posix()
            pages.setdefault(model_id, stem.removesuffix("index") if stem.endswith("index") else stem + "/")
    return pages


PAGES = _pages()
MODELS = {model_id: registry.load(model_id) for model_id in registry.model_ids()}


def random_values(model: Model, rng: random.Random) -> dict[str, float]:
    """A few inputs changed to random values within their bounds (a computable scenario)."""
    while True:
        values = {}
        for field in rng.sample(model.inputs, k=min(4, len(model.inputs))):
            if field.integer:
                value = float(rng.randint(int(field.minimum), int(field.maximum)))
            else:
                value = round(rng.uniform(field.minimum, field.maximum), 2)
            value = min(max(value, field.minimum), field.maximum)
            if value != field.default:
                values[field.id] = int(value) if value == int(value) else value
        try:
            evaluate(model, values)
        except NotComputable:
            continue
        return values


def scenarios() -> list[tuple[str, str, dict[str, float]]]:
    """(model id, preset id or "", changed values) for every calculator, preset and a random edit."""
    rng = random.Random(13)
    cases = []
    for model_id, model in MODELS.items():
        cases.append((model_id, "", {}))
        cases += [(model_id, preset.id, dict(preset.values)) for preset in model.presets]
        cases.append((model_id, "", random_values(model, rng)))
    return cases


def open_scenario(make_page, site_url: str, model_id: str, preset: str = "", values: dict | None = None,
                  color_scheme: str = "light"):
    params = {"preset": preset} if preset else {k: str(v) for k, v in (values or {}).items()}
    page = make_page(color_scheme=color_scheme)
    page.goto(site_url + PAGES[model_id] + ("?" + urlencode(params) if params else ""))
    calculator_ready(page)
    return page


def download(page, fmt: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator(f'[data-vl-format="{fmt}"]').first.click()
    done = info.value
    return done.suggested_filename, Path(done.path()).read_bytes()


def odt_texts(data: bytes) -> list[str]:
    """Every heading and paragraph of the ODT's content.xml, in order, non-empty."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ET.fromstring(archive.read("content.xml"))

    def text(element: ET.Element) -> str:  # the reader's text: not a picture's title or description
        inner = "".join(text(child) + (child.tail or "") for child in element if not child.tag.startswith(SVG))
        return (element.text or "") + inner

    return [t for el in root.iter() if el.tag in (TEXT + "h", TEXT + "p") if (t := text(el).strip())]


def docx_texts(data: bytes) -> list[str]:
    """Every paragraph of the DOCX as python-docx reads it (tables cell by cell), in order."""
    document = docx.Document(io.BytesIO(data))
    texts = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                for cell in row.cells:
                    texts += [p.text for p in cell.paragraphs]
        else:
            texts.append(block.text)
    return [t.strip() for t in texts if t.strip()]


def expected_values(model: Model, values: dict[str, float]) -> dict[str, float]:
    return {f.id: values.get(f.id, f.default) for f in model.inputs}


@pytest.mark.parametrize("model_id, preset, values", scenarios(),
                         ids=lambda x: x if isinstance(x, str) else "endret" if x else "")
def test_memo_and_workbook_hold_the_scenario(make_page, site_url, model_id, preset, values) -> None:
    model = MODELS[model_id]
    page = open_scenario(make_page, site_url, model_id, preset, values)
    assert not page.locator("script[src*='assets/eksport/']").count(), "eksportkoden lastes ved sidelasting"
    changed = {k: v for k, v in values.items() if v != next(f.default for f in model.inputs if f.id == k)}
    results = evaluate(model, values)

    name, odt = download(page, "odt")
    assert name == f"beslutningsnotat-{model_id}.odt"
    assert odt[30:38] == b"mimetype" and odt[38:38 + len(ODT_MIMETYPE)] == ODT_MIMETYPE
    with zipfile.ZipFile(io.BytesIO(odt)) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert archive.testzip() is None
        for part in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
            ET.fromstring(archive.read(part))  # parses
    texts = odt_texts(odt)
    joined = "\n".join(texts)
    for section in SECTIONS:
        assert section in texts, f"ODT mangler delen «{section}»"
    for input_id, value in changed.items():
        field = next(f for f in model.inputs if f.id == input_id)
        row = next((t for t in texts if t == field.label), None)
        assert row, f"ODT mangler forutsetningen «{field.label}»"
        assert format_number(value, field.unit, exact=True) in joined
    assert joined.count("endret, standard") == len(changed)
    if preset:
        label = next(p.label for p in model.presets if p.id == preset)
        assert f"forhåndsinnstillingen «{label}»" in joined
    for output in model.outputs:
        if output.headline:
            assert format_output(results[output.id], output) in joined, output.id
    if model.uncertainty and not (values and not preset):  # issue 12: the interval Python computes
        analysis = uncertainty.analyse(model, expected_values(model, values))
        outputs = {o.id: o for o in model.outputs}
        for output_id, (low, median, high) in analysis["intervals"].items():
            output = outputs[output_id]
            # The uncertainty table: median, P10 til P90, draws in plus (calculators/view/memo.py).
            assert f"{format_number(low, output.unit, False, True)} til {format_output(high, output)}" in texts, output_id
            assert format_output(median, output) in texts, output_id
            if output_id in bundle.metadata(model)["interval"]["no_effect_outputs"]:  # a result of the measure
                assert f"{round(analysis['shares'][output_id] * 100)} av 100" in texts, output_id
            # The summary says it first, in the page's words.
            assert f"{output.label}: midtverdi {format_output(median, output)}." in joined, output_id
        assert "Mest sannsynlig" not in joined and "sannsynlig verdi" not in joined
    for effect in model.unpriced:
        assert effect.label in texts

    _, docx_bytes = download(page, "docx")
    assert docx_texts(docx_bytes) == texts, "DOCX og ODT har ulikt innhold"

    _, xlsx = download(page, "xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert workbook.sheetnames[:len(SHEETS)] == SHEETS  # a live workbook (calculators/sheets/) has more
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        assert not [n for n in archive.namelist() if "vba" in n.lower() or n.endswith(".bin")], "makroer"
    inputs = workbook[SHEETS[0]]
    listed = {row[0]: row[1] for row in inputs.iter_rows(values_only=True) if row and row[0]}
    for field, value in zip(model.inputs, expected_values(model, values).values(), strict=True):
        assert listed[field.label] == pytest.approx(value), field.id
    present = workbook[SHEETS[3]]
    formulas = []
    for row in present.iter_rows(min_row=5, values_only=True):
        if row[0] is None:  # the present values end at the first empty row (issue 12's interval follows)
            break
        formulas.append(row[1])
    assert formulas and all(str(f).startswith("=") for f in formulas)
    assert any("SUMPRODUCT(" in str(f) for f in formulas)

    _, text = download(page, "csv")
    check_csv(model, results, text, page.evaluate("vlKalkulator.scenario(document.querySelector('[data-vl-calc]'))"))
    assert page.console_errors == [] and page.offsite_requests == []


def check_csv(model: Model, results: dict, data: bytes, scenario: dict) -> None:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV uten BOM"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    # Title, scenario and link rows and the headers are Python's (eksport.csv_table), cell for cell.
    want = eksport.csv_table(model, {"changed": scenario["changed"], "link": scenario["link"]}, results)
    assert rows[:5] == [r if r else [] for r in want[:5]]
    flows = results[eksport.config()["modeller"][model.id]["kontantstrom"]]
    holders = [h.id for h in BUDGET_HOLDERS if h.id in flows]
    assert rows[4][0] == "År (0 = første år)" and rows[4][1:1 + len(holders)] == [HOLDER_LABELS[h] + " (kr)" for h in holders]
    assert len(rows) - 5 == len(flows[holders[0]])
    for year, row in enumerate(rows[5:]):
        assert row[0] == str(year)
        for holder, cell in zip(holders, row[1:], strict=False):
            assert re.fullmatch(r"-?\d+(,\d{1,2})?", cell), cell
            assert float(cell.replace(",", ".")) == pytest.approx(flows[holder][year], abs=0.006)


def present_values(path: Path) -> dict[str, float]:
    sheet = openpyxl.load_workbook(path, data_only=True)[SHEETS[3]]
    values = {}
    for row in sheet.iter_rows(min_row=5, values_only=True):
        if not row or row[0] is None:  # the present values end at the first empty row
            break
        values[row[0]] = row[1]
    return values


def python_present_values(model: Model, values: dict[str, float]) -> dict[str, float]:
    """What the Nåverdi sheet must show, by row label: each holder and the declared sums."""
    declared = eksport.config()["modeller"][model.id]
    results = evaluate(model, values)
    want = {HOLDER_LABELS[h]: v for h, v in results[declared["naverdi"]].items()}
    outputs = {o.id: o for o in model.outputs}
    for output_id in declared.get("summer", {}).values():
        want[outputs[output_id].label] = results[output_id]
    return want


def test_recalculated_present_values_equal_python_for_20_random_scenarios(make_page, site_url, tmp_path) -> None:
    rng = random.Random(2026)
    ids = sorted(MODELS)
    cases = [(ids[i % len(ids)], random_values(MODELS[ids[i % len(ids)]], rng)) for i in range(20)]
    files = []
    page = make_page()
    for i, (model_id, values) in enumerate(cases):
        page.goto(site_url + PAGES[model_id] + "?" + urlencode({k: str(v) for k, v in values.items()}))
        calculator_ready(page)
        _, data = download(page, "xlsx")
        files.append(tmp_path / f"s{i:02d}-{model_id}.xlsx")
        files[-1].write_bytes(data)
    # The live workbook stores the page's numbers: a viewer that does not recalculate shows them.
    for path, (model_id, values) in zip(files, cases, strict=True):
        if model_id in sheets.LAYOUTS:
            got, want = present_values(path), python_present_values(MODELS[model_id], values)
            for label, value in want.items():
                assert got[label] == pytest.approx(value, abs=1.0), f"{path.name} (lagret verdi): {label}"
    # And one economist's edit: the one rate cell, on Forutsetninger, changed in the workbook itself;
    # in the family workbook also barnevern (every input drives the result there).
    model_id, values = cases[0]
    rate_input = eksport.config()["modeller"][model_id]["rente"]
    edit = {rate_input: 2.5, **({"barnevern": 1_000_000} if model_id in sheets.LAYOUTS else {})}
    edited = openpyxl.load_workbook(files[0])
    ids = [field.id for field in MODELS[model_id].inputs]
    for input_id, value in edit.items():
        edited[SHEETS[0]].cell(6 + ids.index(input_id), 2, value)
    edited.save(tmp_path / "rente.xlsx")
    out = tmp_path / "lo"
    out.mkdir()
    converted = recalculate([*files, tmp_path / "rente.xlsx"], out)

    largest = 0.0
    checks = [*cases, (model_id, {**values, **edit})]
    for path, (model_id, values) in zip(converted, checks, strict=True):
        got = present_values(path)
        want = python_present_values(MODELS[model_id], values)
        assert set(want) <= set(got), f"{path.name}: mangler rader {set(want) - set(got)}"
        for label, value in want.items():
            largest = max(largest, abs(got[label] - value))
            assert got[label] == pytest.approx(value, abs=1.0), f"{path.name}: {label}"
    print(f"største avvik mellom LibreOffice og Python: {largest:.6f} kr")
    assert page.console_errors == []


@pytest.mark.parametrize("model_id", sorted(MODELS))
def test_the_same_scenario_gives_the_same_bytes_in_light_and_dark(make_page, site_url, model_id) -> None:
    rng = random.Random(model_id)
    values = random_values(MODELS[model_id], rng)
    light = open_scenario(make_page, site_url, model_id, values=values)
    dark = open_scenario(make_page, site_url, model_id, values=values, color_scheme="dark")
    for fmt in ("odt", "docx", "xlsx", "csv"):
        first = download(light, fmt)[1]
        assert download(light, fmt)[1] == first, f"{fmt}: to nedlastinger ga ulike bytes"
        assert download(dark, fmt)[1] == first, f"{fmt}: mørk modus ga andre bytes"


@pytest.mark.parametrize("model_id", sorted(MODELS))
def test_the_print_view_fits_a4_with_no_heading_left_at_a_page_bottom(make_page, site_url, model_id) -> None:
    page = open_scenario(make_page, site_url, model_id)
    page.evaluate("() => { window.print = () => { window.vlPrinted = (window.vlPrinted || 0) + 1; }; }")
    page.locator('[data-vl-format="utskrift"]').first.click()
    page.wait_for_function("window.vlPrinted === 1")
    headings = page.locator("[data-vl-notat] :is(h1, h2, h3)").all_text_contents()
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    # Nothing wider than the A4 text column (210 − 2 × 18 mm ≈ 657 CSS px).
    page.set_viewport_size({"width": 657, "height": 900})
    page.emulate_media(media="print")
    overflow = page.evaluate("""() => {
      const memo = document.querySelector('[data-vl-notat]'), right = memo.getBoundingClientRect().right + 1;
      return [...memo.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right).map(e => e.outerHTML.slice(0, 80));
    }""")
    assert overflow == []
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    for number, pdf_page in enumerate(pdf.pages, start=1):
        width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
        assert (round(width), round(height)) == (595, 842), f"side {number} er ikke A4"
        lines = [line.strip() for line in pdf_page.extract_text().splitlines() if line.strip()]
        if number < len(pdf.pages):
            assert lines[-1] not in headings, f"side {number} slutter med overskriften «{lines[-1]}»"
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Åpne scenarioet" in text and len(pdf.pages) <= 8


def test_an_invalid_field_gives_a_message_instead_of_a_file(make_page, site_url) -> None:
    page = open_scenario(make_page, site_url, "familie")
    page.locator("[data-vl-calc] form input[type=text]").first.fill("mange")
    page.locator('[data-vl-format="odt"]').first.click()
    notice = page.locator(".vl-calc__notice").first
    notice.wait_for(state="visible")
    assert "Rett feltet" in notice.inner_text()
    assert page.console_errors == []


LONGEST = {"familie": {"horisont": 20}, "investeringsmote": {"horisont": 10}, "utenforskap": {"alder": 16, "ar_utenfor": 51}}
"""Per model, the inputs that give the most year rows (checked against the bounds below)."""


@pytest.mark.parametrize("model_id", sorted(LONGEST))
def test_the_live_workbook_for_the_longest_horizon_is_written_quickly_and_is_small(make_page, site_url, model_id) -> None:
    bounds = {f.id: (f.minimum, f.maximum) for f in MODELS[model_id].inputs}
    assert all(value in bounds[key] for key, value in LONGEST[model_id].items())
    page = open_scenario(make_page, site_url, model_id, values=LONGEST[model_id])
    _, data = download(page, "xlsx")
    assert len(data) <= 200 * 1024, f"{len(data)} byte"
    milliseconds = page.evaluate("""async () => {
      const root = document.querySelector('[data-vl-calc]'), s = vlKalkulator.scenario(root);
      await vlEksport.build(root, 'xlsx', s);
      const start = performance.now();
      for (let i = 0; i < 5; i++) await vlEksport.build(root, 'xlsx', s);
      return (performance.now() - start) / 5;
    }""")
    print(f"{model_id}: arbeidsboka er {len(data) / 1024:.0f} kB, skrevet på {milliseconds:.0f} ms")
    assert milliseconds <= 300
    assert page.console_errors == []
