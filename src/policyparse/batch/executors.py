"""Where a batch's jobs run: this process, a local process pool, or a Dask cluster.

An executor takes the jobs as an iterator and yields one :class:`Outcome` per job. Only a
bounded window of work is ever in flight, so a corpus of millions of files is walked, sent
and answered a slice at a time and memory stays flat. ``ordered``: outcomes come back in
input order (a combined output needs that); otherwise as they finish, which keeps the
progress bar honest when some files are slow.

Jobs travel in chunks, so that a small file's parse is not outweighed by the round trip.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator

from .jobs import Job, Outcome, run_job
from .pool import Limits, pool_executor

Executor = Callable[[Iterable[Job], bool], Iterator[Outcome]]

# Jobs sent to a worker at once, and chunks in flight per worker.
CHUNK = 8
CHUNKS_PER_WORKER = 4


def run_chunk(jobs: list[Job]) -> list[Outcome]:
    """A chunk of jobs in one worker; top level, so that it pickles by reference."""
    return [run_job(job) for job in jobs]


def chunks(jobs: Iterable[Job], size: int = CHUNK) -> Iterator[list[Job]]:
    iterator = iter(jobs)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def serial_executor() -> Executor:
    def run(jobs: Iterable[Job], ordered: bool) -> Iterator[Outcome]:
        from . import jobs as job_module  # looked up at run time: tests replace it

        yield from map(job_module.run_job, jobs)

    return run


def local_executor(workers: int, limits: Limits | None = None) -> Executor:
    """A pool of ``workers`` processes (``-j``) that isolates every file (pool.py); this
    process itself only for ``-j 1`` with no time or memory limit."""
    limits = limits or Limits()
    if workers <= 1 and limits == Limits():
        return serial_executor()
    return pool_executor(workers, limits)
