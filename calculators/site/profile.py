"""Kommunens egne tall (issue 29): the profile template, and what the browser needs to read it.

A municipality's profile is its own value for every price or unit-cost input of every model (an
input whose unit is kroner). This module is the one source for it:

- ``lines()``: one line per figure, from the model data (id, label, unit, the site's value with
  source and year, where a municipality finds its own figure — ``profile.yaml``). A figure several
  calculators share (a row of ``felles.yaml``) is one line, id = the row's id; any other is
  ``<model>.<input>``.
- ``csv_bytes()`` / ``xlsx_bytes()``: the template, with Norwegian conventions (semicolons, decimal
  comma, UTF-8 with BOM; an XLSX with yellow columns to fill). Same data → same bytes.
- ``files()``: everything the site serves for it, ``{site path: bytes}`` — the two templates, the
  small runtime a calculator page loads when a profile is stored (``profil.js``) and the importer
  the egne-tall page loads (``profil-import.js``, with ``zip.js`` and ``sheet.js``). A pure
  function: the build stage (``sitegen/stage.py``) only writes what it returns.
- ``render_markers(markdown, url)``: ``<!-- egne-tall: … -->`` on the page.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from calculators.core.data_files import g_series, shared_data
from calculators.core.declarations import KRONER_UNITS
from calculators.engine import registry
from calculators.site.bundle import RUNTIME  # profil.js, profil-import.js beside the other calculator scripts
from documents.templates.strings import format_size
from veileder import yamltext, zips

SOURCE = Path(__file__).with_name("profile.yaml")
ASSET_DIR = "assets/kalkulatorer"
FOLDER = "okonomi/egne-tall"
MAX_BYTES = 1_000_000
"""The largest file the importer reads (a full profile is a few kilobytes)."""
STORAGE_KEY = "vl-egne-tall"
RUNTIME_TEXTS = frozenset({"uten_navn", "banner", "banner_av", "slå_av", "slå_på", "endre", "setning",
                           "notat_profil", "notat_lenke", "notat_kilde", "csv_profil", "gammel", "gammel_linje",
                           "gammel_linje_uten_g", "nyere", "notat_endret", "ark_endret", "notat_prisar", "status_kommune",
                           "notat_prisar_uten_ar", "illustrasjon_rest", "ark_kroner"})
"""The texts a calculator page needs (the banner, the exports, old figures); the importer gets all."""
MARKER = re.compile(r"<!--\s*egne-tall:\s*(?P<what>[a-z-]*)\s*-->")


class ProfileError(ValueError):
    """A mistake in calculators/site/profile.yaml or a marker; names the file and what is missing."""


@dataclass(frozen=True)
class Line:
    """One figure of the profile: the site's value and where the municipality finds its own."""

    id: str
    label: str
    calculators: tuple[str, ...]
    unit: str
    unit_text: str
    """What the figure is per, in words: «kr per familie per år» (``profile.yaml`` «enhet»)."""
    value: float
    source: str
    year: int
    where: str
    minimum: float
    maximum: float
    targets: tuple[tuple[str, str], ...]
    """(model id, input id) for every calculator field the line sets."""


@cache
def texts() -> dict:
    data = yamltext.safe_load(SOURCE.read_text(encoding="utf-8"))
    for key in ("kolonner", "profil", "hvor", "tekster"):
        if not isinstance(data, dict) or not isinstance(data.get(key), dict):
            raise ProfileError(f"calculators/site/{SOURCE.name}: «{key}» mangler eller er ikke en tabell")
    return data


def is_price(unit: str) -> bool:
    """A price or unit cost: an amount in kroner (per year, hour, meeting or in all)."""
    return unit in KRONER_UNITS


def in_profile(field) -> bool:
    """A figure the municipality has its own of: a price or unit cost, or one of its rates
    (``profile.yaml`` «satser»: pension, employer's tax zone, hours per full-time year) — but not a
    national figure (``profile.yaml`` «utelatt»: grunnbeløpet, the same for every municipality)."""
    if field.id in texts().get("utelatt", {}):
        return False
    return is_price(field.unit) or field.id in texts().get("satser", [])


def _source_text(input_) -> str:
    src = input_.source
    if src.status != "kilde":
        return f"{texts()['illustrasjon']} ({src.publisher})"
    return f"{src.publisher} {src.year}: {src.title}"


def lines() -> list[Line]:
    """Every price or unit-cost input of every model, once per figure, in the models' order."""
    shared = {row.get("id") for row in shared_data().get("rows", []) if isinstance(row, dict)}
    where = texts()["hvor"]
    found: dict[str, dict] = {}
    for model in registry.all_models():
        for field in model.inputs:
            if not in_profile(field):
                continue
            line_id = field.id if field.id in shared else f"{model.id}.{field.id}"
            if line_id in found:
                found[line_id]["calculators"].append(model.title)
                found[line_id]["targets"].append((model.id, field.id))
                continue
            found[line_id] = {
                "id": line_id, "label": field.label, "calculators": [model.title], "unit": field.unit,
                "unit_text": " ".join(str(texts().get("enhet", {}).get(line_id, "")).split()),
                "value": field.default, "source": _source_text(field),
                "year": field.price_year or model.price_year or field.source.year,
                "where": " ".join(str(where.get(line_id, "")).split()),
                "minimum": field.minimum, "maximum": field.maximum, "targets": [(model.id, field.id)]}
    missing = [line_id for line_id in found if not found[line_id]["where"]]
    if missing:
        raise ProfileError(f"calculators/site/{SOURCE.name}: «hvor» mangler for {', '.join(missing)} "
                           "(hvor kommunen finner tallet)")
    missing = [line_id for line_id in found if not found[line_id]["unit_text"]]
    if missing:
        raise ProfileError(f"calculators/site/{SOURCE.name}: «enhet» mangler for {', '.join(missing)} "
                           "(hva tallet gjelder per, for eksempel «kr per familie per år»)")
    return [Line(**{**d, "calculators": tuple(d["calculators"]), "targets": tuple(d["targets"])})
            for d in found.values()]


def _decimal(value: float) -> str:
    """For the CSV: a decimal comma, no grouping (Excel reads «2,041» and «250000» as numbers)."""
    return (f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))).replace(".", ",")


def table() -> list[list]:
    """The template as rows: the header, the three lines about the profile, then every figure."""
    t = texts()
    c, p = t["kolonner"], t["profil"]
    head = [c[k] for k in ("id", "felt", "kalkulator", "enhet", "verdi", "kilde", "ar", "hvor",
                           "kommunens_verdi", "kommunens_kilde", "kommunens_ar")]
    rows: list[list] = [head]
    for key in ("navn", "kilde", "ar"):
        rows.append([p[key]["id"], p[key]["felt"], "", "", "", "", "", p[key]["hvor"], "", "", ""])
    for line in lines():
        where = f"{line.where} {t['prosent_merknad']}" if line.unit == "%" else line.where
        rows.append([line.id, line.label, ", ".join(line.calculators), line.unit_text, line.value, line.source,
                     line.year, where, "", "", ""])
    return rows


def _csv_field(value) -> str:
    text = _decimal(value) if isinstance(value, (int, float)) else str(value)
    return '"' + text.replace('"', '""') + '"' if re.search(r'[;"\r\n]', text) else text


def csv_bytes(rows: list[list] | None = None) -> bytes:
    """Semicolons, decimal comma, CRLF, UTF-8 with BOM: what Norwegian Excel opens as columns."""
    rows = table() if rows is None else rows
    return ("\ufeff" + "".join(";".join(_csv_field(v) for v in row) + "\r\n" for row in rows)).encode("utf-8")


def _column(index: int) -> str:
    name = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def _x(text: str) -> str:
    return html.escape(str(text), quote=True)


_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_TOP = '<alignment vertical="top"/>'
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.###"/><numFmt numFmtId="165" formatCode="0.0##"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2A8"/><bgColor indexed="64"/></patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'  # 0 text
    '<xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf>'  # 1 head
    f'<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">{_TOP}</xf>'  # 2 number
    f'<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyAlignment="1">{_TOP}</xf>'  # 3 to fill
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>'
    # 5 a percent to fill: a plain number (13,5), not Excel's percent format, which stores 13,5 % as 0,135
    f'<xf numFmtId="165" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1">{_TOP}</xf>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
_WIDTHS = (26, 34, 22, 22, 14, 40, 9, 60, 16, 24, 10)
_FILL_COLUMNS = (8, 9, 10)
_WRAP_COLUMNS = (1, 5, 7)
_YEAR_COLUMN = 6  # a year is not grouped («2025», not «2 025»)


def _sheet(rows: list[list]) -> str:
    out = []
    percent = {line.id for line in lines() if line.unit == "%"}
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_column(c)}{r + 1}"
            numeric = isinstance(value, (int, float)) and c != _YEAR_COLUMN
            style = 1 if r == 0 else 3 if c in _FILL_COLUMNS else 2 if numeric else 4 if c in _WRAP_COLUMNS else 0
            if style == 3 and c == _FILL_COLUMNS[0] and row and row[0] in percent:
                style = 5
            if value == "" and style not in (3, 5):
                continue
            if isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}" s="{style}"><v>{int(value)}</v></c>' if value == int(value)
                             else f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>')
            elif value == "":
                cells.append(f'<c r="{ref}" s="{style}"/>')
            else:
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{_x(value)}</t></is></c>')
        out.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(_WIDTHS))
    return (f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            f'<cols>{cols}</cols><sheetData>{"".join(out)}</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')


def xlsx_bytes(rows: list[list] | None = None) -> bytes:
    """One sheet, the figures as numbers, the columns to fill yellow. Fixed zip dates: reproducible."""
    rows = table() if rows is None else rows
    name = texts()["ark"]
    entries = {
        "[Content_Types].xml": f'{_HEAD}<Types xmlns="{_PKG}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}styles+xml"/></Types>',
        "_rels/.rels": f'{_HEAD}<Relationships xmlns="{_PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<sheets><sheet name="{_x(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{_HEAD}<Relationships xmlns="{_PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": _STYLES,
        "xl/worksheets/sheet1.xml": _sheet(rows),
    }
    # The build's one zip writer; zlib's default level and permissions, as this file always had.
    return zips.write_zip([(path, text.encode("utf-8")) for path, text in entries.items()], level=None, mode=None)


def browser_data(importer: bool = False) -> dict:
    """What profil.js reads on a calculator page (the lines, the texts, the price year and G); the
    importer also gets the template, its columns and where each figure is found."""
    models = registry.all_models()
    data = {
        "key": STORAGE_KEY, "texts": {k: v for k, v in texts()["tekster"].items() if k in RUNTIME_TEXTS or importer},
        "price_year": max(m.price_year or 0 for m in models),
        "g": {str(y): v for y, v in g_series().items()},
        "units": {unit: _number(0, unit).split("\u00a0", 1)[1] for unit in sorted({line.unit for line in lines()})},  # «kr per år»
        "lines": [{"id": line.id, "label": line.label, "calculators": list(line.calculators), "unit": line.unit,
                   "price": is_price(line.unit), "value": line.value, "targets": [list(t) for t in line.targets],
                   **({"unit_text": line.unit_text, "min": line.minimum, "max": line.maximum} if importer else {})}
                  for line in lines()],
    }
    if importer:
        data.update({"left_out": texts().get("utelatt", {}), "max_bytes": MAX_BYTES, "columns": texts()["kolonner"],
                     "file": texts()["filnavn_eksport"],
                     "profile_ids": {k: v["id"] for k, v in texts()["profil"].items()}, "sheet": texts()["ark"],
                     "template": table()})  # the export of a loaded profile fills the last three columns
    return data


def _hashed(stem: str, code: str) -> tuple[str, str]:
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:10]
    return f"{ASSET_DIR}/{stem}.{digest}.js", code


def _data_script(importer: bool = False) -> str:
    return ("// Generert fra calculators/site/profile.py og profile.yaml. Ikke rediger.\n"
            "globalThis.vlProfilData = " + json.dumps(browser_data(importer), ensure_ascii=False, separators=(",", ":")) + ";\n")


@cache
def runtime_asset() -> tuple[str, str]:
    """What a calculator page loads when a profile is stored: the data and ``profil.js``."""
    return _hashed("profil", _data_script() + (RUNTIME / "profil.js").read_text(encoding="utf-8"))


def number_reader_script() -> str:
    """The calculators' number reader (``calculators.view.fields.read_number``), translated, as
    ``globalThis.vlProfilTall.read_number``: the importer reads a file's figures with the very
    function the calculators read their fields with (issue 23), not a copy of its rules."""
    from calculators.engine.translate import Translation
    from calculators.view import fields

    translation = Translation()
    name = translation.add(fields.read_number)
    return ("// Generert fra calculators/view/fields.py (read_number) av calculators/engine/translate.py. Ikke rediger.\n"
            "(function () {\n\"use strict\";\n" + translation.code()
            + f"\nglobalThis.vlProfilTall = {{ read_number: {name} }};\n}})();\n")


@cache
def importer_asset() -> tuple[str, str]:
    """What the egne-tall page loads: the runtime, ``zip.js`` and ``sheet.js`` (the browser's zip and
    workbook/CSV writers), the calculators' number reader and the importer."""
    code = _data_script(importer=True) + "".join(path.read_text(encoding="utf-8")
                                                 for path in (RUNTIME / "profil.js", zips.SCRIPT, zips.SHEET_SCRIPT)) \
        + number_reader_script() + (RUNTIME / "profil-import.js").read_text(encoding="utf-8")
    return _hashed("profil-import", code)


def template_paths() -> dict[str, str]:
    stem = texts()["filnavn"]
    return {"csv": f"{FOLDER}/{stem}.csv", "xlsx": f"{FOLDER}/{stem}.xlsx"}


def files() -> dict[str, bytes]:
    """Every file the site serves for profiles: ``{site path: bytes}``."""
    rows = table()
    paths = template_paths()
    return {paths["csv"]: csv_bytes(rows), paths["xlsx"]: xlsx_bytes(rows),
            **{path: code.encode("utf-8") for path, code in (runtime_asset(), importer_asset())}}


def _number(value: float, unit: str) -> str:
    from calculators.view.view import format_number
    return format_number(value, unit)


def _with_words(line: Line) -> str:
    """«250 000 kr per familie per år»: the number as the calculator writes it, the unit in words."""
    text, short = _number(line.value, line.unit), _number(0, line.unit).split("\u00a0", 1)[1]
    return text[: len(text) - len(short)] + line.unit_text


def lines_table() -> str:
    """Every line of the template, with the site's value and where to find one's own. HTML, in a
    region the keyboard can scroll when the table is wider than the screen."""
    head = texts()["kolonner"]
    cells = "".join(f'<th scope="col">{html.escape(head[k])}</th>' for k in ("id", "felt", "kalkulator", "verdi", "hvor"))
    rows = "".join(
        f'<tr><td><code>{html.escape(line.id)}</code></td><th scope="row">{html.escape(line.label)}</th>'
        f'<td>{html.escape(", ".join(line.calculators))}</td>'
        f'<td class="vl-profil__number">{html.escape(_with_words(line))}</td>'
        f"<td>{html.escape(line.where)}</td></tr>"
        for line in lines())
    return (f'<div class="vl-profil__scroll" tabindex="0" role="region" aria-label="{html.escape(texts()["ark"])}">'
            f'<table class="vl-profil__changes vl-profil__lines"><thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table></div>')


def importer_html(url: Callable[[str], str]) -> str:
    """The importer's controls; the script makes them work (loaded only on this page)."""
    t = texts()["tekster"]
    path = importer_asset()[0]
    return (
        '<div class="vl-profil" data-vl-profil-import>'
        '<div class="vl-profil__drop" data-vl-profil-drop>'
        f'<label class="md-button md-button--primary" for="vl-profil-fil">{html.escape(t["velg_fil"])}</label>'
        '<input class="vl-profil__file" type="file" id="vl-profil-fil" accept=".csv,.xlsx,text/csv,'
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="vl-profil-slipp">'
        f'<p id="vl-profil-slipp">{html.escape(t["slipp"])}</p></div>'
        '<div class="vl-profil__status" role="status" aria-live="polite" data-vl-profil-live></div>'
        '<div data-vl-profil-result></div>'
        f'<h3 id="vl-profil-i-bruk">{html.escape(t["status_tittel"])}</h3>'
        f'<p data-vl-profil-current>{html.escape(t["status_ingen"])}</p>'
        '<div data-vl-profil-actions hidden>'
        f'<p><label><input type="checkbox" data-vl-profil-remember aria-describedby="vl-profil-husk"> {html.escape(t["husk"])}</label></p>'
        f'<p id="vl-profil-husk" class="vl-profil__help">{html.escape(t["husk_hjelp"])}</p>'
        f'<p><button type="button" class="md-button" data-vl-profil-forget>{html.escape(t["glem"])}</button> '
        f'<button type="button" class="md-button" data-vl-profil-export="csv">{html.escape(t["last_ned_csv"])}</button> '
        f'<button type="button" class="md-button" data-vl-profil-export="xlsx">{html.escape(t["last_ned_xlsx"])}</button></p>'
        '</div>'
        f'<script src="{url(path)}" defer></script>'
        '</div>')


def downloads(url: Callable[[str], str]) -> str:
    made = files()
    parts = []
    for kind, label in texts()["last_ned"].items():
        path = template_paths()[kind]
        parts.append(f'<a class="md-button" href="{url(path)}" download>{html.escape(label)} ({kind.upper()}, '
                     f"{format_size(len(made[path]))})</a>")
    return '<p class="vl-profil__downloads">' + " ".join(parts) + "</p>"


def render_markers(markdown: str, page: str, url: Callable[[str], str]) -> str:
    """``<!-- egne-tall: maler | linjer | import -->``; an unknown one names the page."""
    def replace(match: re.Match) -> str:
        what = match.group("what")
        if what == "maler":
            return downloads(url)
        if what == "linjer":
            return lines_table()
        if what == "import":
            return importer_html(url)
        raise ProfileError(f"{page}: <!-- egne-tall: {what} --> – ukjent; gyldige: maler, linjer, import")
    return MARKER.sub(replace, markdown)
