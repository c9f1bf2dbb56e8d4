"""The inputs of a report: each parsed with its source rows, or failed with one line.

A report is written even when some documents fail: a failure is a row of the documents
table with its reason, and the command exits 1 afterwards, as ``batch`` does. A
policyparse JSON output (a batch result) is read as the record it is, without source
rows — the page then shows the provisions without their text beside them.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyParseError
from ..pipeline import parse_with_text
from ..readback import own_records
from ..writers import Record
from .source import Row, source_rows


@dataclass(frozen=True, slots=True)
class Loaded:
    record: Record
    rows: list[Row] | None  # None: read from a JSON record, no source text at hand


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    kind: str  # the error class's kind: input, unsupported, decode, load, error
    reason: str

    @property
    def line(self) -> str:
        return f"{self.path}: {self.reason}"


def load_all(
    names: list[str], input_format: str | None, options: Mapping[str, object] | None
) -> tuple[list[Loaded], list[Failure]]:
    """Every input parsed, in order; the ones that fail as :class:`Failure`."""
    loaded: list[Loaded] = []
    failures: list[Failure] = []
    for name in names:
        records = None if name == "-" else own_records(Path(name))
        if records is not None:
            loaded.extend(Loaded(r, None) for r in records)
            continue
        try:
            if name == "-":
                record, text = parse_with_text(
                    sys.stdin.buffer.read(), format=input_format, name="-", options=options
                )
            else:
                record, text = parse_with_text(name, format=input_format, options=options)
        except PolicyParseError as error:
            failures.append(Failure(error.path or name, error.kind, error.reason))
            continue
        loaded.append(Loaded(record, source_rows(text)))
    return loaded, failures
