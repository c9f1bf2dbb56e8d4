"""Deadlines: when a provision must be done, read by a small grammar of named forms.

    [recurrence] [anchor: date | event 之日起/后/届满] [limit: N units 内/前 | 底/末/前]

Forms (``forms.FORMS``, tried in this order; the first that finds one wins):

    recurring      每年11月底前, 每年年底前, 每季度末                → ongoing, no date
    cutoff         截止时间为2018年3月23日下午5时                    → date
    dated          2021年12月31日前, 2022年底前, 2023年上半年, 2024年第三季度
    month          5月底, 6月底前, 2月20日前, 次年3月底前         → the document's year
    quarter        三季度前, 第四季度末                              → the document's year
    count          30日内, 五个工作日内, 不超过24小时, 自…之日起10个工作日内,
                   届满6个月前, 验收后30日内                         → period
    this-year      年底前, 年内                                      → the document's year
    plan-period    “十四五”期间 (slot)          year-span   2021—2023年 (slot)
    policy-period  政策执行期内 (slot)          long-term   长期 (slot), 长期坚持
    ongoing        持续推进, 按进度推进, 每年, 按月 (slot)

A *slot* is a text that is itself a time: a 完成时限 cell or a clause's time field. There
any date counts (2025年, 到2027年, 11月) and so do windows and frequencies; in running text
only a completion limit does — a goal year (到2025年), a window (2016年至2017年), a start
(从2019年起) and a frequency (每年) are not deadlines.

``date`` is the last day the text allows, read inclusively: 2022年6月前 and 2022年6月底前
both give 2022-06-30, 2025年前 gives 2025-12-31 — plans use 前 for "by". A count gives a
date only when it runs from a known day: 5年内 / 三个月内 from the document's date,
本意见印发之日起30日内 likewise; 自收到申请之日起7个工作日内 runs from an event: null.
"""

from __future__ import annotations

import datetime as dt

from . import grammar
from .forms import FORM_NAMES, FORMS, FoundDeadline, Scope

__all__ = ["FORM_NAMES", "FoundDeadline", "find_deadline"]


def find_deadline(
    text: str, *, doc_date: dt.date | None = None, whole_cell: bool = False
) -> FoundDeadline | None:
    """The deadline ``text`` states, or None.

    ``whole_cell``: ``text`` is a time slot (a 完成时限 cell, a clause's time field).

    >>> find_deadline("2021年是开局之年，2022年6月底前完成。").date
    '2022-06-30'
    >>> find_deadline("力争到2025年底，新增1200户。") is None  # a goal, not a limit
    True
    >>> find_deadline("应当自收到申请之日起7个工作日内答复。")
    FoundDeadline(raw='自收到申请之日起7个工作日内', date=None, kind='period')
    """
    if not grammar.ANY_TIME_WORD.search(text):
        return None  # most provisions: decided without trying every form
    scope = Scope(text, doc_date, whole_cell)
    for form in FORMS:
        if form.slot_only and not whole_cell:
            continue
        found = form.read(scope)
        if found is not None:
            return found
    return None
