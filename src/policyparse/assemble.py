"""Segmenter output + meta draft → the pydantic :class:`Document`. The one place records
are built; everything upstream works on dataclasses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass

from .clauses.amounts import find_amounts
from .clauses.citations import find_citations
from .clauses.deadline import find_deadline
from .clauses.keywords import extract_keywords
from .clauses.responsibility import Clause, ClauseContext, parse_clause, parse_in
from .clauses.units import split_cell_units
from .meta.fields import kind_of
from .meta.front import MetaDraft
from .models import (
    Amendment,
    Amount,
    Citation,
    Deadline,
    Document,
    Meta,
    ParseWarning,
    Provision,
    Responsibility,
    Source,
    SourceSpan,
)
from .segment.headings import find_heading
from .segment.segmenter import Node
from .settings import ParseOptions
from .tables.columns import Role
from .tables.reader import RowData
from .text import Note, Text


@dataclass(frozen=True, slots=True)
class Parsed:
    """Everything the stages found, ready to become records."""

    path: str
    data: bytes
    text: Text
    nodes: list[Node]
    draft: MetaDraft
    notes: list[Note]


def assemble(parsed: Parsed, settings: ParseOptions) -> Document:
    notes = list(parsed.notes)
    draft = parsed.draft
    doc_date = _iso_date(draft.date or (draft.adoption_date or (None, ""))[0])
    provisions = _provisions(parsed.nodes, notes, settings, doc_date)
    meta = _meta(draft, parsed.text, provisions)
    if not provisions:
        notes.append(Note("no-provisions", "no numbered provisions found; the body is in preamble"))
    return Document(
        source=Source(
            path=parsed.path,
            format=parsed.text.format.value,
            encoding=parsed.text.encoding,
            sha256=hashlib.sha256(parsed.data).hexdigest(),
            pages=parsed.text.pages,
        ),
        meta=meta,
        preamble=draft.preamble,
        closing=draft.closing,
        provisions=provisions,
        warnings=[
            ParseWarning(code=n.code, message=n.message, line=n.line, text=n.text) for n in notes
        ],
    )


def _provisions(
    nodes: list[Node], notes: list[Note], settings: ParseOptions, doc_date: dt.date | None
) -> list[Provision]:
    ids: dict[int, str] = {}
    paths: dict[int, list[int]] = {}
    labels: dict[int, list[str]] = {}
    seen: Counter[str] = Counter()
    context = ClauseContext()
    out: list[Provision] = []
    for node in nodes:
        parent = node.parent
        path = [*paths[id(parent)], node.ordinal] if parent is not None else [node.ordinal]
        chain = [*labels[id(parent)], node.label] if parent is not None else [node.label]
        base = ".".join(str(n) for n in path)
        seen[base] += 1
        pid = base if seen[base] == 1 else f"{base}~{seen[base]}"
        ids[id(node)], paths[id(node)], labels[id(node)] = pid, path, chain
        if node.row is not None:
            out.append(
                _row_provision(
                    node, node.row, pid, ids, path, chain, context, notes, doc_date, settings
                )
            )
            continue
        paragraphs, clauses = _cut_clauses(node, context, notes)
        heading = find_heading(
            node.style,
            paragraphs[0] if paragraphs else "",
            more_follows=len(paragraphs) > 1 or bool(node.children),
        )
        text = "\n".join(paragraphs)
        responsibility = _responsibility(clauses)
        out.append(
            Provision(
                id=pid,
                parent_id=ids[id(parent)] if parent is not None else None,
                path=path,
                labels=chain,
                label=node.label,
                level=node.depth,
                style=node.style,
                heading=heading,
                text=text,
                responsibility=responsibility,
                deadline=_deadline(text, responsibility, doc_date),
                amounts=[
                    Amount(raw=a.raw, value=a.value, unit=a.unit, kind=a.kind, bound=a.bound)  # type: ignore[arg-type]
                    for a in find_amounts(text)
                ],
                keywords=_keywords(text, responsibility, settings),
                source_span=SourceSpan(
                    start_line=node.first.start_line,
                    end_line=node.paras[-1].end_line,
                    page=node.first.page,
                ),
            )
        )
    return out


def _row_provision(
    node: Node,
    row: RowData,
    pid: str,
    ids: dict[int, str],
    path: list[int],
    labels: list[str],
    context: ClauseContext,
    notes: list[Note],
    doc_date: dt.date | None,
    settings: ParseOptions,
) -> Provision:
    """A table row: text from its free-text cells, who and when from their columns."""
    responsibility = _row_responsibility(row, context)
    deadline_cell = row.get(Role.DEADLINE)
    deadline = None
    if deadline_cell:
        found = find_deadline(deadline_cell, doc_date=doc_date, whole_cell=True)
        if found is None:
            notes.append(
                Note(
                    "deadline-unparsed",
                    f"a 完成时限 cell says no date: {deadline_cell!r}",
                    row.line,
                )
            )
        kind = found.kind if found else "period"
        deadline = Deadline(raw=deadline_cell, date=found.date if found else None, kind=kind)  # type: ignore[arg-type]
    parent = node.parent
    return Provision(
        id=pid,
        parent_id=ids[id(parent)] if parent is not None else None,
        path=path,
        labels=labels,
        label=node.label,
        level=node.depth,
        style=node.style,
        heading=None,
        text=row.text,
        responsibility=responsibility,
        deadline=deadline,
        amounts=[
            Amount(raw=a.raw, value=a.value, unit=a.unit, kind=a.kind, bound=a.bound)  # type: ignore[arg-type]
            for a in find_amounts(row.text)
        ],
        keywords=_keywords(row.text, responsibility, settings),
        cells=row.cells(),
        source_span=SourceSpan(start_line=row.line, end_line=row.end_line, page=row.page),
    )


def _row_responsibility(row: RowData, context: ClauseContext) -> Responsibility | None:
    lead = split_cell_units(row.get(Role.LEAD))
    support = split_cell_units(row.get(Role.SUPPORT))
    units_cell = row.get(Role.UNITS)
    if units_cell:
        named_lead, named_support = parse_clause(units_cell.replace("\n", "、"), context)
        lead += [u for u in named_lead if u not in lead]
        support += [u for u in named_support if u not in support]
    raw = "\n".join(c for c in (row.get(Role.LEAD), units_cell, row.get(Role.SUPPORT)) if c)
    if not raw:
        return None
    return Responsibility(lead=lead, support=[u for u in support if u not in lead], raw=raw)


def _deadline(
    text: str, responsibility: Responsibility | None, doc_date: dt.date | None
) -> Deadline | None:
    found = find_deadline(text, doc_date=doc_date)
    if found is None and responsibility is not None:
        found = find_deadline(responsibility.raw, doc_date=doc_date)  # （…；完成时限：…）
    if found is None:
        return None
    return Deadline(raw=found.raw, date=found.date, kind=found.kind)  # type: ignore[arg-type]


def _keywords(text: str, r: Responsibility | None, settings: ParseOptions) -> list[str]:
    if not settings.keywords:
        return []
    units = [*r.lead, *r.support] if r is not None else []
    return extract_keywords(text, protect=units, top=settings.max_keywords)


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _cut_clauses(
    node: Node, context: ClauseContext, notes: list[Note]
) -> tuple[list[str], list[Clause]]:
    paragraphs: list[str] = []
    clauses: list[Clause] = []
    texts = [node.body] + [p.text for p in node.paras[1:]]
    for para, text in zip(node.paras, texts, strict=True):
        kept, found = parse_in(text, context)
        for clause in found:
            if not clause.lead and not clause.support:
                notes.append(
                    Note(
                        "clause-unparsed",
                        f"a responsibility clause names no unit: {clause.raw!r}",
                        para.start_line,
                    )
                )
        clauses.extend(found)
        if kept:
            paragraphs.append(kept)
    return paragraphs, clauses


def _responsibility(clauses: list[Clause]) -> Responsibility | None:
    if not clauses:
        return None
    lead: list[str] = []
    support: list[str] = []
    for clause in clauses:
        lead.extend(u for u in clause.lead if u not in lead)
        support.extend(u for u in clause.support if u not in support and u not in lead)
    return Responsibility(lead=lead, support=support, raw="\n".join(c.raw for c in clauses))


def _meta(draft: MetaDraft, text: Text, provisions: list[Provision]) -> Meta:
    hints = text.meta_hints
    title = draft.title or hints.get("title")
    date, date_raw = draft.date, draft.date_raw
    if date is None and draft.adoption_date is not None:
        date, date_raw = draft.adoption_date
    if date is None and draft.date_weak is not None:
        date, date_raw = draft.date_weak
    if date is None and hints.get("date"):
        date, date_raw = hints["date"], hints.get("date_raw", hints["date"])
    texts = [*draft.preamble, *(p.text for p in provisions)]
    own = (title or "", draft.body_title or "", *draft.attachments)
    citations = find_citations(texts, exclude=own)
    return Meta(
        title=title,
        body_title=draft.body_title,
        doc_number=draft.doc_number or hints.get("doc_number"),
        issuer=draft.issuer or hints.get("issuer") or draft.issuer_weak,
        recipients=draft.recipients,
        date=date,
        date_raw=date_raw,
        kind=kind_of(title) if title else None,
        attachments=draft.attachments,
        citations=[Citation(title=t, doc_number=n) for t, n in citations],
        adopted=draft.adopted,
        amendments=[Amendment(date=d, action=a, raw=raw) for d, a, raw in draft.amendments],
        lines=draft.lines,
    )
