"""Scanned pages: images, and PDFs without a text layer, read by OCR (the ``ocr`` extra).

Each page image goes through :mod:`.engine` (rapidocr); each recognised line becomes
glyphs spread over its box (:func:`glyphs`), and from there the PDF loader's line and
paragraph logic takes over (:mod:`..positioned`): baseline grouping joins the boxes of one
visual line, the page number and the scanner app's stamp are dropped as furniture,
indents and short lines end paragraphs. The record's ``source.ocr`` is true, and a note
says the text was read by OCR. Pages report progress on stderr, when it is a terminal.

Without the extra, a scanned PDF or an image is refused with the command that installs it.
"""

from __future__ import annotations

import io
import sys
from typing import Any

from ...errors import LoadError
from ...settings import ParseOptions
from ...text import InputFormat, Note, Text
from ..pdf.lines import is_cjk
from ..pdf.text import SPACE, FontTable, Glyph
from ..positioned import GlyphPage, page_paragraphs
from .engine import IMAGE_MISSING, MISSING, NOTHING_FOUND, Box, available, recognise

__all__ = ["MISSING", "NOTHING_FOUND", "available", "load", "read_scanned_pdf"]

_FORMATS = {"PNG": InputFormat.PNG, "JPEG": InputFormat.JPEG, "TIFF": InputFormat.TIFF}
TARGET_PIXELS = 2000  # the longer side of a rendered page: rapidocr's own working size
MAX_SCALE = 4.0


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    """An image of a page (PNG, JPEG, TIFF; every frame of a multi-page TIFF)."""
    if not available():
        raise LoadError(IMAGE_MISSING)
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise LoadError("corrupt image: cannot be decoded") from error
    fmt = _FORMATS.get(image.format or "", InputFormat.PNG)
    return _read(frames, [1.0] * len(frames), name, fmt)


def read_scanned_pdf(data: bytes, *, name: str, options: ParseOptions) -> Text:
    """A PDF whose pages carry no text: each page rendered and read by OCR."""
    if not available():
        raise LoadError(MISSING)
    from ..pdf.text import open_document

    document = open_document(data)
    images: list[Any] = []
    scales: list[float] = []
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            scale = min(MAX_SCALE, TARGET_PIXELS / max(width, height, 1.0))
            images.append(page.render(scale=scale).to_pil())
            scales.append(scale)
            page.close()
    finally:
        document.close()
    return _read(images, scales, name, InputFormat.PDF)


def _read(images: list[Any], scales: list[float], name: str, fmt: InputFormat) -> Text:
    fonts = FontTable()
    font = fonts.named("OCR")
    pages: list[GlyphPage] = []
    for number, (image, scale) in enumerate(zip(images, scales, strict=True), 1):
        _progress(name, number, len(images))
        page_glyphs = [g for box in recognise(image) for g in glyphs(box, scale, font)]
        width, height = image.size
        pages.append(GlyphPage(number, width / scale, height / scale, page_glyphs))
    if not any(page.glyphs for page in pages):
        raise LoadError(
            NOTHING_FOUND if fmt is InputFormat.PDF else "OCR found no text in the image"
        )
    lines, notes = page_paragraphs(pages, fonts.fonts)
    if not lines:
        raise LoadError(NOTHING_FOUND)
    notes.append(
        Note(
            "ocr",
            f"the text was read by OCR from {len(pages)} page image(s); names and numbers "
            "may be misread",
        )
    )
    return Text(lines=lines, format=fmt, pages=len(pages), notes=notes, reflow=False, ocr=True)


def _progress(name: str, number: int, total: int) -> None:
    """A page a few seconds: say so on stderr, where a person watches it (a terminal); in a
    log or a pipe stderr keeps its one-line-per-error contract."""
    if sys.stderr.isatty():
        print(f"policyparse: OCR {name}: page {number}/{total}", file=sys.stderr, flush=True)


def glyphs(box: Box, scale: float, font: int) -> list[Glyph]:
    """A recognised line as glyphs: its width shared out, an em to a CJK character and half
    an em to anything else, all on the box's baseline. Coordinates in points."""
    chars = list(box.text)
    weights = [1.0 if is_cjk(c) else 0.5 for c in chars]
    total = sum(weights)
    x0, x1 = box.x0 / scale, box.x1 / scale
    top, bottom = box.top / scale, box.bottom / scale
    unit = (x1 - x0) / total if total else 0.0
    # The em: a CJK character's share of the width, when there is one; else the box height.
    em = min(unit, bottom - top) if any(w == 1.0 for w in weights) else (bottom - top) * 0.8
    out: list[Glyph] = []
    x = x0
    for char, weight in zip(chars, weights, strict=True):
        advance = unit * weight
        glyph_char = SPACE if char.isspace() else char
        out.append(Glyph(glyph_char, x, x + max(advance, 0.01), top, bottom, bottom, em, font))
        x += advance
    return out
