"""``policyparse report``: documents, and a corpus, at a glance in one HTML file.

One document: the provision tree beside its source lines, units, deadlines and amounts
marked in the text, warnings where they arose, the metadata card. Several: a documents
table, the responsibility matrix, the deadlines on a timeline, the totals. The file holds
its style, script and data; it opens from disk and asks the network for nothing.

Imported only by the ``report`` command: the rest of the tool never pays for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_text_writer
from .data import page_data
from .inputs import Failure, load_all
from .page import render_page

__all__ = ["Failure", "ReportResult", "write_report"]


@dataclass(frozen=True, slots=True)
class ReportResult:
    documents: int
    failures: list[Failure]
    totals: dict[str, int]


def write_report(
    names: list[str],
    output: Path,
    *,
    title: str | None = None,
    input_format: str | None = None,
    options: Mapping[str, object] | None = None,
) -> ReportResult:
    """Parse ``names`` and write the report to ``output`` (atomically)."""
    loaded, failures = load_all(names, input_format, options)
    if title is None:
        only = loaded[0].record["meta"].get("title") if len(loaded) == 1 else None
        title = only or f"policyparse report: {len(names)} document(s)"
    data = page_data(loaded, failures, title)
    page = render_page(data)
    with atomic_text_writer(output) as stream:
        stream.write(page)
    return ReportResult(len(loaded), failures, data["totals"])
