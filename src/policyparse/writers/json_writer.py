"""``json``: one Document per input, indented, UTF-8 as is.

One FILE argument gives one object; several (or ``--array``) give an array, so a script
over a glob that may match one file asks for ``--array`` and always gets a list.
"""

from __future__ import annotations

import json
from typing import TextIO

from . import Record


class JsonWriter:
    def __init__(self, *, many: bool) -> None:
        self._many = many
        self._count = 0

    def begin(self, out: TextIO) -> None:
        if self._many:
            out.write("[\n")

    def document(self, doc: Record, out: TextIO) -> None:
        if self._many and self._count:
            out.write(",\n")
        out.write(json.dumps(doc, ensure_ascii=False, indent=2))
        self._count += 1

    def end(self, out: TextIO) -> None:
        out.write("\n]\n" if self._many else "\n")


def make(*, many: bool, table: str = "provisions") -> JsonWriter:
    return JsonWriter(many=many)
