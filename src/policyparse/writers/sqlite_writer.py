"""``sqlite``: one database with the tables of writers/tables.py, keys and indexes, for
``sqlite3``, datasette and pandas (``pd.read_sql("select * from provisions", con)``).

``documents.doc_id`` is the key; every other table carries ``doc_id`` (a foreign key)
beside the document's path, and ``provisions`` is keyed by (doc_id, id). Ids are TEXT,
so 2.10 stays 2.10; lists are JSON arrays, which ``json_each`` opens::

    select u.value, count(*) from provisions, json_each(provisions.lead) u group by 1;
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import Record
from .tables import ID_COLUMNS, TABLES, flat

# Columns that hold numbers; every other column is TEXT.
_INTEGER = frozenset(
    {"pages", "provisions", "clauses", "deadlines", "amounts", "warnings", "level",
     "start_line", "end_line", "page", "line"}
)  # fmt: skip
_NUMERIC = frozenset({"value"})  # NUMERIC: 500000 stays an integer, 0.5 a real


def _type(table: str, column: str) -> str:
    if column in ID_COLUMNS:
        return "TEXT"
    if column in _NUMERIC:
        return "NUMERIC"
    if column in _INTEGER and not (table == "provisions" and column == "amounts"):
        return "INTEGER"
    return "TEXT"


def schema() -> list[str]:
    """The CREATE statements, in dependency order."""
    statements = []
    for name, (columns, _) in TABLES.items():
        defs = [f"{c} {_type(name, c)}" for c in columns]
        if name == "documents":
            defs.insert(0, "doc_id INTEGER PRIMARY KEY")
        else:
            defs.insert(0, "doc_id INTEGER NOT NULL REFERENCES documents(doc_id)")
        if name == "provisions":
            defs.append("PRIMARY KEY (doc_id, id)")
        elif name in ("units", "deadlines", "amounts"):
            defs.append("FOREIGN KEY (doc_id, provision) REFERENCES provisions(doc_id, id)")
        statements.append(f"CREATE TABLE {name} (\n  " + ",\n  ".join(defs) + "\n)")
        if name != "documents":
            statements.append(f"CREATE INDEX {name}_doc ON {name}(doc_id)")
    statements.append("CREATE INDEX units_unit ON units(unit)")
    return statements


class SqliteWriter:
    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path)
        for statement in schema():
            self._db.execute(statement)
        self._doc_id = 0

    def document(self, doc: Record) -> None:
        self._doc_id += 1
        for name, (columns, rows_of) in TABLES.items():
            marks = ", ".join("?" * (len(columns) + 1))
            self._db.executemany(
                f"INSERT INTO {name} (doc_id, {', '.join(columns)}) VALUES ({marks})",
                ([self._doc_id, *(flat(row[c]) for c in columns)] for row in rows_of(doc)),
            )

    def close(self) -> None:
        self._db.commit()
        self._db.close()


def make_file(path: Path) -> SqliteWriter:
    return SqliteWriter(path)
