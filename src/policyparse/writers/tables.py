"""A document record as the rows of flat tables: documents, provisions, units, deadlines,
amounts, warnings — what the csv, jsonl (``--table``), xlsx and sqlite writers share.

Every table names its columns once, here, so the formats cannot drift apart and
docs/outputs.md can list them. Rows are dicts of JSON values; the flat formats (csv,
xlsx, sqlite) write a list (units, labels, keywords, issuers) as a JSON array in a
string (:func:`flat`): unit names hold 、 and brackets (各市〔州〕、县〔市〕政府 is one unit), so no
separator character is safe, while a JSON array reads back exactly and sqlite's
``json_each`` can query it. The long tables (units, deadlines, amounts) are the same
facts one to a row, for people and for joins.

Provision rows carry the document's path as ``doc_path`` (as jsonl has always done), the
long tables as ``document``, beside the provision's ``id`` as ``provision``; the sqlite
writer adds an integer ``doc_id`` key on top.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

Record = dict[str, Any]
Row = dict[str, Any]

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "path",
    "format",
    "encoding",
    "sha256",
    "pages",
    "title",
    "doc_number",
    "issuers",
    "recipients",
    "date",
    "date_raw",
    "kind",
    "provisions",
    "clauses",
    "deadlines",
    "amounts",
    "warnings",
)
PROVISION_COLUMNS: tuple[str, ...] = (
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
    "cells",
    "start_line",
    "end_line",
    "page",
)
UNIT_COLUMNS: tuple[str, ...] = ("unit", "role", "document", "provision")
DEADLINE_COLUMNS: tuple[str, ...] = ("document", "provision", "raw", "date", "kind")
AMOUNT_COLUMNS: tuple[str, ...] = ("document", "provision", "value", "unit", "bound", "kind", "raw")
WARNING_COLUMNS: tuple[str, ...] = ("document", "code", "message", "line", "text")

# Columns that hold an id: written as text everywhere (2.10 is not 2.1).
ID_COLUMNS = frozenset({"id", "parent_id", "provision"})


def flat(value: object) -> str | int | float | None:
    """A cell value for a flat format: a list or mapping becomes compact JSON, Chinese as
    is; everything else stays as it is."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value  # type: ignore[return-value]


def issuers(meta: Record) -> list[str]:
    """meta.issuers when the record has it (joint issuers), else the one issuer."""
    found = meta.get("issuers")
    if found:
        return list(found)
    return [meta["issuer"]] if meta.get("issuer") else []


def document_rows(doc: Record) -> Iterator[Row]:
    source, meta, provisions = doc["source"], doc["meta"], doc["provisions"]
    yield {
        "path": source["path"],
        "format": source["format"],
        "encoding": source.get("encoding"),
        "sha256": source["sha256"],
        "pages": source.get("pages"),
        "title": meta.get("title"),
        "doc_number": meta.get("doc_number"),
        "issuers": issuers(meta),
        "recipients": list(meta.get("recipients") or []),
        "date": meta.get("date"),
        "date_raw": meta.get("date_raw"),
        "kind": meta.get("kind"),
        "provisions": len(provisions),
        "clauses": sum(1 for p in provisions if p["responsibility"]),
        "deadlines": sum(1 for p in provisions if p["deadline"]),
        "amounts": sum(len(p["amounts"]) for p in provisions),
        "warnings": len(doc["warnings"]),
    }


def provision_rows(doc: Record) -> Iterator[Row]:
    document = doc["source"]["path"]
    for p in doc["provisions"]:
        r, d, span = p["responsibility"], p["deadline"], p["source_span"]
        yield {
            "doc_path": document,
            "doc_title": doc["meta"].get("title"),
            "doc_number": doc["meta"].get("doc_number"),
            "id": p["id"],
            "parent_id": p["parent_id"],
            "path": p["path"],
            "level": p["level"],
            "style": p["style"],
            "label": p["label"],
            "labels": p["labels"],
            "heading": p["heading"],
            "text": p["text"],
            "lead": r["lead"] if r else None,
            "support": r["support"] if r else None,
            "responsibility": r["raw"] if r else None,
            "deadline": d["raw"] if d else None,
            "deadline_date": d["date"] if d else None,
            "deadline_kind": d["kind"] if d else None,
            "amounts": [a["raw"] for a in p["amounts"]],
            "keywords": p["keywords"],
            "cells": p["cells"],
            "start_line": span["start_line"],
            "end_line": span["end_line"],
            "page": span.get("page"),
        }


def unit_rows(doc: Record) -> Iterator[Row]:
    document = doc["source"]["path"]
    for p in doc["provisions"]:
        r = p["responsibility"]
        if not r:
            continue
        for role in ("lead", "support"):
            for unit in r[role]:
                yield {"unit": unit, "role": role, "document": document, "provision": p["id"]}


def deadline_rows(doc: Record) -> Iterator[Row]:
    document = doc["source"]["path"]
    for p in doc["provisions"]:
        d = p["deadline"]
        if d:
            yield {"document": document, "provision": p["id"], **_pick(d, DEADLINE_COLUMNS)}


def amount_rows(doc: Record) -> Iterator[Row]:
    document = doc["source"]["path"]
    for p in doc["provisions"]:
        for a in p["amounts"]:
            yield {"document": document, "provision": p["id"], **_pick(a, AMOUNT_COLUMNS)}


def warning_rows(doc: Record) -> Iterator[Row]:
    document = doc["source"]["path"]
    for w in doc["warnings"]:
        yield {"document": document, **_pick(w, WARNING_COLUMNS)}


def _pick(record: Record, columns: tuple[str, ...]) -> Row:
    return {c: record.get(c) for c in columns if c not in ("document", "provision")}


RowsOf = Callable[[Record], Iterator[Row]]

# name → (columns, rows of one document); the order is the order of sheets and tables.
TABLES: dict[str, tuple[tuple[str, ...], RowsOf]] = {
    "documents": (DOCUMENT_COLUMNS, document_rows),
    "provisions": (PROVISION_COLUMNS, provision_rows),
    "units": (UNIT_COLUMNS, unit_rows),
    "deadlines": (DEADLINE_COLUMNS, deadline_rows),
    "amounts": (AMOUNT_COLUMNS, amount_rows),
    "warnings": (WARNING_COLUMNS, warning_rows),
}
