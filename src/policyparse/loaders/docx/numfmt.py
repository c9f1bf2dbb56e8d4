"""One list number → its text in a ``w:numFmt`` (ECMA-376 Part 1 §17.18.59 ST_NumberFormat).

The forms are those Word displays, one named entry per format in :data:`FORMATS`:

- ``chineseCounting``: 一 … 十 十一 … 九十九, then digit by digit with ○ (一○五);
- ``chineseCountingThousand``: 一 … 九十九 一百 一百〇五 一千〇一十 (〇 marks a zero);
- ``ideographTraditional`` 甲乙丙…癸 and ``ideographZodiac`` 子丑寅…亥, plain digits beyond;
- ``decimalEnclosedCircle`` ①…⑳, ``decimalEnclosedParen`` ⑴…⒇, ``decimalEnclosedFullstop``
  ⒈…⒛, ``ideographEnclosedCircle`` ㈠…㈩, plain digits beyond (as Word does);
- ``decimalFullWidth`` １２, ``decimalZero`` 01, letters A…Z AA…ZZ (Word repeats the
  letter), Roman numerals;
- ``bullet`` and ``none``: no number at all.

A format not listed renders as decimal, so an exotic list still shows its count.

A number is at most :data:`MAX_NUMBER_CHARS` characters: a list that starts at 5e9 in
``upperLetter`` would repeat its letter 192 million times on every paragraph, and one that
starts at a number of 4,300 digits passes int→str's limit. :func:`format_number` says None
for such a number; the caller falls back to decimal and warns.
"""

from __future__ import annotations

from collections.abc import Callable

from ...lexicon.numerals import int_to_cn

MAX_NUMBER_CHARS = 32
_TOO_BIG = 10**MAX_NUMBER_CHARS  # every format writes numbers this large as digits
_DIGIT_ZERO_CIRCLE = "○一二三四五六七八九"
_DIGIT_IDEOGRAPH = "〇一二三四五六七八九"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _decimal(value: int) -> str:
    return str(value)


def _decimal_zero(value: int) -> str:
    return f"{value:02d}" if 0 <= value < 10 else str(value)


def _full_width(value: int) -> str:
    return str(value).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})


def _enclosed(first: int, last_value: int) -> Callable[[int], str]:
    """Characters ``first`` … for 1 … ``last_value``, plain digits outside that range."""

    def render(value: int) -> str:
        return chr(first + value - 1) if 1 <= value <= last_value else str(value)

    return render


def _series(chars: str) -> Callable[[int], str]:
    def render(value: int) -> str:
        return chars[value - 1] if 1 <= value <= len(chars) else str(value)

    return render


def _chinese_counting(value: int) -> str:
    """Word's chineseCounting: counting words below 100, digit by digit above.

    >>> [_chinese_counting(n) for n in (1, 10, 11, 20, 99, 105, 2023)]
    ['一', '十', '十一', '二十', '九十九', '一○五', '二○二三']
    """
    if 0 < value < 100:
        return int_to_cn(value)
    if 100 <= value < 10_000:
        return "".join(_DIGIT_ZERO_CIRCLE[int(d)] for d in str(value))
    return str(value)


def _chinese_counting_thousand(value: int) -> str:
    """Word's chineseCountingThousand: counting words throughout, 〇 for a skipped place.

    >>> [_chinese_counting_thousand(n) for n in (10, 15, 100, 105, 110, 1010, 1050)]
    ['十', '十五', '一百', '一百〇五', '一百一十', '一千〇一十', '一千〇五十']
    """
    if 0 < value < 10_000:
        return int_to_cn(value).replace("零", "〇")
    return str(value)


def _ideograph_digital(value: int) -> str:
    return "".join(_DIGIT_IDEOGRAPH[int(d)] for d in str(value)) if value >= 0 else str(value)


def _letter(base: str) -> Callable[[int], str]:
    def render(value: int) -> str:
        if value < 1:
            return str(value)
        return chr(ord(base) + (value - 1) % 26) * ((value - 1) // 26 + 1)

    return render


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _nothing(value: int) -> str:
    return ""


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": _decimal,
    "decimalHalfWidth": _decimal,
    "decimalZero": _decimal_zero,
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "ideographEnclosedCircle": _enclosed(0x3220, 10),
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting_thousand,
    "ideographDigital": _ideograph_digital,
    "ideographTraditional": _series("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _series("子丑寅卯辰巳午未申酉戌亥"),
    "upperLetter": _letter("A"),
    "lowerLetter": _letter("a"),
    "upperRoman": _roman,
    "lowerRoman": lambda value: _roman(value).lower(),
    "bullet": _nothing,
    "none": _nothing,
}
_LETTERS = frozenset({"upperLetter", "lowerLetter"})


def format_number(value: int, fmt: str) -> str | None:
    """``value`` written in the list number format ``fmt`` (decimal if unknown), or None
    when that would take more than :data:`MAX_NUMBER_CHARS` characters.

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "ideographTraditional",
    ...                               "decimalEnclosedCircle", "upperRoman", "lowerLetter")]
    ['3', '三', '丙', '③', 'III', 'c']
    >>> format_number(5_000_000_000, "upperLetter"), format_number(5_000_000_000, "decimal")
    (None, '5000000000')
    """
    if abs(value) >= _TOO_BIG:
        return None
    if fmt in _LETTERS and (value - 1) // 26 + 1 > MAX_NUMBER_CHARS:
        return None  # the letter repeated once per 26: AA…, as Word writes it
    return FORMATS.get(fmt, _decimal)(value)
