"""PDFs as offices make them (issue 15), at the loader: WPS 文字's glyph-by-glyph text
objects, Chrome's "Save as PDF" of a portal page, and vertical writing.

The fixture PDFs come from fixtures/make_pdf.py, whose block lists are the documents' text
as written; the pages drawn here use its :class:`Writer`, which places each glyph in its
own text object the way WPS does (``/F 100 Tf`` under a ``0.16 0 0 -0.16`` matrix in a
y-down ``cm``, or ``/F 1 Tf`` under ``16 0 0 16 … Tm``).
"""

from __future__ import annotations

import importlib.util
import io
from types import ModuleType

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from policyparse.loaders.pdf import load
from policyparse.loaders.pdf.text import read_pages
from policyparse.settings import ParseOptions

from .conftest import FIXTURES

OPTIONS = ParseOptions()


def _make_pdf() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pdf", FIXTURES / "make_pdf.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE_PDF = _make_pdf()


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_wps_fixture_reads_every_block_in_order() -> None:
    """Both of the fixture's pages (the two ways WPS splits a size between Tf and the
    matrices), the text of every block in the order written, nothing interleaved."""
    data = (FIXTURES / "docs" / "qa_sz_wps_measures.pdf").read_bytes()
    text = load(data, name="wps.pdf", options=OPTIONS)
    blocks = [*MAKE_PDF.NOTICE, *MAKE_PDF.MEASURES]
    written = "".join(_squeezed(block) for kind, _, block in blocks if kind != "gap")
    assert "".join(_squeezed(line.text) for line in text.lines) == written
    assert text.notes == []


FIRST, SECOND = "各街道办事处，区直各单位：", "现将有关事项通知如下。"


def _drawn_out_of_order(mode: str, order: str) -> bytes:
    """Two short lines, 29 pt apart, each glyph its own text object, the objects written
    in ``order``: the lines' glyphs alternating, or the whole page backwards."""
    writer = MAKE_PDF.Writer()
    writer.start_page(mode)
    size, left = MAKE_PDF.SIZE, MAKE_PDF.LEFT
    first = [(left + size * k, 110.0, char) for k, char in enumerate(FIRST)]
    second = [(left + size * k, 139.0, char) for k, char in enumerate(SECOND)]
    if order == "alternating":
        glyphs = [g for pair in zip(first, second, strict=False) for g in pair]
        glyphs += first[len(second) :]
    else:
        glyphs = (first + second)[::-1]
    for x, y, char in glyphs:
        writer.glyph(x, y, char, size)
    writer.c.showPage()
    return bytes(writer.bytes())


@pytest.mark.parametrize("mode", ["flipped", "unit-font"])
@pytest.mark.parametrize("order", ["alternating", "backwards"])
def test_wps_glyphs_drawn_out_of_order_read_in_lines(mode: str, order: str) -> None:
    text = load(_drawn_out_of_order(mode, order), name="wps.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == [FIRST, SECOND]


def test_a_two_page_browser_print_drops_header_and_footer_on_every_page() -> None:
    """fixtures/make_pdf.py ``browser_print``: at 8 pt, the print time left and the page's
    title centred 20 pt from the top, the address left and "n/2" right 14 pt from the foot,
    on both pages; a header line joins its two parts with two spaces (a gap of many ems
    next to CJK), a footer line with one (Latin either side)."""
    data = (FIXTURES / "docs" / "qa_nc_browser_print.pdf").read_bytes()
    text = load(data, name="print.pdf", options=OPTIONS)
    title, url = MAKE_PDF.PORTAL_TITLE, MAKE_PDF.PORTAL_URL
    assert [(n.code, n.message, n.text) for n in text.notes] == [
        (
            "page-furniture",
            "dropped 2 browser header line(s) on page(s) 1–2",
            f"2024/5/8 10:23  {title}\n2024/5/8 10:23  {title}",
        ),
        (
            "page-furniture",
            "dropped 2 browser footer line(s) on page(s) 1–2",
            f"{url} 1/2\n{url} 2/2",
        ),
    ]
    lines = [line.text for line in text.lines]
    # the title first, then the 索引号 block as lines (cells two spaces apart) for the
    # metadata reader, then the body, its paragraph over the page break whole
    assert lines[0] == title
    assert lines[1] == "索引号：  11440300MB2C12345X/2024-00123  主题分类：  综合政务"
    assert lines[4] == "文号：  宁府办函〔2024〕8号  发布日期：  2024-03-06"
    body = MAKE_PDF.PORTAL_BODY
    assert lines[5:13] == body
    assert lines[13:] == ["宁川区人民政府办公室", "2024年3月4日"]


def test_vertical_writing_keeps_each_glyphs_own_baseline() -> None:
    """STSong-Light written vertically (UniGB-UCS2-V): each glyph of a column steps 12 pt
    down the page, its origin 0.88 em above its top edge (the default vertical metrics,
    DW2 [880 -1000]) and half an em left of the pen (the glyph's centre on it). A text
    object of vertical writing does not share one baseline as a horizontal one does."""
    font = UnicodeCIDFont("STSong-Light", isVertical=True)
    font.name = font.fontName = "STSong-Light-V"
    pdfmetrics.registerFont(font)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595.0, 842.0))
    c.setFont("STSong-Light-V", 12)
    c.drawString(300, 700, "竖排文字")
    c.save()
    [page], _ = read_pages(buffer.getvalue())
    top = 842.0 - 700.0
    assert [(g.char, g.x0, round(g.base, 2)) for g in page.glyphs] == [
        (char, 294.0, round(top + 0.88 * 12 + 12 * k, 2)) for k, char in enumerate("竖排文字")
    ]
