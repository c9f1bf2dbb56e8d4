"""Each hostile reproducer's exact outcome: an error of a known class and reason, or the
right parse with the warning it earns. The generated cases (tests/hostile_cases.py) always
run; the real files of ../shared/corpus/hostile run too when the corpus is beside the repo.

Every record also passes what a writer needs: ``json.dumps(…, allow_nan=False)``, UTF-8
encoding (no lone surrogate) and the pydantic model's ``model_dump_json()``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from policyparse import budget
from policyparse.errors import LoadError, PolicyParseError, ResourceError
from policyparse.loaders.spans import remove_comments
from policyparse.models import Document
from policyparse.pipeline import parse_record
from policyparse.settings import OptionError, ParseOptions

from .conftest import CORPUS
from .hostile_cases import (
    CASES,
    LONG_CELL,
    docx,
    html_deep_then_unclosed_comments,
    merged_table,
    one_list,
    paragraph,
)

Record = dict[str, Any]


def writable(record: Record) -> Record:
    """``record`` after the checks every writer relies on."""
    json.dumps(record, allow_nan=False, ensure_ascii=False).encode("utf-8")
    Document.model_validate(record).model_dump_json()
    return record


def parse_case(name: str) -> Record:
    case = CASES[name]
    return writable(parse_record(case.data, format=case.format, name=name))


def codes(record: Record) -> list[str]:
    return [w["code"] for w in record["warnings"]]


def texts(record: Record) -> list[tuple[str, str]]:
    return [(p["label"], p["text"]) for p in record["provisions"]]


# ---------------------------------------------------------------- errors

ERRORS = {
    # word/document.xml's header sits 10 bytes into the file in the 343-byte archive
    # whose data was shortened: zipfile seeks to -10
    "docx_bytes_deleted": "corrupt DOCX: cannot read word/document.xml (negative seek value -10)",
    # the central directory offset moved 1,000 bytes on: each member 1,000 bytes earlier,
    # word/document.xml (at 59) at -941
    "docx_eocd_bad_offset": "corrupt DOCX: cannot read word/document.xml "
    "(negative seek value -941)",
    "docx_corrupt_xml": "corrupt DOCX: word/document.xml is not well-formed XML (Opening and "
    "ending tag mismatch: t line 1 and r",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_broken_archives_are_one_load_error(name: str) -> None:
    case = CASES[name]
    with pytest.raises(LoadError) as caught:
        parse_record(case.data, format=case.format, name=f"{name}.docx")
    assert type(caught.value) is LoadError
    assert caught.value.reason.startswith(ERRORS[name])
    assert str(caught.value).startswith(f"{name}.docx: ")
    assert "\n" not in str(caught.value)


# ---------------------------------------------------------------- surrogates and symbols


def test_a_surrogate_symbol_becomes_a_replacement_character_with_a_warning() -> None:
    record = parse_case("docx_sym_d800")
    assert texts(record) == [("一、", "总体要求"), ("二、", "A\ufffd")]
    assert [(w["code"], w["line"]) for w in record["warnings"]] == [("lone-surrogates", 2)]
    assert record["warnings"][0]["message"].startswith("1 lone surrogate code point(s)")


def test_a_symbol_beyond_unicode_is_a_replacement_character() -> None:
    record = parse_case("docx_sym_110000")
    assert texts(record) == [("一、", "总体要求"), ("二、", "A\ufffd")]
    assert codes(record) == []


def test_surrogates_from_a_pdf_tounicode_map_are_replaced() -> None:
    record = parse_case("pdf_tounicode_surrogate")
    assert record["preamble"] == ["\ufffd\ufffd一"]  # A → D800, B → DFFF, C → 一


def test_every_loader_text_passes_the_surrogate_scrub(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scrub sits in the pipeline, after any loader: a loader that lets a surrogate
    through (here the text loader, made to) still gives a writable record."""
    from policyparse.loaders import text as text_loader

    real = text_loader.load

    def leaky(data: bytes, **kwargs: Any) -> Any:
        loaded = real(data, **kwargs)
        loaded.lines = [
            type(line)(line.text.replace("X", "\ud800"), line.number) for line in loaded.lines
        ]
        return loaded

    monkeypatch.setattr(text_loader, "load", leaky)
    record = writable(parse_record("一、AXB\n二、XX\n".encode(), format="txt", name="t.txt"))
    assert texts(record) == [("一、", "A\ufffdB"), ("二、", "\ufffd\ufffd")]
    assert [(w["code"], w["line"]) for w in record["warnings"]] == [("lone-surrogates", 1)]
    assert record["warnings"][0]["message"].startswith("3 lone surrogate")


def test_a_file_name_of_undecodable_bytes_gives_a_writable_record() -> None:
    name = b"\xff\xfe\xb2.txt".decode("utf-8", "surrogateescape")
    record = writable(parse_record("一、总体要求\n".encode(), format="txt", name=name))
    assert record["source"]["path"] == "\\xff\\xfe\\xb2.txt"  # as the CLI and batch write it


# ---------------------------------------------------------------- charsets


@pytest.mark.parametrize(
    ("name", "provisions", "preamble"),
    [
        ("html_charset_rot13", [("一、", "总体要求")], []),
        ("html_charset_undefined", [], ["x"]),
        # unicode_escape would turn the six characters \ud800 into a lone surrogate: the
        # label is ignored and the bytes read as the UTF-8 they are
        ("html_unicode_escape_surrogate", [("一、", "\\ud800")], []),
    ],
)
def test_a_charset_that_names_no_text_encoding_is_ignored(
    name: str, provisions: list[tuple[str, str]], preamble: list[str]
) -> None:
    record = parse_case(name)
    assert record["source"]["encoding"] == "utf-8"
    assert (texts(record), record["preamble"]) == (provisions, preamble)


def test_a_control_character_in_a_page_is_dropped() -> None:
    record = parse_case("html_control_after_chrome")
    assert texts(record) == [("一、", "总体要求"), ("二、", "工作任务")]


@pytest.mark.parametrize("label", ["rot13", "base64", "undefined", "unicode_escape", "utf-7"])
def test_the_encoding_option_takes_only_text_encodings(label: str) -> None:
    with pytest.raises(OptionError) as caught:
        ParseOptions(encoding=label)
    assert caught.value.reason == f"unknown encoding {label!r}"


# ---------------------------------------------------------------- numbers


def test_a_list_counting_from_4300_digits_keeps_its_text_without_a_label() -> None:
    record = parse_case("docx_numbering_4300digits")
    assert record["preamble"] == ["总体要求", "工作任务"]
    assert record["warnings"][0] == {
        "code": "numbering-overflow",
        "message": "list 1 level 1: a number of more than 32 digits: its paragraphs have no label",
        "line": None,
        "text": None,
    }


def test_a_letter_list_from_five_billion_is_numbered_in_decimal() -> None:
    record = parse_case("docx_numbering_letter_bomb")
    # upperLetter at 5e9 would be "G" × 192,307,693 (5e9 − 1 = 26 × 192,307,692 + 7)
    assert record["preamble"] == ["5000000000、总体要求", "5000000001、工作任务"]
    assert record["warnings"][0]["message"] == (
        "list 1 level 1: the number 5000000000 in upperLetter would take more than 32 "
        "characters: written in decimal"
    )


def test_a_label_pattern_of_ten_thousand_characters_gives_no_label() -> None:
    record = parse_case("docx_numbering_pattern_bomb")
    assert record["preamble"] == ["总体要求"]
    assert record["warnings"][0]["message"] == (
        "list 1 level 1: a label pattern of 10,000 characters (more than 64): "
        "its paragraphs have no label"
    )


def test_a_deadline_past_the_year_9999_has_no_date() -> None:
    record = parse_case("txt_deadline_year_overflow")
    assert record["meta"]["date"] == "9999-12-01"
    assert record["provisions"][0]["deadline"] == {"raw": "5年内", "date": None, "kind": "period"}


def test_an_amount_beyond_a_float_is_listed_without_a_value() -> None:
    record = parse_case("txt_amount_infinity")
    assert record["provisions"][0]["amounts"] == [
        {"raw": "9" * 400 + "万元", "value": None, "unit": "元", "kind": "money", "bound": "exact"}
    ]
    assert [(w["code"], w["line"], w["text"]) for w in record["warnings"]] == [
        ("amount-out-of-range", 1, "9" * 400 + "万元")
    ]


def test_a_run_of_5400_chinese_digits_is_no_amount() -> None:
    record = parse_case("txt_chinese_digit_run")
    assert record["provisions"][0]["amounts"] == []
    assert codes(record) == []


# ---------------------------------------------------------------- budgets


def test_merged_cells_copy_their_text_down_within_a_budget() -> None:
    record = parse_case("docx_merged_cells")
    tasks = [p["cells"]["工作任务"] for p in record["provisions"]]
    # 120,000 characters a copy: rows 2–17 take 16 copies (1,920,000); row 18 would pass
    # 2,000,000, so it and the rows after it are empty
    assert tasks == [LONG_CELL] * 17 + [""] * 13
    warning = record["warnings"][-1]
    assert (warning["code"], warning["line"]) == ("merged-cells-budget", 20)  # row 18: block 20


def _json_size(data: bytes, fmt: str) -> int:
    record = writable(parse_record(data, format=fmt, name=f"size.{fmt}"))
    return len(json.dumps(record, ensure_ascii=False))


def test_a_list_start_does_not_grow_the_record() -> None:
    """The same two paragraphs from 1 and from 5e9 in upperLetter: the records differ by
    the labels' digits and the warning, not by 192 million letters."""
    body = paragraph("总体要求", "1") + paragraph("工作任务", "1")
    plain = _json_size(docx(body, one_list("1", "upperLetter")), "docx")
    bomb = _json_size(docx(body, one_list("5000000000", "upperLetter")), "docx")
    assert bomb - plain < 400


def test_merged_rows_past_the_budget_cost_only_their_own_cells() -> None:
    """Ten times the rows under the merged cell: the 270 rows more add their numbers and
    units (about 300 characters a row), no more copies of the 120,000-character cell."""
    small = _json_size(docx(merged_table(30)), "docx")
    large = _json_size(docx(merged_table(300)), "docx")
    assert large - small < 270 * 1_000


def test_a_record_past_its_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "RECORD_FLOOR", 0)
    monkeypatch.setattr(budget, "RECORD_RATIO", 2)
    data = "一、总体要求\n".encode()  # 19 bytes: a record of ~1,000 characters is over 38
    with pytest.raises(LoadError) as caught:
        parse_record(data, format="txt", name="small.txt")
    assert caught.value.reason.startswith("the record would exceed 0 MB (2× the input's size")


def test_the_record_size_is_about_its_json_length() -> None:
    record = parse_case("txt_deadline_year_overflow")
    size = len(json.dumps(record, ensure_ascii=False))
    assert size * 0.8 < budget.record_size(record, 10**9) < size * 1.5


# ---------------------------------------------------------------- the safety net


@pytest.mark.parametrize(
    ("raised", "kind", "reason"),
    [
        (ValueError("negative\nseek value -5"), LoadError,
         "cannot read the file: unexpected ValueError: negative seek value -5"),
        (KeyError("w:val"), LoadError, "cannot read the file: unexpected KeyError: 'w:val'"),
        (IndexError(), LoadError, "cannot read the file: unexpected IndexError"),
        (RecursionError("maximum recursion depth exceeded"), ResourceError,
         "the document exhausted Python's recursion limit (RecursionError)"),
        (MemoryError(), ResourceError, "the document exhausted memory (MemoryError)"),
    ],
)  # fmt: skip
def test_any_other_exception_becomes_one_line_naming_its_type(
    monkeypatch: pytest.MonkeyPatch, raised: Exception, kind: type[LoadError], reason: str
) -> None:
    from policyparse.loaders import text as text_loader

    def broken(data: bytes, **kwargs: Any) -> Any:
        raise raised

    monkeypatch.setattr(text_loader, "load", broken)
    with pytest.raises(kind) as caught:
        parse_record(b"x", format="txt", name="a.txt")
    assert type(caught.value) is kind
    assert str(caught.value) == f"a.txt: {reason}"
    assert caught.value.__cause__ is raised


def test_an_exception_from_a_library_names_its_module(monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    from policyparse.loaders import text as text_loader

    def broken(data: bytes, **kwargs: Any) -> Any:
        raise zipfile.LargeZipFile("x" * 500)

    monkeypatch.setattr(text_loader, "load", broken)
    with pytest.raises(LoadError) as caught:
        parse_record(b"x", format="txt", name="a.txt")
    assert caught.value.reason == (
        "cannot read the file: unexpected zipfile.LargeZipFile: " + "x" * 199 + "…"
    )


# ---------------------------------------------------------------- linear scans


class _Scanned:
    """A compiled pattern that counts the characters its searches pass over: the work
    that was quadratic when every unclosed ``<!--`` scanned to the end for ``-->``."""

    def __init__(self, pattern: Any, counter: list[int]) -> None:
        self._pattern, self._counter, self.pattern = pattern, counter, pattern.pattern

    def search(self, text: str, pos: int = 0) -> Any:
        m = self._pattern.search(text, pos)
        self._counter[0] += (m.end() if m else len(text)) - pos
        return m


def _scanned_chars(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object]) -> int:
    from policyparse.loaders import spans
    from policyparse.loaders.html import source

    counter = [0]
    monkeypatch.setattr(spans, "_COMMENT_OPEN", _Scanned(spans._COMMENT_OPEN, counter))
    monkeypatch.setattr(spans, "_COMMENT_CLOSE", _Scanned(spans._COMMENT_CLOSE, counter))
    monkeypatch.setattr(source, "_OPAQUE", _Scanned(source._OPAQUE, counter))
    monkeypatch.setattr(source, "_COMMENT_END", _Scanned(source._COMMENT_END, counter))
    run()
    return counter[0]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_unclosed_comments_are_scanned_in_linear_work(
    monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    def run(openers: int) -> Callable[[], object]:
        if fmt == "md":
            data = ("# 标题\n\n一、总体要求\n" + "<!--" * openers).encode()
        else:
            data = html_deep_then_unclosed_comments(openers)
        return lambda: parse_record(data, format=fmt, name=f"c.{fmt}")

    small = _scanned_chars(monkeypatch, run(2_000))
    large = _scanned_chars(monkeypatch, run(8_000))
    # 4 × the openers: about 4 × the characters scanned when linear, 16 × when quadratic
    assert 3 < large / small < 5
    assert large < 10 * len("<!--") * 8_000  # a few passes over the text, not one per opener


def test_remove_comments_scans_each_character_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "<!--a-->b" * 100 + "<!--" * 5_000
    scanned = _scanned_chars(monkeypatch, lambda: remove_comments(text, lambda _: ""))
    assert scanned <= 3 * len(text)


# ---------------------------------------------------------------- the real reproducers

HOSTILE = CORPUS / "hostile"
REAL = sorted(
    p for p in HOSTILE.glob("*")
    if p.suffix in {".docx", ".html", ".md", ".txt"} and p.name != "README.md"
) if HOSTILE.is_dir() else []  # fmt: skip

# What each real file gives now: an error's start, or the warning codes of its record.
REAL_ERRORS = {
    "docx_bytes_deleted.docx": "corrupt DOCX: cannot read _rels/.rels (negative seek value",
    "docx_eocd_bad_offset.docx": "corrupt DOCX: cannot read _rels/.rels (negative seek value",
}
REAL_WARNINGS = {
    "docx_numbering_4300digits.docx": ["numbering-overflow", "no-provisions"],
    "docx_numbering_letter_bomb.docx": ["numbering-overflow", "no-provisions"],
    "docx_sym_110000.docx": [],
    "docx_sym_d800.docx": ["lone-surrogates"],
    "html_charset_rot13.html": [],
    "html_charset_undefined.html": ["no-provisions"],
    "html_unicode_escape_surrogate.html": [],
    "html_deep_then_unclosed_comments_120k.html": ["markup-junk"],
    "html_deep_then_unclosed_comments_240k.html": ["markup-junk"],
    "md_unclosed_comments_120k.md": [],
    "txt_amount_infinity.txt": ["amount-out-of-range"],
    "txt_deadline_year_overflow.txt": [],
}


@pytest.mark.skipif(not REAL, reason="../shared/corpus/hostile not present")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_reproducers(path: Path) -> None:
    if path.name in REAL_ERRORS:
        with pytest.raises(LoadError) as caught:
            parse_record(path)
        assert caught.value.reason.startswith(REAL_ERRORS[path.name])
        return
    try:
        record = writable(parse_record(path))
    except PolicyParseError as error:  # a reproducer added to the corpus since
        pytest.fail(f"{path.name}: {error}")
    assert codes(record) == REAL_WARNINGS[path.name]
