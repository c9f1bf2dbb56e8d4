"""Ruled tables: the grid from pdfplumber, the cell text from our own glyphs.

pdfplumber's table finder (the "lines" strategy: every cell closed by drawn rules, which
is what task-division tables — 工作任务 / 牵头单位 … — are) snaps and joins the ruling lines,
finds their intersections and builds cells and tables from them. It is fed the lines that
PDFium read (:mod:`.pdf_paths`), not a pdfplumber page: opening the page in pdfplumber
would interpret all of it in Python, some 40 ms a page against PDFium's 2 ms, only to
find lines PDFium has already found.

The text of each cell is made from the PDFium glyphs whose centre lies in it, by the same
line builder as the body, so spacing and simulated-bold rules are the same everywhere. A
cell's wrapped lines are joined (CJK without a space); a line that starts with a numbering
label or that follows a short line starts a new line of the cell (``\\n``, as DOCX cells
join their paragraphs).

Merged cells: pdfplumber leaves ``None`` where a cell is covered by a merged one. Covered
from the left (a section row spanning all columns) the cell is left out, as a DOCX gridSpan
cell appears once; covered from above (a task spanning several measure rows) it becomes an
empty ``continued`` cell.

A "table" of one row or one column is a box drawn round text, not a table; its text stays
in the body. So does the text of a table whose cells are all empty (a drawn form).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...lexicon.portal import METADATA_LABELS
from ...text import Table, TableCell
from .layout import Box, cell_text
from .lines import build_lines
from .paths import Segment, counts
from .text import Glyph, Page

_SLACK = 1.0  # points: a glyph on a rule still belongs to the cell it sits in


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table as pdfplumber found it: cell boxes row by row, ``None`` where a merged
    cell covers the place, and the left edge of every column."""

    bbox: Box
    rows: tuple[tuple[Box | None, ...], ...]
    columns: tuple[float, ...]


def has_rules(page: Page) -> bool:
    """Whether the page draws enough straight lines to hold a ruled table."""
    horizontal, vertical = counts(page.rules)
    return horizontal >= 2 and vertical >= 2


def find_grids(page: Page) -> list[Grid]:
    """The page's ruled tables, top to bottom: pdfplumber's table finder ("lines"
    strategy) run on the page's ruling lines as PDFium read them."""
    from pdfplumber.table import TableFinder  # heavy: imported only for pages with rules

    ruled = _Ruled((0.0, 0.0, page.width, page.height), [_edge(s) for s in page.rules])
    grids: list[Grid] = []
    for table in TableFinder(ruled).tables:  # type: ignore[arg-type]
        rows = tuple(tuple(cell for cell in row.cells) for row in table.rows)
        if len(rows) < 2 or max(len(row) for row in rows) < 2:
            continue
        columns = tuple(column.bbox[0] for column in table.columns)
        grids.append(Grid(table.bbox, rows, columns))
    return sorted(grids, key=lambda grid: grid.bbox[1])


@dataclass(frozen=True, slots=True)
class _Ruled:
    """What pdfplumber's TableFinder reads of a page: its box and its edges."""

    bbox: Box
    edges: list[dict[str, Any]]


def _edge(segment: Segment) -> dict[str, Any]:
    x0, top, x1, bottom = segment
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": "h" if top == bottom else "v",
        "object_type": "line",
    }


def inside(glyph: Glyph, box: Box) -> bool:
    x = (glyph.x0 + glyph.x1) / 2
    y = (glyph.top + glyph.bottom) / 2
    return box[0] - _SLACK <= x <= box[2] + _SLACK and box[1] - _SLACK <= y <= box[3] + _SLACK


@dataclass(frozen=True, slots=True)
class Filled:
    """A grid with its cells' text: rows of (text, continued), left-merged places left out."""

    top: float
    rows: tuple[tuple[tuple[str, bool], ...], ...]
    columns: tuple[float, ...]  # left edges, to tell a table continued on the next page

    def table(self, page: int, first: int) -> Table:
        """The :class:`Table`, its rows numbered as running lines from ``first``."""
        return Table(
            rows=tuple(
                tuple(TableCell(text, first + i, page, continued) for text, continued in row)
                for i, row in enumerate(self.rows)
            ),
            line=first,
            page=page,
        )


def fill(grid: Grid, glyphs: list[Glyph], page: int) -> tuple[Filled | None, list[Glyph]]:
    """The grid with its cells' text, and the glyphs that fell in no cell. None (and every
    glyph back) when all cells are empty."""
    boxes = [box for row in grid.rows for box in row if box is not None]
    texts: dict[Box, list[Glyph]] = {box: [] for box in boxes}
    # inside() for every glyph and cell, with each cell's slack added once, not per test
    wide = [
        (box[0] - _SLACK, box[1] - _SLACK, box[2] + _SLACK, box[3] + _SLACK, texts[box])
        for box in boxes
    ]
    rest: list[Glyph] = []
    for glyph in glyphs:
        x = (glyph.x0 + glyph.x1) / 2
        y = (glyph.top + glyph.bottom) / 2
        for x0, top, x1, bottom, home in wide:
            if x0 <= x <= x1 and top <= y <= bottom:
                home.append(glyph)
                break
        else:
            rest.append(glyph)
    if len(rest) == len(glyphs):
        return None, glyphs
    rows: list[tuple[tuple[str, bool], ...]] = []
    for row in grid.rows:
        cells: list[tuple[str, bool]] = []
        for index, cell in enumerate(row):
            if cell is not None:
                cells.append((cell_text(build_lines(texts[cell], page)[0], cell), False))
            elif not _covered_from_left(row, index, grid.columns):
                cells.append(("", True))
        rows.append(tuple(cells))
    return Filled(grid.bbox[1], tuple(rows), grid.columns), rest


def _covered_from_left(row: tuple[Box | None, ...], index: int, columns: tuple[float, ...]) -> bool:
    if index >= len(columns):
        return True
    left_edge = columns[index]
    return any(box is not None and box[2] > left_edge + _SLACK for box in row[:index])


_LABEL_CELL = re.compile(
    "^(?:" + "|".join("[ \u3000]*".join(label) for label in METADATA_LABELS) + ")[ \u3000]*[:：]?$"
)


def is_metadata(filled: Filled) -> bool:
    """Whether a table is a portal's metadata block: every row label cell, value cell, …
    with labels from :data:`~policyparse.lexicon.portal.METADATA_LABELS`, two or more."""
    labels = 0
    for row in filled.rows:
        texts = [text.strip() for text, continued in row if not continued]
        if not texts:
            continue
        if not all(_LABEL_CELL.match(text) for text in texts[::2]):
            return False
        labels += len(texts[::2])
    return labels >= 2
