"""One file's work in a batch: read, parse, write the output atomically, report the
outcome — and never raise: whatever goes wrong with one file becomes its failed Outcome,
so that the batch goes on.

``run_job`` is a pure top-level function of picklable values, so the same job runs in a
local process pool or on a cluster worker and writes the same bytes.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..inputs import DEFAULT_MAX_BYTES, one_line

# Kinds of failure beyond the library's own (errors.py): an unexpected exception, a job
# past --timeout, a worker process that died.
CRASH, TIMEOUT, WORKER = "crash", "timeout", "worker"


@dataclass(frozen=True, slots=True)
class Job:
    source: str
    target: str | None  # the output file; None when the output is combined
    output_format: str
    options: dict[str, Any]
    force: bool = False
    root: str | None = None  # the walked folder: the input must still be inside it
    outdir: str | None = None  # the output tree: no folder of it may be a link
    max_bytes: int | None = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    status: str  # converted | skipped | failed
    provisions: int = 0
    error_kind: str | None = None
    message: str | None = None
    chunk: str | None = None  # serialized records, for a combined output
    earlier: bool = False  # a failure recorded by an earlier run, not tried again


def failed(source: str, kind: str, message: str) -> Outcome:
    return Outcome(source, "failed", error_kind=kind, message=one_line(message))


def is_fresh(source: str, target: str) -> bool:
    """The output exists and is newer than its input: nothing to do without --force."""
    try:
        return os.stat(target).st_mtime >= os.stat(source).st_mtime
    except OSError:
        return False


def run_job(job: Job) -> Outcome:
    try:
        return _run(job)
    except Exception as error:  # a bug in a loader or a writer: this file fails, not the batch
        return failed(job.source, CRASH, f"internal error: {type(error).__name__}: {error}")


def _run(job: Job) -> Outcome:
    from ..errors import PolicyParseError, WriteError
    from ..inputs import display_name, read_input
    from ..pipeline import parse_record

    if job.target is not None and not job.force and is_fresh(job.source, job.target):
        return Outcome(job.source, "skipped")
    try:
        data = read_input(job.source, max_bytes=job.max_bytes, within=job.root)
        doc = parse_record(data, name=display_name(job.source), options=job.options)
        return _write(job, doc)
    except WriteError as error:  # names the output, not the input
        return failed(job.source, error.kind, str(error))
    except PolicyParseError as error:
        return failed(job.source, error.kind, error.reason)
    except RecursionError:  # hostile input must not stop the batch
        return failed(job.source, "resource", "nested too deeply (RecursionError)")
    except MemoryError:
        return failed(job.source, "resource", "out of memory")


def _write(job: Job, doc: dict[str, Any]) -> Outcome:
    from ..output import unwritable, write_errors
    from ..writers import FILE_FORMATS, get_writer

    reason = unwritable(doc)
    if reason is not None:  # a library bug: said here, not as a writer's traceback
        return failed(job.source, CRASH, reason)
    provisions = len(doc["provisions"])
    if job.target is None:  # the main process writes the one combined file
        if job.output_format in FILE_FORMATS:
            chunk = json.dumps(doc, ensure_ascii=False, allow_nan=False)
        else:
            buffer = io.StringIO()
            get_writer(job.output_format, many=True).document(doc, buffer)
            chunk = buffer.getvalue()
        return Outcome(job.source, "converted", provisions, chunk=chunk)
    target = Path(job.target)
    with write_errors(target):
        if job.outdir is not None:
            from .targets import prepare_folder

            prepare_folder(Path(job.outdir), target.parent)
        if job.output_format in FILE_FORMATS:
            from ..output import write_file

            write_file(str(target), job.output_format, [doc])
        else:
            from ..atomic import atomic_text_writer

            writer = get_writer(job.output_format, many=False)
            with atomic_text_writer(target, newline="") as stream:
                writer.begin(stream)
                writer.document(doc, stream)
                writer.end(stream)
    return Outcome(job.source, "converted", provisions)


def with_message(outcome: Outcome, message: str) -> Outcome:
    return replace(outcome, message=one_line(message))
