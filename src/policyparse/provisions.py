"""Segmenter nodes → provision records (plain JSON data in the shape of models.Provision).

For each node: its id from the written path, its text with the responsibility clause cut
out, its heading, and what the clause readers find — lead and support, the deadline, the
amounts, the keywords. A table row takes these from its columns instead.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from .clauses.amounts import find_amounts
from .clauses.deadlines import find_deadline
from .clauses.responsibility import (
    Clause,
    ClauseContext,
    merge,
    note_standing_rule,
    parse_clause,
    parse_in,
)
from .clauses.units import split_cell_units
from .segment.headings import find_heading
from .segment.segmenter import Node, path_step
from .settings import ParseOptions
from .text import Note

if TYPE_CHECKING:
    from .tables.reader import RowData

Record = dict[str, Any]
MAX_AMOUNTS = 1000  # per provision: beyond, a document is no longer a policy text


def provision_records(
    nodes: list[Node],
    notes: list[Note],
    settings: ParseOptions,
    doc_date: dt.date | None,
    preamble: list[str] | None = None,
) -> list[Record]:
    ids: dict[int, str] = {}
    paths: dict[int, list[int]] = {}
    labels: dict[int, list[str]] = {}
    seen: Counter[str] = Counter()
    context = ClauseContext()
    for paragraph in preamble or []:
        note_standing_rule(paragraph, context)  # 任务分工如下（列第一位的为牵头单位）
    out: list[Record] = []
    for node in nodes:
        parent = node.parent
        path = [*(paths[id(parent)] if parent is not None else []), *path_step(node)]
        chain = [*labels[id(parent)], node.label] if parent is not None else [node.label]
        base = ".".join(str(n) for n in path)
        seen[base] += 1
        pid = base if seen[base] == 1 else f"{base}~{seen[base]}"
        ids[id(node)], paths[id(node)], labels[id(node)] = pid, path, chain
        record: Record = {
            "id": pid,
            "parent_id": ids[id(parent)] if parent is not None else None,
            "path": path,
            "labels": chain,
            "label": node.label,
            "level": node.depth,
            "style": node.style.value,
        }
        if node.row is not None:
            record.update(_row_fields(node.row, context, notes, doc_date, settings))
        else:
            record.update(_text_fields(node, context, notes, doc_date, settings))
        out.append(record)
    return out


def _text_fields(
    node: Node,
    context: ClauseContext,
    notes: list[Note],
    doc_date: dt.date | None,
    settings: ParseOptions,
) -> Record:
    paragraphs, clauses = _cut_clauses(node, context, notes)
    text = "\n".join(paragraphs)
    responsibility = _responsibility(clauses)
    # A clause's time field (（5月底完成，牵头单位：…）) is the item's stated limit: it wins
    # over dates the text mentions, and is read as a slot (6月份, 持续推进 count there).
    deadline = (
        find_deadline(responsibility["raw"], doc_date=doc_date, whole_cell=True)
        if responsibility is not None
        else None
    )
    if deadline is None:
        deadline = find_deadline(text, doc_date=doc_date)
    first = node.first
    return {
        "heading": find_heading(
            node.style,
            paragraphs[0] if paragraphs else "",
            more_follows=len(paragraphs) > 1 or bool(node.children),
        ),
        "text": text,
        "responsibility": responsibility,
        "deadline": (
            {"raw": deadline.raw, "date": deadline.date, "kind": deadline.kind}
            if deadline
            else None
        ),
        "amounts": _amounts(text, notes, first.start_line),
        "keywords": _keywords(text, responsibility, settings),
        "cells": None,
        "source_span": _span(first.start_line, node.paras[-1].end_line, first.page),
    }


def _row_fields(
    row: RowData,
    context: ClauseContext,
    notes: list[Note],
    doc_date: dt.date | None,
    settings: ParseOptions,
) -> Record:
    """A table row: text from its free-text cells, who and when from their columns."""
    from .lexicon.columns import Role

    responsibility = _row_responsibility(row, context)
    cell = row.get(Role.DEADLINE)
    deadline = None
    if cell:
        found = find_deadline(cell, doc_date=doc_date, whole_cell=True)
        if found is None:
            notes.append(
                Note("deadline-unparsed", f"a 完成时限 cell names no time: {cell!r}", row.line)
            )
        deadline = {
            "raw": cell,  # the whole cell is the deadline as written
            "date": found.date if found else None,
            "kind": found.kind if found else "period",
        }
    return {
        "heading": None,
        "text": row.text,
        "responsibility": responsibility,
        "deadline": deadline,
        "amounts": _amounts(row.text, notes, row.line),
        "keywords": _keywords(row.text, responsibility, settings),
        "cells": row.cells(),
        "source_span": _span(row.line, row.end_line, row.page),
    }


def _row_responsibility(row: RowData, context: ClauseContext) -> Record | None:
    from .lexicon.columns import Role

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
    return {"lead": lead, "support": [u for u in support if u not in lead], "raw": raw}


def _cut_clauses(
    node: Node, context: ClauseContext, notes: list[Note]
) -> tuple[list[str], list[Clause]]:
    paragraphs: list[str] = []
    clauses: list[Clause] = []
    texts = [node.body] + [p.text for p in node.paras[1:]]
    for para, text in zip(node.paras, texts, strict=True):
        kept, found = parse_in(text, context)
        for clause in found:
            if not clause.lead and not clause.support and clause.rule != "person-line":
                notes.append(
                    Note(
                        "clause-unparsed",
                        f"a responsibility clause ({clause.rule}) names no unit: {clause.raw!r}",
                        para.start_line,
                    )
                )
        clauses.extend(found)
        if kept:
            paragraphs.append(kept)
    return paragraphs, clauses


def _responsibility(clauses: list[Clause]) -> Record | None:
    if not clauses:
        return None
    lead, support = merge(clauses)
    return {"lead": lead, "support": support, "raw": "\n".join(c.raw for c in clauses)}


def _amounts(text: str, notes: list[Note], line: int) -> list[Record]:
    found = find_amounts(text)
    if len(found) > MAX_AMOUNTS:
        # A table of figures run into one paragraph, or hostile input: the text keeps them all.
        notes.append(
            Note(
                "amounts-truncated",
                f"{len(found):,} amounts in one provision; the first {MAX_AMOUNTS:,} are listed",
                line,
            )
        )
        found = found[:MAX_AMOUNTS]
    for a in found:
        if a.value is None:
            notes.append(
                Note(
                    "amount-out-of-range",
                    "an amount beyond the range of a number (about 1.8e308) is listed "
                    "with value null",
                    line,
                    a.raw,
                )
            )
    return [
        {"raw": a.raw, "value": a.value, "unit": a.unit, "kind": a.kind, "bound": a.bound}
        for a in found
    ]


def _keywords(text: str, responsibility: Record | None, settings: ParseOptions) -> list[str]:
    if not settings.keywords:
        return []
    from .clauses.keywords import extract_keywords  # jieba: only when keywords are asked for

    units = [*responsibility["lead"], *responsibility["support"]] if responsibility else []
    return extract_keywords(text, protect=units, top=settings.max_keywords)


def _span(start: int, end: int, page: int | None) -> Record:
    return {"start_line": start, "end_line": end, "page": page}
