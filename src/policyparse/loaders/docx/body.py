"""The body of word/document.xml, walked in order: paragraphs and tables as numbered blocks.

Block numbers are the provenance a DOCX has instead of line numbers: every paragraph is a
block, every table row is a block, counted 1…N in body order (content controls and custom
XML wrappers are transparent). A paragraph's text is what Word displays:

- its list label, rebuilt from numbering.xml (:mod:`.docx_numbering`), in front;
- ``w:t`` runs; ``w:tab`` → a space; ``w:br``/``w:cr`` → nothing between two CJK
  characters, a space otherwise (a paragraph is one line); hidden runs (``w:vanish``),
  tracked deletions and field codes left out, field results kept;
- text boxes (``w:txbxContent`` in a drawing or VML shape; one branch of each
  ``mc:AlternateContent``, which holds the same box twice) follow as blocks of their own.

Tables go to :class:`Table` with one row per block; a cell's paragraphs are joined by
``\\n`` (empty ones dropped, nested tables and text boxes flattened into it), a gridSpan
cell appears once (so does a legacy ``w:hMerge``), and the lower parts of a vertical merge
are empty ``continued`` cells.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...text import LineHint, SourceLine, Table, TableCell
from .package import W_VAL, w
from .styles import num_ref, outline_level

if TYPE_CHECKING:
    from lxml.etree import _Element

    from .numbering import ListCounters
    from .styles import Styles

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_ALT, _CHOICE, _FALLBACK = (f"{{{_MC}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))
_OMATH = {f"{{{_MATH}}}oMath", f"{{{_MATH}}}oMathPara"}
_MATH_T = f"{{{_MATH}}}t"
_P, _TBL, _TR, _TC, _R, _T = (w(t) for t in ("p", "tbl", "tr", "tc", "r", "t"))
_PPR, _RPR, _TRPR, _TCPR, _PSTYLE = (w(t) for t in ("pPr", "rPr", "trPr", "tcPr", "pStyle"))
_TXBX, _FLDCHAR, _SYM, _RUBY_BASE = (w(t) for t in ("txbxContent", "fldChar", "sym", "rubyBase"))
_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml"), _ALT}
_NOT_TEXT = {_PPR, _RPR, w("sdtPr"), w("sdtEndPr"), w("del"), w("moveFrom"), w("rt")}
_SHAPES = {w("drawing"), w("pict"), w("object")}
_SPACE = {w("tab"), w("ptab")}
_BREAK = {w("br"), w("cr")}
_BREAK_MARK = "\x00"  # never in XML text, so safe as a placeholder
_BREAKS = re.compile(f"{_BREAK_MARK}+")
_OFF = ("0", "false", "off")


class BodyReader:
    """Walks one body; ``lines`` and ``tables`` hold the result."""

    def __init__(self, styles: Styles, counters: ListCounters) -> None:
        self._styles = styles
        self._counters = counters
        self._blocks = 0
        self._fields: list[bool] = []  # open fields: True once past their separator
        self.lines: list[SourceLine] = []
        self.tables: list[Table] = []

    def read(self, container: _Element) -> None:
        for child in _children(container):
            if child.tag == _P:
                self._blocks += 1
                number = self._blocks
                text, hint, boxes = self._paragraph(child)
                self.lines.append(SourceLine(text, number, hint=hint))
                for box in boxes:
                    self.read(box)
            elif child.tag == _TBL:
                self._table(child)

    def _table(self, tbl: _Element) -> None:
        rows: list[tuple[TableCell, ...]] = []
        first = self._blocks + 1
        for tr in _children(tbl, _TR):
            trpr = tr.find(_TRPR)
            if trpr is not None and trpr.find(w("del")) is not None:
                continue  # a tracked row deletion: not displayed
            self._blocks += 1
            cells = [tc for tc in _children(tr, _TC) if not _merged_left(tc)]
            rows.append(tuple(self._cell(tc, self._blocks) for tc in cells))
        if rows:
            self.tables.append(Table(rows=tuple(rows), line=first))

    def _cell(self, tc: _Element, number: int) -> TableCell:
        tcpr = tc.find(_TCPR)
        vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
        if vmerge is not None and vmerge.get(W_VAL, "continue") == "continue":
            return TableCell("", number, continued=True)
        return TableCell("\n".join(self._flat(tc)), number)

    def _flat(self, container: _Element) -> list[str]:
        """The non-empty paragraph texts inside a cell or text box, nesting flattened."""
        out: list[str] = []
        for child in _children(container):
            if child.tag == _P:
                text, _, boxes = self._paragraph(child)
                if text.strip():
                    out.append(text)
                for box in boxes:
                    out.extend(self._flat(box))
            elif child.tag == _TBL:
                for tr in _children(child, _TR):
                    for tc in _children(tr, _TC):
                        out.extend(self._flat(tc))
        return out

    def _paragraph(self, p: _Element) -> tuple[str, LineHint | None, list[_Element]]:
        ppr = p.find(_PPR)
        pstyle = ppr.find(_PSTYLE) if ppr is not None else None
        style_id = pstyle.get(W_VAL) if pstyle is not None else None
        label = self._label(ppr, style_id)
        pieces: list[str] = []
        boxes: list[_Element] = []
        self._inline(p, pieces, boxes)
        while self._fields and not self._fields[-1]:
            self._fields.pop()  # field codes never span paragraphs; results may
        text = label + _resolve_breaks("".join(pieces))
        return text, self._styles.hint(style_id, outline_level(ppr)), boxes

    def _label(self, ppr: _Element | None, style_id: str | None) -> str:
        direct = num_ref(ppr)
        inherited = self._styles.numbering(style_id)
        num_id = direct.num_id if direct is not None and direct.num_id is not None else None
        if num_id is None and inherited is not None:
            num_id = inherited[1].num_id
        if not num_id or num_id == "0":
            return ""
        if direct is not None and direct.ilvl is not None:
            ilvl = direct.ilvl
        elif inherited is not None and inherited[1].ilvl is not None:
            ilvl = inherited[1].ilvl
        elif inherited is not None:
            ilvl = self._counters.definitions.level_of_style(num_id, inherited[0])
        else:
            ilvl = 0
        return self._counters.label(num_id, ilvl) or ""

    def _inline(self, container: _Element, pieces: list[str], boxes: list[_Element]) -> None:
        """Paragraph content: runs, and the elements that wrap runs (hyperlinks, tracked
        insertions, content controls, simple fields, smart tags …)."""
        for child in container:
            tag = child.tag
            if tag == _R:
                self._run(child, pieces, boxes)
            elif tag in _OMATH:
                pieces.append("".join(t.text or "" for t in child.iter(_MATH_T)))
            elif tag == _ALT:
                branch = _choose(child)
                if branch is not None:
                    self._inline(branch, pieces, boxes)
            elif isinstance(tag, str) and tag not in _NOT_TEXT:
                self._inline(child, pieces, boxes)

    def _run(self, run: _Element, pieces: list[str], boxes: list[_Element]) -> None:
        rpr = run.find(_RPR)
        vanish = rpr.find(w("vanish")) if rpr is not None else None
        hidden = vanish is not None and vanish.get(W_VAL) not in _OFF
        for child in run:
            tag = child.tag
            if tag == _FLDCHAR:
                self._field_char(child.get(w("fldCharType")))
            elif hidden or not all(self._fields):
                continue
            elif tag == _T:
                pieces.append(child.text or "")
            elif tag in _SPACE:
                pieces.append(" ")
            elif tag in _BREAK:
                pieces.append(_BREAK_MARK)
            elif tag == w("noBreakHyphen"):
                pieces.append("-")
            elif tag == _SYM:
                pieces.append(_symbol(child))
            elif tag in _SHAPES:
                _find_boxes(child, boxes)
            elif tag == _ALT:
                branch = _choose(child)
                if branch is not None:
                    self._run(branch, pieces, boxes)
            elif tag == w("ruby"):
                base = child.find(_RUBY_BASE)
                if base is not None:
                    self._inline(base, pieces, boxes)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(False)
        elif kind == "separate" and self._fields:
            self._fields[-1] = True
        elif kind == "end" and self._fields:
            self._fields.pop()


def _merged_left(tc: _Element) -> bool:
    """A cell covered by the one to its left through a legacy ``w:hMerge`` (Word 97 style
    horizontal merge; newer files use ``w:gridSpan``, where the cell appears once)."""
    tcpr = tc.find(_TCPR)
    hmerge = tcpr.find(w("hMerge")) if tcpr is not None else None
    return hmerge is not None and hmerge.get(W_VAL, "continue") == "continue"


def _children(container: _Element, want: str | None = None) -> list[_Element]:
    """Children of ``container`` with content controls, custom XML and
    ``mc:AlternateContent`` unwrapped; only those tagged ``want`` if given."""
    out: list[_Element] = []
    for child in container:
        if child.tag in _WRAPPERS:
            inner = _choose(child) if child.tag == _ALT else child
            if inner is not None:
                out.extend(_children(inner, want))
        elif isinstance(child.tag, str) and (want is None or child.tag == want):
            out.append(child)
    return out


def _choose(alternate: _Element) -> _Element | None:
    """One branch of ``mc:AlternateContent``: the first Choice, else the Fallback."""
    choice = alternate.find(_CHOICE)
    return choice if choice is not None else alternate.find(_FALLBACK)


def _find_boxes(element: _Element, boxes: list[_Element]) -> None:
    """Text box contents inside a drawing or shape, outermost only, one branch each."""
    for child in element:
        if child.tag == _TXBX:
            boxes.append(child)
        elif child.tag == _ALT:
            branch = _choose(child)
            if branch is not None:
                _find_boxes(branch, boxes)
        elif isinstance(child.tag, str):
            _find_boxes(child, boxes)


def _symbol(sym: _Element) -> str:
    """``w:sym``: the character, unless it is a symbol-font glyph (U+F000–F0FF); U+FFFD
    for a code beyond Unicode (``110000``). A surrogate code (``D800``) is kept here and
    replaced, with a warning, where every loader's text is checked (:mod:`...scrub`)."""
    try:
        code = int(sym.get(w("char"), ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF or code < 0x20:
        return ""
    return chr(code) if code <= 0x10FFFF else "\ufffd"


def _resolve_breaks(text: str) -> str:
    """Line breaks inside a paragraph: nothing between CJK characters, else one space.

    >>> _resolve_breaks("关于印发\\x00实施方案"), _resolve_breaks("Word\\x00document")
    ('关于印发实施方案', 'Word document')
    """

    def replace(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not before or not after or before.isspace() or after.isspace():
            return ""
        return "" if _is_cjk(before) and _is_cjk(after) else " "

    return _BREAKS.sub(replace, text) if _BREAK_MARK in text else text


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, unified ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF  # full-width forms: （ ） ，
        or 0x20000 <= code <= 0x3FFFF
    )
