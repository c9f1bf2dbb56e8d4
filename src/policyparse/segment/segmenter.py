"""Paragraphs → a numbering tree, in one cursor pass.

A paragraph that starts with a label (see rules.py) opens a provision if the label is one
the document can be expected to write next:

- a form already open on the stack continues its count: after （二） comes （三）;
- a form not open starts a new level under the deepest open form that ranks above it, at 1
  or where the same form's count left off under an earlier parent (（三） after 二、 in a
  document that numbers （一）–（二）, 二、, （三）…), which is how many plans count;
- a jump of up to ``MAX_GAP`` labels is accepted with a ``numbering-gap`` warning; anything
  else is running text that happens to start with a number (``label-rejected``).

Every other paragraph belongs to the innermost open provision, or to the front matter
before the first provision. All state lives in one :class:`SegmentState`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..fold import fold
from ..normalise import Para
from ..text import LineHint, Note
from ..vocabulary import Style

if TYPE_CHECKING:
    from ..tables.reader import RowData
from ..lexicon.labels import OUTLINE_FAMILIES, RANK, LabelMatch, label_at_start, match_label
from .run_in import Expectation, next_label_at

MAX_GAP = 3
OUTLINE = "decimal"  # the family of 1 / 1.1 / 1.1.1 outlines
LETTER_OUTLINE = "letter_decimal"  # A.1 / A.2.1: an appendix's outline, its letter first
_WORD_STYLES = {Style.PART, Style.CHAPTER, Style.SECTION, Style.ARTICLE}
_SHOW_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000\u00a0]+(?=[\u4e00-\u9fff])")
_LEADER = re.compile(r"[.·…\-_ ]*[0-9]*$")
_CHAPTER_WORD = re.compile(r"第[零〇一二三四五六七八九十百0-9]{1,6}(?:[编章篇]|部分)")
_CONTENTS_TITLE = re.compile(r"^[ \u3000]*目[ \u3000]*录[ \u3000]*$")


@dataclass(slots=True)
class Node:
    """A provision as the segmenter sees it: its label, place in the tree, paragraphs."""

    style: Style
    ordinal: int
    label: str
    body: str  # text of the first paragraph after the label
    parent: Node | None
    depth: int
    paras: list[Para] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    row: RowData | None = None  # a table row: its cells
    key: tuple[int, ...] = ()  # the written number: (3,) for （三）, (1, 3, 2) for 1.3.2
    family: str = ""  # the label rule's family: what counts together
    # Every child so far is one paragraph (an enumeration: （一）…；（二）…。); kept up to date
    # rather than recounted, so that long lists stay linear.
    single_paragraph_children: bool = True

    @property
    def first(self) -> Para:
        return self.paras[0]


@dataclass(slots=True)
class SegmentState:
    stack: list[Node] = field(default_factory=list)
    last_ordinal: dict[tuple[str, int], int] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)
    front: list[Para] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    roots: list[Node] = field(default_factory=list)  # top-level provisions
    trailing: list[Para] = field(default_factory=list)  # text after provisions, none open


@dataclass(frozen=True, slots=True)
class _Decision:
    parent_depth: int  # number of stack entries that stay open above the new node
    gap_from: int | None  # the ordinal that was expected, when the label skips


def segment(paras: list[Para], state: SegmentState | None = None) -> SegmentState:
    state = state or SegmentState()
    toc = find_contents(paras)
    if toc is not None:
        dropped = paras[toc.start : toc.stop]
        state.notes.append(
            Note(
                "table-of-contents",
                f"dropped a table of contents of {len(dropped)} lines; the headings follow in full",
                dropped[0].start_line,
                "\n".join(p.text for p in dropped),
            )
        )
        paras = paras[: toc.start] + paras[toc.stop :]
    for para in paras:
        feed(state, para)
    return state


def find_contents(paras: list[Para]) -> range | None:
    """A table of contents: a run of three or more short labelled lines (第一章 总则 …)
    whose first line comes back later in full, where the document really starts."""
    limit = min(len(paras), 400)
    for i in range(limit):
        # The whole contents on one line: 第一章 总则 第二章 任免范围 第三章 …
        text = paras[i].text
        if len(text) > 400 or ("章" not in text and "编" not in text):
            continue
        head = fold(text)
        starts = [m.start() for m in _CHAPTER_WORD.finditer(head)]
        if len(starts) >= 3 and starts[0] == len(head) - len(head.lstrip()):
            first = _heading_key(head[: starts[1]])
            if first is not None and any(_heading_key(p.text) == first for p in paras[i + 1 :]):
                return range(i, i + 1)
    i = 0
    while i < limit:
        first = _heading_key(paras[i].text)
        if first is None:
            i += 1
            continue
        j = i + 1
        while j < len(paras) and _heading_key(paras[j].text) is not None:
            if _heading_key(paras[j].text) == first:
                break  # the contents end where the first heading comes back
            j += 1
        if j - i >= 3 and any(_heading_key(p.text) == first for p in paras[j:]):
            start = i - 1 if i and _CONTENTS_TITLE.match(paras[i - 1].text) else i
            return range(start, j)
        i = j
    return None


def _heading_key(text: str) -> str | None:
    """A labelled short line reduced for comparison (page numbers and dot leaders gone)."""
    if len(text) > 60 or any(stop in text for stop in "。；;"):
        return None
    folded = fold(text)
    m = match_label(folded)
    if m is None:
        return None
    return _LEADER.sub("", folded).replace(" ", "")


def feed(state: SegmentState, para: Para) -> None:
    """Add one paragraph to the tree."""
    if para.table is None and (para.run_in or _title_runs_on(para)):
        _feed_run_in(state, para)
    else:
        _feed_one(state, para)


_TITLE_STYLES = frozenset({Style.PART, Style.CHAPTER, Style.SECTION})


def _title_runs_on(para: Para) -> bool:
    """A chapter's title with its first article run on (第一章　总则第一条　为规范…): a
    title is short, so a long one holds more."""
    if len(para.text) <= 40:
        return False
    m = label_at_start(para.text)
    return m is not None and m.style in _TITLE_STYLES


def _feed_run_in(state: SegmentState, para: Para) -> None:
    """A paragraph that may hold further provisions: cut it where the next expected label
    starts (see run_in.py), feed the head, go on with the rest."""
    while True:
        _feed_one(state, para)
        opened = state.stack[-1] if state.stack and state.stack[-1].paras[0] is para else None
        own = label_at_start(para.text) if opened is not None else None
        start = own.end if own is not None else 1
        expects = Expectation(
            [(n.family, len(n.key), n.ordinal, RANK[n.style]) for n in state.stack],
            state.last_ordinal,
        )
        cut = next_label_at(para.text, start, expects)
        if cut is None:
            return
        tail = para.text[cut:]
        para.text = para.text[:cut].rstrip()
        if opened is not None and own is not None:
            opened.body = _heading_body(opened.style, para.text[own.body :])
        para = Para(tail, para.start_line, para.end_line, para.page, run_in=True)


def _feed_one(state: SegmentState, para: Para) -> None:
    if para.table is not None:
        _feed_table(state, para)
        return
    if state.stack and state.stack[-1].row is not None:
        state.stack.pop()  # a row is a leaf: text after a table belongs to its parent
    match = None if para.hint is LineHint.TITLE else label_at_start(para.text)
    decision = _decide(state, match, para) if match is not None else None
    if match is None or decision is None:
        if state.stack:
            _attach(_owner(state), para)
        elif state.nodes:
            state.trailing.append(para)  # after a table that closed everything
        else:
            state.front.append(para)
        return
    _open(state, match, decision, para)


def _feed_table(state: SegmentState, para: Para) -> None:
    """A table: its section and task cells are paragraphs, its rows provisions."""
    from ..tables.reader import read_table  # only documents with tables pay for it

    assert para.table is not None
    items, notes = read_table(para.table)
    state.notes.extend(notes)
    outside = list(state.stack)
    for item in items:
        if item.row is None:
            feed(state, Para(item.text, item.line, item.line, item.page, item.hint))
        else:
            _open_row(state, item.row, Para(item.text, item.row.line, item.row.end_line, item.page))
    # The table's sections and tasks end with it; what follows belongs where the table sat.
    if any(node.row is not None for node in state.stack):
        state.stack[:] = outside


def _open_row(state: SegmentState, row: RowData, para: Para) -> None:
    """A table row under the open task: numbered by its 序号 cell, else counted (k = 1, 2 …
    under its parent, style ``row``)."""
    if state.stack and state.stack[-1].row is not None:
        state.stack.pop()
    parent = state.stack[-1] if state.stack else None
    from ..lexicon.columns import Role

    siblings = parent.children if parent is not None else state.roots
    number = row.get(Role.NUMBER)
    if number.isdigit():
        style, ordinal, label = Style.ARABIC, int(number), number
    else:
        style, label = Style.ROW, ""
        ordinal = 1 + sum(1 for n in siblings if n.style is Style.ROW)
    node = Node(
        style=style,
        ordinal=ordinal,
        label=label,
        body=para.text,
        parent=parent,
        depth=(parent.depth + 1) if parent else 1,
        paras=[para],
        row=row,
    )
    siblings.append(node)
    state.stack.append(node)
    state.nodes.append(node)


def _attach(node: Node, para: Para) -> None:
    node.paras.append(para)
    if node.parent is not None:
        node.parent.single_paragraph_children = False


def _owner(state: SegmentState) -> Node:
    """The provision an unnumbered paragraph belongs to: the innermost open one, except
    after the last item of an enumeration that a parent introduced with a colon:

        第四条 …如实记载下列事项：
        （一）…；（二）…；（三）收获、屠宰或者捕捞的日期。
        农产品生产记录应当保存二年。      ← the article's next paragraph, not item （三）'s
    """
    node = state.stack[-1]
    parent = node.parent
    if (
        parent is not None
        and len(node.paras) == 1
        and node.body.rstrip().endswith(("。", "."))
        and parent.paras[-1].text.rstrip().endswith((":", "："))
        and parent.single_paragraph_children
    ):
        state.stack.pop()
        return parent
    return node


def _decide(state: SegmentState, m: LabelMatch, para: Para) -> _Decision | None:
    written = para.text[m.start : m.end]
    if m.family in OUTLINE_FAMILIES:
        return _decide_outline(state, m, written, para)
    for index in range(len(state.stack) - 1, -1, -1):
        node = state.stack[index]
        if (node.family, len(node.key)) == m.level:
            if m.ordinal == 1 and _after_lead_in(state):
                # 履行下列职责：（一）…（八）…另一段：（一）… — a second list in the same parent.
                _move_lead_in(state, index)
                return _Decision(index, None)
            return _judge(state, m, written, index, [node.ordinal + 1], para)
    rank = RANK[m.style]
    depth = 0
    for index in range(len(state.stack) - 1, -1, -1):
        if RANK[state.stack[index].style] < rank:
            depth = index + 1
            break
    expected = [1]
    last = state.last_ordinal.get(m.level)
    if last is not None:
        expected.append(last + 1)
    return _judge(state, m, written, depth, expected, para)


def _outline_key(node: Node, family: str = OUTLINE) -> tuple[int, ...] | None:
    """The node's number as a prefix in ``family``'s outline: 1.2 for an outline item, and
    1 for a plain ``1.`` item too, which is how many plans write their outline's top level
    (1. 总则 / 1.1). A.2 is a prefix only of letter outlines (A.2.1), 1.2 only of 1.2.1."""
    if node.family == family:
        return node.key
    if family == OUTLINE and node.style is Style.ARABIC:
        return node.key
    return None


def path_step(node: Node) -> tuple[int, ...]:
    """What the node adds to its parent's path: its ordinal, or for an outline item the
    part of its written number below its parent's (1.3.2 under 1.3 → 2; under 第一章 → 1, 3, 2).
    """
    if node.family not in OUTLINE_FAMILIES:
        return (node.ordinal,)
    prefix = _outline_key(node.parent, node.family) if node.parent is not None else None
    if prefix is not None and node.key[: len(prefix)] == prefix:
        return node.key[len(prefix) :]
    return node.key


def _decide_outline(
    state: SegmentState, m: LabelMatch, written: str, para: Para
) -> _Decision | None:
    """Decimal outlines nest by their written prefix: 1.1.1 under 1.1, 2.1 under 2.

    Walking the open levels from the innermost: an outline item whose number is a proper
    prefix of the label is its parent (the label then counts from that parent's last child
    at its depth, or from 1); one of the same depth and prefix is its previous sibling;
    deeper or unrelated items are closed. A level that ranks above the outline (第X章)
    bounds the walk: below it the outline starts afresh at 1, 1.1 …
    """
    key = m.key
    for index in range(len(state.stack) - 1, -1, -1):
        node = state.stack[index]
        prefix = _outline_key(node, m.family)
        if prefix is None:
            if RANK[node.style] < RANK[Style.DECIMAL]:
                return _outline_start(state, m, written, index + 1, para)
            continue
        if len(prefix) < len(key) and key[: len(prefix)] == prefix:
            last = next(
                (
                    c.key[len(prefix)]
                    for c in reversed(node.children)
                    if c.family == m.family and len(c.key) == len(key)
                ),
                0,
            )
            rest = key[len(prefix) + 1 :]
            if any(n != 1 for n in rest):
                break
            return _judge(state, m, written, index + 1, [last + 1], para, ordinal=key[len(prefix)])
        if node.family == m.family and len(prefix) == len(key) and prefix[:-1] == key[:-1]:
            return _judge(state, m, written, index, [prefix[-1] + 1], para)
    else:
        return _outline_start(state, m, written, 0, para)
    _reject(state, written, "an outline number whose parent is not open", para)
    return None


def _outline_start(
    state: SegmentState, m: LabelMatch, written: str, depth: int, para: Para
) -> _Decision | None:
    """The first outline item under a parent: 1, 1.1 or 1.1.1 (a bare ``1 总则`` only as 1);
    B.1 or C.1.1 in a letter outline, whose letter names its appendix rather than counts."""
    counted = m.key[1:] if m.family == LETTER_OUTLINE else m.key
    if all(n == 1 for n in counted):
        return _Decision(depth, None)
    if m.rule != "outline_top" and all(n <= 1 + MAX_GAP for n in counted):
        return _Decision(depth, 1)
    _reject(state, written, "an outline that starts at 1", para)
    return None


def _reject(state: SegmentState, written: str, wanted: str, para: Para) -> None:
    state.notes.append(
        Note(
            "label-rejected",
            f"{written!r} at the start of a paragraph looks like a label, but the count "
            f"expects {wanted} here; kept as text",
            para.start_line,
        )
    )


def _judge(
    state: SegmentState,
    m: LabelMatch,
    written: str,
    depth: int,
    expected: list[int],
    para: Para,
    ordinal: int | None = None,
) -> _Decision | None:
    number = m.ordinal if ordinal is None else ordinal
    if number in expected:
        return _Decision(depth, None)
    nearest = max(expected)
    gap_from = max((e for e in expected if e < number <= e + MAX_GAP), default=None)
    if not m.tight and gap_from is not None:
        return _Decision(depth, gap_from)
    if number > nearest and (para.hint is LineHint.HEADING or _spaced_word_label(m)):
        # A heading by its markup (## 第六章 附则) or a spaced 第X条 — how laws mark an
        # article — is real even where the text skips (a source that lost articles).
        return _Decision(depth, nearest)
    _reject(state, written, " or ".join(str(n) for n in expected), para)
    return None


def _heading_body(style: Style, body: str) -> str:
    """Chapter titles are spaced out for show (第一章　总　　则): the words are 总则."""
    if style in (Style.PART, Style.CHAPTER, Style.SECTION):
        return _SHOW_SPACES.sub("", body)
    return body


def _spaced_word_label(m: LabelMatch) -> bool:
    return m.style in _WORD_STYLES and not m.tight


def _after_lead_in(state: SegmentState) -> bool:
    """The innermost provision ends with an unnumbered paragraph that opens a list (…：)."""
    if not state.stack:
        return False
    node = state.stack[-1]
    return len(node.paras) > 1 and node.paras[-1].text.rstrip().endswith((":", "："))


def _move_lead_in(state: SegmentState, depth: int) -> None:
    """The lead-in of a new list belongs to the list's parent, not to the old list's end."""
    lead_in = state.stack[-1].paras.pop()
    if depth > 0:
        _attach(state.stack[depth - 1], lead_in)
    else:
        state.front.append(lead_in)


def _open(state: SegmentState, m: LabelMatch, decision: _Decision, para: Para) -> None:
    del state.stack[decision.parent_depth :]
    parent = state.stack[-1] if state.stack else None
    label = para.text[m.start : m.end]
    if decision.gap_from is not None:
        state.notes.append(
            Note(
                "numbering-gap",
                f"{label!r} follows a gap: expected number {decision.gap_from}, found {m.ordinal}",
                para.start_line,
            )
        )
    node = Node(
        style=m.style,
        ordinal=m.ordinal,
        label=label,
        body=_heading_body(m.style, para.text[m.body :]),
        parent=parent,
        depth=(parent.depth + 1) if parent else 1,
        paras=[para],
        key=m.key,
        family=m.family,
    )
    (parent.children if parent is not None else state.roots).append(node)
    state.stack.append(node)
    state.last_ordinal[m.level] = m.ordinal
    state.nodes.append(node)
