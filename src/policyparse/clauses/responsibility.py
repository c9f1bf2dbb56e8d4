"""Responsibility clauses: who leads and who supports a provision.

Forms recognised (matched on the folded text, emitted as written):

- ``（责任单位：A、B）`` and the other role words (牵头单位, 责任部门, 配合单位 …), in any
  bracket width, wherever they sit in a paragraph;
- a trailing bracket that holds nothing but unit names: ``…工作。(A、B、C)``;
- a paragraph of its own: ``责任单位：A、B``;
- inside: ``A、B牵头，C、D配合`` / ``A牵头，相关成员单位配合`` / ``A（牵头）、B`` /
  ``牵头单位：A；配合单位：B``.

Unless a clause says who leads, every unit listed leads (SPEC). A document may say that
the first unit listed leads (``列首位的为牵头单位，下同``), or that some units implement
everything that follows (``以下措施均需各县区人民政府落实``); :class:`ClauseContext`
carries such standing rules from the clause that states them to every later one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..fold import fold
from .units import looks_like_unit, split_units

_ROLE_WORDS = (
    "责任单位|责任部门|责任处室|责任主体|牵头单位|牵头部门|牵头处室|配合单位|配合部门|"
    "协同单位|协同部门|参与单位|主责单位|主责部门|实施单位|承办单位|负责单位|落实单位"
)
_ROLE_ANYWHERE = re.compile(_ROLE_WORDS)
_TIME_WORDS = "完成时限|完成时间|时间节点|办结时限|时限要求|时限"
# A clause may lead with its time limit: （完成时限：2022年底；牵头单位：市财政局）
_ROLE_AT = re.compile(rf"\(\s*(?:(?:{_TIME_WORDS})\s*:[^()]*?[;,]\s*)?(?:{_ROLE_WORDS})\s*:")
_TIME_PREFIX = re.compile(rf"^\s*(?:{_TIME_WORDS})\s*:")
_ROLE_PARA = re.compile(rf"^\s*(?:{_ROLE_WORDS})\s*:")
_ROLE_PREFIX = re.compile(rf"^\s*({_ROLE_WORDS})\s*:\s*")
_LEAD_WORD = re.compile(r"^(?:牵头|主责)")
_SUPPORT_WORD = re.compile(r"^(?:配合|协同|协助|参与)")
_LEAD_FIRST = re.compile(
    r"(?:列|排)(?:在)?(?:首位|第一位?)的?(?:单位)?为牵头单位|第一个?单位为牵头单位"
)
_CARRIES_ON = re.compile(r"下同|以下同|后同")
_STANDING = re.compile(r"以下(?:措施|任务|各项)?均(?:需|由|要)?(.+?)(?:负责)?落实")
# A unit list and what it does: 牵头/负责/负总责 lead; the others carry the work out.
_MARKED = re.compile(
    r"^(.*?)(牵头|负总责|配合|协同|协助|参与|负责落实|具体落实|组织实施|负责|落实|实施)(?:实施|落实)?$"
)
_LEADS = {"牵头", "负责", "负总责"}
# The last sentence of a paragraph, naming who is responsible and nothing else.
# How such a sentence ends; what stands before it must be nothing but units.
_WHO_TAIL = re.compile(
    r"(?:按(?:照)?职责分工|按职责|分别|共同)?(?:牵头)?负责(?:落实|实施|组织实施)?[。.]?$"
)
_WHO_MAX = 120
_UNIT_NOTE = re.compile(r"[(（](牵头|配合)[)）]")
_SENTENCES = re.compile(r"[;；。]")
_NOT_A_LIST = re.compile(r"[由对的将]")
_SENTENCE_MARKS = re.compile(r"[。；;，,：:（）()]")
_WHO_PREFIX = re.compile(r"^[ \u3000]*[由请]")
_NOT_LISTED = re.compile(r"不再(?:一一)?列出")


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


def find_clauses(paragraph: str) -> list[tuple[int, int]]:
    """Spans of responsibility clauses in ``paragraph`` (as written), in order."""
    if not _ROLE_ANYWHERE.search(paragraph) and paragraph.rstrip(" 。.;；")[-1:] not in ")）":
        sentence = _final_sentence_clause(paragraph) if "负责" in paragraph else None
        return [sentence] if sentence else []  # decided without folding the paragraph
    folded = fold(paragraph)
    if _ROLE_PARA.match(folded):
        return [(len(folded) - len(folded.lstrip()), len(folded.rstrip()))]
    spans = [(m.start(), _closing(folded, m.start())) for m in _ROLE_AT.finditer(folded)]
    if not spans:
        trailing = _trailing_unit_list(folded)
        if trailing is not None:
            spans.append(trailing)
    return spans


def _final_sentence_clause(paragraph: str) -> tuple[int, int] | None:
    """A last sentence that only says who: ``由市商务局负责。``, ``市财政局、市税务局按职责
    分工负责。`` — cut out like a bracketed clause when every name in it is a unit."""
    end = len(paragraph.rstrip(" \u3000"))
    stop = max(paragraph.rfind(mark, 0, end - 1) for mark in "。；;")
    if stop < 0:
        return None  # the whole paragraph would be the sentence: a statement, not a clause
    start = stop + 1
    while start < end and paragraph[start] in " \u3000":
        start += 1
    sentence = paragraph[start:end]
    tail = _WHO_TAIL.search(sentence) if len(sentence) <= _WHO_MAX else None
    if tail is None:
        return None
    named = _WHO_PREFIX.sub("", sentence[: tail.start()])
    if len(named) < 2 or _NOT_A_LIST.search(named) or _SENTENCE_MARKS.search(named):
        return None
    units = split_units(named)
    if not units or not all(looks_like_unit(u) for u in units):
        return None
    return start, end


def parse_clause(raw: str, context: ClauseContext) -> tuple[list[str], list[str]]:
    """(lead, support) of one clause; updates ``context`` with any standing rule it states.

    >>> parse_clause("(责任单位:省财政厅牵头,各成员单位配合)", ClauseContext())
    (['省财政厅'], ['各成员单位'])
    """
    inner = raw.strip()
    sentence_form = inner[:1] not in "(（" and not _ROLE_PREFIX.match(fold(inner))
    who = _WHO_TAIL.search(inner) if sentence_form else None
    if who is not None:
        named = split_units(_WHO_PREFIX.sub("", inner[: who.start()]))  # 由X负责。
        return named, [u for u in context.standing_support if u not in named]
    if inner[:1] in "(（" and inner[-1:] in ")）":
        inner = inner[1:-1]
    lead: list[str] = []
    support: list[str] = []
    plain: list[str] = []
    lead_first_here = False
    for sentence in _SENTENCES.split(inner):
        if _TIME_PREFIX.match(fold(sentence)):
            continue  # the deadline reader takes it from the clause as written
        role = _ROLE_PREFIX.match(fold(sentence))
        target: list[str] | None = None
        if role:
            word = role.group(1)
            target = (
                support if _SUPPORT_WORD.match(word) else lead if _LEAD_WORD.match(word) else None
            )
            sentence = sentence[role.end() :]
        for part in _split_commas(sentence):
            part = part.strip(" \t\u3000")
            folded = fold(part)
            if not part or _CARRIES_ON.fullmatch(folded) or _NOT_LISTED.fullmatch(folded):
                continue
            if _TIME_PREFIX.match(folded):
                break  # a time limit ends the unit list: 牵头单位：A，完成时限：2022年底前
            if _LEAD_FIRST.search(folded):
                lead_first_here = True
                context.lead_first = context.lead_first or bool(_CARRIES_ON.search(fold(sentence)))
                continue
            standing = _STANDING.search(part)
            if standing:
                new = [
                    u for u in split_units(standing.group(1)) if u not in context.standing_support
                ]
                context.standing_support.extend(new)
                continue
            if target is not None:
                target.extend(split_units(part))
            else:
                _read_marked(part, lead, support, plain)
    if lead:
        support[:0] = plain  # named leads make the unmarked rest supporters
    elif lead_first_here or context.lead_first:
        lead, support = plain[:1], plain[1:] + support
    else:
        lead = plain
    for unit in context.standing_support:
        if unit not in lead and unit not in support:
            support.append(unit)
    return lead, support


def _read_marked(part: str, lead: list[str], support: list[str], plain: list[str]) -> None:
    """One comma-separated part: ``A、B牵头`` / ``C配合`` / ``A（牵头）、B`` / ``A、B``."""
    if _UNIT_NOTE.search(part):
        cursor = 0
        for note in _UNIT_NOTE.finditer(part):
            units = split_units(part[cursor : note.start()])
            if units:
                plain.extend(units[:-1])
                (lead if note.group(1) == "牵头" else support).append(units[-1])
            cursor = note.end()
        plain.extend(split_units(part[cursor:]))
        return
    marked = _MARKED.match(part)
    if marked and marked.group(1):
        units = split_units(_WHO_PREFIX.sub("", marked.group(1)))
        (lead if marked.group(2) in _LEADS else support).extend(units)
    else:
        plain.extend(split_units(part))


def _split_commas(text: str) -> list[str]:
    """Split at commas outside brackets (the unit splitter handles 、)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "(（〔[【":
            depth += 1
        elif ch in ")）〕]】" and depth:
            depth -= 1
        elif depth == 0 and ch in ",，":
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _closing(folded: str, start: int) -> int:
    """End (exclusive) of the bracket opened at ``start``; the paragraph end if unclosed."""
    depth = 0
    for i in range(start, len(folded)):
        ch = folded[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(folded.rstrip())


def _trailing_unit_list(folded: str) -> tuple[int, int] | None:
    """A bracket at the very end that lists only units: ``…工作。(A、B、C)``."""
    body = folded.rstrip(" 。.;")
    if not body.endswith(")"):
        return None
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        ch = body[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                inner = body[i + 1 : -1]
                units = [u for part in _split_commas(inner) for u in split_units(part)]
                names = [_MARKED.sub(r"\1", u) or u for u in units]
                if i > 0 and names and all(looks_like_unit(n) for n in names):
                    return i, len(body)
                return None
    return None


def parse_in(paragraph: str, context: ClauseContext) -> tuple[str, list[Clause]]:
    """``paragraph`` with its clauses cut out, and the clauses read."""
    spans = find_clauses(paragraph)
    if not spans:
        return paragraph, []
    clauses: list[Clause] = []
    kept: list[str] = []
    cursor = 0
    for start, end in spans:
        raw = paragraph[start:end]
        lead, support = parse_clause(raw, context)
        clauses.append(Clause(raw, tuple(lead), tuple(support), start, end))
        kept.append(paragraph[cursor:start])
        cursor = end
    kept.append(paragraph[cursor:])
    return "".join(kept).strip(), clauses
