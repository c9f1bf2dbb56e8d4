"""Writing the responsibility matrix: the long form for tools on stdout, a table per unit
for people on stderr."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import PurePath

from ..matrix import LONG_COLUMNS, UnitRole, per_unit
from .csv_writer import BOM, text_cell

SHOWN_PER_ROLE = 6


def write_long(rows: list[UnitRole], output_format: str) -> None:
    """tsv (for cut, sort, awk), csv (for Excel: BOM, ids as text), jsonl or json."""
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        if output_format == "json":
            out.write(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
            out.write("\n")
        elif output_format == "jsonl":
            for r in rows:
                out.write(json.dumps(r.as_dict(), ensure_ascii=False) + "\n")
        elif output_format == "csv":
            out.write(BOM)
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(LONG_COLUMNS)
            for r in rows:
                writer.writerow([r.unit, r.role, r.document, text_cell(r.provision), r.written])
        else:
            out.write("\t".join(LONG_COLUMNS) + "\n")
            for r in rows:
                fields = (r.unit, r.role, r.document, r.provision, r.written)
                out.write("\t".join(_tsv(f) for f in fields) + "\n")
        out.flush()
    finally:
        out.detach()


def _tsv(value: str) -> str:
    # A tab or newline inside a value would shift the columns; names never hold one, paths may.
    return value.replace("\t", " ").replace("\n", " ")


def write_table(rows: list[UnitRole]) -> None:
    """Per unit: how many provisions it leads and supports, and which, by document."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Responsibility matrix", show_lines=False)
    table.add_column("unit")
    table.add_column("lead", justify="right", style="bold cyan")
    table.add_column("support", justify="right", style="cyan")
    table.add_column("leads")
    table.add_column("supports")
    for unit in per_unit(rows):
        table.add_row(
            unit.unit,
            str(len(unit.lead)),
            str(len(unit.support)),
            _where(unit.lead),
            _where(unit.support),
        )
    Console(stderr=True).print(table)


def _where(rows: list[UnitRole]) -> str:
    shown = [f"{PurePath(r.document).name}#{r.provision}" for r in rows[:SHOWN_PER_ROLE]]
    return "、".join(shown) + ("…" if len(rows) > SHOWN_PER_ROLE else "")
