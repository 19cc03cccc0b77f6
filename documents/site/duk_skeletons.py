"""The digital duk's ODT/DOCX export: the sheet skeletons as a script the browser loads on demand.

The script only holds data: every part of the ODT and the DOCX sheet package, with the slots still
in (``sheet``), and how many rows each table starts with. ``documents/runtime/duk-eksport.js``
fills the slots with what the team typed and zips the parts (``zip.js``), so the file a team
downloads is the editable template on the site with their text in it. A script rather than JSON
fetched by the page, so it also works in a copy of the site opened from disk (file://).
"""

from __future__ import annotations

import base64
import json

from documents.render.package import TEXT_PARTS, read_entries
from documents.templates import sheet
from documents.templates.template import Template


def package_parts(package: bytes) -> list[list[str | None]]:
    """[name, text, None] for XML parts, [name, None, base64] for anything else; in package order.
    The form every skeleton takes to the browser (the duk's here, the memo's in
    ``calculators/site/memo_document.py``); ``vlZip.parts`` (zip.js) reads it back."""
    return [
        [name, content.decode("utf-8"), None] if name.endswith(TEXT_PARTS) or name == "mimetype"
        else [name, None, base64.b64encode(content).decode("ascii")]
        for name, content in read_entries(package)
    ]  # fmt: skip


def export_data(template: Template) -> dict[str, object]:
    from documents.render.render_docx import docx_sheet_skeleton
    from documents.render.render_odt import odt_sheet_skeleton

    return {
        "rows": sheet.default_rows(template),
        "odt": package_parts(odt_sheet_skeleton(template)),
        "docx": package_parts(docx_sheet_skeleton(template)),
    }


def export_script(template: Template) -> str:
    data = json.dumps(export_data(template), ensure_ascii=False, separators=(",", ":"))
    return (
        f"// {template.title}: ODT and DOCX skeletons for the digital duk's export. Generated from\n"
        f"// documents/templates/sources/{template.source.name} by documents/site/duk_skeletons.py; data only.\n"
        f"(window.vlDukSkeletons = window.vlDukSkeletons || {{}})[{json.dumps(template.id)}] = {data};\n"
    )
