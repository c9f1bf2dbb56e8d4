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

_CJKISH = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·•"  # punctuation
)
_ASCII_PUNCT = r",.;:!?()\"'%"
_GAP = r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0](?![ \t\u3000\u00a0])"
_SPURIOUS = re.compile(
    # not after a date (2019年3月28日 宜昌市…通过): there the space separates two fields
    rf"(?<![0-9〇○零一二三四五六七八九十]日)"
    rf"(?<=[{_CJKISH}]){_GAP}(?=[{_CJKISH}{re.escape(_ASCII_PUNCT)}])"
    rf"|(?<=[{re.escape(_ASCII_PUNCT)}]){_GAP}(?=[{_CJKISH}])"
)
_LAW_LABEL = re.compile(r"^[ \t\u3000]*第[^ \t\u3000]{1,12}?[编章节条][ \t\u3000]+")


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
        return head + _SPURIOUS.sub("", line[len(head) :])
    return _SPURIOUS.sub("", line)
