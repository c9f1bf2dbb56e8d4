"""policyparse's own JSON output, recognised when it comes back as an input.

``extract out.json`` must not parse a record as if it were a notice, and ``units`` reads
batch's ``*.json`` outputs as the records they are instead of parsing them again.
"""

from __future__ import annotations

import json
from pathlib import Path

from .writers import Record

OWN_SUFFIXES = (".json",)


def is_record(value: object) -> bool:
    return (
        isinstance(value, dict)
        and "schema_version" in value
        and isinstance(value.get("source"), dict)
        and isinstance(value.get("provisions"), list)
    )


def own_records(path: Path) -> list[Record] | None:
    """The Document records in ``path`` when it is a json output of policyparse (one
    object or an array of them); None for anything else, unreadable files included."""
    if path.suffix.lower() not in OWN_SUFFIXES:
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if is_record(data):
        return [data]
    if isinstance(data, list) and data and all(is_record(d) for d in data):
        return data
    return None
