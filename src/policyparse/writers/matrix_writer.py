"""Writing the responsibility matrix: a rich table for people, csv or json for tools."""

from __future__ import annotations

import csv
import io
import json
import sys

from ..matrix import UnitRow
from .csv_writer import BOM, LIST_SEPARATOR


def write_matrix(rows: list[UnitRow], output_format: str) -> None:
    if output_format == "table":
        _table(rows)
        return
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    if output_format == "csv":
        out.write(BOM)
        writer = csv.writer(out, lineterminator="\r\n")
        header = ["unit", "lead", "support", "total", "lead_provisions", "support_provisions"]
        writer.writerow(header)
        for r in rows:
            writer.writerow(
                [r.unit, len(r.lead), len(r.support), r.total,
                 LIST_SEPARATOR.join(r.lead), LIST_SEPARATOR.join(r.support)]
            )  # fmt: skip
    else:
        records = [
            {
                "unit": r.unit,
                "lead": len(r.lead),
                "support": len(r.support),
                "lead_provisions": r.lead,
                "support_provisions": r.support,
                "spellings": sorted(r.spellings),
            }
            for r in rows
        ]
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    out.detach()


def _table(rows: list[UnitRow]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Responsibility matrix", show_lines=False)
    table.add_column("unit")
    table.add_column("lead", justify="right", style="bold cyan")
    table.add_column("support", justify="right", style="cyan")
    table.add_column("provisions")
    for r in rows:
        ids = [w.rsplit("#", 1)[1] for w in r.lead + r.support]
        shown = "、".join(ids[:8]) + ("…" if len(ids) > 8 else "")
        table.add_row(r.unit, str(len(r.lead)), str(len(r.support)), shown)
    Console(stderr=True).print(table)
