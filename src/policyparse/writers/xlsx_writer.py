"""``xlsx``: one workbook, a sheet per table (writers/tables.py), for people in Excel/WPS.

Ids and every other string are written as text cells (2.10 stays 2.10), numbers as
numbers; the header row is bold and frozen; each column is as wide as its longest value
counted in display cells (a Chinese character is two), capped so that a provision's text
wraps instead of running off the screen. xlsxwriter streams each sheet to a temporary
file (``constant_memory``), so a whole corpus fits.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from . import Record
from .tables import TABLES, flat

MAX_WIDTH = 60
MIN_WIDTH = 6


def display_width(value: str) -> int:
    """Columns a string takes on screen: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


class XlsxWriter:
    def __init__(self, path: Path) -> None:
        import xlsxwriter  # only when an xlsx is written

        self._book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        header = self._book.add_format({"bold": True})
        self._sheets: dict[str, Any] = {}
        self._next_row: dict[str, int] = {}
        self._widths: dict[str, list[int]] = {}
        for name, (columns, _) in TABLES.items():
            sheet = self._book.add_worksheet(name)
            sheet.freeze_panes(1, 0)
            for col, column in enumerate(columns):
                sheet.write_string(0, col, column, header)
            self._sheets[name] = sheet
            self._next_row[name] = 1
            self._widths[name] = [max(MIN_WIDTH, len(c) + 2) for c in columns]

    def document(self, doc: Record) -> None:
        for name, (columns, rows_of) in TABLES.items():
            sheet, widths = self._sheets[name], self._widths[name]
            for row in rows_of(doc):
                r = self._next_row[name]
                for col, column in enumerate(columns):
                    value = flat(row[column])
                    if value is None:
                        continue
                    if isinstance(value, str):
                        sheet.write_string(r, col, value)
                        if widths[col] < MAX_WIDTH:  # past the cap, no need to measure
                            width = display_width(value[:MAX_WIDTH]) + 1
                            widths[col] = max(widths[col], width)
                    else:
                        sheet.write_number(r, col, value)
                        widths[col] = max(widths[col], len(str(value)) + 1)
                self._next_row[name] = r + 1

    def close(self) -> None:
        for name, sheet in self._sheets.items():
            for col, width in enumerate(self._widths[name]):
                sheet.set_column(col, col, min(width, MAX_WIDTH))
        self._book.close()


def make_file(path: Path) -> XlsxWriter:
    return XlsxWriter(path)
