"""A pool of worker processes in which one file can never stop the batch.

concurrent.futures' pool cannot do it: a worker that dies (the OOM killer, an rlimit, a
crash in C) breaks the whole pool and fails every file in flight, and a task that never
ends cannot be stopped. Here each worker has its own pipe and sends back one outcome per
file as soon as it is done, so the parent always knows which file a worker is on and
since when:

- a worker past ``timeout`` seconds on one file is killed; that file fails as ``timeout``;
- a worker that dies blames the file it was on (``worker``), and only that file;
- the files queued behind either are sent again, to a fresh worker;
- workers die with the batch: a thread in each waits on a pipe only the batch process
  holds, which closes however the batch ends (kill -9 too); an idle worker also exits
  when its job pipe closes.

``max_memory`` caps each worker's address space (RLIMIT_AS): a file past it fails with a
MemoryError, or its worker dies, and either way the batch goes on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from .jobs import CRASH, TIMEOUT, WORKER, Job, Outcome, failed, with_message

Work = Callable[[Job], Outcome]

CHUNK = 8  # files sent to a worker at once; a worker holds at most two chunks
PARENT_POLL = 1.0  # seconds between a worker's checks that its parent is alive


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float | None = None  # seconds per file; None: no limit
    max_memory: int | None = None  # bytes of address space per worker; None: no limit

    def memory_note(self) -> str:
        if self.max_memory is None:
            return ""
        return f" (over --max-memory {self.max_memory // 1048576} MB?)"


@dataclass(eq=False)
class _Slot:
    """One worker process and the files it holds, the first being worked on."""

    process: Any
    conn: Connection
    lifeline: Connection  # only the parent holds it: it closes when the parent dies
    held: deque[tuple[int, Job]] = field(default_factory=deque)
    since: float = 0.0  # when the first held file was started


def pool_executor(
    workers: int, limits: Limits, work: Work | None = None
) -> Callable[[Iterable[Job], bool], Iterator[Outcome]]:
    def run(jobs: Iterable[Job], ordered: bool) -> Iterator[Outcome]:
        from . import jobs as job_module

        pool = _Pool(workers, limits, work or job_module.run_job)
        try:
            yield from pool.run(jobs, ordered)
        finally:
            pool.close()

    return run


class _Pool:
    def __init__(self, workers: int, limits: Limits, work: Work) -> None:
        import multiprocessing

        method = "spawn" if os.name == "nt" else "forkserver"
        self._context = multiprocessing.get_context(method)
        self._size = workers
        self._limits = limits
        self._work = work
        self._slots: list[_Slot | None] = [None] * workers
        self._again: deque[tuple[int, Job]] = deque()  # files to send before new ones
        self._window = workers * 4 * CHUNK  # files in flight or waiting to be yielded
        self._next_out = self._taken = 0
        self._exhausted = False

    def run(self, jobs: Iterable[Job], ordered: bool) -> Iterator[Outcome]:
        source = enumerate(jobs)
        waiting: dict[int, Outcome] = {}  # ordered: outcomes ahead of the next to yield
        self._next_out = 0
        self._taken = 0
        self._exhausted = False
        while True:
            self._deal(source)
            busy = [s for s in self._slots if s is not None and s.held]
            if not busy:
                return
            for number, outcome in self._step(busy):
                if not ordered:
                    self._next_out += 1
                    yield outcome
                    continue
                waiting[number] = outcome
                while self._next_out in waiting:
                    yield waiting.pop(self._next_out)
                    self._next_out += 1

    def _deal(self, source: Iterator[tuple[int, Job]]) -> None:
        """Top up every worker holding CHUNK files or fewer to 2 × CHUNK, one file at a
        time to the one holding fewest (a batch of four files on two workers is two and
        two), then send each its new files in one message."""
        for slot in list(self._slots):
            if slot is not None and not slot.held and not slot.process.is_alive():
                self._forget(slot)  # died while idle: no file to blame
        held = [len(s.held) if s is not None else 0 for s in self._slots]
        hungry = [i for i, n in enumerate(held) if n <= CHUNK]
        dealt: dict[int, list[tuple[int, Job]]] = {}
        while hungry:
            item = self._again.popleft() if self._again else self._take(source)
            if item is None:
                break
            index = min(hungry, key=lambda i: held[i])
            dealt.setdefault(index, []).append(item)
            held[index] += 1
            if held[index] >= 2 * CHUNK:
                hungry.remove(index)
        for index, chunk in dealt.items():
            self._send(self._slots[index] or self._start(index), chunk)

    def _take(self, source: Iterator[tuple[int, Job]]) -> tuple[int, Job] | None:
        """The next new file, unless the window of files not yet yielded is full."""
        if self._exhausted or self._taken - self._next_out >= self._window:
            return None
        item = next(source, None)
        if item is None:
            self._exhausted = True
            return None
        self._taken += 1
        return item

    def _step(self, busy: list[_Slot]) -> list[tuple[int, Outcome]]:
        """Wait for outcomes, deaths or the first deadline; what came of it."""
        timeout = self._limits.timeout
        now = time.monotonic()
        delay = None if timeout is None else max(0.0, min(s.since + timeout for s in busy) - now)
        handles: list[Any] = [s.conn for s in busy] + [s.process.sentinel for s in busy]
        ready = set(wait(handles, delay))
        results: list[tuple[int, Outcome]] = []
        for slot in busy:
            # drained first, so that a file finished just before its deadline counts
            dead = self._receive(slot, results) or slot.process.sentinel in ready
            if dead:
                self._bury(slot, results, self._death(slot))
            elif timeout is not None and slot.held and time.monotonic() - slot.since > timeout:
                slot.process.kill()
                self._bury(slot, results, f"took longer than {timeout:g} s (--timeout)", TIMEOUT)
        return results

    def _receive(self, slot: _Slot, results: list[tuple[int, Outcome]]) -> bool:
        """Every outcome the worker has sent; True when its pipe is closed."""
        try:
            while slot.held and slot.conn.poll():
                outcome: Outcome = slot.conn.recv()
                number, _job = slot.held.popleft()
                slot.since = time.monotonic()
                results.append((number, self._explain(outcome)))
        except (EOFError, OSError):
            return True
        return False

    def _explain(self, outcome: Outcome) -> Outcome:
        if outcome.error_kind == "resource" and outcome.message == "out of memory":
            return with_message(outcome, "out of memory" + self._limits.memory_note())
        return outcome

    def _death(self, slot: _Slot) -> str:
        slot.process.join(5)
        code = slot.process.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                name = signal.Signals(-code).name
                return f"the worker process died ({name}){self._limits.memory_note()}"
        return f"the worker process died (exit code {code}){self._limits.memory_note()}"

    def _bury(
        self, slot: _Slot, results: list[tuple[int, Outcome]], reason: str, kind: str = WORKER
    ) -> None:
        """Blame the file the worker was on, send the others again, free the slot."""
        slot.process.join(5)
        if slot.held:
            number, job = slot.held.popleft()
            results.append((number, failed(job.source, kind, reason)))
        self._again.extendleft(reversed(slot.held))
        self._forget(slot)

    def _forget(self, slot: _Slot) -> None:
        slot.process.join(5)
        slot.conn.close()
        slot.lifeline.close()
        self._slots[self._slots.index(slot)] = None

    def _start(self, index: int) -> _Slot:
        parent_end, child_end = self._context.Pipe()
        watched, lifeline = self._context.Pipe(duplex=False)
        process = self._context.Process(  # type: ignore[attr-defined]
            target=worker_main,
            args=(child_end, watched, self._work, self._limits.max_memory, _umask()),
            daemon=True,
        )
        process.start()
        child_end.close()
        watched.close()
        slot = _Slot(process, parent_end, lifeline)
        self._slots[index] = slot
        return slot

    def _send(self, slot: _Slot, chunk: list[tuple[int, Job]]) -> None:
        if not slot.held:
            slot.since = time.monotonic()
        slot.held.extend(chunk)
        with contextlib.suppress(OSError):  # a dead worker is found by _step
            slot.conn.send([job for _number, job in chunk])

    def close(self) -> None:
        for slot in self._slots:
            if slot is None:
                continue
            with contextlib.suppress(OSError):
                slot.conn.send(None)
        for slot in self._slots:
            if slot is None:
                continue
            slot.process.join(1 if not slot.held else 0)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.conn.close()
            slot.lifeline.close()
        self._slots = [None] * self._size


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def worker_main(
    conn: Connection, lifeline: Connection, work: Work, max_memory: int | None, umask: int
) -> None:
    """A worker: chunks of jobs in, one outcome per job out, until None or EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.umask(umask)  # the parent's now, not the fork server's when it started
    die_with_parent(lifeline)
    if max_memory is not None:
        limit_memory(max_memory)
    while True:
        try:
            jobs: list[Job] | None = conn.recv()
        except (EOFError, OSError):
            return
        if jobs is None:
            return
        for job in jobs:
            try:
                outcome = work(job)
            except MemoryError:  # the job function's own guard failed: still one file
                outcome = failed(job.source, "resource", "out of memory")
            except Exception as error:
                outcome = failed(
                    job.source, CRASH, f"internal error: {type(error).__name__}: {error}"
                )
            conn.send(outcome)


def limit_memory(max_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def die_with_parent(lifeline: Connection) -> None:
    """End this process when the batch's process ends, even in the middle of a file.

    Under the fork server the parent is the server, not the batch, and the server waits
    for its children before it exits, so neither PR_SET_PDEATHSIG nor a change of parent
    would ever fire; a pipe that only the batch process writes to closes when it dies,
    however it dies. The parent check stays for a worker started directly (spawn)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG

    def watch_pipe() -> None:
        with contextlib.suppress(EOFError, OSError):
            while True:
                lifeline.recv_bytes()
        os._exit(1)

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch_pipe, name="policyparse-lifeline", daemon=True).start()
    threading.Thread(target=watch_parent, name="policyparse-parent", daemon=True).start()
