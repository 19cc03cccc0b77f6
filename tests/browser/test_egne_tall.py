"""Kommunens egne tall (issue 29) in Chromium: import a profile, and every calculator and export uses it."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from calculators import profile, registry
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
    assert rows[0].split("\t") == ["Tiltak i barnevernet", "Investering i en familie", "250\u00a0000\u00a0kr per år",
                                   "320\u00a0000\u00a0kr per år"]
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
    assert "Linje 7 – Brukes ikke: Enheten er «kr/måned», men feltet regnes i «kr/år»." in text
    assert "Linje 8 – Brukes ikke: «mye» er ikke et tall." in text
    assert "Linje 9 – Brukes ikke: Tallet er negativt" in text
    assert "Linje 10 – Brukes ikke: 9\u00a0000\u00a0000\u00a0kr per år er utenfor det kalkulatoren godtar" in text
    assert "Linje 11 – Advarsel: 2\u00a0000\u00a0000\u00a0kr er langt fra veilederens 100\u00a0000\u00a0kr" in text
    changed = [row.split("\t")[0] for row in page.locator("[data-vl-profil-result] table tbody tr").all_inner_texts()]
    assert changed == ["Tiltak i barnevernet", "Kostnad per deltaker i tiltaket"]


def test_excel_csv_in_windows_1252_without_a_bom_reads(make_page, site_url):
    page = open_importer(make_page, site_url)
    upload(page, csv_file(["arslonn;Årslønn;;kr/år;;;;;712 500,50;Lønnssystemet;2025"], encoding="cp1252"))
    assert "Alle linjer kunne leses." in result_text(page)
    assert "712\u00a0500,5\u00a0kr per år" in page.inner_text("[data-vl-profil-result] table")


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
    assert "320\u00a0000\u00a0kr per år" in page.inner_text("[data-vl-profil-result] table")
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
            assert page.inner_text(f"#{info} .vl-calc__status") == "Kommunens tall: Eksempel kommune, regnskap 2025"
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
    page.fill("input[name=arslonn]", "710 000")  # a change from the profile's figure is a change from its default
    _, odt = download(page, "odt")
    memo = "\n".join(odt_texts(odt))
    assert "endret, standard 700\u00a0000\u00a0kr per år" in memo
    assert "2 av tallene er kommunens egne (Eksempel kommune, regnskap 2025, lastet inn" in memo
    assert "Kommunens tall: Eksempel kommune, regnskap 2025. Veilederens tall: 250\u00a0000\u00a0kr per år." in memo
    assert "Kommunens tall: Eksempel kommune, regnskap 2025 (Lønnssystemet), 2025." in memo
    assert "Lenken har ikke med kommunens tall" in memo
    _, xlsx = download(page, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx))["Forutsetninger"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Tiltak i barnevernet")
    assert row[1] == 320000 and row[3] == 250000 and row[4] == "Kommunens tall: Eksempel kommune, regnskap 2025"
    _, text = download(page, "csv")
    last = text.decode("utf-8-sig").strip().splitlines()[-1]
    assert last.startswith("Regnet med kommunens tall: Eksempel kommune, regnskap 2025, lastet inn ")
    assert last.endswith("Felt: Tiltak i barnevernet, Årslønn.")


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
    assert re.search(r"Tallene er fra 2023, men kalkulatorene regner i 2025-kroner \(grunnbeløpet fra 1\. mai 2025 er "
                     r"130\u00a0160\u00a0kr\)\. Oppdater disse linjene til 2025-tall: Tiltak i barnevernet", text)
    page.get_by_role("button", name="Bruk tallene").click()
    page.goto(site_url + PAGES["familie"])
    calculator_ready(page)
    assert "Tallene er fra 2023" in page.inner_text("[data-vl-profil-banner]")


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
    full = csv_file([f"{line.id};;;{line.unit};;;;;{round(line.value * 1.1) or 1000};;" for line in profile.lines()])
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
