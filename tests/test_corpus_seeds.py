"""Seeds 001–004 of ../shared/corpus against hand-read gold (tests/data/seeds_gold.json):
every numbered item with its written path, every clause's lead and support, the count at
each level, and the metadata."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from policyparse import parse

from .conftest import ROOT, corpus_path

GOLD: dict[str, dict[str, Any]] = json.loads(
    (ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def parsed() -> dict[str, Any]:
    return {seed: parse(corpus_path("seeds", f"{seed}.txt")) for seed in GOLD}


@pytest.mark.parametrize("seed", sorted(GOLD))
def test_level_counts(parsed: dict[str, Any], seed: str) -> None:
    counts = Counter(p.style.value for p in parsed[seed].provisions)
    assert dict(counts) == {k: v for k, v in GOLD[seed]["counts"].items() if v}


@pytest.mark.parametrize("seed", sorted(GOLD))
def test_every_item_with_its_path_and_start(parsed: dict[str, Any], seed: str) -> None:
    doc = parsed[seed]
    gold = GOLD[seed]["provisions"]
    assert [(p.id, p.label) for p in doc.provisions] == [(g["id"], g["label"]) for g in gold]
    for p, g in zip(doc.provisions, gold, strict=True):
        assert p.style.value == g["style"], p.id
        assert p.text.startswith(g["text_starts"]), (p.id, p.text[:20], g["text_starts"])


@pytest.mark.parametrize("seed", sorted(GOLD))
def test_every_clause_split_as_written(parsed: dict[str, Any], seed: str) -> None:
    doc = parsed[seed]
    for p, g in zip(doc.provisions, GOLD[seed]["provisions"], strict=True):
        if "lead" not in g:
            assert p.responsibility is None, p.id
            continue
        assert p.responsibility is not None, p.id
        assert (p.responsibility.lead, p.responsibility.support) == (g["lead"], g["support"]), p.id
        assert p.responsibility.raw not in p.text, p.id


@pytest.mark.parametrize("seed", sorted(GOLD))
def test_meta(parsed: dict[str, Any], seed: str) -> None:
    meta = parsed[seed].meta.model_dump(mode="json")
    for key, value in GOLD[seed]["meta"].items():
        assert meta[key] == value, key
