"""Reader for fixtures/cases/*.md: ``## name`` then an input block, then a json block."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_CASE = re.compile(
    r"^## (?P<name>.+?)\n+```[a-z]*\n(?P<input>.*?)\n```\n+```json\n(?P<expected>.*?)\n```",
    re.M | re.S,
)


@dataclass(frozen=True)
class Case:
    name: str
    input: str
    expected: Any


def read_cases(path: Path) -> list[Case]:
    text = path.read_text(encoding="utf-8")
    cases = [
        Case(m.group("name").strip(), m.group("input"), json.loads(m.group("expected")))
        for m in _CASE.finditer(text)
    ]
    if not cases:
        raise ValueError(f"no cases in {path}")
    return cases
