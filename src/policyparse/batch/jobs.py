"""One file's work in a batch: parse, write the output atomically, report the outcome.

``run_job`` is a pure top-level function of picklable values, so the same job runs in a
local process pool or on a cluster worker and writes the same bytes.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..writers import EXTENSIONS


@dataclass(frozen=True, slots=True)
class Job:
    source: str
    target: str | None  # the output file; None when the output is combined
    output_format: str
    options: dict[str, Any]
    force: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    status: str  # converted | skipped | failed
    provisions: int = 0
    error_kind: str | None = None
    message: str | None = None
    chunk: str | None = None  # serialized records, for a combined output


def target_for(source: Path, root: Path, outdir: Path, output_format: str) -> Path:
    """``root/a/b.txt`` → ``outdir/a/b.txt.json``: the tree mirrored, the input's own
    extension kept so that ``b.txt`` and ``b.docx`` never share an output."""
    relative = source.relative_to(root)
    return outdir / relative.parent / (relative.name + EXTENSIONS[output_format])


def is_fresh(source: str, target: str) -> bool:
    """The output exists and is newer than its input: nothing to do without --force."""
    try:
        return os.stat(target).st_mtime >= os.stat(source).st_mtime
    except OSError:
        return False


def run_job(job: Job) -> Outcome:
    from ..errors import PolicyParseError
    from ..pipeline import parse_record

    if job.target is not None and not job.force and is_fresh(job.source, job.target):
        return Outcome(job.source, "skipped")
    try:
        doc = parse_record(job.source, options=job.options)
    except PolicyParseError as error:
        return Outcome(job.source, "failed", error_kind=error.kind, message=error.reason)
    except (RecursionError, MemoryError) as error:  # hostile input must not stop the batch
        return Outcome(job.source, "failed", error_kind="resource", message=type(error).__name__)
    from ..writers import FILE_FORMATS, get_writer

    if job.output_format in FILE_FORMATS:
        if job.target is None:  # the main process builds the one combined file
            chunk = json.dumps(doc, ensure_ascii=False)
            return Outcome(job.source, "converted", len(doc["provisions"]), chunk=chunk)
        from ..output import write_file

        write_file(job.target, job.output_format, [doc])
        return Outcome(job.source, "converted", len(doc["provisions"]))
    if job.target is None:
        buffer = io.StringIO()
        get_writer(job.output_format, many=True).document(doc, buffer)
        return Outcome(job.source, "converted", len(doc["provisions"]), chunk=buffer.getvalue())
    from ..atomic import atomic_text_writer

    writer = get_writer(job.output_format, many=False)
    with atomic_text_writer(Path(job.target), newline="") as stream:
        writer.begin(stream)
        writer.document(doc, stream)
        writer.end(stream)
    return Outcome(job.source, "converted", len(doc["provisions"]))
