"""The table a batch ends with, on stderr."""

from __future__ import annotations

from pathlib import Path

from .runner import Summary


def print_summary(summary: Summary, outdir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    done = summary.counts["converted"]
    rate = done / summary.seconds if summary.seconds else 0.0
    table = Table(title="policyparse batch", show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    table.add_row("converted", f"{done:,}")
    table.add_row("skipped (up to date)", f"{summary.counts['skipped']:,}")
    failed_style = "red" if summary.failures else None
    table.add_row("failed", f"{summary.counts['failed']:,}", style=failed_style)
    earlier = sum(1 for f in summary.failures if f.earlier)
    if earlier:
        table.add_row("  of which failed before (--retry-failed)", f"{earlier:,}")
    table.add_row("provisions", f"{summary.provisions:,}")
    table.add_row("seconds", f"{summary.seconds:,.1f}")
    table.add_row("files/s", f"{rate:,.0f}")
    if summary.failures:
        table.add_row("errors", str(outdir / "errors.jsonl"))
    Console(stderr=True).print(table)
