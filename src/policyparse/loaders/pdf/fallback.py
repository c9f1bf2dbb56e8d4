"""A second reading, with pdfplumber, of pages whose glyphs PDFium cannot map to Unicode,
or of which it dropped whole text objects (a lone glyph of a font without widths).

PDFium and pdfminer (under pdfplumber) resolve a font without a usable ToUnicode map by
different routes (embedded cmaps, CID collections, glyph names), so where one returns
U+FFFD or private-use code points the other sometimes reads the text. A page is read again
only when more than a tenth of its glyphs are unmapped or a text object of it gave nothing,
and the second reading replaces the first only if it maps more of them. pdfminer's
``(cid:N)`` becomes U+FFFD, so that unmapped glyphs count alike whichever library read them.

The second reading is bounded: each page is read at most once, a page with more objects
than :data:`REREAD_MAX_OBJECTS` is not read, and the pages read together hold at most
:data:`REREAD_BUDGET` objects; a page left out, or on which pdfminer fails, keeps PDFium's
reading and is named in a note.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ...errors import describe
from ...text import Note
from .notes import ranges
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
# All pages read again together: a document of many damaged pages costs no more than a few
# of the largest pages would (some ten seconds).
REREAD_BUDGET = 20_000
CODE = "unreliable-text"


@dataclass
class Outcome:
    """What the second reading did, page by page (1-based numbers)."""

    replaced: list[int] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)  # read, and PDFium's reading was better
    over_budget: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # page, pdfminer's error


def needs_reread(page: Page) -> bool:
    if page.lost:
        return True
    return page.unmapped >= REREAD_MIN and page.unmapped > REREAD_SHARE * len(page.glyphs)


def plan(pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """The pages to read again, in page order within the budget, and those left out."""
    chosen: list[Page] = []
    left_out: list[Page] = []
    spent = 0
    for page in pages:
        if not needs_reread(page):
            continue
        cost = max(1, page.objects)  # a page of no objects still costs its opening
        if page.objects > REREAD_MAX_OBJECTS or spent + cost > REREAD_BUDGET:
            left_out.append(page)
            continue
        spent += cost
        chosen.append(page)
    return chosen, left_out


def reread_unmapped(data: bytes, pages: list[Page], fonts: FontTable) -> Outcome:
    """Re-read the pages that need it, in place; what became of each."""
    wanted, left_out = plan(pages)
    outcome = Outcome(over_budget=[page.number for page in left_out])
    if not wanted:
        return outcome
    waiting = {page.number: page for page in wanted}
    try:
        for number, read in _plumber_pages(data, set(waiting)):
            page = waiting.pop(number)
            if isinstance(read, BaseException):
                outcome.failed.append((number, _reason(read)))
                continue
            glyphs, unmapped = _glyphs(*read, fonts)
            better = unmapped < page.unmapped or (
                page.lost and unmapped <= page.unmapped and len(glyphs) > len(page.glyphs)
            )
            if glyphs and better:
                page.glyphs, page.unmapped, page.lost = glyphs, unmapped, 0
                outcome.replaced.append(page.number)
            else:
                outcome.kept.append(page.number)
    except FAILURES as error:
        # The document or its page tree: no page after this one can be reached.
        outcome.failed += [(number, _reason(error)) for number in sorted(waiting)]
        waiting.clear()
    # Pages past the end of pdfminer's page tree (it counts fewer pages than PDFium).
    outcome.failed += [(number, "pdfminer finds no such page") for number in sorted(waiting)]
    outcome.failed.sort()
    return outcome


_Chars = tuple[list[dict[str, Any]], tuple[float, float, float, float]]


def _plumber_pages(data: bytes, numbers: set[int]) -> Iterator[tuple[int, _Chars | Exception]]:
    """pdfplumber's chars and box of the pages of these numbers, each page read once, in
    page order; or, for a page pdfminer fails on, the error (a second opinion only: PDFium's
    reading of that page stands).

    pdfplumber's ``PDF.pages`` builds every page it is asked for in one go, so that one
    page with a damaged /MediaBox fails them all (and ``close()`` builds them again); the
    pages are built here one at a time instead."""
    import pdfplumber  # heavy: only for pages PDFium could not read
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page as PlumberPage

    # pdfminer logs every oddity of a damaged file; without a handler of the
    # application's own, Python would print them all to stderr.
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).addHandler(_QUIET)
    pdf = pdfplumber.open(io.BytesIO(data))
    try:
        last = max(numbers)
        for number, pdfminer_page in enumerate(PDFPage.create_pages(pdf.doc), 1):
            if number not in numbers:
                if number > last:
                    break
                continue
            try:
                page = PlumberPage(pdf, pdfminer_page, page_number=number)
                read: _Chars | Exception = (page.chars, page.bbox)
                page.close()
            except FAILURES as error:
                read = error
            yield number, read
    finally:
        pdf.flush_cache()  # not close(): that builds every page of the document


def _reason(error: BaseException) -> str:
    """The error in one short line, for the note."""
    return describe(error, limit=80)


def _failures() -> tuple[type[Exception], ...]:
    """What pdfminer and pdfplumber raise on damaged files: their own exceptions, and the
    built-in ones their parsers let through on bytes they do not expect. MemoryError and
    KeyboardInterrupt are not among them."""
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    return (
        PSException, PdfminerException, MalformedPDFException,
        IndexError, KeyError, TypeError, ValueError, AttributeError, AssertionError,
        ArithmeticError, RecursionError, EOFError, NotImplementedError,
        struct.error, zlib.error,
    )  # fmt: skip


FAILURES = _failures()


def notes(outcome: Outcome) -> list[Note]:
    """Pages whose second reading was left out or failed: PDFium's reading stands."""
    found: list[Note] = []
    if outcome.over_budget:
        found.append(
            Note(
                CODE,
                f"page(s) {ranges(outcome.over_budget)} were not read a second time: over "
                f"the budget of {REREAD_MAX_OBJECTS:,} objects a page and {REREAD_BUDGET:,} "
                "in all; their text is PDFium's reading and may miss characters",
            )
        )
    if outcome.failed:
        found.append(
            Note(
                CODE,
                f"the second reading (pdfminer) failed on page(s) "
                f"{ranges([number for number, _ in outcome.failed])}; their text is "
                "PDFium's reading and may miss characters",
                None,
                "\n".join(f"page {number}: {reason}" for number, reason in outcome.failed),
            )
        )
    return found


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
