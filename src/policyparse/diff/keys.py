"""What two versions of a provision are compared on: a folded key, its shingles, and a
character-level diff that shows the text as written.

Revisions re-typeset as often as they amend: (一) becomes （一）, 总则 becomes 总　则, a
traditional character its simplified twin. None of that is a change, so keys are the
text folded (fold.py, one character for one) with every space removed. The character diff
runs on the same folded, space-free copy and maps each run back to the characters as
written, so nothing shown to a reader is the folded form.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..fold import fold

DiffRun = tuple[str, str]  # ("=" | "-" | "+", text as written)


def key(text: str | None) -> str:
    """The comparison form of a text: folded, without whitespace.

    >>> key("总　则") == key("总则")
    True
    >>> key("（一）１００万元") == key("(一)100万元")
    True
    """
    if not text:
        return ""
    return "".join(fold(text).split())


def shingles(k: str) -> frozenset[str]:
    """Character bigrams of a key (the key itself when shorter than two characters)."""
    if len(k) < 2:
        return frozenset((k,)) if k else frozenset()
    return frozenset(k[i : i + 2] for i in range(len(k) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice's coefficient of two shingle sets: 1.0 for the same bigrams, 0.0 for none."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _kept(text: str) -> tuple[str, list[int]]:
    """The folded text without whitespace, and where each of its characters was written."""
    folded = fold(text)
    positions = [i for i, ch in enumerate(folded) if not ch.isspace()]
    return "".join(folded[i] for i in positions), positions


def char_diff(old: str, new: str) -> tuple[list[DiffRun], float]:
    """Runs of kept (``=``), deleted (``-``) and inserted (``+``) text, as written, and the
    similarity of the two keys (difflib's ratio: 2 × matched / total characters).

    >>> char_diff("最高200万元", "最高３００万元")[0]
    [('=', '最高'), ('-', '2'), ('+', '３'), ('=', '００万元')]
    """
    a, a_at = _kept(old)
    b, b_at = _kept(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    runs: list[DiffRun] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            runs.append(("-", _slice(old, a_at, i1, i2)))
        if op in ("insert", "replace"):
            runs.append(("+", _slice(new, b_at, j1, j2)))
        if op == "equal":
            runs.append(("=", _slice(new, b_at, j1, j2)))
    total = len(a) + len(b)
    matched = sum(size for _, _, size in matcher.get_matching_blocks())
    return runs, (2 * matched / total if total else 1.0)


def _slice(text: str, at: list[int], start: int, end: int) -> str:
    """The written text from kept character ``start`` up to kept character ``end``, with
    the spaces between them (and, for the last run, the trailing ones)."""
    begin = 0 if start == 0 else at[start]
    stop = at[end] if end < len(at) else len(text)
    return text[begin:stop]
