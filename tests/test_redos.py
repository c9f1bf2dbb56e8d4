"""No rule backtracks catastrophically: every regular expression policyparse compiles runs
in linear time on adversarial text made of the characters rules match — long runs of 、,
（, 一, digits, spaces — and a whole document of a megabyte-long line parses in linear work.

No clock on the wall: work is compared between sizes (see tests/growth.py). Linear work
grows ×4 when the text grows ×4, quadratic ×16; the margins sit far between the two.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable

import pytest

import policyparse
from policyparse.pipeline import parse_record

from .growth import cpu_work, linear_by_cpu

ADVERSARIAL = [
    "、", "（", "(", "一", "十", "1", "0", " ", "\u3000", "\t", "第", "年", "，", "：", "万", "元",
    "%", "《", "〔", "-", "—", "．", ".", "局", "<", "a", "（一、1", "<!--", "<a", "<script",
]  # fmt: skip
RULE_SIZE = 128 * 1024
FACTOR = 4
# Linear is ×4; quadratic ×16. Below 9 passes, whatever the load on the machine.
MAX_RATIO = 9.0


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


def _scan(pattern: re.Pattern[str], text: str) -> None:
    pattern.match(text)
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass


def test_every_module_pattern_is_covered() -> None:
    assert len(PATTERNS) > 80, "the walk found the rules"


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_rule_is_linear_on_adversarial_runs(name: str, pattern: re.Pattern[str]) -> None:
    for unit in ADVERSARIAL:
        big = (unit * (RULE_SIZE // len(unit) + 1))[:RULE_SIZE]
        if cpu_work(lambda b=big: _scan(pattern, b), repeats=1) < 0.05:
            continue  # too little work at the large size for any growth to matter

        def make(size: int, b: str = big) -> Callable[[], object]:
            text = b[:size]
            return lambda: _scan(pattern, text)

        ratio = linear_by_cpu(make, RULE_SIZE // FACTOR, FACTOR, repeats=2)
        assert ratio < MAX_RATIO, f"{name} grows ×{ratio:.1f} for ×{FACTOR} text of {unit!r}"


@pytest.mark.parametrize("unit", ["、", "（", "一", "1", " ", "第", "（一）", "1.5万元，"])
def test_a_long_line_parses_in_linear_work(unit: str) -> None:
    def make(size: int) -> Callable[[], object]:
        data = ("一、" + unit * (size // len(unit))).encode("utf-8")
        return lambda: parse_record(data, format="txt", name="long.txt")

    ratio = linear_by_cpu(make, 64 * 1024, FACTOR, repeats=2)
    assert ratio < MAX_RATIO, f"a line of {unit!r} grows ×{ratio:.1f} for ×{FACTOR} text"
    record = parse_record(("一、" + unit * 1000).encode("utf-8"), format="txt", name="l.txt")
    assert record["provisions"][0]["label"] == "一、", "the labelled line is a provision"
