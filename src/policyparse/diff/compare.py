"""Two document records in, one diff out: the JSON data every output format lays out.

The diff is plain JSON data (docs/outputs.md, "diff"): the two documents, a summary (counts
per status, the provisions whose obligations changed), the metadata fields that differ,
and one entry per provision or group of provisions, in the new document's order with each
removed provision where it stood.
"""

from __future__ import annotations

from typing import Any

from .align import Alignment, Item, align, align_by_place
from .changes import OBLIGATION_KINDS, Change, Provision, changes
from .keys import char_diff, key

Record = dict[str, Any]
Entry = dict[str, Any]

STATUSES = ("changed", "renumbered", "moved", "split", "merged", "added", "removed", "unchanged")
META_FIELDS = ("title", "doc_number", "issuer", "date", "kind")


def diff_records(old: Record, new: Record, *, by: str = "text") -> Record:
    """What changed from ``old`` to ``new`` (document records as parse_record gives them).

    ``by="text"`` aligns provisions by their place and their text; ``by="id"`` by their
    written numbering only.
    """
    return compare(old, new, by=by)[0]


def compare(old: Record, new: Record, *, by: str = "text") -> tuple[Record, Alignment]:
    """:func:`diff_records`, and the alignment it was built from."""
    before: list[Provision] = old["provisions"]
    after: list[Provision] = new["provisions"]
    items_old, items_new = _items(before), _items(after)
    alignment = (align_by_place if by == "id" else align)(items_old, items_new)
    entries = _Entries(before, after, alignment).build()
    counts = dict.fromkeys(STATUSES, 0)
    for entry in entries:
        counts[entry["status"]] += 1
    result = {
        "old": _document(old),
        "new": _document(new),
        "by": by,
        "summary": {**counts, "obligations_changed": _obligations(entries)},
        "meta": _meta(old.get("meta") or {}, new.get("meta") or {}),
        "provisions": entries,
    }
    return result, alignment


def _items(provisions: list[Provision]) -> list[Item]:
    items = []
    for p in provisions:
        # A provision with no text of its own (all of it in its items) is known by label.
        k = key(p.get("text")) or key(p.get("heading")) or "\0" + key(p.get("label"))
        items.append(Item.of(k, f"{p.get('style')}:{p.get('id')}"))
    return items


def _document(doc: Record) -> Record:
    meta = doc.get("meta") or {}
    return {
        "path": (doc.get("source") or {}).get("path"),
        "title": meta.get("title"),
        "doc_number": meta.get("doc_number"),
        "date": meta.get("date"),
        "provisions": len(doc["provisions"]),
    }


def _meta(old: Record, new: Record) -> list[Record]:
    return [
        {"field": name, "old": old.get(name), "new": new.get(name)}
        for name in META_FIELDS
        if key(str(old.get(name) or "")) != key(str(new.get(name) or ""))
    ]


def _ref(p: Provision) -> Record:
    return {
        "id": p.get("id"),
        "label": p.get("label"),
        "heading": p.get("heading"),
        "text": p.get("text"),
    }


def _obligations(entries: list[Entry]) -> list[Record]:
    """Entries whose responsibility, deadline or amounts changed; added and removed
    provisions that carry a clause or a deadline (an obligation created or dropped)."""
    found = []
    for entry in entries:
        kinds = sorted({c["kind"] for c in entry["changes"]} & OBLIGATION_KINDS)
        if entry["status"] in ("added", "removed"):
            side = (entry["new"] or entry["old"])[0]
            if side.get("obligation"):
                kinds = [f"provision-{entry['status']}"]
        if kinds:
            found.append(
                {
                    "old_id": entry["old"][0]["id"] if entry["old"] else None,
                    "new_id": entry["new"][0]["id"] if entry["new"] else None,
                    "kinds": kinds,
                }
            )
    return found


def _combined(provisions: list[Provision]) -> Provision:
    """Several provisions read as one (the side of a split or a merge with two)."""
    lead: list[str] = []
    support: list[str] = []
    amounts: list[Any] = []
    for p in provisions:
        clause = p.get("responsibility") or {}
        lead += clause.get("lead") or []
        support += clause.get("support") or []
        amounts += p.get("amounts") or []
    deadline = next((p["deadline"] for p in provisions if p.get("deadline")), None)
    has_clause = any(p.get("responsibility") for p in provisions)
    return {
        "heading": provisions[0].get("heading"),
        "text": "\n".join(p.get("text") or "" for p in provisions),
        "responsibility": {"lead": lead, "support": support} if has_clause else None,
        "deadline": deadline,
        "amounts": amounts,
    }


class _Entries:
    def __init__(self, old: list[Provision], new: list[Provision], alignment: Alignment):
        self.old, self.new, self.alignment = old, new, alignment

    def build(self) -> list[Entry]:
        a = self.alignment
        placed: list[tuple[tuple[int, int, int], Entry]] = []
        in_order: dict[int, int] = {}  # old index → the new position it stands at
        for i, j in a.pairs.items():
            placed.append(((j, 0, 0), self.pair([i], [j], moved=i in a.moved)))
            if i not in a.moved:
                in_order[i] = j
        for i, (j1, j2) in a.splits:
            placed.append(((j1, 0, 0), self.pair([i], [j1, j2], status="split")))
            in_order[i] = j2
        for (i1, i2), j in a.merges:
            placed.append(((j, 0, 0), self.pair([i1, i2], [j], status="merged")))
            in_order[i1] = in_order[i2] = j
        taken_new = {j for _, e in placed for j in e["_new"]}
        taken_old = {i for _, e in placed for i in e["_old"]}
        for j, p in enumerate(self.new):
            if j not in taken_new:
                placed.append(((j, 0, 0), self.single("added", p)))
        after = -1
        for i, p in enumerate(self.old):
            after = in_order.get(i, after)
            if i not in taken_old:
                placed.append(((after, 1, i), self.single("removed", p)))
        placed.sort(key=lambda pe: pe[0])
        entries = []
        for _, entry in placed:
            del entry["_old"], entry["_new"]
            entries.append(entry)
        return entries

    def single(self, status: str, p: Provision) -> Entry:
        ref = _ref(p)
        if p.get("responsibility") or p.get("deadline"):
            ref["obligation"] = True
        side = {"old": [ref], "new": []} if status == "removed" else {"old": [], "new": [ref]}
        return {
            "status": status,
            **side,
            "similarity": None,
            "renumbered": False,
            "text_diff": None,
            "changes": [],
            "_old": [],
            "_new": [],
        }

    def pair(
        self, olds: list[int], news: list[int], *, moved: bool = False, status: str = ""
    ) -> Entry:
        before = [self.old[i] for i in olds]
        after = [self.new[j] for j in news]
        o = before[0] if len(before) == 1 else _combined(before)
        n = after[0] if len(after) == 1 else _combined(after)
        found: list[Change] = changes(o, n)
        if status:  # a split or a merge: its headings are its parts', not one renamed
            found = [c for c in found if c["kind"] != "heading-renamed"]
        same_text = key(o.get("text")) == key(n.get("text"))
        runs, similarity = (
            (None, 1.0) if same_text else char_diff(o.get("text") or "", n.get("text") or "")
        )
        renumbered = len(before) == len(after) == 1 and _number(o) != _number(n)
        if not status:
            if moved:
                status = "moved"
            elif not same_text or found:
                status = "changed"
            else:
                status = "renumbered" if renumbered else "unchanged"
        return {
            "status": status,
            "old": [_ref(p) for p in before],
            "new": [_ref(p) for p in after],
            "similarity": round(similarity, 3),
            "renumbered": renumbered,
            "text_diff": None if runs is None else [list(run) for run in runs],
            "changes": found,
            "_old": olds,
            "_new": news,
        }


def _number(p: Provision) -> object:
    """A provision's own number as written (its label folded), else its last ordinal."""
    return key(p.get("label")) or (p.get("path") or [None])[-1]
