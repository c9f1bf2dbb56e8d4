"""The responsibility matrix: every unit, the provisions it leads and supports.

Supervision offices build this by hand from a pile of documents. Names that differ only
by spaces or by the width and shape of their brackets (各县（市、区）政府, 各县(市、区)政府,
各县〔市、区〕政府) are one unit; it is shown under its most frequent spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .fold import fold
from .provisions import Record

_SPACE = re.compile(r"\s+")
_BRACKETS = str.maketrans("〔〕【】[]", "()()()")


@dataclass(slots=True)
class UnitRow:
    unit: str
    lead: list[str] = field(default_factory=list)  # "path#id" of each provision it leads
    support: list[str] = field(default_factory=list)
    spellings: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.lead) + len(self.support)


def unit_key(name: str) -> str:
    """What makes two spellings one unit.

    >>> unit_key("各县（市、区） 政府") == unit_key("各县〔市、区〕政府")
    True
    """
    return _SPACE.sub("", fold(name)).translate(_BRACKETS)


def build_matrix(documents: Iterable[Record]) -> list[UnitRow]:
    rows: dict[str, UnitRow] = {}
    for doc in documents:
        for provision in doc["provisions"]:
            r = provision["responsibility"]
            if r is None:
                continue
            where = f"{doc['source']['path']}#{provision['id']}"
            for role, names in (("lead", r["lead"]), ("support", r["support"])):
                for name in names:
                    row = rows.setdefault(unit_key(name), UnitRow(name))
                    row.spellings[name] += 1
                    getattr(row, role).append(where)
    for row in rows.values():
        row.unit = row.spellings.most_common(1)[0][0]
    return sorted(rows.values(), key=lambda r: (-r.total, -len(r.lead), r.unit))
