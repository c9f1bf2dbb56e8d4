"""A batch rerun redoes exactly the files whose input or options changed.

Each output is marked after a run by giving it a modification time far in the future
(newer than any input, so the old mtime rule would skip it); a rerun that rewrites it
replaces the mark, a skip keeps it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyparse.batch.stamps import MANIFEST
from policyparse.cli import main

MARK = 4_000_000_000 * 10**9  # the year 2096, in ns
NOTICE = "一、总体要求\n（一）加强领导。（责任单位：市政府办公室）\n二、保障措施\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(NOTICE, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(NOTICE.replace("领导", "协调"), encoding="utf-8")
    return root


def batch(tree: Path, out: Path, *options: str) -> int:
    result = CliRunner().invoke(
        main, ["batch", str(tree), "-o", str(out), "-q", "-j", "1", *options]
    )
    return result.exit_code


def mark(out: Path) -> None:
    for path in out.rglob("*.json"):
        os.utime(path, ns=(MARK, MARK))


def redone(out: Path) -> list[str]:
    return sorted(
        p.relative_to(out).as_posix() for p in out.rglob("*.json") if p.stat().st_mtime_ns != MARK
    )


def test_same_options_skip_everything(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(tree, out) == 0
    mark(out)
    assert batch(tree, out) == 0
    assert redone(out) == []


def test_other_options_redo_everything(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(tree, out) == 0
    mark(out)
    assert batch(tree, out, "--keywords") == 0
    assert redone(out) == ["a.txt.json", "sub/b.txt.json"]
    record = json.loads((out / "a.txt.json").read_text(encoding="utf-8"))
    assert record["provisions"][1]["keywords"], "the new option took effect"
    mark(out)
    assert batch(tree, out, "--keywords") == 0
    assert redone(out) == [], "and the new stamps hold"


def test_a_changed_input_is_redone_even_when_older(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(tree, out) == 0
    mark(out)
    # replaced by a file with an older date (cp -p, an unpacked archive): mtime alone
    # would call the output newer than its input
    (tree / "sub" / "b.txt").write_text(NOTICE + "三、其他\n", encoding="utf-8")
    os.utime(tree / "sub" / "b.txt", ns=(10**18, 10**18))
    assert batch(tree, out) == 0
    assert redone(out) == ["sub/b.txt.json"]
    assert (
        json.loads((out / "sub" / "b.txt.json").read_text(encoding="utf-8"))["provisions"][-1][
            "label"
        ]
        == "三、"
    )


def test_outputs_made_without_stamps_are_redone_once(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(tree, out) == 0
    (out / MANIFEST).unlink()
    mark(out)
    assert batch(tree, out) == 0
    assert redone(out) == ["a.txt.json", "sub/b.txt.json"]
    stamps = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(stamps["outputs"]) == ["a.txt", "sub/b.txt"]


def test_a_deleted_output_is_made_again(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(tree, out) == 0
    (out / "a.txt.json").unlink()
    mark(out)
    assert batch(tree, out) == 0
    assert redone(out) == ["a.txt.json"]
