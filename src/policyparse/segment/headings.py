"""A provision's heading: the short title it opens with, if it has one.

Two forms (SPEC): a heading line of its own (``一、总体要求``, ``(一)切实加强领导,狠抓责任落实``)
followed by body or children, and the inline form ``（一）指导思想。以……`` where the text
before the first 。 is short. Articles (第X条) have none but a title in brackets before
their text (第一条　（目的和依据）); chapters and sections are nothing but theirs.
"""

from __future__ import annotations

import re

from ..vocabulary import Style

HEADING_LINE_MAX = 40  # characters of a heading line of its own
INLINE_HEADING_MAX = 24  # characters of a heading sentence before 。
COLON_HEADING_MAX = 8  # 支持对象：… — a colon heading is a field name, so short
_SENTENCE_STOPS = "。！？；;!?"


# An article's own title in brackets before its text; not an enumeration label (（一）).
_ARTICLE_TITLE = re.compile(r"[（(]([^（()）\d一二三四五六七八九十。，,；;：:]{2,20})[）)]")


def find_heading(style: Style, first: str, *, more_follows: bool) -> str | None:
    """The heading of a provision whose first paragraph (after its label) is ``first``.

    ``more_follows``: the provision has further paragraphs or children.

    >>> find_heading(Style.CN_PAREN, "指导思想。以习近平新时代…为指导。", more_follows=False)
    '指导思想'
    >>> find_heading(Style.CN, "总体要求", more_follows=True)
    '总体要求'
    >>> find_heading(Style.ARTICLE, "本条例适用于示范区。", more_follows=True) is None
    True
    >>> find_heading(Style.ARTICLE, "（目的和依据）", more_follows=True)
    '目的和依据'
    """
    text = first.strip()
    if not text:
        return None
    if style in (Style.PART, Style.CHAPTER, Style.SECTION):
        return text
    if style is Style.ARTICLE:
        titled = _ARTICLE_TITLE.match(text)  # 第一条　（目的和依据）, as Shanghai prints them
        return titled.group(1) if titled else None
    if not any(stop in text for stop in _SENTENCE_STOPS) and text[-1] not in "，,、：:":
        # An outline item (1.2 适用范围) is a titled section even while its body is empty.
        if (more_follows or style is Style.DECIMAL) and len(text) <= HEADING_LINE_MAX:
            return text
        return None
    stop = text.find("。")
    if 0 < stop <= INLINE_HEADING_MAX and (stop + 1 < len(text) or more_follows):
        sentence = text[:stop]
        if not any(ch in sentence for ch in "；;：:"):
            return sentence
    colon = min((i for i in (text.find("："), text.find(":")) if i > 0), default=-1)
    if 0 < colon <= COLON_HEADING_MAX and colon + 1 < len(text):
        sentence = text[:colon]
        if not any(ch in sentence for ch in "，,。"):
            return sentence
    return None
