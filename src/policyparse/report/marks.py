"""Where a provision's units, deadline and amounts stand in the source rows.

Records keep words as written, but a source line may differ from them in width
(（一） against (一)), in traditional forms, or by a space a PDF put inside a word
(责任 单位): a term is found on the folded copy of its rows (``fold`` keeps offsets), with
any run of white space allowed between its characters, so a term that a wrapped line
broke in two is found across the break too. What cannot be found is simply not marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..fold import fold
from .source import Row

# kind → the order in which overlapping marks win
KINDS: tuple[str, ...] = ("lead", "support", "deadline", "amount")

Mark = tuple[int, int, int, str]  # row, start, end (within the row's text), kind


def provision_terms(provision: dict[str, object]) -> list[tuple[str, str]]:
    """(term, kind) for everything in a provision record that the page highlights."""
    terms: list[tuple[str, str]] = []
    r = provision.get("responsibility")
    if isinstance(r, dict):
        terms += [(name, "lead") for name in r["lead"]]
        terms += [(name, "support") for name in r["support"]]
    d = provision.get("deadline")
    if isinstance(d, dict):
        terms.append((d["raw"], "deadline"))
    amounts = provision.get("amounts")
    if isinstance(amounts, list):
        terms += [(a["raw"], "amount") for a in amounts]
    return [(t, k) for t, k in terms if t and t.strip()]


class Marker:
    """Finds terms in rows; one per document, so each term's pattern is compiled once."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self._patterns: dict[str, re.Pattern[str]] = {}

    def marks(self, first: int, last: int, terms: Iterable[tuple[str, str]]) -> list[Mark]:
        """Every occurrence of each term in rows ``first``–``last``."""
        texts = [self.rows[i].text for i in range(first, last + 1)]
        folded = fold("\n".join(texts))
        starts = [0]
        for text in texts:
            starts.append(starts[-1] + len(text) + 1)
        found: list[Mark] = []
        for term, kind in terms:
            for m in self._pattern(term).finditer(folded):
                found.extend(_split(m.start(), m.end(), starts, first, kind))
        return found

    def _pattern(self, term: str) -> re.Pattern[str]:
        pattern = self._patterns.get(term)
        if pattern is None:
            chars = [re.escape(c) for c in fold(term) if not c.isspace()]
            pattern = self._patterns[term] = re.compile(r"\s*".join(chars))
        return pattern


def _split(start: int, end: int, starts: list[int], first: int, kind: str) -> list[Mark]:
    """A match in the joined text → one mark per row it touches."""
    out: list[Mark] = []
    for i in range(len(starts) - 1):
        lo, hi = starts[i], starts[i + 1] - 1  # the row's text, without its "\n"
        s, e = max(start, lo), min(end, hi)
        if s < e:
            out.append((first + i, s - lo, e - lo, kind))
    return out


def without_overlaps(marks: Iterable[Mark]) -> list[Mark]:
    """Marks that do not overlap, by row and start: the longer, then the KINDS order wins."""
    rank = {k: i for i, k in enumerate(KINDS)}
    ordered = sorted(set(marks), key=lambda m: (m[0], m[1], m[1] - m[2], rank[m[3]]))
    kept: list[Mark] = []
    for mark in ordered:
        if kept and kept[-1][0] == mark[0] and mark[1] < kept[-1][2]:
            continue
        kept.append(mark)
    return kept
