"""Growth measured without a clock on the wall.

A test that asserts seconds fails at random on a loaded machine. These helpers measure
work instead, and tests compare the work at size n with the work at size k × n:

- :func:`calls`: how many Python and builtin function calls a run makes (``sys.setprofile``
  events). Deterministic: the same input gives the same count on any machine, any load.
- :func:`cpu_work`: the CPU time of this process for a run, the least of several runs.
  For a regular expression the work happens inside one C call that no profiler sees; CPU
  time (not wall-clock) is what the engine spent, and taking the least of repeated runs
  removes what other processes and caches added. Used only as a ratio between sizes, with
  margins wide enough that linear (×k) and quadratic (×k²) cannot be confused.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any


def calls(run: Callable[[], Any]) -> int:
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def cpu_work(run: Callable[[], Any], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def linear_by_calls(make: Callable[[int], Callable[[], Any]], n: int, k: int = 4) -> float:
    """calls(size k·n) / calls(size n): about k when linear, k² when quadratic."""
    return calls(make(k * n)) / max(1, calls(make(n)))


def linear_by_cpu(
    make: Callable[[int], Callable[[], Any]],
    n: int,
    k: int = 4,
    floor: float = 0.02,
    repeats: int = 3,
) -> float:
    """cpu_work(size k·n) / cpu_work(size n), with ``floor`` seconds added to both so that
    runs too short to measure read as a ratio near 1, never as noise times k."""
    big = cpu_work(make(k * n), repeats)
    return (big + floor) / (cpu_work(make(n), repeats) + floor)
