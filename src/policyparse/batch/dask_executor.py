"""Batch on a Dask cluster (``--executor dask``): the same jobs, the same outputs.

Workers run :func:`run_chunk` — the pure per-file job — so they must see the same paths as
the client (a shared file system) and have policyparse installed. Without ``--scheduler``
a LocalCluster of ``workers`` processes is started here and stopped at the end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import PolicyParseError
from .executors import CHUNKS_PER_WORKER, Executor, chunks, run_chunk
from .jobs import Job, Outcome


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
                pending.append(client.submit(run_chunk, chunk, pure=False))
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
        yield from pending.popleft().result()
        return
    done = distributed.wait(list(pending), return_when="FIRST_COMPLETED").done
    for future in done:
        pending.remove(future)
        yield from future.result()
