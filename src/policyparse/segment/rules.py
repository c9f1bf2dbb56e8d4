"""The numbering rules: one named rule per label form, in one ordered table.

The forms are the 结构层次序数 of GB/T 9704-2012 §7.3.3 (一、 → （一） → 1. → （1）), the
circled numbers many plans use below them, and the 第X编/章/节/条 of laws and regulations.
All rules are compiled into one alternation and dispatched on ``m.lastgroup``; a rule that
does not match says so by returning None, never by raising.

Rules see the *folded* paragraph (full-width forms mapped to ASCII, see normalise.fold),
so （一） and (一), 1． and 1. are one rule each. They only ever look at the start of a
paragraph: a number inside a sentence ("第1条规定", "1.5%") never starts a provision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fold import fold
from ..lexicon.numerals import cn_to_int, int_to_cn
from ..vocabulary import Style

_CN = "[一二三四五六七八九十百零〇两]{1,5}"
_CN_LONG = "[零〇一二三四五六七八九十百千两0-9]{1,10}"
_WS = " \t\u3000"

# Order matters only where forms overlap; each group name is the style it yields.
_RULES: tuple[tuple[Style, str], ...] = (
    (Style.PART, rf"第(?P<part>{_CN_LONG})(?:编|部分|篇)"),
    (Style.CHAPTER, rf"第(?P<chapter>{_CN_LONG})章"),
    (Style.SECTION, rf"第(?P<section>{_CN_LONG})节"),
    (Style.ARTICLE, rf"第(?P<article>{_CN_LONG})条"),
    (Style.CN, rf"(?P<cn>{_CN})(?:、|\.(?![0-9]))"),
    (Style.CN_PAREN, rf"\((?P<cn_paren>{_CN})\)"),
    (Style.ARABIC_PAREN, r"\((?P<arabic_paren>[0-9]{1,3})\)|(?P<arabic_rparen>[0-9]{1,3})\)"),
    (Style.ARABIC, r"(?P<arabic>[0-9]{1,3})(?:、|\.(?![0-9]))"),
    (Style.CIRCLED, r"(?P<circled>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])"),
)
# No leading blanks in the pattern: the caller skips them, which keeps every use linear.
_LABEL = re.compile("(?:" + "|".join(p for _, p in _RULES) + ")")
_GROUP_STYLE = {
    "part": Style.PART,
    "chapter": Style.CHAPTER,
    "section": Style.SECTION,
    "article": Style.ARTICLE,
    "cn": Style.CN,
    "cn_paren": Style.CN_PAREN,
    "arabic_paren": Style.ARABIC_PAREN,
    "arabic_rparen": Style.ARABIC_PAREN,
    "arabic": Style.ARABIC,
    "circled": Style.CIRCLED,
}
_WORD_STYLES = {Style.PART, Style.CHAPTER, Style.SECTION, Style.ARTICLE}
# After 第X条 these make a citation, not a label: 第十二条规定, 第三条的, 第一条款.
_CITING_NEXT = set("规的之款项中及和或至、,，")

_PAREN_STYLES = {Style.CN_PAREN, Style.ARABIC_PAREN}
_CITING_ITEM = set("至、和及或项")

# Rank in the canonical hierarchy: a form nests under any form of lower rank.
RANK: dict[Style, int] = {
    Style.PART: 0,
    Style.CHAPTER: 1,
    Style.SECTION: 2,
    Style.ARTICLE: 3,
    Style.CN: 4,
    Style.CN_PAREN: 5,
    Style.ARABIC: 6,
    Style.ARABIC_PAREN: 7,
    Style.CIRCLED: 8,
    Style.ROW: 9,
}


@dataclass(frozen=True, slots=True)
class LabelMatch:
    style: Style
    ordinal: int
    start: int  # where the label starts (after leading space)
    end: int  # where the label ends
    body: int  # where the provision's text starts (label and the space after it skipped)
    tight: bool  # a 第X条-style label with no space after it: weaker evidence


def match_label(folded: str) -> LabelMatch | None:
    """The numbering label at the start of ``folded``, or None.

    >>> m = match_label("(三)降低市场准入门槛。"); (m.style.value, m.ordinal)
    ('cn_paren', 3)
    >>> match_label("1.5%的贷款") is None, match_label("2025年底") is None
    (True, True)
    >>> match_label("第十二条规定的情形") is None
    True
    """
    start = len(folded) - len(folded.lstrip(_WS))
    m = _LABEL.match(folded, start)
    if m is None:
        return None
    group = m.lastgroup
    assert group is not None
    style = _GROUP_STYLE[group]
    digits = m.group(group)
    ordinal = _ordinal(style, digits)
    if ordinal is None or ordinal == 0:
        return None
    end = m.end()
    tight = False
    nxt = folded[end : end + 1]
    if style is Style.PART and folded[end - 1] != "编" and not folded[end:].strip(_WS):
        return None  # a bare 第一部分 is a list's marker; a part of a plan has a title
    if style in _WORD_STYLES:
        if nxt in _CITING_NEXT:
            return None
        tight = bool(nxt) and nxt not in _WS
    elif style in _PAREN_STYLES and nxt in _CITING_ITEM:
        return None  # （一）至（三）项所列…, （四）、（五）项: items cited, not a list
    body = end
    while body < len(folded) and folded[body] in _WS:
        body += 1
    return LabelMatch(style, ordinal, start, end, body, tight)


_CN_ORDINALS: dict[str, int] = {int_to_cn(n): n for n in range(1, 1000)}


def _ordinal(style: Style, digits: str) -> int | None:
    if style is Style.CIRCLED:
        cp = ord(digits)
        if cp <= 0x2473:
            return cp - 0x2460 + 1
        if cp <= 0x325F:
            return cp - 0x3251 + 21
        return cp - 0x32B1 + 36
    if digits.isdigit():
        return int(digits)
    return _CN_ORDINALS.get(digits) or cn_to_int(digits)


# Every character a label can start with, in either width.
_CIRCLED = (*range(0x2460, 0x2474), *range(0x3251, 0x3260), *range(0x32B1, 0x32C0))
_LABEL_INITIALS = frozenset(
    "第一二三四五六七八九十百零〇两(（0123456789０１２３４５６７８９" + "".join(map(chr, _CIRCLED))
)
# Enough of a paragraph's start to hold any label and the spaces before it.
LABEL_WINDOW = 32


def label_at_start(text: str) -> LabelMatch | None:
    """``match_label`` on the start of ``text`` as written (folds only what it needs)."""
    first = text.lstrip(_WS)[:1]
    if not first or first not in _LABEL_INITIALS:
        return None  # most paragraphs: decided without folding
    return match_label(fold(text[:LABEL_WINDOW]))


def starts_with_label(text: str) -> bool:
    return label_at_start(text) is not None
