"""LibreOffice as a test instrument: fill the editable files as a person would, convert them.

``fill`` types a long, distinct text into every field of an ODT (its input fields) or a DOCX (its
plain-text content controls), as someone filling in the form does. ``convert`` is the tests' one way
to run LibreOffice headless: it turns files into PDF (the templates) or, with a profile setting, opens
workbooks, recalculates them and saves them again (``tests/calculators/sheet_workbooks.py``). Each
result is cached in ``.cache/libreoffice/`` under the sha256 of the input's name and bytes, of
LibreOffice's build and of the conversion (filter and profile), written complete or not at all
(``veileder.cache.cached_entry``), so a run whose files are unchanged starts no LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

import pytest

from documents.render.fingerprint import entry_key
from documents.render.package import map_text_parts
from veileder.cache import cached_entry, present

CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "libreoffice"
FIELD_CHARS = 2000
_ODT_INPUT = re.compile(r"<text:text-input\b([^>]*?)(?:/>|>.*?</text:text-input>)", re.DOTALL)
_DOCX_TEXT_CONTROL = re.compile(r"<w:sdt>(?:(?!</w:sdt>).)*?<w:text\b(?:(?!</w:sdt>).)*</w:sdt>", re.DOTALL)


def field_text(index: int, chars: int = FIELD_CHARS) -> str:
    """About ``chars`` characters of words found nowhere else: «f03o001 f03o002 …» for field 3."""
    words, length = [], 0
    while length < chars:
        words.append(f"f{index:02d}o{len(words) + 1:03d}")
        length += len(words[-1]) + 1
    return " ".join(words)


def fill(data: bytes, fmt: str, chars: int = FIELD_CHARS) -> tuple[bytes, list[str]]:
    """The file with every field holding ``field_text``; and every text typed, in order."""
    typed: list[str] = []

    def odt_input(match: re.Match) -> str:
        typed.append(field_text(len(typed) + 1, chars))
        return f"<text:text-input{match[1]}>{escape(typed[-1])}</text:text-input>"

    def docx_control(match: re.Match) -> str:
        typed.append(field_text(len(typed) + 1, chars))
        control = match[0].replace("<w:showingPlcHdr/>", "")
        control = re.sub(r"<w:color [^>]*/>", "", control)
        return re.sub(r"<w:t(?: [^>]*)?>[^<]*</w:t>", f"<w:t>{escape(typed[-1])}</w:t>", control, count=1)

    def change(name: str, xml: str) -> str:
        if fmt == "odt" and name == "content.xml":
            return _ODT_INPUT.sub(odt_input, xml)
        if fmt == "docx" and name == "word/document.xml":
            return _DOCX_TEXT_CONTROL.sub(docx_control, xml)
        return xml

    filled = map_text_parts(data, dt.date(2026, 1, 1), change, first="mimetype" if fmt == "odt" else None)
    return filled, typed


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice (soffice) mangler. Kjør testene med ./dev test, som installerer den, "
                    "eller: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui", pytrace=False)  # fmt: skip
    return found


def _build_id(program: str) -> str:
    """What identifies LibreOffice's build: its versionrc (the same file for the same build)."""
    versionrc = Path(os.path.realpath(program)).parent / "versionrc"
    if versionrc.exists():
        return hashlib.sha256(versionrc.read_bytes()).hexdigest()
    return subprocess.run([program, "--version"], capture_output=True, text=True, timeout=120).stdout


def convert(files: dict[str, bytes], target: str = "pdf", profile: str = "",
            cache_dir: Path = CACHE_DIR) -> dict[str, Path]:
    """name («samtykke.odt») → the file LibreOffice makes of it with ``--convert-to target``
    («pdf», «xlsx:Calc MS Excel 2007 XML»), ``profile`` (a registrymodifications.xcu) in its user
    profile; one LibreOffice run for all that are not cached. The files returned are in the cache:
    read them, copy them, never change them."""
    program = soffice()
    fingerprint = hashlib.sha256("\0".join([_build_id(program), target, profile]).encode()).hexdigest()
    out = "out." + target.split(":")[0]
    keys = {name: entry_key(name.encode() + b"\0" + data, fingerprint) for name, data in files.items()}
    # Asked through present(): each entry found is marked used before any is made, so the clean-up
    # a new entry starts (veileder.cache) cannot remove one this call is about to read.
    missing = [name for name, key in keys.items() if not (present(cache_dir / key) and (cache_dir / key / out).exists())]
    made: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="vl-libreoffice-") as work:
        if missing:
            made = _run(program, {name: files[name] for name in missing}, Path(work), target, profile)
        results = {}
        for name, key in keys.items():
            entry, _ = cached_entry(cache_dir, key, lambda d, n=name: shutil.copyfile(made[n], d / out))
            results[name] = entry / out
    return results


def _run(program: str, files: dict[str, bytes], work: Path, target: str, profile: str) -> dict[str, Path]:
    if profile:
        (work / "profile" / "user").mkdir(parents=True)
        (work / "profile" / "user" / "registrymodifications.xcu").write_text(profile, encoding="utf-8")
    by_format: dict[str, list[Path]] = {}
    for name, data in files.items():  # one folder per format: «x.odt» and «x.docx» both give «x.pdf»
        source = work / "in" / Path(name).suffix[1:] / name
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(data)
        by_format.setdefault(Path(name).suffix[1:], []).append(source)
    made = {}
    for fmt, sources in by_format.items():
        out = work / "out" / fmt
        result = subprocess.run(
            [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(out), *map(str, sources)],
            capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": str(work)},
        )  # fmt: skip
        for source in sources:
            converted = out / f"{source.stem}.{target.split(':')[0]}"
            assert converted.exists(), f"LibreOffice laget ikke {converted.name} av {source.name}: {result.stderr[-2000:]}"
            made[source.name] = converted
    return made
