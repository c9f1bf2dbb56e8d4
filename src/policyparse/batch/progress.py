"""How a batch shows its progress on stderr: a rich bar on a terminal, a plain line every
few seconds otherwise (a log file, CI), nothing with --quiet."""

from __future__ import annotations

import sys
import time
from typing import Protocol


class Reporter(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, status: str) -> None: ...
    def stop(self) -> None: ...


class Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, status: str) -> None:
        pass

    def stop(self) -> None:
        pass


class PlainLines:
    """``policyparse: 1,200/2,000 files, 310 files/s, ETA 3s`` every ``every`` seconds."""

    def __init__(self, every: float = 5.0) -> None:
        self._every = every
        self._total = 0
        self._done = 0
        self._started = 0.0
        self._last = 0.0

    def start(self, total: int) -> None:
        self._total = total
        self._started = self._last = time.monotonic()

    def advance(self, status: str) -> None:
        self._done += 1
        now = time.monotonic()
        if now - self._last >= self._every:
            self._last = now
            rate = self._done / max(now - self._started, 1e-9)
            left = (self._total - self._done) / rate if rate else 0.0
            print(
                f"policyparse: {self._done:,}/{self._total:,} files, {rate:,.0f} files/s, "
                f"ETA {left:,.0f}s",
                file=sys.stderr,
                flush=True,
            )

    def stop(self) -> None:
        pass


class RichBar:
    """A bar with the count, the rate and the time left."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("batch", total=0, rate="-")
        self._started = 0.0
        self._done = 0

    def start(self, total: int) -> None:
        self._started = time.monotonic()
        self._progress.update(self._task, total=total)
        self._progress.start()

    def advance(self, status: str) -> None:
        self._done += 1
        rate = self._done / max(time.monotonic() - self._started, 1e-9)
        self._progress.update(self._task, advance=1, rate=f"{rate:,.0f}")

    def stop(self) -> None:
        self._progress.stop()


def reporter_for(quiet: bool) -> Reporter:
    if quiet:
        return Silent()
    return RichBar() if sys.stderr.isatty() else PlainLines()
