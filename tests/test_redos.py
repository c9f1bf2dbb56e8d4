"""No rule backtracks catastrophically: every regular expression policyparse compiles runs
in linear time on adversarial text made of the characters rules match — long runs of 、,
（, 一, digits, spaces — and a whole document of a megabyte-long line parses in time."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import policyparse
from policyparse.pipeline import parse_record

ADVERSARIAL = [
    "、", "（", "(", "一", "十", "1", "0", " ", "\u3000", "\t", "第", "年", "，", "：", "万", "元",
    "%", "《", "〔", "-", "—", "．", ".", "局", "<", "a", "（一、1",
]  # fmt: skip
RULE_SIZE = 128 * 1024
SMALL = RULE_SIZE // 8


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(policyparse.__path__, "policyparse."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


PATTERNS = _patterns()


def _scan(pattern: re.Pattern[str], text: str) -> float:
    started = time.perf_counter()
    pattern.match(text)
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - started


def test_every_module_pattern_is_covered() -> None:
    assert len(PATTERNS) > 80, "the walk found the rules"


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_rule_is_linear_on_adversarial_runs(name: str, pattern: re.Pattern[str]) -> None:
    for unit in ADVERSARIAL:
        big = (unit * (RULE_SIZE // len(unit) + 1))[:RULE_SIZE]
        small = big[:SMALL]
        slow = _scan(pattern, big)
        if slow < 0.05:
            continue  # fast enough that growth cannot matter
        fast = _scan(pattern, small)
        assert slow < 1.0, f"{name} takes {slow:.2f}s on {RULE_SIZE:,} × {unit!r}"
        assert slow < 24 * max(fast, 1e-3), f"{name} grows faster than linear on {unit!r}"


@pytest.mark.parametrize("unit", ["、", "（", "一", "1", " ", "第", "（一）", "1.5万元，"])
def test_a_megabyte_line_parses_in_bounded_time(unit: str) -> None:
    line = "一、" + (unit * (1024 * 1024 // len(unit)))
    started = time.perf_counter()
    record = parse_record(line.encode("utf-8"), format="txt", name="long.txt")
    assert time.perf_counter() - started < 20
    assert record["provisions"], "the labelled line is a provision"
