"""policyparse batch: a mirrored tree, atomic outputs, skips, errors.jsonl, --combine."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from policyparse.batch.progress import PlainLines
from policyparse.formats import SUPPORTED_EXTENSIONS

from .conftest import FIXTURES

NOTICE = "一、总体要求\n（一）加强领导。（责任单位：市政府办公室）\n二、保障措施\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "county" / "town").mkdir(parents=True)
    (root / "a.txt").write_text(NOTICE, encoding="utf-8")
    (root / "county" / "b.md").write_text("# 某条例\n\n第一条 为了测试。\n", encoding="utf-8")
    (root / "county" / "town" / "c.txt").write_text(NOTICE, encoding="gb18030")
    (root / "county" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "county" / "empty.txt").write_bytes(b"")
    (root / "notes.xlsx").write_bytes(b"not ours")  # not a supported extension: not walked
    return root


def test_batch_mirrors_the_tree_and_records_failures(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(str(tree), "-o", str(out), "-j", "2")
    assert result.returncode == 1, "two files failed"
    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert outputs == ["a.txt.json", "county/b.md.json", "county/town/c.txt.json"]
    doc = json.loads((out / "county" / "town" / "c.txt.json").read_text(encoding="utf-8"))
    assert doc["source"]["encoding"] == "gb18030"
    assert [p["id"] for p in doc["provisions"]] == ["1", "1.1", "2"]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(Path(e["file"]).name, e["error"]) for e in errors] == [
        ("broken.docx", "load"),
        ("empty.txt", "input"),
    ]
    assert errors[1]["message"] == "empty file"
    assert errors[0]["message"].startswith("corrupt DOCX")
    assert f"policyparse: error: {tree / 'county' / 'empty.txt'}: empty file" in result.stderr
    assert not list(out.rglob("*.tmp")), "no temporary file is left behind"


def test_rerun_skips_what_is_done_unless_forced(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(str(tree), "-o", str(out), "-j", "1", "--glob", "*.txt")
    target = out / "a.txt.json"
    first = target.stat().st_mtime_ns
    time.sleep(0.01)
    again = run(str(tree), "-o", str(out), "-j", "1", "--glob", "*.txt")
    assert target.stat().st_mtime_ns == first, "an output newer than its input is skipped"
    assert again.returncode == 1  # empty.txt still fails
    os.utime(tree / "a.txt")  # the input changes
    run(str(tree), "-o", str(out), "-j", "1", "--glob", "*.txt")
    assert target.stat().st_mtime_ns > first
    forced_before = (out / "county" / "town" / "c.txt.json").stat().st_mtime_ns
    run(str(tree), "-o", str(out), "-j", "1", "--glob", "*.txt", "--force")
    assert (out / "county" / "town" / "c.txt.json").stat().st_mtime_ns > forced_before


def test_one_and_two_workers_write_the_same_bytes(tmp_path: Path) -> None:
    docs = FIXTURES / "docs"
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(str(docs), "-o", str(one), "-j", "1", "-q").returncode == 0
    assert run(str(docs), "-o", str(two), "-j", "2", "-q").returncode == 0
    files = sorted(p.relative_to(one) for p in one.rglob("*.json"))
    sources = [p for p in docs.iterdir() if p.suffix in SUPPORTED_EXTENSIONS]
    assert len(files) == len(sources)
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


def test_combine_streams_every_provision_into_one_file(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    combined = tmp_path / "all.jsonl"
    result = run(str(tree), "-o", str(out), "-f", "jsonl", "--combine", str(combined))
    assert result.returncode == 1
    records = [json.loads(line) for line in combined.read_text(encoding="utf-8").splitlines()]
    assert [(Path(r["doc_path"]).name, r["id"]) for r in records] == [
        ("a.txt", "1"), ("a.txt", "1.1"), ("a.txt", "2"),
        ("b.md", "1"),
        ("c.txt", "1"), ("c.txt", "1.1"), ("c.txt", "2"),
    ]  # fmt: skip
    assert not list(out.rglob("*.jsonl.jsonl")), "no per-file outputs with --combine"
    csv_file = tmp_path / "all.csv"
    run(str(tree), "-o", str(out), "-f", "csv", "--combine", str(csv_file))
    lines = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("doc_path,doc_title,doc_number,id,")
    assert len(lines) == 1 + 7, "one header, then one row per provision"


def test_combine_needs_a_line_format(tree: Path, tmp_path: Path) -> None:
    result = run(str(tree), "-o", str(tmp_path / "o"), "--combine", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert result.stderr.endswith("Error: --combine needs -f jsonl, csv, xlsx or sqlite\n")


def test_plain_progress_lines_when_not_on_a_terminal() -> None:
    buffer = io.StringIO()
    with redirect_stderr(buffer):
        reporter = PlainLines(every=0.0)
        reporter.start(2)
        reporter.advance("converted")
        reporter.advance("failed")
        reporter.stop()
    lines = buffer.getvalue().splitlines()
    assert lines[0].startswith("policyparse: 1/2 files, ")
    assert lines[1].startswith("policyparse: 2/2 files, ") and lines[1].endswith("ETA 0s")
