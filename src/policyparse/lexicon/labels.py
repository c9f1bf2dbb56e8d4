"""The numbering labels of 公文: one registry of named rules, one matcher over all of them.

The forms are the 结构层次序数 of GB/T 9704-2012 §7.3.3 (一、 → （一） → 1. → （1）), the
circled numbers many plans use below them, the 第X编/章/节/条 of laws and regulations, and
the decimal outlines of emergency plans and standards (1 / 1.1 / 1.1.1). Each form is a
:class:`LabelRule` with a stable name (fixtures and warnings use it), a pattern over the
*folded* text (full-width and traditional forms already mapped, see :mod:`policyparse.fold`),
a family, a rank and a reader of its ordinal as a tuple (1.3.2 → (1, 3, 2)).

New forms register in one place, like mistune's ``SPECIFICATION``/``register(…, before=)``::

    LABELS.register(LabelRule("roman", r"(?P<roman>[IVX]{1,4})\\.", …), before="arabic")

All rules are compiled into one alternation and dispatched on ``m.lastgroup``; a rule that
does not match says so by returning None, never by raising. Rules only look at the start of
a paragraph (or, for text whose line breaks were lost, at a place the segmenter asks about):
a number inside a sentence ("第1条规定", "1.5%") is never matched here as a label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..fold import fold, is_cjk
from ..vocabulary import Style
from .numerals import cn_to_int, int_to_cn

CN_NUMERAL = "[一二三四五六七八九十百零〇两]"
CN_NUMERAL_LONG = "[零〇一二三四五六七八九十百千两0-9]"
BLANKS = " \t\u3000"

# After 第X条 these make a citation, not a label: 第十二条规定, 第三条的, 第一条款.
_CITING_NEXT = frozenset("规的之款项中及和或至、,，")
# After （一） these make items cited, not a list: （一）至（三）项所列, （四）、（五）项.
_CITING_ITEM = frozenset("至、和及或项")
# After a decimal number these make a quantity, a date or a version, not a label:
# 1.5万元, 3.5%, 1.2亿, 2.0版, 1.5倍, 0.5米.
_QUANTITY_NEXT = frozenset(
    "%‰万亿千百元角分倍个件家户人名次项条座台套辆吨米亩平方公里克升度年月日号版期级档秒时天周"
)
_CN_DIGITS = frozenset("一二三四五六七八九十")
_CIRCLED_RANGES = ((0x2460, 0x2473, 1), (0x3251, 0x325F, 21), (0x32B1, 0x32BF, 36))
CIRCLED = "".join(chr(cp) for lo, hi, _ in _CIRCLED_RANGES for cp in range(lo, hi + 1))

Ordinal = tuple[int, ...]


def _cn_ordinal(digits: str) -> Ordinal | None:
    value = _CN_ORDINALS.get(digits) or cn_to_int(digits)
    return (value,) if value else None


def _arabic_ordinal(digits: str) -> Ordinal | None:
    value = int(digits)
    return (value,) if value else None


def _mixed_ordinal(digits: str) -> Ordinal | None:
    """第12条 and 第十二条 alike."""
    return _arabic_ordinal(digits) if digits.isdigit() else _cn_ordinal(digits)


def _circled_ordinal(char: str) -> Ordinal | None:
    cp = ord(char)
    for lo, hi, first in _CIRCLED_RANGES:
        if lo <= cp <= hi:
            return (cp - lo + first,)
    return None


def _decimal_ordinal(digits: str) -> Ordinal | None:
    parts = tuple(int(p) for p in digits.split("."))
    return parts if all(parts) else None


@dataclass(frozen=True, slots=True)
class LabelRule:
    """One label form.

    ``pattern`` holds exactly one named group, ``name``, around the written number (more
    groups may follow for alternative spellings; they must start with ``name + "_"``).
    ``family`` says which forms count together (（1） and 1） are one family); ``rank`` is
    the place in the canonical hierarchy: a form nests under any open form of lower rank.
    ``check`` may veto a match by what follows the label (returns False: not a label).
    """

    name: str
    pattern: str
    style: Style
    family: str
    rank: int
    read: Callable[[str], Ordinal | None]
    check: Callable[[str, int], bool] | None = None
    word: bool = False  # 第X条-style: a label with no space after it is weaker evidence


@dataclass(slots=True)
class LabelRegistry:
    """The ordered rules and the alternation compiled from them."""

    rules: list[LabelRule] = field(default_factory=list)
    _compiled: re.Pattern[str] | None = None
    _by_group: dict[str, LabelRule] = field(default_factory=dict)

    def register(
        self, rule: LabelRule, *, before: str | None = None, after: str | None = None
    ) -> None:
        """Add ``rule``; order matters only where forms overlap (first match wins)."""
        if any(r.name == rule.name for r in self.rules):
            raise ValueError(f"a label rule named {rule.name!r} is already registered")
        anchor = before or after
        if anchor is None:
            self.rules.append(rule)
        else:
            index = next((i for i, r in enumerate(self.rules) if r.name == anchor), None)
            if index is None:
                raise ValueError(f"no label rule named {anchor!r}")
            self.rules.insert(index if before else index + 1, rule)
        self._compiled = None

    def __iter__(self) -> Iterator[LabelRule]:
        return iter(self.rules)

    def get(self, name: str) -> LabelRule:
        return next(r for r in self.rules if r.name == name)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile("(?:" + "|".join(r.pattern for r in self.rules) + ")")
            self._by_group = {}
            for rule in self.rules:
                for group in re.compile(rule.pattern).groupindex:
                    self._by_group[group] = rule
        return self._compiled

    def rule_of(self, group: str) -> LabelRule:
        self.pattern  # noqa: B018 — compiles and fills the group table on first use
        return self._by_group[group]


def _not_citing_word(folded: str, end: int) -> bool:
    """第三条规定 and 第五条第二项 cite; 第二章项目种类 and 第三条项目… open a chapter and an
    article whose text starts with 项目."""
    nxt = folded[end : end + 1]
    return nxt not in _CITING_NEXT or (nxt == "项" and folded[end + 1 : end + 2] == "目")


def _not_citing_item(folded: str, end: int) -> bool:
    """（一）至（三）, （四）、（五）项, （三）项所列 cite items; （三）项目申报条件 and
    （4）及时报告 are items whose text starts with 项目 and 及时."""
    nxt = folded[end : end + 1]
    if nxt not in _CITING_ITEM:
        return True
    after = folded[end + 1 : end + 2]
    if nxt == "项":
        return after == "目"
    return not (after == "(" or after.isdigit() or after in _CN_DIGITS)


# A heading run straight on after 第X部分 (no space) is short and holds no sentence
# punctuation; "第二部分全部为…，共72种。" is a sentence about a part, not its heading.
_PART_TITLE_MAX = 24
_SENTENCE_MARKS = frozenset("。；;，,！？!?")


def _part_has_title(folded: str, end: int) -> bool:
    """A bare 第一部分 is a list's marker; a part of a plan has a title after it.

    Spaced (第一部分　总体要求) the label is a heading's even with its text run on; written
    tight against the text, the rest must read as a heading: short, no sentence marks.
    """
    if not _not_citing_word(folded, end):
        return False
    rest = folded[end:]
    if not rest.strip(BLANKS):
        return folded[end - 1] == "编"
    if rest[0] in BLANKS:
        return True
    title = rest.lstrip(":：、.—- ").rstrip(BLANKS)
    return len(title) <= _PART_TITLE_MAX and not any(ch in _SENTENCE_MARKS for ch in title)


def _decimal_not_quantity(folded: str, end: int) -> bool:
    return folded[end : end + 1] not in _QUANTITY_NEXT


def _letter_decimal_ordinal(written: str) -> Ordinal | None:
    """A.2.1 → (1, 2, 1): the appendix letter counts as the outline's first number."""
    letter, _, digits = written.partition(".")
    rest = _decimal_ordinal(digits)
    return (ord(letter) - ord("A") + 1, *rest) if rest else None


def _letter_outline(folded: str, end: int) -> bool:
    """A.1 环境风险… opens an appendix's outline; A.1至A.3的要求, A.1、A.2 and A.1的 cite it."""
    return _decimal_not_quantity(folded, end) and folded[end : end + 1] not in (
        _CITING_NEXT | _CITING_ITEM
    )


def _outline_top(folded: str, end: int) -> bool:
    """``1 总则``: a bare number is a label only before a short title on its own line."""
    rest = folded[end:].strip(BLANKS)
    return (
        end < len(folded)
        and folded[end] in BLANKS
        and 0 < len(rest) <= 30
        and not any(ch in rest for ch in "。；;，,：:")
        and rest[0] not in _QUANTITY_NEXT
        and not rest[0].isdigit()
    )


def _letter_ordinal(written: str) -> Ordinal | None:
    return (ord(written) - ord("A") + 1,)


# After "A " these make a grade, a class or a share, not an item: A 级, B 股, C 类.
_LETTER_WORDS = frozenset("级股类型区座栋号档轮超")


def _letter_item(folded: str, end: int) -> bool:
    """``A. …``, ``B、…``, ``C）…`` or ``D 污染治理设施…``: a lettered list's item, whose
    text is Chinese. A Latin word (A. Smith, A new), a number (A 1), a range (A、B两级) or a
    grade (A 级景区) after the letter is no item."""
    rest = folded[end:].lstrip(BLANKS)
    if not rest:
        return False
    first = rest[0]
    if first in _QUANTITY_NEXT or first in _LETTER_WORDS:
        return False
    return is_cjk(first) or first in '(“《"'


# A year right after a list number (1.2018年，在保证…; 2.2019-2022年，…) is the item's text.
_YEAR_AHEAD = r"(?:19|20)[0-9]{2}(?:年|-|—|至)"
_CN = CN_NUMERAL + "{1,5}"
_CN_LONG = CN_NUMERAL_LONG + "{1,10}"

LABELS = LabelRegistry()
for _rule in (
    LabelRule("part", rf"第(?P<part>{_CN_LONG})(?:编|部分|篇)", Style.PART, "part", 0,
              _mixed_ordinal, _part_has_title, word=True),
    LabelRule("chapter", rf"第(?P<chapter>{_CN_LONG})章", Style.CHAPTER, "chapter", 10,
              _mixed_ordinal, _not_citing_word, word=True),
    LabelRule("section", rf"第(?P<section>{_CN_LONG})节", Style.SECTION, "section", 20,
              _mixed_ordinal, _not_citing_word, word=True),
    LabelRule("article", rf"第(?P<article>{_CN_LONG})条", Style.ARTICLE, "article", 30,
              _mixed_ordinal, _not_citing_word, word=True),
    LabelRule("cn", rf"(?P<cn>{_CN})(?:、|\.(?![0-9]))", Style.CN, "cn", 40, _cn_ordinal),
    LabelRule("decimal", r"(?P<decimal>[0-9]{1,2}(?:\.[0-9]{1,2}){1,4})(?![0-9])(?:\.(?![0-9]))?",
              Style.DECIMAL, "decimal", 45, _decimal_ordinal, _decimal_not_quantity),
    # The outlines of a standard's appendices: A.1 / A.2.1 (GB/T 1.1's 附录 numbering).
    LabelRule("letter_decimal", r"(?P<letter_decimal>[A-Z](?:\.[0-9]{1,2}){1,3})(?![0-9])"
              r"(?:\.(?![0-9]))?", Style.DECIMAL, "letter_decimal", 45, _letter_decimal_ordinal,
              _letter_outline),
    LabelRule("letter", r"(?P<letter>[A-Z])(?:[.、)](?![0-9A-Za-z.])|(?=[ \t\u3000]))",
              Style.LETTER, "letter", 75, _letter_ordinal, _letter_item),
    LabelRule("cn_paren", rf"\((?P<cn_paren>{_CN})\)", Style.CN_PAREN, "cn_paren", 50,
              _cn_ordinal, _not_citing_item),
    LabelRule("arabic_paren", r"\((?P<arabic_paren>[0-9]{1,3})\)", Style.ARABIC_PAREN,
              "arabic_paren", 70, _arabic_ordinal, _not_citing_item),
    LabelRule("arabic_rparen", r"(?P<arabic_rparen>[0-9]{1,3})\)", Style.ARABIC_PAREN,
              "arabic_paren", 70, _arabic_ordinal),
    LabelRule("arabic", rf"(?P<arabic>[0-9]{{1,3}})(?:、|\.(?![0-9])|\.(?={_YEAR_AHEAD}))",
              Style.ARABIC, "arabic", 60, _arabic_ordinal),
    LabelRule("outline_top", r"(?P<outline_top>[0-9]{1,2})(?=[ \t\u3000])", Style.DECIMAL,
              "decimal", 45, _arabic_ordinal, _outline_top),
    LabelRule("circled", f"(?P<circled>[{CIRCLED}])", Style.CIRCLED, "circled", 80,
              _circled_ordinal),
):  # fmt: skip
    LABELS.register(_rule)

# Rank of every style in the canonical hierarchy (table rows sit below every label).
RANK: dict[Style, int] = {rule.style: rule.rank for rule in LABELS}
RANK[Style.ROW] = 90


@dataclass(frozen=True, slots=True)
class LabelMatch:
    rule: str  # the rule's name
    style: Style
    family: str
    key: Ordinal  # the written number: (3,) for （三）, (1, 3, 2) for 1.3.2
    start: int  # where the label starts (after leading space)
    end: int  # where the label ends
    body: int  # where the provision's text starts (label and the space after it skipped)
    tight: bool  # a 第X条-style label with no space after it: weaker evidence

    @property
    def ordinal(self) -> int:
        return self.key[-1]

    @property
    def level(self) -> tuple[str, int]:
        """What counts together: the family and, for outlines, the depth (1.1 vs 1.1.1)."""
        return self.family, len(self.key)


def match_label(folded: str, start: int | None = None) -> LabelMatch | None:
    """The numbering label at ``start`` of ``folded`` (default: after leading blanks), or None.

    >>> m = match_label("(三)降低市场准入门槛。"); (m.style.value, m.key)
    ('cn_paren', (3,))
    >>> match_label("1.3.2 预警发布").key, match_label("1 总则").key
    ((1, 3, 2), (1,))
    >>> [match_label(s) for s in ("1.5%的贷款", "2025年底", "1.5万元", "第十二条规定的情形")]
    [None, None, None, None]
    """
    if start is None:
        start = len(folded) - len(folded.lstrip(BLANKS))
    m = LABELS.pattern.match(folded, start)
    if m is None:
        return None
    group = m.lastgroup
    assert group is not None
    rule = LABELS.rule_of(group)
    key = rule.read(m.group(group))
    end = m.end()
    if key is None or (rule.check is not None and not rule.check(folded, end)):
        return None
    nxt = folded[end : end + 1]
    tight = rule.word and bool(nxt) and nxt not in BLANKS
    body = end
    while body < len(folded) and folded[body] in BLANKS:
        body += 1
    return LabelMatch(rule.name, rule.style, rule.family, key, start, end, body, tight)


_CN_ORDINALS: dict[str, int] = {int_to_cn(n): n for n in range(1, 1000)}

# Every character a label can start with, in either width.
LABEL_INITIALS = frozenset(
    "第一二三四五六七八九十百零〇两(（0123456789０１２３４５６７８９"
    + CIRCLED
    + "ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
)
# The families numbered as outlines, whose written number nests by prefix (1.1.1 under 1.1).
OUTLINE_FAMILIES = frozenset({"decimal", "letter_decimal"})
# Enough of a paragraph's start to hold any label and the spaces before it.
LABEL_WINDOW = 32


def label_at_start(text: str) -> LabelMatch | None:
    """``match_label`` on the start of ``text`` as written (folds only what it needs)."""
    first = text.lstrip(BLANKS)[:1]
    if not first or first not in LABEL_INITIALS:
        return None  # most paragraphs: decided without folding
    return match_label(fold(text[:LABEL_WINDOW]))


def starts_with_label(text: str) -> bool:
    return label_at_start(text) is not None
