"""Everything the stages found → one document record: the one place records are built.

The record is plain JSON data in exactly the shape of :class:`policyparse.models.Document`
(same keys, same order, same defaults): ``policyparse.parse`` validates it into the
pydantic model, the command line writes it as it is. tests/test_records.py holds the two
to the same output for every fixture.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from .clauses.citations import find_citations
from .fold import fold
from .lexicon.doctypes import kind_of
from .meta.front import MetaDraft
from .meta.issuers import join_issuers, split_issuers
from .provisions import Record, provision_records
from .segment.segmenter import Node
from .settings import ParseOptions
from .text import InputFormat, Note, Text
from .vocabulary import SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Parsed:
    """Everything the stages found, ready to become records."""

    path: str
    data: bytes
    text: Text
    nodes: list[Node]
    draft: MetaDraft
    notes: list[Note]


def assemble(parsed: Parsed, settings: ParseOptions) -> Record:
    notes = list(parsed.notes)
    draft = parsed.draft
    doc_date = _iso_date(draft.date or (draft.adoption_date or (None, ""))[0])
    provisions = provision_records(parsed.nodes, notes, settings, doc_date, draft.preamble)
    if not provisions:
        notes.append(Note("no-provisions", "no numbered provisions found; the body is in preamble"))
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {
            "path": parsed.path,
            "format": parsed.text.format.value,
            "encoding": parsed.text.encoding,
            "sha256": hashlib.sha256(parsed.data).hexdigest(),
            "pages": parsed.text.pages,
            "ocr": parsed.text.ocr,
        },
        "meta": _meta(draft, parsed.text, provisions),
        "preamble": draft.preamble,
        "closing": draft.closing,
        "provisions": provisions,
        "warnings": [
            {"code": n.code, "message": n.message, "line": n.line, "text": n.text} for n in notes
        ],
    }


def _meta(draft: MetaDraft, text: Text, provisions: list[Record]) -> Record:
    hints = text.meta_hints
    title = draft.title or hints.get("title")
    if title and draft.body_title and fold(title) == fold(draft.body_title):
        title = draft.body_title  # the document's own print over an export's header line
    date, date_raw = draft.date, draft.date_raw
    if date is None and draft.adoption_date is not None:
        date, date_raw = draft.adoption_date
    if date is None and text.format is InputFormat.HTML and hints.get("date"):
        # the page's 索引号 table, which prefers its 成文日期: above a posting time in the body
        date, date_raw = hints["date"], hints.get("date_raw", hints["date"])
    if date is None and draft.date_weak is not None:
        date, date_raw = draft.date_weak
    if date is None and hints.get("date"):
        date, date_raw = hints["date"], hints.get("date_raw", hints["date"])
    issuers = _issuers(draft, hints)
    texts = [*draft.preamble, *(p["text"] for p in provisions)]
    own = (title or "", draft.body_title or "", *draft.attachments)
    meta: dict[str, Any] = {
        "title": title,
        "body_title": draft.body_title,
        "doc_number": draft.doc_number or hints.get("doc_number"),
        "issuer": join_issuers(issuers) if issuers else None,
        "issuers": issuers,
        "recipients": draft.recipients,
        "date": date,
        # as written, but without the padding a 发布时间 cell or a fixed-width line carries
        "date_raw": date_raw.strip() if date_raw else date_raw,
        "kind": kind_of(title) if title else None,
        "attachments": draft.attachments,
        "citations": [{"title": t, "doc_number": n} for t, n in find_citations(texts, exclude=own)],
        "adopted": draft.adopted,
        "amendments": [{"date": d, "action": a, "raw": raw} for d, a, raw in draft.amendments],
        "lines": draft.lines,
    }
    return meta


def _issuers(draft: MetaDraft, hints: dict[str, str]) -> list[str]:
    """The document's own signature or letterhead, else the page's 发文机关 field, else the
    organ its title names or the page's 来源."""
    if draft.issuers:
        return draft.issuers
    for value in (draft.issuer, hints.get("issuer"), draft.issuer_weak):
        if value:
            return split_issuers(value) or [value]
    return []


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
