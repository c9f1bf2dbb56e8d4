"""A second reading, with pdfplumber, of pages whose glyphs PDFium cannot map to Unicode,
or of which it dropped whole text objects (a lone glyph of a font without widths).

PDFium and pdfminer (under pdfplumber) resolve a font without a usable ToUnicode map by
different routes (embedded cmaps, CID collections, glyph names), so where one returns
U+FFFD or private-use code points the other sometimes reads the text. A page is read again
only when more than a tenth of its glyphs are unmapped, and the second reading replaces
the first only if it maps more of them. pdfminer's ``(cid:N)`` becomes U+FFFD, so that
unmapped glyphs count alike whichever library read them.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from .text import FontTable, Glyph, Page

_QUIET = logging.NullHandler()
REREAD_SHARE = 0.1
REREAD_MIN = 5
# pdfminer interprets a page in Python: about half a millisecond and some 35 KB for each
# object. A page with more objects than this is not read again (PDFium's reading stands
# and the loader notes what may be missing), so that no page costs more than a few
# seconds and some 200 MB: a text page of a word processor has a few hundred objects, one
# that places every glyph on its own (WPS) one or two thousand.
REREAD_MAX_OBJECTS = 5_000


def needs_reread(page: Page) -> bool:
    if page.objects > REREAD_MAX_OBJECTS:
        return False
    if page.lost:
        return True
    return page.unmapped >= REREAD_MIN and page.unmapped > REREAD_SHARE * len(page.glyphs)


def reread_unmapped(data: bytes, pages: list[Page], fonts: FontTable) -> list[int]:
    """Re-read the pages that need it, in place; the numbers of the pages replaced."""
    wanted = [page for page in pages if needs_reread(page)]
    if not wanted:
        return []
    import pdfplumber  # heavy: only for pages PDFium could not read

    # pdfminer logs every oddity of a damaged file; without a handler of the
    # application's own, Python would print them all to stderr.
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).addHandler(_QUIET)
    replaced: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in wanted:
                plumber_page = pdf.pages[page.number - 1]
                glyphs, unmapped = _glyphs(plumber_page.chars, plumber_page.bbox, fonts)
                plumber_page.close()
                better = unmapped < page.unmapped or (
                    page.lost and unmapped <= page.unmapped and len(glyphs) > len(page.glyphs)
                )
                if glyphs and better:
                    page.glyphs, page.unmapped, page.lost = glyphs, unmapped, 0
                    replaced.append(page.number)
    except Exception:
        # A second opinion only: pdfminer fails on files PDFium reads (IndexError,
        # MalformedPDFException, PSException, …), and then PDFium's reading stands.
        pass
    return replaced


def _glyphs(
    chars: list[dict[str, Any]], bbox: tuple[float, float, float, float], fonts: FontTable
) -> tuple[list[Glyph], int]:
    glyphs: list[Glyph] = []
    unmapped = 0
    x_shift, y_shift = bbox[0], bbox[1]
    for char in chars:
        text = char["text"]
        if text.startswith("(cid:") or text == "\ufffd" or _has_surrogate(text):
            text = "\ufffd"
            unmapped += 1
        elif not text.strip():
            continue
        if not char.get("upright", True):
            continue
        size = float(char["size"]) or float(char["bottom"] - char["top"])
        top, bottom = char["top"] - y_shift, char["bottom"] - y_shift
        glyphs.append(
            Glyph(
                text,
                char["x0"] - x_shift,
                char["x1"] - x_shift,
                top,
                bottom,
                bottom - 0.12 * size,  # pdfminer boxes run from descent to ascent
                size,
                fonts.named(str(char.get("fontname", ""))),
            )
        )
    return glyphs, unmapped


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)
