"""``jsonl``: one provision per line, each line self-contained for jq, pandas and databases.

``--table documents`` (or units, deadlines, amounts, warnings) writes that table's rows
instead, one JSON object per line with the columns of writers/tables.py.
"""

from __future__ import annotations

import json
from typing import TextIO

from . import Record
from .tables import TABLES


class JsonlWriter:
    def __init__(self, table: str = "provisions") -> None:
        self._table = table

    def begin(self, out: TextIO) -> None:
        pass

    def document(self, doc: Record, out: TextIO) -> None:
        if self._table != "provisions":
            for row in TABLES[self._table][1](doc):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        context = {
            "doc_path": doc["source"]["path"],
            "doc_title": doc["meta"]["title"],
            "doc_number": doc["meta"]["doc_number"],
        }
        for provision in doc["provisions"]:
            out.write(json.dumps({**context, **provision}, ensure_ascii=False))
            out.write("\n")

    def end(self, out: TextIO) -> None:
        pass


def make(*, many: bool, table: str = "provisions") -> JsonlWriter:
    return JsonlWriter(table)
