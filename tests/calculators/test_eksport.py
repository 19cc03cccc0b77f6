"""calculators/site/eksport.py: what the export code gets per model, and clear messages for mistakes."""

from __future__ import annotations

import json

import pytest
import yaml

from calculators.core import finance
from calculators.core.model import BUDGET_HOLDERS
from calculators.engine import registry
from calculators.site import eksport


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_every_model_has_a_workbook_declaration_and_a_left_out_list(model_id: str) -> None:
    model = registry.load(model_id)
    data = eksport.data(model)
    assert data["left_out"] and all(item and "**" not in item and "](" not in item for item in data["left_out"])
    assert data["workbook"]["step_years"] == finance.R109_STEP_YEARS
    assert [i["id"] for i in data["inputs"]] == [i.id for i in model.inputs]
    assert all(i["source"]["status"] in ("kilde", "illustrasjon") for i in data["inputs"])
    assert data["texts"]["notat"]["deler"]["sammendrag"] == "Sammendrag"
    json.dumps(data)  # embeddable as JSON


def test_the_export_file_joins_the_zip_writer_the_export_code_and_the_data() -> None:
    path, code = eksport.asset(registry.load("familie"))
    assert path.startswith("assets/eksport/familie.") and path.endswith(".js")
    assert "window.vlZip = " in code and "globalThis.vlEksport = " in code
    assert "globalThis.vlEksport.register(" in code and "format_output" in code


def test_the_kommune_sum_is_the_kommunes_own_budgets_not_the_other_kommuner() -> None:
    own = eksport.sum_holders("kommune")
    assert own == [h.id for h in BUDGET_HOLDERS[:finance.OWN_KOMMUNE_HOLDERS]]
    assert "andre_kommuner" not in own
    assert "samfunnet" not in eksport.sum_holders("offentlig")
    assert len(eksport.sum_holders("alle")) == len(BUDGET_HOLDERS)


def test_the_method_pages_bullets_become_plain_text() -> None:
    # A link says where on the site it points: the memo has no links to the site's pages.
    assert eksport._plain("**Livskvalitet.** Se [notatboken](metode.ipynb) og *dette*.") == \
        "Livskvalitet. Se notatboken (på nettstedet) og dette."
    assert eksport._plain("se [Usikkerhet](#usikkerhet)") == "se Usikkerhet (i metoden på nettstedet)"
    assert eksport.page_url("okonomi/metode-familie.md") == "okonomi/metode-familie/"
    assert eksport.page_url("okonomi/index.md") == "okonomi/"


def test_a_wrong_declaration_names_the_file_and_each_field(monkeypatch) -> None:
    config = eksport.config()
    config["modeller"]["familie"] = {"kontantstrom": "nnv_offentlig", "naverdi": "netto", "rente": "renta",
                                     "summer": {"by": "nnv_kommune"}, "metodeside": "okonomi/finnes-ikke.md"}
    monkeypatch.setattr(eksport, "config", lambda: config)
    with pytest.raises(eksport.ExportError) as error:
        eksport.data(registry.load("familie"))
    message = str(error.value)
    for field in ("modeller.familie.kontantstrom", "modeller.familie.naverdi", "modeller.familie.rente",
                  "modeller.familie.summer.by", "modeller.familie.metodeside"):
        assert f"calculators/site/eksport.yaml: {field}" in message


@pytest.mark.parametrize(("field", "value"), [
    ("kontantstrom", ["nnv_offentlig"]), ("naverdi", {"a": 1}), ("rente", ["kalkulasjonsrente"]),
    ("summer", ["nnv_kommune"]), ("summer.kommune", ["nnv_kommune"]), ("metodeside", 3),
    ("utelater", "Livskvalitet"), ("utelater", [{"Tid spart for familien": "de slipper å gjenta"}]),
    ("utelater", [None]), ("avsnitt", 7), ("avsnitt", ""), ("kostnad", "nei"), ("kosntad", True)])
def test_a_value_of_the_wrong_kind_is_named_never_a_crash(monkeypatch, field: str, value: object) -> None:
    """A list, a table or a number where the file takes a name (or a text where it takes a list of
    texts, or a bullet that YAML read as a table because of its colon) is a mistake named by its
    field — not a TypeError, not a memo listing «utelater»'s letters or a Python dict's text, and
    not «kostnad: nei» read as true."""
    config = eksport.config()
    entry = config["modeller"]["familie"]
    if field == "summer.kommune":
        entry["summer"] = {"kommune": value}
    else:
        entry[field] = value
    monkeypatch.setattr(eksport, "config", lambda: config)
    with pytest.raises(eksport.ExportError) as error:
        eksport.data(registry.load("familie"))
    assert f"calculators/site/eksport.yaml: modeller.familie.{field}: " in str(error.value)


@pytest.mark.parametrize(("path", "value", "says"), [
    ("notat.prisar", ["2025"], "notat.prisar: skal være en tekst, ikke en liste"),
    ("regneark.aldri", 3, "regneark.aldri: skal være en tekst, ikke et tall"),
    ("regneark.formler", None, "regneark.formler: skal være en tabell (nøkkel: verdi), ikke tom (ingen verdi)"),
    ("regneark.formler", "tekst", "regneark.formler: skal være en tabell"),
    ("regneark.forutsetninger_kolonner", "Forutsetning", "regneark.forutsetninger_kolonner: skal være en liste med tekster"),
    ("regneark.spenn_kolonner", ["Lav"], "regneark.spenn_kolonner: skal ha 2 tekster (én per kolonne eller avsnitt), har 1"),
    ("notat.forbehold", "Bare ett forbehold", "notat.forbehold: skal være en liste med tekster"),
    ("notat.bakgrunn", ["a", {"b": "c"}], "notat.bakgrunn: skal være en liste med tekster ([a, b] eller én per linje "
                                          "med «- »; i anførselstegn hvis teksten har kolon), ikke en liste med en tabell"),
    ("regneark.ja", True, "regneark.ja: skal være en tekst, ikke en sannhetsverdi (sett den i anførselstegn"),
    ("regneark.ark.naverdi", "Nåverdi: R-109", "regneark.ark.naverdi: «Nåverdi: R-109» kan ikke være navnet på et ark"),
    ("regneark.formler.ark.bygget", "Slik er arket bygget, forklart for økonomer", "regneark.formler.ark.bygget: "
                                                                                   "«Slik er arket bygget, forklart"),
    ("regneark.formler.ark.beregning", "nåverdi", "regneark.ark.naverdi og regneark.formler.ark.beregning: samme arknavn"),
    ("modeller.famile", {}, "modeller.famile: ingen modell har denne id-en (mente du «familie»?)"),
    ("regneark.formler.bygget.utenfor", ["x"], "regneark.formler.bygget.utenfor: ingen modell har denne id-en"),
    ("notat.deler.kilder", ["Kilder"], "notat.deler.kilder: skal være en tekst, ikke en liste"),
    ("regneark.formler.bygget.familie", "Slik er arket bygget", "regneark.formler.bygget.familie: skal være en liste med tekster"),
])
def test_a_text_of_the_wrong_kind_stops_the_build_with_its_path(monkeypatch, tmp_path, path: str, value: object,
                                                              says: str) -> None:
    """The memo's and the sheet's texts (notat, regneark) have the kinds TEXTS_SHAPE declares: a
    text the code would call .replace on, a list the sheet lays out as columns, a table. Another
    kind is named with its path when the file is read — it was an AttributeError, a KeyError, or a
    sheet with one letter per row."""
    data = yaml.safe_load(eksport.SOURCE.read_text(encoding="utf-8"))
    *parents, last = path.split(".")
    place = data
    for key in parents:
        place = place[key]
    place[last] = value
    source = tmp_path / "eksport.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(eksport, "SOURCE", source)
    with pytest.raises(eksport.ExportError) as error:
        eksport.config()
    assert f"calculators/site/eksport.yaml: {says}" in str(error.value)


def test_a_missing_or_misspelt_text_is_named(monkeypatch, tmp_path) -> None:
    data = yaml.safe_load(eksport.SOURCE.read_text(encoding="utf-8"))
    data["notat"]["prisaar"] = data["notat"].pop("prisar")
    source = tmp_path / "eksport.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(eksport, "SOURCE", source)
    with pytest.raises(eksport.ExportError) as error:
        eksport.config()
    assert str(error.value).splitlines() == [
        "calculators/site/eksport.yaml: notat.prisar: mangler",
        "calculators/site/eksport.yaml: notat.prisaar: ukjent (mente du «prisar»?)"]


def test_a_model_with_both_utelater_and_avsnitt_is_told_to_choose(monkeypatch) -> None:
    """The memo would list the YAML's list and the method page's section would be ignored."""
    config = eksport.config()
    config["modeller"]["familie"]["utelater"] = ["Livskvalitet"]
    monkeypatch.setattr(eksport, "config", lambda: config)
    with pytest.raises(eksport.ExportError, match="modeller.familie: trenger enten «utelater» .* ikke begge"):
        eksport.data(registry.load("familie"))


def test_a_model_without_its_sheets_explanation_is_named(monkeypatch) -> None:
    config = eksport.config()
    del config["regneark"]["formler"]["bygget"]["familie"]
    monkeypatch.setattr(eksport, "config", lambda: config)
    with pytest.raises(eksport.ExportError, match=r"regneark\.formler\.bygget\.familie: mangler"):
        eksport.data(registry.load("familie"))


def test_a_missing_model_entry_is_named(monkeypatch) -> None:
    config = eksport.config()
    del config["modeller"]["utenforskap"]
    monkeypatch.setattr(eksport, "config", lambda: config)
    with pytest.raises(eksport.ExportError, match="modeller.utenforskap mangler"):
        eksport.data(registry.load("utenforskap"))


# -- the CSV (issue 23): title, scenario and link rows, units in every header, written once -----
def _csv(model_id: str, values: dict, changed: list[str], link: str) -> tuple[list[list[str]], dict]:
    from calculators.engine.evaluate import evaluate

    model = registry.load(model_id)
    results = evaluate(model, values)
    return eksport.csv_table(model, {"changed": changed, "link": link}, results), results


def test_the_csv_opens_with_the_calculator_price_year_scenario_and_link_and_no_date() -> None:
    link = "https://v.kommune.no/okonomi/investeringsmotet/#preset=lite_team"
    model = registry.load("investeringsmote")
    preset = next(p for p in model.presets if p.id == "lite_team")
    rows, _ = _csv("investeringsmote", dict(preset.values), sorted(preset.values), link)
    assert rows[0] == [f"Investeringsmøtet: kontantstrøm per budsjett og år, i {model.price_year}-kroner (faste priser)"]
    assert rows[1] == [f"Scenario: forhåndsinnstillingen «Lite team», {len(preset.values)} av {len(model.inputs)} "
                       "tall endret fra standardverdiene."]
    assert rows[2] == ["Laget med Velferdslab-veilederen fra scenarioet: " + link]
    assert rows[3] == []
    text = json.dumps(rows)
    import datetime as dt
    assert str(dt.date.today().year) + "-" not in text and "dato" not in text.lower()  # the same scenario, the same file


def test_the_utenforskap_csv_and_sheet_say_they_are_one_course_not_the_measures_cash_flow() -> None:
    # Review 2 (issue 23): the rows are one case's cost path, without the measure's cost, the
    # success share, ramp-up or relapse; the title must not call them a cash flow.
    rows, _ = _csv("utenforskap", {}, [], "https://v.kommune.no/okonomi/utenforskap/")
    assert rows[0][0].startswith("Utenforskap over et livsløp: kostnad per år for ett forløp utenfor – "
                                 "ikke tiltakets kontantstrøm")
    layout = eksport.data(registry.load("utenforskap"))["sheet"]
    texts = json.dumps(layout, ensure_ascii=False)
    assert "Kostnad per år for ett forløp utenfor – ikke tiltakets kontantstrøm" in texts
    rows, _ = _csv("familie", {}, [], "https://v.kommune.no/okonomi/familie/")
    assert "kontantstrøm per budsjett og år" in rows[0][0] and "forløp" not in rows[0][0]


def test_the_csv_names_a_default_and_an_edited_scenario() -> None:
    rows, _ = _csv("familie", {}, [], "https://v.kommune.no/okonomi/familie/")
    assert rows[1] == ["Scenario: kalkulatorens standardverdier."]
    rows, _ = _csv("familie", {"barnevern": 400000}, ["barnevern"], "https://v.kommune.no/okonomi/familie/#barnevern=400000")
    assert rows[1][0].startswith("Scenario: 1 av ") and rows[1][0].endswith(" tall endret fra standardverdiene.")
    # A preset id the calculator does not have is not named as one.
    rows, _ = _csv("familie", {}, [], "https://v.kommune.no/okonomi/familie/#preset=finnes-ikke")
    assert rows[1] == ["Scenario: kalkulatorens standardverdier."]


@pytest.mark.parametrize("model_id", registry.model_ids())
def test_every_csv_header_carries_its_unit_and_the_rows_are_the_flows(model_id: str) -> None:
    from calculators.core.model import BUDGET_HOLDERS

    rows, results = _csv(model_id, {}, [], "https://v.kommune.no/")
    flows = results[eksport.config()["modeller"][model_id]["kontantstrom"]]
    holders = [h for h in BUDGET_HOLDERS if h.id in flows]
    head = rows[4]
    assert head[0] == "År (0 = første år)"
    assert head[1:1 + len(holders)] == [f"{h.label} (kr)" for h in holders]
    assert all(name.endswith(" (kr)") for name in head[1:])
    assert len(rows) - 5 == len(flows[holders[0].id])
    for year, row in enumerate(rows[5:]):
        assert row[0] == str(year)
        for holder, cell in zip(holders, row[1:], strict=False):
            assert float(cell.replace(",", ".")) == pytest.approx(flows[holder.id][year], abs=0.006)


def test_the_csv_rows_translated_for_the_browser_are_pythons() -> None:
    """eksport.js writes what the translated csv_rows returns; it must be Python's, row for row."""
    import random

    from py_mini_racer import MiniRacer

    from calculators.engine.evaluate import evaluate
    from calculators.engine.translate import Translation
    from calculators.site.bundle import metadata
    from calculators.view import memo
    from tests.calculators.sheet_workbooks import random_scenario as random_values

    translation = Translation()
    flow_js = translation.add(memo.flow_rows)
    csv_js = translation.add(eksport.csv_rows)
    rng = random.Random(23)
    with MiniRacer() as ctx:
        ctx.eval(translation.code())
        for model_id in registry.model_ids():
            model = registry.load(model_id)
            data = eksport.data(model)
            for i in range(4):
                values = random_values(model, rng)
                preset = rng.choice([p.id for p in model.presets] + ["", "borte"])
                link = "https://v.kommune.no/x/" + (f"#preset={preset}&a=1" if preset else "")
                scenario = {"changed": sorted(values)[:i], "link": link}
                results = evaluate(model, values)
                want = eksport.csv_table(model, scenario, results)
                flows = results[data["workbook"]["flows"]]
                got = json.loads(ctx.eval(
                    f"JSON.stringify({csv_js}({json.dumps(data)}, {json.dumps(scenario)}, "
                    f"{flow_js}({json.dumps(metadata(model))}, {json.dumps(flows)}, "
                    f"{json.dumps(eksport.csv_head(data['texts']['regneark']))})))"))
                assert got == want, (model_id, values)


def test_the_link_preset_reader_uses_the_scenario_links_separator_and_key() -> None:
    from calculators.view.scenario_links import PRESET, SEPARATOR, scenario_link

    assert (SEPARATOR, PRESET) == ("#", "preset")  # link_preset writes them as literals
    assert eksport.link_preset(scenario_link("https://x.no/a/", "fem-ar", {"suksessrate": 2.0})) == "fem-ar"
    assert eksport.link_preset("https://x.no/a/#suksessrate=2") == ""
    assert eksport.link_preset("https://x.no/a/") == ""


def _memo_case(model_id: str, changes: dict) -> tuple[dict, dict, dict, list[str]]:
    data = eksport.data(registry.load(model_id))
    defaults = {i["id"]: i["default"] for i in data["inputs"]}
    return data, defaults, {**defaults, **changes}, sorted(changes)


def test_a_changed_sourced_value_is_not_credited_to_its_source() -> None:
    """Review of issue 23: «1 % (endret, standard 4 %) – Kilde: … R-109/2021» credited the user's 1 %
    to R-109. Changed, the cell says it is not the source's figure and names the source as the standard's."""
    from calculators.view import memo

    data, defaults, values, changed = _memo_case("familie", {"kalkulasjonsrente": 1})
    t = data["texts"]["notat"]
    rate = next(i for i in data["inputs"] if i["id"] == "kalkulasjonsrente")
    cell = memo.source_text(rate["source"], True, t)
    assert cell.startswith("Endret av brukeren – ikke kildens tall. Standard fra Finansdepartementet 2021: Rundskriv R-109/2021")
    assert "Kilde:" not in cell
    assert memo.source_text(rate["source"], False, t).startswith("Kilde: Finansdepartementet 2021: Rundskriv R-109/2021")
    shown = next(i for i in data["inputs"] if i["source"]["status"] != "kilde")
    assert memo.source_text(shown["source"], True, t) == memo.source_text(shown["source"], False, t)
    line = memo.changed_sources_line(data["inputs"], values, defaults, changed, data["workbook"]["rate"], t)
    assert "Kalkulasjonsrenten er endret fra R-109s 4\u00a0% til 1\u00a0%" in line, line


def test_the_summary_warning_lists_every_changed_sourced_value_and_nothing_else() -> None:
    from calculators.view import memo

    data, defaults, _, _ = _memo_case("familie", {})
    t, rate = data["texts"]["notat"], data["workbook"]["rate"]
    assert memo.changed_sources_line(data["inputs"], defaults, defaults, [], rate, t) == ""
    shown = [i for i in data["inputs"] if i["source"]["status"] != "kilde"][:3]
    values = {**defaults, **{i["id"]: defaults[i["id"]] + 1 for i in shown}}
    assert memo.changed_sources_line(data["inputs"], values, defaults, [i["id"] for i in shown], rate, t) == ""
    sourced = [i for i in data["inputs"] if i["source"]["status"] == "kilde" and i["id"] != rate]
    assert sourced, "familie har tall med kilde utenom renten"
    other = sourced[0]
    values = {**defaults, other["id"]: defaults[other["id"]] + 1, rate: 2.5}
    line = memo.changed_sources_line(data["inputs"], values, defaults, [other["id"], rate], rate, t)
    assert line.startswith("Obs, tall med kilde er endret: Kalkulasjonsrenten er endret fra R-109s 4\u00a0% til 2,5\u00a0%")
    assert other["label"] + " er endret fra " in line and other["source"]["publisher"] in line


def test_the_memo_names_a_preset_with_its_own_description() -> None:
    from calculators.view import memo

    model = registry.load("familie")
    data = eksport.data(model)
    t = data["texts"]["notat"]
    line = memo.preset_line(data["preset_labels"], data["preset_descriptions"], "optimistisk", t)
    described = next(p for p in model.presets if p.id == "optimistisk").description
    assert "«Optimistisk anslag»" in line and line.endswith(described)
    assert "bruk det som øvre ende, ikke som plan" in line
    assert memo.preset_line(data["preset_labels"], data["preset_descriptions"], "", t) == ""
    assert memo.preset_line(data["preset_labels"], data["preset_descriptions"], "borte", t) == ""


def test_the_memos_source_cells_warning_and_preset_line_translated_are_pythons() -> None:
    """eksport.js writes what the translated functions return: Python's text, for random changes."""
    import random

    from py_mini_racer import MiniRacer

    from calculators.engine.translate import Translation
    from calculators.view import memo

    translation = Translation()
    js = {fn.__name__: translation.add(fn) for fn in (memo.source_text, memo.changed_sources_line, memo.preset_line)}
    rng = random.Random(23)
    with MiniRacer() as ctx:
        ctx.eval(translation.code())
        for model_id in registry.model_ids():
            data = eksport.data(registry.load(model_id))
            t, rate = data["texts"]["notat"], data["workbook"]["rate"]
            defaults = {i["id"]: i["default"] for i in data["inputs"]}
            for _ in range(6):
                changed = sorted(rng.sample([i["id"] for i in data["inputs"]], rng.randint(0, 4)) + [rate][:rng.randint(0, 1)])
                values = {**defaults, **{k: round(rng.uniform(0, 10), rng.randint(0, 2)) for k in changed}}
                args = [data["inputs"], values, defaults, changed, rate, t]
                got = ctx.eval(f"{js['changed_sources_line']}(...{json.dumps(args)})")
                assert got == memo.changed_sources_line(*args), (model_id, changed)
                for i in data["inputs"]:
                    flag = i["id"] in changed
                    assert ctx.eval(f"{js['source_text']}({json.dumps(i['source'])}, {json.dumps(flag)}, {json.dumps(t)})") \
                        == memo.source_text(i["source"], flag, t)
            for preset in [*data["preset_labels"], "", "borte"]:
                args = [data["preset_labels"], data["preset_descriptions"], preset, t]
                assert ctx.eval(f"{js['preset_line']}(...{json.dumps(args)})") == memo.preset_line(*args)


def test_a_percent_result_in_the_workbook_has_the_pages_decimals() -> None:
    # Review 2 (issue 23): «#,##0.###» showed 26,627 and 14,099 where page and memo say 26,63 % and 14,1 %.
    from pathlib import Path

    from calculators.sheets import cells
    from calculators.view.view import DECIMALS

    model = registry.load("utenforskap")
    outputs = {o.id: o for o in model.outputs}
    assert cells.result_style(outputs["break_even_suksessrate"]) == "percentNotComputable"
    assert cells.percent_format() == "#,##0.0" + "#" * (DECIMALS["%"] - 1)
    script = (Path(eksport.__file__).resolve().parents[2] / "calculators/runtime/eksport.js").read_text(encoding="utf-8")
    assert f'formatCode="{cells.percent_format()}"' in script
    assert f';{cells.percent_format()}`' in script
    assert "percent: 13, percentNotComputable: 14" in script
    layout = json.dumps(eksport.data(model)["sheet"])
    assert '"s": "percentNotComputable"' in layout


def test_the_browser_writes_xlsx_and_csv_in_one_place() -> None:
    """Issue 25: the calculators' export and the profile importer share sheet.js (vlSheet), each
    bundled after zip.js; neither script writes a workbook package or a CSV line itself."""
    from calculators.site import profile
    from veileder import zips

    assert eksport.SCRIPTS.index(zips.SCRIPT) < eksport.SCRIPTS.index(zips.SHEET_SCRIPT) < len(eksport.SCRIPTS) - 1
    _, importer = profile.importer_asset()
    sheet = zips.SHEET_SCRIPT.read_text(encoding="utf-8")
    assert importer.index(zips.SCRIPT.read_text(encoding="utf-8")) < importer.index(sheet) < importer.index("globalThis.vlProfilImport")
    for script in (eksport.RUNTIME / "eksport.js", profile.RUNTIME / "profil-import.js"):
        text = script.read_text(encoding="utf-8")
        for own_writer in ("<worksheet", "[Content_Types].xml", "<workbook", '"\\ufeff"', 'join(";")'):
            assert own_writer not in text, (script.name, own_writer)
    for part in ("<worksheet", "[Content_Types].xml", "vlZip.store(", '"\\ufeff"'):
        assert part in sheet
