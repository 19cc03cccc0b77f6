"""A small preview image of a template's first page, rendered from its PDF with pdfium."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

PREVIEW_WIDTH_PX = 480  # shown at up to 240 CSS px: sharp on high-density screens
PALETTE_COLOURS = 32  # line art and text: a small palette keeps the PNG to a few kB


def render_preview(pdf: bytes) -> tuple[bytes, int, int]:
    """PNG bytes, width and height of page 1. Same PDF, same bytes (no timestamps in PNG)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        scale = PREVIEW_WIDTH_PX / page.get_width()
        image = page.render(scale=scale, draw_annots=False).to_pil().convert("RGB")
    finally:
        document.close()
    small = image.quantize(colors=PALETTE_COLOURS, dither=0)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), small.width, small.height
