"""One document, every format it arrives in, the same provisions: ids, labels, clauses and
(for tables) deadlines. Runs on ../shared/corpus when it is present."""

from __future__ import annotations

from typing import Any

import pytest

from policyparse import parse

from .conftest import CORPUS, corpus_path

FORMS: dict[str, list[tuple[str, str]]] = {
    "002": [("docx", "002.docx"), ("html", "002.html"), ("pdf", "002.pdf"),
            ("encodings", "002_gb18030.txt")],
    "003": [("docx", "003.docx"), ("html", "003_gb18030.html"), ("pdf", "003.pdf"),
            ("encodings", "003_utf8bom_crlf.txt")],
    "004": [("docx", "004.docx"), ("docx", "004_autonumber.docx"), ("html", "004.html"),
            ("pdf", "004.pdf"), ("pdf", "004_autonumber.pdf"), ("encodings", "004_utf16bom.txt")],
    "000": [("docx", "000.docx"), ("pdf", "000.pdf")],
}  # fmt: skip
CASES = [(seed, form) for seed, forms in FORMS.items() for form in forms]


def _shape(path: Any) -> list[tuple[Any, ...]]:
    doc = parse(path)
    rows = []
    for p in doc.provisions:
        r = p.responsibility
        deadline = p.deadline.date if p.deadline and p.style.value == "row" else None
        rows.append((p.id, p.label, r.lead if r else None, r.support if r else None, deadline))
    return rows


@pytest.mark.parametrize(("seed", "form"), CASES, ids=[f"{s}-{f[1]}" for s, f in CASES])
def test_same_provisions_in_every_format(seed: str, form: tuple[str, str]) -> None:
    if not (CORPUS / form[0] / form[1]).exists():
        pytest.skip(f"no {form[1]} in the corpus")
    expected = _shape(corpus_path("seeds", f"{seed}.txt"))
    assert _shape(corpus_path(*form)) == expected
