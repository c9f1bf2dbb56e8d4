"""Dates as Chinese documents write them → ISO 8601.

The forms, as named patterns: ``ymd`` 2020年3月30日 and 二〇二〇年三月三十日 (成文日期 under a
signature, GB/T 9704-2012 §7.3.5.1, spaces allowed between the parts as PDFs and scraped
pages put them), ``numeric`` 2022-01-19 10:57:00, 2022/1/19 and 2022.01.19 (a site's
发布时间). Which printed date a document's ``meta.date`` takes is the metadata reader's
business (docs/records.md), not this module's.
"""

from __future__ import annotations

import datetime as dt
import re

from .numerals import cn_to_int

_CN_DIGIT = "〇○零一二三四五六七八九十"
YMD = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_DIGIT}]{{4}})[ \u3000]*年[ \u3000]*"
    rf"(?P<m>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})[ \u3000]*月[ \u3000]*"
    rf"(?P<d>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})[ \u3000]*[日号]"
)
_NUMERIC = re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_DATE_ONLY = re.compile(
    rf"^[ \u3000]*(?:{YMD.pattern}|{_NUMERIC.pattern.replace('?P<', '?P<n')})[ \u3000]*$"
)


def find_date(text: str) -> tuple[str, str] | None:
    """(ISO date, the date as written) of the first date in ``text``.

    >>> find_date("发布时间:2022-01-19 10:57:00")
    ('2022-01-19', '2022-01-19')
    >>> find_date("二〇二〇年三月三十日")
    ('2020-03-30', '二〇二〇年三月三十日')
    """
    best: tuple[int, str, str] | None = None
    for pattern in (YMD, _NUMERIC):
        m = pattern.search(text)
        if m is None:
            continue
        iso = _iso(m.group("y"), m.group("m"), m.group("d"))
        if iso and (best is None or m.start() < best[0]):
            best = (m.start(), iso, m.group(0))
    return (best[1], best[2]) if best else None


def is_date_line(text: str) -> bool:
    """A paragraph that is nothing but a date (the 成文日期 under a signature)."""
    return bool(_DATE_ONLY.match(text))


def _iso(year: str, month: str, day: str) -> str | None:
    try:  # ValueError: no such day, or a run of digits past int()'s 4,300-digit limit
        values = [int(v) if v.isdigit() else cn_to_int(v) for v in (year, month, day)]
        if any(v is None for v in values):
            return None
        y, m, d = (int(v) for v in values if v is not None)
        return dt.date(y, m, d).isoformat()
    except (ValueError, OverflowError):
        return None
