"""Batch on a Dask cluster (``--executor dask``): the same jobs, the same outputs.

Workers run :func:`run_chunk` — the pure per-file job — so they must see the same paths as
the client (a shared file system) and have policyparse installed. Without ``--scheduler``
a LocalCluster of ``workers`` processes is started here and stopped at the end.

A crash is one file's failed Outcome as in the local pool; there is no per-file timeout
or memory limit here (Dask restarts a worker that dies, and a chunk it gives up on fails
as a whole).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import PolicyParseError
from .executors import CHUNKS_PER_WORKER, Executor, chunks, run_chunk
from .jobs import WORKER, Job, Outcome, failed


class DaskUnavailable(PolicyParseError):
    kind = "usage"


def dask_executor(scheduler: str | None, workers: int) -> Executor:
    try:
        import distributed
    except ImportError as error:
        raise DaskUnavailable(
            "--executor dask needs the dask extra: pip install 'policyparse[dask]'"
        ) from error

    def run(jobs: Iterable[Job], ordered: bool) -> Iterator[Outcome]:
        cluster = None
        if scheduler is None:
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
        client = distributed.Client(scheduler or cluster)
        try:
            window = max(1, len(client.scheduler_info()["workers"])) * CHUNKS_PER_WORKER
            pending: deque[Any] = deque()
            for chunk in chunks(jobs):
                pending.append((client.submit(run_chunk, chunk, pure=False), chunk))
                if len(pending) >= window:
                    yield from _take(pending, ordered, distributed)
            while pending:
                yield from _take(pending, ordered, distributed)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run


def _take(pending: deque[Any], ordered: bool, distributed: Any) -> Iterator[Outcome]:
    if ordered:
        yield from _outcomes(*pending.popleft())
        return
    done = distributed.wait([f for f, _ in pending], return_when="FIRST_COMPLETED").done
    for item in [item for item in pending if item[0] in done]:
        pending.remove(item)
        yield from _outcomes(*item)


def _outcomes(future: Any, chunk: list[Job]) -> list[Outcome]:
    """The chunk's outcomes; a chunk Dask gave up on (its worker died again and again:
    KilledWorker) fails as a whole, and the batch goes on."""
    try:
        outcomes: list[Outcome] = future.result()
    except Exception as error:
        reason = f"the Dask task failed: {type(error).__name__}: {error}"
        return [failed(job.source, WORKER, reason) for job in chunk]
    return outcomes
