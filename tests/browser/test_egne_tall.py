"""Kommunens egne tall (issue 29) in Chromium: import a profile, and every calculator and export uses it."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from playwright.sync_api import expect

from calculators.core import uncertainty
from calculators.engine import registry
from calculators.site import profile
from calculators.view.view import TEXT, format_number
from tests.browser.axe import format_violations, run_axe
from tests.browser.fixtures import calculator_ready
from tests.browser.test_eksport import PAGES, download, odt_texts

pytestmark = pytest.mark.browser

PAGE = "okonomi/egne-tall/"
HEAD = ("id;Felt;Kalkulator;Enhet;Veilederens verdi;Veilederens kilde;Veilederens år;Hvor dere finner tallet;"
        "Kommunens verdi;Kommunens kilde;Kommunens år")
KEY = profile.STORAGE_KEY


def csv_file(lines: list[str], year: int = 2025, encoding: str = "utf-8-sig") -> bytes:
    """A filled template as Excel saves it: semicolons, decimal comma, CRLF."""
    rows = [HEAD, "profil.navn;;;;;;;;Eksempel kommune;;", "profil.kilde;;;;;;;;regnskap 2025;;",
            f"profil.ar;;;;;;;;{year};;", *lines]
    return "\r\n".join(rows).encode(encoding) + b"\r\n"


VALID = csv_file(["familie.barnevern;Tiltak i barnevernet;;kr/år;;;;;320 000;;",
                  "arslonn;Årslønn;;kr/år;;;;;700000;Lønnssystemet;2025",
                  "utenforskap.helse_kommune;;;kr/år;;;;;120000;;"])


def upload(page, data: bytes, name: str = "profil.csv", mime: str = "text/csv") -> None:
    page.set_input_files("#vl-profil-fil", files=[{"name": name, "mimeType": mime, "buffer": data}])


def open_importer(make_page, site_url, **kwargs):
    page = make_page(**kwargs)
    page.goto(site_url + PAGE)
    page.wait_for_function("!!globalThis.vlProfilImport")
    return page


def import_profile(make_page, site_url, data: bytes = VALID):
    page = open_importer(make_page, site_url)
    upload(page, data)
    page.get_by_role("button", name="Bruk tallene").click()
    page.wait_for_function(f"!!sessionStorage.getItem('{KEY}')")
    return page


def result_text(page) -> str:
    page.wait_for_selector("[data-vl-profil-result] > *")
    return page.inner_text("[data-vl-profil-result]")


def test_a_filled_template_shows_what_changes_before_anything_is_used(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, VALID)
    text = result_text(page)
    assert "Alle linjer kunne leses." in text
    rows = page.locator("[data-vl-profil-result] table tbody tr").all_inner_texts()
    # «Kommunens verdi» second: on a phone it is seen without scrolling sideways.
    assert rows[0].split("\t") == ["Tiltak i barnevernet", "320\u00a0000\u00a0kr per familie per år (sum for alle barna)",
                                   "250\u00a0000\u00a0kr per familie per år (sum for alle barna)",
                                   "Investering i en familie"]
    assert len(rows) == 3
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None  # not used before «Bruk tallene»
    page.get_by_role("button", name="Avbryt").click()
    assert page.evaluate(f"sessionStorage.getItem('{KEY}')") is None
    assert page.console_errors == [] and page.offsite_requests == []


def test_each_mistake_in_a_line_gets_its_own_message_and_the_other_lines_are_used(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["familie.barnevern;;;kr/år;;;;;320000;;", "ukjent.felt;;;;;;;;5;;",
                           "familie.bolig;;;kr/måned;;;;;5000;;", "familie.sosialhjelp;;;;;;;;mye;;",
                           "familie.avlastning;;;;;;;;-200;;", "familie.ekstra_tiltak;;;;;;;;9000000;;",
                           "utenforskap.tiltak_kostnad;;;;;;;;2000000;;"]))
    text = result_text(page)
    assert "Linje 6 – Brukes ikke: «ukjent.felt» er ikke et felt i kalkulatorene." in text
    assert "Linje 7 – Brukes ikke: Enheten er «kr/måned», men feltet regnes i kr per familie per år." in text
    assert "Linje 8 – Brukes ikke: «mye» er ikke et tall." in text
    assert "Linje 9 – Brukes ikke: Tallet er negativt" in text
    assert "Linje 10 – Brukes ikke: 9\u00a0000\u00a0000\u00a0kr per familie per år er utenfor det kalkulatoren godtar" in text
    assert ("Linje 11 – Advarsel: 2\u00a0000\u00a0000\u00a0kr per deltaker (én gang) er langt fra "
            "veilederens 100\u00a0000\u00a0kr per deltaker") in text
    changed = [row.split("\t")[0] for row in page.locator("[data-vl-profil-result] table tbody tr").all_inner_texts()]
    assert changed == ["Tiltak i barnevernet", "Kostnad per deltaker i tiltaket"]


def test_excel_csv_in_windows_1252_without_a_bom_reads(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["arslonn;Årslønn;;kr/år;;;;;712 500,50;Lønnssystemet;2025"], encoding="cp1252"))
    assert "Alle linjer kunne leses." in result_text(page)
    assert "712\u00a0500,5\u00a0kr per årsverk per år" in page.inner_text("[data-vl-profil-result] table")


def _xlsx_with_formula() -> bytes:
    """The template as Excel saves it after editing: shared strings, a formula with its stored value."""
    source = zipfile.ZipFile(io.BytesIO(profile.xlsx_bytes()))
    sheet = source.read("xl/worksheets/sheet1.xml").decode()
    row = next(i + 1 for i, line in enumerate(profile.table()) if line[0] == "familie.barnevern")
    sheet = sheet.replace(f'<c r="I{row}" s="3"/>', f'<c r="I{row}" s="3"><f>300000+20000</f><v>320000</v></c>')
    sheet = sheet.replace('<c r="I2" s="3"/>', '<c r="I2" s="3" t="s"><v>0</v></c>')
    shared = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'count="1" uniqueCount="1"><si><t>Eksempel kommune</t></si></sst>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = sheet.encode() if name == "xl/worksheets/sheet1.xml" else source.read(name)
            target.writestr(name, data)
        target.writestr("xl/sharedStrings.xml", shared)
    return out.getvalue()


def test_an_xlsx_with_formulas_gives_the_stored_values(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, _xlsx_with_formula(), "profil.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert "Alle linjer kunne leses." in result_text(page)
    assert "320\u00a0000\u00a0kr per familie per år (sum for alle barna)" in page.inner_text("[data-vl-profil-result] table")
    page.get_by_role("button", name="Bruk tallene").click()
    assert "Eksempel kommune" in page.inner_text("[data-vl-profil-current]")


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "Filen er tom."),
    (b"x" * 10_000_000, "Filen er for stor (10,0\u00a0MB)."),
    (b"PK\x03\x04 not a zip at all", "Regnearket kunne ikke leses"),
    (b"id;Felt\r\nfamilie.barnevern;x\r\n", "Fant ikke kolonnene «id» og «Kommunens verdi»"),
])
def test_an_empty_huge_broken_or_foreign_file_gets_a_clear_answer(make_page, site_url, data, expected):
    page = open_importer(make_page, site_url)
    upload(page, data)
    assert expected in result_text(page)
    assert page.evaluate("document.activeElement.classList.contains('vl-profil__error')")


def test_the_profile_reaches_every_calculator_as_its_defaults_with_a_banner(make_page, site_url):
    page = import_profile(make_page, site_url)
    expected = {"familie": {"barnevern": "320 000", "arslonn": "700 000"}, "investeringsmote": {"arslonn": "700 000"},
                "utenforskap": {"helse_kommune": "120 000"}}
    for model_id, fields in expected.items():
        page.goto(site_url + PAGES[model_id])
        calculator_ready(page)
        banner = page.inner_text("[data-vl-profil-banner]")
        assert "Kalkulatoren bruker kommunens tall: Eksempel kommune, regnskap 2025" in banner
        for name, value in fields.items():
            assert page.input_value(f"input[name={name}]").replace("\u00a0", " ") == value
            info = page.locator(f"input[name={name}]").get_attribute("id") + "-info"
            note = page.inner_text(f"#{info} .vl-calc__status")
            assert note.startswith("Kommunens tall (Eksempel kommune") and ". Veilederens tall: " in note
        sentence = page.evaluate("vlKalkulator.scenario(document.querySelector('[data-vl-calc]')).sentence")
        assert sentence.endswith("(Regnet med kommunens tall: Eksempel kommune, regnskap 2025.)")
        # The link carries no profile: nothing differs from the defaults on screen.
        assert "#" not in page.evaluate("vlKalkulator.scenario(document.querySelector('[data-vl-calc]')).link")
    assert page.console_errors == [] and page.offsite_requests == []


def test_the_banner_switches_the_profile_off_and_on_and_a_typed_value_stays(make_page, site_url):
    page = import_profile(make_page, site_url)
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    page.fill("input[name=sosialhjelp]", "190 000")
    page.get_by_role("button", name="Bruk veilederens tall").click()
    assert page.input_value("input[name=barnevern]").replace("\u00a0", " ") == "250 000"
    assert page.input_value("input[name=sosialhjelp]").replace("\u00a0", " ") == "190 000"
    assert "er slått av" in page.inner_text("[data-vl-profil-banner]")
    page.get_by_role("button", name="Bruk kommunens tall igjen").click()
    assert page.input_value("input[name=barnevern]").replace("\u00a0", " ") == "320 000"
    assert page.evaluate("document.activeElement.textContent") == "Bruk veilederens tall"


def test_a_preset_takes_the_profiles_price_line_and_a_zero_stays_not_counted(make_page, site_url):
    page = import_profile(make_page, site_url, csv_file(["familie.arbeidsinntekt;;;kr/år;;;;;400000;;"]))
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    page.select_option("[data-vl-preset]", "optimistisk")
    assert page.input_value("input[name=arbeidsinntekt]").replace("\u00a0", " ") == "400 000"
    page.select_option("[data-vl-preset]", "ingen-varig-effekt")
    assert page.input_value("input[name=arbeidsinntekt]") == "0"


def test_the_uncertainty_range_follows_the_profile_value_as_it_follows_a_typed_one(make_page, site_url):
    page = import_profile(make_page, site_url)
    page.goto(site_url + PAGES["utenforskap"])
    calculator_ready(page)
    page.wait_for_function("document.querySelector('[data-vl-calc]').dataset.vlIntervalReady")
    ranges = page.evaluate("vlKalkulator.scenario(document.querySelector('[data-vl-calc]')).ranges")
    declared = next(r for r in registry.load("utenforskap").ranges if r.id == "helse_kommune")
    assert ranges["helse_kommune"] == [declared.low * 2, declared.high * 2]  # 120 000 is twice 60 000


def test_memo_workbook_and_csv_name_the_municipalitys_figures(make_page, site_url):
    page = import_profile(make_page, site_url)
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    page.fill("input[name=arslonn]", "710 000")  # no longer the municipality's figure: a change from it
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    assert "endret, kommunens tall 700\u00a0000\u00a0kr per år" in memo
    assert "1 av tallene er kommunens egne (Eksempel kommune, regnskap 2025, lastet inn" in memo
    assert "Kommunens tall (Eksempel kommune, regnskap 2025). Veilederens tall: 250\u00a0000\u00a0kr per år." in memo
    assert "(Lønnssystemet)" not in memo  # 710 000 is not the municipality's: its source is not given for it
    assert "Lenken har ikke med kommunens tall" in memo
    _, xlsx = download(page, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx))["Forutsetninger"]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    row = rows["Tiltak i barnevernet"]
    assert row[1] == 320000 and row[3] == 250000 and row[4:7] == ("kommunens tall", "Eksempel kommune, regnskap 2025", "kommunens tall")
    row = rows["Årslønn"]
    assert row[1] == 710000 and row[4] == "ja: kommunens tall 700\u00a0000\u00a0kr per år er skrevet over" and row[6] != "kommunens tall"
    _, text = download(page, "csv")
    last = text.decode("utf-8-sig").strip().splitlines()[-1]
    assert last.startswith("Regnet med kommunens tall: Eksempel kommune, regnskap 2025, lastet inn ")
    assert last.endswith("Felt: Tiltak i barnevernet.")


def test_figures_live_in_this_tab_unless_remembered_and_are_forgotten_on_request(make_page, site_url):
    page = import_profile(make_page, site_url)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.get_by_label("Husk på denne maskinen").check()
    assert "Eksempel kommune" in page.evaluate(f"localStorage.getItem('{KEY}')")
    other = page.context.new_page()  # a new tab: sessionStorage is its own, localStorage shared
    other.goto(site_url + PAGE)
    other.wait_for_function("!!globalThis.vlProfilImport")
    assert "Eksempel kommune" in other.inner_text("[data-vl-profil-current]")
    other.close()
    page.get_by_role("button", name="Glem tallene").click()
    assert page.evaluate(f"[localStorage.getItem('{KEY}'), sessionStorage.getItem('{KEY}')]") == [None, None]
    assert "Ingen tall er lastet inn." in page.inner_text("[data-vl-profil-current]")


def test_the_profile_downloads_again_in_the_templates_format(make_page, site_url):
    page = import_profile(make_page, site_url)
    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned kommunens tall som CSV").click()
    rows = [line.split(";") for line in open(info.value.path(), encoding="utf-8-sig").read().splitlines()]
    by_id = {row[0]: row for row in rows}
    assert by_id["profil.navn"][8] == "Eksempel kommune" and by_id["arslonn"][8:] == ["700000", "Lønnssystemet", "2025"]
    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned kommunens tall som XLSX").click()
    sheet = openpyxl.load_workbook(io.BytesIO(open(info.value.path(), "rb").read())).active
    values = {r[0]: r[8] for r in sheet.iter_rows(values_only=True)}
    assert values["familie.barnevern"] == 320000
    # … and reads back as the same profile.
    upload(page, open(info.value.path(), "rb").read(), "p.xlsx")
    assert "Alle linjer kunne leses." in result_text(page)


def test_an_old_profile_says_which_lines_to_update(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["familie.barnevern;;;kr/år;;;;;300000;;"], year=2023))
    text = result_text(page)
    assert "Noen av kommunens tall er eldre enn veilederens prisår: kalkulatorene regner i 2025-kroner." in text
    g_2023 = format(int(profile.g_series()[2023]), ",").replace(",", "\u00a0")
    assert f"fra 2023: Tiltak i barnevernet (Investering i en familie) (omtrent × 130\u00a0160 / {g_2023})" in text
    assert "kommunale deflatoren i statsbudsjettet" in text
    page.get_by_role("button", name="Bruk tallene").click()
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    assert "fra 2023: Tiltak i barnevernet (omtrent" in page.inner_text("[data-vl-profil-banner]")


def test_the_importer_works_by_keyboard_and_has_no_axe_violations(make_page, site_url):
    page = open_importer(make_page, site_url)
    page.focus("#vl-profil-fil")
    assert page.evaluate("document.activeElement.id") == "vl-profil-fil"
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "vl-profil-slipp"
    assert run_axe(page) == [], format_violations(run_axe(page))
    upload(page, csv_file(["familie.barnevern;;;kr/år;;;;;320000;;", "ukjent;;;;;;;;1;;"]))
    result_text(page)
    assert page.evaluate("document.activeElement.id") == "vl-profil-resultat"  # a screen reader hears the result
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the table to the buttons
    for _ in range(6):
        if page.evaluate("document.activeElement.textContent") == "Bruk tallene":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function(f"!!sessionStorage.getItem('{KEY}')")
    page.wait_for_function("document.querySelector('[data-vl-profil-live]').textContent.includes('tall er i bruk')")
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


def test_importing_a_full_profile_and_recomputing_the_open_calculators_takes_at_most_100_ms(make_page, site_url):
    page = open_importer(make_page, site_url)
    importer = page.evaluate("document.querySelector('script[src*=profil-import]').src")
    full = csv_file([f"{line.id};;;{line.unit};;;;;{round(line.value * 1.1) or 1000};;" for line in profile.lines()
                     if line.unit.startswith("kr")])
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    page.wait_for_function("document.querySelector('[data-vl-calc]').dataset.vlIntervalReady")  # the page at rest
    page.add_script_tag(url=importer)
    seconds = page.evaluate("""async (bytes) => {
      const file = new File([new Uint8Array(bytes)], "p.csv");
      const start = performance.now();
      const { profile } = vlProfilImport.check(await vlProfilImport.readFile(file));
      vlProfil.save(profile, false);
      vlProfil.apply();
      return (performance.now() - start) / 1000;
    }""", list(full))
    assert seconds <= 0.1, f"{seconds * 1000:.0f} ms"
    assert page.input_value("input[name=barnevern]").replace("\u00a0", " ") == "275 000"


def test_a_calculator_page_loads_profile_code_only_when_a_profile_is_stored(make_page, site_url):
    page = make_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url.rsplit("/", 1)[-1]))
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    assert not [name for name in asked if name.startswith("profil")]
    assert page.locator("[data-vl-profil-banner]").count() == 0
    page.goto(site_url + PAGE)
    page.wait_for_function("!!globalThis.vlProfilImport")
    upload(page, VALID)
    page.get_by_role("button", name="Bruk tallene").click()
    asked.clear()
    page.goto(site_url + PAGES["familie"])
    page.wait_for_selector("[data-vl-calc][data-vl-bound]")  # at once: the page as built shows the site's figures
    assert [name for name in asked if name.startswith("profil")] == [profile.runtime_asset()[0].rsplit("/", 1)[-1]]


# ---- the economist's review (issue 29): only the municipality's figures are called so -------------

CASE = "#preset=illustrasjon&barnevern=0&sosialhjelp=220000&bolig=240000"  # /typfall/midlertidig-bolig/
OWN_FAMILY = csv_file(["familie.barnevern;;;kr/år;;;;;412000;;", "familie.sosialhjelp;;;kr/år;;;;;190000;;",
                       "familie.bolig;;;kr/år;;;;;160000;;", "familie.avlastning;;;kr/år;;;;;210000;;"])


def status_locator(page, name: str):
    """The status line under a field (expect() waits on it until a change has been drawn)."""
    info = page.locator(f"input[name={name}]").get_attribute("id") + "-info"
    return page.locator(f"#{info} .vl-calc__status")


def status_of(page, name: str) -> str:
    return status_locator(page, name).inner_text()


def test_a_case_link_over_a_profile_marks_only_the_fields_that_hold_the_municipalitys_figures(make_page, site_url):
    page = import_profile(make_page, site_url, OWN_FAMILY)
    page.goto(site_url + PAGES["familie"] + CASE)
    calculator_ready(page)
    assert page.input_value("input[name=sosialhjelp]").replace("\u00a0", " ") == "220 000"
    for name in ("barnevern", "sosialhjelp", "bolig"):  # the case's figures
        assert not status_of(page, name).startswith("Kommunens tall"), name
    assert "endret, kommunens tall 190\u00a0000\u00a0kr per år" in status_of(page, "sosialhjelp")
    assert status_of(page, "avlastning").startswith("Kommunens tall (Eksempel kommune")
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    assert "1 av tallene er kommunens egne" in memo
    assert "endret, kommunens tall 412\u00a0000\u00a0kr per år" in memo
    _, text = download(page, "csv")
    assert text.decode("utf-8-sig").strip().splitlines()[-1].endswith("Felt: Avlastning og støttekontakt.")
    scenario = "vlKalkulator.scenario(document.querySelector('[data-vl-calc]')).sentence"
    assert page.evaluate(scenario).endswith("(Regnet med kommunens tall: Eksempel kommune, regnskap 2025.)")
    expect(page.locator("[data-vl-calc]")).to_contain_text("Regnet med kommunens tall", use_inner_text=True)
    page.fill("input[name=avlastning]", "150 000")  # now no field holds the municipality's figure
    page.wait_for_function(f"() => !{scenario}.includes('kommunens tall')")  # the recomputed sentence
    expect(page.locator("[data-vl-calc]")).not_to_contain_text("Regnet med kommunens tall", use_inner_text=True)


def test_typing_over_the_municipalitys_figure_names_it_and_typing_it_back_marks_it_again(make_page, site_url):
    page = import_profile(make_page, site_url, OWN_FAMILY)
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    page.fill("input[name=barnevern]", "250000")
    expect(status_locator(page, "barnevern")).to_contain_text("endret, kommunens tall 412\u00a0000\u00a0kr per år")
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    assert "250\u00a0000\u00a0kr per år (endret, kommunens tall 412\u00a0000\u00a0kr per år)" in memo
    assert "3 av tallene er kommunens egne" in memo
    _, xlsx = download(page, "xlsx")
    rows = {r[0]: r for r in openpyxl.load_workbook(io.BytesIO(xlsx))["Forutsetninger"].iter_rows(values_only=True) if r and r[0]}
    assert rows["Tiltak i barnevernet"][4] == "ja: kommunens tall 412\u00a0000\u00a0kr per år er skrevet over"
    assert rows["Tiltak i barnevernet"][6] == "illustrasjon"
    page.fill("input[name=barnevern]", "412 000")
    expect(status_locator(page, "barnevern")).to_have_text(re.compile(r"^Kommunens tall \(Eksempel kommune"))


def test_memo_and_workbook_say_the_municipalitys_figures_are_not_price_adjusted_and_the_link_lacks_them(make_page, site_url):
    page = import_profile(make_page, site_url, csv_file(["familie.barnevern;;;kr/år;;;;;412000;Barnevernet;2024"]))
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    assert "Alle kronebeløp er i 2025-kroner" not in memo
    assert "Kommunens tall er brukt slik de står (år 2024); de er ikke prisjustert." in memo
    assert "Lenken åpner kalkulatoren med nøyaktig disse tallene" not in memo
    assert "Lenken har ikke med kommunens tall" in memo
    _, xlsx = download(page, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx))["Forutsetninger"]
    assert "Lenken har ikke med kommunens tall" in sheet["A2"].value
    link = "med veilederens tall, eller med mottakerens egne tall hvis mottakeren har lastet inn en profil."
    assert link in memo and link in sheet["A2"].value
    assert sheet["A3"].value.startswith("Kommunens tall er brukt slik de står (år 2024)")
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Tiltak i barnevernet")
    assert row[5:7] == ("Eksempel kommune: Barnevernet, 2024", "kommunens tall")  # one source, not «…, regnskap 2025 (Barnevernet)»
    assert status_of(page, "barnevern") == ("Kommunens tall (Eksempel kommune: Barnevernet, 2024). "
                                            "Veilederens tall: 250\u00a0000\u00a0kr per år.")
    assert "Eksempel kommune: Barnevernet, 2024" in memo and "(Barnevernet)" not in memo


def test_old_figures_are_grouped_by_their_own_year_also_without_a_profile_year_and_per_calculator(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["familie.barnevern;;;;;;;;300000;;2024", "familie.bolig;;;;;;;;160000;;"], year=2025))
    text = result_text(page)
    g_2024 = format(int(profile.g_series()[2024]), ",").replace(",", "\u00a0")
    assert f"fra 2024: Tiltak i barnevernet (Investering i en familie) (omtrent × 130\u00a0160 / {g_2024})" in text
    assert "Midlertidig bolig" not in text.split("Noen av kommunens tall")[1].split(".")[0]  # 2025: not old
    rows = [HEAD, "profil.navn;;;;;;;;Eksempel kommune;;", "familie.bolig;;;;;;;;160000;;2021",
            "familie.spesialundervisning;;;;;;;;300000;;2021", "arslonn;;;;;;;;700000;;2021"]
    upload(page, "\r\n".join(rows).encode("utf-8-sig"))
    assert "fra 2021: Midlertidig bolig (Investering i en familie)" in result_text(page)
    page.get_by_role("button", name="Bruk tallene").click()
    page.goto(site_url + PAGES["investeringsmote"])
    calculator_ready(page)
    banner = page.inner_text("[data-vl-profil-banner]")
    assert "fra 2021: Årslønn" in banner and "PPT" not in banner and "Midlertidig bolig" not in banner


def test_units_in_words_a_unit_after_the_number_and_the_national_g_refused(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["familie.psykisk_helse;;;;;;;;80 000 kr/år;;", "utenforskap.tiltak_kostnad;;;;;;;;12 100 kr;;",
                           "familie.avlastning;;;kr per familie per år;;;;;210 000 kr per familie per år;;",
                           "familie.bolig;;;;;;;;5 000 kr/måned;;", "grunnbelop;Grunnbeløpet (G);;kr;;;;;124028;;",
                           "arbeidsgiveravgift;;;prosent av lønn og pensjon;;;;;10,6 %;;"]))
    text = result_text(page)
    assert "Linje 8 – Brukes ikke: Enheten er «kr/måned», men feltet regnes i kr per familie per år." in text
    assert "Linje 9 – Brukes ikke: «Grunnbeløpet (G)» er ikke med i kommunens tall: Grunnbeløpet (G) er likt for alle" in text
    changed = {row.split("\t")[0]: row.split("\t")[1] for row in
               page.locator("[data-vl-profil-result] table tbody tr").all_inner_texts()}
    assert changed["Kostnad per deltaker i tiltaket"] == "12\u00a0100\u00a0kr per deltaker (én gang)"
    assert changed["Avlastning og støttekontakt"] == "210\u00a0000\u00a0kr per familie per år"
    assert changed["Arbeidsgiveravgift"] == "10,6\u00a0%"
    assert "Psykisk helse (kommunal)" not in changed  # 80 000 is the site's figure: nothing changes
    page.wait_for_function("document.querySelector('[data-vl-profil-live]').textContent === '2 merknader. 3 tall endres.'")


def test_a_clean_file_is_announced_as_no_remarks(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, VALID)
    page.wait_for_function("document.querySelector('[data-vl-profil-live]').textContent === 'Ingen merknader. 3 tall endres.'")


def test_a_bad_profile_year_says_what_happens_on_that_row(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["familie.barnevern;;;;;;;;300000;;"], year="tjuetjuefem"))
    text = result_text(page)
    assert "Året «tjuetjuefem» er ikke et årstall (skriv for eksempel 2025)." in text
    assert "Profilens år brukes for linjen" not in text


NUMBERS = ["1 000", "1000,5", "1.000,5", "1.000", "2.5", "kr 1 000", "50 %", "−3", "12\u00a0100", "1\u202f000",
           "1,2,3", ",5", ".5", "-", "", "kr", "abc", "1 000 kr.", "14,1%", "1.00", "12.345.678", "-12.345,6", "0,0001"]


def test_the_importers_number_reader_is_the_calculators(make_page, site_url):
    """Issue 23: the importer has no number rules of its own; it calls calculators/view/fields.py
    read_number, translated: the same value and the same message as Python for every input."""
    from calculators.view.fields import read_number
    page = open_importer(make_page, site_url)
    readings = page.evaluate("(xs) => xs.map((x) => vlProfilImport.readNumber(x))", NUMBERS)
    assert readings == [dict(read_number(x)) for x in NUMBERS]
    assert page.evaluate("vlProfilImport.readNumber === vlProfilTall.read_number")
    got = page.evaluate("(xs) => xs.map((x) => { const v = vlProfilImport.parseNumber(x); return isFinite(v) ? v : null; })",
                        NUMBERS)
    expected = [None if read_number(x)["error"] else read_number(x)["value"] for x in NUMBERS]
    assert got == expected


def test_the_municipalitys_rates_set_the_hourly_cost_in_both_calculators(make_page, site_url):
    page = import_profile(make_page, site_url, csv_file(["arbeidsgiveravgift;;;;;;;;10,6;;", "arsverk_timer;;;;;;;;1 650;;",
                                                         "pensjon;;;;;;;;12;;"]))
    for model_id in ("familie", "investeringsmote"):
        page.goto(site_url + PAGES[model_id])
        calculator_ready(page)
        assert page.input_value("input[name=arbeidsgiveravgift]") == "10,6"
        assert page.input_value("input[name=arsverk_timer]").replace("\u00a0", " ") == "1 650"
        assert status_of(page, "pensjon").startswith("Kommunens tall (Eksempel kommune")


def test_on_a_phone_the_preview_shows_the_municipalitys_value_without_scrolling(make_page, site_url):
    page = open_importer(make_page, site_url, width=375, height=800)
    upload(page, VALID)
    result_text(page)
    box = page.locator("[data-vl-profil-result] thead th").nth(1).bounding_box()
    assert page.locator("[data-vl-profil-result] thead th").nth(1).inner_text() == "Kommunens verdi"
    assert box["x"] + box["width"] <= 375


def test_with_a_profile_the_illustration_notes_cover_only_the_sites_other_figures(make_page, site_url):
    page = import_profile(make_page, site_url)
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    assert "Merknaden om illustrasjoner gjelder bare veilederens tall i de andre feltene." in page.inner_text("[data-vl-profil-banner]")
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    inputs = registry.load("familie").inputs
    illustrative = sum(1 for i in inputs if i.source.status != "kilde")
    # barnevern and arslonn hold the municipality's figures: no longer illustrations
    assert f"{illustrative - 2} av {len(inputs)} tall er illustrasjoner" in memo


def _xlsx_with_percent_cells() -> bytes:
    """The template after typing «13,5 %» and «10,6 %» in Excel: 0.135 and 0.106 with percent formats
    (a custom «0.0%» and the built-in 10), and «3,2» in a plain cell for årsverk (not a percent)."""
    source = zipfile.ZipFile(io.BytesIO(profile.xlsx_bytes()))
    sheet = source.read("xl/worksheets/sheet1.xml").decode()
    styles = source.read("xl/styles.xml").decode()
    xfs = styles.count("<xf ") - 1  # the cellStyleXfs entry is not a cell style
    styles = styles.replace('<numFmts count="2">', '<numFmts count="3"><numFmt numFmtId="170" formatCode="0.0%"/>')
    styles = styles.replace("</cellXfs>", '<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                            '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>')
    rows = profile.table()
    for line_id, value, style in (("pensjon", "0.135", xfs), ("arbeidsgiveravgift", "0.106", xfs + 1)):
        r = next(i + 1 for i, row in enumerate(rows) if row[0] == line_id)
        sheet = re.sub(rf'<c r="I{r}" s="\d+"/>', f'<c r="I{r}" s="{style}"><v>{value}</v></c>', sheet)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = {"xl/worksheets/sheet1.xml": sheet.encode(), "xl/styles.xml": styles.encode()}.get(name) or source.read(name)
            target.writestr(name, data)
    return out.getvalue()


def test_percent_cells_from_excel_are_read_as_percent_and_a_share_in_a_csv_is_refused(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, _xlsx_with_percent_cells(), "profil.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert "Alle linjer kunne leses." in result_text(page)
    changed = {row.split("\t")[0]: row.split("\t")[1] for row in
               page.locator("[data-vl-profil-result] table tbody tr").all_inner_texts()}
    assert changed["Arbeidsgivers pensjonskostnad"] == "13,5\u00a0%" and changed["Arbeidsgiveravgift"] == "10,6\u00a0%"
    upload(page, csv_file(["pensjon;;;;;;;;0,135;;", "arbeidsgiveravgift;;;;;;;;0;;"]))
    text = result_text(page)
    assert "Linje 5 – Brukes ikke: «0,135» ser ut som en andel, ikke prosent: skriv prosent som 13,5, ikke 0,135." in text
    changed = [row.split("\t")[0] for row in page.locator("[data-vl-profil-result] table tbody tr").all_inner_texts()]
    assert changed == ["Arbeidsgiveravgift"]  # 0 % (sone V) is a rate, not a share


def test_memo_and_sheet_say_which_used_figures_are_older_than_the_price_year(make_page, site_url):
    page = import_profile(make_page, site_url, csv_file(["familie.barnevern;;;;;;;;300000;;", "familie.bolig;;;;;;;;160000;;2025"],
                                                        year=2023))
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    g_2023 = format(int(profile.g_series()[2023]), ",").replace(",", "\u00a0")
    old = f"fra 2023: Tiltak i barnevernet (omtrent × 130\u00a0160 / {g_2023})"
    assert old in page.inner_text("[data-vl-profil-banner]")
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    assert "Noen av kommunens tall er eldre enn veilederens prisår" in memo and old in memo
    assert "Midlertidig bolig (omtrent" not in memo  # 2025: not old
    _, xlsx = download(page, "xlsx")
    a3 = openpyxl.load_workbook(io.BytesIO(xlsx))["Forutsetninger"]["A3"].value
    assert "Noen av kommunens tall er eldre enn veilederens prisår" in a3 and old in a3
    page.fill("input[name=barnevern]", "250 000")  # no longer the municipality's figure: not in the sentence
    _, odt = download(page, "odt")
    assert "eldre enn veilederens prisår" not in "\n".join(odt_texts(odt))


def test_a_line_without_a_year_leaves_no_empty_year_in_the_price_sentence(make_page, site_url):
    page = import_profile(make_page, site_url, csv_file(["familie.barnevern;;;;;;;;300000;;", "familie.bolig;;;;;;;;160000;;2021"],
                                                        year=""))
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    assert "Kommunens tall er brukt slik de står (år 2021); de er ikke prisjustert." in memo
    assert "(år ," not in memo


def test_a_bad_line_year_without_a_profile_year_says_the_line_gets_no_year(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["familie.barnevern;;;;;;;;300000;;tjue"], year="tjuetjuefem"))
    text = result_text(page)
    assert "Linje 5 – Advarsel: Året «tjue» er ikke et årstall. Linjen får ikke noe år" in text
    assert "Profilens år brukes for linjen" not in text
    upload(page, csv_file(["familie.barnevern;;;;;;;;300000;;tjue"]))
    assert "Året «tjue» er ikke et årstall. Profilens år brukes for linjen." in result_text(page)


def test_the_sheets_cash_flow_heading_says_the_municipalitys_figures_are_as_they_stand(make_page, site_url):
    page = import_profile(make_page, site_url)
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    _, xlsx = download(page, "xlsx")
    title = openpyxl.load_workbook(io.BytesIO(xlsx))["Kontantstrøm"]["A1"].value
    assert "(2025-kroner; kommunens tall slik de står)" in title
    page.get_by_role("button", name="Bruk veilederens tall").click()
    calculator_ready(page)
    _, xlsx = download(page, "xlsx")
    assert "(2025-kroner)" in openpyxl.load_workbook(io.BytesIO(xlsx))["Kontantstrøm"]["A1"].value


def test_with_a_profile_the_card_shows_the_simulation_of_the_profiles_figures_not_the_builds(make_page, site_url):
    """Issue 23 review: the built card holds the site's defaults' midtverdi and interval; with a
    municipality's figures loaded the card must show Python's simulation of those figures."""
    page = import_profile(make_page, site_url)
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    page.wait_for_function("document.querySelector('[data-vl-calc]').dataset.vlIntervalReady")
    model = registry.load("familie")
    values = {i.id: i.default for i in model.inputs} | {"barnevern": 320_000, "arslonn": 700_000}
    analysis = uncertainty.analyse(model, values)
    low, median, high = analysis["intervals"]["nnv_offentlig"]
    built = uncertainty.analyse_defaults(model)["intervals"]["nnv_offentlig"]
    assert format_number(median, "kr") != format_number(built[1], "kr")  # the test can tell them apart
    card = "[data-vl-range-summary=nnv_offentlig]"
    assert page.inner_text(f"{card} [data-vl-central]").replace("\u00a0", " ") == \
        format_number(median, "kr").replace("\u00a0", " ")
    interval = page.inner_text(f"{card} [data-vl-interval-text]").replace("\u00a0", " ")
    expected = (format_number(low, "kr", False, True) + " og " + format_number(high, "kr")).replace("\u00a0", " ")
    assert interval.endswith(expected), (interval, expected)
    # R-109's expected value beside it, from the same draws.
    mean = format_number(analysis["means"]["nnv_offentlig"], "kr").replace("\u00a0", " ")
    assert f"{TEXT['mean']}{mean}" in page.inner_text(card).replace("\u00a0", " ")
