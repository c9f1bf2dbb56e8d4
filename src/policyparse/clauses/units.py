"""Lists of government units: ``省财政厅、省工信厅及各市〔州〕、县〔市〕政府`` → three units.

Units are separated by 、，,；; and by 及/以及 — but only outside brackets, because names
carry bracketed lists of their own (各县（市、区）政府). A fragment that cannot be a unit
on its own (各市〔州〕, 长春新区: no organ word at the end) joins the one after it, which
keeps compound names whole (各市〔州〕、县〔市〕政府); a bare generic word
(单位 in 有关部门、单位) belongs to the one before.
"""

from __future__ import annotations

import re

from ..fold import CLOSING, OPENING

# The last word of a unit name (organs, offices, banks, enterprises, collective subjects).
_ORGAN_END = re.compile(
    r"(?:局|厅|委|办|府|会|室|部|院|行|处|署|所|站|队|关|联|社|团|校|馆|台|庭|司|"
    r"中心|公司|集团|小组|单位|部门|机构|机关|组织|企业|街道|镇|乡|移动|电信|联通|铁塔|广电|"
    r"人民政府|管委会|委员会|办公室|办事处|领导小组|成员单位|相关单位|有关单位|各地)$"
)
# Words that end like an organ (行, 会, 所 …) but name an action or a status.
_NOT_UNIT_END = re.compile(
    r"(?:试行|暂行|施行|执行|运行|进行|实行|推行|发行|先行|可行|修订稿|征求意见稿|草案|"
    r"座谈会|研讨会|推介会|博览会|交易会|展览会|发布会|运动会|年会|例会|场所|住所|处所)$"
)
_SEPARATORS = set("、，,；;")
_LIST_SEPARATORS = ("、", ",", "，")
_CELL_SEPARATORS = re.compile(r"\n|[ \u3000]{2,}|[/／]")
# Bare generic words that finish the unit before them: 有关部门、单位 is one unit.
_GENERIC = {"单位", "部门", "机构", "企业", "组织", "机关"}
_ETC = re.compile(r"等((?:其他|有关|相关|其它)?(?:成员)?(?:单位|部门|机构))$")
_CONJUNCTIONS = ("以及", "及")
_TRIM = " \t\u3000。.：:"


def looks_like_unit(name: str) -> bool:
    """Whether ``name`` ends the way a unit's name does.

    >>> looks_like_unit("省工业和信息化厅"), looks_like_unit("各市〔州〕"), looks_like_unit("试行")
    (True, False, False)
    """
    name = name.rstrip(_TRIM)
    return bool(_ORGAN_END.search(name)) and not _NOT_UNIT_END.search(name)


def split_units(text: str) -> list[str]:
    """The units named in ``text``, as written.

    >>> split_units("省能源局及各市〔州〕、县〔市〕政府")
    ['省能源局', '各市〔州〕、县〔市〕政府']
    >>> split_units("驻吉中直有关部门、单位")
    ['驻吉中直有关部门、单位']
    """
    units: list[str] = []
    pending = ""
    previous_separator = "、"
    for piece, separator in _split_outside_brackets(text):
        name = pending + piece.strip(_TRIM)
        pending = ""
        if name:
            if name in _GENERIC and units:
                units[-1] += previous_separator + name
            elif not looks_like_unit(name) and separator in _LIST_SEPARATORS:
                pending = name + separator
            else:
                units.extend(_split_etc(name))
        previous_separator = separator or previous_separator
    if pending:
        units.append(pending.rstrip("".join(_LIST_SEPARATORS)))
    return units


def split_cell_units(cell: str) -> list[str]:
    """Units in a table cell, where a line break or a wide space also separates names.

    >>> split_cell_units("人民银行白山市中心支行\n市政数局  白山银保监分局")
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
    """``市市场监管局等有关单位`` → the named unit and the collective ``有关单位``."""
    m = _ETC.search(name)
    if m and m.start() > 0 and looks_like_unit(name[: m.start()]):
        return [name[: m.start()], m.group(1)]
    return [name]


def _split_outside_brackets(text: str) -> list[tuple[str, str]]:
    """(fragment, the separator that followed it) at bracket depth 0."""
    out: list[tuple[str, str]] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
        elif depth == 0:
            if ch in _SEPARATORS:
                out.append((text[start:i], ch))
                start = i + 1
            else:
                for word in _CONJUNCTIONS:
                    if text.startswith(word, i) and looks_like_unit(text[start:i]):
                        out.append((text[start:i], ""))
                        start = i + len(word)
                        i += len(word) - 1
                        break
        i += 1
    out.append((text[start:], ""))
    return out
