"""Every character of the body accounted for, on every seed and every fixture document."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse import parse

from .conftest import CORPUS, FIXTURES
from .lossless import extra, missing, source_body

TEXT_FIXTURES = sorted([*(FIXTURES / "docs").glob("*.txt"), *(FIXTURES / "docs").glob("*.md")])
SEEDS = [f"{n:03d}.txt" for n in range(5)]


def _check(path: Path) -> None:
    source = source_body(path)
    doc = parse(path)
    assert not missing(source, doc), f"characters lost: {missing(source, doc)}"
    assert not extra(source, doc), f"characters invented: {extra(source, doc)}"


@pytest.mark.parametrize("name", SEEDS)
def test_seed_is_lossless(name: str) -> None:
    path = CORPUS / "seeds" / name
    if not path.exists():
        pytest.skip("corpus not present")
    _check(path)


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_fixture_is_lossless(path: Path) -> None:
    _check(path)
