"""Batch throughput, scaling, start-up and memory, measured in one run.

    .venv/bin/python benchmarks/batch.py [--txt 2000] [--office 200] [--quick]

Builds a corpus by varying the project's own fixtures (unit names, numbers and dates
changed, so that no two files are alike): N plain-text notices, and N/10 each of DOCX
(python-docx) and PDF (reportlab) made from them; plus the five corpus seeds copied to
N files when ../shared/corpus is present, for seed-sized documents. Then measures:

- files/s of ``policyparse batch`` with -j 1 and -j 2, and the scaling ratio;
- the same work as a shell loop of ``policyparse extract`` (one process per file);
- peak resident memory of a batch at N and at 4N files (it must not grow with N);
- start-up: ``python -c pass``, ``policyparse --help``, ``policyparse extract`` on a
  small notice (median of 15 runs each);
- the same N files on a 2-worker Dask LocalCluster beside the local pool, when
  dask.distributed is installed (``pip install 'policyparse[dask]'``).

Every figure is printed with its ratio to a baseline taken in the same run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
BIN = Path(sys.executable).parent
POLICYPARSE = str(BIN / "policyparse")

CITIES = ["宁州", "江北", "滨海", "青川", "白河", "桐溪", "湄江", "长岭", "云阳", "临川"]
UNITS = ["财政局", "商务局", "工信局", "科技局", "农业农村局", "市场监管局", "人社局"]


def _sources() -> list[str]:
    docs = [*(FIXTURES / "docs").glob("*.txt"), *(FIXTURES / "tables").glob("*.txt")]
    docs.append(FIXTURES / "examples" / "notice.txt")
    return [p.read_text(encoding="utf-8") for p in sorted(docs)]


def _vary(text: str, rng: random.Random) -> str:
    text = text.replace("市", rng.choice(CITIES) + "市", 1)
    for unit in UNITS:
        if unit in text and rng.random() < 0.5:
            text = text.replace(unit, rng.choice(UNITS))
    digits = str.maketrans("0123456789", "".join(rng.sample("0123456789", 10)))
    head, _, tail = text.partition("\n")
    return head + "\n" + tail.translate(digits) if rng.random() < 0.5 else text


def build_txt(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    sources = _sources()
    paths = []
    for i in range(count):
        path = folder / f"{i // 250:02d}" / f"notice_{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_vary(sources[i % len(sources)], rng), encoding="utf-8")
        paths.append(path)
    return paths


def build_seeds(folder: Path, count: int) -> list[Path]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    paths = []
    for i in range(count if seeds else 0):
        path = folder / f"{i // 250:02d}" / f"seed_{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seeds[i % len(seeds)], path)
        paths.append(path)
    return paths


def build_docx(folder: Path, texts: list[Path]) -> None:
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    for i, source in enumerate(texts):
        document = docx.Document()
        for line in source.read_text(encoding="utf-8").split("\n"):
            if line.strip() and "\t" not in line:
                document.add_paragraph(line)
        document.save(str(folder / f"notice_{i:04d}.docx"))


def build_pdf(folder: Path, texts: list[Path]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    folder.mkdir(parents=True, exist_ok=True)
    _, height = A4
    per_line = 30
    for i, source in enumerate(texts):
        page = canvas.Canvas(str(folder / f"notice_{i:04d}.pdf"), pagesize=A4)
        page.setFont("STSong-Light", 14)
        y = height - 72
        for line in source.read_text(encoding="utf-8").split("\n"):
            if not line.strip() or "\t" in line:
                continue
            for start in range(0, len(line), per_line):
                if y < 72:
                    page.showPage()
                    page.setFont("STSong-Light", 14)
                    y = height - 72
                page.drawString(72, y, line[start : start + per_line])
                y -= 22
        page.save()


def peak_rss(command: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MB of the command and its children), in a fresh process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def batch(folder: Path, out: Path, jobs: int, *extra: str) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    return peak_rss(
        [POLICYPARSE, "batch", str(folder), "-o", str(out), "-j", str(jobs), "-q", *extra]
    )


def _has_dask() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def median_time(command: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--txt", type=int, default=2000, help="N plain-text documents")
    parser.add_argument("--office", type=int, default=200, help="DOCX and PDF documents each")
    parser.add_argument("--loop", type=int, default=100, help="files in the shell-loop run")
    parser.add_argument("--quick", action="store_true", help="N=400, 40 office files")
    args = parser.parse_args()
    if args.quick:
        args.txt, args.office, args.loop = 400, 40, 30
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="pp-bench-") as tmp:
        base = Path(tmp)
        txt = build_txt(base / "txt", args.txt)
        size = sum(p.stat().st_size for p in txt) / len(txt) / 1024
        docs = base / "docx"
        build_docx(docs, txt[: args.office])
        pdfs = base / "pdf"
        build_pdf(pdfs, txt[: args.office])
        seeds = build_seeds(base / "seeds", args.txt)

        one, rss_n = batch(base / "txt", base / "out1", 1)
        two, _ = batch(base / "txt", base / "out2", 2)
        rows.append(
            (
                f"txt ×{len(txt):,} (avg {size:.1f} KB), -j 1",
                f"{len(txt) / one:,.0f} files/s",
                "1.00",
            )
        )
        rows.append(
            ("  same, -j 2", f"{len(txt) / two:,.0f} files/s", f"{one / two:.2f} (scaling)")
        )
        if _has_dask():
            cluster, _ = batch(base / "txt", base / "outk", 2, "--executor", "dask")
            rate = f"{len(txt) / cluster:,.0f} files/s"
            rows.append(
                (
                    "  same, Dask LocalCluster of 2 workers",
                    rate,
                    f"{cluster / two:.2f}× the pool's time",
                )
            )
        if seeds:
            seed_two, _ = batch(base / "seeds", base / "out3", 2)
            rate = len(seeds) / seed_two
            rows.append((f"corpus seeds ×{len(seeds):,} (14–28 KB), -j 2", f"{rate:,.0f} files/s",
                         f"{rate / (len(txt) / one):.2f}"))  # fmt: skip
        d_time, _ = batch(docs, base / "outd", 2)
        p_time, _ = batch(pdfs, base / "outp", 2)
        rows.append((f"docx ×{args.office}, -j 2", f"{args.office / d_time:,.0f} files/s", ""))
        rows.append((f"pdf ×{args.office}, -j 2", f"{args.office / p_time:,.0f} files/s", ""))

        loop_files = txt[: args.loop]
        started = time.perf_counter()
        for path in loop_files:
            subprocess.run([POLICYPARSE, "extract", str(path), "-o", str(path) + ".json", "-q"],
                           check=False, stdout=subprocess.DEVNULL)  # fmt: skip
        loop = (time.perf_counter() - started) / len(loop_files)
        per_file = one / len(txt)
        rows.append((f"shell loop of extract ×{len(loop_files)}", f"{1 / loop:,.0f} files/s",
                     f"{loop / per_file:.1f}× the batch's time per file"))  # fmt: skip

        for path in loop_files:
            Path(str(path) + ".json").unlink(missing_ok=True)
        build_txt(base / "txt", args.txt * 4, seed=11)
        _, rss_4n = batch(base / "txt", base / "out4", 1)
        rows.append((f"peak RSS, batch of {args.txt:,}", f"{rss_n:,.0f} MB", "1.00"))
        rows.append(
            (f"peak RSS, batch of {args.txt * 4:,}", f"{rss_4n:,.0f} MB", f"{rss_4n / rss_n:.2f}")
        )

        small = FIXTURES / "examples" / "notice.txt"
        bare = median_time([sys.executable, "-c", "pass"])
        rows.append(("start-up: python -c pass", f"{bare * 1000:.0f} ms", "1.00"))
        helped = median_time([POLICYPARSE, "--help"])
        rows.append(
            ("start-up: policyparse --help", f"{helped * 1000:.0f} ms", f"{helped / bare:.1f}")
        )
        extract = median_time([POLICYPARSE, "extract", str(small)])
        rows.append((f"start-up: extract {small.name} (3 KB)", f"{extract * 1000:.0f} ms",
                     f"{extract / bare:.1f}"))  # fmt: skip

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'figure':>14}  ratio")
    for name, figure, ratio in rows:
        print(f"{name:{width}}  {figure:>14}  {ratio}")


if __name__ == "__main__":
    main()
