"""The source text beside the tree: the loader's lines, in the numbering ``source_span`` uses.

A loader numbers what it reads: the lines of a text file, the blocks (paragraphs, table
rows) of a DOCX, the physical lines of a PDF page (a joined paragraph keeps its first and
last line). Table cells carry their own numbers — one per cell in a tab-flattened text
table, one per row in DOCX, HTML and PDF tables — and are not among ``Text.lines``; they
are merged back in here, a row's cells on one line joined by a rule, so that every span a
provision names falls on rows of the page.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..text import Text

CELL_JOIN = " │ "


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the page: its number, the last physical line it covers, its page."""

    number: int
    last: int
    page: int | None
    text: str

    def as_json(self) -> list[object]:
        return [self.number, self.last, self.page, self.text]


def source_rows(text: Text) -> list[Row]:
    """The lines and table cells of ``text``, one row per line number, in number order."""
    rows = [
        Row(ln.number, max(ln.last or ln.number, ln.number), ln.page, ln.text) for ln in text.lines
    ]
    for table in text.tables:
        cells: dict[int, list[str]] = {}
        pages: dict[int, int | None] = {}
        for table_row in table.rows:
            for cell in table_row:
                if cell.continued:
                    continue
                cells.setdefault(cell.line, []).append(cell.text)
                pages.setdefault(cell.line, cell.page if cell.page is not None else table.page)
        rows.extend(Row(n, n, pages[n], CELL_JOIN.join(texts)) for n, texts in cells.items())
    rows.sort(key=lambda r: r.number)
    return rows


@dataclass(frozen=True, slots=True)
class RowIndex:
    """Line numbers → row positions, by binary search (rows are in number order)."""

    numbers: list[int]
    lasts: list[int]

    @classmethod
    def of(cls, rows: list[Row]) -> RowIndex:
        lasts: list[int] = []
        for row in rows:  # running maximum, so that the list stays sorted for bisect
            lasts.append(max(row.last, lasts[-1]) if lasts else row.last)
        return cls([r.number for r in rows], lasts)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and last row that share a line with ``start``–``end``; None if none."""
        first = bisect_left(self.lasts, start)
        last = bisect_right(self.numbers, end) - 1
        if first > last:
            return None
        return first, last

    def at(self, line: int) -> int | None:
        """The row holding ``line``, or the last row before it (a dropped line's place)."""
        found = bisect_right(self.numbers, line) - 1
        return found if found >= 0 else (0 if self.numbers else None)
