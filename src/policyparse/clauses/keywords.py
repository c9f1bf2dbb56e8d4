"""Key terms of a provision: jieba words, scored by TF-IDF, policy stop words removed.

jieba's general dictionary splits the terms policy texts are made of (专精特新 → 专精 特新,
两增两控 → 两增 两 控…), so a policy dictionary (data/policy_terms.txt) is added, and the
unit names the document's own clauses name are kept whole by cutting the text around
them before jieba sees it. The words every policy text uses (推进, 加强, 支持 …,
data/stopwords.txt) are never keywords.

Loading jieba's dictionary and IDF table takes about a second, so it happens once per
process, on the first document that asks for keywords, and never for one that does not.
The loaded tables never change afterwards: the result depends on the text alone.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z+]{1,}")
_CJK_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]+")


@dataclass(frozen=True)
class _Resources:
    tokenizer: Any  # jieba.Tokenizer, typed loosely: jieba ships no annotations
    idf: dict[str, float]
    median_idf: float
    stopwords: frozenset[str]


def _data_lines(name: str) -> list[str]:
    text = resources.files("policyparse.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@functools.lru_cache(maxsize=1)
def _load() -> _Resources:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for term in _data_lines("policy_terms.txt"):
        tokenizer.add_word(term, freq=50000)
    idf: dict[str, float] = {}
    idf_path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    with idf_path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, value = line.strip().partition(" ")
            if value:
                idf[word] = float(value)
    ordered = sorted(idf.values())
    return _Resources(
        tokenizer=tokenizer,
        idf=idf,
        median_idf=ordered[len(ordered) // 2],
        stopwords=frozenset(_data_lines("stopwords.txt")),
    )


def extract_keywords(text: str, *, protect: Iterable[str] = (), top: int = 5) -> list[str]:
    """Up to ``top`` key terms of ``text``, best first; ``protect``: names kept whole."""
    if not text:
        return []
    res = _load()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for position, word in enumerate(_words(text, sorted(set(protect), key=len, reverse=True), res)):
        if word in res.stopwords or not _WORD.fullmatch(word):
            continue
        counts[word] += 1
        first_seen.setdefault(word, position)
    scored = sorted(
        counts,
        key=lambda w: (-counts[w] * res.idf.get(w, res.median_idf), first_seen[w]),
    )
    return scored[:top]


def _words(text: str, protected: list[str], res: _Resources) -> Iterable[str]:
    if protected:
        pattern = re.compile("|".join(re.escape(p) for p in protected if p))
        cursor = 0
        for m in pattern.finditer(text):
            yield from _cut(text[cursor : m.start()], res)
            yield m.group(0)
            cursor = m.end()
        yield from _cut(text[cursor:], res)
    else:
        yield from _cut(text, res)


def _cut(text: str, res: _Resources) -> Iterable[str]:
    for run in _CJK_RUN.findall(text):
        yield from res.tokenizer.cut(run)
