"""Whole fixture documents against expectations worked out by hand (fixtures/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policyparse import parse
from policyparse.models import Document, Provision

from .conftest import FIXTURES

EXPECTATIONS = sorted((FIXTURES / "docs").glob("*.expect.json"))


def _source_of(expect: Path) -> Path:
    stem = expect.name[: -len(".expect.json")]
    found = [p for p in expect.parent.glob(stem + ".*") if not p.name.endswith(".expect.json")]
    assert len(found) == 1, f"one source document expected for {expect.name}, found {found}"
    return found[0]


@pytest.mark.parametrize("expect_path", EXPECTATIONS, ids=lambda p: p.name.split(".")[0])
def test_fixture_document(expect_path: Path) -> None:
    expected = json.loads(expect_path.read_text(encoding="utf-8"))
    doc = parse(_source_of(expect_path))
    _check_meta(doc, expected.get("meta", {}))
    if "preamble_count" in expected:
        assert len(doc.preamble) == expected["preamble_count"], doc.preamble
    _check_provisions(doc, expected["provisions"])
    codes = {w.code for w in doc.warnings}
    for code in expected.get("warnings", []):
        assert code in codes, f"warning {code!r} missing; got {sorted(codes)}"
    for code in expected.get("no_warnings", []):
        assert code not in codes, [w for w in doc.warnings if w.code == code]


def _check_meta(doc: Document, meta: dict[str, Any]) -> None:
    actual = doc.meta.model_dump(mode="json")
    for key, value in meta.items():
        assert actual[key] == value, f"meta.{key}"


def _check_provisions(doc: Document, expected: list[dict[str, Any]]) -> None:
    got = [(p.id, p.label) for p in doc.provisions]
    want = [(e["id"], e["label"]) for e in expected]
    assert got == want, "provision ids and labels differ"
    for provision, spec in zip(doc.provisions, expected, strict=True):
        _check_provision(provision, spec)


def _check_provision(p: Provision, spec: dict[str, Any]) -> None:
    where = f"provision {p.id}"
    for key in ("style", "heading", "parent_id", "level", "path", "labels", "text"):
        if key in spec:
            actual = p.style.value if key == "style" else getattr(p, key)
            assert actual == spec[key], f"{where}: {key}"
    if "text_starts" in spec:
        assert p.text.startswith(spec["text_starts"]), f"{where}: text starts {p.text[:40]!r}"
    if "text_ends" in spec:
        assert p.text.endswith(spec["text_ends"]), f"{where}: text ends {p.text[-40:]!r}"
    if "lead" in spec or "support" in spec:
        if spec.get("lead") is None and "support" not in spec:
            assert p.responsibility is None, f"{where}: unexpected clause {p.responsibility}"
        else:
            assert p.responsibility is not None, f"{where}: no responsibility clause"
            assert p.responsibility.lead == spec.get("lead", []), f"{where}: lead"
            assert p.responsibility.support == spec.get("support", []), f"{where}: support"
    if "raw" in spec:
        assert p.responsibility is not None and p.responsibility.raw == spec["raw"], where
