"""Writing speed of the output formats, each against json measured in the same run.

    .venv/bin/python benchmarks/outputs.py [--copies N]

Parses the fixture documents once (fixtures/docs, fixtures/examples), repeats the records
N times (default 200: about 4,000 documents and 40,000 provisions), and times writing them
with every writer to a temporary folder. Prints provisions per second and the time of
each format as a multiple of json's, which is what holds on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def records() -> list[dict[str, object]]:
    from policyparse.pipeline import parse_record

    sources = sorted((ROOT / "fixtures" / "docs").glob("*.txt"))
    sources.append(ROOT / "fixtures" / "examples" / "notice.txt")
    return [parse_record(path) for path in sources]


def write(fmt: str, docs: list[dict[str, object]], folder: Path) -> float:
    from policyparse.output import write_file, write_text
    from policyparse.writers import FILE_FORMATS, get_writer

    target = str(folder / f"out.{fmt}")
    started = time.perf_counter()
    if fmt in FILE_FORMATS:
        write_file(target, fmt, docs)
    else:
        writer = get_writer(fmt, many=True)

        def write_all(stream):  # type: ignore[no-untyped-def]
            writer.begin(stream)
            for doc in docs:
                writer.document(doc, stream)
            writer.end(stream)

        write_text(target, write_all)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()
    docs = records() * args.copies
    provisions = sum(len(d["provisions"]) for d in docs)  # type: ignore[arg-type]
    print(f"{len(docs):,} documents, {provisions:,} provisions")
    with tempfile.TemporaryDirectory() as tmp:
        seconds = {
            fmt: write(fmt, docs, Path(tmp)) for fmt in ("json", "jsonl", "csv", "xlsx", "sqlite")
        }
        sizes = {fmt: (Path(tmp) / f"out.{fmt}").stat().st_size for fmt in seconds}
    base = seconds["json"]
    for fmt, s in seconds.items():
        print(
            f"{fmt:7} {provisions / s:10,.0f} provisions/s  {s / base:5.2f}× json's time  "
            f"{sizes[fmt] / 1e6:6.1f} MB"
        )


if __name__ == "__main__":
    main()
