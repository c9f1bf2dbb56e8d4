"""The size a record may reach, relative to the input it came from.

A record repeats its input a few times at most: each provision's text once, its clause
and its cells again, a heading, the warnings' dropped text. A record far larger than its
input means that something in the file multiplies (a list label, a merged cell, a text
repeated by reference) past the specific limits the loaders keep; it is refused with a
clear error instead of being written, since a 1.6 KB file must not become 385 MB of JSON.

The budget is :data:`RECORD_RATIO` times the input's size, and never less than
:data:`RECORD_FLOOR` characters (a small compressed DOCX holds much more text than its
bytes). The size counted is the characters of every string plus a few per value: close to
the length of the JSON, without writing it.
"""

from __future__ import annotations

from typing import Any

from .errors import LoadError

RECORD_RATIO = 64
RECORD_FLOOR = 32 * 1024 * 1024
_PER_VALUE = 4  # quotes, a comma, a colon: what JSON adds around a value


def record_budget(input_size: int) -> int:
    return max(RECORD_FLOOR, RECORD_RATIO * input_size)


def record_size(record: Any, stop: int) -> int:
    """About the length of ``record`` as JSON (keys and strings by their characters),
    counted only up to ``stop``: past it the walk ends and says more than ``stop``."""
    size = 0
    stack = [record]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            size += len(value) + _PER_VALUE
        elif isinstance(value, dict):
            size += sum(len(key) + _PER_VALUE for key in value)
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            size += _PER_VALUE
            stack.extend(value)
        else:
            size += _PER_VALUE + 4
        if size > stop:
            break
    return size


def check_record(record: Any, input_size: int) -> None:
    """:class:`LoadError` when ``record`` is larger than the input's budget allows."""
    budget = record_budget(input_size)
    size = record_size(record, budget)
    if size > budget:
        raise LoadError(
            f"the record would exceed {budget // (1 << 20):,} MB ({RECORD_RATIO}× the "
            f"input's size, at least {RECORD_FLOOR // (1 << 20)} MB): the document repeats "
            "its text beyond what any policy document does, refusing it"
        )
