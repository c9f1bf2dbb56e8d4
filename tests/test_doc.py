"""Legacy Word .doc and .wps: fixtures/doc/notice.doc (made by fixtures/doc/make_doc.py with
LibreOffice from text written there) and the two .doc files of the real corpus."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from policyparse import parse
from policyparse.errors import LoadError, UnsupportedFormat
from policyparse.formats import detect
from policyparse.loaders.doc import fallback as fallback_module
from policyparse.loaders.doc import load
from policyparse.loaders.doc.paragraphs import Marks
from policyparse.loaders.doc.stream import Piece, Stream, read_pieces
from policyparse.settings import ParseOptions
from policyparse.text import InputFormat

from .conftest import FIXTURES, corpus_path

OPTIONS = ParseOptions()
NOTICE = FIXTURES / "doc" / "notice.doc"


def _load(data: bytes, name: str = "notice.doc"):  # type: ignore[no-untyped-def]
    return load(data, name=name, options=OPTIONS)


def test_paragraphs_in_order_with_fields_and_breaks_resolved() -> None:
    text = _load(NOTICE.read_bytes())
    assert [(line.number, line.text) for line in text.lines] == [
        (1, "青川县农业农村局文件"),
        (2, "青农发〔2024〕12号"),
        # A line break between two CJK characters joins them (as in the DOCX loader).
        (3, "青川县农业农村局关于印发农机安全生产检查方案的通知"),
        (4, "各乡镇人民政府："),
        (5, "为做好农机安全生产工作，现将有关事项通知如下。"),
        (6, "一、检查范围"),
        (7, "（一）拖拉机和联合收割机。"),
        (8, "（二）植保无人驾驶航空器。"),
        (9, "二、责任分工"),
        # Rows 10–12 are the table; the HYPERLINK field shows its result, not its code.
        (13, "三、联系方式。详见县农业农村局网站。"),
        (14, "青川县农业农村局"),
        (15, "2024年3月5日"),
    ]
    assert text.format is InputFormat.DOC and text.reflow is False


def test_table_cells_and_rows_from_cell_marks() -> None:
    (table,) = _load(NOTICE.read_bytes()).tables
    assert table.line == 10
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["任务", "牵头单位", "完成时限"],
        ["隐患排查", "县农业农村局", "6月底\n每月报告进度"],  # two paragraphs in one cell
        ["宣传培训", "", "7月底"],  # an empty cell is a cell, not the row's end
    ]
    assert [row[0].line for row in table.rows] == [10, 11, 12]


def test_wps_name_and_no_name_are_read_by_content() -> None:
    data = NOTICE.read_bytes()
    assert detect(data, "公文.wps") is InputFormat.DOC
    assert detect(data, None) is InputFormat.DOC
    assert detect(data, "misnamed.txt") is InputFormat.DOC
    with pytest.raises(UnsupportedFormat, match="spreadsheets are not supported"):
        detect(data, "book.xls")


def test_docx_or_html_named_doc_is_read_as_what_it_is() -> None:
    docx = (FIXTURES / "docx").glob("*.docx")
    sample = next(iter(sorted(docx)), None)
    if sample is not None:
        assert detect(sample.read_bytes(), "download.doc") is InputFormat.DOCX
    page = "<html><body><p>一、总体要求</p></body></html>".encode()
    assert detect(page, "download.doc") is InputFormat.HTML
    with pytest.raises(UnsupportedFormat, match="RTF is not supported"):
        detect(b"{\\rtf1\\ansi hello}", "download.doc")


def test_whole_record_from_a_doc() -> None:
    doc = parse(NOTICE)
    assert doc.source.format == "doc" and doc.source.ocr is False
    assert doc.meta.title == "青川县农业农村局关于印发农机安全生产检查方案的通知"
    assert doc.meta.doc_number == "青农发〔2024〕12号"
    assert [(p.id, p.label) for p in doc.provisions] == [
        ("1", "一、"), ("1.1", "（一）"), ("1.2", "（二）"), ("2", "二、"),
        ("2.1", ""), ("2.2", ""),  # the task table's rows, under the heading above it
        ("3", "三、"),
    ]  # fmt: skip
    assert doc.provisions[4].cells == {
        "任务": "隐患排查", "牵头单位": "县农业农村局", "完成时限": "6月底\n每月报告进度"
    }  # fmt: skip


def _word_stream_offset(data: bytes) -> int:
    """Where the WordDocument stream starts in the file: the sector holding the FIB's magic
    (0xA5EC) followed by this fixture's nFib."""
    for offset in range(512, len(data), 512):
        if data[offset : offset + 2] == b"\xec\xa5":
            return offset
    raise AssertionError("no FIB in the fixture")


def _patched(flags: int | None = None, nfib: int | None = None) -> bytes:
    data = bytearray(NOTICE.read_bytes())
    at = _word_stream_offset(bytes(data))
    if nfib is not None:
        struct.pack_into("<H", data, at + 2, nfib)
    if flags is not None:
        struct.pack_into(
            "<H", data, at + 0x0A, struct.unpack_from("<H", data, at + 0x0A)[0] | flags
        )
    return bytes(data)


def test_encrypted_doc_is_refused() -> None:
    with pytest.raises(LoadError) as caught:
        _load(_patched(flags=0x0100))
    assert caught.value.reason == (
        "encrypted .doc (password-protected): remove the password in Word first"
    )


def test_word95_without_libreoffice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fallback_module.shutil, "which", lambda name: None)
    with pytest.raises(LoadError) as caught:
        _load(_patched(nfib=0x0060))
    assert caught.value.reason == "Word 6/95 .doc (nFib 0x60) is not read; save it as .docx"


def test_word95_goes_to_libreoffice_when_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stand-in soffice that "converts" by copying a DOCX fixture where LibreOffice would
    write its output: the fallback's contract, without LibreOffice's seconds."""
    sample = sorted((FIXTURES / "docx").glob("*.docx"))[0]
    fake = tmp_path / "soffice"
    fake.write_text(
        f'#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\ncp "{sample}" "$2/input.docx"\n'
    )
    fake.chmod(0o755)
    monkeypatch.setattr(fallback_module.shutil, "which", lambda name: str(fake))
    text = _load(_patched(nfib=0x0060))
    assert text.format is InputFormat.DOC
    assert text.notes[0].code == "converted"
    assert text.notes[0].message == (
        "read through LibreOffice: Word 6/95 .doc (nFib 0x60) is not read; save it as .docx"
    )
    assert any(line.text.strip() for line in text.lines)


def test_ole2_that_is_not_word_is_refused() -> None:
    data = NOTICE.read_bytes().replace(
        "WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le")
    )
    with pytest.raises(LoadError, match=r"^not a Word document: an OLE2 file with "):
        _load(data)


def test_truncated_doc_is_refused_in_one_line() -> None:
    with pytest.raises(LoadError) as caught:
        _load(NOTICE.read_bytes()[:1500])
    assert caught.value.reason == "corrupt .doc: not a readable OLE2 compound file"


def test_compressed_pieces_read_as_windows_1252_with_words_table() -> None:
    """A piece stored one byte a character (fCompressed): 0x93/0x94 are “ ”, 0x85 is …."""
    stream = object.__new__(Stream)
    stream.word = b"\0" * 16 + b"\x93Hi\x94\x85" + "中文".encode("utf-16-le")
    stream.pieces = [Piece(0, 5, 16, True), Piece(5, 7, 21, False)]
    stream._starts = [0, 5]
    assert stream.text(0, 7) == "\u201cHi\u201d\u2026中文"
    assert stream.text(3, 6) == "\u201d\u2026中"
    assert (stream.fc(1), stream.fc(6)) == (17, 23)


def test_piece_table_is_read_after_property_runs() -> None:
    """A CLX: one Prc (clxt 1, 2 bytes of sprms), then the Pcdt (clxt 2) with two pieces;
    the second is compressed (bit 30), its FC stored doubled."""
    plc = struct.pack("<3I", 0, 4, 9)
    pcds = struct.pack("<HIH", 0, 0x800, 0) + struct.pack("<HIH", 0, 0x40000000 | 0x2000, 0)
    clx = b"\x01" + struct.pack("<h", 2) + b"\0\0" + b"\x02" + struct.pack("<I", 28) + plc + pcds
    assert read_pieces(clx, (0, len(clx))) == [
        Piece(0, 4, 0x800, False),
        Piece(4, 9, 0x1000, True),
    ]


def test_unreadable_paragraph_properties_do_not_fail() -> None:
    marks = Marks(b"", b"", (0, 0))
    assert marks.readable is False
    assert marks.at(123).row_end is False


@pytest.mark.parametrize(
    ("name", "title", "doc_number", "levels"),
    [
        (
            "r01_hainan_agrimach_subsidy_plan_wps.doc",
            "关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知",
            None,  # none is printed on this notice
            {"cn": 7, "cn_paren": 25},
        ),
        (
            "r03_handan_org_dept_notice_2018.doc",
            None,  # the title runs over three paragraphs: meta's to join (issue 15)
            "邯组通字〔2018〕39号",
            {"cn": 7, "cn_paren": 0},
        ),
    ],
)
def test_corpus_real_docs(
    name: str, title: str | None, doc_number: str | None, levels: dict[str, int]
) -> None:
    """Level counts from SOURCES.md, read off LibreOffice's text of the same files: lines
    opening with 一、-type and （一）-type labels."""
    doc = parse(corpus_path("real", name))
    if title is not None:
        assert doc.meta.title == title
    assert doc.meta.doc_number == doc_number
    for style, count in levels.items():
        assert sum(1 for p in doc.provisions if p.style == style) == count


def _reader(text: str):  # type: ignore[no-untyped-def]
    """A BodyReader over ``text`` as one Unicode piece, with no paragraph properties."""
    from policyparse.loaders.doc.body import BodyReader
    from policyparse.loaders.doc.stream import Fib

    stream = object.__new__(Stream)
    stream.word = text.encode("utf-16-le")
    stream.pieces = [Piece(0, len(text), 0, False)]
    stream._starts = [0]
    stream.fib = Fib(0x101, "0Table", len(text), (0, 0), (0, 0))
    reader = BodyReader(stream, Marks(b"", b"", (0, 0)))
    reader.read()
    return reader


def test_fields_nest_and_show_only_their_results() -> None:
    text = (
        "见\x13 IF \x13 PAGE \x141\x15 = 1 \x14第一页\x15。\r"  # nested: the outer result
        "页码\x13 NUMPAGES \x15完\r"  # no separator: nothing shown
        "多余\x15标记\t与\x1e号\x1f码\r"  # a stray end mark, a tab, hyphens
    )
    assert [line.text for line in _reader(text).lines] == [
        "见第一页。",
        "页码完",
        "多余标记 与-号码",
    ]


def test_rows_by_shape_when_properties_are_unreadable() -> None:
    """Without FKPs a lone U+0007 after a cell mark ends the row (an empty cell then reads
    as a row end: the properties are what tells them apart, when there are any)."""
    reader = _reader("甲\x07乙\x07\x07丙\x07丁\x07\x07后文\r")
    (table,) = reader.tables
    assert [[cell.text for cell in row] for row in table.rows] == [["甲", "乙"], ["丙", "丁"]]
    assert [(line.number, line.text) for line in reader.lines] == [(3, "后文")]
