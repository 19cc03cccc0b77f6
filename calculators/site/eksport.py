"""The exports of a calculator scenario (beslutningsnotat as ODT/DOCX/print, XLSX, CSV), per model.

The browser makes the files from the scenario on screen (``calculators/runtime/eksport.js``);
this module gives it what it cannot read from the page: the memo's fixed texts and the workbook's
names (``calculators/site/eksport.yaml``, the one source for every format), the model's declarations
(sources, units, groups, help) and what the workbook discounts. The build writes one file per model,
``assets/eksport/<id>.<hash>.js`` = ``zip.js`` + ``sheet.js`` + ``eksport.js`` + this data as JSON, which the
calculator runtime loads only when a user clicks an export button.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypedDict

import yaml

from calculators.core import finance
from calculators.core.model import BUDGET_HOLDERS, LEVEL_LABELS, Model
from calculators.engine import registry
from calculators.engine.translate import Translation
from calculators.site.bundle import RUNTIME, metadata
from calculators.view import memo, view
from veileder import yamltext, zips

ASSET_DIR = "assets/eksport"
SOURCE = Path(__file__).with_name("eksport.yaml")
DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
SCRIPTS = (zips.SCRIPT, zips.SHEET_SCRIPT, RUNTIME / "eksport.js")
SUM_KEYS = ("kommune", "fylkeskommune", "stat", "offentlig", "alle")


TEXT = "tekst"
SHEET = "arknavn"
"""A sheet's name: a text a spreadsheet takes as one (at most 31 characters, none of : \\ / ? * [ ],
not beginning or ending with an apostrophe); the workbook's six are different (``config``)."""
SHEET_FORBIDDEN = set(":\\/?*[]")


class Texts(NamedTuple):
    """A list of texts: exactly ``length`` of them (a sheet's columns, the memo's paragraphs in
    their places) or, with no length, one or more."""

    length: int | None = None


# What the code reads of eksport.yaml's texts, and of what kind: a text, a list of texts, a table.
# «*»: any key (a model's id), each of that kind. The build stops on a key missing, unknown or of
# another kind, naming it (config), before any export is made.
TEXTS_SHAPE: dict[str, Any] = {
    "notat": {
        "tittel": TEXT, "undertittel": TEXT, "hode": Texts(),
        "deler": {
            "sammendrag": TEXT, "bakgrunn": TEXT, "forutsetninger": TEXT, "resultat": TEXT,
            "usikkerhet": TEXT, "kilder": TEXT, "forbehold": TEXT, "scenario": TEXT,
        },
        "hovedtall": TEXT, "bakgrunn": Texts(2), "forutsetninger_innledning": TEXT,
        "forhandsinnstilling": TEXT, "kilder_endret": TEXT, "kilde_endret_del": TEXT,
        "rente_endret": TEXT, "ingen_endret": TEXT, "endret_antall": TEXT, "prisar": TEXT,
        "kolonner": {
            "forutsetning": TEXT, "verdi": TEXT, "kilde": TEXT, "resultat": TEXT, "budsjett": TEXT,
            "intervall": TEXT, "midtverdi": TEXT, "i_pluss": TEXT, "skjema": TEXT,
            "ingen_effekt": TEXT, "lav": TEXT, "hoy": TEXT, "virkning": TEXT, "vurdering": TEXT,
        },
        "endret": TEXT, "kilde": TEXT, "endret_kilde": TEXT, "illustrasjon": TEXT,
        "alle_resultater": TEXT, "hvem": TEXT, "positive": TEXT, "sum": TEXT, "diagram": TEXT,
        "diagram_mangler": TEXT, "usikkerhet_ingen": TEXT, "usikkerhet_intervall": TEXT, "spenn": TEXT,
        "ikke_vurdert": TEXT, "sammendrag_trekninger": TEXT, "prissatt_ingen": TEXT,
        "pluss_minus": TEXT, "kilder_innledning": TEXT, "kilder_ingen": TEXT, "metode": TEXT,
        "forbehold": Texts(2), "forbehold_utelater": TEXT, "scenario": TEXT, "fil": TEXT,
    },
    "regneark": {
        "fil": TEXT,
        "ark": {
            "forutsetninger": SHEET, "kontantstrom": SHEET, "diskontering": SHEET, "naverdi": SHEET,
        },
        "forutsetninger_kolonner": Texts(8), "spenn_kolonner": Texts(2), "usikkerhet_tittel": TEXT,
        "usikkerhet_kolonner": Texts(7), "ja": TEXT,
        "status": {
            "kilde": TEXT, "illustrasjon": TEXT,
        },
        "kontantstrom_tittel": TEXT, "kontantstrom_tittel_kostnad": TEXT, "ar": TEXT,
        "offentlig": TEXT, "alle": TEXT, "rente2": TEXT, "rente3": TEXT, "trinn1": TEXT,
        "trinn2": TEXT, "periode_rente": TEXT, "faktor": TEXT, "naverdi_tittel": TEXT,
        "naverdi_kolonner": Texts(4), "kilde_note": TEXT, "csv_kolonner_ar": TEXT, "csv_tittel": TEXT,
        "csv_tittel_kostnad": TEXT, "csv_standard": TEXT, "csv_forhandsinnstilling": TEXT,
        "csv_endret": TEXT, "csv_ar": TEXT, "csv_kr": TEXT, "aldri": TEXT, "kan_ikke": TEXT,
        "formler": {
            "ark": {
                "beregning": SHEET, "bygget": SHEET,
            },
            "rente_fra": TEXT, "diskontering_tittel": TEXT, "kontroll_kolonner": Texts(3),
            "kontroll_ok": TEXT, "sjekk_tall": TEXT, "sjekk_grenser": TEXT, "sjekk_heltall": TEXT,
            "feil": TEXT, "sjekk_resultat": TEXT, "beregning_tittel": TEXT, "timekostnad": TEXT,
            "timer": TEXT, "i_horisonten": TEXT, "effektandel": TEXT, "arbeidsandel": TEXT,
            "besparelse": TEXT, "investering_kommune": TEXT, "investering_stat": TEXT,
            "investering_alle": TEXT, "arbeidsinntekt": TEXT, "overforinger": TEXT,
            "tjenestebruk": TEXT, "kumulativ_offentlig": TEXT, "kumulativ_kommune": TEXT,
            "under_offentlig": TEXT, "under_kommune": TEXT, "resultater": TEXT, "tiltak_kolonne": TEXT,
            "utenfor_tittel": TEXT, "ar_regnet": TEXT, "skatteandeler": Texts(4), "alder": TEXT,
            "tapt_skatt": TEXT, "skatt_del": TEXT, "mote_tittel": TEXT, "mote_timer": TEXT,
            "separate_timer": TEXT, "spart_timer": TEXT, "spart_ar": TEXT, "resultat_kolonner": Texts(4),
            "bygget": {"*": Texts()},  # per model (its entry: _model_config)
        },
    },
}

MODEL_KEYS = ("kontantstrom", "naverdi", "rente", "kostnad", "summer", "metodeside", "avsnitt", "utelater")
"""What a model's entry under «modeller» may hold (``_model_config`` checks each)."""


def _kind(value: object) -> str:
    """What a YAML value is, in words («en liste»), for a message about the wrong kind."""
    if value is None:
        return "tom (ingen verdi)"
    for kind, words in ((bool, "en sannhetsverdi"), (str, "en tekst"), (int | float, "et tall"),
                        (list, "en liste"), (dict, "en tabell")):
        if isinstance(value, kind):
            return words
    return type(value).__name__


def _near(name: object, known: Sequence[str], listing: str) -> str:
    """After «ukjent»: the known name it is near («(mente du «prisar»?)»), or every known one."""
    near = difflib.get_close_matches(str(name), known, 1)
    return f" (mente du «{near[0]}»?)" if near else f"; {listing}: {', '.join(known)}"


def _shown(value: object) -> str:
    """A value in a message: a text as «it is», anything else by its kind («en liste»)."""
    return f"«{value}»" if isinstance(value, str) else _kind(value)


def _sheet_name(name: str) -> bool:
    """Whether a spreadsheet takes ``name`` as a sheet's name (``SHEET``)."""
    return 0 < len(name) <= 31 and not SHEET_FORBIDDEN & set(name) and name[0] != "'" and name[-1] != "'"


def shape_problems(value: object, shape: object, where: str) -> list[str]:
    """Every place ``value`` differs from ``shape`` (``TEXTS_SHAPE``'s kinds), named by its path."""
    if shape in (TEXT, SHEET) and not isinstance(value, str):
        quotes = " (sett den i anførselstegn: YAML leser ja, nei, true og tall som noe annet enn tekst)" \
            if isinstance(value, bool | int | float) else ""
        return [f"{where}: skal være en tekst, ikke {_kind(value)}{quotes}"]
    if shape == SHEET and isinstance(value, str) and not _sheet_name(value):
        return [f"{where}: «{value}» kan ikke være navnet på et ark i et regneark (1–31 tegn, ingen av "
                f"{' '.join(sorted(SHEET_FORBIDDEN))}, ikke apostrof først eller sist)"]
    if shape in (TEXT, SHEET):
        return []
    if isinstance(shape, Texts):
        if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
            found = _kind(value) if not isinstance(value, list) else \
                "en tom liste" if not value else "en liste med " + ", ".join(
                    sorted({_kind(item) for item in value if not isinstance(item, str)}))
            return [f"{where}: skal være en liste med tekster ([a, b] eller én per linje med «- »; i "
                    f"anførselstegn hvis teksten har kolon), ikke {found}"]
        if shape.length is not None and len(value) != shape.length:
            return [f"{where}: skal ha {shape.length} tekster (én per kolonne eller avsnitt), har {len(value)}"]
        return []
    assert isinstance(shape, dict)
    if not isinstance(value, dict):
        return [f"{where}: skal være en tabell (nøkkel: verdi), ikke {_kind(value)}"]
    problems = [f"{where}.{key}: mangler" for key in shape if key != "*" and key not in value]
    for key, inner in value.items():
        if key in shape or "*" in shape:
            problems += shape_problems(inner, shape.get(key, shape.get("*")), f"{where}.{key}")
        else:
            problems.append(f"{where}.{key}: ukjent" + _near(key, [k for k in shape if k != "*"], "kjente"))
    return problems


class ExportError(ValueError):
    """A mistake in calculators/site/eksport.yaml or a method page it reads; names file and field."""


def config() -> dict:
    try:
        data = yamltext.safe_load(SOURCE.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ExportError(f"{SOURCE.name}: ikke gyldig YAML: {error}") from error
    for key in ("notat", "regneark", "modeller"):
        if not isinstance(data, dict) or not isinstance(data.get(key), dict):
            raise ExportError(f"calculators/site/{SOURCE.name}: «{key}» mangler eller er ikke en tabell")
    problems = [problem for key, shape in TEXTS_SHAPE.items() for problem in shape_problems(data[key], shape, key)]
    if not problems:  # the texts have their shape: the ids, and the workbook's sheet names
        models = registry.model_ids()
        for place, ids in (("modeller", data["modeller"]), ("regneark.formler.bygget", data["regneark"]["formler"]["bygget"])):
            for model_id in ids:
                if model_id not in models:
                    problems.append(f"{place}.{model_id}: ingen modell har denne id-en"
                                    + _near(model_id, models, "modellene"))
        # A spreadsheet tells sheet names apart without regard to case.
        sheets = {**{f"regneark.ark.{k}": v for k, v in data["regneark"]["ark"].items()},
                  **{f"regneark.formler.ark.{k}": v for k, v in data["regneark"]["formler"]["ark"].items()}}
        for name in sorted({v.casefold() for v in sheets.values()}):
            same = [path for path, v in sheets.items() if v.casefold() == name]
            if len(same) > 1:
                problems.append(f"{' og '.join(same)}: samme arknavn («{sheets[same[0]]}»); hvert ark trenger sitt")
    if problems:
        raise ExportError("\n".join(f"calculators/site/{SOURCE.name}: {problem}" for problem in problems))
    return data


def _model_config(model: Model) -> dict:
    where = f"calculators/site/{SOURCE.name}: modeller.{model.id}"
    entry = config()["modeller"].get(model.id)
    if not isinstance(entry, dict):
        raise ExportError(f"{where} mangler (hva regnearket diskonterer, og hva modellen utelater)")
    outputs = {o.id: o for o in model.outputs}
    inputs = {i.id for i in model.inputs}
    problems = []

    def named(key: str) -> str:
        """The entry's ``key`` if it is a name («» when missing or not text: never looked up)."""
        value = entry.get(key)
        return value if isinstance(value, str) else ""

    for key, kind in (("kontantstrom", "years_by_holder"), ("naverdi", "by_holder")):
        if named(key) not in outputs or outputs[named(key)].kind != kind:
            problems.append(f"{where}.{key}: {_shown(entry.get(key))} er ikke et {kind}-resultat i modellen")
    if named("rente") not in inputs:
        problems.append(f"{where}.rente: {_shown(entry.get('rente'))} er ikke en input i modellen")
    sums = entry.get("summer") or {}
    if not isinstance(sums, dict):
        problems.append(f"{where}.summer: skal være en tabell (nøkkel: resultat), ikke {_kind(sums)}")
        sums = {}
    for key, output in sums.items():
        if key not in SUM_KEYS:
            problems.append(f"{where}.summer.{key}: ukjent; gyldige: {', '.join(SUM_KEYS)}")
        elif not isinstance(output, str) or output not in outputs or outputs[output].kind != "number":
            problems.append(f"{where}.summer.{key}: {_shown(output)} er ikke et tall-resultat i modellen")
    if not named("metodeside") or not (DOCS / named("metodeside")).is_file():
        problems.append(f"{where}.metodeside: {_shown(entry.get('metodeside'))} finnes ikke under docs/")
    if "utelater" in entry:
        problems += shape_problems(entry["utelater"], Texts(), f"{where}.utelater")
    if "avsnitt" in entry and not named("avsnitt"):
        problems.append(f"{where}.avsnitt: skal være overskriften på metodesiden (en tekst), "
                        f"ikke {'en tom tekst' if entry['avsnitt'] == '' else _kind(entry['avsnitt'])}")
    if ("utelater" in entry) == ("avsnitt" in entry):
        problems.append(f"{where}: trenger enten «utelater» (liste) eller «avsnitt» (overskrift på "
                        "metodesiden)" + (", ikke begge" if "utelater" in entry else ""))
    if not isinstance(entry.get("kostnad", False), bool):
        problems.append(f"{where}.kostnad: skal være true eller false, ikke {_shown(entry['kostnad'])}")
    for key in entry:
        if key not in MODEL_KEYS:
            problems.append(f"{where}.{key}: ukjent" + _near(key, MODEL_KEYS, "gyldige"))
    if model.id not in config()["regneark"]["formler"]["bygget"]:
        problems.append(f"calculators/site/{SOURCE.name}: regneark.formler.bygget.{model.id}: mangler "
                        "(arkets forklaring «Slik er arket bygget», en liste med avsnitt)")
    if problems:
        raise ExportError("\n".join(problems))
    return entry


def check(model: Model) -> None:
    """What ``sitegen check`` asks before anything is generated: eksport.yaml's texts, the model's
    entry and what it leaves out (its method page's section). Raises ``ExportError``."""
    left_out(model)


WEB_ONLY = {"#": "i metoden på nettstedet", "": "på nettstedet"}
"""What a link's text gets in the memo, which has no links to the site's pages: where to look."""


def _plain(markdown: str) -> str:
    """Markdown inline text as plain text: emphasis marks go, and a link keeps its text and says
    where it is on the site («Virkninger uten kroneverdi (i metoden på nettstedet)»), so the memo
    never points at something only the web page has."""
    text = re.sub(r"\[([^\]]+)\]\(([^)]*)\)",
                  lambda m: f"{m.group(1)} ({WEB_ONLY['#' if m.group(2).startswith('#') else '']})", markdown)
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    return " ".join(text.split())


def left_out(model: Model) -> list[str | dict]:
    """What the model leaves out: the bullets of its method page's section, or the YAML list.
    A bullet with bullets under it is ``{"text", "sub": [text, …]}`` (the memo keeps it a list)."""
    entry = _model_config(model)
    if entry.get("utelater"):
        return [_plain(item) for item in entry["utelater"]]  # texts: _model_config checked each
    page = DOCS / entry["metodeside"]
    lines = page.read_text(encoding="utf-8").splitlines()
    heading = f"## {entry['avsnitt']}"
    if heading not in lines:
        raise ExportError(f"docs/{entry['metodeside']}: mangler avsnittet «{heading}» "
                          f"(calculators/site/{SOURCE.name}: modeller.{model.id}.avsnitt)")
    items: list[list[str]] = []  # [text, sub-item, sub-item …]
    for line in lines[lines.index(heading) + 1:]:
        if line.startswith("#"):
            break
        if line.startswith("- "):
            items.append([line[2:]])
        elif line.startswith("  ") and line.strip().startswith("- ") and items:
            items[-1].append(line.strip()[2:])
        elif line.startswith("  ") and items and line.strip():
            items[-1][-1] += " " + line.strip()
    if not items:
        raise ExportError(f"docs/{entry['metodeside']}: avsnittet «{heading}» har ingen punktliste")
    return [_plain(item[0]) if len(item) == 1 else {"text": _plain(item[0]), "sub": [_plain(x) for x in item[1:]]}
            for item in items]


def sum_holders(key: str) -> list[str]:
    """The budget holders a declared sum adds up. «kommune» is the kommune's own budgets
    (``finance.OWN_KOMMUNE_HOLDERS``), not the other kommuner the inntektsutjevning moves tax to."""
    if key == "kommune":
        return [h.id for h in BUDGET_HOLDERS[:finance.OWN_KOMMUNE_HOLDERS]]
    if key == "offentlig":
        return [h.id for h in BUDGET_HOLDERS if h.level != "samfunnet"]
    if key == "alle":
        return [h.id for h in BUDGET_HOLDERS]
    return [h.id for h in BUDGET_HOLDERS if h.level == key]


def page_url(markdown_path: str) -> str:
    """Site-relative URL of a page (directory URLs): okonomi/metode-familie.md → okonomi/metode-familie/."""
    stem = markdown_path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def typography() -> dict:
    """The site's template typography (documents.render), so the memo looks like the other templates."""
    from documents.render import render_docx, render_odt

    return {"odt_font": render_odt.FONT, "docx_font": render_docx.FONT, "body_pt": 10.5, "h1_pt": 20,
            "h2_pt": 13, "h3_pt": 11, "colour": "1d4f73", "border": "6b6b6b", "head_fill": "e8eff5",
            "margin_top_mm": 15, "margin_side_mm": 18}


def sheet_module(model: Model):
    """The model's workbook in formulas (``calculators/sheets/<id>.py``); every model needs one."""
    # Imported here, not at the top: the sheet modules load the models and their data files, and
    # a hook that imports this module must not load them before the build can name a mistake.
    from calculators import sheets

    if model.id not in sheets.LAYOUTS:
        raise ExportError(f"calculators/sheets/{model.id}.py mangler: regnearket er modellen i formler, "
                          f"lagt ut ved siden av modellen (se calculators/README.md, «The workbook»); "
                          f"finnes for {', '.join(sorted(sheets.LAYOUTS))}")
    return sheets.LAYOUTS[model.id]


def data(model: Model) -> Any:
    """Everything the export code needs about ``model`` besides the scenario itself (``metadata``
    and more: typed ``Any`` as that is; ``CsvData`` and the memo's TypedDicts say what they read)."""
    entry = _model_config(model)
    meta = metadata(model)
    for field, given in zip(meta["inputs"], model.inputs, strict=True):
        source = given.source
        field.update(group=given.group or model.title, help=given.help, source={
            "title": source.title, "publisher": source.publisher, "year": source.year,
            "status": source.status, "url": source.url or "", "note": source.note})
    for output, declared in zip(meta["outputs"], model.outputs, strict=True):
        output["help"] = declared.help
    return {
        **meta,
        "title": model.title,
        "description": model.description,
        "price_year": model.price_year,
        "holders": [[h.id, h.label, h.level] for h in BUDGET_HOLDERS],
        "levels": LEVEL_LABELS,
        "preset_labels": {p.id: p.label for p in model.presets},
        "preset_descriptions": {p.id: p.description for p in model.presets},
        "workbook": {
            "flows": entry["kontantstrom"], "present_values": entry["naverdi"], "rate": entry["rente"],
            "sums": [{"key": key, "output": output, "holders": sum_holders(key)}
                     for key, output in (entry.get("summer") or {}).items()],
            "cost": bool(entry.get("kostnad")),
            "step_years": list(finance.R109_STEP_YEARS),
        },
        "sheet": sheet_module(model).layout(model, config()),
        "method_page": page_url(entry["metodeside"]),
        "left_out": left_out(model),
        "texts": {"notat": config()["notat"], "regneark": config()["regneark"]},
        "typography": typography(),
    }


# -- the CSV, written once (issue 23): translated into the export file like the memo's rows ------
class CsvTexts(TypedDict):
    """The spreadsheet texts the CSV uses (``regneark`` in eksport.yaml)."""
    csv_kolonner_ar: str
    offentlig: str
    alle: str
    kilde_note: str
    csv_tittel: str
    csv_tittel_kostnad: str
    csv_standard: str
    csv_forhandsinnstilling: str
    csv_endret: str
    csv_ar: str
    csv_kr: str


class CsvTextGroups(TypedDict):
    regneark: CsvTexts


class CsvInput(TypedDict):
    id: str


class CsvWorkbook(TypedDict):
    """Whether the model's flows are a cost path rather than a measure's cash flow («kostnad»)."""
    cost: bool


class CsvData(TypedDict):
    """What the CSV reads of ``data(model)``: the calculator's title, price year, preset names,
    the number of inputs and the texts."""
    title: str
    price_year: int
    preset_labels: dict[str, str]
    inputs: list[CsvInput]
    workbook: CsvWorkbook
    texts: CsvTextGroups


class CsvScenario(TypedDict):
    """What the CSV reads of the scenario on screen (``vlKalkulator.scenario``)."""
    changed: list[str]
    link: str


def link_preset(link: str) -> str:
    """The preset a scenario link names («…#preset=lite_team&…» → «lite_team»), or "". The
    translator wants literals: «#» is ``scenario_links.SEPARATOR``, «preset» its ``PRESET``
    (a test holds them equal)."""
    parts = link.split("#")
    if len(parts) < 2:
        return ""
    found = [pair.replace("preset=", "") for pair in parts[len(parts) - 1].split("&")
             if pair.startswith("preset=")]
    return found[0] if len(found) > 0 else ""


def csv_rows(data: CsvData, scenario: CsvScenario, flows: list[list[str]]) -> list[list[str]]:
    """The CSV: a title row naming the calculator and the price year, a row naming the scenario
    (its preset, how many figures were changed), the link it was made from (no date, so the same
    scenario gives the same file), an empty row, then ``flows`` — ``memo.flow_rows``, the yearly
    flows with their header — with the unit in every column header («År (0 = første år)»,
    «Kommunen: barnevern (kr)»)."""
    t = data["texts"]["regneark"]
    preset = link_preset(scenario["link"])
    changed = str(len(scenario["changed"]))
    of = str(len(data["inputs"]))
    if preset != "" and preset in data["preset_labels"]:
        named = t["csv_forhandsinnstilling"].replace("{navn}", data["preset_labels"][preset]) \
            .replace("{antall}", changed).replace("{av}", of)
    elif len(scenario["changed"]) == 0:
        named = t["csv_standard"]
    else:
        named = t["csv_endret"].replace("{antall}", changed).replace("{av}", of)
    head = [t["csv_ar"].replace("{navn}", flows[0][0])]
    for name in flows[0][1:]:
        head.append(t["csv_kr"].replace("{navn}", name))
    title = t["csv_tittel_kostnad"] if data["workbook"]["cost"] else t["csv_tittel"]
    rows = [[title.replace("{tittel}", data["title"]).replace("{år}", str(data["price_year"]))],
            [named], [t["kilde_note"] + " " + scenario["link"]], [], head]
    for row in flows[1:]:
        rows.append(row)
    return rows


def csv_head(texts: dict) -> list[str]:
    """What ``memo.flow_rows`` gets as ``head``: the year column, the public budgets, all."""
    return [texts["csv_kolonner_ar"], texts["offentlig"], texts["alle"]]


CSV_FUNCTIONS = (csv_rows,)
"""Translated into the export file beside ``memo.MEMO_FUNCTIONS``. eksport.js writes
``views[id].csv_rows(data, s, views[id].flow_rows(s.meta, flows, head))`` as semicolon-separated
text (``csv_table`` is the same in Python)."""


def csv_table(model: Model, scenario: CsvScenario, outputs: dict) -> list[list[str]]:
    """The CSV's rows for ``outputs`` of ``model``, in Python (tests, notebook): what the browser
    writes, before an own profile's note (eksport.js adds it after the rows)."""
    d = data(model)
    t = d["texts"]["regneark"]
    rows = memo.flow_rows(metadata(model), outputs[d["workbook"]["flows"]], csv_head(t))
    return csv_rows(d, scenario, rows)


VIEW_FUNCTIONS = ("format_number", "format_output")
"""The functions of ``calculators/view/view.py`` the memo writes numbers with, translated into the
export file (the page's bundle carries only what the page needs)."""


def javascript(model: Model) -> str:
    """The model's export file: the zip writer, the export code, the view's number formatting
    (translated from calculators/view/view.py) and the model's data."""
    translation = Translation()
    names = {name: translation.add(getattr(view, name)) for name in VIEW_FUNCTIONS}
    names.update({fn.__name__: translation.add(fn) for fn in memo.MEMO_FUNCTIONS})
    names.update({fn.__name__: translation.add(fn) for fn in CSV_FUNCTIONS})
    # The values the workbook's formula cells store, so a viewer that does not recalculate shows them.
    names["sheet_values"] = translation.add(sheet_module(model).values, frozenset(i.id for i in model.inputs))
    formats = ", ".join(f"{name}: {js}" for name, js in names.items())
    payload = json.dumps(data(model), ensure_ascii=False, separators=(",", ":"))
    scripts = "\n".join(path.read_text(encoding="utf-8") for path in SCRIPTS)
    return (f"// Generert av calculators/site/eksport.py fra {', '.join(p.name for p in SCRIPTS)}, "
            f"calculators/view/view.py og calculators/site/{SOURCE.name}. Ikke rediger.\n{scripts}\n"
            "(function () {\n\"use strict\";\n"
            f"{translation.code()}\n"
            f"globalThis.vlEksport.register({payload}, {{ {formats} }});\n}})();\n")


def asset(model: Model) -> tuple[str, str]:
    """``(path in the site, content)``; the path carries a content hash for caching."""
    code = javascript(model)
    digest = hashlib.sha256(code.encode()).hexdigest()[:10]
    return f"{ASSET_DIR}/{model.id}.{digest}.js", code
