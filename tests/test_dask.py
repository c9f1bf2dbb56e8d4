"""Batch on a Dask cluster writes what the local pool writes, failures included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES

pytest.importorskip("distributed")


def batch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_local_cluster_writes_the_same_bytes_as_the_pool(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    tree.mkdir()
    for source in [*(FIXTURES / "docs").glob("*.txt"), *(FIXTURES / "docx").glob("*.docx")]:
        (tree / source.name).write_bytes(source.read_bytes())
    (tree / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF")
    pool, cluster = tmp_path / "pool", tmp_path / "cluster"
    local = batch(str(tree), "-o", str(pool), "-j", "2", "-q")
    dask = batch(str(tree), "-o", str(cluster), "-j", "2", "-q", "--executor", "dask")
    assert local.returncode == dask.returncode == 1, dask.stderr
    files = sorted(p.relative_to(pool) for p in pool.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(cluster) for p in cluster.rglob("*") if p.is_file())
    # every output, errors.jsonl, the stamps of batch/stamps.py and the failures of
    # batch/failures.py
    assert len(files) == len(list(tree.iterdir())) + 2
    for rel in files:
        assert (pool / rel).read_bytes() == (cluster / rel).read_bytes(), rel
    errors = [json.loads(line) for line in (cluster / "errors.jsonl").read_text().splitlines()]
    assert [(Path(e["file"]).name, e["error"]) for e in errors] == [("broken.pdf", "load")]


def test_combined_output_is_in_input_order_on_a_cluster(tmp_path: Path) -> None:
    combined = tmp_path / "all.jsonl"
    pooled = tmp_path / "pool.jsonl"
    args = ["-f", "jsonl", "-q", "-j", "2"]
    batch(str(FIXTURES / "docs"), "-o", str(tmp_path / "o1"), *args, "--combine", str(pooled))
    result = batch(
        str(FIXTURES / "docs"), "-o", str(tmp_path / "o2"), *args,
        "--combine", str(combined), "--executor", "dask",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert combined.read_bytes() == pooled.read_bytes()


def test_scheduler_needs_the_dask_executor(tmp_path: Path) -> None:
    result = batch(str(FIXTURES / "docs"), "-o", str(tmp_path), "--scheduler", "tcp://x:8786")
    assert result.returncode == 2
    assert "--scheduler needs --executor dask" in result.stderr


def test_an_existing_scheduler_is_used_by_its_address(tmp_path: Path) -> None:
    import distributed

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        out = tmp_path / "out"
        result = batch(
            str(FIXTURES / "tables"), "-o", str(out), "-q",
            "--executor", "dask", "--scheduler", cluster.scheduler_address,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        ".policyparse-stamps",
        "notice_with_table.txt.json",
        "numbered_rows.txt.json",
    ]
