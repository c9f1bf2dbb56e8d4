"""Calendar arithmetic for deadlines: the last day a phrase allows."""

from __future__ import annotations

import calendar
import datetime as dt

from ...lexicon.numerals import cn_to_int


def number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else cn_to_int(text)


def last_day(year: int, month: str | None, day: str | None, part: str | None) -> str | None:
    """The last day of the day, month, half, quarter or year named; None if no such day.

    ``part``: 上半年 / 下半年 / (第)N季度 / 底 / 末 / 上旬 / 中旬 / 下旬, or None.
    """
    m = number(month) if month else None
    if m is not None and not 1 <= m <= 12:
        return None
    if m is None:
        if part and "上半年" in part:
            m = 6
        elif part and "季度" in part:
            quarter = number(part.replace("第", "").replace("季度", "")[:1] or "四")
            if quarter is None or not 1 <= quarter <= 4:
                return None
            m = 3 * quarter
        else:
            m = 12
    try:  # ValueError: no such day, or a year outside 1–9999
        if day is not None:
            d = number(day)
            return dt.date(year, m, d).isoformat() if d is not None else None
        last = calendar.monthrange(year, m)[1]
        if part and "上旬" in part:
            last = 10
        elif part and "中旬" in part:
            last = 20
        return dt.date(year, m, last).isoformat()
    except (ValueError, OverflowError):
        return None


def after(start: dt.date | None, count: str, unit: str) -> str | None:
    """``start`` plus N units (年, 个月, 日/天, 周), clamped to the month's end; None for units
    a calendar cannot count without the event's time or the holidays (小时, 工作日)."""
    if start is None:
        return None
    n = number(count)
    if n is None:
        return None
    try:
        if unit in ("日", "天"):
            return (start + dt.timedelta(days=n)).isoformat()
        if unit in ("周", "星期", "个星期"):
            return (start + dt.timedelta(weeks=n)).isoformat()
        if unit not in ("年", "个月"):
            return None
        months = n * 12 if unit == "年" else n
        year, month = divmod(start.month - 1 + months, 12)
        year += start.year
        month += 1
        if year > dt.MAXYEAR:
            return None  # "5年内" in a document dated 9999: no date a calendar can hold
        day = min(start.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day).isoformat()
    except (OverflowError, ValueError):
        return None
