"""What changed inside one provision between its two versions, field by field.

Each change is a small dict with a ``kind`` (the names are listed in docs/outputs.md):
units added or removed and roles changed (``responsibility``), a deadline added, removed,
moved or reworded (``deadline``), an amount added, removed or changed — read as numbers,
so 200万元 → 300万元 is 2000000 → 3000000 and ２００万元 is no change (``amounts``) —
and a heading renamed. Names and texts are compared folded (keys.key); a unit's spelling
by matrix.unit_key, so 各县（市、区） and 各县〔市、区〕 are one unit.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from ..matrix import unit_key
from .keys import key

Change = dict[str, Any]
Provision = dict[str, Any]

OBLIGATION_KINDS = frozenset(
    {
        "unit-added",
        "unit-removed",
        "role-changed",
        "lead-support-swapped",
        "deadline-added",
        "deadline-removed",
        "deadline-moved",
        "deadline-changed",
        "amount-added",
        "amount-removed",
        "amount-changed",
    }
)


def changes(old: Provision, new: Provision) -> list[Change]:
    """Everything but the text that differs between two versions of one provision."""
    found: list[Change] = []
    if key(old.get("heading")) != key(new.get("heading")):
        found.append(
            {"kind": "heading-renamed", "old": old.get("heading"), "new": new.get("heading")}
        )
    found.extend(responsibility(old.get("responsibility"), new.get("responsibility")))
    found.extend(deadline(old.get("deadline"), new.get("deadline")))
    found.extend(amounts(old.get("amounts") or [], new.get("amounts") or []))
    return found


def _roles(clause: dict[str, Any] | None) -> dict[str, tuple[str, str]]:
    """unit key → (role, name as written); a unit listed twice keeps its first role."""
    roles: dict[str, tuple[str, str]] = {}
    for role in ("lead", "support"):
        for name in (clause or {}).get(role) or []:
            roles.setdefault(unit_key(name), (role, name))
    return roles


def responsibility(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[Change]:
    before, after = _roles(old), _roles(new)
    found: list[Change] = []
    for k, (role, name) in after.items():
        if k not in before:
            found.append({"kind": "unit-added", "unit": name, "role": role})
    for k, (role, name) in before.items():
        if k not in after:
            found.append({"kind": "unit-removed", "unit": name, "role": role})
    moved = [(after[k][1], before[k][0], after[k][0]) for k in after if k in before]
    moved = [m for m in moved if m[1] != m[2]]
    to_lead = [name for name, _, role in moved if role == "lead"]
    to_support = [name for name, _, role in moved if role == "support"]
    if to_lead and to_support:
        found.append({"kind": "lead-support-swapped", "to_lead": to_lead, "to_support": to_support})
    else:
        found.extend({"kind": "role-changed", "unit": n, "old": a, "new": b} for n, a, b in moved)
    return found


def deadline(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[Change]:
    if old is None and new is None:
        return []
    before, after = old or {}, new or {}
    if old is None:
        kind = "deadline-added"
    elif new is None:
        kind = "deadline-removed"
    elif key(before.get("raw")) == key(after.get("raw")):
        return []  # the same words: a date read relative to the document's own date
    elif before.get("date") and after.get("date") and before["date"] != after["date"]:
        kind = "deadline-moved"
    else:
        kind = "deadline-changed"
    return [
        {
            "kind": kind,
            "old": before.get("raw"),
            "new": after.get("raw"),
            "old_date": before.get("date"),
            "new_date": after.get("date"),
        }
    ]


def _amount_key(amount: dict[str, Any]) -> tuple[object, ...]:
    return (amount.get("kind"), amount.get("unit"), amount.get("bound"), amount.get("value"))


def amounts(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[Change]:
    """Amounts compared in order of appearance: a run that differs is paired amount by
    amount where the unit agrees (the figure changed), the rest added or removed."""
    matcher = SequenceMatcher(None, [_amount_key(a) for a in old], [_amount_key(a) for a in new])
    found: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        gone, come = old[i1:i2], new[j1:j2]
        while (
            gone
            and come
            and (gone[0].get("kind"), gone[0].get("unit"))
            == (
                come[0].get("kind"),
                come[0].get("unit"),
            )
        ):
            a, b = gone.pop(0), come.pop(0)
            found.append(
                {
                    "kind": "amount-changed",
                    "old": a.get("raw"),
                    "new": b.get("raw"),
                    "old_value": a.get("value"),
                    "new_value": b.get("value"),
                    "unit": b.get("unit"),
                }
            )
        found.extend(_single("amount-removed", a) for a in gone)
        found.extend(_single("amount-added", b) for b in come)
    return found


def _single(kind: str, amount: dict[str, Any]) -> Change:
    return {
        "kind": kind,
        "raw": amount.get("raw"),
        "value": amount.get("value"),
        "unit": amount.get("unit"),
    }
