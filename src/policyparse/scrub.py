"""Lone surrogates out of a loader's :class:`Text`: the one point every format passes.

A surrogate code point (U+D800–U+DFFF) is half of a UTF-16 pair; alone it is no character,
and no UTF-8 writer can write it (``UnicodeEncodeError``), so one would end the document
at its output. Loaders make them from what a file says: a DOCX ``w:sym w:char="D800"``, a
PDF ToUnicode map pointing at one half of a pair, an escape codec. Rather than guard every
loader, the pipeline hands each loader's Text through :func:`scrub`, which replaces each
one by U+FFFD and notes how many (``lone-surrogates``), in lines, table cells, meta hints
and the loader's own notes alike.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .text import Note, SourceLine, Table, TableCell, Text

_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: Text) -> Text:
    """``text``, in place, without lone surrogates; a note when any were replaced."""
    counter = _Counter()
    text.lines = [counter.line(line) for line in text.lines]
    text.tables = [counter.table(table) for table in text.tables]
    text.meta_hints = {key: counter.text(value) for key, value in text.meta_hints.items()}
    text.notes = [counter.note(note) for note in text.notes]
    if counter.count:
        text.notes.append(
            Note(
                "lone-surrogates",
                f"{counter.count} lone surrogate code point(s) (U+D800–U+DFFF: half of a "
                "UTF-16 pair, not a character) replaced by U+FFFD",
                counter.first,
            )
        )
    return text


class _Counter:
    def __init__(self) -> None:
        self.count = 0
        self.first: int | None = None  # the first line that held one

    def text(self, value: str, line: int | None = None) -> str:
        if not _SURROGATE.search(value):
            return value
        new, count = _SURROGATE.subn("\ufffd", value)
        self.count += count
        if self.first is None:
            self.first = line
        return new

    def line(self, line: SourceLine) -> SourceLine:
        text = self.text(line.text, line.number)
        return line if text is line.text else replace(line, text=text)

    def table(self, table: Table) -> Table:
        before = self.count
        rows = tuple(tuple(self.cell(cell) for cell in row) for row in table.rows)
        return table if self.count == before else replace(table, rows=rows)

    def cell(self, cell: TableCell) -> TableCell:
        text = self.text(cell.text, cell.line)
        return cell if text is cell.text else replace(cell, text=text)

    def note(self, note: Note) -> Note:
        message = self.text(note.message, note.line)
        dropped = self.text(note.text, note.line) if note.text is not None else None
        if message is note.message and dropped is note.text:
            return note
        return replace(note, message=message, text=dropped)
