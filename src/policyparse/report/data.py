"""The page's data: documents with their source rows and marks, the matrix, the totals.

Plain JSON, shaped for the script that draws the page: a provision carries the rows it
covers (``rows``: first and last position in the document's ``rows``), so a click marks
them without searching; a warning carries the row it arose on. The matrix is
:func:`policyparse.matrix.long_rows` itself — the rows ``policyparse units`` prints — so
the page's totals are that command's counts.
"""

from __future__ import annotations

from typing import Any

from ..matrix import long_rows, per_unit
from ..writers import Record
from ..writers.tables import document_rows, issuers
from .inputs import Failure, Loaded
from .marks import Marker, provision_terms, without_overlaps
from .source import RowIndex

PageData = dict[str, Any]

SNIPPET = 48  # characters of a provision's text shown in the tree when it has no heading


def page_data(loaded: list[Loaded], failures: list[Failure], title: str) -> PageData:
    documents = [document_data(item) for item in loaded]
    matrix = matrix_data([item.record for item in loaded])
    return {
        "title": title,
        "documents": documents,
        "failures": [{"path": f.path, "kind": f.kind, "reason": f.reason} for f in failures],
        "matrix": matrix,
        "totals": totals(documents, failures, matrix),
    }


def document_data(item: Loaded) -> PageData:
    record = item.record
    meta = record["meta"]
    rows = item.rows
    index = RowIndex.of(rows) if rows is not None else None
    marker = Marker(rows) if rows is not None else None
    provisions: list[PageData] = []
    marks = []
    for p in record["provisions"]:
        span = p["source_span"]
        covered = index.span(span["start_line"], span["end_line"]) if index else None
        if covered is not None and marker is not None:
            marks += marker.marks(*covered, provision_terms(p))
        provisions.append(_provision(p, covered))
    counts = next(document_rows(record))
    return {
        "path": record["source"]["path"],
        "format": record["source"]["format"],
        "encoding": record["source"].get("encoding"),
        "pages": record["source"].get("pages"),
        "meta": {
            "title": meta.get("title"),
            "body_title": meta.get("body_title"),
            "doc_number": meta.get("doc_number"),
            "issuers": issuers(meta),
            "recipients": meta.get("recipients") or [],
            "date": meta.get("date"),
            "date_raw": meta.get("date_raw"),
            "kind": meta.get("kind"),
            "citations": meta.get("citations") or [],
            "attachments": meta.get("attachments") or [],
        },
        "counts": {k: counts[k] for k in ("provisions", "clauses", "deadlines", "amounts")},
        "provisions": provisions,
        "warnings": [
            {**w, "row": index.at(w["line"]) if index and w.get("line") else None}
            for w in record["warnings"]
        ],
        "rows": [r.as_json() for r in rows] if rows is not None else None,
        "marks": [list(m) for m in without_overlaps(marks)],
    }


def _provision(p: Record, covered: tuple[int, int] | None) -> PageData:
    r, d, span = p["responsibility"], p["deadline"], p["source_span"]
    return {
        "id": p["id"],
        "parent": p["parent_id"],
        "level": p["level"],
        "label": p["label"],
        "heading": p["heading"],
        "snippet": p["heading"] or _clip(p["text"].split("\n", 1)[0]),
        # the text is on the page already as the source rows; only a provision without
        # rows carries it (a third of a corpus report's size)
        "text": p["text"] if covered is None else None,
        "lead": r["lead"] if r else [],
        "support": r["support"] if r else [],
        "resp": r["raw"] if r else None,
        "deadline": d,
        "amounts": [a["raw"] for a in p["amounts"]],
        "lines": [span["start_line"], span["end_line"]],
        "page": span.get("page"),
        "rows": list(covered) if covered is not None else None,
    }


def _clip(text: str, size: int = SNIPPET) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def matrix_data(records: list[Record]) -> list[PageData]:
    """One entry per unit, the busiest first: its (document index, provision id) pairs
    by role. Documents are referred to by position, as a path may repeat."""
    position: dict[str, int] = {}
    for i, record in enumerate(records):
        position.setdefault(record["source"]["path"], i)
    return [
        {
            "unit": row.unit,
            "lead": [[position[r.document], r.provision] for r in row.lead],
            "support": [[position[r.document], r.provision] for r in row.support],
        }
        for row in per_unit(long_rows(records))
    ]


def totals(
    documents: list[PageData], failures: list[Failure], matrix: list[PageData]
) -> dict[str, int]:
    deadlines = [p["deadline"] for d in documents for p in d["provisions"] if p["deadline"]]
    return {
        "documents": len(documents) + len(failures),
        "parsed": len(documents),
        "failed": len(failures),
        "provisions": sum(len(d["provisions"]) for d in documents),
        "clauses": sum(d["counts"]["clauses"] for d in documents),
        "units": len(matrix),
        "lead": sum(len(u["lead"]) for u in matrix),
        "support": sum(len(u["support"]) for u in matrix),
        "deadlines": len(deadlines),
        "dated": sum(1 for x in deadlines if x.get("date")),
        "amounts": sum(d["counts"]["amounts"] for d in documents),
        "warnings": sum(len(d["warnings"]) for d in documents),
    }
