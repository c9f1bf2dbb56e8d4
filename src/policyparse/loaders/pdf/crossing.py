"""A ruled table that runs on over a page break is one table, as in the document it came from.

A word processor prints a long table over several pages: it repeats the header row at the
top of each page (Word's "repeat as header row", ``w:tblHeader``) and splits a row whose
cells do not fit, carrying the rest of its text to the next page. In the PDF each page holds
a table of its own. Where a page's table is the last thing on its page and the next page
starts with a table of the same columns, the second continues the first:

- its first row, if it repeats the first table's first row cell for cell, is the repeated
  header: it is dropped (and reported, see :func:`join`);
- its next row, if it only carries on the cells of the row above the break, is the rest of
  that row: each of its non-empty cells continues a cell of the last row that did not end
  a sentence (``…建立研发准备金`` | ``制度。``), and some cell that had text above the break
  has none below it. Its text is appended to that row's cells;
- every other row is appended as it is, with its own line and page.
"""

from __future__ import annotations

from ...text import Table, TableCell
from .layout import wrap_joint

COLUMN_SLACK = 2.0  # points between the left edges of two columns taken as the same
_SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?", ";")


def same_columns(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= COLUMN_SLACK for x, y in zip(a, b, strict=True))


def join(first: Table, then: Table) -> tuple[Table, list[str]]:
    """``first`` with ``then`` run on; and the repeated header rows that were dropped, each
    as its cells' text joined by tabs."""
    rows = list(then.rows)
    dropped: list[str] = []
    if rows and _texts(rows[0]) == _texts(first.rows[0]):
        dropped.append("\t".join(_texts(rows.pop(0))))
    head = list(first.rows)
    if rows and _carries_on(head[-1], rows[0]):
        head[-1] = tuple(
            _continue(above, below) for above, below in zip(head[-1], rows.pop(0), strict=True)
        )
    return Table(rows=(*head, *rows), line=first.line, page=first.page), dropped


def _texts(row: tuple[TableCell, ...]) -> list[str]:
    return [cell.text for cell in row]


def _carries_on(above: tuple[TableCell, ...], below: tuple[TableCell, ...]) -> bool:
    if len(above) != len(below) or any(cell.continued for cell in below):
        return False
    filled = [i for i, cell in enumerate(below) if cell.text]
    if not filled:
        return False
    if any(not above[i].text or above[i].text.endswith(_SENTENCE_END) for i in filled):
        return False
    return any(cell.text and not below[i].text for i, cell in enumerate(above))


def _continue(above: TableCell, below: TableCell) -> TableCell:
    if not below.text:
        return above
    text = above.text + wrap_joint(above.text, below.text) + below.text
    return TableCell(text, above.line, above.page, above.continued)
