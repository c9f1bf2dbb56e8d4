"""Chinese numerals ↔ integers, for labels (二十三、), dates (二〇二〇年) and amounts (三千).

Written here rather than taken from cn2an: cn2an pulls in its ``proces`` dependency and
costs about 170 ms to import — more than the rest of ``policyparse extract`` together —
while labels, dates and amounts need only the plain positional grammar below.
"""

from __future__ import annotations

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "0": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
# The longest numeral read: 九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九 has
# 31 characters. A longer run (5,000 digits before 元) is no number anyone writes, and its
# value would pass int→str's 4,300-digit limit.
MAX_NUMERAL_CHARS = 40


def cn_to_int(text: str) -> int | None:
    """The value of a Chinese numeral, or None if ``text`` is not one.

    >>> [cn_to_int(s) for s in ("十一", "二十三", "九十九", "一百零五", "两百", "三千", "一万二")]
    [11, 23, 99, 105, 200, 3000, 12000]
    >>> cn_to_int("二〇二〇"), cn_to_int("一二"), cn_to_int("总体")
    (2020, 12, None)
    """
    if not text or len(text) > MAX_NUMERAL_CHARS:
        return None
    if all(ch in _DIGITS for ch in text):
        # Digit by digit, as years are written: 二〇二〇.
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = section = number = 0
    last_unit = 10**12  # units inside a section must fall: 三千五百, never 五百三千
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None
            section += (number or 1) * unit
            number, last_unit = 0, unit
        elif ch in _BIG_UNITS:
            big = _BIG_UNITS[ch]
            section += number
            if not section:
                return None
            total = (
                (total + section) * big
                if big > 100_000_000 or total < big
                else total + section * big
            )
            section = number = 0
            last_unit = 10**12
        else:
            return None
    if number and len(text) > 1:
        before = text[-2]
        # Colloquial abbreviation: 三百五 = 350, 一万二 = 12000 (never 十一 = 10 + 1*1).
        place = _UNITS.get(before) or _BIG_UNITS.get(before) or 0
        if place >= 100:
            number *= place // 10
    return total + section + number


_SMALL = "零一二三四五六七八九"


def int_to_cn(value: int) -> str:
    """Counting form used by Word's chineseCounting numbering: 11 → 十一, 105 → 一百零五.

    >>> [int_to_cn(n) for n in (1, 10, 11, 20, 23, 100, 105, 110, 1000, 1010)]
    ['一', '十', '十一', '二十', '二十三', '一百', '一百零五', '一百一十', '一千', '一千零一十']
    """
    if value < 0:
        raise ValueError("negative numbers have no counting form")
    if value < 10:
        return _SMALL[value]
    if value < 20:
        return "十" + (_SMALL[value - 10] if value > 10 else "")
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = (value // unit) % 10
        if value >= unit * 10 and unit == 1000:
            return str(value)  # beyond 9999 nobody numbers items in words
        if digit:
            if zero:
                out.append("零")
                zero = False
            out.append(_SMALL[digit] + name)
        elif out:
            zero = True
    return "".join(out)
