"""Responsibility clauses: where they stand in a paragraph, and who leads and who supports.

Where (named finding rules, tried in :data:`FINDERS` order; the name travels with the clause):

- ``own-line`` — a paragraph that starts with a role marker: ``牵头单位：区发改局``,
  ``牵头单位：市商务局  责任单位：市编办、…``, ``负责省长：… 牵头部门：…``;
- ``person-line`` — a short paragraph that is a person field alone (``责任领导：副区长周某``):
  part of the clause block, naming no unit;
- ``role-bracket`` — a bracket (any width, anywhere) holding a role marker at its top level:
  ``（责任单位：A、B）``, ``（6月底完成，牵头考核单位：A）``, ``（責任單位：…）``;
- ``verb-bracket`` — a bracket anywhere that holds only units and role verbs:
  ``（A牵头，B配合）``, ``（A会同有关部门负责）``, ``（A、B按职责分工负责）``, ``（A、B指导）``;
- ``unit-bracket`` — a bracket closing the paragraph that holds only units: ``…工作。(A、B)``;
- ``tail-marker`` — a role marker after a sentence stop, running to the paragraph's end:
  ``…做好衔接。牵头单位：A；配合单位：B``;
- ``who-sentence`` — the paragraph's last sentence naming units and saying they are
  responsible, nothing else: ``由市商务局负责。``.

A bracket that explains (（以下简称…）, （包括…）, （站）) is none of these and stays in the
text. Who leads is read by :mod:`policyparse.clauses.grammar`; the standing rules a
clause states (列首位的为牵头单位, 以下措施均需X落实) live in :class:`ClauseContext` and
change every later clause of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..fold import CLOSING, OPENING, fold
from ..lexicon.roles import ANSWERING_PERSON, FIRST_LEADS, ROLE_WORD, Role, role_fold
from .grammar import ClauseReading, Reading, names_only, read, resolve, tokenize, unique

_WHO_MAX = 120
_PERSON_LINE_MAX = 60
_STOPS = "。；;"


@dataclass(slots=True)
class ClauseContext:
    """Standing rules a document states once for all later clauses."""

    lead_first: bool = False
    standing_support: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Clause:
    raw: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    start: int  # span of the clause in the paragraph it came from
    end: int
    rule: str = "role-bracket"  # the finding rule that cut it out
    readings: tuple[Reading, ...] = ()
    lead_first: bool = False  # read under the standing rule "the first listed leads"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    rule: str
    reading: ClauseReading | None = None  # read while finding, so it is read once


def find_spans(paragraph: str) -> list[Span]:
    """Clauses in ``paragraph`` (as written), in order, each with its finding rule."""
    own = _own_line(paragraph)
    if own is not None:
        return [own]
    spans = _brackets(paragraph)
    tail = _tail_marker(paragraph)
    if tail is not None and all(s.end <= tail.start for s in spans):
        spans.append(tail)
    if not spans:
        sentence = _who_sentence(paragraph)
        if sentence is not None:
            spans.append(sentence)
    return spans


def find_clauses(paragraph: str) -> list[tuple[int, int]]:
    """Spans of responsibility clauses in ``paragraph`` (as written), in order."""
    return [(s.start, s.end) for s in find_spans(paragraph)]


def _own_line(paragraph: str) -> Span | None:
    """``own-line``: the paragraph starts with a role marker (or a person field before one)."""
    start = len(paragraph) - len(paragraph.lstrip())
    tokens = tokenize(paragraph[start : start + 40])  # enough to see the opening marker
    if not tokens or tokens[0].kind not in ("role", "person"):
        return None
    end = len(paragraph.rstrip())
    reading = read(paragraph[start:end])
    answering = role_fold(tokens[0].text).startswith(ANSWERING_PERSON)
    if reading.markers == 0 and answering and end - start <= _PERSON_LINE_MAX:
        return Span(start, end, "person-line", reading)  # 责任领导：副区长周某, in the block
    if reading.markers == 0 or not reading.readings:
        return None
    return Span(start, end, "own-line", reading)


def _brackets(paragraph: str) -> list[Span]:
    """``role-bracket``, ``verb-bracket`` and ``unit-bracket`` among the paragraph's
    top-level brackets."""
    folded = fold(paragraph)
    spans: list[Span] = []
    last = len(folded.rstrip(" 。.;；"))
    for start, end in _top_level(folded):
        closed = folded[end - 1] in CLOSING
        body = paragraph[start + 1 : end - 1 if closed else end]
        tokens = tokenize(body)
        if any(t.kind == "role" for t in tokens):
            spans.append(Span(start, _trim_end(paragraph, end), "role-bracket"))
        elif closed and (reading := names_only(body, tokens)) is not None:
            if reading.verbs:
                spans.append(Span(start, end, "verb-bracket", reading))
            elif end >= last and start > 0:
                spans.append(Span(start, end, "unit-bracket", reading))
    return spans


def _trim_end(paragraph: str, end: int) -> int:
    return len(paragraph[:end].rstrip())


def _top_level(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each bracket at depth 0; an unclosed one runs to the paragraph end."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(folded):
        if ch in OPENING:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    if depth:
        out.append((start, len(folded)))
    return out


def _tail_marker(paragraph: str) -> Span | None:
    """``tail-marker``: from a role marker after a sentence stop (or a run of spaces) to the
    end, when all that follows reads as units."""
    if ROLE_WORD.search(role_fold(paragraph)) is None:
        return None  # no marker at all: skip the tokenizer
    position = 0
    after_stop = False  # the token before was a sentence stop or a run of spaces
    for token in tokenize(paragraph):
        if token.kind == "role" and after_stop:
            reading = read(paragraph[position:])
            if reading.readings and not reading.notes:
                return Span(position, len(paragraph.rstrip()), "tail-marker", reading)
            return None
        after_stop = token.kind == "sep" and set(token.text.strip()) <= set(_STOPS)
        position += len(token.text)
    return None


def _who_sentence(paragraph: str) -> Span | None:
    """``who-sentence``: a last sentence that only says who — ``由市商务局负责。``,
    ``市财政局、市税务局按职责分工负责。``, ``由A牵头，B配合。`` — every name in it a unit
    and a role verb closing it. A paragraph that is one sentence is a statement."""
    end = len(paragraph.rstrip(" \u3000"))
    stop = max(paragraph.rfind(mark, 0, end - 1) for mark in _STOPS)
    if stop < 0 or end - stop > _WHO_MAX:
        return None
    start = stop + 1
    while start < end and paragraph[start] in " \u3000":
        start += 1
    reading = names_only(paragraph[start:end])
    if reading is None or not reading.verbs or reading.notes:
        return None
    if all(r.role is Role.SUPPORT for r in reading.readings):
        return None  # …部门参加。 says who takes part, not who is responsible
    return Span(start, end, "who-sentence", reading)


def _body(raw: str) -> str:
    """A clause without its own brackets and closing stop."""
    inner = raw.strip()
    folded = fold(inner)
    if folded[:1] in OPENING and _top_level(folded)[0][1] == len(folded):
        inner = inner[1:-1] if folded[-1:] in CLOSING else inner[1:]  # one bracket, all of it
    return inner.rstrip("。. \u3000")


def read_clause(
    raw: str, context: ClauseContext, reading: ClauseReading | None = None
) -> tuple[ClauseReading, bool]:
    """The reading of one clause and whether the first-listed-leads rule applies to it;
    records in ``context`` any standing rule the clause states."""
    if reading is None:
        reading = read(_body(raw))
    if reading.first_leads:
        # GOLD: a standing rule holds for the clause that states it and every later one.
        context.lead_first = True
    context.standing_support.extend(
        u for u in reading.standing_support if u not in context.standing_support
    )
    return reading, reading.first_leads or context.lead_first


def parse_clause(raw: str, context: ClauseContext) -> tuple[list[str], list[str]]:
    """(lead, support) of one clause; updates ``context`` with any standing rule it states.

    >>> parse_clause("(责任单位:省财政厅牵头,各成员单位配合)", ClauseContext())
    (['省财政厅'], ['各成员单位'])
    """
    reading, first = read_clause(raw, context)
    lead, support = resolve(reading.readings, first)
    return lead, _with_standing(lead, support, context)


def _with_standing(lead: list[str], support: list[str], context: ClauseContext) -> list[str]:
    return support + unique(context.standing_support, {*lead, *support})


def note_standing_rule(text: str, context: ClauseContext) -> None:
    """A standing rule stated outside any clause — in the preamble (…任务分工如下，列第一位的
    为牵头单位：) or a note of its own (注：排在第一位的为牵头单位) — holds from there on."""
    if FIRST_LEADS.search(role_fold(text)):
        context.lead_first = True


def parse_in(paragraph: str, context: ClauseContext) -> tuple[str, list[Clause]]:
    """``paragraph`` with its clauses cut out, and the clauses read."""
    spans = find_spans(paragraph)
    if not spans:
        note_standing_rule(paragraph, context)
        return paragraph, []
    clauses: list[Clause] = []
    kept: list[str] = []
    cursor = 0
    for span in spans:
        raw = paragraph[span.start : span.end]
        reading, first = read_clause(raw, context, span.reading)
        lead, support = resolve(reading.readings, first)
        support = _with_standing(lead, support, context)
        found = Clause(raw, tuple(lead), tuple(support), span.start, span.end, span.rule)
        clauses.append(replace(found, readings=tuple(reading.readings), lead_first=first))
        kept.append(paragraph[cursor : span.start])
        cursor = span.end
    kept.append(paragraph[cursor:])
    text = "".join(kept).strip()
    note_standing_rule(text, context)
    return text, clauses


def merge(clauses: list[Clause]) -> tuple[list[str], list[str]]:
    """Lead and support of a provision from its clauses, merged in order without duplicates.

    Role lines of their own under one item (``牵头单位：A`` then ``责任单位：B``) are read
    as one clause (rule ``own-line-group``): lead [A], support [B].
    """
    groups: list[tuple[list[str], list[str]]] = []
    run: list[Clause] = []
    for clause in [*clauses, None]:
        if clause is not None and clause.rule == "own-line":
            run.append(clause)
            continue
        if run:
            groups.append(_group(run))
            run = []
        if clause is not None:
            groups.append((list(clause.lead), list(clause.support)))
    lead = unique(u for group_lead, _ in groups for u in group_lead)
    return lead, unique((u for _, group_support in groups for u in group_support), set(lead))


def _group(run: list[Clause]) -> tuple[list[str], list[str]]:
    if len(run) == 1:
        return list(run[0].lead), list(run[0].support)
    readings = [r for clause in run for r in clause.readings]
    lead, support = resolve(readings, any(c.lead_first for c in run))
    named = {r.unit for r in readings}
    standing = unique((u for c in run for u in c.support), named)  # supporters the lines carried
    return lead, support + standing
