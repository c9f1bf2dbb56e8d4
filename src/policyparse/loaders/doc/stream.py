"""The Word 97 binary container: the FIB, the piece table, the text in character order.

A .doc (and a .wps that WPS Office saves, the same format) is an OLE2 compound file
(:mod:`olefile`) whose ``WordDocument`` stream starts with the File Information Block
(MS-DOC §2.5). The FIB says which table stream holds the document's tables (``0Table`` or
``1Table``), how many characters the main text has (``ccpText``), and where the CLX is.
The CLX's piece table (``PlcPcd``, §2.9.177) maps runs of character positions (CPs) to
file offsets (FCs) in the ``WordDocument`` stream, each run either UTF-16LE or "compressed"
one byte a character (§2.9.73, Windows-1252 with Word's own table). Pieces need not lie in
order in the file: Word's fast save appends edited text at the end.

:class:`Stream` gives the main text in CP order and, for any CP, the FC where its
character is stored, which the paragraph properties (:mod:`.paragraphs`) are keyed by.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...errors import LoadError

if TYPE_CHECKING:
    import olefile

WORD_MAGIC = 0xA5EC
FIRST_WORD97_NFIB = 0x0065  # Word 6 and Word 95 files have lower nFib and no piece table
_FLAG_ENCRYPTED = 0x0100
_FLAG_TABLE1 = 0x0200
_FLAG_OBFUSCATED = 0x8000
_CCP_TEXT = 3  # index of ccpText in FibRgLw97
_FC_CLX = 33  # index of the fcClx/lcbClx pair in FibRgFcLcb97
_FC_PLCF_BTE_PAPX = 13

# Compressed pieces store these bytes for characters outside Latin-1 (MS-DOC §2.9.73):
# Windows-1252 except that 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay what they are.
_COMPRESSED = {
    0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020",
    0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039",
    0x8C: "\u0152", 0x91: "\u2018", 0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d",
    0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014", 0x98: "\u02dc", 0x99: "\u2122",
    0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178",
}  # fmt: skip
_DECOMPRESS = str.maketrans({k: v for k, v in _COMPRESSED.items()})


@dataclass(frozen=True, slots=True)
class Piece:
    cp: int  # first character position
    end: int  # one past the last
    fc: int  # byte offset of the first character in the WordDocument stream
    compressed: bool  # one byte a character, else UTF-16LE


@dataclass(frozen=True, slots=True)
class Fib:
    nfib: int
    table: str  # "0Table" or "1Table"
    ccp_text: int
    clx: tuple[int, int]  # offset and size in the table stream
    bte_papx: tuple[int, int]


def read_fib(word: bytes) -> Fib:
    """The parts of the FIB this loader needs; LoadError where the file cannot be read."""
    if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != WORD_MAGIC:
        raise LoadError("not a Word document: the WordDocument stream has no Word signature")
    nfib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
    if flags & _FLAG_ENCRYPTED:
        kind = "XOR-obfuscated" if flags & _FLAG_OBFUSCATED else "encrypted"
        raise LoadError(f"{kind} .doc (password-protected): remove the password in Word first")
    if nfib < FIRST_WORD97_NFIB:
        raise LoadError(f"Word 6/95 .doc (nFib {nfib:#x}) is not read; save it as .docx")
    try:
        pos = 32
        (csw,) = struct.unpack_from("<H", word, pos)
        pos += 2 + 2 * csw
        (cslw,) = struct.unpack_from("<H", word, pos)
        lw = struct.unpack_from(f"<{cslw}i", word, pos + 2)
        pos += 2 + 4 * cslw
        (pairs,) = struct.unpack_from("<H", word, pos)
        fclcb = struct.unpack_from(f"<{2 * pairs}I", word, pos + 2)
    except struct.error as error:
        raise LoadError(f"corrupt .doc: the FIB is truncated ({error})") from error
    if len(lw) <= _CCP_TEXT or pairs <= _FC_CLX:
        raise LoadError("corrupt .doc: the FIB is too short for a Word 97 document")
    return Fib(
        nfib=nfib,
        table="1Table" if flags & _FLAG_TABLE1 else "0Table",
        ccp_text=lw[_CCP_TEXT],
        clx=(fclcb[2 * _FC_CLX], fclcb[2 * _FC_CLX + 1]),
        bte_papx=(fclcb[2 * _FC_PLCF_BTE_PAPX], fclcb[2 * _FC_PLCF_BTE_PAPX + 1]),
    )


def read_pieces(table: bytes, clx: tuple[int, int]) -> list[Piece]:
    """The piece table from the CLX: skip the Prc property runs, read the Pcdt."""
    pos, end = clx[0], clx[0] + clx[1]
    if clx[1] <= 0 or end > len(table):
        raise LoadError("corrupt .doc: the piece table lies outside the table stream")
    while pos < end and table[pos] == 0x01:  # Prc: clxt, cbGrpprl, grpprl
        pos += 3 + struct.unpack_from("<h", table, pos + 1)[0]
    if pos >= end or table[pos] != 0x02:
        raise LoadError("corrupt .doc: no piece table in the CLX")
    (lcb,) = struct.unpack_from("<I", table, pos + 1)
    start = pos + 5
    count = (lcb - 4) // 12
    if count <= 0 or start + lcb > len(table):
        raise LoadError("corrupt .doc: the piece table is truncated")
    cps = struct.unpack_from(f"<{count + 1}I", table, start)
    pieces: list[Piece] = []
    for k in range(count):
        (raw_fc,) = struct.unpack_from("<I", table, start + 4 * (count + 1) + 8 * k + 2)
        compressed = bool(raw_fc & 0x40000000)
        fc = raw_fc & 0x3FFFFFFF
        pieces.append(Piece(cps[k], cps[k + 1], fc // 2 if compressed else fc, compressed))
    return pieces


class Stream:
    """The document's characters in CP order, with the FC of each."""

    def __init__(self, ole: olefile.OleFileIO) -> None:
        try:
            word = ole.openstream("WordDocument").read()
        except OSError as error:
            raise LoadError(
                "not a Word document: an OLE2 file without a WordDocument stream"
            ) from error
        self.fib = read_fib(word)
        if not ole.exists(self.fib.table):
            raise LoadError(f"corrupt .doc: the {self.fib.table} stream is missing")
        self.word = word
        self.table = ole.openstream(self.fib.table).read()
        self.pieces = read_pieces(self.table, self.fib.clx)
        self._starts = [piece.cp for piece in self.pieces]

    def text(self, start: int, end: int) -> str:
        """Characters ``start`` to ``end`` (CPs) as a string."""
        parts: list[str] = []
        for piece in self.pieces:
            lo, hi = max(start, piece.cp), min(end, piece.end)
            if lo >= hi:
                continue
            if piece.compressed:
                fc = piece.fc + (lo - piece.cp)
                raw = self.word[fc : fc + hi - lo]
                parts.append(raw.decode("latin-1").translate(_DECOMPRESS))
            else:
                fc = piece.fc + 2 * (lo - piece.cp)
                raw = self.word[fc : fc + 2 * (hi - lo)]
                parts.append(raw.decode("utf-16-le", "replace"))
            if len(raw) < (hi - lo) * (1 if piece.compressed else 2):
                raise LoadError("corrupt .doc: a text piece runs past the end of the stream")
        return "".join(parts)

    def fc(self, cp: int) -> int | None:
        """The byte offset in the WordDocument stream where character ``cp`` is stored."""
        index = bisect_right(self._starts, cp) - 1
        if index < 0:
            return None
        piece = self.pieces[index]
        if cp >= piece.end:
            return None
        return piece.fc + (cp - piece.cp) * (1 if piece.compressed else 2)
