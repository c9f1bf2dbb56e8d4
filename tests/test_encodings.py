"""Encodings are detected, never assumed; the one used is reported in source.encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from policyparse import parse
from policyparse.encoding import decode
from policyparse.errors import DecodeError

from .conftest import corpus_path

NOTICE = (
    "关于做好2024年春耕生产工作的通知\n"
    "各县（市、区）农业农村局：\n"
    "现将有关事项通知如下。\n"
    "一、抓好种子供应\n"
    "（一）加强市场检查。开展种子质量抽检。（责任单位：市农业农村局、市市场监管局）\n"
    "二、强化技术服务\n"
)


def _provisions(path: Path) -> list[tuple[str, str, str]]:
    return [(p.id, p.label, p.text) for p in parse(path).provisions]


@pytest.mark.parametrize(
    ("codec", "prefix", "reported"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("gb18030", b"", "gb18030"),
        ("gbk", b"", "gb18030"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
    ],
)
def test_encoding_is_detected(tmp_path: Path, codec: str, prefix: bytes, reported: str) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(prefix + NOTICE.replace("\n", "\r\n").encode(codec))
    doc = parse(path)
    assert doc.source.encoding == reported
    assert [(p.id, p.label) for p in doc.provisions] == [
        ("1", "一、"),
        ("1.1", "（一）"),
        ("2", "二、"),
    ]
    assert doc.provisions[1].responsibility is not None
    assert doc.provisions[1].responsibility.lead == ["市农业农村局", "市市场监管局"]
    assert doc.meta.title == "关于做好2024年春耕生产工作的通知"


def test_gb18030_only_characters_survive() -> None:
    text = "一、喆•𠀀测试。\n"  # 喆 is GBK-only, • and U+20000 need GB18030's four-byte forms
    assert decode(text.encode("gb18030")).text == text


def test_binary_bytes_are_not_text() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(256)) * 20)


def test_damaged_utf8_is_decoded_with_replacement_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(NOTICE.encode("utf-8").replace("抓好".encode(), b"\xff\xfe", 1))
    doc = parse(path)
    assert doc.source.encoding == "utf-8"
    assert "undecodable-bytes" in {w.code for w in doc.warnings}
    assert doc.provisions[0].text == "\ufffd\ufffd种子供应"


@pytest.mark.parametrize(
    ("encoded", "seed", "encoding"),
    [
        ("002_gb18030.txt", "002.txt", "gb18030"),
        ("003_utf8bom_crlf.txt", "003.txt", "utf-8-sig"),
        ("004_utf16bom.txt", "004.txt", "utf-16"),
    ],
)
def test_corpus_encodings_match_their_seed(encoded: str, seed: str, encoding: str) -> None:
    path = corpus_path("encodings", encoded)
    assert parse(path).source.encoding == encoding
    assert _provisions(path) == _provisions(corpus_path("seeds", seed))
