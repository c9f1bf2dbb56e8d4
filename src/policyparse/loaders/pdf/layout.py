"""Page furniture out, lines back into paragraphs — decided by where the lines stand.

**Furniture** is looked for among the first and last two lines of every page:

- a page number as GB/T 9704 prints it (``— 3 —``), as converters leave it (``- 3 -``,
  ``第 3 页 共 9 页``, ``3/9``), or a lone number as a page's top or bottom line;
- a running header or footer: a line that, with its digits masked, stands at the top (or
  the bottom) of more than half of the pages (at least two);
- the stamp a phone-scanner app prints on every page (``扫描全能王 创建``);
- what a browser prints on a page saved as PDF, one page is enough: a top line that
  starts with the print date and time (``2024/5/8 10:23  page title``), a bottom line
  that is a web address (and ``1/2``), either set smaller than the body (a web address
  that ends a document is its text).

**Paragraphs.** A line continues the paragraph above it unless one of these says it starts
a new one (the same tests hold across a page break, so a sentence split by the break, its
footer in between, is whole again):

- it starts with a numbering label (``（三）``, ``2.``; :func:`starts_with_label`);
- it is indented: it starts right of the left margin (a first-line indent, a centred line);
- the line above ends short of the right margin (that line ended its paragraph) — by more
  than 1.5 em, or 3.5 em where paragraphs start indented (kinsoku can push a character and
  its punctuation to the next line, and the indent already tells where paragraphs start);
- the gap above it is wider than the page's line pitch, or its size differs (a title);
- a table stands between them.

Margins are measured over the pages of the same size (a landscape page of a portrait
document is measured against its own kind): the left one is the leftmost line start that
recurs, the right one the most common line end (or the mirror of the left one where
the lines are too short to show it).

A paragraph that starts with a label and whose first glyphs are set in a 黑体/楷体 or bold
face, other than the body's, is hinted as a heading (it confirms a level, never invents one).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from ...lexicon.furniture import PAGE_NUMBER, classify_junk
from ...lexicon.labels import starts_with_label
from ...text import LineHint
from .lines import Line, is_cjk
from .text import Font

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in display points

EDGE_LINES = 2  # furniture is looked for among this many lines at a page's top and bottom
INDENT = 0.75  # em right of the left margin: an indented line
SHORT = 1.5  # em short of the right margin: a line that ends its paragraph …
SHORT_INDENTED = 3.5  # … where paragraphs start indented, so the indent tells most ends
SIZE_CHANGE = 0.15  # relative size difference that separates two paragraphs
EXTRA_GAP = 0.6  # em more than the usual gap between two lines: a paragraph gap
HANG = (1.0, 4.0)  # em: how far a hanging indent stands in from the margin
CELL_SHORT = 2.0  # em short of a cell's edge: ends a paragraph after a sentence or a unit
CELL_BREAK = 5.0  # em short of a cell's edge: ends a paragraph whatever it ends with

_LONE_NUMBER = re.compile(r"^[\s\u3000]*\d{1,4}[\s\u3000]*$")
_SCANNER_STAMP = re.compile(r"扫描全能王|全能扫描王|CamScanner", re.I)
# What a browser prints on every page of a "Save as PDF": the print date and time at the
# top left (Chrome and Edge: 2024/5/8 10:23, 2024/5/8 上午10:23, 5/8/24, 10:23 AM), the
# page's title beside it; the address and "1/2" at the foot.
_PRINT_STAMP = re.compile(
    r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \u3000]+(?:上午|下午|AM|PM)?[ \u3000]*\d{1,2}:\d{2}"
    r"(?::\d{2})?(?:[ \u3000]*(?:AM|PM))?(?:[ \u3000]|$)",
    re.I,
)
_PRINT_ADDRESS = re.compile(r"^(?:https?://|file:///|www\.)\S+(?:[ \u3000]+\d{1,4}/\d{1,4})?$")
_CELL_PARAGRAPH_END = ("。", "；", "！", "？", "）", ")", "》", "」")
# The last character of a unit name (the organ words of clauses/units, in short).
_UNIT_END = re.compile(r"(?:[局厅委办府会室部院行处所队站司组]|中心|单位|部门|公司|机构)$")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"[\s\u3000]+")


@dataclass(slots=True)
class Paragraph:
    text: str
    number: int  # the running number of its first line
    page: int
    hint: LineHint | None = None
    lines: list[Line] = field(default_factory=list)


def find_furniture(pages: list[list[Line]]) -> dict[int, str]:
    """Furniture lines by ``id(line)``, each with what it is."""
    found: dict[int, str] = {}
    sizes: Counter[float] = Counter()  # characters by size, first and last lines aside
    for lines in pages:
        for line in lines[1:-1]:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    top: dict[str, list[Line]] = defaultdict(list)
    bottom: dict[str, list[Line]] = defaultdict(list)
    for lines in pages:
        for position, line in enumerate(lines):
            from_end = len(lines) - 1 - position
            if position >= EDGE_LINES and from_end >= EDGE_LINES:
                continue
            text = line.text
            if classify_junk(text) is PAGE_NUMBER or (
                (position == 0 or from_end == 0) and _LONE_NUMBER.match(text)
            ):
                found[id(line)] = "page number"
            elif _SCANNER_STAMP.search(text) and len(text) <= 20:
                found[id(line)] = "scanner stamp"
            elif line.size < body_size and position == 0 and _PRINT_STAMP.match(text):
                found[id(line)] = "browser header"
            elif line.size < body_size and from_end == 0 and _PRINT_ADDRESS.match(text):
                found[id(line)] = "browser footer"
            else:
                key = _DIGITS.sub("#", _SPACE.sub("", text))
                (top if position < EDGE_LINES else bottom)[key].append(line)
    enough = max(2, len(pages) // 2 + 1)
    for where, candidates in (("running header", top), ("running footer", bottom)):
        for repeated in candidates.values():
            if len({line.page for line in repeated}) >= enough:
                found.update((id(line), where) for line in repeated)
    return found


class Measures:
    """Margins per page size and the usual gap between lines, from the body lines."""

    def __init__(self, pages: list[list[Line]], sizes: list[tuple[float, float]]) -> None:
        lefts: dict[tuple[int, int], Counter[int]] = defaultdict(Counter)
        rights: dict[tuple[int, int], Counter[int]] = defaultdict(Counter)
        gaps: Counter[int] = Counter()
        self._class = [(round(w), round(h)) for w, h in sizes]
        for index, lines in enumerate(pages):
            key = self._class[index]
            for prev, line in zip([None, *lines], lines, strict=False):
                lefts[key][round(line.x0)] += 1
                if len(line.text) >= 8:
                    rights[key][round(line.x1)] += 1
                if prev is not None and abs(prev.size - line.size) < 0.5:
                    gaps[round((line.top - prev.bottom) / line.size * 10)] += 1
        self._left = {key: _left_margin(c) for key, c in lefts.items()}
        self._right = {key: _right_margin(c, lefts[key], key[0]) for key, c in rights.items()}
        self.gap = (_mode(gaps) / 10) if gaps else 1.0
        labelled = [line for lines in pages for line in lines if starts_with_label(line.text)]
        indented = sum(1 for line in labelled if self.indented(line))
        # A wrapped line can end well short of the margin: kinsoku moves a character and
        # its closing punctuation to the next line. Where paragraphs start indented,
        # trust the indent and take only a clearly short line as a paragraph's end.
        self.short = SHORT_INDENTED if labelled and indented * 2 >= len(labelled) else SHORT

    def indented(self, line: Line) -> bool:
        return line.x0 > self.left(line.page) + INDENT * line.size

    def left(self, page: int) -> float:
        return self._left.get(self._class[page - 1], 0.0)

    def right(self, page: int) -> float:
        return self._right.get(self._class[page - 1], float("inf"))


def _left_margin(counter: Counter[int]) -> float:
    """The leftmost line start that recurs: in a short document indented first lines can
    outnumber the lines that start at the margin, so the most common start will not do."""
    enough = max(2, sum(counter.values()) // 20)
    recurring = [x for x, count in counter.items() if count >= enough]
    return float(min(recurring)) if recurring else _mode(counter)


def _right_margin(ends: Counter[int], starts: Counter[int], width: int) -> float:
    """The most common line end; but where that makes a column narrower than half the page
    (every paragraph one short line), the mirror of the leftmost start: margins are near
    symmetric in official documents (GB/T 9704: 28 mm left, 26 mm right)."""
    common = _mode(ends)
    leftmost = min(starts)
    return common if common - leftmost >= width / 2 else float(width - leftmost)


def _mode(counter: Counter[int]) -> float:
    """The most common value; among equally common ones the smallest, for stability."""
    best = max(counter.values())
    return float(min(value for value, count in counter.items() if count == best))


def starts_paragraph(prev: Line, line: Line, measures: Measures) -> bool:
    """Whether ``line`` opens a new paragraph rather than continuing the one ``prev`` is in."""
    if starts_with_label(line.text):
        return True
    if abs(prev.size - line.size) > SIZE_CHANGE * max(prev.size, line.size):
        return True
    if measures.indented(line):
        return True
    if prev.x1 < measures.right(prev.page) - measures.short * prev.size:
        return True
    if prev.page == line.page:
        return (line.top - prev.bottom) / line.size > measures.gap + EXTRA_GAP
    return False


def paragraphs(
    blocks: list[list[Line]],
    measures: Measures,
    fonts: list[Font],
    body_font: int,
    hanging: list[int] | None = None,
) -> list[Paragraph]:
    """Paragraphs from runs of body lines in reading order; a new run (after a table)
    always starts a new paragraph. The pages of lines joined as a hanging indent go to
    ``hanging``."""
    out: list[Paragraph] = []
    for block in blocks:
        current: Paragraph | None = None
        for line in block:
            hung = current is not None and hangs(current.lines, line, measures)
            if hung and hanging is not None:
                hanging.append(line.page)
            if current is None or (
                not hung and starts_paragraph(current.lines[-1], line, measures)
            ):
                current = Paragraph(line.text, line.number, line.page, lines=[line])
                current.hint = _hint(line, fonts, body_font)
                out.append(current)
            else:
                current.text += wrap_joint(current.text, line.text) + line.text
                current.lines.append(line)
    return out


def hangs(above: list[Line], line: Line, measures: Measures) -> bool:
    """Whether ``line`` continues a labelled item set with a hanging indent: the item's
    first line starts with a label at the left margin and runs to the right one, and its
    following lines (this one too) stand indented by one to four ems, all alike, under
    the text after the label. Paragraphs of a document that indents first lines start
    indented themselves, so this shape does not arise there."""
    first, prev = above[0], above[-1]
    if not measures.indented(line) or measures.indented(first):
        return False
    if first.x1 < measures.right(first.page) - measures.short * first.size:
        return False  # the item's first line ended short: the item ended there
    if prev is not first and abs(prev.x0 - line.x0) > 0.3 * line.size:
        return False  # earlier lines of the item stand elsewhere
    indent = (line.x0 - measures.left(line.page)) / line.size
    if not HANG[0] <= indent <= HANG[1]:
        return False
    return starts_with_label(first.text) and not starts_with_label(line.text)


def _hint(line: Line, fonts: list[Font], body_font: int) -> LineHint | None:
    font = fonts[line.lead_font]
    styled = line.lead_font != body_font and (font.heading or font.bold)
    if not (styled or line.doubled):
        return None
    return LineHint.HEADING if starts_with_label(line.text) else None


def cell_text(lines: list[Line], box: Box) -> str:
    """A cell's lines as its text: wrapped lines joined, paragraphs on lines of their own.

    Cells are narrow, so a wrap can leave a line well short of the edge (a Latin word or a
    number that did not fit, kinsoku moving a character with its closing quote). A line
    ends its paragraph when it stops short of the cell's right edge (less the padding seen
    on the left) by ``CELL_BREAK`` em, or by ``CELL_SHORT`` em after a sentence end, a
    closing bracket or a unit name (``市财政局`` / ``市统计局``, one a line); a line that
    starts with a numbering label starts a paragraph.
    """
    if not lines:
        return ""
    padding = max(0.0, min(line.x0 for line in lines) - box[0])
    right = box[2] - padding
    text = lines[0].text
    for prev, line in pairwise(lines):
        short = (right - prev.x1) / prev.size
        ends = prev.text.endswith(_CELL_PARAGRAPH_END) or bool(_UNIT_END.search(prev.text))
        if starts_with_label(line.text) or short >= CELL_BREAK or (short >= CELL_SHORT and ends):
            text += "\n" + line.text
        else:
            text += wrap_joint(text, line.text) + line.text
    return text


def wrap_joint(before: str, after: str) -> str:
    """What goes where a line wrapped: a space only between two Latin words or numbers."""
    last, first = before[-1:], after[:1]
    if last and first and not is_cjk(last) and not is_cjk(first):
        return " " if last.isalnum() and first.isalnum() else ""
    return ""
