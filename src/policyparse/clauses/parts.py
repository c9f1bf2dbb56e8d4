"""Part rules of the clause grammar: how one part of a clause (between separators) is read.

Each rule takes the part as written, its folded copy, the role marker in force and the
reading so far, and returns True when the part is its; :data:`PART_RULES` lists them in
the order they are tried. Every unit a rule yields carries the rule's name
(:class:`Reading`), so fixtures and warnings can say which rule read what.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..lexicon.organs import NAME_CLOSING, NAME_OPENING
from ..lexicon.roles import (
    CARRIES_ON,
    FIRST_LEADS,
    JOINT_VERBS,
    NAMED_LEAD,
    NOT_LISTED,
    OTHERS_SUPPORT,
    ROLE_WORD,
    STANDING_NOTE,
    STANDING_SUPPORT,
    UNIT_NOTES,
    WHO_OPENERS,
    Role,
    role_fold,
    verb_at_end,
)
from .units import split_units, stands_for_unit

_UNIT_NOTE = re.compile(r"[(（〔\[【](" + "|".join(UNIT_NOTES) + r")[)）〕\]】]")
TIME_HINT = re.compile(
    r"(?=[\d年月日完持长以之按])(?:\d+|[年月日]+|完成|持续|长期|以前|之前|按进度|按期)"
)
# Words of a sentence, never of a unit's name (…应当邀请相关部门参加, 督查组对本级政府负责).
_PROSE = re.compile(
    r"(?=[的由将把:：应可必须对邀是要])(?:[的由将把:：]+|应当|可以|必须|须|对|邀请|是|要)"
)
_NOT_UNDER_MARKER = re.compile(TIME_HINT.pattern + r"|[:：]+")
_LONGEST_NAME = 40


@dataclass(frozen=True, slots=True)
class Reading:
    """One unit as a clause names it: what it does, and which rule said so."""

    unit: str
    role: Role
    rule: str


@dataclass(slots=True)
class ClauseReading:
    readings: list[Reading] = field(default_factory=list)
    markers: int = 0  # role markers read (牵头单位：, 责任单位： …)
    verbs: int = 0  # parts closed by a role verb
    first_leads: bool = False  # 列首位的为牵头单位 stated here
    carries_on: bool = False  # … and said to hold for later clauses (下同)
    standing_support: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # parts that name no unit
    seen: set[str] = field(default_factory=set)  # units read so far, each once

    @property
    def units(self) -> list[str]:
        return [r.unit for r in self.readings]


# Part rules: each takes (part as written, its folded copy, the marker in force, the
# reading so far) and returns True when the part is its. Order matters: first match wins.


def carry_on(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``下同`` alone: the standing rule of this clause holds for later ones."""
    if CARRIES_ON.fullmatch(folded.rstrip("。.)）")):
        out.carries_on = True
        return True
    return False


def first_leads(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``列首位的为牵头单位`` / ``排在第一位的部门为牵头部门，下同``."""
    if FIRST_LEADS.search(folded):
        out.first_leads = True
        out.carries_on = out.carries_on or bool(CARRIES_ON.search(folded))
        return True
    return False


def standing_support(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``以下措施均需各区县人民政府落实``: these support this and every later clause."""
    m = STANDING_SUPPORT.search(part)
    if m is None:
        return False
    out.standing_support.extend(split_units(m.group(1)))
    return True


def standing_note(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``以下任务均需各市县政府负责，不再列出``: a note about the items below, naming no
    unit of this one (only the 落实 form above is read as a standing rule)."""
    return STANDING_NOTE.match(folded) is not None


def named_lead(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``A为牵头单位`` inside a clause: A leads (read already, or new); ``其他为配合单位``:
    the rest support, as resolving makes them anyway."""
    if OTHERS_SUPPORT.match(folded):
        return True
    m = NAMED_LEAD.match(folded)
    if m is None:
        return False
    names = _names(part[: m.end(1)])
    if not names:
        return False
    named = set(names)
    out.readings = [
        Reading(r.unit, Role.LEAD, "named-lead") if r.unit in named else r for r in out.readings
    ]
    _add(out, names, Role.LEAD, "named-lead")
    return True


def not_listed(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``不再列出`` / ``不再一一列出``: says nothing about who."""
    return bool(NOT_LISTED.fullmatch(folded.rstrip("。.")))


def unit_note(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``A（牵头）、B、C``: the note names the role of the unit before it."""
    if not _UNIT_NOTE.search(folded):
        return False
    cursor = 0
    for note in _UNIT_NOTE.finditer(folded):
        units = split_units(part[cursor : note.start()])
        if units:
            _add(out, units[:-1], marker or Role.PLAIN, "unit-note")
            _add(out, units[-1:], UNIT_NOTES[note.group(1)], "unit-note")
        cursor = note.end()
    _add(out, split_units(part[cursor:]), marker or Role.PLAIN, "unit-note")
    return True


def joint(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``A会同B负责``: A leads, B supports, whatever verb closes the part."""
    for verb in JOINT_VERBS:
        at = _outside_brackets(folded, verb) if verb in folded else -1
        if at <= 0:
            continue
        left, right = part[:at], part[at + len(verb) :]
        closing = verb_at_end(role_fold(right))
        if closing:
            right = right[: len(right) - len(closing[0])]
        lead, support = _names(left), _names(right)
        if not lead or not support:
            return False
        if marker is None and not all(_bare_unit(n) for n in lead + support):
            out.notes.append(part)  # 省财政厅要会同省工信厅…: a sentence, not a clause
            return True
        _add(out, lead, Role.LEAD, "joint")
        _add(out, support, Role.SUPPORT, "joint")
        out.verbs += 1
        return True
    return False


def role_verb(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """``A、B牵头`` / ``C配合`` / ``D按职责分工负责`` / ``E负责落实``: the verb gives the role,
    unless a 牵头单位：/配合单位： marker already has."""
    found = verb_at_end(folded.rstrip("。."))
    if found is None:
        return False
    verb, role = found
    body = part.rstrip("。.")
    names = _names(body[: len(body) - len(verb)])
    if not names:
        return False
    if marker is None and not all(_bare_unit(n) for n in names):
        out.notes.append(part)  # 各地要负责… : a sentence, not a list of units
        return True
    _add(out, names, marker if marker in (Role.LEAD, Role.SUPPORT) else role, "role-verb")
    out.verbs += 1
    return True


def unit_list(part: str, folded: str, marker: Role | None, out: ClauseReading) -> bool:
    """A list of names; under a marker, or standing alone. What names no unit is a note."""
    names = _names(part)
    if marker is None and any(ROLE_WORD.fullmatch(role_fold(n)) for n in names):
        out.notes.append(part)  # （责任单位） names a role, not a unit
        return True
    units = [n for n in names if (marker and not _NOT_UNDER_MARKER.search(n)) or _bare_unit(n)]
    if not names or len(units) < len(names):
        out.notes.append(part)
        return True
    _add(out, units, marker or Role.PLAIN, "marker" if marker else "unit-list")
    return True


PART_RULES: tuple[Callable[[str, str, Role | None, ClauseReading], bool], ...] = (
    carry_on,
    first_leads,
    standing_support,
    standing_note,
    named_lead,
    not_listed,
    unit_note,
    joint,
    role_verb,
    unit_list,
)


def _bare_unit(name: str) -> bool:
    """A name that stands for a unit without a marker to say so: an organ's ending, short,
    and no word of a sentence in it (…由拟作为申请人的单位 is a sentence)."""
    return stands_for_unit(name) and len(name) <= _LONGEST_NAME and not _PROSE.search(name)


def _names(text: str) -> list[str]:
    text = text.strip(" \t\u3000")
    for opener in WHO_OPENERS:
        if text.startswith(opener):
            text = text[len(opener) :]
    return split_units(text)


def _add(out: ClauseReading, units: list[str], role: Role, rule: str) -> None:
    for unit in units:
        if unit not in out.seen:
            out.seen.add(unit)
            out.readings.append(Reading(unit, role, rule))


def _outside_brackets(text: str, word: str) -> int:
    """Where ``word`` first stands outside brackets in ``text``, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in NAME_OPENING:
            depth += 1
        elif ch in NAME_CLOSING and depth:
            depth -= 1
        elif depth == 0 and text.startswith(word, i):
            return i
    return -1


def unique(units: Iterable[str], taken: set[str] | None = None) -> list[str]:
    """``units`` in order, each once, leaving out those ``taken``."""
    seen = set(taken or ())
    out: list[str] = []
    for unit in units:
        if unit not in seen:
            seen.add(unit)
            out.append(unit)
    return out
