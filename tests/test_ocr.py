"""OCR of scanned pages (the ``ocr`` extra): fixtures/ocr/page.png (drawn by
fixtures/ocr/make_page.py from the text asserted here), the same page as an image-only PDF,
and the scanned 农业农村部 opinion of the real corpus. The engine-free parts (the error
without the extra, boxes into glyphs) run everywhere."""

from __future__ import annotations

import io

import pytest

from policyparse import parse
from policyparse.errors import LoadError
from policyparse.formats import detect
from policyparse.loaders import ocr
from policyparse.loaders.ocr import MISSING, glyphs
from policyparse.loaders.ocr.engine import IMAGE_MISSING, Box
from policyparse.settings import ParseOptions
from policyparse.text import InputFormat

from .conftest import FIXTURES, corpus_path

PAGE = FIXTURES / "ocr" / "page.png"
needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason="the ocr extra is not installed: pip install 'policyparse[ocr]'"
)
BODY = (
    "为保障春耕生产顺利进行，现将全县农机检修工作有关事项通知如下：各乡镇要在三月底前完成"
    "辖区内全部拖拉机、播种机和植保机械的检修工作并逐台登记检修情况，建立台账，确保春耕期间"
    "农机安全运行，不发生重大安全事故。"
)


def _image_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.drawImage(ImageReader(str(PAGE)), 0, 0, *A4)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_without_the_extra_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(LoadError) as caught:
        parse(PAGE)
    assert caught.value.reason == IMAGE_MISSING
    assert "pip install 'policyparse[ocr]'" in IMAGE_MISSING and "pip install" in MISSING


def test_images_are_detected_by_their_bytes() -> None:
    assert detect(PAGE.read_bytes(), "scan.png") is InputFormat.PNG
    assert detect(PAGE.read_bytes(), "scan.jpg") is InputFormat.PNG  # the bytes win
    assert detect(PAGE.read_bytes(), None) is InputFormat.PNG
    assert detect(b"\xff\xd8\xff\xe0" + b"\0" * 64, "photo.jpg") is InputFormat.JPEG
    assert detect(b"II*\x00" + b"\0" * 64, None) is InputFormat.TIFF


def test_a_box_is_shared_out_an_em_to_cjk_and_half_to_the_rest() -> None:
    # 6 characters: 4 CJK (1 em each) and 2 digits (½ em each) over 100 px → 20 px an em.
    out = glyphs(Box("第12条规定", 10, 50, 110, 70, 0.99), 2.0, 0)
    assert [g.char for g in out] == list("第12条规定")
    assert [round(g.x0, 2) for g in out] == [5.0, 15.0, 20.0, 25.0, 35.0, 45.0]
    assert {g.size for g in out} == {10.0}  # min(an em's share, the box height), in points
    assert {(g.top, g.bottom, g.base) for g in out} == {(25.0, 35.0, 35.0)}


@needs_ocr
def test_a_page_image_becomes_a_record() -> None:
    doc = parse(PAGE)
    assert (doc.source.format, doc.source.ocr, doc.source.pages) == ("png", True, 1)
    assert doc.meta.title == "关于开展春季农机检修的通知"
    assert doc.meta.recipients == ["各乡镇农业服务中心"]
    assert doc.preamble == [BODY]  # five lines read as one paragraph
    assert [(p.id, p.label, p.text) for p in doc.provisions] == [
        ("1", "一、", "全面开展检修"),
        ("1.1", "（一）", "拖拉机每台检修一次。"),
        ("1.2", "（二）", "播种机在3月底前完成检修。"),
        ("2", "二、", "加强安全宣传"),
        ("2.1", "（一）", "发放安全手册2000份。"),
    ]
    codes = [w.code for w in doc.warnings]
    assert "ocr" in codes
    (furniture,) = [w for w in doc.warnings if w.code == "page-furniture"]
    assert furniture.text == "— 1 —"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@needs_ocr
def test_a_pdf_without_text_layer_is_read_by_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(ocr.sys, "stderr", terminal)
    doc = parse(_image_pdf(), format="pdf", name="scan.pdf")
    # Progress goes to a terminal, a line a page; a pipe or a log gets none (test_cli).
    assert terminal.getvalue() == "policyparse: OCR scan.pdf: page 1/1\n"
    assert (doc.source.format, doc.source.ocr, doc.source.pages) == ("pdf", True, 1)
    assert doc.meta.title == "关于开展春季农机检修的通知"
    assert [p.label for p in doc.provisions] == ["一、", "（一）", "（二）", "二、", "（一）"]


@needs_ocr
def test_corpus_real_scan_headings_and_items() -> None:
    """SOURCES.md: the 意见 has three level-1 headings; reading the scan, 二、主要任务 holds
    six （一） items, 一、 and 三、 none."""
    data = corpus_path("real", "r02_moa_agrimach_subsidy_opinion_scan.pdf").read_bytes()
    doc = parse(data, format="pdf", name="r02.pdf", options=ParseOptions())
    assert doc.source.ocr is True and doc.source.pages == 8
    assert doc.meta.title == (
        "农业农村部办公厅关于加力推进农机购置与应用补贴“优机优补”“有进有出”的意见"
    )
    top = [(p.label, p.heading) for p in doc.provisions if p.level == 1]
    assert top == [("一、", "总体要求"), ("二、", "主要任务"), ("三、", "保障措施")]
    items = [p.heading for p in doc.provisions if p.level == 2]
    assert items == [
        "建立区域协作和分区推进机制",
        "建立健全“优机”遴选机制",
        "加力实施“优机优补”",
        "加快推进“有进有出”",
        "强化“优机”评价技术支撑",
        "加强风险防控",
    ]
    assert all(p.parent_id == "2" for p in doc.provisions if p.level == 2)
