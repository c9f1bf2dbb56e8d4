"""Glyphs → text lines: grouped by baseline, ordered left to right, spaced by geometry.

- **Lines.** Glyphs whose baselines lie within half an em of each other form one line, so
  a superscript or a digit in another font stays on its line; lines run top to bottom.
- **Simulated bold.** Word processors and PDF printers fake a bold face by drawing the same
  glyph two to four times, a fraction of a point apart. PDFium already folds a repeated
  text object onto the first; a copy drawn in other runs survives that, so a glyph equal
  to the one just kept and less than a quarter em away is dropped here.
- **Spaces.** A space the PDF draws is evidence of a typed space; a space PDFium or
  pdfplumber makes up at a gap is not (they put one at every font switch: ``〔2020〕19 号``).
  So only drawn spaces are kept from the text layer, and gaps are measured between the
  advance boxes of the visible glyphs either side:

  ==================  ===================================  ===========================
  left / right         drawn space                          no drawn space
  ==================  ===================================  ===========================
  CJK / CJK            nothing (``责任 单位`` → 责任单位);    nothing below 2 em
                       two spaces from 0.6 em (``市金融办  人民银行``: more than one typed,
                       a separator the unit splitter reads)
  CJK / Latin, digit   one space (``APEC 技展会``)            one space from 0.3 em
  Latin / Latin        one space                            one space from 0.15 em
  any with CJK         two spaces from a 2 em gap (fields side by side)
  ==================  ===================================  ===========================

  Without a drawn space, a gap under 0.3 em between CJK and Western text is the
  "autospace" that LibreOffice (0.2 em), Word and XeTeX's xeCJK (0.25 em) add; Chinese
  text wants no space there (``2019年``, ``860号``). A space next to ASCII punctuation goes,
  as in the text normaliser.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

from .text import SPACE, Glyph

SAME_LINE = 0.5  # em: baselines closer than this are one line
DUPLICATE = 0.25  # em: a repeated glyph closer than this is a simulated-bold copy
CJK_LATIN_SPACE = 0.3  # em
LATIN_SPACE = 0.15  # em
FIELD_GAP = 2.0  # em
FIELD_SPACES = 0.6  # em of drawn space between two characters: more than one space typed
LEAD = 8  # glyphs: the start of a line, where a label and a heading sit
_X0, _BASE = attrgetter("x0"), attrgetter("base")
_T = TypeVar("_T")


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the most common glyph size
    font: int  # the most common font
    lead_font: int  # the most common font among the first glyphs (a label and heading)
    page: int
    doubled: bool = False  # simulated-bold copies were dropped from its first glyphs
    number: int = 0  # the running line number, given once the reading order is known


def build_lines(glyphs: list[Glyph], page: int) -> tuple[list[Line], int]:
    """The page's lines top to bottom, and how many simulated-bold copies were dropped."""
    dropped = 0
    lines: list[Line] = []
    for group in _baseline_groups(glyphs):
        group.sort(key=_X0)
        kept = _without_copies(group)
        visible = [g for g in kept if g.char != SPACE]
        if not visible:
            continue
        dropped += len(group) - len(kept)
        line = _line(kept, visible, page)
        line.doubled = len(kept) < len(group) and _doubled_lead(group, visible)
        lines.append(line)
    return lines, dropped


def _baseline_groups(glyphs: list[Glyph]) -> list[list[Glyph]]:
    groups: list[list[Glyph]] = []
    first_base = size = 0.0
    for glyph in sorted(glyphs, key=_BASE):
        if groups and glyph.base - first_base <= SAME_LINE * (
            size if size > glyph.size else glyph.size
        ):
            groups[-1].append(glyph)
            if glyph.size > size:
                size = glyph.size
            continue
        groups.append([glyph])
        first_base, size = glyph.base, glyph.size
    return groups


def _without_copies(glyphs: list[Glyph]) -> list[Glyph]:
    kept: list[Glyph] = []
    for glyph in glyphs:
        if kept and glyph.char == kept[-1].char:
            last = kept[-1]
            near = DUPLICATE * max(glyph.size, last.size)
            # A copy lies well inside the glyph it doubles: "ll" in a proportional font
            # stands a narrow advance (0.22 em) apart, under a quarter em.
            narrow = (last.x1 - last.x0) / 2
            if abs(glyph.x0 - last.x0) < min(near, narrow) and abs(glyph.base - last.base) < near:
                continue
        kept.append(glyph)
    return kept


def _doubled_lead(group: list[Glyph], visible: list[Glyph]) -> bool:
    """Whether copies were dropped among the first few glyphs (a bold label and heading)."""
    end = visible[min(len(visible), LEAD) - 1].x1
    lead = sum(1 for g in visible if g.x0 < end)
    return sum(1 for g in group if g.x0 < end and g.char != SPACE) > lead


def _line(kept: list[Glyph], visible: list[Glyph], page: int) -> Line:
    parts: list[str] = []
    prev: Glyph | None = None
    drawn = 0
    top, bottom, right = visible[0].top, visible[0].bottom, visible[0].x1
    for glyph in kept:
        if glyph.char == SPACE:
            drawn += prev is not None
            continue
        # most neighbours touch: the gap test of space_between, without the call
        if prev is not None and (drawn or glyph.x0 - prev.x1 >= LATIN_SPACE * prev.size):
            parts.append(space_between(prev, glyph, drawn))
        parts.append(glyph.char)
        prev, drawn = glyph, 0
        if glyph.top < top:
            top = glyph.top
        if glyph.bottom > bottom:
            bottom = glyph.bottom
        if glyph.x1 > right:
            right = glyph.x1
    fonts = [g.font for g in visible]
    return Line(
        text="".join(parts),
        x0=visible[0].x0,
        x1=right,
        top=top,
        bottom=bottom,
        size=round(_commonest([g.size for g in visible]), 1),
        font=_commonest(fonts),
        lead_font=_commonest(fonts[:LEAD]),
        page=page,
    )


def _commonest(values: list[_T]) -> _T:
    """The most common value, the first met among equals (as ``Counter.most_common``)."""
    first = values[0]
    if values.count(first) == len(values):  # most lines: one font, one size
        return first
    counts = Counter(values)
    return max(counts, key=counts.__getitem__)


def is_cjk(char: str) -> bool:
    """CJK ideographs and punctuation, full-width forms, and the general punctuation
    (“” — …) that Chinese text sets at full width."""
    return char >= "\u2e80" or "\u2010" <= char <= "\u206f"


def space_between(prev: Glyph, glyph: Glyph, drawn: int = 0) -> str:
    """What separates two neighbouring visible glyphs of a line, ``drawn`` spaces between
    them (see the module's table)."""
    gap = glyph.x0 - prev.x1
    if not drawn and gap < LATIN_SPACE * prev.size:
        return ""  # most pairs: the glyphs touch
    em = prev.size if prev.size > glyph.size else glyph.size
    cjk_left, cjk_right = is_cjk(prev.char[-1]), is_cjk(glyph.char[0])
    if not cjk_left and not cjk_right:
        return " " if drawn or gap >= LATIN_SPACE * em else ""
    if gap >= FIELD_GAP * em or (cjk_left and cjk_right and drawn and gap >= FIELD_SPACES * em):
        return "  "
    if cjk_left and cjk_right:
        return ""
    latin = glyph.char[0] if cjk_left else prev.char[-1]
    if not latin.isalnum():
        return ""
    return " " if drawn or gap >= CJK_LATIN_SPACE * em else ""
