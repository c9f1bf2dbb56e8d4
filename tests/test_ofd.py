"""OFD (GB/T 33190): packages written from code (tests/ofdkit.py) and the two real OFDs."""

from __future__ import annotations

import io
import zipfile

import pytest

from policyparse import parse
from policyparse.errors import LoadError
from policyparse.formats import detect
from policyparse.loaders.ofd import load
from policyparse.loaders.ofd.content import steps
from policyparse.settings import ParseOptions
from policyparse.text import InputFormat

from .conftest import corpus_path
from .ofdkit import make_ofd, text_object

OPTIONS = ParseOptions()
EM = 5.6  # mm: 三号 仿宋, 28 characters to a 156 mm line (GB/T 9704)
LEFT, INDENT = 28.0, 28.0 + 2 * EM
PITCH = 10.2
BODY = (
    "为做好春季农机检修工作，保障春耕生产安全，现将有关事项通知如下：各乡镇要在三月底前"
    "完成辖区内拖拉机、联合收割机和植保机械的检修工作，逐台建立检修台账。"
)
# 〔 and the digits: CJK characters step an em, digits half an em; "g N d" is N steps of d.
NUMBER_DELTA = "g 4 5.6 g 4 2.8 5.6 g 2 2.8"


def _body_lines(top: float) -> list[str]:
    """BODY set as Word would: 26 characters after the 2-em indent, then 28 a line."""
    parts = [BODY[:26], BODY[26:54], BODY[54:]]
    xs = [INDENT, LEFT, LEFT]
    return [
        text_object(20 + k, x, top + k * PITCH, part)
        for k, (x, part) in enumerate(zip(xs, parts, strict=True))
    ]


def _centred(oid: int, y: float, text: str, size: float = EM, font: int = 2) -> str:
    return text_object(oid, 105 - size * len(text) / 2, y, text, size=size, font=font)


def _notice(**kwargs) -> bytes:  # type: ignore[no-untyped-def]
    page1 = [
        text_object(10, 77.0, 50, "青农发〔2024〕12号", delta=NUMBER_DELTA),
        _centred(11, 65, "关于做好春季农机检修工作的通知", size=7.7, font=1),
        text_object(12, LEFT, 85, "各乡镇人民政府："),
        *_body_lines(85 + PITCH),
        text_object(30, INDENT, 85 + 4 * PITCH, "一、检查范围", font=3),
        text_object(31, INDENT, 85 + 5 * PITCH, "（一）拖拉机和联合收割机。"),
        _centred(39, 265, "— 1 —"),
    ]
    page2 = [
        text_object(40, INDENT, 37, "（二）植保无人驾驶航空器。"),
        text_object(41, INDENT, 37 + PITCH, "二、工作要求", font=3),
        text_object(42, INDENT, 37 + 2 * PITCH, "各乡镇于4月10日前报送检修情况。"),
        text_object(43, 120, 37 + 5 * PITCH, "青川县农业农村局"),
        text_object(44, 122.8, 37 + 6 * PITCH, "2024年3月5日", delta="g 4 2.8 5.6 2.8 5.6 2.8"),
        _centred(49, 265, "— 2 —"),
    ]
    return make_ofd([page1, page2], **kwargs)


def test_text_layer_into_lines_and_paragraphs() -> None:
    text = load(_notice(), name="notice.ofd", options=OPTIONS)
    assert [(line.page, line.text) for line in text.lines] == [
        (1, "青农发〔2024〕12号"),
        (1, "关于做好春季农机检修工作的通知"),
        (1, "各乡镇人民政府："),
        (1, BODY),  # three positioned lines, one paragraph
        (1, "一、检查范围"),
        (1, "（一）拖拉机和联合收割机。"),
        (2, "（二）植保无人驾驶航空器。"),
        (2, "二、工作要求"),
        (2, "各乡镇于4月10日前报送检修情况。"),
        (2, "青川县农业农村局"),
        (2, "2024年3月5日"),
    ]
    assert (text.format, text.pages, text.reflow) == (InputFormat.OFD, 2, False)
    (furniture,) = [note for note in text.notes if note.code == "page-furniture"]
    assert furniture.text == "— 1 —\n— 2 —"


def test_whole_record_from_an_ofd() -> None:
    doc = parse(_notice(), format="ofd", name="notice.ofd")
    assert (doc.source.format, doc.source.pages, doc.source.ocr) == ("ofd", 2, False)
    assert doc.meta.title == "关于做好春季农机检修工作的通知"
    assert doc.meta.doc_number == "青农发〔2024〕12号"
    assert doc.meta.date == "2024-03-05"
    assert [(p.id, p.label) for p in doc.provisions] == [
        ("1", "一、"), ("1.1", "（一）"), ("1.2", "（二）"), ("2", "二、"),
    ]  # fmt: skip


def test_seals_and_stamps_are_notes_never_text() -> None:
    text = load(_notice(signed=True, stamps=2), name="signed.ofd", options=OPTIONS)
    assert [note.message for note in text.notes if note.code == "signature"] == [
        "1 electronic seal(s)/signature(s) (TestSeal 2024-03-05 10:00:00); "
        "a seal is an image, not text",
        "2 stamp annotation(s) (seal images) over the pages; not text",
    ]
    assert "TestSeal" not in "".join(line.text for line in text.lines)


def test_turned_text_is_set_apart() -> None:
    ring = text_object(90, 150, 200, "青川县农业农村局", ctm="0.7071 0.7071 -0.7071 0.7071 0 0")
    data = make_ofd([[_centred(1, 40, "关于检修的通知", font=1), ring]])
    text = load(data, name="seal.ofd", options=OPTIONS)
    assert [line.text for line in text.lines] == ["关于检修的通知"]
    (turned,) = [note for note in text.notes if note.text == "青川县农业农村局"]
    assert turned.code == "page-furniture"


def test_template_page_text_is_read_first() -> None:
    data = make_ofd(
        [[text_object(2, INDENT, 80, "一、检查范围")]],
        template=[_centred(1, 40, "青川县农业农村局文件", size=7.7, font=1)],
    )
    text = load(data, name="tpl.ofd", options=OPTIONS)
    assert [line.text for line in text.lines] == ["青川县农业农村局文件", "一、检查范围"]


def test_detected_by_content_whatever_the_name() -> None:
    data = _notice()
    assert detect(data, None) is InputFormat.OFD
    assert detect(data, "公文.zip") is InputFormat.OFD
    assert detect(data, "公文.docx") is InputFormat.OFD


def test_zip_bomb_is_refused() -> None:
    padding = " " * (2 << 20)  # 2 MB of white space between objects: deflates to ~2 KB
    data = make_ofd([[text_object(1, LEFT, 40, "一、检查范围") + padding]])
    assert len(data) < 20_000
    with pytest.raises(LoadError) as caught:
        load(data, name="bomb.ofd", options=ParseOptions(max_unzipped_bytes=1 << 20))
    assert caught.value.reason == "OFD expands beyond 1 MB (zip bomb?); refusing to read it"


def test_xml_with_a_dtd_is_refused() -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content/></ofd:Page>'
    )
    data = make_ofd([[]], extra={})
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            body = source.read(info)
            out.writestr(info.filename, xxe if "Content.xml" in info.filename else body)
    with pytest.raises(LoadError) as caught:
        load(buffer.getvalue(), name="xxe.ofd", options=OPTIONS)
    assert caught.value.reason == (
        "corrupt OFD: Doc_0/Pages/Page_0/Content.xml declares a DTD, which OFD forbids"
    )


def test_broken_packages_say_why() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("Doc_0/Document.xml", "<x/>")
    assert detect(buffer.getvalue(), "e.ofd") is InputFormat.OFD
    with pytest.raises(LoadError, match=r"^not an OFD: the package has no OFD\.xml$"):
        load(buffer.getvalue(), name="e.ofd", options=OPTIONS)
    with pytest.raises(LoadError, match=r"^OFD has no text layer \(only images\?"):
        load(make_ofd([[]]), name="empty.ofd", options=OPTIONS)


def test_delta_steps() -> None:
    assert steps("5.6 g 3 2.8 5.6") == [5.6, 2.8, 2.8, 2.8, 5.6]
    assert steps("g 2 1 g 1 3") == [1.0, 1.0, 3.0]
    assert steps(None) == [] and steps("") == []
    assert steps("g 999999999 1.5 2", limit=3) == [1.5, 1.5, 1.5]  # no expansion past need
    assert steps("1e999 g 1e999 2 3") == [0.0, 3.0]  # infinities are no steps


def test_hostile_numbers_do_not_break_the_layout() -> None:
    obj = (
        '<ofd:TextObject ID="1" Font="2" Size="nan" HScale="1e999" Boundary="28 40 100 7">'
        '<ofd:TextCode X="inf" Y="5.6" DeltaX="g 1e999 5.6">一、检查范围</ofd:TextCode>'
        "</ofd:TextObject>"
    )
    text = load(make_ofd([[obj]]), name="odd.ofd", options=OPTIONS)
    assert [line.text for line in text.lines] == ["一、检查范围"]


def test_corpus_real_ofd_letter() -> None:
    doc = parse(corpus_path("real", "r04_bengbu_letter_to_bengshan_district.ofd"))
    assert doc.meta.title == "关于加快南货场铁路涵洞下穿建设的函"
    assert doc.meta.recipients == ["蚌山区政府"]
    assert doc.meta.date == "2023-07-12"
    # The issuer is an image on the page: said in a note, not invented.
    assert any(w.code == "images" for w in doc.warnings)


def test_corpus_real_ofd_reply_with_seal() -> None:
    doc = parse(corpus_path("real", "r05_luqiao_health_bureau_reply_sample.ofd"))
    assert doc.meta.title == "关于同意张阿三同志辞职的批复"
    assert doc.meta.doc_number == "路卫发〔2011〕76号"
    assert doc.source.pages == 2
    assert [w.code for w in doc.warnings if w.code == "signature"] == ["signature"]
