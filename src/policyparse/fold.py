"""Width folding for matching, and character classes.

``fold`` maps full-width forms to their ASCII twins one character for one character, so an
offset in the folded copy is the same offset in the text as written: rules match on the
folded copy, records keep the original (（一） and (一) are the same label; the record
still says （一）).
"""

from __future__ import annotations

_FULLWIDTH_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_EXTRA = {
    0x3000: 0x20,  # ideographic space
    0x00A0: 0x20,  # no-break space, common in scraped pages
    0x2002: 0x20,
    0x2003: 0x20,
    0x2009: 0x20,
    0x200B: 0x20,  # zero-width space (kept as a 1:1 stand-in so offsets hold)
    0xFEFF: 0x20,
    0x3001: 0x3001,  # 、 stays itself: it is a label delimiter in its own right
}
_TABLE = {**_FULLWIDTH_ASCII, **_EXTRA}


def fold(text: str) -> str:
    """Full-width ASCII → ASCII, odd spaces → space; same length as ``text``.

    >>> fold("（一）１．５％：")
    '(一)1.5%:'
    """
    return text.translate(_TABLE)


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the BMP blocks and Extension A; enough for government text)."""
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF


def is_cjk_punct(ch: str) -> bool:
    """CJK and full-width punctuation: 、。《》「」（）〔〕【】，：；… and friends."""
    cp = ord(ch)
    return (
        0x3000 <= cp <= 0x303F
        or 0xFF00 <= cp <= 0xFF0F
        or 0xFF1A <= cp <= 0xFF20
        or 0xFF3B <= cp <= 0xFF40
        or 0xFF5B <= cp <= 0xFF65
        or ch in "“”‘’—…·•"
    )


# Quotes are left out on purpose: scraped pages lose one of a pair (单打冠军”“配套专家)
# and a stray quote must not make a whole paragraph look unfinished.
OPENING = "（(〔[【《〈"
CLOSING = "）)〕]】》〉"
_PAIRS = dict(zip(OPENING, CLOSING, strict=True))


def bracket_depth(text: str) -> int:
    """How many brackets ``text`` leaves open (never negative).

    >>> bracket_depth("（责任单位：区经科信局、区统计")
    1
    """
    depth = 0
    for ch in text:
        if ch in _PAIRS:
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
    return depth
