"""The lines that open a document's part: 附件 2, 附录 A, 附表1 standing alone.

A notice carries its plan as an attachment (附件); a guide or a standard carries appendices
(附录 A, 附录B, 附录一) and a plan its tables (附表1); each numbers its provisions afresh
(一、 again, A.1, 1 …), so each is segmented as a part of its own. Only a marker on a line
of its own counts: "附录 A 规定的…" in a sentence, or a list line "附录A 企业…划分方法"
naming the appendices, does not open a part.
"""

from __future__ import annotations

import re

_GAP = "[ \u3000]*"
# 附件 2 / 附件二 / 附件： ; 附录 A / 附录B（规范性附录）/ 附录一 ; 附表1 / 附表
PART_MARKER = re.compile(
    rf"^{_GAP}附{_GAP}(?:件|录|表){_GAP}(?:[0-9一二三四五六七八九十]{{1,3}}|[A-ZＡ-Ｚ])?{_GAP}"
    rf"(?:[(（](?:规范性|资料性|参考性)?附录[)）])?{_GAP}[:：]?{_GAP}$"
)


def is_part_marker(text: str) -> bool:
    """``附件``, ``附件2``, ``附录 A``, ``附录B（资料性附录）``, ``附表3`` on a line of their own.

    >>> [is_part_marker(t) for t in ("附件2", "附录 A", "附录B（规范性附录）", "附表1：")]
    [True, True, True, True]
    >>> [is_part_marker(t) for t in ("附录A 企业风险等级划分方法", "附录 B 规定的物质", "附录")]
    [False, False, True]
    """
    return PART_MARKER.match(text) is not None


def is_appendix_marker(text: str) -> bool:
    """A marker of an appendix or attached table (附录 A, 附表1), not of an attachment (附件)."""
    m = PART_MARKER.match(text)
    return m is not None and "件" not in text[: m.end()]


_APPENDIX_KIND = re.compile(rf"^{_GAP}[(（](?:规范性|资料性|参考性)附录[)）]{_GAP}$")


def is_appendix_kind(text: str) -> bool:
    """``（规范性附录）`` / ``（资料性附录）`` on the line under ``附录 A``: not its title."""
    return _APPENDIX_KIND.match(text) is not None
