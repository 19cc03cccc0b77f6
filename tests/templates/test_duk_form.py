"""The digital duk in a real browser: fill in, print to one A3 landscape page, store nothing."""

from __future__ import annotations

import io

import pypdf
import pytest

pytestmark = pytest.mark.browser
SECRET = "Mor jobber deltid og ønsker mer tid med barna"
A3_LANDSCAPE_MM = (420, 297)


@pytest.fixture
def duk(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "maler/fyll-ut-duken/")
    return page


def test_every_section_of_the_duk_has_a_labelled_field(duk):
    for title in ("Dagens situasjon", "Ressurser", "Drømmer", "Avtaler til neste møte"):
        assert duk.get_by_label(title).is_editable()
    assert duk.get_by_role("textbox", name="Hvem, rad 1").is_editable()


def test_what_is_typed_is_stored_nowhere_and_sent_nowhere(duk):
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    duk.get_by_label("Drømmer").press("Enter")
    duk.get_by_role("textbox", name="Hva, rad 1").fill(SECRET)
    duk.get_by_role("textbox", name="Hva, rad 1").press("Enter")  # must not submit anywhere
    stored = duk.evaluate(
        "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
    )
    assert SECRET not in stored
    assert SECRET not in duk.url
    assert duk.offsite_requests == []
    duk.reload()
    assert duk.get_by_label("Dagens situasjon").input_value() == ""


def test_the_reset_button_empties_the_duk(duk):
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    duk.get_by_role("button", name="Tøm duken").click()
    assert duk.get_by_label("Dagens situasjon").input_value() == ""


def test_the_print_button_appears_with_javascript(duk):
    assert duk.get_by_role("button", name="Skriv ut duken (A3 liggende)").is_visible()


def test_the_duk_prints_on_one_a3_landscape_page_with_what_was_typed(duk):
    duk.get_by_label("Dagens situasjon").fill(SECRET)
    duk.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(duk.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    size_mm = (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72))
    assert size_mm == A3_LANDSCAPE_MM
    text = pdf.pages[0].extract_text()
    assert SECRET in " ".join(text.split()) and "Investeringsteamet" in text
    assert "Personopplysninger" not in text  # only the duk is printed


def test_other_pages_keep_the_default_paper_size(make_page, site_url):
    page = make_page(width=1280)
    page.goto(site_url + "maler/")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, format="A4")))
    box = pdf.pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 210
