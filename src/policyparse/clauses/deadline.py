"""Deadlines: when a provision must be done.

From a table's 完成时限 cell every form counts; from running text only what is phrased as
a deadline does (一个期限, not every date a sentence mentions):

    date       2021年12月31日前, 2022年底前, 到2025年底, 2021年底, 2022年6月底前,
               2023年上半年, 2024年第三季度, 到2025年, 年底前 (the document's year)
    period     “十四五”期间 (→ 2025-12-31), 2021—2023年 (→ 2023-12-31), 5年内 (from the
               document's date), 政策执行期内 (no date)
    long_term  长期, 长期坚持
    ongoing    每年, 每季度, 按季, 按月, 持续推进, 常态化

``date`` is the last day the text allows, read inclusively: 2022年6月前 and 2022年6月底前
both give 2022-06-30, 2025年前 gives 2025-12-31 — plans use 前 for "by".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..lexicon.numerals import cn_to_int

_YEAR = r"(?P<y>(?:19|20)\d{2})[ \u3000]*年"
_MONTH = r"(?:[ \u3000]*(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])[ \u3000]*月)"
_DAY = r"(?:[ \u3000]*(?P<d>3[01]|[12]\d|0?[1-9])[ \u3000]*[日号])"
_PART = r"(?P<part>上半年|下半年|(?:第?[一二三四1-4])季度|年?底|年?末)"
_BEFORE = r"(?P<before>[ \u3000]*(?:之前|以前|前))"
# Only a date phrased as a deadline: 到/至/于/在…, or …底/末/前.
_DATED = re.compile(
    rf"(?:(?P<lead>到|至|截至|截止)[ \u3000]*)?{_YEAR}{_MONTH}?{_DAY}?"
    rf"(?:[ \u3000]*{_PART})?{_BEFORE}?"
)
_PLAN_PERIOD = re.compile(r"[“\"]?(十[一二三四五六七]五)[”\"]?(?:期间|时期|末|内)")
_YEAR_SPAN = re.compile(
    r"(?:19|20)\d{2}[ \u3000]*(?:年)?[—–\-－~～至到][ \u3000]*(?P<y>(?:19|20)\d{2})[ \u3000]*年"
)
# …3年内不得再次申请 is a ban, not a deadline.
_WITHIN = re.compile(
    r"(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})[ \u3000]*(?P<unit>年|个月)(?:以?内|之内)"
    r"(?![，,]?[ \u3000]*(?:不得|不予|不再|禁止|不能))"
)
_POLICY_PERIOD = re.compile(r"政策(?:执行|实施|有效)期(?:内|间)")
_THIS_YEAR_END = re.compile(
    r"(?<!每年)(?<!每)(?:本|今)?年(?:底|末)(?:前|之前)?|(?<![0-9一二三四五六七八九十两每])年内"
)
_LONG_TERM = re.compile(r"^[ \u3000]*长期[ \u3000]*$|长期(?:坚持|执行|实施|推进|有效)")
_ONGOING = re.compile(
    r"^[ \u3000]*(?:持续|常态化|定期)[ \u3000]*(?:推进|开展)?[ \u3000]*$"
    r"|每年|每季度?|按季(?:度)?|每月|按月|每半年|逐年|持续推进|常态化推进"
)
# Every form below holds one of these; a text with none has no deadline.
_ANY_TIME_WORD = re.compile(r"[年月期季每按内]|持续|常态|定期")
_FIVE_YEAR_PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025}


@dataclass(frozen=True, slots=True)
class FoundDeadline:
    raw: str
    date: str | None
    kind: str  # date | long_term | ongoing | period


def find_deadline(
    text: str, *, doc_date: dt.date | None = None, whole_cell: bool = False
) -> FoundDeadline | None:
    """The deadline ``text`` states, or None.

    ``whole_cell``: ``text`` is a 完成时限 cell, so a bare year (2025年) is a deadline too.

    >>> find_deadline("力争到2025年底，新增1200户。")
    FoundDeadline(raw='到2025年底', date='2025-12-31', kind='date')
    >>> find_deadline("2021年是开局之年，2022年6月底前完成。").date
    '2022-06-30'
    """
    if not _ANY_TIME_WORD.search(text):
        return None  # most provisions: decided without trying every form
    dated = _dated(text, strong=True) if "年" in text else None
    if dated is not None:
        return dated
    m = _PLAN_PERIOD.search(text)
    if m and m.group(1) in _FIVE_YEAR_PLAN_END:
        return FoundDeadline(m.group(0), f"{_FIVE_YEAR_PLAN_END[m.group(1)]}-12-31", "period")
    m = _YEAR_SPAN.search(text)
    if m:
        return FoundDeadline(m.group(0), f"{m.group('y')}-12-31", "period")
    dated = _dated(text, strong=False, whole_cell=whole_cell) if "年" in text else None
    if dated is not None:
        return dated
    m = _WITHIN.search(text)
    if m:
        return FoundDeadline(m.group(0), _after(doc_date, m.group("n"), m.group("unit")), "period")
    m = _POLICY_PERIOD.search(text)
    if m:
        return FoundDeadline(m.group(0), None, "period")
    m = _THIS_YEAR_END.search(text)
    if m and (whole_cell or m.group(0) != "年内" or doc_date is not None):
        date = f"{doc_date.year}-12-31" if doc_date else None
        return FoundDeadline(m.group(0), date, "date")
    m = _LONG_TERM.search(text)
    if m:
        return FoundDeadline(m.group(0).strip(), None, "long_term")
    m = _ONGOING.search(text)
    if m:
        return FoundDeadline(m.group(0).strip(), None, "ongoing")
    return None


def _dated(text: str, *, strong: bool, whole_cell: bool = False) -> FoundDeadline | None:
    """``strong``: only 底/末/前 forms; else also 到2025年, and any date in a whole cell."""
    for m in _DATED.finditer(text):
        strongly = m.group("part") or m.group("before")
        phrased = strongly if strong else m.group("lead") or whole_cell
        if not phrased:
            continue  # a date in a sentence, not a deadline (2021年是开局之年)
        date = _last_day(int(m.group("y")), m.group("m"), m.group("d"), m.group("part"))
        if date is None:
            continue
        return FoundDeadline(m.group(0).strip(" \u3000"), date, "date")
    return None


def _last_day(year: int, month: str | None, day: str | None, part: str | None) -> str | None:
    m = _number(month) if month else None
    if m is not None and not 1 <= m <= 12:
        return None
    if m is None:
        if part and "上半年" in part:
            m = 6
        elif part and "季度" in part:
            quarter = _number(part.strip("第季度")) or 4
            m = 3 * quarter
        else:
            m = 12
    try:  # ValueError: no such day, or a year outside 1–9999
        if day is not None:
            return dt.date(year, m, int(day)).isoformat()
        return dt.date(year, m, calendar.monthrange(year, m)[1]).isoformat()
    except (ValueError, OverflowError):
        return None


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text)


def _after(doc_date: dt.date | None, count: str, unit: str) -> str | None:
    if doc_date is None:
        return None
    n = _number(count)
    if n is None:
        return None
    months = n * 12 if unit == "年" else n
    year, month = divmod(doc_date.month - 1 + months, 12)
    year += doc_date.year
    month += 1
    if year > dt.MAXYEAR:
        return None  # "5年内" in a document dated 9999: no date a calendar can hold
    day = min(doc_date.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day).isoformat()
