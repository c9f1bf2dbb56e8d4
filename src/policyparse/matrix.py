"""The responsibility matrix: every unit, the provisions it leads and supports.

Supervision offices build this by hand from a pile of documents. Names that differ only
by spaces or by the width and shape of their brackets (各县（市、区）政府, 各县(市、区)政府,
各县〔市、区〕政府) are one unit; it is shown under its most frequent spelling, and the
spelling of each clause is kept beside it (``written``).

The long form — one row per unit, role, document and provision — is what ``units``
prints: it sorts, filters and pivots in any tool, and a name with 、 or brackets inside
stays one value. :func:`per_unit` folds it into one row per unit for the table on stderr.
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

LONG_COLUMNS: tuple[str, ...] = ("unit", "role", "document", "provision", "written")


@dataclass(frozen=True, slots=True)
class UnitRole:
    unit: str  # the unit's most frequent spelling across the inputs
    role: str  # lead | support
    document: str  # the document's path
    provision: str  # the provision's id
    written: str  # the unit as this clause writes it

    def as_dict(self) -> dict[str, str]:
        return {c: getattr(self, c) for c in LONG_COLUMNS}


@dataclass(slots=True)
class UnitRow:
    unit: str
    lead: list[UnitRole] = field(default_factory=list)
    support: list[UnitRole] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.lead) + len(self.support)


def unit_key(name: str) -> str:
    """What makes two spellings one unit.

    >>> unit_key("各县（市、区） 政府") == unit_key("各县〔市、区〕政府")
    True
    """
    return _SPACE.sub("", fold(name)).translate(_BRACKETS)


def long_rows(documents: Iterable[Record]) -> list[UnitRole]:
    """Every (unit, role, document, provision) in document and clause order."""
    found: list[tuple[str, str, str, str]] = []
    spellings: dict[str, Counter[str]] = {}
    for doc in documents:
        path = doc["source"]["path"]
        for provision in doc["provisions"]:
            r = provision["responsibility"]
            if r is None:
                continue
            for role in ("lead", "support"):
                for name in r[role]:
                    spellings.setdefault(unit_key(name), Counter())[name] += 1
                    found.append((name, role, path, provision["id"]))
    shown = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    return [UnitRole(shown[unit_key(n)], role, d, p, n) for n, role, d, p in found]


def per_unit(rows: Iterable[UnitRole]) -> list[UnitRow]:
    """One row per unit, the busiest first."""
    units: dict[str, UnitRow] = {}
    for row in rows:
        unit = units.setdefault(row.unit, UnitRow(row.unit))
        (unit.lead if row.role == "lead" else unit.support).append(row)
    return sorted(units.values(), key=lambda r: (-r.total, -len(r.lead), r.unit))
