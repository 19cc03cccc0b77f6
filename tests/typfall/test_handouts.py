"""Every case's course handout: A4, the story and the numbers inside, a QR code to the case's scenario."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp

from typfall.build import build_cases
from typfall.handout import handout_url

SITE = "https://velferdslab.example.no/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    return build_cases(cache_dir=tmp_path_factory.mktemp("typfall"), site_url=SITE)[0]


def qr_codes(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = [page.render(scale=2).to_pil() for page in document]
    finally:
        document.close()
    return [code.text for image in images for code in zxingcpp.read_barcodes(image)
            if code.format == zxingcpp.BarcodeFormat.QRCode]


def test_every_handout_qr_code_opens_the_case_scenario_on_the_site(built) -> None:
    for b in built:
        url = handout_url(b.case, b.reading, SITE)
        assert url.startswith(SITE + b.reading.view.page.removesuffix(".md") + "/#")
        assert qr_codes(b.handout) == [url], b.case.id


def test_every_handout_is_a4_with_the_story_and_the_median(built) -> None:
    for b in built:
        reader = pypdf.PdfReader(b.handout)
        assert len(reader.pages) <= 2, b.case.id
        box = reader.pages[0].mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
        text = " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages)
        assert "Oppdiktet eksempel" in text and b.case.title in text
        assert b.reading.share_holder.median_text.replace("\xa0", " ") in text.replace("\xa0", " ")
        assert " ".join(b.case.story.split()[:6]) in text
