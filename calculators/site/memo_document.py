"""The beslutningsnotat's ODT and DOCX skeletons: styles and package made here, content in the browser.

The memo takes the duk's route (``documents/site/duk_skeletons.py``): the build writes each format with
odfpy and python-docx — the paragraph, list, table-cell and page styles, the package's manifest,
relationships, content types and metadata — with *slots* where the scenario goes, and the browser
fills them (``eksport.js``) and zips the parts with the one zip writer (``zip.js``). The slots:

``⟦vl:innhold⟧``  a paragraph of its own in the body: replaced by the memo's blocks (headings,
                  paragraphs, lists, tables, the chart) written with the style names below;
``⟦vl:tittel⟧``   the memo's title in the document's metadata.

The browser adds only what depends on the scenario: per-table column widths (ODT automatic
styles), the chart (``Pictures/diagram.png`` / ``word/media/diagram.png`` with its manifest entry
or relationship) and one relationship per link in the DOCX. The skeletons are written as a script
(``SITE_PATH``), which the export code loads when a memo is asked for; the site's stage writes it.
The look is the site's template typography (``calculators.site.eksport.typography``), which the
browser also reads for table and picture widths.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

SITE_PATH = "assets/eksport/beslutningsnotat-maler.js"
BODY_SLOT = "⟦vl:innhold⟧"
TITLE_SLOT = "⟦vl:tittel⟧"
PAGE_MM = (210, 297)

# ODT paragraph styles: name, display name, parent, paragraph properties, text properties, extra.
# The browser writes these names (eksport.js, odtContent); a test checks each one is defined.
ODT_STYLE_NAMES = ("Title", "Subtitle", "Heading_20_1", "Heading_20_2", "Text_20_body", "Innledning", "Caption",
                   "Figur", "Listeavsnitt", "Tabelltekst", "Tabelltall", "Tabelloverskrift", "Sterk", "Punkt",
                   "Celle", "Hodecelle", "Felt", "Rad", "Bilde")
BUILTIN = ("Title", "Subtitle", "Heading 1", "Heading 2", "Caption", "List Bullet")
"""Word's own styles (not marked custom): navigation, outline and screen readers know them."""
DOCX_STYLE_IDS = ("Title", "Subtitle", "Heading1", "Heading2", "Caption", "Figur", "ListBullet", "Tabelltekst",
                  "Tabelltall", "EtterTabell", "Hyperlink")


def _typography() -> dict:
    from calculators.site.eksport import typography

    return typography()


# ---- ODT (odfpy) ---------------------------------------------------------------------------------

def odt_skeleton(typo: dict | None = None) -> bytes:
    """The memo's ODT with the two slots, every style it uses defined."""
    import datetime as dt

    from odf import dc, draw, style, table, text
    from odf.element import Element
    from odf.opendocument import OpenDocumentText

    from documents.render.package import map_text_parts

    typo = typo or _typography()
    Element.namespaces.clear()  # see documents.render.render_odt: a file's bytes must not depend on what came before
    doc = OpenDocumentText()
    font, colour = typo["odt_font"], "#" + typo["colour"]
    doc.fontfacedecls.addElement(style.FontFace(name=font, fontfamily=f"'{font}'", fontfamilygeneric="swiss",
                                                fontpitch="variable"))
    default = style.DefaultStyle(family="paragraph")
    default.addElement(style.ParagraphProperties(orphans="2", widows="2"))
    default.addElement(style.TextProperties(fontname=font, fontsize=f"{typo['body_pt']}pt", language="nb",
                                            country="NO", hyphenate="false"))
    doc.styles.addElement(default)

    def paragraph(name: str, display: str, parent: str, props: dict, texts: dict | None = None, **extra: str) -> None:
        st = style.Style(name=name, displayname=display, family="paragraph", **({"parentstylename": parent} if parent else {}), **extra)
        st.addElement(style.ParagraphProperties(**props))
        if texts:
            st.addElement(style.TextProperties(**texts))
        doc.styles.addElement(st)

    def heading(level: int, size: float) -> None:
        paragraph(f"Heading_20_{level}", f"Heading {level}", "Heading",
                  {"margintop": "5mm", "marginbottom": "2mm", "keepwithnext": "always", "keeptogether": "always"},
                  {"fontsize": f"{size}pt", "fontweight": "bold", "color": colour},
                  nextstylename="Text_20_body", defaultoutlinelevel=str(level))

    paragraph("Standard", "Standard", "", {"margintop": "0mm", "marginbottom": "0mm"})
    paragraph("Text_20_body", "Text body", "Standard", {"margintop": "0mm", "marginbottom": "2.5mm", "lineheight": "125%"})
    paragraph("Innledning", "Text body before table", "Text_20_body", {"keepwithnext": "always"})
    paragraph("Heading", "Heading", "Standard", {"keepwithnext": "always"})
    paragraph("Title", "Title", "Heading", {"margintop": "0mm", "marginbottom": "2mm", "keepwithnext": "always"},
              {"fontsize": f"{typo['h1_pt']}pt", "fontweight": "bold", "color": colour},
              defaultoutlinelevel="1", nextstylename="Subtitle")
    paragraph("Subtitle", "Subtitle", "Text_20_body", {"marginbottom": "4mm"}, {"fontstyle": "italic", "color": "#4a4a4a"})
    heading(1, typo["h2_pt"])
    heading(2, typo["h3_pt"])
    paragraph("Caption", "Caption", "Text_20_body", {"margintop": "1mm"}, {"fontstyle": "italic", "fontsize": "9pt"})
    paragraph("Figur", "Figure", "Text_20_body", {"margintop": "2mm", "keepwithnext": "always"})
    paragraph("Listeavsnitt", "List Paragraph", "Text_20_body", {"marginbottom": "1.2mm"})
    paragraph("Tabelltekst", "Table Contents", "Standard", {"margin": "0mm"})
    paragraph("Tabelltall", "Table Number", "Tabelltekst", {"textalign": "end"})
    paragraph("Tabelloverskrift", "Table Heading", "Tabelltekst", {"margin": "0mm"}, {"fontweight": "bold"})
    strong = style.Style(name="Sterk", displayname="Strong Emphasis", family="text")
    strong.addElement(style.TextProperties(fontweight="bold"))
    doc.styles.addElement(strong)
    bullets = text.ListStyle(name="Punkt")
    for level, char, indent in ((2, "–", "12mm"), (1, "•", "6mm")):
        bullet = text.ListLevelStyleBullet(level=str(level), bulletchar=char)
        props = style.ListLevelProperties(listlevelpositionandspacemode="label-alignment")
        props.addElement(style.ListLevelLabelAlignment(labelfollowedby="listtab", listtabstopposition=indent,
                                                       textindent="-4mm", marginleft=indent))
        bullet.addElement(props)
        bullets.addElement(bullet)
    doc.styles.addElement(bullets)

    layout = style.PageLayout(name="A4")
    layout.addElement(style.PageLayoutProperties(
        pagewidth=f"{PAGE_MM[0]}mm", pageheight=f"{PAGE_MM[1]}mm", printorientation="portrait",
        margintop=f"{typo['margin_top_mm']}mm", marginbottom=f"{typo['margin_top_mm']}mm",
        marginleft=f"{typo['margin_side_mm']}mm", marginright=f"{typo['margin_side_mm']}mm"))
    doc.automaticstyles.addElement(layout)
    doc.masterstyles.addElement(style.MasterPage(name="Standard", pagelayoutname=layout))

    # Cell, row and frame styles are automatic styles of the content (LibreOffice ignores common
    # ones). odfpy writes only those the body uses, and the body is a slot: they are serialised by
    # odfpy here and put in after (``_content_styles``).
    automatic = []
    border = f"0.5pt solid #{typo['border']}"
    for name, family, props in (
        ("Celle", "table-cell", style.TableCellProperties(border=border, padding="1mm")),
        ("Hodecelle", "table-cell", style.TableCellProperties(border=border, padding="1mm", backgroundcolor="#" + typo["head_fill"])),
        ("Felt", "table-cell", style.TableCellProperties(borderbottom=border, padding="1.5mm")),
        ("Rad", "table-row", style.TableRowProperties(keeptogether="always")),
        ("Bilde", "graphic", style.GraphicProperties(wrap="none", verticalpos="top", verticalrel="baseline")),
    ):  # fmt: skip
        st = style.Style(name=name, family=family)
        st.addElement(props)
        automatic.append(st)

    doc.text.addElement(text.P(stylename="Text_20_body", text=BODY_SLOT))
    # The blocks the browser writes use links, pictures and tables; odfpy declares in each part the
    # namespaces it has seen, so these are made (not added) for theirs to be declared.
    draw.Frame(name="Diagram").addElement(draw.Image(href="Pictures/diagram.png"))
    table.Table(name="Tabell")
    text.A(href="https://example.org/")
    doc.meta.addElement(dc.Title(text=TITLE_SLOT))
    doc.meta.addElement(dc.Language(text="nb-NO"))
    buffer = io.BytesIO()
    doc.write(buffer)
    return map_text_parts(buffer.getvalue(), dt.date(1980, 1, 1), _content_styles(automatic), first="mimetype")


def _content_styles(automatic: list) -> Callable[[str, str], str]:
    serialised = io.StringIO()
    for element in automatic:
        element.toXml(1, serialised)  # level 1: no namespace declarations of its own
    found = "<office:automatic-styles/>"

    def add(name: str, xml: str) -> str:
        if name != "content.xml":
            return xml
        if found not in xml:
            raise ValueError("memo_document: fant ikke <office:automatic-styles/> i content.xml fra odfpy")
        return xml.replace(found, f"<office:automatic-styles>{serialised.getvalue()}</office:automatic-styles>")

    return add


# ---- DOCX (python-docx) --------------------------------------------------------------------------

def docx_skeleton(typo: dict | None = None) -> bytes:
    """The memo's DOCX with the two slots, every style and the bullet numbering it uses defined."""
    import datetime as dt

    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm, Pt, RGBColor, Twips
    from docx.styles.style import ParagraphStyle

    from documents.render.render_docx import _slim

    typo = typo or _typography()
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = section.bottom_margin = Mm(typo["margin_top_mm"])
    section.left_margin = section.right_margin = Mm(typo["margin_side_mm"])
    section.header_distance = section.footer_distance = Twips(708)

    styles = document.styles
    font, half = typo["docx_font"], lambda pt: round(pt * 2)
    defaults = styles.element.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" '
        f'w:eastAsia="{font}" w:cs="{font}"/><w:sz w:val="{half(typo["body_pt"])}"/><w:szCs w:val="{half(typo["body_pt"])}"/>'
        '<w:lang w:val="nb-NO" w:eastAsia="nb-NO" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>'
        '<w:spacing w:after="140" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'))
    for old in list(styles.element.findall(qn("w:style"))):  # the template's own versions (theme fonts, borders)
        if old.get(qn("w:styleId")) in DOCX_STYLE_IDS:
            styles.element.remove(old)
    colour = RGBColor.from_string(typo["colour"].upper())

    def paragraph(name: str, *, before: int | None = None, after: int | None = None, keep: bool = False,
                  bold: bool = False, italic: bool = False, size: float | None = None, rgb: RGBColor | None = None,
                  outline: int | None = None, following: str = "") -> ParagraphStyle:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name in BUILTIN)
        st.base_style, st.quick_style = styles["Normal"], True
        fmt = st.paragraph_format
        if keep:
            fmt.keep_with_next = True
        if before is not None:
            fmt.space_before = Twips(before)
        if after is not None:
            fmt.space_after = Twips(after)
        st.font.bold, st.font.italic = bold or None, italic or None
        if size:
            st.font.size = Pt(size)
            st.element.get_or_add_rPr().append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{half(size)}"/>'))
        if rgb is not None:
            st.font.color.rgb = rgb
        if outline is not None:
            st.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline}"/>'))
        if following:
            st.next_paragraph_style = styles[following]
        return st

    paragraph("Title", after=120, keep=True, bold=True, size=typo["h1_pt"], rgb=colour, outline=0)
    paragraph("Subtitle", after=240, italic=True, rgb=RGBColor(0x4A, 0x4A, 0x4A))
    styles["Title"].next_paragraph_style = styles["Subtitle"]
    for level, size in ((1, typo["h2_pt"]), (2, typo["h3_pt"])):
        heading = paragraph(f"Heading {level}", before=280, after=100, keep=True, bold=True, size=size, rgb=colour,
                            outline=level - 1, following="Normal")
        heading.paragraph_format.keep_together = True
    paragraph("Caption", before=60, italic=True, size=9)
    paragraph("Figur", before=120, after=0, keep=True)
    bullet = paragraph("List Bullet", after=60)
    bullet.element.get_or_add_pPr().insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="1"/></w:numPr>'))
    bullet.paragraph_format.left_indent, bullet.paragraph_format.first_line_indent = Twips(340), Twips(-227)
    for name, align in (("Tabelltekst", None), ("Tabelltall", WD_ALIGN_PARAGRAPH.RIGHT)):
        st = paragraph(name, after=0)
        st.paragraph_format.line_spacing = 1.0
        st.paragraph_format.alignment = align
    after_table = paragraph("EtterTabell", after=0)
    after_table.paragraph_format.line_spacing = Twips(120)  # exact 6 pt: a table ends, the next block stays close
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
    link.font.color.rgb, link.font.underline = RGBColor(0x1D, 0x4F, 0x73), True

    # One bullet list: «•» and, one level in, «–» (the memo's nested lists).
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{char}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="227"/></w:pPr></w:lvl>'
        for i, char, left in ((0, "•", 340), (1, "–", 680)))
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="0">'
                               f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="1"><w:abstractNumId w:val="0"/></w:num>'))

    document.add_paragraph(BODY_SLOT)
    props = document.core_properties
    stamp = dt.datetime(1980, 1, 1)
    props.title, props.author, props.language = TITLE_SLOT, "Velferdslab-veilederen", "nb-NO"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _slim(buffer.getvalue(), dt.date(1980, 1, 1), _with_png)


def _with_png(name: str, xml: str) -> str:
    """The chart's type is declared in advance: the browser adds the picture, not the declaration."""
    if name == "[Content_Types].xml" and 'Extension="png"' not in xml:
        return xml.replace("<Override", '<Default Extension="png" ContentType="image/png"/><Override', 1)
    return xml


# ---- the script the browser loads ----------------------------------------------------------------

def skeletons(typo: dict | None = None) -> dict[str, list]:
    from documents.site.duk_skeletons import package_parts

    return {"odt": package_parts(odt_skeleton(typo)), "docx": package_parts(docx_skeleton(typo))}


def asset_code() -> str:
    """``script()``, from the calculators' build cache: its key covers this package and, through
    the name, the template generators (``documents.render``) and library versions that write the files."""
    from calculators.site import buildcache
    from documents.render.fingerprint import generator_fingerprint

    return buildcache.cached(f"beslutningsnotat-maler-{generator_fingerprint()[:12]}", script)


def script(make: Callable[[], dict] = skeletons) -> str:
    data = json.dumps(make(), ensure_ascii=False, separators=(",", ":"))
    return ("// The beslutningsnotat's ODT and DOCX skeletons (styles, package, slots ⟦vl:innhold⟧ and ⟦vl:tittel⟧).\n"
            "// Generated by calculators/site/memo_document.py with odfpy and python-docx; data only. eksport.js fills them.\n"
            f"window.vlNotatSkjelett = {data};\n")
