"""Positioned glyphs → paragraphs, through the PDF loader's line and layout logic.

For formats that place every character on a page but are not PDF: OFD (its TextCode
positions) and OCR (the boxes of recognised lines). Lines are built by the same baseline
grouping and spacing rules (:func:`.pdf.lines.build_lines`), page furniture found and
paragraphs joined by the same geometry (:mod:`.pdf.layout`), so a document reads the same
whichever of the three it came in. Tables are not looked for here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..text import Note, SourceLine
from .pdf.layout import Measures, find_furniture, paragraphs
from .pdf.lines import Line, build_lines
from .pdf.text import Font, Glyph


@dataclass(slots=True)
class GlyphPage:
    number: int  # 1-based
    width: float  # points
    height: float
    glyphs: list[Glyph]


def page_paragraphs(
    pages: list[GlyphPage], fonts: list[Font]
) -> tuple[list[SourceLine], list[Note]]:
    """The body paragraphs of ``pages`` in reading order, and notes on what was dropped.

    Each paragraph's ``number`` is the running number of its first physical line (furniture
    counted too, as in the PDF loader), ``last`` that of its last line."""
    page_lines = [build_lines(page.glyphs, page.number)[0] for page in pages]
    number = 0
    for lines in page_lines:
        for line in lines:
            number += 1
            line.number = number
    furniture = find_furniture(page_lines)
    kept = [[ln for ln in lines if id(ln) not in furniture] for lines in page_lines]
    body = [line for lines in kept for line in lines]
    notes = _furniture_notes(page_lines, furniture)
    if not body:
        return [], notes
    measures = Measures(kept, [(page.width, page.height) for page in pages])
    weights: Counter[int] = Counter()
    for line in body:
        weights[line.font] += len(line.text)
    body_font = weights.most_common(1)[0][0]
    source = [
        SourceLine(para.text, para.number, para.page, para.hint, last=para.lines[-1].number)
        for para in paragraphs([body], measures, fonts, body_font)
    ]
    return source, notes


def _furniture_notes(page_lines: list[list[Line]], furniture: dict[int, str]) -> list[Note]:
    by_kind: dict[str, list[Line]] = {}
    for lines in page_lines:
        for line in lines:
            if id(line) in furniture:
                by_kind.setdefault(furniture[id(line)], []).append(line)
    return [
        Note(
            "page-furniture",
            f"dropped {len(dropped)} {kind} line(s) on page(s) "
            f"{', '.join(str(p) for p in sorted({line.page for line in dropped}))}",
            dropped[0].number,
            "\n".join(line.text for line in dropped),
        )
        for kind, dropped in by_kind.items()
    ]
