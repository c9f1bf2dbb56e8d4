"""Running a batch: the jobs, the executor that runs them, and what is written where.

Outputs mirror the input tree under OUTDIR and are written by the job itself, atomically
(a killed run leaves no half-written file; a rerun skips what is done). With ``--combine``
every job's records come back serialized and the main process streams them into one file
as they arrive, in input order, so the corpus is never held in memory. Failures are
collected as small records and written to OUTDIR/errors.jsonl at the end.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .executors import Executor
from .jobs import Job, Outcome, target_for
from .progress import Reporter
from .stamps import Stamps


@dataclass(slots=True)
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    provisions: int = 0
    seconds: float = 0.0
    failures: list[Outcome] = field(default_factory=list)


def plan(
    root: Path,
    files: Iterable[Path],
    outdir: Path,
    output_format: str,
    options: dict[str, Any],
    *,
    force: bool,
    combine: bool,
    stamps: Stamps | None = None,
) -> Iterator[Job]:
    """One job per file, made as the walk reaches it; a file whose stamp differs (other
    options, a replaced input) is redone even when its output is newer than its input."""
    for path in files:
        target = None if combine else str(target_for(path, root, outdir, output_format))
        stale = stamps is not None and not stamps.current(str(path))
        yield Job(str(path), target, output_format, options, force or stale)


def run_batch(
    jobs: Iterable[Job],
    total: int,
    executor: Executor,
    reporter: Reporter,
    *,
    combine: Path | None,
    output_format: str,
    outdir: Path,
    stamps: Stamps | None = None,
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    reporter.start(total)
    try:
        if combine is not None:
            _run_combined(jobs, executor, reporter, summary, combine, output_format)
        else:
            for outcome in executor(jobs, False):
                _count(summary, outcome, reporter)
                _stamp(stamps, outcome)
    finally:
        reporter.stop()
        if stamps is not None:
            stamps.save()  # after a Ctrl-C too: what was finished stays finished
    summary.seconds = time.perf_counter() - started
    _write_errors(outdir, summary.failures)
    return summary


def _run_combined(
    jobs: Iterable[Job],
    executor: Executor,
    reporter: Reporter,
    summary: Summary,
    combine: Path,
    output_format: str,
) -> None:
    from ..atomic import atomic_text_writer
    from ..writers import FILE_FORMATS, get_writer

    if output_format in FILE_FORMATS:
        from ..output import write_file

        def documents() -> Iterator[dict[str, Any]]:
            for outcome in executor(jobs, True):
                if outcome.chunk:
                    yield json.loads(outcome.chunk)
                _count(summary, outcome, reporter)

        write_file(str(combine), output_format, documents())
        return
    with atomic_text_writer(combine, newline="") as stream:
        writer = get_writer(output_format, many=True)
        writer.begin(stream)
        for outcome in executor(jobs, True):
            if outcome.chunk:
                stream.write(outcome.chunk)
            _count(summary, outcome, reporter)
        writer.end(stream)


def _count(summary: Summary, outcome: Outcome, reporter: Reporter) -> None:
    summary.counts[outcome.status] += 1
    summary.provisions += outcome.provisions
    if outcome.status == "failed":
        summary.failures.append(outcome)
    reporter.advance(outcome.status)


def _stamp(stamps: Stamps | None, outcome: Outcome) -> None:
    if stamps is None:
        return
    if outcome.status == "converted":
        stamps.record(outcome.source)
    elif outcome.status == "failed":
        stamps.forget(outcome.source)


def _write_errors(outdir: Path, failures: list[Outcome]) -> None:
    """OUTDIR/errors.jsonl lists this run's failures; a clean run leaves no stale list."""
    path = outdir / "errors.jsonl"
    if not failures:
        path.unlink(missing_ok=True)
        return
    from ..atomic import atomic_text_writer

    with atomic_text_writer(path) as stream:
        for f in failures:
            record = {"file": f.source, "error": f.error_kind, "message": f.message}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
