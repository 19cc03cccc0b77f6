"""A broken template source fails with the file, the line and the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from documents.site.build import SOURCES_DIR
from documents.templates.template import TemplateSourceError, load_template, load_templates

from .conftest import write_source

VALID = """\
id: {id}
order: 1
title: Prøvemal
version: "1.0"
date: 2026-11-23
summary: Til prøving.
when: Aldri.
print_papers: [A4]
edit_paper: A4
sections:
  - title: Første del
    fields:
      - {{type: write, lines: 3}}
"""


def _error(tmp_path: Path, text: str) -> TemplateSourceError:
    path = write_source(tmp_path, "prove", text)
    with pytest.raises(TemplateSourceError) as caught:
        load_template(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_the_valid_example_loads(tmp_path):
    template = load_template(write_source(tmp_path, "prove", VALID.format(id="prove")))
    assert template.section_titles() == ("Første del",)


def test_a_missing_title_names_the_title_field(tmp_path):
    error = _error(tmp_path, VALID.format(id="prove").replace("title: Prøvemal\n", ""))
    assert error.field == "title"
    assert error.line == 1  # a missing field: the line of the mapping it belongs in
    assert "mangler" in str(error)


def test_an_unknown_field_type_names_the_field_and_the_valid_types(tmp_path):
    error = _error(tmp_path, VALID.format(id="prove").replace("type: write, lines: 3", "type: tegning"))
    assert error.field == "sections[0].fields[0].type"
    assert str(error).endswith(", linje 13: sections[0].fields[0].type: ukjent felttype 'tegning'; "
                               "gyldige: text, list, write, labels, checklist, table, signatures")


def test_bad_yaml_names_the_line(tmp_path):
    error = _error(tmp_path, VALID.format(id="prove").replace("summary: Til prøving.", "summary: [Til prøving."))
    assert "ugyldig YAML" in str(error)
    assert error.field.startswith("linje 7, kolonne ")  # where PyYAML notices the list is not closed


def test_an_unknown_key_names_the_key_and_the_valid_ones(tmp_path):
    error = _error(tmp_path, VALID.format(id="prove").replace("when: Aldri.", "when: Aldri.\ncolour: blue"))
    assert error.field == "colour"
    assert error.line == 8
    assert "gyldige: id, title" in str(error)


def test_an_unknown_paper_size_names_the_paper(tmp_path):
    error = _error(tmp_path, VALID.format(id="prove").replace("print_papers: [A4]", "print_papers: [A5]"))
    assert error.field == "print_papers[0]"
    assert error.line == 8
    assert "A1, A3, A4" in str(error)


def test_an_id_that_differs_from_the_file_name_is_refused(tmp_path):
    error = _error(tmp_path, VALID.format(id="noe-annet"))
    assert (error.field, error.line) == ("id", 1)


def test_a_field_missing_its_required_setting_names_it(tmp_path):
    error = _error(tmp_path, VALID.format(id="prove").replace("type: write, lines: 3", "type: write"))
    assert (error.field, error.line) == ("sections[0].fields[0].lines", 13)


def test_a_poster_section_in_an_unknown_area_names_the_section(tmp_path):
    text = VALID.format(id="prove").replace(
        "edit_paper: A4\n", "edit_paper: A4\nlayout: poster\nposter_areas: ['a b']\n"
    ).replace("  - title: Første del\n", "  - title: Første del\n    area: c\n")
    error = _error(tmp_path, text)
    assert (error.field, error.line) == ("sections[0].area", 14)


def test_the_shipped_sources_all_load_in_gallery_order():
    ids = [template.id for template in load_templates(SOURCES_DIR)]
    assert ids == ["arbeidsduk", "svar-pa-soknad", "samtykke", "taushetserklaering", "moteagenda",
                   "fra-mote-til-vedtak", "mandat-investeringsteam", "handlingsplan", "prosjektmandat",
                   "saksframlegg", "dpia", "behandlingsprotokoll", "avviksrutine"]


def test_every_template_shows_version_and_date_in_norwegian():
    from documents.templates.strings import version_line

    consent = next(t for t in load_templates(SOURCES_DIR) if t.id == "samtykke")
    assert version_line(consent.version, consent.date) == "Versjon 3.0, 6. desember 2026"
    duk = next(t for t in load_templates(SOURCES_DIR) if t.id == "arbeidsduk")
    assert version_line(duk.version, duk.date) == "Versjon 1.0, 23. november 2026"


def test_a_summary_longer_than_a_docx_subject_names_the_field(tmp_path):
    error = _error(tmp_path, VALID.format(id="prove").replace("summary: Til prøving.", "summary: " + "ord " * 70))
    assert (error.field, error.line) == ("summary", 6)
    assert "255" in str(error)


def test_a_poster_area_that_is_not_a_rectangle_is_refused(tmp_path):
    text = VALID.format(id="prove").replace(
        "edit_paper: A4\n", "edit_paper: A4\nlayout: poster\nposter_areas: ['a b', 'b b']\n"
    ).replace("  - title: Første del\n", "  - title: Første del\n    area: a\n")
    text += "  - title: Andre del\n    area: b\n    fields:\n      - {type: write, lines: 3}\n"
    error = _error(tmp_path, text)
    assert error.field == "poster_areas" and "'b' er ikke et rektangel" in str(error)
    assert error.line == 11
