"""The record the command line writes is the validated Document, byte for byte, and
writing it never imports pydantic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policyparse import parse
from policyparse.pipeline import parse_record

from .conftest import FIXTURES

DOCUMENTS = (
    sorted(p for p in (FIXTURES / "docs").iterdir() if p.suffix in (".txt", ".md"))
    + sorted((FIXTURES / "tables").glob("*.txt"))
    + [FIXTURES / "examples" / "notice.txt"]
)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_record_is_the_validated_document(path: Path) -> None:
    record = parse_record(path)
    doc = parse(path)
    assert json.loads(doc.model_dump_json()) == record
    assert json.dumps(record, ensure_ascii=False, indent=2) == doc.model_dump_json(indent=2)


def test_extract_does_not_import_pydantic() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['policyparse', 'extract', sys.argv[1], '-f', 'jsonl']\n"
        "try:\n"
        "    runpy.run_module('policyparse', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pydantic' in sys.modules, 'jieba' in sys.modules, 'lxml' in sys.modules,"
        " file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "examples" / "notice.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr.strip().splitlines()[-1] == "False False False"
