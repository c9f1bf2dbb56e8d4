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

from dataclasses import dataclass, field

from ..models import Style
from ..normalise import Para
from ..normalise.fold import fold
from ..text import HeadingHint, Note
from .rules import RANK, LabelMatch, match_label

MAX_GAP = 3


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

    @property
    def first(self) -> Para:
        return self.paras[0]


@dataclass(slots=True)
class SegmentState:
    stack: list[Node] = field(default_factory=list)
    last_ordinal: dict[Style, int] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)
    front: list[Para] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def reset(self) -> None:
        """A new document starts (an attachment after a notice): counts start again."""
        self.stack.clear()
        self.last_ordinal.clear()


@dataclass(frozen=True, slots=True)
class _Decision:
    parent_depth: int  # number of stack entries that stay open above the new node
    gap_from: int | None  # the ordinal that was expected, when the label skips


def segment(paras: list[Para], state: SegmentState | None = None) -> SegmentState:
    state = state or SegmentState()
    for para in paras:
        feed(state, para)
    return state


def feed(state: SegmentState, para: Para) -> None:
    """Add one paragraph to the tree."""
    match = None if para.hint is HeadingHint.TITLE else match_label(fold(para.text))
    decision = _decide(state, match, para) if match is not None else None
    if match is None or decision is None:
        if state.stack:
            state.stack[-1].paras.append(para)
        else:
            state.front.append(para)
        return
    _open(state, match, decision, para)


def _decide(state: SegmentState, m: LabelMatch, para: Para) -> _Decision | None:
    written = para.text[m.start : m.end]
    for index in range(len(state.stack) - 1, -1, -1):
        node = state.stack[index]
        if node.style is m.style:
            return _judge(state, m, written, index, [node.ordinal + 1], para)
    rank = RANK[m.style]
    depth = 0
    for index in range(len(state.stack) - 1, -1, -1):
        if RANK[state.stack[index].style] < rank:
            depth = index + 1
            break
    expected = [1]
    last = state.last_ordinal.get(m.style)
    if last is not None:
        expected.append(last + 1)
    return _judge(state, m, written, depth, expected, para)


def _judge(
    state: SegmentState,
    m: LabelMatch,
    written: str,
    depth: int,
    expected: list[int],
    para: Para,
) -> _Decision | None:
    if m.ordinal in expected:
        return _Decision(depth, None)
    nearest = max(expected)
    if not m.tight and nearest < m.ordinal <= nearest + MAX_GAP:
        return _Decision(depth, nearest)
    wanted = " or ".join(str(n) for n in expected)
    state.notes.append(
        Note(
            "label-rejected",
            f"{written!r} at the start of a paragraph looks like a label, but the count "
            f"expects {wanted} here; kept as text",
            para.start_line,
        )
    )
    return None


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
        body=para.text[m.body :],
        parent=parent,
        depth=(parent.depth + 1) if parent else 1,
        paras=[para],
    )
    state.stack.append(node)
    state.last_ordinal[m.style] = m.ordinal
    state.nodes.append(node)
