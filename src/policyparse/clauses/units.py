"""Lists of government units: ``省财政厅、省工信厅及各市〔州〕、县〔市〕政府`` → three units.

Units are separated by 、，,；; and by 及/以及/和/与 — but only outside brackets, because
names carry bracketed lists of their own (各县（市、区）政府, 各县<市、区>人民政府), and 和
only between two whole names (市住房和城乡建设局 is one). A fragment that cannot be a unit
on its own (各市〔州〕, 长春新区: no organ word at the end) joins the one after it, which
keeps compound names whole (各市〔州〕、县〔市〕政府); a bare generic word (单位 in
有关部门、单位) belongs to the one before. The vocabulary is in :mod:`policyparse.lexicon.organs`.
"""

from __future__ import annotations

import re

from ..lexicon.organs import (
    COLLECTIVE_PREFIX,
    CONJUNCTIONS,
    ETC_COLLECTIVE,
    ETC_TAIL,
    GENERIC_WORDS,
    LIST_SEPARATORS,
    NAME_CLOSING,
    NAME_OPENING,
    NOT_ORGAN_ENDINGS,
    ORGAN_ENDINGS,
    PLACE_ENDINGS,
    WEAK_BEFORE_AND,
    ZONE_ENDINGS,
)
from ..lexicon.roles import role_fold

_SEPARATORS = set(LIST_SEPARATORS)
_LIST_SEPARATORS = ("、", ",", "，")
_MARKS = re.compile(
    "[" + re.escape(LIST_SEPARATORS + NAME_OPENING + NAME_CLOSING + "".join(CONJUNCTIONS)) + "]+"
)
_STOP = re.compile("[" + re.escape(LIST_SEPARATORS + NAME_OPENING) + "]+")
_CELL_SEPARATORS = re.compile(r"\n|[ \u3000]{2,}|[/／]")
_TRIM = " \t\u3000。.：:"
_LONGEST_ENDING = max(len(w) for w in (*ORGAN_ENDINGS, *NOT_ORGAN_ENDINGS))
_LONGEST_NAME = 60  # no unit's name is longer; bounds the look-ahead after 和


def looks_like_unit(name: str) -> bool:
    """Whether ``name`` ends the way a unit's name does.

    >>> looks_like_unit("省工业和信息化厅"), looks_like_unit("各市〔州〕"), looks_like_unit("试行")
    (True, False, False)
    >>> looks_like_unit("省財政廳"), looks_like_unit("局"), looks_like_unit("省发改委（省粮食局）")
    (True, False, True)
    """
    name = _without_note(name.rstrip(_TRIM))
    tail = role_fold(name[-_LONGEST_ENDING:])  # only the ending matters: linear on long text
    return len(name) >= 2 and tail.endswith(ORGAN_ENDINGS) and not tail.endswith(NOT_ORGAN_ENDINGS)


def stands_for_unit(name: str) -> bool:
    """A unit, or a place or zone that stands for its government in a clause.

    >>> stands_for_unit("各区县"), stands_for_unit("各县（市、区）"), stands_for_unit("高新区")
    (True, True, True)
    >>> stands_for_unit("城区"), stands_for_unit("重点区域")
    (False, False)
    """
    if looks_like_unit(name):
        return True
    name = role_fold(_without_note(name.rstrip(_TRIM)))
    if name.startswith(COLLECTIVE_PREFIX) and name.endswith(PLACE_ENDINGS):
        return len(name) <= 8
    return len(name) >= 3 and name.endswith(ZONE_ENDINGS)


def _without_note(name: str) -> str:
    """``省发展改革委（省粮食和物资储备局）`` ends like the name before its bracket."""
    if not name or name[-1] not in NAME_CLOSING:
        return name
    depth = 0
    for i in range(len(name) - 1, max(-1, len(name) - 1 - _LONGEST_NAME), -1):
        depth += name[i] in NAME_CLOSING
        depth -= name[i] in NAME_OPENING
        if depth == 0:
            return name[:i].rstrip(_TRIM)
    return name


def split_units(text: str) -> list[str]:
    """The units named in ``text``, as written.

    >>> split_units("省能源局及各市〔州〕、县〔市〕政府")
    ['省能源局', '各市〔州〕、县〔市〕政府']
    >>> split_units("驻吉中直有关部门、单位")
    ['驻吉中直有关部门、单位']
    >>> split_units("全国总工会等和各省级人民政府")
    ['全国总工会', '各省级人民政府']
    >>> split_units("司法部、市场监管总局等部门和单位")
    ['司法部', '市场监管总局']
    """
    units: list[str] = []
    pending = ""
    previous_separator = "、"
    etc_dropped = False  # the name before ended in 等部门, dropped as no unit of its own
    for piece, separator in _split_outside_brackets(text):
        name = pending + piece.strip(_TRIM)
        pending = ""
        if name:
            if name in GENERIC_WORDS and etc_dropped:
                pass  # 市场监管总局等部门和单位: 单位 goes with the dropped 等部门
            elif name in GENERIC_WORDS and units:
                units[-1] += previous_separator + name
            elif not looks_like_unit(name) and separator in _LIST_SEPARATORS:
                pending = name + separator
            else:
                named = _split_etc(name)
                etc_dropped = len(named) == 1 and named[0] != name
                units.extend(named)
                previous_separator = separator or previous_separator
                continue
        etc_dropped = False
        previous_separator = separator or previous_separator
    if pending:
        units.append(pending.rstrip("".join(_LIST_SEPARATORS)))
    return [u for u in units if u]


def split_cell_units(cell: str) -> list[str]:
    """Units in a table cell, where a line break or a wide space also separates names.

    >>> split_cell_units("人民银行白山市中心支行\\n市政数局  白山银保监分局")
    ['人民银行白山市中心支行', '市政数局', '白山银保监分局']
    """
    parts = (part.strip(_TRIM) for part in _CELL_SEPARATORS.split(cell))
    joined = "、".join(part for part in parts if part)
    units: list[str] = []
    for unit in split_units(joined):
        if unit not in units:
            units.append(unit)
    return units


def _split_etc(name: str) -> list[str]:
    """``市市场监管局等有关单位`` → the named unit and the collective ``有关单位``;
    ``省财政厅等部门`` and ``全国总工会等`` → the named unit alone."""
    m = ETC_COLLECTIVE.search(name)
    if m and m.start() > 0 and looks_like_unit(name[: m.start()]):
        return [name[: m.start()], m.group(1)]
    m = ETC_TAIL.search(name)
    if m and m.start() > 0 and looks_like_unit(name[: m.start()]):
        return [name[: m.start()]]
    return [name]


def _whole(name: str) -> bool:
    """A complete name before a conjunction (a trailing 等 allowed: 全国总工会等和…)."""
    name = name.strip(_TRIM)
    return looks_like_unit(name[:-1] if name.endswith("等") else name)


def _whole_before(text: str, start: int, at: int) -> bool:
    """:func:`_whole` on ``text[start:at]``, looking only at its end (linear on long runs)."""
    if at - start <= _LONGEST_NAME:
        return _whole(text[start:at])
    return _whole(text[at - _LONGEST_NAME : at])


def _split_outside_brackets(text: str) -> list[tuple[str, str]]:
    """(fragment, the separator that followed it) at bracket depth 0."""
    out: list[tuple[str, str]] = []
    depth = 0
    start = 0
    skip_to = 0  # inside a conjunction already taken
    marks = ((m.start() + k, ch) for m in _MARKS.finditer(text) for k, ch in enumerate(m.group()))
    for i, ch in marks:  # only the characters that can matter
        if i < skip_to:
            continue
        if ch in NAME_OPENING:
            depth += 1
        elif ch in NAME_CLOSING:
            depth -= depth > 0
        elif depth == 0:
            if ch in _SEPARATORS:
                out.append((text[start:i], ch))
                start = i + 1
                continue
            for word in CONJUNCTIONS:
                if text.startswith(word, i) and _joins(text, start, i, word):
                    out.append((text[start:i], ""))
                    start = skip_to = i + len(word)
                    break
    out.append((text[start:], ""))
    return out


def _joins(text: str, start: int, at: int, word: str) -> bool:
    """Whether ``word`` at ``at`` joins two names. 及/以及 need a whole name before; 和/与
    also need one after (up to the next separator), so 省工业和信息化厅 stays one name."""
    if not _whole_before(text, start, at):
        return False
    if word in ("及", "以及"):
        return True
    before = role_fold(text[max(start, at - _LONGEST_ENDING) : at]).rstrip(_TRIM)
    if before.endswith(WEAK_BEFORE_AND):
        return False
    end = at + len(word)
    limit = min(len(text), end + _LONGEST_NAME)
    found = _STOP.search(text, end, limit)  # the next separator, or a bracket to step over
    stop = found.start() if found else None
    if stop is not None and text[stop] in NAME_OPENING:
        stop = _after_brackets(text, stop, limit)
    if stop is None and limit < len(text):
        return False  # no separator within a name's length: not a list of names
    return _whole(text[end:stop])


def _after_brackets(text: str, start: int, limit: int) -> int | None:
    """The next separator at bracket depth 0 from ``start`` (an opening bracket)."""
    depth = 0
    for i in range(start, limit):
        ch = text[i]
        if ch in NAME_OPENING:
            depth += 1
        elif ch in NAME_CLOSING and depth:
            depth -= 1
        elif depth == 0 and ch in _SEPARATORS:
            return i
    return None
