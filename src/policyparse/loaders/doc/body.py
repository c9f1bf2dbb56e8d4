"""The main text of a .doc, walked in character order: paragraphs and table rows as blocks.

Word 97 keeps the structure in the characters themselves (MS-DOC §2.8.25):

- U+000D ends a paragraph; U+000C (page or section break) ends one too;
- U+0007 ends a table cell, or a table row (:mod:`.paragraphs` tells which);
- U+0013 … U+0014 … U+0015 is a field: its code (``PAGE``, ``HYPERLINK "…"``) before the
  separator is left out, its result after it kept; a field without a separator shows
  nothing; fields nest;
- U+000B is a line break inside a paragraph: nothing between two CJK characters, a space
  otherwise (as in the DOCX loader);
- U+0001 (a picture), U+0008 (a drawn object), U+0002 and U+0005 (note marks) are anchors,
  not text; a tab is a space; U+001E is a non-breaking hyphen, U+001F an optional one.

Blocks are numbered as the DOCX loader numbers them: every paragraph is a block, every
table row is a block. A cell's paragraphs are joined by ``\\n`` (empty ones dropped); a
table inside a cell is flattened into that cell.
"""

from __future__ import annotations

import re

from ...text import SourceLine, Table, TableCell
from .paragraphs import Marks, Props
from .stream import Stream

_PARA, _CELL, _PAGE = "\r", "\x07", "\x0c"
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
_BREAK = "\x0b"
_SPECIAL = re.compile("[\r\x07\x0c\x13\x14\x15]")
_DROP = re.compile("[\x00-\x06\x08\x0e-\x1d\uf000-\uf0ff]")  # stray field marks too
_REPLACE = str.maketrans({"\t": " ", "\x1e": "-", "\x1f": ""})
_BREAKS = re.compile(f"{_BREAK}+")


class BodyReader:
    """Walks the main text once; ``lines`` and ``tables`` hold the result."""

    def __init__(self, stream: Stream, marks: Marks) -> None:
        self._stream = stream
        self._marks = marks
        self._blocks = 0
        self.lines: list[SourceLine] = []
        self.tables: list[Table] = []
        self._rows: list[tuple[TableCell, ...]] = []
        self._cells: list[TableCell] = []
        self._cell: list[str] = []
        self._table_start = 0
        self._previous_mark = ""

    def read(self) -> None:
        text = self._stream.text(0, self._stream.fib.ccp_text)
        fields: list[bool] = []  # open fields: True once past their separator
        start = 0
        pieces: list[str] = []
        for m in _SPECIAL.finditer(text):
            cp, char = m.start(), m.group()
            if char == _FIELD_BEGIN:
                if _showing(fields):
                    pieces.append(text[start:cp])
                fields.append(False)
                start = cp + 1
            elif char in (_FIELD_SEP, _FIELD_END):
                if not fields:
                    continue  # a stray separator: kept as text, then dropped as a control
                if _showing(fields):
                    pieces.append(text[start:cp])
                if char == _FIELD_SEP:
                    fields[-1] = True
                else:
                    fields.pop()
                start = cp + 1
            elif _showing(fields):
                pieces.append(text[start:cp])
                self._mark(_clean("".join(pieces)), char, cp)
                pieces, start = [], cp + 1
        if _showing(fields):
            pieces.append(text[start:])
        rest = _clean("".join(pieces))
        if rest.strip():
            self._mark(rest, _PARA, None)
        self._close_table()

    def _mark(self, text: str, mark: str, cp: int | None) -> None:
        props = self._marks.at(self._stream.fc(cp)) if cp is not None else Props()
        if mark == _CELL:
            if props.row_end or (not self._marks.readable and self._row_end_by_shape(text)):
                self._end_row()
            else:
                self._cell.append(text)
                self._end_cell()
        elif props.depth or self._cell or self._cells:
            # A paragraph inside a cell; a nested table's cell and row marks are paragraph
            # marks too, flattened into the outer cell.
            if not props.inner_row_end:
                self._cell.append(text)
        else:
            self._close_table()
            self._blocks += 1
            self.lines.append(SourceLine(text, self._blocks))
        self._previous_mark = mark if mark == _CELL and not props.row_end else ""

    def _row_end_by_shape(self, text: str) -> bool:
        return not text and self._previous_mark == _CELL and not self._cell

    def _end_cell(self) -> None:
        joined = "\n".join(part for part in self._cell if part.strip())
        if not self._rows and not self._cells:
            self._table_start = self._blocks + 1
        self._cells.append(TableCell(joined, self._blocks + 1))
        self._cell = []

    def _end_row(self) -> None:
        if self._cell:
            self._cell.append("")
            self._end_cell()
        if not self._rows and self._cells:
            self._table_start = self._blocks + 1
        self._blocks += 1
        self._rows.append(tuple(self._cells))
        self._cells = []

    def _close_table(self) -> None:
        if self._cells or self._cell:
            self._end_row()  # a row whose end mark is missing (a damaged file)
        if self._rows:
            self.tables.append(Table(rows=tuple(self._rows), line=self._table_start))
            self._rows = []


def _showing(fields: list[bool]) -> bool:
    """Whether text at this point is displayed: outside fields, or in every open field's
    result."""
    return all(fields)


def _clean(text: str) -> str:
    text = _DROP.sub("", text.translate(_REPLACE))
    return _BREAKS.sub(_break, text) if _BREAK in text else text


def _break(m: re.Match[str]) -> str:
    text = m.string
    before = text[m.start() - 1] if m.start() > 0 else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if not before or not after or before.isspace() or after.isspace():
        return ""
    return "" if _cjk(before) and _cjk(after) else " "


def _cjk(char: str) -> bool:
    return char >= "\u2e80"
