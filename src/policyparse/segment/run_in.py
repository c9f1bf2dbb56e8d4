"""Labels inside a paragraph whose line breaks were lost: the expected next label decides.

A crawled body with no breaks left (``…制定如下措施。一、强化财政金融支持（一）创新金融
领域服务。…``) holds its provisions inside one paragraph. At each place where a label may
start — after a sentence's end, a closing bracket or a heading's last character, never after
``：；，、`` where an enumeration runs inside a sentence — the label is taken only if it is
exactly what the open levels expect next: the next number of an open level, the first item
of a level below the innermost, or the next of a count carried across parents. No gaps are
accepted here, so a number in running text rarely qualifies.
"""

from __future__ import annotations

from ..fold import fold, is_cjk
from ..lexicon.labels import (
    LABEL_INITIALS,
    LABEL_WINDOW,
    OUTLINE_FAMILIES,
    RANK,
    LabelMatch,
    match_label,
)

_AFTER = frozenset("。！？!?）)」”』】 \t\u3000\u00a0\u2002\u2003")


def next_label_at(text: str, start: int, expects: Expectation) -> int | None:
    """Where in ``text`` (from ``start``) the next expected label begins, or None."""
    for i in range(max(start, 1), len(text)):
        if text[i] not in LABEL_INITIALS:
            continue
        before = text[i - 1]
        if before not in _AFTER and not is_cjk(before):
            continue
        m = match_label(fold(text[i : i + LABEL_WINDOW]), 0)
        if m is not None and expects(m):
            return i
    return None


class Expectation:
    """What the open levels expect next, read off the segmenter's state once per paragraph."""

    def __init__(
        self, open_levels: list[tuple[str, int, int, int]], counts: dict[tuple[str, int], int]
    ) -> None:
        # (family, depth, ordinal, rank) of every open provision, outermost first
        self._open = open_levels
        self._counts = counts

    def __call__(self, m: LabelMatch) -> bool:
        if m.family in OUTLINE_FAMILIES or m.family == "letter":
            # 1.1 inside a sentence is far likelier a number than an outline; A、B a pair
            return False
        for family, depth, ordinal, _ in reversed(self._open):
            if (family, depth) == m.level:
                return m.ordinal == ordinal + 1
        innermost = self._open[-1][3] if self._open else -1
        if RANK[m.style] <= innermost:
            return False
        last = self._counts.get(m.level)
        return m.ordinal == 1 or (last is not None and m.ordinal == last + 1)
