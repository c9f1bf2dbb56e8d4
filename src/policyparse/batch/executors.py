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
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .jobs import Job, Outcome, run_job

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
        yield from map(run_job, jobs)

    return run


def local_executor(workers: int) -> Executor:
    """A pool of ``workers`` processes (``-j``), or this process for ``-j 1``."""
    if workers <= 1:
        return serial_executor()

    def run(jobs: Iterable[Job], ordered: bool) -> Iterator[Outcome]:
        import concurrent.futures
        import multiprocessing

        context = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
        window = workers * CHUNKS_PER_WORKER
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            pending: deque[Any] = deque()
            for chunk in chunks(jobs):
                pending.append(pool.submit(run_chunk, chunk))
                if len(pending) >= window:
                    yield from _take(pending, ordered, concurrent.futures.wait)
            while pending:
                yield from _take(pending, ordered, concurrent.futures.wait)

    return run


def _take(pending: deque[Any], ordered: bool, wait: Callable[..., Any]) -> Iterator[Outcome]:
    """Outcomes of the oldest chunk (ordered) or of every chunk done by now."""
    if ordered:
        yield from pending.popleft().result()
        return
    done, _ = wait(list(pending), return_when="FIRST_COMPLETED")
    for future in done:
        pending.remove(future)
        yield from future.result()
