"""``csv``: one provision per row, for Excel: UTF-8 with a BOM, list fields joined with 、.

A document made of table rows gets one extra column per table header, so a task-division
table opens in Excel as the table it was; ``labels`` is written as the label chain reads
(二、（三）5.), because 、 is part of the labels themselves.
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from . import Record

BOM = "\ufeff"
COLUMNS: tuple[str, ...] = (
    "doc_path",
    "doc_title",
    "doc_number",
    "id",
    "parent_id",
    "path",
    "level",
    "style",
    "label",
    "labels",
    "heading",
    "text",
    "lead",
    "support",
    "responsibility",
    "deadline",
    "deadline_date",
    "deadline_kind",
    "amounts",
    "keywords",
    "start_line",
    "end_line",
    "page",
)
LIST_SEPARATOR = "、"


class CsvWriter:
    """``cell_columns``: write table cells as columns (one document, whose header is known
    only once it is parsed) or as one JSON column (a corpus, whose header comes first).

    ``document`` alone writes rows only — how a batch worker renders its part of a
    combined file, whose BOM and header the main process writes with ``begin``."""

    def __init__(self, *, cell_columns: bool) -> None:
        self._cell_columns = cell_columns

    def begin(self, out: TextIO) -> None:
        out.write(BOM)
        if not self._cell_columns:
            csv.writer(out, lineterminator="\r\n").writerow([*COLUMNS, "cells"])

    def document(self, doc: Record, out: TextIO) -> None:
        headers = _cell_headers(doc) if self._cell_columns else []
        writer = csv.writer(out, lineterminator="\r\n")
        if self._cell_columns:
            writer.writerow([*COLUMNS, *headers])
        for provision in doc["provisions"]:
            row = _row(doc, provision)
            cells = provision["cells"]
            if self._cell_columns:
                row.extend((cells or {}).get(h, "") for h in headers)
            else:
                row.append(json.dumps(cells, ensure_ascii=False) if cells else "")
            writer.writerow(row)

    def end(self, out: TextIO) -> None:
        pass


def _cell_headers(doc: Record) -> list[str]:
    headers: dict[str, None] = {}
    for provision in doc["provisions"]:
        for header in provision["cells"] or {}:
            headers.setdefault(header, None)
    return list(headers)


def _row(doc: Record, p: Record) -> list[object]:
    r = p["responsibility"]
    d = p["deadline"]
    span = p["source_span"]
    return [
        doc["source"]["path"],
        doc["meta"]["title"] or "",
        doc["meta"]["doc_number"] or "",
        p["id"],
        p["parent_id"] or "",
        LIST_SEPARATOR.join(str(n) for n in p["path"]),
        p["level"],
        p["style"],
        p["label"],
        "".join(p["labels"]),
        p["heading"] or "",
        p["text"],
        LIST_SEPARATOR.join(r["lead"]) if r else "",
        LIST_SEPARATOR.join(r["support"]) if r else "",
        r["raw"] if r else "",
        d["raw"] if d else "",
        (d["date"] or "") if d else "",
        d["kind"] if d else "",
        LIST_SEPARATOR.join(a["raw"] for a in p["amounts"]),
        LIST_SEPARATOR.join(p["keywords"]),
        span["start_line"],
        span["end_line"],
        span["page"] if span["page"] is not None else "",
    ]


def make(*, many: bool) -> CsvWriter:
    return CsvWriter(cell_columns=not many)
