"""Elements → source lines and tables, the way a browser lays text out.

``<br>`` and block elements (``<p>``, ``<div>``, ``<li>``, ``<h1>``–``<h6>``, ``<tr>`` …)
end a line; inline elements (``<span>``, ``<strong>``, ``<font>``, ``<a>``) do not.
Whitespace collapses as CSS ``white-space: normal`` has it, except that a source line break
between two Chinese characters vanishes (CSS Text 3 §4.1.3, segment break transformation),
so ``健康\\n发展`` reads 健康发展; inside ``<pre>`` (and in a page of bare text with no
markup at all) a newline ends the line. Each line's number is the source line where its first
character stands, counted from lxml's ``sourceline`` of the element the text sits in, so
provenance points into the HTML file.

A data table (two rows or more, two columns or more, no table inside, no cell longer than
1,500 characters) becomes a
:class:`Table`: rowspan continuations are ``continued`` cells with empty text, a colspan
cell appears once. Other tables (layout tables, one-column lists) are read as blocks.

The walk keeps an explicit stack, so a deep tree cannot exhaust Python's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...text import LineHint, SourceLine, Table, TableCell
from .dom import BLOCK_TAGS, OPAQUE_TAGS, tag_of

if TYPE_CHECKING:
    from lxml import etree

_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’]")
_HEADING_HINTS = {"h1": LineHint.HEADING, "h2": LineHint.HEADING, "h3": LineHint.HEADING,
                  "h4": LineHint.HEADING}  # fmt: skip
_MAX_SPAN = 1000
_PREFORMATTED = frozenset({"pre", "listing", "plaintext", "xmp"})
_MAX_CELL_CHARS = 1500  # a longer "cell" is a layout column holding the article


@dataclass(slots=True)
class Rendered:
    lines: list[SourceLine] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def render(
    roots: list[etree._Element],
    *,
    title: etree._Element | None = None,
    tables: bool = True,
) -> Rendered:
    """Lines (and, with ``tables``, data tables) of ``roots`` in document order. ``title``
    is read as one line with :attr:`LineHint.TITLE`, whatever breaks it holds."""
    out = Rendered()
    builder = _LineBuilder(out.lines)
    for root in roots:
        _walk(root, builder, out.tables if tables else None, title)
    builder.flush()
    return out


def lines_of(el: etree._Element) -> list[str]:
    """The text lines of ``el``, tables read cell by cell (each cell its own line)."""
    return [line.text for line in render([el], tables=False).lines]


class _LineBuilder:
    """Collects the text of the line being laid out; a break hands it over as a line."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self._lines = lines
        self._parts: list[str] = []
        self._start: int | None = None
        self.hints: list[LineHint] = []
        self.joining = 0  # inside the title: breaks do not end the line
        self.pre = 0  # inside <pre>: a newline ends the line

    def add(self, text: str | None, line: int) -> None:
        if not text:
            return
        if self.pre and not self.joining and "\n" in text:
            first, *rest = text.split("\n")
            self._add(first, line)
            for offset, part in enumerate(rest, 1):
                self.flush()
                self._add(part, line + offset)
            return
        self._add(text, line)

    def _add(self, text: str, line: int) -> None:
        if self._start is None:
            stripped = text.lstrip(" \t\r\n\f")
            if stripped:
                self._start = line + text[: len(text) - len(stripped)].count("\n")
        self._parts.append(text)

    def brk(self) -> None:
        if not self.joining:
            self.flush()

    def flush(self) -> None:
        text = collapse("".join(self._parts))
        if text.strip(" \u3000\u00a0\u200b\ufeff") and self._start is not None:
            hint = self.hints[-1] if self.hints else None
            self._lines.append(SourceLine(text, self._start, hint=hint))
        self._parts.clear()
        self._start = None


def collapse(text: str) -> str:
    """HTML whitespace: runs become one space; a line break next to a wide character
    disappears; the ends are trimmed."""

    def space(m: re.Match[str]) -> str:
        if "\n" in m.group(0) or "\r" in m.group(0):
            before = text[m.start() - 1 : m.start()]
            after = text[m.end() : m.end() + 1]
            if _WIDE.match(before) or _WIDE.match(after) or not before or not after:
                return ""
        return " "

    return _SPACE_RUN.sub(space, text).strip(" \t\r\n\f")


def _walk(
    root: etree._Element,
    out: _LineBuilder,
    tables: list[Table] | None,
    title: etree._Element | None,
) -> None:
    cursor = root.sourceline or 1
    if not len(root) and tag_of(root) == "body":
        out.pre += 1  # a page of bare text, no markup: its lines are its lines
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, leaving = stack.pop()
        tag = tag_of(el)
        if leaving:
            if tag in _PREFORMATTED:
                out.pre -= 1
            if el is title:
                out.joining -= 1
                out.flush()
                out.hints.pop()
            elif tag in BLOCK_TAGS or tag == "br":
                out.brk()
                if tag in _HEADING_HINTS:
                    out.hints.pop()
            if el is not root and el.tail:
                out.add(el.tail, cursor)
                cursor += el.tail.count("\n")
            continue
        if el.sourceline:
            cursor = el.sourceline
        stack.append((el, True))
        if not tag or tag in OPAQUE_TAGS or tag == "br":
            continue
        if tag == "table" and tables is not None and is_data_table(el):
            out.brk()
            tables.append(read_table(el))
            continue
        if tag in _PREFORMATTED:
            out.pre += 1
        if el is title:
            out.flush()
            out.hints.append(LineHint.TITLE)
            out.joining += 1
        elif tag in BLOCK_TAGS:
            out.brk()
            if tag in _HEADING_HINTS:
                out.hints.append(_HEADING_HINTS[tag])
        out.add(el.text, cursor)
        if el.text:
            cursor += el.text.count("\n")
        stack.extend((child, False) for child in reversed(el))


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (those of a nested table are the nested table's)."""
    rows: list[etree._Element] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child if tag_of(row) == "tr")
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if tag_of(cell) in ("td", "th")]


def is_data_table(table: etree._Element) -> bool:
    """Two rows or more with two cells or more, no table inside and no cell as long as an
    article: a table of data, not a page laid out with a table."""
    if any(tag_of(el) == "table" for el in table.iterdescendants()):
        return False
    rows = table_rows(table)
    if len(rows) < 2 or max(len(_cells(row)) for row in rows) < 2:
        return False
    return all(
        len("".join(cell.itertext())) <= _MAX_CELL_CHARS for row in rows for cell in _cells(row)
    )


def read_table(table: etree._Element) -> Table:
    rows = table_rows(table)
    carried: dict[int, list[int]] = {}  # column → [rows still covered, colspan]
    out_rows: list[tuple[TableCell, ...]] = []
    for index, row in enumerate(rows):
        line = row.sourceline or table.sourceline or 1
        cells: list[TableCell] = []
        column = 0

        def carry(column: int, cells: list[TableCell] = cells, line: int = line) -> int:
            rows_left, span = carried[column]
            cells.append(TableCell("", line, continued=True))
            if rows_left <= 1:
                del carried[column]
            else:
                carried[column] = [rows_left - 1, span]
            return column + span

        for cell in _cells(row):
            while column in carried:
                column = carry(column)
            rowspan = _span(cell.get("rowspan"), len(rows) - index)
            colspan = _span(cell.get("colspan"), _MAX_SPAN)
            text = "\n".join(lines_of(cell))
            cells.append(TableCell(text, cell.sourceline or line))
            if rowspan > 1:
                carried[column] = [rowspan - 1, colspan]
            column += colspan
        for later in sorted(c for c in carried if c >= column):
            carry(later)
        out_rows.append(tuple(cells))
    return Table(tuple(out_rows), table.sourceline or 1)


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan attribute; ``0`` (to the end) and nonsense handled as browsers do."""
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    if number == 0:
        return max(limit, 1)
    return max(1, min(number, limit, _MAX_SPAN))
