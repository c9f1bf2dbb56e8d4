"""One pytest case per entry of fixtures/cases/*.md (see fixtures/README.md)."""

from __future__ import annotations

import pytest

from policyparse import parse
from policyparse.clauses.responsibility import ClauseContext, parse_in
from policyparse.fold import fold
from policyparse.lexicon.labels import match_label

from .casefile import Case, read_cases
from .conftest import FIXTURES

CASES = FIXTURES / "cases"


def _cases(name: str) -> list[Case]:
    path = CASES / name
    return read_cases(path) if path.exists() else []


@pytest.mark.parametrize("case", _cases("numbering.md"), ids=lambda c: c.name)
def test_numbering_label(case: Case) -> None:
    paragraph = case.input
    m = match_label(fold(paragraph))
    if case.expected is None:
        assert m is None, f"{paragraph!r} must not start with a label, got {m}"
        return
    assert m is not None, f"{paragraph!r} starts with a label"
    assert m.style.value == case.expected["style"]
    assert m.ordinal == case.expected["ordinal"]
    assert paragraph[m.start : m.end] == case.expected["label"]


@pytest.mark.parametrize("case", _cases("responsibility.md"), ids=lambda c: c.name)
def test_responsibility_clause(case: Case) -> None:
    context = ClauseContext()
    paragraphs = case.input.split("\n")
    expected = case.expected if isinstance(case.expected, list) else [case.expected]
    assert len(expected) == len(paragraphs), "one expectation per input line"
    for paragraph, want in zip(paragraphs, expected, strict=True):
        text, clauses = parse_in(paragraph, context)
        if want is None:
            assert clauses == [], f"no clause in {paragraph!r}, got {clauses}"
            continue
        assert len(clauses) == 1, f"one clause in {paragraph!r}, got {clauses}"
        assert list(clauses[0].lead) == want["lead"], "lead"
        assert list(clauses[0].support) == want.get("support", []), "support"
        if "text" in want:
            assert text == want["text"]
        if "raw" in want:
            assert clauses[0].raw == want["raw"]
        if "rule" in want:
            assert clauses[0].rule == want["rule"], "the finding rule"


@pytest.mark.parametrize("case", _cases("segment.md"), ids=lambda c: c.name)
def test_segment_sequence(case: Case) -> None:
    doc = parse(case.input.encode("utf-8"), format="txt", name=case.name)
    got = [[p.id, p.label] for p in doc.provisions]
    assert got == case.expected["provisions"]
    codes = {w.code for w in doc.warnings}
    for code in case.expected.get("warnings", []):
        assert code in codes, f"warning {code} missing: {sorted(codes)}"
    for code in case.expected.get("no_warnings", []):
        assert code not in codes, f"unexpected warning {code}"


DOC_DATE = __import__("datetime").date(2021, 4, 15)


@pytest.mark.parametrize("case", _cases("deadline.md"), ids=lambda c: c.name)
def test_deadline_phrase(case: Case) -> None:
    from policyparse.clauses.deadlines import find_deadline

    found = find_deadline(case.input, doc_date=DOC_DATE, whole_cell=case.name.startswith("cell"))
    if case.expected is None:
        assert found is None, found
        return
    assert found is not None
    assert {"raw": found.raw, "date": found.date, "kind": found.kind} == case.expected


@pytest.mark.parametrize("case", _cases("amounts.md"), ids=lambda c: c.name)
def test_amounts(case: Case) -> None:
    from policyparse.clauses.amounts import find_amounts

    got = [[a.raw, a.value, a.unit, a.kind, a.bound] for a in find_amounts(case.input)]
    assert got == case.expected
