"""Hostile and broken input: one clear line and exit 1, never a traceback; batch goes on;
big input in bounded time; a mutated corpus keeps every invariant; no write escapes."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from policyparse.errors import InputError
from policyparse.loaders.ocr import available as ocr_available
from policyparse.loaders.ocr.engine import IMAGE_MISSING
from policyparse.pipeline import parse_record

from .conftest import CORPUS, FIXTURES
from .growth import linear_by_calls
from .lossless import _chars, text_body
from .test_properties import _accounted, _check_tree


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("paper.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
         "corrupt .doc: not a readable OLE2 compound file"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
         "corrupt image: cannot be decoded" if ocr_available() else IMAGE_MISSING),
        ("fake.pdf", b"not a pdf at all", "not a valid PDF file (wrong signature)"),
        ("fake.docx", b"not a zip at all", "not a valid DOCX file (wrong signature)"),
        ("e-doc.ofd", b"PK\x03\x04" + b"\0" * 26 + b"OFD.xml" + b"\0" * 64,
         "corrupt OFD: not a readable ZIP archive (File is not a zip file)"),
    ],
)  # fmt: skip
def test_unsupported_files_say_what_to_do(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("extract", str(path))
    assert (result.returncode, result.stderr) == (1, f"policyparse: error: {path}: {reason}\n")
    assert "Traceback" not in result.stderr


def test_permission_denied_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("一、总体要求\n", encoding="utf-8")

    real_open = os.open

    def refuse(name: str | os.PathLike[str], *args: Any, **kwargs: Any) -> int:
        if os.fspath(name) == str(path):  # root reads whatever the mode bits say
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError) as caught:
        parse_record(path)
    assert str(caught.value) == f"{path}: permission denied"


def test_real_download_folder_fails_file_by_file(tmp_path: Path) -> None:
    """Every format of the real folder is read (.doc saved by WPS and by Word, OFD, a text
    PDF); a broken file among them fails alone. The scan is left out: OCR takes minutes
    here, and tests/test_ocr.py reads it."""
    real = CORPUS / "real"
    if not real.exists():
        pytest.skip("corpus not present")
    folder = tmp_path / "in"
    folder.mkdir()
    for path in real.iterdir():
        if "_scan" not in path.name:
            (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    out = tmp_path / "out"
    result = cli("batch", str(folder), "-o", str(out), "--glob", "*.*", "-j", "2", "-q")
    assert result.returncode == 1
    errors = {Path(e["file"]).name: e for e in map(json.loads, (out / "errors.jsonl").open())}
    assert {name: e["message"] for name, e in errors.items()} == {
        "broken.pdf": "not a valid PDF file (wrong signature)"
    }
    for path in folder.iterdir():
        if path.name != "broken.pdf":
            assert (out / f"{path.name}.json").exists(), path.name
    assert "Traceback" not in result.stderr


def _provisions(parts: int) -> bytes:
    lines = []
    for i in range(1, parts + 1):
        lines.append(f"{i}、第{i}部分：")
        lines += [f"（{j}）开展第{j}项工作；" for j in range(1, 100)]
        lines.append("（100）完成全部工作。")
        lines.append("以上工作由各部门分工负责。")  # after an enumeration: the parent's
    return "\n".join(lines).encode("utf-8")


def test_ten_thousand_provisions_parse_in_linear_work() -> None:
    def make(parts: int) -> Callable[[], object]:
        data = _provisions(parts)
        return lambda: parse_record(data, format="txt", name="big.txt")

    # Function calls made, counted: ×4 provisions must cost about ×4, far from ×16.
    assert linear_by_calls(make, 5, 4) < 6
    record = parse_record(_provisions(100), format="txt", name="big.txt")
    assert len(record["provisions"]) == 10_100
    _check_tree(record)


# ---------------------------------------------------------------- the mutation corpus

SOURCES = sorted((FIXTURES / "docs").glob("*.txt"))


def _mutations(text: str, rng: random.Random) -> dict[str, str]:
    lines = text.split("\n")
    labelled = [
        i for i, line in enumerate(lines) if line[:1] in "一二三四五六七八九十（(0123456789"
    ]
    shuffled = lines[:]
    picks = rng.sample(labelled, min(len(labelled), 6))
    for a, b in zip(picks, reversed(picks), strict=True):
        shuffled[a], shuffled[b] = shuffled[b], shuffled[a]
    header = "某某市人民政府办公室文件"
    paged = []
    for i, line in enumerate(lines):
        paged.append(line)
        if i % 7 == 6:
            paged += ["", f"— {i // 7 + 1} —", header, ""]
    return {
        "deleted": "\n".join(line for line in lines if rng.random() > 0.15),
        "shuffled": "\n".join(shuffled),
        "duplicated": "\n".join(x for line in lines for x in [line] * rng.choice((1, 1, 2))),
        "widths": text.translate(str.maketrans("（）()：:，,１２", "()（）:：,，12")),
        "paged": "\n".join(paged),
        "truncated": text[: len(text) // 2],
    }


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_mutated_fixtures_keep_the_invariants(path: Path) -> None:
    rng = random.Random(path.name)  # the same mutations on every run
    for kind, text in _mutations(path.read_text(encoding="utf-8"), rng).items():
        if not text.strip():
            continue
        record = parse_record(text.encode("utf-8"), format="txt", name=f"{path.stem}-{kind}")
        _check_tree(record)
        lost = _chars(text_body(text)) - _chars(_accounted(record))
        assert not lost, f"{kind}: characters lost: {lost}"


# ---------------------------------------------------------------- batch stays in its tree


def test_batch_never_leaves_the_tree(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("一、外面的文件\n", encoding="utf-8")
    (root / "a.txt").write_text("一、总体要求\n", encoding="utf-8")
    (root / "sub" / "..b.txt").write_text("一、点开头\n", encoding="utf-8")
    (root / "sub" / "link_out.txt").symlink_to(outside)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    out = tmp_path / "out"
    result = cli("batch", str(root), "-o", str(out), "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == [".policyparse-stamps", "a.txt.json"], "no symlink followed out, no loop"
    assert all(out in p.resolve().parents for p in out.rglob("*"))


def test_zip_bomb_limit_is_a_command_line_option(tmp_path: Path) -> None:
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    run = f"<w:p><w:r><w:t>{'正文' * 600_000}</w:t></w:r></w:p>"
    body = f'<w:document xmlns:w="{w}"><w:body>{run}</w:body></w:document>'
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", body)
    assert path.stat().st_size < 100_000, "a few KB that expand to about 3.6 MB"
    refused = cli("extract", str(path), "--zip-limit", "1")
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"policyparse: error: {path}: DOCX expands beyond 1 MB")
    assert cli("extract", str(path), "-f", "jsonl").returncode == 0, "the default limit is 200 MB"


def test_amounts_per_provision_are_capped_with_a_warning() -> None:
    text = "一、" + "补助10万元，" * 1500
    record = parse_record(text.encode("utf-8"), format="txt", name="figures.txt")
    assert len(record["provisions"][0]["amounts"]) == 1000
    assert record["provisions"][0]["text"].count("10万元") == 1500, "the text keeps them all"
    assert [w["code"] for w in record["warnings"]] == ["amounts-truncated"]
