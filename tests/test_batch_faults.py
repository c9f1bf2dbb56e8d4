"""One bad file never stops a batch: crashes, timeouts, dead workers, odd inputs, writes
that fail, runs killed with kill -9, and workers whose parent is gone (issue 16).

The faults come from tests/batch_hooks.py (a job function that kills its worker, sleeps or
hogs memory, chosen by the file's name) or from a monkeypatched os function; no test
measures time: a timeout is proved by the line it leaves, a killed run by what is on disk.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyparse.batch import jobs as job_module
from policyparse.batch.jobs import Job, run_job
from policyparse.cli import main

from . import batch_hooks
from .conftest import ROOT

NOTICE = "一、总体要求\n（一）加强领导。（责任单位：市政府办公室）\n二、保障措施\n"
POLL = 0.02  # seconds between looks at the disk or /proc
PATIENCE = 3000  # looks before a poll gives up (a bound against hanging, not a timing)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals, /proc")


def tree(root: Path, names: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(NOTICE, encoding="utf-8")
    return root


def batch(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", *map(str, args), "-q"])
    return result.exit_code, result.stderr


def errors(out: Path) -> list[dict[str, object]]:
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def outputs(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))


@pytest.fixture
def hooked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(job_module, "run_job", batch_hooks.hooked_job)


# --- isolation: a dead worker, a timeout, a crash, memory ------------------------------


@pytest.mark.usefixtures("hooked")
def test_a_worker_killed_mid_batch_fails_its_file_alone(tmp_path: Path) -> None:
    names = [f"{i:02}.txt" for i in range(12)]
    names[5] = "05-die.txt"
    root = tree(tmp_path / "in", names)
    out = tmp_path / "out"
    code, stderr = batch(root, "-o", out, "-j", "2")
    assert code == 1
    assert errors(out) == [
        {
            "file": str(root / "05-die.txt"),
            "error": "worker",
            "message": "the worker process died (SIGKILL)",
        }
    ]
    assert outputs(out) == [f"{n}.json" for n in names if n != "05-die.txt"]
    assert stderr == (
        f"policyparse: error: {root / '05-die.txt'}: the worker process died (SIGKILL)\n"
    )
    # the rerun does not try it again (it would die again) but still accounts for it
    code, stderr = batch(root, "-o", out, "-j", "2")
    assert code == 1
    assert errors(out)[0]["earlier"] is True
    assert stderr.endswith("(failed before; --retry-failed tries again)\n")
    code, _ = batch(root, "-o", out, "-j", "2", "--retry-failed")
    assert code == 1
    assert "earlier" not in errors(out)[0]


@pytest.mark.usefixtures("hooked")
def test_a_file_past_the_timeout_fails_and_the_rest_are_converted(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt", "b-sleep.txt", "c.txt", "d.txt"])
    out = tmp_path / "out"
    code, _ = batch(root, "-o", out, "-j", "1", "--timeout", "1")
    assert code == 1
    assert errors(out) == [
        {
            "file": str(root / "b-sleep.txt"),
            "error": "timeout",
            "message": "took longer than 1 s (--timeout)",
        }
    ]
    assert outputs(out) == ["a.txt.json", "c.txt.json", "d.txt.json"]
    # a rerun with another limit tries the file again: "the same reason" includes it
    (out / "a.txt.json").unlink()
    code, _ = batch(root, "-o", out, "-j", "1", "--timeout", "1")
    assert errors(out)[0].get("earlier") is True
    assert outputs(out) == ["a.txt.json", "c.txt.json", "d.txt.json"]


@pytest.mark.usefixtures("hooked")
def test_max_memory_fails_the_file_that_exceeds_it(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt", "b-hog.txt"])
    out = tmp_path / "out"
    code, _ = batch(root, "-o", out, "-j", "1", "--max-memory", "2048")
    assert code == 1
    assert errors(out) == [
        {
            "file": str(root / "b-hog.txt"),
            "error": "resource",
            "message": "out of memory (over --max-memory 2048 MB?)",
        }
    ]
    assert outputs(out) == ["a.txt.json"]


def test_any_exception_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import policyparse.pipeline

    real = policyparse.pipeline.parse_record

    def parse(data: bytes, **kwargs: object) -> object:
        if str(kwargs["name"]).endswith("b.txt"):
            raise ValueError("negative seek value\nfrom the zip reader")
        return real(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(policyparse.pipeline, "parse_record", parse)
    root = tree(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    out = tmp_path / "out"
    code, stderr = batch(root, "-o", out, "-j", "1", "--timeout", "0")  # in this process
    assert code == 1
    message = "internal error: ValueError: negative seek value from the zip reader"
    assert errors(out) == [{"file": str(root / "b.txt"), "error": "crash", "message": message}]
    assert stderr == f"policyparse: error: {root / 'b.txt'}: {message}\n"
    assert outputs(out) == ["a.txt.json", "c.txt.json"]


def test_a_record_no_writer_could_write_fails_alone_in_a_combined_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import policyparse.pipeline

    real = policyparse.pipeline.parse_record

    def parse(data: bytes, **kwargs: object) -> dict[str, object]:
        record = real(data, **kwargs)  # type: ignore[arg-type]
        if str(kwargs["name"]).endswith("b.txt"):
            record["provisions"][0]["text"] = "\udcff"  # a lone surrogate the library let by
        return record

    monkeypatch.setattr(policyparse.pipeline, "parse_record", parse)
    root = tree(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    out, combined = tmp_path / "out", tmp_path / "all.jsonl"
    args = ["-j", "1", "--timeout", "0", "-f", "jsonl", "--combine", combined]
    assert batch(root, "-o", out, *args)[0] == 1
    message = "the record holds a lone surrogate (\\udcff), which UTF-8 cannot write"
    assert errors(out) == [{"file": str(root / "b.txt"), "error": "crash", "message": message}]
    lines = combined.read_text(encoding="utf-8").splitlines()
    assert [Path(json.loads(line)["doc_path"]).name for line in lines] == ["a.txt"] * 3 + [
        "c.txt"
    ] * 3


# --- inputs ------------------------------------------------------------------------


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt"])
    os.mkfifo(root / "b.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "c.txt"))
        code, _ = batch(root, "-o", tmp_path / "out", "-j", "1")
    assert code == 1
    assert [
        (Path(str(e["file"])).name, e["error"], e["message"]) for e in errors(tmp_path / "out")
    ] == [
        ("b.txt", "input", "not a regular file"),
        ("c.txt", "input", "not a regular file"),
    ]
    result = CliRunner().invoke(main, ["extract", str(root / "b.txt"), "/dev/zero"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"policyparse: error: {root / 'b.txt'}: not a regular file\n"
        "policyparse: error: /dev/zero: not a regular file\n"
    )


def test_an_input_over_max_size_is_refused(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt"])
    (root / "big.txt").write_text(NOTICE * 80_000, encoding="utf-8")  # 5.8 MB
    code, _ = batch(root, "-o", tmp_path / "out", "-j", "1", "--max-size", "1")
    assert code == 1
    assert errors(tmp_path / "out") == [
        {
            "file": str(root / "big.txt"),
            "error": "input",
            "message": "larger than 1 MB (--max-size)",
        }
    ]


def test_an_input_swapped_for_a_link_out_of_the_tree_is_refused_when_opened(
    tmp_path: Path,
) -> None:
    root = tree(tmp_path / "in", ["a.txt", "inside.txt"])
    (tmp_path / "secret.txt").write_text(NOTICE, encoding="utf-8")
    (root / "link.txt").symlink_to(root / "inside.txt")  # inside the tree: read
    job = Job(str(root / "a.txt"), str(tmp_path / "out" / "a.txt.json"), "json", {}, root=str(root))
    (root / "a.txt").unlink()
    (root / "a.txt").symlink_to(tmp_path / "secret.txt")  # after the walk: swapped
    outcome = run_job(job)
    assert (outcome.status, outcome.error_kind) == ("failed", "input")
    assert outcome.message == f"is outside {root} (a symbolic link?); not read"
    inside = Job(str(root / "link.txt"), None, "jsonl", {}, root=str(root))
    assert run_job(inside).status == "converted"


# --- writes ------------------------------------------------------------------------


def test_a_folder_link_inside_outdir_is_never_written_through(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt", "sub/b.txt"])
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere)
    code, _ = batch(root, "-o", out, "-j", "1")
    assert code == 1
    assert errors(out) == [
        {
            "file": str(root / "sub" / "b.txt"),
            "error": "write",
            "message": f"{out / 'sub'}: is a symbolic link inside OUTDIR; not writing through it",
        }
    ]
    assert list(elsewhere.iterdir()) == []


def test_a_long_name_is_shortened_with_a_stable_hash(tmp_path: Path) -> None:
    name = "长" * 83 + ".txt"  # 253 bytes: the longest a file system allows, nearly
    root = tree(tmp_path / "in", [name, "a.txt"])
    out = tmp_path / "out"
    assert batch(root, "-o", out, "-j", "1")[0] == 0
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    # 233 bytes at most, leaving 22 for the temporary's affixes: 26 for ~hash.txt.json,
    # so 207 bytes of the name: 69 characters of 3 bytes
    expected = "长" * 69 + f"~{digest}.txt.json"
    assert len(expected.encode()) == 233
    assert outputs(out) == ["a.txt.json", expected]
    again = (out / expected).stat().st_mtime_ns
    assert batch(root, "-o", out, "-j", "1")[0] == 0
    assert (out / expected).stat().st_mtime_ns == again, "found again, skipped"


def test_a_name_that_is_not_utf8_is_written_and_reported(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt"])
    raw = os.fsdecode(b"bad\xff\xfe.txt")
    (root / raw).write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "out"
    assert batch(root, "-o", out, "-j", "1")[0] == 0
    assert os.fsencode(out / (raw + ".json")) in [os.fsencode(p) for p in out.iterdir()]
    record = json.loads((out / (raw + ".json")).read_text(encoding="utf-8"))
    assert record["source"]["path"] == f"{root}/bad\\xff\\xfe.txt"
    stamps = json.loads((out / ".policyparse-stamps").read_text(encoding="utf-8"))
    assert sorted(stamps["outputs"]) == ["a.txt", "bad\\xff\\xfe.txt"]
    result = CliRunner().invoke(main, ["extract", str(root / raw)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["path"] == f"{root}/bad\\xff\\xfe.txt"


def test_an_outdir_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt"])
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, stderr = batch(root, "-o", tmp_path / "file" / "out", "-j", "1")
    assert code == 1
    assert (
        stderr
        == f"policyparse: error: {tmp_path / 'file' / 'out'}: cannot write: Not a directory\n"
    )


def test_a_read_only_outdir_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    root = tree(tmp_path / "in", ["a.txt"])
    monkeypatch.setattr(tempfile, "mkstemp", read_only)  # root ignores permission bits
    code, stderr = batch(root, "-o", tmp_path / "out", "-j", "1", "--timeout", "0")
    assert code == 1
    assert (
        stderr == f"policyparse: error: {tmp_path / 'out'}: cannot write: Read-only file system\n"
    )


def test_a_full_disk_fails_each_file_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace

    def full(src: str, dst: str, **kwargs: object) -> None:
        if str(dst).endswith(".txt.json"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(src, dst)

    root = tree(tmp_path / "in", ["a.txt", "b.txt"])
    out = tmp_path / "out"
    monkeypatch.setattr(os, "replace", full)
    code, stderr = batch(root, "-o", out, "-j", "1", "--timeout", "0")
    monkeypatch.undo()
    assert code == 1
    assert errors(out) == [
        {
            "file": str(root / name),
            "error": "write",
            "message": f"{out / name}.json: cannot write: No space left on device",
        }
        for name in ("a.txt", "b.txt")
    ]
    assert len(stderr.splitlines()) == 2
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    # a write failure is not remembered: the rerun, with space again, converts both
    assert batch(root, "-o", out, "-j", "1", "--timeout", "0")[0] == 0
    assert outputs(out) == ["a.txt.json", "b.txt.json"]


def test_combine_never_writes_onto_an_input(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt", "b.txt"])
    code, stderr = batch(
        root, "-o", tmp_path / "out", "-f", "jsonl", "--combine", root / "b.txt", "--force"
    )
    assert code == 2
    assert stderr == (
        f"policyparse: error: {root / 'b.txt'}: is one of the inputs under {root}; "
        "refusing to overwrite it (--combine)\n"
    )
    assert (root / "b.txt").read_text(encoding="utf-8") == NOTICE


def test_temporaries_of_a_killed_run_are_swept_but_not_live_ones(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", ["a.txt", "sub/b.txt"])
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    dead = out / "sub" / ".b.txt.json.k2j4_x9a.tmp"
    dead.write_text('{"half', encoding="utf-8")
    combined = tmp_path / "all.jsonl"
    dead_combined = tmp_path / ".all.jsonl.a1b2c3d4.tmp"
    dead_combined.write_text("x" * 1000, encoding="utf-8")
    live = out / ".a.txt.json.zzzzzzzz.tmp"  # another batch into OUTDIR, writing now
    live.write_text("{", encoding="utf-8")
    mine = (out / "notes.tmp", tmp_path / ".other.csv.a1b2c3d4.tmp")  # not ours to remove
    for path in mine:
        path.write_text("keep", encoding="utf-8")
    with open(live, "rb") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)
        assert batch(root, "-o", out, "-j", "1")[0] == 0
        assert batch(root, "-o", out, "-f", "jsonl", "--combine", combined, "-j", "1")[0] == 0
    assert not dead.exists() and not dead_combined.exists()
    assert live.exists() and all(p.exists() for p in mine)


# --- whole runs, killed ------------------------------------------------------------


def hooked_cli(*args: str | Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    code = "from tests.batch_hooks import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "batch", *map(str, args), "-q"],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def tagged(tag: str) -> list[int]:
    """The live processes whose environment holds ``tag``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if tag.encode() in environ and state != "Z":
            found.append(int(entry.name))
    return found


def until(condition: object) -> bool:
    for _ in range(PATIENCE):
        if condition():  # type: ignore[operator]
            return True
        time.sleep(POLL)
    return False


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    root = tree(tmp_path / "in", [f"{i}-sleep.txt" for i in range(4)])
    marks = tmp_path / "marks"
    marks.mkdir()
    tag = f"POLICYPARSE_TEST_TAG={uuid.uuid4().hex}"
    env = {"POLICYPARSE_TEST_MARKS": str(marks), "POLICYPARSE_TEST_TAG": tag}
    parent = hooked_cli(root, "-o", tmp_path / "out", "-j", "2", env=env)
    try:
        assert until(lambda: len(list(marks.iterdir())) == 2), "both workers are on a file"
        assert len(tagged(tag)) >= 3, "the parent, its workers (and the fork server)"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert until(lambda: not tagged(tag)), f"orphans left: {tagged(tag)}"


def test_kill_9_at_a_random_moment_then_one_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    names = [f"d{i:02}/{j}.txt" for i in range(4) for j in range(6)]
    root = tree(tmp_path / "in", names)
    for i, name in enumerate(names):  # each file its own content
        (root / name).write_text(NOTICE + f"三、第{i}项\n", encoding="utf-8")
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    args = ["-j", "2", "-q"]
    subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", root, "-o", clean, *args], check=True
    )
    moment = random.Random(16).randint(1, len(names) - 2)  # after this many outputs
    tag = f"POLICYPARSE_TEST_TAG={uuid.uuid4().hex}"
    env = {"POLICYPARSE_TEST_DELAY": "0.05", "POLICYPARSE_TEST_TAG": tag}
    parent = hooked_cli(root, "-o", killed, "-j", "2", env=env)
    try:
        assert until(lambda: len(outputs(killed)) >= moment if killed.exists() else False)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert until(lambda: not tagged(tag)), "no worker outlives the kill"
    assert len(outputs(killed)) < len(names), "killed before the end"
    subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", root, "-o", killed, *args], check=True
    )
    files = sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(killed) for p in killed.rglob("*") if p.is_file())
    for rel in files:
        assert (clean / rel).read_bytes() == (killed / rel).read_bytes(), rel
    assert not [p for p in killed.rglob("*") if ".tmp" in p.name]
