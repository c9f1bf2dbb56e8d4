"""The named deadline forms, tried in order: the most specific completion limit wins.

Each form reads a ``Scope`` and returns a ``FoundDeadline`` or None ("not mine"). A form
marked ``slot_only`` counts only where the text is a time slot — a table's 完成时限 cell
or the time field of a clause (（5月底完成，牵头单位：…）); in running text a goal year
(到2025年), a window (2021—2023年, 政策执行期内) or a frequency (每年, 按月) is no limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from . import grammar as g
from .days import after, last_day


@dataclass(frozen=True, slots=True)
class FoundDeadline:
    raw: str
    date: str | None
    kind: str  # date | long_term | ongoing | period


@dataclass(frozen=True, slots=True)
class Scope:
    text: str
    doc_date: dt.date | None
    slot: bool  # a 完成时限 cell or a clause's time field


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    read: Callable[[Scope], FoundDeadline | None]
    slot_only: bool = False


def _strip(text: str) -> str:
    return text.strip(" \u3000")


def recurring(s: Scope) -> FoundDeadline | None:
    """每年11月底前, 每年三月底前, 每季度末: a limit that recurs — no single last day."""
    ends = ("before", "mpart", "d", "yearend", "qend", "mend", "mday")
    for m in g.RECURRING.finditer(s.text):
        if any(m.group(name) for name in ends):  # 每年9月开园时 names a month, no limit
            return FoundDeadline(_strip(m.group(0)), None, "ongoing")
    return None


def cutoff(s: Scope) -> FoundDeadline | None:
    """截止时间为2018年3月23日下午5时: the date after a stated cut-off, as written."""
    for c in g.CUTOFF.finditer(s.text):
        m = g.DATED.match(s.text, c.end())
        if m:
            date = last_day(int(m.group("y")), m.group("m"), m.group("d"), m.group("part"))
            if date:
                return FoundDeadline(_strip(m.group(0)), date, "date")
    return None


def dated(s: Scope) -> FoundDeadline | None:
    """2022年6月底前, 2023年上半年, 2021年底: a year phrased as a limit (底/末/前/半年/季度),
    or a date the work is to be done in (2019年全面完成…).

    到2025年底 and 至2022年4月30日 without 前 are a goal and a window's end: not limits in
    running text; in a time slot they are."""
    for m in g.DATED.finditer(s.text):
        if m.group("lead") and not m.group("before") and not s.slot:
            continue
        completes = g.COMPLETES.match(s.text, m.end()) is not None and not m.group("lead")
        if not (m.group("part") or m.group("before") or s.slot or completes):
            continue  # a date in a sentence (2021年是开局之年)
        date = last_day(int(m.group("y")), m.group("m"), m.group("d"), m.group("part"))
        if date is not None:
            return FoundDeadline(_strip(m.group(0)), date, "date")
    return None


def _year_of(s: Scope, rel: str | None) -> int | None:
    if s.doc_date is None:
        return None
    return s.doc_date.year + (1 if rel and rel[0] in "次翌明下" else 0)


def month(s: Scope) -> FoundDeadline | None:
    """5月底, 6月底前, 2月20日前, 次年3月底前 (the document's year); in a slot also 6月份, 11月."""
    for m in g.MONTH_LIMIT.finditer(s.text):
        if not (m.group("part") or m.group("before") or s.slot):
            continue  # 每年9月开园时: a month, not a limit
        year = _year_of(s, m.group("rel"))
        date = last_day(year, m.group("m"), m.group("d"), m.group("part")) if year else None
        if year and date is None:
            continue  # 2月30日: no such day
        return FoundDeadline(_strip(m.group(0)), date, "date")
    return None


def quarter(s: Scope) -> FoundDeadline | None:
    """三季度前, 第四季度末: a quarter of the document's year."""
    for m in g.QUARTER_LIMIT.finditer(s.text):
        if not (m.group("end") or m.group("before") or s.slot):
            continue
        year = _year_of(s, m.group("rel"))
        date = last_day(year, None, None, m.group("part")) if year else None
        return FoundDeadline(_strip(m.group(0)), date, "date")
    return None


def _event_start(text: str, end: int) -> int | None:
    """Where the event before ``end`` (…之日起 / …后 / …届满) starts, or None if none."""
    head = text[max(0, end - 40) : end]
    if not g.EVENT_ANCHOR.search(head):
        return None
    stop = max(head.rfind(c) for c in g.EVENT_STOP)
    since = head.rfind("自")
    start = since if since > stop else stop + 1
    for lead in ("应当", "必须"):  # not 应 alone: 应急预案印发后
        if head.startswith(lead, start):
            start += len(lead)
    return max(0, end - 40) + start if start < len(head) else None


def count(s: Scope) -> FoundDeadline | None:
    """30日内, 五个工作日内, 不超过24小时, and with the event they run from:
    自…之日起10个工作日内, 届满6个月前, 验收后30日内, 名单公布之日起不超过2年."""
    # A count closed by 内/前 first; a bare 不超过N年 (检验周期最长不超过2年) may describe a
    # length rather than a limit, so it is taken only when no closed count is present.
    return _count(s, closed=True) or _count(s, closed=False)


def _count(s: Scope, *, closed: bool) -> FoundDeadline | None:
    for m in g.COUNT_LIMIT.finditer(s.text):
        cap, end, unit = m.group("cap"), m.group("end"), m.group("unit")
        if not (end if closed else cap):
            continue
        if g.COUNT_BAN.match(s.text[m.end() : m.end() + 16].lstrip(" \u3000")):
            continue  # 自取消之日起3年内不得再次申请: a ban
        start = _event_start(s.text, m.start())
        if start is None:
            if end and "前" in end:
                continue  # 3个月前 with no event is "ago", 20日前 a day of the month
            prev = s.text[m.start() - 1] if m.start() else "，"
            if not cap and prev not in g.COUNT_LEAD:
                continue  # 、5年内关税减让, 区域内1个月内发现
            if g.COUNT_NOT_LIMIT.match(s.text, m.end()):
                continue
            raw = _strip(m.group(0))
            date = after(s.doc_date, m.group("n"), unit) if unit in ("年", "个月") else None
            return FoundDeadline(raw, date, "period")
        raw = _strip(s.text[start : m.end()])
        own = g.OWN_EVENT.match(raw)
        date = after(s.doc_date, m.group("n"), unit) if own and not cap else None
        return FoundDeadline(raw, date, "period")
    return None


def this_year(s: Scope) -> FoundDeadline | None:
    """年底前, 年内, 本年度内: the end of the document's year."""
    m = g.THIS_YEAR_END.search(s.text)
    if m and (s.slot or "内" not in m.group(0) or s.doc_date is not None):
        date = f"{s.doc_date.year}-12-31" if s.doc_date else None
        return FoundDeadline(m.group(0), date, "date")
    return None


def season(s: Scope) -> FoundDeadline | None:
    """汛期前, 春节前 (no day a calendar names); 每年汛期前 recurs."""
    m = g.SEASON.search(s.text)
    if m is None:
        return None
    return FoundDeadline(m.group(0), None, "ongoing" if m.group("every") else "date")


_PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


def plan_period(s: Scope) -> FoundDeadline | None:
    m = g.PLAN_PERIOD.search(s.text)
    if m and m.group(1) in _PLAN_END:
        return FoundDeadline(m.group(0), f"{_PLAN_END[m.group(1)]}-12-31", "period")
    return None


def year_span(s: Scope) -> FoundDeadline | None:
    m = g.YEAR_SPAN.search(s.text)
    return FoundDeadline(m.group(0), f"{m.group('y')}-12-31", "period") if m else None


def policy_period(s: Scope) -> FoundDeadline | None:
    m = g.POLICY_PERIOD.search(s.text)
    return FoundDeadline(m.group(0), None, "period") if m else None


def long_term(s: Scope) -> FoundDeadline | None:
    m = (g.LONG_TERM_CELL.search(s.text) if s.slot else None) or g.LONG_TERM.search(s.text)
    return FoundDeadline(_strip(m.group(0)), None, "long_term") if m else None


def ongoing(s: Scope) -> FoundDeadline | None:
    m = g.ONGOING.search(s.text)
    return FoundDeadline(_strip(m.group(0)), None, "ongoing") if m else None


# Most specific first. A form's position is its priority: a dated limit anywhere in the
# text beats a month without a year, which beats a count, which beats the ongoing words.
FORMS: tuple[Form, ...] = (
    Form("recurring", recurring),
    Form("cutoff", cutoff),
    Form("plan-period", plan_period, slot_only=True),
    Form("year-span", year_span, slot_only=True),
    Form("dated", dated),
    Form("month", month),
    Form("quarter", quarter),
    Form("count", count),
    Form("this-year", this_year),
    Form("season", season),
    Form("policy-period", policy_period, slot_only=True),
    Form("long-term", long_term),
    Form("ongoing", ongoing, slot_only=True),
)
FORM_NAMES: tuple[str, ...] = tuple(f.name for f in FORMS)
