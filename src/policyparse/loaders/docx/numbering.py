"""Word's automatic list numbers (word/numbering.xml), rebuilt as Word displays them.

A numbered paragraph carries only a reference, ``w:numPr`` = (``numId``, ``ilvl``), on the
paragraph or inherited from its style; the number itself is computed (ECMA-376 Part 1
§17.9). :class:`Definitions` holds the parsed part, :class:`ListCounters` the counting state
of one document walk, fed the numbered paragraphs in body order:

- ``w:num`` → ``w:abstractNum`` (through ``w:numStyleLink`` → numbering style → ``w:num``
  when the list is defined by a style); a ``w:lvlOverride`` may replace a level
  (``w:lvl``) or its start (``w:startOverride``);
- counters belong to the abstractNum, so a second ``w:num`` over the same abstractNum
  continues the count, while a ``w:num`` with a ``w:startOverride`` restarts that level
  at the override when its first paragraph comes (Word's "restart numbering");
- a level counts from ``w:start``; using a level resets the deeper levels, unless a deeper
  level's ``w:lvlRestart`` names another level (1-based, 0 = never restart);
- ``w:lvlText`` is the label pattern: ``%1.`` ``（%1）`` ``%1、`` ``第%1条`` ``%1.%2``; each
  ``%n`` is level n's counter in level n's ``w:numFmt`` (all decimal with ``w:isLgl``);
- ``w:suff``: ``space`` adds one; ``tab`` (default) adds a space only after a label that
  ends in a number or letter (1 / 1.2), where nothing else parts it from the text;
  ``nothing`` adds none.

Labels are bounded, since a few bytes of numbering.xml are repeated on every paragraph of
a list: a number beyond :data:`~.numfmt.MAX_NUMBER_CHARS` in its format is written in
decimal, and a ``w:lvlText`` longer than :data:`MAX_LEVEL_TEXT` or a number too long even
in decimal gives no label at all; each is a ``numbering-overflow`` warning, once per level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...text import Note
from .numfmt import MAX_NUMBER_CHARS, format_number
from .package import W_VAL, w
from .package import val_attr as _val
from .package import val_int as _int

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.etree import _Element

_PLACEHOLDER = re.compile(r"%([1-9])")
_MAX_LINKS = 4  # numStyleLink indirections followed before giving up
# Word's own patterns are a few characters (%1. （%1） 第%1条 %1.%2.%3); 64 leaves room.
MAX_LEVEL_TEXT = 64


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl``: how level ``ilvl`` counts and what its label looks like."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass(frozen=True, slots=True)
class _Num:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)  # full-level overrides
    starts: dict[int, int] = field(default_factory=dict)  # startOverride


class Definitions:
    """The lists of one document: abstract definitions and their ``w:num`` instances."""

    def __init__(self, root: _Element | None, style_num: Callable[[str], str | None]) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNumId → numbering style it defers to
        self._nums: dict[str, _Num] = {}
        self._style_num = style_num
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"))
            if abstract_id is None:
                continue
            self._abstracts[abstract_id] = {
                ilvl: level for ilvl, level in map(_level, abstract.iter(w("lvl")))
            }
            link = _val(abstract.find(w("numStyleLink")))
            if link:
                self._links[abstract_id] = link
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"))
            abstract_ref = _val(num.find(w("abstractNumId")))
            if num_id is None or abstract_ref is None:
                continue
            levels: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iter(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")))
                if ilvl is None:
                    continue
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)[1]
                start = _int(_val(override.find(w("startOverride"))))
                if start is not None:
                    starts[ilvl] = start
            self._nums[num_id] = _Num(abstract_ref, levels, starts)

    def resolve(self, num_id: str) -> tuple[str, dict[int, Level], _Num] | None:
        """(abstractNum id, effective levels, the num) for ``num_id``, or None."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = num.abstract
        for _ in range(_MAX_LINKS):
            link = self._links.get(abstract_id)
            linked_num = self._nums.get(self._style_num(link) or "") if link else None
            if linked_num is None or linked_num.abstract == abstract_id:
                break
            abstract_id = linked_num.abstract
        levels = self._abstracts.get(abstract_id)
        if levels is None:
            return None
        return abstract_id, {**levels, **num.levels}, num

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level whose ``w:pStyle`` is ``style_id`` (a style's numPr without ilvl)."""
        found = self.resolve(num_id)
        if found is not None:
            for ilvl, level in sorted(found[1].items()):
                if level.style == style_id:
                    return ilvl
        return 0


@dataclass(slots=True)
class ListCounters:
    """Counting state of one document walk: one call of :meth:`label` per numbered
    paragraph, in body order."""

    definitions: Definitions
    notes: list[Note] = field(default_factory=list)
    _values: dict[str, dict[int, int]] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)
    _warned: set[tuple[str, int]] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label Word shows for the next paragraph of list ``num_id`` at ``ilvl``,
        suffix included; ``""`` for a bullet; None when the reference leads nowhere."""
        found = self.definitions.resolve(num_id)
        if found is None or not 0 <= ilvl <= 8:
            return None
        abstract_id, levels, num = found
        level = levels.get(ilvl)
        if level is None:
            return None
        values = self._values.setdefault(abstract_id, {})
        if num_id not in self._seen:
            self._seen.add(num_id)
            for overridden in num.starts:
                values.pop(overridden, None)

        def start(k: int) -> int:
            return num.starts.get(k, levels[k].start if k in levels else 1)

        values[ilvl] = values[ilvl] + 1 if ilvl in values else start(ilvl)
        for deeper in [k for k in values if k > ilvl]:
            if _restarts(levels.get(deeper), deeper, ilvl):
                del values[deeper]
        if level.fmt == "bullet":
            return ""
        if len(level.text) > MAX_LEVEL_TEXT:
            self._overflow(
                num_id,
                ilvl,
                f"a label pattern of {len(level.text):,} characters (more than "
                f"{MAX_LEVEL_TEXT}): its paragraphs have no label",
            )
            return None
        too_long: list[tuple[int, str]] = []

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            ref = levels.get(k)
            if ref is None:
                return ""
            fmt = "decimal" if level.legal and ref.fmt not in ("none", "bullet") else ref.fmt
            value = values.get(k, start(k))
            text = format_number(value, fmt)
            if text is None:
                too_long.append((value, fmt))
                text = format_number(value, "decimal")
            return text or ""

        label = _PLACEHOLDER.sub(number, level.text)
        if too_long:
            value, fmt = too_long[0]
            decimal = format_number(value, "decimal")
            self._overflow(
                num_id,
                ilvl,
                f"the number {decimal} in {fmt} would take more than {MAX_NUMBER_CHARS} "
                "characters: written in decimal"
                if decimal is not None
                else f"a number of more than {MAX_NUMBER_CHARS} digits: its paragraphs "
                "have no label",
            )
            if decimal is None:
                return None
        # A tab after "1." or "（一）" reads as nothing, but after a bare "1" or "1.2" it is
        # all that parts the number from the text (1.2 编制目的, never 1.2编制目的).
        spaced = level.suffix == "space" or (
            level.suffix == "tab" and label[-1:].isascii() and label[-1:].isalnum()
        )
        return label + (" " if spaced else "")

    def _overflow(self, num_id: str, ilvl: int, what: str) -> None:
        if (num_id, ilvl) in self._warned:
            return
        self._warned.add((num_id, ilvl))
        self.notes.append(Note("numbering-overflow", f"list {num_id} level {ilvl + 1}: {what}"))


def _restarts(level: Level | None, k: int, used: int) -> bool:
    """Whether level ``k`` restarts when the shallower level ``used`` is used."""
    restart = level.restart if level is not None else None
    if restart is None or restart > k:  # absent, or names a level that is not higher
        return True
    return restart != 0 and used < restart


def _level(lvl: _Element) -> tuple[int, Level]:
    text = lvl.find(w("lvlText"))
    legal = lvl.find(w("isLgl"))
    return _int(lvl.get(w("ilvl"))) or 0, Level(
        # §17.9.25: without w:start a level counts from zero.
        start=_int(_val(lvl.find(w("start")))) or 0,
        fmt=_val(lvl.find(w("numFmt"))) or "decimal",
        text=(text.get(W_VAL) or "") if text is not None else "",
        restart=_int(_val(lvl.find(w("lvlRestart")))),
        suffix=_val(lvl.find(w("suff"))) or "tab",
        legal=legal is not None and legal.get(W_VAL) not in ("0", "false", "off"),
        style=_val(lvl.find(w("pStyle"))),
    )
