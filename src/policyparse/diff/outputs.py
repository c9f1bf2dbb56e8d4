"""The diff laid out: JSON (one object), JSON Lines (the summary, then one line per
entry), the terminal (rich; colour only on a terminal, ``[-…-]{+…+}`` marks otherwise)
and one self-contained HTML page (inline CSS, nothing fetched)."""

from __future__ import annotations

import html
import json
from typing import Any, TextIO

Record = dict[str, Any]
FORMATS = ("text", "json", "jsonl", "html")
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}


def write(diff: Record, fmt: str, stream: TextIO, *, colour: bool = False) -> None:
    if fmt == "json":
        json.dump(diff, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "jsonl":
        head = {k: v for k, v in diff.items() if k != "provisions"}
        stream.write(json.dumps({"type": "summary", **head}, ensure_ascii=False) + "\n")
        for entry in diff["provisions"]:
            stream.write(json.dumps({"type": "provision", **entry}, ensure_ascii=False) + "\n")
    elif fmt == "html":
        stream.write(page(diff))
    else:
        terminal(diff, stream, colour=colour)


def _name(refs: list[Record]) -> str:
    return "＋".join(f"{r.get('label') or ''}({r['id']})" for r in refs) or "—"


def describe(change: Record) -> str:
    """One line for a person: what changed inside a provision."""
    kind = change["kind"]
    if kind in ("unit-added", "unit-removed"):
        return f"{kind}: {change['unit']} ({change['role']})"
    if kind == "role-changed":
        return f"role-changed: {change['unit']} {change['old']} → {change['new']}"
    if kind == "lead-support-swapped":
        lead, support = "、".join(change["to_lead"]), "、".join(change["to_support"])
        return f"lead-support-swapped: lead {lead}; support {support}"
    if kind.startswith("deadline"):
        before = f"{change['old']} ({change['old_date']})"
        return f"{kind}: {before} → {change['new']} ({change['new_date']})"
    if kind == "amount-changed":
        values = f"{change['old_value']} → {change['new_value']} {change['unit']}"
        return f"amount-changed: {change['old']} → {change['new']} ({values})"
    if kind.startswith("amount"):
        return f"{kind}: {change['raw']} ({change['value']} {change['unit']})"
    return f"{kind}: {change.get('old')} → {change.get('new')}"


def terminal(diff: Record, stream: TextIO, *, colour: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=stream, highlight=False, no_color=not colour, force_terminal=colour, width=100
    )
    old, new = diff["old"], diff["new"]
    console.print(Text(f"{old['path']} → {new['path']}", style="bold"))
    summary = diff["summary"]
    table = Table("status", "provisions", box=None)
    for status, count in summary.items():
        if status != "obligations_changed" and count:
            table.add_row(status, str(count))
    console.print(table)
    for field in diff["meta"]:
        console.print(f"meta {field['field']}: {field['old']} → {field['new']}")
    if summary["obligations_changed"]:
        console.print(Text("obligations changed:", style="bold"))
        for item in summary["obligations_changed"]:
            ids = f"{item['old_id'] or '—'} → {item['new_id'] or '—'}"
            console.print(f"  {ids}: {', '.join(item['kinds'])}")
    for entry in diff["provisions"]:
        if entry["status"] == "unchanged":
            continue
        line = Text(f"\n{entry['status']} ", style="bold yellow")
        line.append(f"{_name(entry['old'])} → {_name(entry['new'])}")
        console.print(line)
        if entry["text_diff"]:
            body = Text("  ")
            for op, run in entry["text_diff"]:
                if op == "=":
                    body.append(run)
                elif colour:
                    body.append(run, style="red strike" if op == "-" else "green underline")
                else:
                    body.append(f"[-{run}-]" if op == "-" else f"{{+{run}+}}")
            console.print(body)
        elif entry["status"] in ("added", "removed"):
            ref = (entry["new"] or entry["old"])[0]
            style = "green" if entry["status"] == "added" else "red"
            console.print(Text(f"  {ref.get('text') or ''}", style=style if colour else ""))
        for change in entry["changes"]:
            console.print(Text(f"  • {describe(change)}", style="cyan" if colour else ""))


_CSS = """body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.entry{border-top:1px solid #ddd;padding:.5em 0}.status{font-weight:bold;color:#a60}
.added{background:#efe}.removed{background:#fee}ul{margin:.2em 0}"""


def page(diff: Record) -> str:
    e = html.escape
    old, new = diff["old"], diff["new"]
    parts = [
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>",
        f"<title>diff: {e(str(new.get('title') or new['path']))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(str(old['path']))} → {e(str(new['path']))}</h1>",
        "<table><tr><th>status</th><th>provisions</th></tr>",
    ]
    summary = diff["summary"]
    for status, count in summary.items():
        if status != "obligations_changed":
            parts.append(f"<tr><td>{status}</td><td>{count}</td></tr>")
    parts.append("</table>")
    if summary["obligations_changed"]:
        parts.append("<h2>Obligations changed</h2><ul>")
        for item in summary["obligations_changed"]:
            parts.append(
                f"<li>{e(str(item['old_id']))} → {e(str(item['new_id']))}: "
                f"{e(', '.join(item['kinds']))}</li>"
            )
        parts.append("</ul>")
    for field in diff["meta"]:
        parts.append(
            f"<p>meta {e(field['field'])}: {e(str(field['old']))} → {e(str(field['new']))}</p>"
        )
    for entry in diff["provisions"]:
        if entry["status"] == "unchanged":
            continue
        parts.append(
            f"<div class='entry {entry['status']}'><span class='status'>{entry['status']}</span> "
        )
        parts.append(f"{e(_name(entry['old']))} → {e(_name(entry['new']))}<p>")
        if entry["text_diff"]:
            for op, run in entry["text_diff"]:
                tag = {"=": "", "-": "del", "+": "ins"}[op]
                parts.append(f"<{tag}>{e(run)}</{tag}>" if tag else e(run))
        else:
            ref = (entry["new"] or entry["old"])[0]
            parts.append(e(ref.get("text") or ""))
        parts.append("</p>")
        if entry["changes"]:
            parts.append(
                "<ul>" + "".join(f"<li>{e(describe(c))}</li>" for c in entry["changes"]) + "</ul>"
            )
        parts.append("</div>")
    parts.append("</body></html>\n")
    return "".join(parts)
