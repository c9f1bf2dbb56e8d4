"""Bodies whose line breaks were lost, split back into paragraphs.

Crawlers that join a page's text nodes (xpath ``//text()``) leave a whole notice on one
line: paragraphs survive only as their indent (``…工作。　　（二）加强…``), or, where the
whitespace was collapsed too, as a single space before each label (``… 一、总体要求 以…``).
A long line with two or more such breaks before labels is read as flattened: it is cut at
every run of two or more ideographic spaces (a paragraph's first-line indent) and at every
blank run that a label follows. Whether a label there really opens a provision is still
the segmenter's decision, by the expected next label, exactly as at a line start; labels
inside sentences (``下列情形：（一）…；（二）…``) have no blank before them and stay text.
"""

from __future__ import annotations

import re

from ..lexicon.labels import label_at_start

FLAT_MIN = 300  # shorter lines are ordinary paragraphs, however they look
# A paragraph this long is a body run together even with no blank left in it: the
# segmenter looks inside it for the labels it expects next (segment/run_in.py).
RUN_IN_MIN = 800
_BLANKS = re.compile(r"[ \t\u3000\u00a0]+")
HEADING_MAX = 30
_STOPS = frozenset("。；;，,：:！？!?")


def split_flattened(text: str) -> list[str] | None:
    """The paragraphs run together in ``text``, or None when it does not read as flattened.

    >>> body = "通知如下：　　一、总体要求　　以……为指导。 二、重点任务 （一）扩大消费。"
    >>> [p[:7] for p in split_flattened(body + "。" * 300)]
    ['通知如下：', '一、总体要求', '以……为指导。', '二、重点任务', '（一）扩大消费']
    """
    if len(text) < FLAT_MIN:
        return None
    cuts: list[tuple[int, int]] = []
    labelled = 0
    for run in _BLANKS.finditer(text):
        start, end = run.span()
        if start == 0 or end == len(text):
            continue
        indent = run.group().count("\u3000") >= 2
        label = not text[start - 1].isdigit() and label_at_start(text[end : end + 32]) is not None
        if indent or label:
            cuts.append((start, end))
            labelled += label
    if labelled < 2:
        return None
    pieces: list[str] = []
    at = 0
    for start, end in cuts:
        pieces.append(text[at:start])
        at = end
    pieces.append(text[at:])
    return [part for piece in pieces if piece.strip() for part in _heading_apart(piece)]


def _heading_apart(piece: str) -> list[str]:
    """``一、总体要求 以习近平…``: where the whitespace was collapsed, a short labelled
    heading and its body are parted by one blank — the line break that was lost."""
    if label_at_start(piece) is None:
        return [piece]
    run = _BLANKS.search(piece, 0, HEADING_MAX + 1)
    if run is None or run.end() == len(piece) or any(ch in piece[: run.start()] for ch in _STOPS):
        return [piece]
    return [piece[: run.start()], piece[run.end() :]]
