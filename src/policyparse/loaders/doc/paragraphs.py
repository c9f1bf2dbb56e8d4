"""Paragraph properties from the PAPX FKPs: which paragraph marks end a table row.

In the text of a .doc a table is plain characters: each cell ends with U+0007, and so does
each row, with one more U+0007 in a paragraph of its own. The two look alike (an empty
cell is a lone U+0007 too); only the paragraph properties tell them apart. They live in
formatted disk pages (FKPs, MS-DOC §2.9.193): 512-byte pages in the ``WordDocument`` stream,
found through the ``PlcBtePapx`` of the table stream, each mapping runs of file offsets
(FCs) to a property list (``grpprl``). Of those only five sprms matter here:

- ``sprmPFInTable`` (0x2416): the paragraph is in a table (Word 97 writes no depth);
- ``sprmPFTtp`` (0x2417): this mark ends a table row;
- ``sprmPItap`` (0x6649): the table depth (2 and more: a table inside a cell);
- ``sprmPFInnerTableCell`` (0x244B) and ``sprmPFInnerTtp`` (0x244C): the cell and row
  marks of a nested table, which are paragraph marks (U+000D), not U+0007.

A file whose FKPs cannot be read still loads: :meth:`Marks.row_end` then falls back to
the shape (a U+0007 alone right after another U+0007).
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass

_PAGE = 512
_IN_TABLE, _TTP, _ITAP = 0x2416, 0x2417, 0x6649
_INNER_CELL, _INNER_TTP = 0x244B, 0x244C
_TDEF_TABLE, _CHG_TABS = 0xD608, 0xC615
_WANTED = [struct.pack("<H", sprm) for sprm in (_IN_TABLE, _TTP, _ITAP, _INNER_CELL, _INNER_TTP)]
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by spra, the sprm's top 3 bits


@dataclass(frozen=True, slots=True)
class Props:
    row_end: bool = False
    depth: int = 0
    inner_cell: bool = False
    inner_row_end: bool = False


_PLAIN = Props()


class Marks:
    """Paragraph properties by the FC of a paragraph's mark."""

    def __init__(self, word: bytes, table: bytes, bte: tuple[int, int]) -> None:
        self._starts: list[int] = []
        self._runs: list[tuple[int, Props]] = []  # (end FC, props), parallel to _starts
        self.readable = False
        try:
            self._read(word, table, bte)
            self.readable = bool(self._starts)
        except (struct.error, IndexError):
            self._starts, self._runs = [], []

    def at(self, fc: int | None) -> Props:
        if fc is None:
            return _PLAIN
        index = bisect_right(self._starts, fc) - 1
        if index < 0 or fc >= self._runs[index][0]:
            return _PLAIN
        return self._runs[index][1]

    def _read(self, word: bytes, table: bytes, bte: tuple[int, int]) -> None:
        offset, size = bte
        if size < 12 or offset + size > len(table):
            return
        count = (size - 4) // 8
        pages = struct.unpack_from(f"<{count}I", table, offset + 4 * (count + 1))
        runs: list[tuple[int, int, Props]] = []
        for pn in pages:
            base = (pn & 0x3FFFFF) * _PAGE
            if base + _PAGE > len(word):
                continue
            runs.extend(_fkp(word[base : base + _PAGE]))
        runs.sort(key=lambda run: run[0])
        self._starts = [start for start, _, _ in runs]
        self._runs = [(end, props) for _, end, props in runs]


def _fkp(page: bytes) -> list[tuple[int, int, Props]]:
    crun = page[_PAGE - 1]
    fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
    out: list[tuple[int, int, Props]] = []
    for k in range(crun):
        offset = page[4 * (crun + 1) + 13 * k] * 2  # BxPap: bOffset, then a 12-byte PHE
        props = _PLAIN
        if offset:
            cb = page[offset]
            if cb == 0:
                start, length = offset + 2, 2 * page[offset + 1]
            else:
                start, length = offset + 1, 2 * cb - 1
            # GrpPrlAndIstd: a 2-byte style index, then the sprms.
            props = _props(page[start + 2 : start + length])
        out.append((fcs[k], fcs[k + 1], props))
    return out


def _props(grpprl: bytes) -> Props:
    if not any(code in grpprl for code in _WANTED):
        return _PLAIN  # most paragraphs: none of the sprms asked for, not worth walking
    row_end = inner_cell = inner_row_end = False
    depth = 0
    pos = 0
    while pos + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, pos)
        pos += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == _TDEF_TABLE:
                if pos + 2 > len(grpprl):
                    break
                size = 2 + struct.unpack_from("<H", grpprl, pos)[0] - 1
            elif sprm == _CHG_TABS and pos < len(grpprl) and grpprl[pos] == 255:
                break  # a length computed from its contents: nothing we need follows
            else:
                if pos >= len(grpprl):
                    break
                size = 1 + grpprl[pos]
        else:
            size = _OPERAND[spra]
        operand = grpprl[pos : pos + size]
        pos += size
        if not operand:
            break
        if sprm == _IN_TABLE:
            depth = max(depth, operand[0])
        elif sprm == _TTP:
            row_end = operand[0] == 1
        elif sprm == _ITAP and len(operand) == 4:
            depth = struct.unpack("<i", operand)[0]
        elif sprm == _INNER_CELL:
            inner_cell = operand[0] == 1
        elif sprm == _INNER_TTP:
            inner_row_end = operand[0] == 1
    if not (row_end or depth or inner_cell or inner_row_end):
        return _PLAIN
    return Props(row_end, depth, inner_cell, inner_row_end)
