"""``csv``: one table (provisions by default) for Excel: UTF-8 with a BOM, CRLF rows.

The columns are fixed per table (writers/tables.py), whatever the number of documents, so
a script reads one file of one input and a combined corpus alike; a task table's cells
are one JSON column, ``cells``. List fields are JSON arrays (unit names hold 、, so no
separator is safe). Ids are written as Excel's text formula ``="2.10"``: a spreadsheet
reads a bare 2.10 as the number 2.1 (and 1.1 as a date), which turns 第十条 of chapter 2
into 第一条; read the CSV with pandas as ``pd.read_csv(f).replace(r'^="(.*)"$', r'\\1',
regex=True)``, or use jsonl or sqlite, which need no such care.
"""

from __future__ import annotations

import csv
from typing import TextIO

from . import Record
from .tables import ID_COLUMNS, TABLES, flat

BOM = "\ufeff"


def text_cell(value: str) -> str:
    """A value a spreadsheet shows as the text it is, never as a number or a date."""
    return '="' + value.replace('"', '""') + '"'


class CsvWriter:
    """``begin`` writes the BOM and the header; ``document`` alone writes rows only — how a
    batch worker renders its part of a combined file."""

    def __init__(self, table: str = "provisions") -> None:
        self._columns, self._rows = TABLES[table]

    def begin(self, out: TextIO) -> None:
        out.write(BOM)
        csv.writer(out, lineterminator="\r\n").writerow(self._columns)

    def document(self, doc: Record, out: TextIO) -> None:
        writer = csv.writer(out, lineterminator="\r\n")
        for row in self._rows(doc):
            writer.writerow([_cell(column, row[column]) for column in self._columns])

    def end(self, out: TextIO) -> None:
        pass


def _cell(column: str, value: object) -> object:
    if value is None:
        return ""
    if column in ID_COLUMNS:
        return text_cell(str(value))
    return flat(value)


def make(*, many: bool, table: str = "provisions") -> CsvWriter:
    return CsvWriter(table)
