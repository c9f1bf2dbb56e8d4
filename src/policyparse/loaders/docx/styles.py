"""Paragraph styles (word/styles.xml): what a style says about its paragraphs.

Two things matter to us, both inherited along the ``w:basedOn`` chain (nearest wins):

- the layout hint: a ``Title`` style → :attr:`LineHint.TITLE`; ``heading 1``…``heading 9``
  (Word stores built-in names in English whatever the UI language; WPS may write
  ``标题 1``) or an outline level 0–8 (``w:outlineLvl``, 9 is body text) → HEADING;
- list numbering the style carries (``w:numPr`` in its ``w:pPr``), which a paragraph
  inherits unless it sets its own (ECMA-376 Part 1 §17.3.1.19, §17.9.23).

Hints are evidence only; a document without styles loses nothing but the hints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...text import LineHint
from .package import val_attr as _val
from .package import val_int as _int
from .package import w

if TYPE_CHECKING:
    from lxml.etree import _Element

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*[1-9]$", re.I)
_TITLE_NAMES = frozenset({"title", "标题"})
_MAX_CHAIN = 16  # basedOn loops exist in the wild; stop walking after this many styles


@dataclass(frozen=True, slots=True)
class NumRef:
    """A ``w:numPr``: which list (``numId``) and which level (``ilvl``); either may be
    missing, and then comes from the style."""

    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    numbering: NumRef | None
    outline: int | None


class Styles:
    """The styles of one document, by ``w:styleId``."""

    def __init__(self, root: _Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"))
            if not style_id:
                continue
            ppr = style.find(w("pPr"))
            self._styles[style_id] = _Style(
                name=(_val(style.find(w("name"))) or "").strip(),
                based_on=_val(style.find(w("basedOn"))),
                numbering=num_ref(ppr),
                outline=outline_level(ppr),
            )
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default_paragraph = style_id

    def _chain(self, style_id: str | None) -> list[tuple[str, _Style]]:
        chain: list[tuple[str, _Style]] = []
        current = style_id or self.default_paragraph
        while current and current in self._styles and len(chain) < _MAX_CHAIN:
            if any(current == seen for seen, _ in chain):
                break
            style = self._styles[current]
            chain.append((current, style))
            current = style.based_on
        return chain

    def hint(self, style_id: str | None, outline: int | None) -> LineHint | None:
        """The layout hint for a paragraph of style ``style_id`` with direct outline level
        ``outline``: TITLE, HEADING or None."""
        for _, style in self._chain(style_id):
            if style.name.casefold() in _TITLE_NAMES:
                return LineHint.TITLE
            if _HEADING_NAME.match(style.name):
                return LineHint.HEADING
        levels = [outline, *(style.outline for _, style in self._chain(style_id))]
        found = next((level for level in levels if level is not None), None)
        return LineHint.HEADING if found is not None and found < 9 else None

    def numbering(self, style_id: str | None) -> tuple[str, NumRef] | None:
        """The numbering the style chain carries, with the id of the style that holds it
        (a level without ``w:ilvl`` is the one whose ``w:pStyle`` names that style)."""
        for current, style in self._chain(style_id):
            if style.numbering is not None:
                return current, style.numbering
        return None

    def num_id(self, style_id: str) -> str | None:
        """``numId`` of a numbering style, for ``w:numStyleLink`` (§17.9.27)."""
        found = self.numbering(style_id)
        return found[1].num_id if found is not None else None


def num_ref(ppr: _Element | None) -> NumRef | None:
    """The ``w:numPr`` of a ``w:pPr``, or None."""
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    if numpr is None:
        return None
    ilvl = _int(_val(numpr.find(w("ilvl"))))
    return NumRef(num_id=_val(numpr.find(w("numId"))), ilvl=ilvl)


def outline_level(ppr: _Element | None) -> int | None:
    return _int(_val(ppr.find(w("outlineLvl")))) if ppr is not None else None
