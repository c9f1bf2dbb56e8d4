"""Writers, one module per output format, registered by name.

A stream writer (json, jsonl, csv) streams text: ``begin`` once, ``document`` per parsed
document, ``end`` once, so that ``batch --combine`` can write a whole corpus without
holding it in memory. A file writer (xlsx, sqlite) builds a binary file at a path it is
given: ``document`` per document, ``close`` once.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Protocol, TextIO

# A document record: JSON data in the shape of models.Document (see assemble.py).
Record = dict[str, Any]

FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "xlsx", "sqlite")
FILE_FORMATS: frozenset[str] = frozenset({"xlsx", "sqlite"})
EXTENSIONS: dict[str, str] = {
    "json": ".json",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "xlsx": ".xlsx",
    "sqlite": ".sqlite",
}
# What ``-o`` and ``--combine`` infer from a file name when no ``-f`` is given.
BY_EXTENSION: dict[str, str] = {
    **{ext: name for name, ext in EXTENSIONS.items()},
    ".ndjson": "jsonl",
    ".db": "sqlite",
    ".sqlite3": "sqlite",
}
# The tables a csv or jsonl output can hold, one at a time (``--table``).
TABLE_NAMES: tuple[str, ...] = (
    "provisions",
    "documents",
    "units",
    "deadlines",
    "amounts",
    "warnings",
)


class Writer(Protocol):
    def begin(self, out: TextIO) -> None: ...
    def document(self, doc: Record, out: TextIO) -> None: ...
    def end(self, out: TextIO) -> None: ...


class FileWriter(Protocol):
    def document(self, doc: Record) -> None: ...
    def close(self) -> None: ...


def format_for(path: Path | str) -> str | None:
    """The output format a file name asks for (``out.csv`` → csv), or None."""
    return BY_EXTENSION.get(Path(path).suffix.lower())


def get_writer(name: str, *, many: bool = False, table: str = "provisions") -> Writer:
    """The stream writer for ``name``; ``many``: more than one document goes to the same
    stream; ``table``: which table a csv or jsonl output holds."""
    if name not in FORMATS or name in FILE_FORMATS:
        raise ValueError(f"unknown stream output format {name!r}")
    module = importlib.import_module(f"{__name__}.{name}_writer")
    writer: Writer = module.make(many=many, table=table)
    return writer


def open_file_writer(name: str, path: Path) -> FileWriter:
    """The file writer for ``name`` (xlsx, sqlite), building ``path``."""
    if name not in FILE_FORMATS:
        raise ValueError(f"unknown file output format {name!r}")
    module = importlib.import_module(f"{__name__}.{name}_writer")
    writer: FileWriter = module.make_file(path)
    return writer
