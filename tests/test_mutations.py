"""A seeded mutation run over small fixtures of every format: whatever the bytes, the
library returns a record every writer can write, or raises a PolicyParseError.

Each format's fixtures are mutated the ways the probe of issue 16 found bugs with:
truncation, byte flips, a splice of another file's bytes, a range deleted or duplicated,
a hostile token inserted (an unclosed ``<!--``, 400 digits, a lone surrogate's escape, a
charset label) and, for DOCX, one XML part corrupted inside a ZIP that is itself valid.
The same seed gives the same mutants on every run, so a failure names a case that can be
rebuilt: ``mutants(fmt)[index]``. No time is measured: the run is kept small instead.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from policyparse.errors import PolicyParseError
from policyparse.models import Document
from policyparse.pipeline import parse_record

from .conftest import FIXTURES

SOURCES: dict[str, list[Path]] = {
    "txt": [FIXTURES / "docs" / n for n in ("cl_standing_preamble.txt", "meta_reply_pifu.txt")],
    "md": [FIXTURES / "docs" / n for n in ("qa_yn_pipe_table.md", "lv_md_bold_lines_gwy.md")],
    "html": [FIXTURES / "html" / n for n in ("task_table.html", "h1_no_meta.html")],
    "docx": [FIXTURES / "docx" / "autonumber.docx", FIXTURES / "docs" / "qa_fj_task_table.docx"],
    "pdf": [FIXTURES / "docs" / n for n in ("qa_hb_yijian.pdf", "qa_nc_browser_print.pdf")],
}
COUNTS = {"txt": 600, "md": 400, "html": 500, "docx": 400, "pdf": 300}

# Inserted whole: the shapes of the hostile corpus, small.
TOKENS: tuple[bytes, ...] = (
    b"<!--",
    b"-->",
    b"<div>" * 300,
    b"9" * 400,
    "一二三四五六七八九".encode() * 600,
    "亿".encode() * 60,
    "9999年12月1日\n一、在5年内完成".encode(),
    "第九季度前".encode(),
    b"\\ud800",
    b"&#xD800;",
    b'<meta charset="rot13">',
    b'<meta charset="unicode_escape">',
    b"\x00\x01\x02",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    "（".encode() * 200,
    "、".encode() * 200,
    b"\r\n" * 50,
    b'<w:sym w:char="D800"/>',
    b'w:val="99999999999999999999999999999999999999"',
)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))] if len(data) > 1 else data


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _delete(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, max(1, len(data) // 4)) :]


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    piece = data[start : start + rng.randint(1, 512)]
    return data[:start] + piece * rng.randint(2, 20) + data[start:]


def _insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(TOKENS) + data[at:]


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": _truncate,
    "flip": _flip,
    "delete": _delete,
    "duplicate": _duplicate,
    "insert": _insert,
}


def _splice(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """A piece of another file of any format dropped into this one."""
    start = rng.randrange(len(other))
    at = rng.randrange(len(data) + 1)
    return data[:at] + other[start : start + rng.randint(1, 2048)] + data[at:]


_VALUES = re.compile(rb'(w:(?:val|start|ilvl|numId|char|gridSpan)=")([^"]*)(")')
_HOSTILE_VALUES = (b"-1", b"0", b"5000000000", b"9" * 4300, b"D800", b"110000", b"", b"%1" * 50)


def _corrupt_part(data: bytes, rng: random.Random) -> bytes:
    """One XML part of a valid DOCX changed: bytes mutated, or attribute values replaced
    by hostile ones (a huge list start, a surrogate symbol, a negative level); the ZIP
    around it rebuilt, so that the loader gets past the archive to the XML."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if n.endswith(".xml") or n.endswith(".rels")]
    target = rng.choice([n for n in names if n.startswith("word/")] or names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            part = source.read(name)
            if name == target:
                changed = part
                if rng.random() < 0.5:
                    changed = _VALUES.sub(
                        lambda m: (
                            m.group(1) + rng.choice(_HOSTILE_VALUES) + m.group(3)
                            if rng.random() < 0.3
                            else m.group(0)
                        ),
                        part,
                    )
                if changed == part:  # not chosen, or a part without such attributes
                    changed = rng.choice(list(MUTATIONS.values()))(part, rng)
                part = changed
            # a fixed time stamp: the same mutant bytes on every run
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            archive.writestr(info, part, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def mutants(
    fmt: str, seed: str = "mutations", count: int | None = None
) -> Iterator[tuple[str, bytes]]:
    """(description, bytes) for ``COUNTS[fmt]`` mutants of the format's fixtures; another
    ``seed`` and a larger ``count`` explore further (by hand, not in CI)."""
    rng = random.Random(f"{seed}-{fmt}")
    files = [p.read_bytes() for p in SOURCES[fmt]]
    others = [p.read_bytes() for ps in SOURCES.values() for p in ps]
    for index in range(count or COUNTS[fmt]):
        which = index % len(files)
        data = files[which]
        if fmt == "docx" and index % 2:
            kind, mutated = "xml-part", _corrupt_part(data, rng)
        elif index % 7 == 6:
            kind, mutated = "splice", _splice(data, rng.choice(others), rng)
        else:
            kind = rng.choice(list(MUTATIONS))
            mutated = MUTATIONS[kind](data, rng)
            if rng.random() < 0.2:  # now and then two mutations on top of each other
                mutated = rng.choice(list(MUTATIONS.values()))(mutated or data, rng)
        yield f"{fmt}[{index}] {kind} of {SOURCES[fmt][which].name}", mutated


def _check(data: bytes, fmt: str) -> str | None:
    """None when the mutant gives a writable record or a PolicyParseError; else what broke."""
    try:
        record = parse_record(data, format=fmt, name=f"mutant.{fmt}")
    except PolicyParseError as error:
        return "a reason of several lines" if "\n" in str(error) else None
    except Exception as error:  # what this test is here to catch
        return f"{type(error).__name__}: {str(error)[:200]}"
    try:
        json.dumps(record, allow_nan=False, ensure_ascii=False).encode("utf-8")
        Document.model_validate(record).model_dump_json()
    except Exception as error:
        return f"record not writable: {type(error).__name__}: {str(error)[:200]}"
    return None


def test_the_run_is_at_least_two_thousand_cases() -> None:
    assert sum(COUNTS.values()) >= 2000
    assert all(path.stat().st_size < 50_000 for paths in SOURCES.values() for path in paths)


@pytest.mark.parametrize("fmt", list(SOURCES))
def test_mutants_parse_or_fail_cleanly(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from policyparse.loaders import ocr

    # A PDF mutant that lost its text layer would go to OCR: seconds a page, and tested in
    # tests/test_ocr.py. Here it stops at the LoadError a machine without OCR gives.
    monkeypatch.setattr(ocr, "available", lambda: False)
    broken = [
        f"{name}: {problem}"
        for name, data in mutants(fmt)
        if (problem := _check(data, fmt)) is not None
    ]
    assert not broken, f"{len(broken)} of {COUNTS[fmt]} mutants:\n" + "\n".join(broken[:20])


def test_mutants_are_the_same_on_every_run() -> None:
    first = [data for _, (_, data) in zip(range(50), mutants("docx"), strict=False)]
    again = [data for _, (_, data) in zip(range(50), mutants("docx"), strict=False)]
    assert first == again
    assert len(set(first)) >= 48, "the mutants differ from each other"
