"""Running a batch: the jobs, the executor that runs them, and what is written where.

Outputs mirror the input tree under OUTDIR and are written by the job itself, atomically
(a killed run leaves no half-written file; a rerun skips what is done). With ``--combine``
every job's records come back serialized and the main process streams them into one file
as they arrive, in input order, so the corpus is never held in memory. Failures are
collected as small records and written to OUTDIR/errors.jsonl at the end; every file is
counted once, as converted, skipped or failed (failures.py: failed before, not retried).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..inputs import DEFAULT_MAX_BYTES, display_name
from .executors import Executor
from .failures import Failures
from .jobs import Job, Outcome
from .progress import Reporter
from .stamps import Stamps
from .targets import target_for

ERRORS = "errors.jsonl"


@dataclass(slots=True)
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    provisions: int = 0
    seconds: float = 0.0
    failures: list[Outcome] = field(default_factory=list)
    unwritten: list[str] = field(default_factory=list)  # OUTDIR's own files that failed


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
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Job]:
    """One job per file, made as the walk reaches it; a file whose stamp differs (other
    options, a replaced input) is redone even when its output is newer than its input."""
    for path in files:
        target = None if combine else str(target_for(path, root, outdir, output_format))
        stale = stamps is not None and not stamps.current(str(path))
        yield Job(
            str(path),
            target,
            output_format,
            options,
            force or stale,
            root=str(root),
            outdir=str(outdir),
            max_bytes=max_bytes,
        )


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
    failures: Failures | None = None,
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    reporter.start(total)

    def count(outcome: Outcome) -> None:
        _count(summary, outcome, reporter)
        _stamp(stamps, outcome)
        if failures is not None:
            failures.update(outcome)

    if failures is not None:
        jobs = failures.skip_known(jobs, count)
    try:
        if combine is not None:
            from ..output import write_errors

            with write_errors(combine):  # disk full: one line naming the combined file
                _run_combined(jobs, executor, count, combine, output_format)
        else:
            for outcome in executor(jobs, False):
                count(outcome)
    finally:
        reporter.stop()
        # after a Ctrl-C too: what was finished stays finished
        if stamps is not None:
            _save(summary, stamps.path, stamps.save)
        if failures is not None:
            _save(summary, failures.path, failures.save)
    summary.seconds = time.perf_counter() - started
    _save(summary, outdir / ERRORS, lambda: _write_errors(outdir, summary.failures))
    return summary


def _save(summary: Summary, path: Path, save: Callable[[], None]) -> None:
    """Write a file of OUTDIR's own; a disk that is full by now is noted, not raised, so
    that the files' own failures are still reported."""
    try:
        save()
    except OSError as error:
        summary.unwritten.append(
            f"{display_name(str(path))}: cannot write: {error.strerror or error}"
        )


def _run_combined(
    jobs: Iterable[Job],
    executor: Executor,
    count: Callable[[Outcome], None],
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
                count(outcome)

        write_file(str(combine), output_format, documents())
        return
    with atomic_text_writer(combine, newline="") as stream:
        writer = get_writer(output_format, many=True)
        writer.begin(stream)
        for outcome in executor(jobs, True):
            if outcome.chunk:
                stream.write(outcome.chunk)
            count(outcome)
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
    path = outdir / ERRORS
    if not failures:
        path.unlink(missing_ok=True)
        return
    from ..atomic import atomic_text_writer

    with atomic_text_writer(path) as stream:
        for f in failures:
            record: dict[str, object] = {
                "file": display_name(f.source),
                "error": f.error_kind,
                "message": f.message,
            }
            if f.earlier:
                record["earlier"] = True
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
