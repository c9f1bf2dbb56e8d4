"""The command line as a contract: outputs, exit codes and the exact error lines."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyparse.cli import main

NOTICE = (
    "关于加快发展银发经济的实施方案\n"
    "一、发展目标\n"
    "到2027年，培育养老服务企业50家。\n"
    "二、重点任务\n"
    "（一）扩大助餐服务。新建社区食堂20个。（责任单位：市民政局、市商务局）\n"
    "（二）发展智慧养老。推广智能设备。（责任单位：市工信局）\n"
)


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return path


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_extract_prints_one_json_document(notice: Path) -> None:
    result = run("extract", str(notice))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout.decode("utf-8"))
    assert doc["schema_version"] == "1"
    assert [p["id"] for p in doc["provisions"]] == ["1", "2", "2.1", "2.2"]
    assert doc["provisions"][2]["responsibility"]["lead"] == ["市民政局", "市商务局"]
    assert "市民政局" in result.stdout.decode("utf-8"), "Chinese is written as is, not escaped"
    assert result.stderr == b""


def test_extract_many_prints_a_json_array(notice: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(NOTICE.replace("银发", "冰雪"), encoding="utf-8")
    docs = json.loads(run("extract", str(notice), str(other)).stdout)
    assert [d["meta"]["title"] for d in docs] == [
        "关于加快发展银发经济的实施方案",
        "关于加快发展冰雪经济的实施方案",
    ]


def test_jsonl_has_one_self_contained_provision_per_line(notice: Path) -> None:
    lines = run("extract", str(notice), "-f", "jsonl").stdout.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["1", "2", "2.1", "2.2"]
    assert {r["doc_title"] for r in records} == {"关于加快发展银发经济的实施方案"}
    assert {r["doc_path"] for r in records} == {str(notice)}


def test_csv_opens_in_excel_with_chinese_intact(notice: Path) -> None:
    raw = run("extract", str(notice), "-f", "csv").stdout
    assert raw.startswith("\ufeff".encode()), "a UTF-8 BOM tells Excel the encoding"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == ['="1"', '="2"', '="2.1"', '="2.2"'], "ids stay text"
    assert rows[2]["parent_id"] == '="2"'
    assert json.loads(rows[2]["lead"]) == ["市民政局", "市商务局"]
    assert json.loads(rows[2]["labels"]) == ["二、", "（一）"]
    assert rows[2]["text"] == "扩大助餐服务。新建社区食堂20个。"


def test_stdin_is_read_with_a_dash(notice: Path) -> None:
    result = run("extract", "-", "-f", "jsonl", stdin=notice.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout.splitlines()[0])["doc_path"] == "-"


def test_output_file_is_written_and_not_overwritten_without_force(
    notice: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    assert run("extract", str(notice), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["kind"] == "方案"
    again = run("extract", str(notice), "-o", str(out))
    assert again.returncode == 2, "a usage error"
    assert again.stderr.decode().endswith(
        f"Error: Invalid value for '-o' / '--output': {out}: already exists "
        "(use --force to overwrite)\n"
    )
    assert run("extract", str(notice), "-o", str(out), "--force").returncode == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_never_overwrites_an_input(notice: Path) -> None:
    result = run("extract", str(notice), "-o", str(notice), "--force")
    assert result.returncode == 2
    assert result.stderr.decode().endswith(
        f"Error: Invalid value for '-o' / '--output': {notice}: is one of the inputs; "
        "refusing to overwrite it\n"
    )
    assert notice.read_text(encoding="utf-8") == NOTICE


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory (use 'policyparse batch' for folders)"),
        (lambda d: _write(d / "empty.txt", b""), "empty file"),
        (lambda d: _write(d / "blank.txt", b" \n\n"), "empty file"),
        (
            lambda d: _write(d / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
            "corrupt .doc: not a readable OLE2 compound file",
        ),
        (
            lambda d: _write(d / "bin.txt", bytes(range(256)) * 8),
            "binary data, not text (is the file extension right?)",
        ),
    ],
    ids=["missing", "directory", "empty", "blank", "doc", "binary"],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = run("extract", str(path))
    assert result.returncode == 1
    assert result.stderr.decode() == f"policyparse: error: {path}: {reason}\n"
    assert result.stdout == b""


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(notice: Path) -> None:
    notice.chmod(0)
    result = run("extract", str(notice))
    assert result.stderr.decode() == f"policyparse: error: {notice}: permission denied\n"


def test_one_bad_file_does_not_stop_the_others(notice: Path, tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "gone.txt"), str(notice), "-f", "jsonl")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 4
    assert result.stderr.decode() == f"policyparse: error: {tmp_path / 'gone.txt'}: no such file\n"


def test_usage_errors_exit_2(notice: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["extract", str(notice), "-f", "xml"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2


def test_schema_is_the_document_json_schema() -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Document"
    provision = schema["$defs"]["Provision"]["properties"]
    for field in (
        "id",
        "parent_id",
        "path",
        "labels",
        "label",
        "level",
        "style",
        "heading",
        "text",
        "responsibility",
        "deadline",
        "amounts",
        "keywords",
        "cells",
        "source_span",
    ):
        assert field in provision


def test_inspect_shows_the_tree_on_stdout(notice: Path) -> None:
    result = run("inspect", str(notice))
    assert result.returncode == 0
    assert result.stderr == b"", "inspect f | less shows the tree"
    shown = result.stdout.decode()
    assert "2.1 （一）扩大助餐服务" in shown
    assert "市民政局、市商务局" in shown
    assert "\x1b[" not in shown, "no colour when stdout is not a terminal"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_units_matrix_counts_lead_and_support_across_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "一、任务\n"
        "（一）扩大助餐。（责任单位：市民政局、市商务局）\n"
        "（二）智慧养老。（责任单位：市工信局牵头，市民政局配合）\n",
        encoding="utf-8",
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text(
        "一、任务\n（一）适老改造。（责任单位：市 民政局、各县（市、区）政府）\n"
        "（二）上门服务。（责任单位：各县(市、区)政府）\n",
        encoding="utf-8",
    )
    result = run("units", str(tmp_path), "-f", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    rows = [(r["unit"], r["role"], r["document"], r["provision"]) for r in found]
    a, b = str(tmp_path / "a.txt"), str(sub / "b.txt")
    county = "各县（市、区）政府"  # both spellings occur once; the first seen is shown
    assert rows == [
        ("市民政局", "lead", a, "1.1"),
        ("市商务局", "lead", a, "1.1"),
        ("市工信局", "lead", a, "1.2"),
        ("市民政局", "support", a, "1.2"),
        ("市民政局", "lead", b, "1.1"),
        (county, "lead", b, "1.1"),
        (county, "lead", b, "1.2"),
    ]
    written = [r["written"] for r in found]
    # the space between CJK characters is normalised away by the parser itself
    assert written[4:] == ["市民政局", "各县（市、区）政府", "各县(市、区)政府"]
    tsv = run("units", str(tmp_path)).stdout.decode("utf-8").splitlines()
    assert tsv[0] == "unit\trole\tdocument\tprovision\twritten"
    assert tsv[1] == f"市民政局\tlead\t{a}\t1.1\t市民政局"


def test_a_crash_in_a_multi_file_extract_leaves_a_complete_array(
    notice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import policyparse.pipeline

    real = policyparse.pipeline.parse_record
    crash, lone = tmp_path / "crash.txt", tmp_path / "lone.txt"
    for path in (crash, lone):
        path.write_text(NOTICE, encoding="utf-8")

    def parse(data: bytes, **kwargs: object) -> dict[str, object]:
        name = str(kwargs["name"])
        if name == str(crash):
            raise ValueError("negative seek value\nin the zip reader")
        record = real(data, **kwargs)  # type: ignore[arg-type]
        if name == str(lone):
            record["meta"]["title"] = "\ud800"  # no UTF-8 writer can write it
        return record

    monkeypatch.setattr(policyparse.pipeline, "parse_record", parse)
    for fmt in ("json", "jsonl"):
        result = CliRunner().invoke(
            main, ["extract", "-f", fmt, str(notice), str(crash), str(lone), str(notice)]
        )
        assert result.exit_code == 1
        if fmt == "json":
            assert len(json.loads(result.stdout)) == 2, "the array is closed and valid"
        else:
            lines = result.stdout.splitlines()
            assert len(lines) == 2 * 4 and all(json.loads(line) for line in lines)
        assert result.stderr.splitlines() == [
            f"policyparse: error: {crash}: internal error: ValueError: negative seek value "
            "in the zip reader",
            f"policyparse: error: {lone}: the record holds a lone surrogate (\\ud800), which "
            "UTF-8 cannot write",
        ]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_on_a_full_device_is_one_line(notice: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "policyparse", "extract", str(notice)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == b"policyparse: error: stdout: cannot write: No space left on device\n"


def test_an_output_name_too_long_is_one_line(notice: Path, tmp_path: Path) -> None:
    long = tmp_path / ("长" * 90 + ".json")  # 274 bytes: no file system takes it
    result = run("extract", str(notice), "-o", str(long))
    assert result.returncode == 1
    assert (
        result.stderr.decode() == f"policyparse: error: {long}: cannot write: File name too long\n"
    )


def test_a_fifo_and_stdin_past_max_size_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("extract", str(fifo))  # would block forever if it were opened to read
    assert result.returncode == 1
    assert result.stderr.decode() == f"policyparse: error: {fifo}: not a regular file\n"
    result = run("extract", "-", "--max-size", "1", stdin=b"x" * (1024 * 1024 + 1))
    assert result.returncode == 1
    assert result.stderr.decode() == "policyparse: error: -: larger than 1 MB (--max-size)\n"
