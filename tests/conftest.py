from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# POLICYPARSE_CORPUS points a worktree that has no ../shared beside it at the corpus.
CORPUS = Path(os.environ.get("POLICYPARSE_CORPUS") or ROOT.parent / "shared" / "corpus")


def corpus_path(*parts: str) -> Path:
    """A path into ../shared/corpus; skips the test when the corpus is not beside the repo."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus not present: {path}")
    return path


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
