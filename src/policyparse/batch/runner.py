"""Running a batch: the jobs, the executor that runs them, and what is written where.

Outputs mirror the input tree under OUTDIR and are written by the job itself, atomically
(a killed run leaves no half-written file; a rerun skips what is done). With ``--combine``
every job's records come back serialized and the main process streams them into one file
as they arrive, in input order, so the corpus is never held in memory. Failures are
collected as small records and written to OUTDIR/errors.jsonl at the end.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .jobs import Job, Outcome, run_job, target_for
from .progress import Reporter

# Jobs a worker takes at once: large enough to amortise the pipe, small enough to balance.
CHUNKSIZE = 8

Executor = Callable[[Callable[[Job], Outcome], list[Job]], Iterator[Outcome]]


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
) -> list[Job]:
    jobs = []
    for path in files:
        target = None if combine else str(target_for(path, root, outdir, output_format))
        jobs.append(Job(str(path), target, output_format, options, force))
    return jobs


def local_executor(workers: int) -> Executor:
    """Jobs in this process (``-j 1``) or in a pool of ``workers`` processes, in order."""

    def run(func: Callable[[Job], Outcome], jobs: list[Job]) -> Iterator[Outcome]:
        if workers <= 1 or len(jobs) <= 1:
            yield from map(func, jobs)
            return
        import multiprocessing

        context = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
        with context.Pool(workers) as pool:
            yield from pool.imap(func, jobs, chunksize=CHUNKSIZE)

    return run


def run_batch(
    jobs: list[Job],
    executor: Executor,
    reporter: Reporter,
    *,
    combine: Path | None,
    output_format: str,
    outdir: Path,
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    reporter.start(len(jobs))
    try:
        if combine is not None:
            _run_combined(jobs, executor, reporter, summary, combine, output_format)
        else:
            for outcome in executor(run_job, jobs):
                _count(summary, outcome, reporter)
    finally:
        reporter.stop()
    summary.seconds = time.perf_counter() - started
    _write_errors(outdir, summary.failures)
    return summary


def _run_combined(
    jobs: list[Job],
    executor: Executor,
    reporter: Reporter,
    summary: Summary,
    combine: Path,
    output_format: str,
) -> None:
    from ..atomic import atomic_text_writer
    from ..writers import get_writer

    with atomic_text_writer(combine, newline="") as stream:
        writer = get_writer(output_format, many=True)
        writer.begin(stream)
        for outcome in executor(run_job, jobs):
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
