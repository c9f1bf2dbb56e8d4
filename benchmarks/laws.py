"""Throughput on the 2,361 real regulations of ../shared/corpus/laws, in one process.

    .venv/bin/python benchmarks/laws.py [--limit N] [--repeat R]

Prints documents per second and MB per second for `policyparse.parse`, and the same run's
baseline — reading, decoding and splitting every file into lines, the least any parser
must do — so that the figure that matters, the ratio, holds on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from policyparse import parse
from policyparse.encoding import decode

ROOT = Path(__file__).resolve().parent.parent
LAWS = ROOT.parent / "shared" / "corpus" / "laws"


def baseline(path: Path) -> int:
    return len(decode(path.read_bytes()).text.splitlines())


def policyparse_parse(path: Path) -> int:
    return len(parse(path).provisions)


def timed(work: Callable[[Path], int], files: list[Path], repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` passes over ``files``, and what the last pass counted."""
    times = []
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = sum(work(f) for f in files)
        times.append(time.perf_counter() - start)
    return min(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=LAWS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is kept")
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.md"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        sys.exit(f"no .md files under {args.folder}")
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    base_time, lines = timed(baseline, files, args.repeat)
    parse_time, provisions = timed(policyparse_parse, files, args.repeat)
    rows = [
        ("read + decode + split lines", base_time, f"{lines:,} lines"),
        ("policyparse.parse", parse_time, f"{provisions:,} provisions"),
    ]
    print(f"{len(files):,} documents, {megabytes:.1f} MB, best of {args.repeat}")
    print(f"{'':30} {'seconds':>8} {'docs/s':>8} {'MB/s':>6}  ratio")
    for name, seconds, what in rows:
        ratio = seconds / base_time
        print(
            f"{name:30} {seconds:8.2f} {len(files) / seconds:8.0f} {megabytes / seconds:6.2f}"
            f"  {ratio:5.1f}x  {what}"
        )
    per_doc = statistics.fmean([parse_time / len(files)]) * 1000
    print(f"policyparse: {per_doc:.2f} ms per document")


if __name__ == "__main__":
    main()
