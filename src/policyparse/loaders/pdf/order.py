"""Pages whose reading order the loader can only guess: where it says so.

Lines are read top to bottom, each left to right (:mod:`.lines`). That is the order of an
official document, but not of

- a page set in **two columns**: a line runs across both, so the two columns' sentences
  alternate. Seen as a blank band down the middle of the page with a good share of the
  page's text on either side of it (a centred title crossing the band is allowed for);
- a page whose text runs **a quarter turn** off the page (a landscape table on a portrait
  page without /Rotate): :mod:`.text` reads it turned, which is right unless the page
  mixes directions;
- a **hanging indent** (a labelled item's lines indented under its text, not under its
  label): :mod:`.layout` joins such a line to the item, which is right unless the indented
  line was a new paragraph.

Each becomes a ``reading-order`` note naming the pages.
"""

from __future__ import annotations

from .lines import Line
from .text import Glyph

MIDDLE = (0.25, 0.75)  # the band must lie within this part of the page's width
MIN_BAND = 1.0  # em of the body size: the narrowest gutter
SIDE_SHARE = 0.25  # of the page's glyphs, on each side of the band
CROSSING_SHARE = 0.03  # glyphs that may cross the band (a title or a full-width line)
MIN_GLYPHS = 200  # a page with less text is not judged
CODE = "reading-order"


def may_have_columns(lines: list[Line], width: float) -> bool:
    """False where most of the page's lines run across its middle in one piece (no field
    gap, :mod:`.lines`): a page in one column; the glyph-level search is spared there."""
    low, high = MIDDLE[0] * width, MIDDLE[1] * width
    across = sum(1 for ln in lines if ln.x0 < low and ln.x1 > high and "  " not in ln.text)
    return across * 2 < len(lines)


def gutter(glyphs: list[Glyph], width: float) -> float | None:
    """The middle of the blank band between two columns of text on a page, or None.

    The middle of the page is cut into bins half a band wide; the widest run of bins that
    at most ``CROSSING_SHARE`` of the glyphs touch is the band, if it is wide enough and
    has a share of the text on either side, at the same heights."""
    if len(glyphs) < MIN_GLYPHS:
        return None
    sizes = sorted(g.size for g in glyphs)
    band = MIN_BAND * sizes[len(sizes) // 2]
    low, high = MIDDLE[0] * width, MIDDLE[1] * width
    step = band / 2
    bins = int((high - low) / step) + 1
    touched = [0] * bins
    for g in glyphs:
        if g.x1 <= low or g.x0 >= high:
            continue
        for index in range(
            max(0, int((g.x0 - low) / step)), min(bins, int((g.x1 - low) / step) + 1)
        ):
            touched[index] += 1
    limit = CROSSING_SHARE * len(glyphs)
    run_start: int | None = None
    best = (0, 0)
    for index, count in enumerate([*touched, limit + 1]):
        if count <= limit:
            run_start = index if run_start is None else run_start
        elif run_start is not None:
            if index - run_start > best[1] - best[0]:
                best = (run_start, index)
            run_start = None
    # the bins at the run's ends may be partly covered: only its inner part is blank
    start, end = low + (best[0] + 1) * step, low + best[1] * step
    if end - start < band:
        return None
    rest = [g for g in glyphs if not (g.x0 < end and g.x1 > start)]
    left = sum(1 for g in rest if g.x1 <= start)
    right = len(rest) - left
    if min(left, right) >= SIDE_SHARE * len(glyphs) and _side_by_side(rest, start, end):
        return (start + end) / 2
    return None


def _side_by_side(glyphs: list[Glyph], start: float, end: float) -> bool:
    """Whether the text left and right of the band stands at the same heights (two
    columns), not one block above the other (an indented passage under a full one)."""
    left = [g.base for g in glyphs if g.x1 <= start]
    right = [g.base for g in glyphs if g.x0 >= end]
    top, bottom = max(min(left), min(right)), min(max(left), max(right))
    span = min(max(left) - min(left), max(right) - min(right))
    return span > 0 and bottom - top >= 0.5 * span
