"""Which provision a clause on a line of its own belongs to.

    （五）开展精准服务。具体包括：
    1.编制政策清单；
    2.组织服务专员上门走访。
    （责任单位：市工业和信息化局）

The segmenter files the last line under ``2.``, the innermost open provision. When the
items of a list carry no clause of their own and a clause-only paragraph closes the list,
the clause is the parent's: it moves there.
"""

from __future__ import annotations

from ..segment.segmenter import Node
from .responsibility import find_clauses


def lift_list_clauses(nodes: list[Node]) -> None:
    for node in nodes:
        if node.parent is None or len(node.paras) < 2:
            continue
        siblings = node.parent.children
        if node is not siblings[-1] or len(siblings) < 2:
            continue
        last = node.paras[-1]
        if not _clause_only(last.text):
            continue
        if any(_has_clause(s, skip=last) for s in siblings):
            continue
        node.paras.pop()
        node.parent.paras.append(last)


def _clause_only(text: str) -> bool:
    spans = find_clauses(text)
    return len(spans) == 1 and spans[0][0] == 0 and spans[0][1] >= len(text.rstrip(" 。."))


def _has_clause(node: Node, *, skip: object) -> bool:
    texts = [node.body] + [p.text for p in node.paras[1:] if p is not skip]
    return any(find_clauses(t) for t in texts)
