"""The hostile corpus rebuilt from code: each reproducer's shape in a few hundred bytes.

../shared/corpus/hostile holds the files a probe found (README there); here each one's
cause is written out small, so the tests run without the corpus and a reader sees what
the bytes do. ``CASES`` maps a name to the input (bytes and the format it is read as);
tests/test_hostile_inputs.py holds what each must give.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

from .test_pdf import pdf_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Case:
    data: bytes
    format: str  # as --input-format names it


def docx(body: str, numbering: str | None = None) -> bytes:
    """A minimal .docx: the body's XML (inside ``w:body``) and an optional numbering part.
    Without relationships the loader falls back to the usual part names."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
        if numbering is not None:
            archive.writestr(
                "word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
            )
    return buffer.getvalue()


def paragraph(text: str, num_id: str | None = None) -> str:
    numbered = (
        f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        if num_id
        else ""
    )
    return f"<w:p>{numbered}<w:r><w:t>{text}</w:t></w:r></w:p>"


def one_list(start: str, fmt: str, pattern: str = "%1、") -> str:
    """numbering.xml content: list 1, one level counting from ``start`` in ``fmt``."""
    return (
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{pattern}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )


def _eocd(data: bytes) -> int:
    return data.rfind(b"PK\x05\x06")


def central_directory_offset(data: bytes) -> int:
    at = _eocd(data)
    return int(struct.unpack("<I", data[at + 16 : at + 20])[0])


def with_bad_eocd_offset(data: bytes) -> bytes:
    """The end record's central directory offset moved 1,000 bytes past where it is:
    zipfile takes the difference for bytes prepended to the archive and seeks each
    member 1,000 bytes before the file's start (``negative seek value``)."""
    at = _eocd(data)
    moved = struct.pack("<I", central_directory_offset(data) + 1000)
    return data[: at + 16] + moved + data[at + 20 :]


def with_bytes_deleted(data: bytes, count: int) -> bytes:
    """``count`` bytes cut out just before the central directory: every member now lies
    ``count`` bytes before where zipfile computes it."""
    cd = central_directory_offset(data)
    return data[: cd - count] + data[cd:]


_NOTICE = paragraph("一、总体要求") + paragraph("二、工作任务")
_NOTICE_DOCX = docx(_NOTICE)
# The header offset of word/document.xml: delete more than that and its seek is negative.
_DOCUMENT_AT = zipfile.ZipFile(io.BytesIO(_NOTICE_DOCX)).getinfo("word/document.xml").header_offset

_TASK_HEADER = "<w:tr>" + "".join(
    f"<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>" for h in ("序号", "工作任务", "牵头单位")
) + "</w:tr>"  # fmt: skip
LONG_CELL = "推进" * 60_000  # 120,000 characters, merged down 30 rows: 3.6 M > the budget
MERGED_ROWS = 30


def _merged_row(number: int, first: bool) -> str:
    merge = '<w:vMerge w:val="restart"/>' if first else "<w:vMerge/>"
    text = f"<w:p><w:r><w:t>{LONG_CELL}</w:t></w:r></w:p>" if first else "<w:p/>"
    return (
        f"<w:tr><w:tc><w:p><w:r><w:t>{number}</w:t></w:r></w:p></w:tc>"
        f"<w:tc><w:tcPr>{merge}</w:tcPr>{text}</w:tc>"
        "<w:tc><w:p><w:r><w:t>市发展改革委</w:t></w:r></w:p></w:tc></w:tr>"
    )


def merged_table(rows: int) -> str:
    """A task table whose 工作任务 cell, LONG_CELL, is merged down ``rows`` rows."""
    return (
        "<w:tbl>"
        + _TASK_HEADER
        + "".join(_merged_row(n, n == 1) for n in range(1, rows + 1))
        + "</w:tbl>"
    )


MERGED_TABLE = merged_table(MERGED_ROWS)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pdf_surrogate_tounicode() -> bytes:
    """Helvetica drawing ``ABC``, its ToUnicode map sending A and B to the two halves of
    a surrogate pair, each alone (D800, DFFF), and C to 一."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar "
        b"<41> <D800> <42> <DFFF> <43> <4E00> endbfchar endcmap "
        b"CMapName currentdict /CMap defineresource pop end end"
    )
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            _stream(b"BT /F1 12 Tf 72 700 Td (ABC) Tj ET"),
            _stream(cmap),
        ]
    )


DEEP_DIVS = 300  # past libxml2's depth limit of 256: the page is read again, flattened


def html_deep_then_unclosed_comments(openers: int) -> bytes:
    return (
        "<html><body>" + "<div>" * DEEP_DIVS + "<p>一、总体要求</p>" + "<!--" * openers
    ).encode()


def md_unclosed_comments(openers: int) -> bytes:
    return ("# 标题\n\n一、总体要求\n" + "<!--" * openers).encode()


CASES: dict[str, Case] = {
    # zipfile: a member's computed offset before the file's start → ValueError
    "docx_bytes_deleted": Case(with_bytes_deleted(_NOTICE_DOCX, _DOCUMENT_AT + 10), "docx"),
    "docx_eocd_bad_offset": Case(with_bad_eocd_offset(_NOTICE_DOCX), "docx"),
    "docx_corrupt_xml": Case(docx("<w:p><w:r><w:t>一、总体要求</w:r></w:p>"), "docx"),
    # w:sym: a lone surrogate; a code beyond Unicode
    "docx_sym_d800": Case(
        docx(
            paragraph("一、总体要求")
            + '<w:p><w:r><w:t>二、A</w:t><w:sym w:char="D800"/></w:r></w:p>'
        ),
        "docx",
    ),
    "docx_sym_110000": Case(
        docx(
            paragraph("一、总体要求")
            + '<w:p><w:r><w:t>二、A</w:t><w:sym w:char="110000"/></w:r></w:p>'
        ),
        "docx",
    ),
    # list numbers: 4,300 digits (int→str limit); upperLetter from 5e9 (a 192M-letter label)
    "docx_numbering_4300digits": Case(
        docx(
            paragraph("总体要求", "1") + paragraph("工作任务", "1"), one_list("9" * 4300, "decimal")
        ),
        "docx",
    ),
    "docx_numbering_letter_bomb": Case(
        docx(
            paragraph("总体要求", "1") + paragraph("工作任务", "1"),
            one_list("5000000000", "upperLetter"),
        ),
        "docx",
    ),
    "docx_numbering_pattern_bomb": Case(
        docx(paragraph("总体要求", "1"), one_list("1", "decimal", "%1" * 5000)), "docx"
    ),
    "docx_merged_cells": Case(docx(paragraph("关于印发任务分工的通知") + MERGED_TABLE), "docx"),
    # charset labels naming codecs that are no charset
    "html_charset_rot13": Case(
        b'<html><head><meta charset="rot13"></head><body><p>\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb'
        b"\xe4\xbd\x93\xe8\xa6\x81\xe6\xb1\x82</p></body></html>",
        "html",
    ),
    "html_charset_undefined": Case(
        b'<html><head><meta charset="undefined"></head><body><p>x</p></body></html>', "html"
    ),
    "html_unicode_escape_surrogate": Case(
        b'<html><head><meta charset="unicode_escape"></head><body><p>'
        b"\xe4\xb8\x80\xe3\x80\x81\\ud800</p></body></html>",
        "html",
    ),
    # a C0 control in text that a tree edit writes back: lxml refused it (mutation run)
    "html_control_after_chrome": Case(
        "<html><body><p>一、总体要求</p><nav>首页</nav>\x11二、工作任务</body></html>".encode(),
        "html",
    ),
    "html_deep_then_unclosed_comments": Case(html_deep_then_unclosed_comments(30_000), "html"),
    "md_unclosed_comments": Case(md_unclosed_comments(30_000), "md"),
    "txt_deadline_year_overflow": Case(
        "关于某事的通知\n9999年12月1日\n一、在5年内完成任务。\n".encode(), "txt"
    ),
    "txt_amount_infinity": Case(f"一、补助{'9' * 400}万元。\n".encode(), "txt"),
    "txt_chinese_digit_run": Case(f"一、补助{'一二三四五六七八九' * 600}元。\n".encode(), "txt"),
    "pdf_tounicode_surrogate": Case(pdf_surrogate_tounicode(), "pdf"),
}
