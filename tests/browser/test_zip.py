"""vlZip (veileder/runtime/zip.js) in Chromium: its packages are read by Python's zipfile.

The script is put into a blank page, so these tests need no site build. The browser hands back the
bytes as base64; Python checks them with an independent reader.
"""

from __future__ import annotations

import base64
import io
import random
import zipfile
import zlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

ZIP_JS = ROOT / "veileder" / "runtime" / "zip.js"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"

# Runs in the page: builds a package from [{name, text?, bytes?}] and returns it as base64.
PACK = """(entries) => {
  const bytes = vlZip.store(entries.map(e => ({name: e.name, data: e.bytes ? new Uint8Array(e.bytes) : e.text})));
  let s = ""; for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}"""


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.goto("about:blank")
    page.add_script_tag(content=ZIP_JS.read_text(encoding="utf-8"))
    yield page
    context.close()


def pack(page, entries: list[dict]) -> bytes:
    return base64.b64decode(page.evaluate(PACK, entries))


SAMPLE = [
    {"name": "mimetype", "text": ODT_MIMETYPE},
    {"name": "content.xml", "text": '<?xml version="1.0" encoding="UTF-8"?><r>Blåbær – «sitat» 1 234 kr</r>'},
    {"name": "Pictures/æøå Ærlig.bin", "bytes": list(range(256)) * 3},
    {"name": "META-INF/manifest.xml", "text": "<m/>"},
    {"name": "tom.txt", "text": ""},
]


def test_python_reads_every_entry_in_the_given_order_with_its_content(page) -> None:
    data = pack(page, SAMPLE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every CRC checks out
        assert archive.namelist() == [e["name"] for e in SAMPLE]
        for entry, info in zip(SAMPLE, archive.infolist(), strict=True):
            want = bytes(entry["bytes"]) if "bytes" in entry else entry["text"].encode("utf-8")
            assert archive.read(info) == want
            assert info.compress_type == zipfile.ZIP_STORED
            assert info.flag_bits & 0x800  # UTF-8 name
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.extra == b""
    assert page.console_errors == []


def test_odf_mimetype_is_first_stored_and_readable_at_its_fixed_offset(page) -> None:
    data = pack(page, SAMPLE)
    # ODF 1.2 part 3, 3.3: the mimetype entry's name at byte 30 and its content at byte 38.
    assert data[:4] == b"PK\x03\x04"
    assert data[30:38] == b"mimetype"
    assert data[38 : 38 + len(ODT_MIMETYPE)] == ODT_MIMETYPE.encode("ascii")


def test_the_same_entries_give_the_same_bytes(page) -> None:
    first = pack(page, SAMPLE)
    second = pack(page, SAMPLE)
    assert first == second
    changed = pack(page, [*SAMPLE[:-1], {"name": "tom.txt", "text": " "}])
    assert changed != first


def test_crc32_matches_zlib_for_random_bytes(page) -> None:
    rng = random.Random(13)
    for length in [0, 1, 7, 1000, 70000]:
        data = [rng.randrange(256) for _ in range(length)]
        got = page.evaluate("(b) => vlZip.crc32(new Uint8Array(b))", data)
        assert got == zlib.crc32(bytes(data))


def test_a_large_entry_round_trips(page) -> None:
    text = "Kontantstrøm;år;" * 40000  # ≈ 650 kB, more than any export
    data = pack(page, [{"name": "big.csv", "text": text}])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("big.csv").decode("utf-8") == text


@pytest.mark.parametrize(
    "entries, message",
    [
        ([], "ingen filer"),
        ([{"name": "a.txt", "text": "1"}, {"name": "a.txt", "text": "2"}], "to ganger"),
        ([{"name": "", "text": "1"}], "ugyldig filnavn"),
        ([{"name": "/etc/x", "text": "1"}], "ugyldig filnavn"),
    ],
)
def test_bad_entries_give_a_clear_message(page, entries: list[dict], message: str) -> None:
    got = page.evaluate(
        "(entries) => { try { vlZip.store(entries.map(e => ({name: e.name, data: e.text}))); return 'ok'; }"
        " catch (error) { return error.message; } }",
        entries,
    )
    assert message in got


def test_the_blob_has_the_same_bytes_and_the_given_type(page) -> None:
    got = page.evaluate(
        """async () => {
          const entries = [{name: "mimetype", data: "application/vnd.oasis.opendocument.text"}];
          const blob = vlZip.blob(entries, "application/vnd.oasis.opendocument.text");
          const same = new Uint8Array(await blob.arrayBuffer()).join() === vlZip.store(entries).join();
          return [blob.type, same];
        }"""
    )
    assert got == [ODT_MIMETYPE, True]


def test_zip_js_is_not_loaded_by_any_page() -> None:
    """Export code loads on demand: zip.js is not in mkdocs.yml's extra_javascript."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "zip.js" not in config
    assert Path(ZIP_JS).stat().st_size < 12_000


def test_a_skeleton_from_python_becomes_the_same_package_with_its_text_parts_changed(page) -> None:
    # The route both the duk and the memo take: documents/site/duk_skeletons.py package_parts → vlZip.parts.
    from calculators.site import memo_document
    from documents.site.duk_skeletons import package_parts

    skeleton = memo_document.odt_skeleton()
    parts = package_parts(skeleton)
    data = base64.b64decode(page.evaluate("""(parts) => {
      const bytes = vlZip.store(vlZip.parts(parts, (name, text) => text.replace("\\u27e6vl:tittel\\u27e7", "Notat")));
      let s = ""; for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    }""", parts))
    with zipfile.ZipFile(io.BytesIO(skeleton)) as before, zipfile.ZipFile(io.BytesIO(data)) as after:
        assert after.namelist() == before.namelist()
        for name in before.namelist():
            want = before.read(name).replace("⟦vl:tittel⟧".encode(), b"Notat")
            assert after.read(name) == want, name
    assert page.console_errors == []
