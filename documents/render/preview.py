"""A small preview image of a template's first page, rendered from its PDF with pdfium."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

# Shown 12rem wide (maler.css: 240 CSS px, 264–288 on wide screens): one PNG at that width for
# 1× screens and one at twice it for high-density screens, both drawn from the PDF.
PREVIEW_WIDTHS_PX = (240, 480)
PALETTE_COLOURS = 32  # line art and text: a small palette keeps the PNG to a few kB


THUMBNAIL_PX = 256  # the most ODF allows (Thumbnails/thumbnail.png); DOCX uses the same size


def render_thumbnail(pdf: bytes, image_format: str) -> bytes:
    """Page 1 at most 256 px on its longer side, as PNG (ODT) or JPEG (DOCX: what Office reads)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        scale = THUMBNAIL_PX / max(page.get_width(), page.get_height())
        image = page.render(scale=scale, draw_annots=False).to_pil().convert("RGB")
    finally:
        document.close()
    buffer = io.BytesIO()
    if image_format == "PNG":
        image.quantize(colors=PALETTE_COLOURS, dither=0).save(buffer, format="PNG", optimize=True)
    else:
        image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def render_previews(pdf: bytes) -> list[tuple[bytes, int, int]]:
    """PNG bytes, width and height of page 1 at each of ``PREVIEW_WIDTHS_PX``, each drawn from the
    PDF at its own scale (sharper than shrinking the larger one). Same PDF, same bytes (no
    timestamps in PNG)."""
    document = pdfium.PdfDocument(pdf)
    previews = []
    try:
        page = document[0]
        for width in PREVIEW_WIDTHS_PX:
            image = page.render(scale=width / page.get_width(), draw_annots=False).to_pil().convert("RGB")
            small = image.quantize(colors=PALETTE_COLOURS, dither=0)
            buffer = io.BytesIO()
            small.save(buffer, format="PNG", optimize=True)
            previews.append((buffer.getvalue(), small.width, small.height))
    finally:
        document.close()
    return previews
