"""``jsonl``: one provision per line, each line self-contained for jq, pandas and databases."""

from __future__ import annotations

import json
from typing import TextIO

from . import Record


class JsonlWriter:
    def begin(self, out: TextIO) -> None:
        pass

    def document(self, doc: Record, out: TextIO) -> None:
        context = {
            "doc_path": doc["source"]["path"],
            "doc_title": doc["meta"]["title"],
            "doc_number": doc["meta"]["doc_number"],
        }
        for provision in doc["provisions"]:
            out.write(json.dumps({**context, **provision}, ensure_ascii=False))
            out.write("\n")

    def end(self, out: TextIO) -> None:
        pass


def make(*, many: bool) -> JsonlWriter:
    return JsonlWriter()
