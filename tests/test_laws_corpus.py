"""Invariants over the 2,361 real regulations in ../shared/corpus/laws (no gold needed):
no file fails; every 第X条 that starts a paragraph is an article; articles run 1…N unless a
numbering-gap warning says the text skips; no provision is empty; nothing is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policyparse import parse
from policyparse.models import Document, Style

from .conftest import CORPUS
from .lossless import extra, missing, source_body

LAWS = CORPUS / "laws"
_ARTICLE_START = re.compile(
    r"^[ \t\u3000]*第[零〇一二三四五六七八九十百千两0-9]+条(?:[ \t\u3000]|$)"
)


@pytest.fixture(scope="module")
def corpus() -> list[tuple[Path, Document]]:
    if not LAWS.exists():
        pytest.skip("corpus not present")
    files = sorted(LAWS.rglob("*.md"))
    assert len(files) >= 2000
    return [(path, parse(path)) for path in files]


def test_every_paragraph_starting_with_an_article_label_is_an_article(corpus) -> None:  # type: ignore[no-untyped-def]
    missed = []
    for path, doc in corpus:
        starts = {p.source_span.start_line for p in doc.provisions if p.style is Style.ARTICLE}
        lines = path.read_text(encoding="utf-8").split("\n")
        missed += [
            (path.name, n)
            for n, line in enumerate(lines, 1)
            if _ARTICLE_START.match(line) and n not in starts
        ]
    assert missed == []


def test_articles_run_one_to_n_unless_the_text_skips(corpus) -> None:  # type: ignore[no-untyped-def]
    unexplained = []
    for path, doc in corpus:
        numbers = [p.path[-1] for p in doc.provisions if p.style is Style.ARTICLE]
        if numbers == list(range(1, len(numbers) + 1)):
            continue
        gaps = [w for w in doc.warnings if w.code == "numbering-gap" and "条" in w.message]
        if not gaps:
            unexplained.append(path.name)
    assert unexplained == []


def test_no_provision_is_empty(corpus) -> None:  # type: ignore[no-untyped-def]
    empty = [(path.name, p.id) for path, doc in corpus for p in doc.provisions if not p.text]
    assert empty == []


def test_regulations_have_title_and_adoption(corpus) -> None:  # type: ignore[no-untyped-def]
    untitled = [path.name for path, doc in corpus if not doc.meta.title]
    assert untitled == []
    dated = sum(1 for _, doc in corpus if doc.meta.date)
    assert dated / len(corpus) > 0.95


def test_nothing_is_lost(corpus) -> None:  # type: ignore[no-untyped-def]
    broken = []
    for path, doc in corpus:
        source = source_body(path)
        if missing(source, doc) or extra(source, doc):
            broken.append((path.name, dict(missing(source, doc)), dict(extra(source, doc))))
    assert broken == []
