"""Spurious spaces inside Chinese text: ``(责任 单位:`` → ``(责任单位:``.

PDF-to-text and copy-paste put single spaces (or a tab) between CJK characters where the
original has none. A single space between two CJK characters, or between CJK and ASCII
punctuation, is such an artefact and goes. Spaces next to Latin letters and digits stay
(``APEC 技展会``, ``依托 12345 平台``), and so do runs of two or more spaces, which scraped
pages use to separate fields (``来源:  吉林省政府  字体:``).

Two spaces are kept on purpose: the one after a leading 第X条/章/节/编, because laws mark a
provision exactly that way (``第十二条 规定…`` is article 12, ``第十二条规定的…`` is a
sentence that cites it), and the one after a date, which separates fields
(``2019年3月28日 宜昌市人大常委会通过``).
"""

from __future__ import annotations

import re

from ..fold import is_cjk, is_cjk_punct

# One blank between two non-blanks; which neighbours make it spurious is decided in Python,
# which keeps the pattern small (its character classes would cost milliseconds to compile
# on every start).
_LONE_GAP = re.compile(r"(?<=\S)[ \t\u3000\u00a0](?=\S)")
_ASCII_PUNCT = frozenset(",.;:!?()\"'%")
_DATE_END = re.compile(r"[0-9〇○零一二三四五六七八九十]日$")


def _cjkish(ch: str) -> bool:
    return is_cjk(ch) or is_cjk_punct(ch)


def _drop_if_spurious(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    before, after = text[at - 1], text[at + 1]
    if _cjkish(before) and (_cjkish(after) or after in _ASCII_PUNCT):
        if before == "日" and _DATE_END.search(text, 0, at):
            return m.group(0)  # not after a date: 2019年3月28日 宜昌市…通过 are two fields
        return ""
    if before in _ASCII_PUNCT and _cjkish(after):
        return ""
    return m.group(0)


_LAW_LABEL = re.compile(r"^[ \t\u3000]*第[^ \t\u3000]{1,12}?(?:[编章节条篇]|部分)[ \t\u3000]+")


def remove_spurious_spaces(line: str) -> str:
    """Drop single spaces between CJK characters; keep the rest.

    >>> remove_spurious_spaces("(责任 单位:市市场监管局)")
    '(责任单位:市市场监管局)'
    >>> remove_spurious_spaces("支持中小企业参加 APEC 技展会")
    '支持中小企业参加 APEC 技展会'
    >>> remove_spurious_spaces("第十二条 规定 如下")
    '第十二条 规定如下'
    """
    if " " not in line and "\t" not in line and "\u3000" not in line and "\u00a0" not in line:
        return line
    label = _LAW_LABEL.match(line)
    if label:
        head = label.group(0)
        return head + _LONE_GAP.sub(_drop_if_spurious, line[len(head) :])
    return _LONE_GAP.sub(_drop_if_spurious, line)
