"""Folding for matching, and character classes.

``fold`` maps full-width forms to their ASCII twins and traditional characters to their
simplified twins, one character for one character, so an offset in the folded copy is the
same offset in the text as written: rules match on the folded copy, records keep the
original (（一） and (一) are the same label, 第一條 and 第一条 the same article, and the
record still says （一） and 第一條).

The traditional → simplified table is OpenCC's TSCharacters (Apache 2.0) restricted to its
one-to-one entries — what OpenCC's ``t2s`` and zhconv's ``zh-hans`` do character by
character; conversions that rewrite words (``tw2sp``) would change lengths and lose
provenance.
"""

from __future__ import annotations

from pathlib import Path


def _traditional_table() -> dict[int, int]:
    lines = [
        line
        for line in (Path(__file__).parent / "data" / "t2s.txt").read_text("utf-8").splitlines()
        if not line.startswith("#")
    ]
    return dict(zip(map(ord, lines[0]), map(ord, lines[1]), strict=True))


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
_TABLE = {**_traditional_table(), **_FULLWIDTH_ASCII, **_EXTRA}


def fold(text: str) -> str:
    """Full-width ASCII → ASCII, odd spaces → space, traditional → simplified; same length.

    >>> fold("（一）１．５％：")
    '(一)1.5%:'
    >>> fold("第一條（責任單位：省發展改革委）")
    '第一条(责任单位:省发展改革委)'
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
