"""Writers, one module per output format, registered by name.

A writer streams: ``begin`` once, ``document`` per parsed document, ``end`` once, so that
``batch --combine`` can write a whole corpus without holding it in memory.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, TextIO

# A document record: JSON data in the shape of models.Document (see assemble.py).
Record = dict[str, Any]

FORMATS: tuple[str, ...] = ("json", "jsonl", "csv")
EXTENSIONS: dict[str, str] = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv"}


class Writer(Protocol):
    def begin(self, out: TextIO) -> None: ...
    def document(self, doc: Record, out: TextIO) -> None: ...
    def end(self, out: TextIO) -> None: ...


def get_writer(name: str, *, many: bool = False) -> Writer:
    """The writer for ``name``; ``many``: more than one document goes to the same stream."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    module = importlib.import_module(f"{__name__}.{name}_writer")
    writer: Writer = module.make(many=many)
    return writer
