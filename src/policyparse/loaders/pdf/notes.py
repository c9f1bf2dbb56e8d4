"""The notes the PDF loader leaves on a document: text read with doubt, furniture dropped,
pages without text, reading order guessed."""

from __future__ import annotations

from ...text import Note
from . import order
from .lines import Line
from .tables import Filled
from .text import Page

UNRELIABLE_SHARE = 0.01  # unmapped glyphs above this share of all glyphs: a note
UNRELIABLE_MIN = 5


def quality_note(pages: list[Page], notes: list[Note]) -> None:
    unmapped = sum(page.unmapped for page in pages)
    total = sum(len(page.glyphs) for page in pages)
    if unmapped >= UNRELIABLE_MIN and unmapped > UNRELIABLE_SHARE * total:
        where = [page.number for page in pages if page.unmapped]
        notes.append(
            Note(
                "unreliable-text",
                f"{unmapped} of {total} glyphs have no Unicode mapping (U+FFFD, (cid:N)) on "
                f"page(s) {ranges(where)}; the text may be wrong there",
            )
        )


def order_notes(
    pages: list[Page], columns: list[int], hanging: list[int], notes: list[Note]
) -> None:
    """Where the reading order is a guess (:mod:`.order`)."""
    turned = [page.number for page in pages if page.turned_page]
    if turned:
        notes.append(
            Note(
                order.CODE,
                f"the text of page(s) {ranges(turned)} runs a quarter turn off the page (a "
                "landscape page without /Rotate); it was read turned, as it runs",
            )
        )
    if columns:
        notes.append(
            Note(
                order.CODE,
                f"page(s) {ranges(columns)} look set in two columns (a blank band runs down "
                "the middle); lines were read across both columns, so the order of "
                "sentences there may be wrong",
            )
        )
    if hanging:
        notes.append(
            Note(
                order.CODE,
                f"indented lines under a labelled item on page(s) "
                f"{ranges(sorted(set(hanging)))} were read as a hanging indent (the item "
                "continued), not as new paragraphs",
            )
        )


def lost_note(pages: list[Page], notes: list[Note]) -> None:
    """Text objects that gave no character and that no second reading recovered."""
    lost = [page for page in pages if page.lost]
    if lost:
        notes.append(
            Note(
                "unreliable-text",
                f"{sum(page.lost for page in lost)} text object(s) in a font the PDF does not "
                f"embed gave no characters on page(s) {ranges([p.number for p in lost])}; "
                "their text may be missing",
            )
        )


def furniture_notes(
    page_lines: list[list[Line]], furniture: dict[int, str], notes: list[Note]
) -> None:
    by_kind: dict[str, list[Line]] = {}
    for lines in page_lines:
        for line in lines:
            if id(line) in furniture:
                by_kind.setdefault(furniture[id(line)], []).append(line)
    for kind, dropped in by_kind.items():
        pages = ranges(sorted({line.page for line in dropped}))
        notes.append(
            Note(
                "page-furniture",
                f"dropped {len(dropped)} {kind} line(s) on page(s) {pages}",
                dropped[0].number,
                "\n".join(line.text for line in dropped),
            )
        )


def turned_note(pages: list[Page], notes: list[Note]) -> None:
    turned = [page for page in pages if page.turned]
    if turned:
        where = ranges([page.number for page in turned])
        notes.append(
            Note(
                "page-furniture",
                f"dropped text that does not run with the page (a watermark?) on page(s) {where}",
                None,
                "\n".join(page.turned for page in turned),
            )
        )


def blank_pages_note(
    pages: list[Page],
    page_lines: list[list[Line]],
    page_tables: list[list[Filled]],
    furniture: dict[int, str],
    notes: list[Note],
) -> None:
    """Pages with no body text in a document that has some: scanned pages, most likely."""
    blank = [
        page.number
        for page, lines, tables in zip(pages, page_lines, page_tables, strict=True)
        if not tables and all(id(line) in furniture for line in lines)
    ]
    if blank:
        notes.append(
            Note(
                "no-text-layer",
                f"page(s) {ranges(blank)} have no text (scanned or blank); OCR is not supported",
            )
        )


def ranges(numbers: list[int]) -> str:
    """1, 2, 3, 5 → "1–3, 5"."""
    parts: list[str] = []
    start = prev = numbers[0] if numbers else 0
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
