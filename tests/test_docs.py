"""The repository explains itself: every column, warning code and error kind is in docs/,
and nothing points at a file outside the repository."""

from __future__ import annotations

import re

import pytest

from policyparse import errors
from policyparse.writers.tables import TABLES

from .conftest import ROOT

DOCS = ROOT / "docs"
OUTPUTS = (DOCS / "outputs.md").read_text(encoding="utf-8")
SOURCE = ROOT / "src" / "policyparse"
# Note("code", …), Note(\n "code", …) and Drop("code", …): how warnings are made.
WARNING = re.compile(r'\b(?:Note|Drop)\(\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"')


def warning_codes() -> set[str]:
    codes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        codes.update(WARNING.findall(path.read_text(encoding="utf-8")))
    return codes


def test_the_warning_pattern_finds_the_known_codes() -> None:
    assert {"numbering-gap", "page-furniture", "no-provisions", "web-chrome"} <= warning_codes()


@pytest.mark.parametrize("code", sorted(warning_codes()))
def test_every_warning_code_is_documented(code: str) -> None:
    assert f"| `{code}` |" in OUTPUTS


@pytest.mark.parametrize("table", list(TABLES))
def test_every_column_is_documented(table: str) -> None:
    section = OUTPUTS.split(f"### {table} ", 1)[1].split("\n### ", 1)[0]
    for column in TABLES[table][0]:
        assert f"`{column}`" in section, f"{table}.{column}"


def test_every_batch_error_kind_is_documented() -> None:
    kinds = {
        cls.kind
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.PolicyParseError)
    }
    kinds = (kinds - {"error"}) | {"usage", "resource"}
    for kind in kinds:
        assert f"| `{kind}` |" in OUTPUTS


def test_no_reference_outside_the_repository() -> None:
    for path in [ROOT / "README.md", *DOCS.glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        assert "SPEC.md" not in text, path
        assert "../shared" not in text.replace("../shared/corpus", ""), path
