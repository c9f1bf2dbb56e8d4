"""Money, counts and percentages in a provision's text.

    最高不超过200万元      → 2,000,000 元, max
    1000万元以下（含）      → 10,000,000 元, max
    一次性20万元奖励        → 200,000 元, exact (一次性 is not a number)
    新增1200户 / 三千家     → 1,200 户 / 3,000 家, exact
    不低于2% / 1%以下       → 2 %, min / 1 %, max
    10—50万元              → 100,000 元 min and 500,000 元 max

Values are in base units (元, not 万元; 1.5万户 is 15,000 户). A Chinese numeral counts only
when it reads as a number — it starts with a digit word and is followed by a unit — so
一批, 两增两控, 一网通办, 千家万户 and 十四五 are not amounts.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass

from ..lexicon.numerals import cn_to_int

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
_NUM = rf"(?:{_ARABIC}|{_CHINESE})"
_SCALE = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6,
          "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11,
          "万亿": 10**12}  # fmt: skip
_MONEY = r"(?P<mscale>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)?元"
_COUNT_WORDS = "户|家|个|项|人次|名|人|所|座|场|批|台|套|件|款|辆|笔|间|处|条|次"
_OTHER_WORDS = (
    "平方公里|平方米|公顷|亩|公里|千米|吨|千瓦时|千瓦|兆瓦|个工作日|工作日|小时|天|倍|个月|年"
)
_COUNT = rf"(?P<cscale>万|亿)?(?P<cword>{_COUNT_WORDS})"
_OTHER = rf"(?P<oscale>万|亿)?(?P<oword>{_OTHER_WORDS})"
_PERCENT = r"(?P<pct>[%％])"
_MAX_BEFORE = "最高不超过|原则上不超过|不超过|不高于|不多于|最高|最多|上限为|上限|封顶"
_MIN_BEFORE = "不低于|不少于|至少|最低|超过|高于|突破"
_AMOUNT = re.compile(
    # a bound may stand a short verb away from its number: 最高给予50万元, 至少组织10场
    rf"(?:(?P<pre>{_MAX_BEFORE}|{_MIN_BEFORE})[^\d，。；、,;：:]{{0,4}}?)?"
    rf"(?<![\d.第零〇一二两三四五六七八九十百千万亿])(?P<num>{_NUM})"
    rf"(?:[ \u3000]*(?P<sep>[-—–~～至到])[ \u3000]*(?P<num2>{_NUM}))?"
    rf"[ \u3000]*(?:{_MONEY}|{_PERCENT}|{_OTHER}|{_COUNT})"
    rf"(?P<post>及以上|以上|及以下|以下|以内|之内)?(?P<incl>[(（]含[)）])?"
)
_MAX_AFTER = {"及以下", "以下", "以内", "之内"}
_ANY_NUMBER = re.compile(r"[0-9一二两三四五六七八九十]")


@dataclass(frozen=True, slots=True)
class FoundAmount:
    raw: str
    value: int | float | None  # None: more digits than a float holds (the caller warns)
    unit: str
    kind: str  # money | count | percent | other
    bound: str  # max | min | exact


def find_amounts(text: str) -> list[FoundAmount]:
    """Every amount in ``text``, in order.

    >>> [(a.value, a.unit, a.bound) for a in find_amounts("给予最高不超过200万元的补贴")]
    [(2000000, '元', 'max')]
    >>> [(a.value, a.unit) for a in find_amounts("培育一批企业，新增1.5万户")]
    [(15000, '户')]
    """
    if not _ANY_NUMBER.search(text):
        return []
    out: list[FoundAmount] = []
    for m in _AMOUNT.finditer(text):
        unit, kind, scale = _unit(m)
        first = _value(m.group("num"), scale)
        if first is None or (kind != "money" and not _counts_as_number(m.group("num"))):
            continue
        if unit == "年" and (first >= 100 or m.group("num")[0] not in "0123456789"):
            continue  # 2025年 is a year, not a duration; 最长不超过2年 is one
        raw = m.group(0)
        if m.group("num2"):
            second = _value(m.group("num2"), scale)
            if second is None:
                continue
            out.append(FoundAmount(raw, _listed(first), unit, kind, "min"))
            out.append(FoundAmount(raw, _listed(second), unit, kind, "max"))
            continue
        out.append(FoundAmount(raw, _listed(first), unit, kind, _bound(m)))
    return out


def _listed(value: int | float) -> int | float | None:
    """JSON has no infinity: an amount beyond a float's range is listed without a value."""
    return None if value == math.inf else value


def _unit(m: re.Match[str]) -> tuple[str, str, int]:
    if m.group("pct"):
        return "%", "percent", 1
    if m.group("cword"):
        return m.group("cword"), "count", _SCALE[m.group("cscale") or ""]
    if m.group("oword"):
        return m.group("oword"), "other", _SCALE[m.group("oscale") or ""]
    return "元", "money", _SCALE[m.group("mscale") or ""]


def _value(number: str, scale: int) -> int | float | None:
    if number[0].isdigit():
        value: float = float(number.replace(",", ""))
    else:
        converted = cn_to_int(number)
        if converted is None:
            return None
        value = converted
    value *= scale
    if not _in_range(value):
        return math.inf  # listed with value None: see _listed
    return int(value) if float(value).is_integer() else round(value, 6)


def _in_range(value: float) -> bool:
    """Within a number every JSON reader holds: 309 digits make ``float("inf")``, which
    JSON cannot write, and an integer that large fits no float (nor, past 4,300 digits,
    Python's int→str)."""
    return math.isfinite(value) and abs(value) <= sys.float_info.max


def _counts_as_number(number: str) -> bool:
    """一 in 一批, 一个 reads as an article, not a count; 二十家 and 12家 do count."""
    return number[0].isdigit() or len(number) > 1


def _bound(m: re.Match[str]) -> str:
    pre, post = m.group("pre"), m.group("post")
    if post in _MAX_AFTER or (pre and re.fullmatch(_MAX_BEFORE, pre)):
        return "max"
    if post or pre:
        return "min"
    return "exact"
