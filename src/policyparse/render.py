"""``policyparse inspect``: the provision tree as a person reads it, on stdout (so it pages).

Units that lead are bold cyan, supporting units cyan, deadlines magenta, amounts green;
warnings follow the tree. rich drops colour by itself for NO_COLOR and non-terminals.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from .models import Document, Provision

TEXT_PREVIEW = 60


def render_tree(doc: Document, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    meta = doc.meta
    title = Text(meta.title or doc.source.path, style="bold")
    if meta.doc_number:
        title.append(f"  {meta.doc_number}", style="dim")
    if meta.date:
        title.append(f"  {meta.date}", style="dim")
    root = Tree(title)
    branches: dict[str, Tree] = {}
    for provision in doc.provisions:
        parent = branches.get(provision.parent_id or "", root)
        branches[provision.id] = parent.add(_line(provision))
    console.print(root)
    if doc.warnings:
        console.print(Text(f"{len(doc.warnings)} warning(s)", style="yellow bold"))
        for warning in doc.warnings:
            where = f"line {warning.line}: " if warning.line else ""
            console.print(Text(f"  [{warning.code}] {where}{warning.message}", style="yellow"))


def _line(p: Provision) -> Text:
    line = Text(f"{p.id} ", style="dim")
    line.append(p.label, style="bold")
    body = p.heading or p.text.split("\n", 1)[0]
    if len(body) > TEXT_PREVIEW:
        body = body[: TEXT_PREVIEW - 1] + "…"
    line.append(body)
    r = p.responsibility
    if r is not None:
        line.append("  ")
        line.append("、".join(r.lead), style="bold cyan")
        if r.support:
            line.append(" + " + "、".join(r.support), style="cyan")
    if p.deadline is not None:
        line.append(f"  ⏱ {p.deadline.raw}", style="magenta")
    for amount in p.amounts:
        line.append(f"  {amount.raw}", style="green")
    return line
