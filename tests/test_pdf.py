"""The PDF loader on PDFs this file draws itself with reportlab, and on the corpus PDFs.

Every drawn document is laid out by hand below: body text in STSong-Light 12 pt, lines 20 pt
apart, the left margin at 72 pt, a full line of 36 characters ending at 504 pt, a first
line indented by two characters (96 pt). Expected values follow from that layout; the
running line numbers count every physical line from the top of page 1 down, furniture and
table rows included.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from policyparse import parse
from policyparse.errors import LoadError
from policyparse.loaders.ocr import MISSING, NOTHING_FOUND, available
from policyparse.loaders.pdf import load
from policyparse.loaders.pdf.lines import space_between
from policyparse.loaders.pdf.text import FontTable, Glyph
from policyparse.settings import ParseOptions
from policyparse.text import LineHint, Table, Text

from .conftest import corpus_path
from .lossless import extra, missing

OPTIONS = ParseOptions()
# A PDF without a text layer goes to OCR: with the ocr extra installed, OCR finds nothing on
# a blank scan; without it, the error names the command that installs it.
NO_TEXT = NOTHING_FOUND if available() else MISSING

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = A4
LEFT, INDENT, EM, CHARS = 72.0, 96.0, 12.0, 36


class Sheet:
    """A PDF drawn with reportlab, y measured from the top of the page (to the baseline)."""

    def __init__(self, **options: object) -> None:
        self._buffer = io.BytesIO()
        self.c = canvas.Canvas(self._buffer, pagesize=A4, **options)  # type: ignore[arg-type]

    def text(self, x: float, y: float, text: str, size: float = EM, mode: int = 0) -> float:
        """Draw ``text`` (in text render ``mode``); return where it ends."""
        self.c.saveState()  # restores the render mode: a later BT does not reset it
        t = self.c.beginText(x, HEIGHT - y)
        t.setFont(FONT, size)
        t.setTextRenderMode(mode)
        t.textOut(text)
        self.c.drawText(t)
        self.c.restoreState()
        return x + pdfmetrics.stringWidth(text, FONT, size)

    def centred(self, y: float, text: str, size: float = EM) -> None:
        self.text((WIDTH - pdfmetrics.stringWidth(text, FONT, size)) / 2, y, text, size)

    def paragraph(self, y: float, *lines: str, indent: bool = True) -> float:
        """Lines of one wrapped paragraph: every line but the last is a full line."""
        for index, line in enumerate(lines):
            first = index == 0 and indent
            if index < len(lines) - 1:
                assert len(line) == CHARS - 2 * first, (line, len(line))
            self.text(INDENT if first else LEFT, y, line)
            y += 20
        return y

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.c.line(x0, HEIGHT - y0, x1, HEIGHT - y1)

    def page(self) -> None:
        self.c.showPage()

    def bytes(self) -> bytes:
        self.c.save()
        return self._buffer.getvalue()


CORRUPT = "corrupt PDF: damaged or truncated (PDFium: data format error)"
ENCRYPTED = "encrypted PDF (password protected); decrypt it first (e.g. qpdf --decrypt)"
HEADER = "宁州市人民政府办公室"
PRE = (
    "为加快发展银发经济，满足老年人多层次多样化的养老服务需求，推动养老事",
    "业和养老产业协同发展，根据国家和省有关部署，结合本市实际，制定本方案。",
)
GOAL = ("到二〇二七年，全市培育一批养老服务骨干企业，建成一批社区食堂和嵌入式", "养老服务设施。")
P1 = (
    "（一）扩大助餐服务。新建一批社区食堂和老年助餐点，鼓励餐饮企业开设老",
    "年餐桌，推动助餐服务向农村地区全面延伸。（责任单位：市民政局、市商务局）",
)
P2 = "（二）发展智慧养老。推广智能设备，建设智慧养老服务平台。"
P3 = (
    "（三）发展医养结合。推进医疗卫生与养老服务深度融合，支持养老机构内设",
    "医务室和护理站，鼓励医疗机构开展上门服务。（责任单位：市卫生健康委、市医",
)
P3_END = "疗保障局）"
P6 = "（六）加强保障。各部门要加强协作，形成工作合力。"


def plan_pdf() -> bytes:
    """Three pages: a running header on each, a page number at each foot in three forms,
    paragraphs wrapped by hand, one split by the page break inside its clause, a label at
    the left margin under a full line, spaces of every kind, simulated bold both ways, a
    diagonal watermark, and a ruled table with a vertically merged cell."""
    s = Sheet()
    # page 1 — lines 1–14
    s.text(LEFT, 40, HEADER, size=9)  # 1, running header
    s.centred(90, "宁州市银发经济发展实施方案", size=16)  # 2
    s.paragraph(130, *PRE)  # 3–4
    s.text(INDENT, 170, "一、发展目标", mode=2)  # 5, filled and stroked: a simulated bold
    s.paragraph(190, *GOAL)  # 6–7
    s.text(INDENT, 230, "二、重点任务")  # 8
    s.paragraph(250, *P1)  # 9–10, its last line full
    s.text(LEFT, 290, P2)  # 11, at the margin under a full line
    s.paragraph(310, *P3)  # 12–13, the clause runs on to page 2
    s.centred(800, "— 1 —")  # 14
    s.page()
    # page 2 — lines 15–20
    s.text(LEFT, 40, HEADER, size=9)  # 15
    s.text(LEFT, 90, P3_END)  # 16
    # 17: a Latin word between drawn spaces; 〔2020〕19号 set in three runs 0.2 em apart,
    # as LibreOffice's autospace sets a number between CJK text, with no space drawn.
    x = s.text(INDENT, 110, "（四）办好展会。支持企业参加 APEC 技展会，按〔2020〕")
    x = s.text(x + 0.2 * EM, 110, "19")
    s.text(x + 0.2 * EM, 110, "号文件给予补贴。")
    # 18: a drawn space before a number (kept) and one between two characters (not)
    s.text(INDENT, 130, "（五）建设平台。依托 12345 平台受理诉求，完善责任 分工。")
    # 19: its heading drawn a second time 0.4 pt to the right, in other runs than the
    # first, so that PDFium does not fold the copies away itself
    s.text(INDENT, 150, P6)
    s.text(INDENT + 0.4, 150, "（六）加强")
    s.text(INDENT + 0.4 + 5 * EM, 150, "保障。")
    s.c.saveState()
    s.c.translate(200, 400)
    s.c.rotate(45)
    s.c.setFont(FONT, 40)
    s.c.drawString(0, 0, "仅供参考")  # a diagonal watermark: not text of the document
    s.c.restoreState()
    s.centred(800, "- 2 -")  # 20
    s.page()
    # page 3 — header 21, table rows 22–24, then 25–27
    s.text(LEFT, 40, HEADER, size=9)  # 21
    for y in (80, 104, 152):
        s.line(72, y, 522, y)
    s.line(222, 128, 522, 128)  # not through the first column: its cell spans two rows
    for x in (72, 222, 372, 522):
        s.line(x, 80, x, 152)
    for col, text in enumerate(("工作任务", "牵头单位", "完成时限")):
        s.text(76 + 150 * col, 96, text)
    s.text(76, 120, "建设社区食堂")
    s.text(226, 120, "市民政局")
    s.text(376, 120, "二〇二五年底")
    s.text(226, 144, "市商务局")
    s.text(376, 144, "长期")
    s.text(INDENT, 180, "三、保障措施")  # 25
    s.text(INDENT, 200, "各地区各部门要加强组织领导，确保各项任务落到实处。")  # 26
    s.centred(800, "第 3 页 共 3 页")  # 27
    return s.bytes()


@pytest.fixture(scope="module")
def plan() -> Text:
    return load(plan_pdf(), name="plan.pdf", options=OPTIONS)


def test_paragraphs_in_reading_order_with_line_and_page(plan: Text) -> None:
    assert plan.pages == 3
    assert plan.reflow is False
    got = [(line.number, line.page, line.hint, line.text) for line in plan.lines]
    assert got == [
        (2, 1, None, "宁州市银发经济发展实施方案"),
        (3, 1, None, "".join(PRE)),
        (5, 1, LineHint.HEADING, "一、发展目标"),
        (6, 1, None, "".join(GOAL)),
        (8, 1, None, "二、重点任务"),
        (9, 1, None, "".join(P1)),
        (11, 1, None, P2),
        (12, 1, None, "".join(P3) + P3_END),
        (17, 2, None, "（四）办好展会。支持企业参加 APEC 技展会，按〔2020〕19号文件给予补贴。"),
        (18, 2, None, "（五）建设平台。依托 12345 平台受理诉求，完善责任分工。"),
        (19, 2, LineHint.HEADING, P6),
        (25, 3, None, "三、保障措施"),
        (26, 3, None, "各地区各部门要加强组织领导，确保各项任务落到实处。"),
    ]


def test_page_furniture_is_dropped_into_notes(plan: Text) -> None:
    notes = [(n.code, n.message, n.line, n.text) for n in plan.notes]
    assert notes == [
        (
            "page-furniture",
            "dropped 3 running header line(s) on page(s) 1–3",
            1,
            f"{HEADER}\n{HEADER}\n{HEADER}",
        ),
        (
            "page-furniture",
            "dropped 3 page number line(s) on page(s) 1–3",
            14,
            "— 1 —\n- 2 -\n第 3 页共 3 页",  # a space drawn between two characters goes
        ),
        (
            "page-furniture",
            "dropped text that does not run with the page (a watermark?) on page(s) 2",
            None,
            "仅供参考",
        ),
    ]


def test_ruled_table_with_a_merged_cell(plan: Text) -> None:
    assert len(plan.tables) == 1
    table: Table = plan.tables[0]
    assert (table.line, table.page) == (22, 3)
    rows = [[(c.text, c.line, c.page, c.continued) for c in row] for row in table.rows]
    assert rows == [
        [("工作任务", 22, 3, False), ("牵头单位", 22, 3, False), ("完成时限", 22, 3, False)],
        [
            ("建设社区食堂", 23, 3, False),
            ("市民政局", 23, 3, False),
            ("二〇二五年底", 23, 3, False),
        ],
        [("", 24, 3, True), ("市商务局", 24, 3, False), ("长期", 24, 3, False)],
    ]
    body = "".join(line.text for line in plan.lines)
    assert "工作任务" not in body and "长期" not in body, "table text is not body text"


def test_the_whole_pipeline_on_the_plan() -> None:
    doc = parse(plan_pdf(), name="plan.pdf")
    assert doc.source.format == "pdf" and doc.source.pages == 3
    by_label = {p.label: p for p in doc.provisions}
    ids = ["1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.6.1", "2.6.2", "3"]
    assert [p.id for p in doc.provisions] == ids
    # the table's rows (the table reader's work): the merged task cell carries down
    assert by_label["（六）"].text == "加强保障。各部门要加强协作，形成工作合力。"
    assert doc.provisions[9].cells == {
        "工作任务": "建设社区食堂",
        "牵头单位": "市商务局",
        "完成时限": "长期",
    }
    p3 = by_label["（三）"]
    assert p3.text == "".join(P3)[3:].removesuffix("（责任单位：市卫生健康委、市医")
    assert p3.responsibility is not None
    assert p3.responsibility.lead == ["市卫生健康委", "市医疗保障局"]
    assert (p3.source_span.start_line, p3.source_span.page) == (12, 1)
    assert by_label["（一）"].responsibility.lead == ["市民政局", "市商务局"]  # type: ignore[union-attr]
    assert "page-furniture" in {w.code for w in doc.warnings}


def _two_pages(top: str | None, bottom: tuple[str, str] | None) -> bytes:
    s = Sheet()
    for page in (1, 2):
        if top is not None:
            s.text(LEFT, 40, top.format(page), size=9)
        s.paragraph(100, f"第{'一二'[page - 1]}页的正文，只有一行。")
        if bottom is not None:
            s.centred(800, bottom[page - 1])
        s.page()
    return s.bytes()


def _pdfium_text(data: bytes) -> str:
    """Every character on the pages as PDFium reads them, spaces it made up included."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def test_the_plan_loses_nothing_but_the_bold_copies() -> None:
    data = plan_pdf()
    doc = parse(data, name="plan.pdf")
    assert missing(_pdfium_text(data), doc) == Counter("（六）加强保障。")
    assert not extra(_pdfium_text(data), doc)


@pytest.mark.parametrize(
    ("top", "bottom", "dropped"),
    [
        (None, ("— 1 —", "— 2 —"), "— 1 —\n— 2 —"),
        (None, ("- 1 -", "- 2 -"), "- 1 -\n- 2 -"),
        # a single space drawn between two characters goes (页 共), next to a digit it stays
        (None, ("第 1 页 共 2 页", "第 2 页 共 2 页"), "第 1 页共 2 页\n第 2 页共 2 页"),
        (None, ("1", "2"), "1\n2"),
        ("{}", None, "1\n2"),
        ("宁政办发〔2024〕7号 第{}页", None, "宁政办发〔2024〕7号第1页\n宁政办发〔2024〕7号第2页"),
    ],
    ids=["gbt9704", "hyphens", "di-ye-gong-ye", "lone-bottom", "lone-top", "running-with-number"],
)
def test_page_numbers_and_running_lines(
    top: str | None, bottom: tuple[str, str] | None, dropped: str
) -> None:
    text = load(_two_pages(top, bottom), name="two.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == [
        "第一页的正文，只有一行。",
        "第二页的正文，只有一行。",
    ]
    assert [n.text for n in text.notes if n.code == "page-furniture"] == [dropped]


def test_a_lone_number_inside_the_body_stays() -> None:
    s = Sheet()
    s.text(INDENT, 100, "正文第一行。")
    s.text(INDENT, 120, "2025")
    s.text(INDENT, 140, "正文第三行。")
    text = load(s.bytes(), name="one.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["正文第一行。", "2025", "正文第三行。"]
    assert text.notes == []


def test_space_rules_by_geometry() -> None:
    def glyph(char: str, x0: float, width: float = EM) -> Glyph:
        return Glyph(char, x0, x0 + width, 0.0, EM, EM, EM, 0)

    han, digit = glyph("号", 100.0), glyph("9", 90.0, 6.0)
    assert space_between(digit, glyph("号", 96.0 + 0.2 * EM)) == ""  # autospace, no space
    assert space_between(digit, glyph("号", 96.0 + 0.35 * EM)) == " "  # a real gap
    assert space_between(digit, glyph("号", 96.0 + 0.1 * EM), drawn=1) == " "  # typed
    assert space_between(glyph("任", 80.0), glyph("单", 92.0 + 3.0), drawn=1) == ""
    assert space_between(glyph("办", 80.0), glyph("人", 92.0 + 8.0), drawn=2) == "  "
    assert space_between(glyph("办", 80.0), han) == ""  # 8 pt: under 2 em
    assert space_between(glyph("办", 60.0), glyph("人", 72.0 + 2 * EM)) == "  "
    assert space_between(glyph("C", 80.0, 7.0), glyph("D", 87.0 + 2.0, 7.0)) == " "
    assert space_between(glyph("C", 80.0, 7.0), glyph("D", 87.5, 7.0)) == ""


def test_heading_faces_by_name() -> None:
    fonts = FontTable()
    names = ["SimHei", "FZHTK--GBK1-0", "KaiTi_GB2312", "STKaiti", "FangSong_GB2312", "SimSun"]
    assert [fonts.fonts[fonts.named(n)].heading for n in names] == [
        True, True, True, True, False, False
    ]  # fmt: skip
    assert not fonts.fonts[fonts.named("HeiseiMin-W3")].heading
    assert fonts.fonts[fonts.named("SimSun", stroked=True)].bold
    assert fonts.fonts[fonts.named("ABCDEF+SourceHanSerifCN-Bold")].bold


def test_rotated_page_reads_upright_and_a_diagonal_watermark_goes() -> None:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setPageRotation(90)  # reportlab makes the media box landscape; shown, it is portrait
    c.saveState()
    c.translate(WIDTH, 0)
    c.rotate(90)  # text that runs up the page, so upright once the page is turned
    c.setFont("Helvetica", 12)
    c.drawString(72, 100, "First line on top.")
    c.drawString(72, 80, "Second line below.")
    c.restoreState()
    c.translate(300, 300)
    c.rotate(30)
    c.setFont("Helvetica", 30)
    c.drawString(0, 0, "DRAFT COPY")
    c.showPage()
    c.save()
    text = load(buffer.getvalue(), name="rotated.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["First line on top.", "Second line below."]
    assert [n.text for n in text.notes] == ["DRAFT COPY"]


def test_a_page_without_text_in_a_text_pdf_is_noted() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    s = Sheet()
    s.text(INDENT, 100, "第一页有正文。")
    s.page()
    s.c.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 40, 40, 515, 760)
    text = load(s.bytes(), name="mixed.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["第一页有正文。"]
    assert [(n.code, n.message) for n in text.notes] == [
        ("no-text-layer", "page(s) 2 have no text (scanned or blank); OCR is not supported")
    ]


def _raw_pdf(content: bytes, font: bytes, extra: list[bytes]) -> bytes:
    """A one-page PDF written by hand (objects 1–4, then ``extra`` as 5, 6 …)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 " + font + b" >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra,
    ]
    return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of these object bodies, numbered from 1 (1 the catalog), with its xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_unmapped_glyphs_make_an_unreliable_text_note() -> None:
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Broken def 1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"10 beginbfchar\n"
        + b"".join(b"<%02X> <FFFD>\n" % code for code in range(0x41, 0x4B))
        + b"endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    pdf = _raw_pdf(
        b"BT /F1 12 Tf 72 700 Td (ABCDEFGHIJ) Tj ET",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>",
        [b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"],
    )
    text = load(pdf, name="broken.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == ["\ufffd" * 10]
    assert [(n.code, n.message) for n in text.notes] == [
        (
            "unreliable-text",
            "10 of 10 glyphs have no Unicode mapping (U+FFFD, (cid:N)) on page(s) 1; "
            "the text may be wrong there",
        )
    ]


def test_pdfplumber_reading_counts_cid_glyphs_as_unmapped() -> None:
    from policyparse.loaders.pdf.fallback import _glyphs

    chars = [
        {"text": t, "x0": x, "x1": x + 12, "top": 90.0, "bottom": 102.0, "size": 12.0}
        for t, x in (("中", 72.0), ("(cid:1234)", 84.0), (" ", 96.0), ("文", 108.0))
    ]
    glyphs, unmapped = _glyphs(chars, (0.0, 0.0, 595.0, 842.0), FontTable())
    assert ([g.char for g in glyphs], unmapped) == (["中", "\ufffd", "文"], 1)


def test_a_pdf_with_only_an_owner_password_reads() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    s = Sheet(encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    s.text(INDENT, 100, "只限制打印的正文。")
    assert [line.text for line in load(s.bytes(), name="owner.pdf", options=OPTIONS).lines] == [
        "只限制打印的正文。"
    ]


def _image_only(stamp: str | None = None, pages: int = 1) -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    s = Sheet()
    for _ in range(pages):
        s.c.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 40, 40, 515, 760)
        if stamp:
            s.text(450, 820, stamp, size=8)
        s.page()
    return s.bytes()


def _encrypted() -> bytes:
    s = Sheet(encrypt="secret")
    s.text(INDENT, 100, "加密的正文。")
    return s.bytes()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (lambda: _image_only(), NO_TEXT),
        (lambda: _image_only("扫描全能王 创建", pages=3), NO_TEXT),
        (lambda: _image_only("扫描全能王 创建"), NO_TEXT),
        (_encrypted, ENCRYPTED),
        (lambda: plan_pdf()[:3000], CORRUPT),
        (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 4, CORRUPT),
    ],
    ids=[
        "image-only",
        "scanner-stamp-every-page",
        "scanner-stamp-one-page",
        "encrypted",
        "truncated",
        "garbage",
    ],
)
def test_unreadable_pdfs_raise_a_load_error(data, reason: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LoadError) as caught:
        load(data(), name="x.pdf", options=OPTIONS)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (lambda: plan_pdf()[:3000], CORRUPT),
        (_encrypted, ENCRYPTED),
        (lambda: _image_only(), NO_TEXT),
    ],
    ids=["truncated", "encrypted", "scanned"],
)
def test_cli_names_the_file_and_the_reason(tmp_path: Path, data, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notice.pdf"
    path.write_bytes(data())
    result = subprocess.run(
        [sys.executable, "-m", "policyparse", "extract", str(path)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.decode() == f"policyparse: error: {path}: {reason}\n"
    assert result.stdout == b""


def _table_page(s: Sheet, top: float, rows: list[tuple[str, str]]) -> None:
    """A two-column ruled table, rows 24 pt high, its first text row at ``top``."""
    bottom = top + 24 * len(rows)
    for i in range(len(rows) + 1):
        s.line(72, top + 24 * i, 522, top + 24 * i)
    for x in (72, 222, 522):
        s.line(x, top, x, bottom)
    for i, (left, right) in enumerate(rows):
        s.text(76, top + 24 * i + 16, left)
        s.text(226, top + 24 * i + 16, right)


def test_a_table_over_a_page_break_is_one_table() -> None:
    s = Sheet()
    s.text(INDENT, 60, "表格前的正文。")  # 1
    _table_page(s, 80, [("任务", "措施"), ("一、建设食堂", "新建社区食堂，推动助餐")])  # 2–3
    s.page()
    _table_page(s, 60, [("任务", "措施"), ("", "服务全覆盖。"), ("二、发展养老", "推广智能设备。")])
    s.text(INDENT, 150, "表格后的正文。")  # 7
    text = load(s.bytes(), name="split.pdf", options=OPTIONS)
    assert [(line.number, line.page, line.text) for line in text.lines] == [
        (1, 1, "表格前的正文。"),
        (7, 2, "表格后的正文。"),
    ]
    assert len(text.tables) == 1
    rows = [[(c.text, c.line, c.page) for c in row] for row in text.tables[0].rows]
    assert rows == [
        [("任务", 2, 1), ("措施", 2, 1)],
        [("一、建设食堂", 3, 1), ("新建社区食堂，推动助餐服务全覆盖。", 3, 1)],
        [("二、发展养老", 6, 2), ("推广智能设备。", 6, 2)],
    ]
    assert [(n.message, n.text) for n in text.notes] == [
        ("dropped 1 table header row(s) repeated on page(s) 2", "任务\t措施")
    ]


# ---------------------------------------------------------------- corpus


def _provisions(path: Path) -> Iterator[tuple[str, str, list[str] | None, list[str] | None]]:
    for p in parse(path).provisions:
        r = p.responsibility
        yield p.id, p.label, r.lead if r else None, r.support if r else None


@pytest.mark.parametrize(
    ("pdf", "seed"),
    [("000", "000"), ("002", "002"), ("003", "003"), ("004", "004"), ("004_autonumber", "004")],
)
def test_corpus_pdf_reads_like_its_seed(pdf: str, seed: str) -> None:
    from_pdf = list(_provisions(corpus_path("pdf", f"{pdf}.pdf")))
    from_txt = list(_provisions(corpus_path("seeds", f"{seed}.txt")))
    assert [p[:2] for p in from_pdf] == [p[:2] for p in from_txt]
    assert [p[2:] for p in from_pdf] == [p[2:] for p in from_txt]


@pytest.mark.parametrize("name", ["001", "002", "003", "004", "004_autonumber"])
def test_corpus_pdf_is_lossless(name: str) -> None:
    data = corpus_path("pdf", f"{name}.pdf").read_bytes()
    doc = parse(data, name=f"{name}.pdf")
    assert not missing(_pdfium_text(data), doc)
    assert not extra(_pdfium_text(data), doc)


def test_corpus_002_clause_across_the_p8_p9_break_is_whole() -> None:
    doc = parse(corpus_path("pdf", "002.pdf"))
    item = next(p for p in doc.provisions if p.label == "（十九）")
    assert item.responsibility is not None
    assert item.responsibility.raw == (
        "（责任单位：区经科信局、区统计局、区行政审批局、区金融工作局、区市场监管局、区司法局）"
    )
    # 列首位的为牵头单位，下同 (said at （三）): the first unit leads
    assert item.responsibility.lead == ["区经科信局"]
    assert "区统计局" in item.responsibility.support
    assert item.text.endswith("完善中小企业运行监测工作机制，提高运行监测质量。")
    assert "\n" not in item.text and "— 8 —" not in item.text
    assert item.source_span.page == 8


def test_corpus_000_one_table_over_nine_pages() -> None:
    text = load(corpus_path("pdf", "000.pdf").read_bytes(), name="000.pdf", options=OPTIONS)
    assert len(text.tables) == 1
    table = text.tables[0]
    header = ["工作任务", "任务目标", "工作措施", "完成时限", "牵头部门", "配合部门"]
    assert [c.text for c in table.rows[0]] == header
    assert sum([c.text for c in row] == header for row in table.rows) == 1
    assert [c.text for c in table.rows[1]] == ["一、着力培育创新发展新动能"]  # spans 6 columns
    assert [c.text for c in table.rows[2]][3:] == [
        "2025年底",
        "市市场监管局",
        "市“个转企”领导小组成员单位",
    ]
    # （三） is split by the p1→p2 break inside its cells: whole again, on its page-1 line
    split = table.rows[4]
    assert split[0].text == "（三）支持企业加大研发投入"
    assert split[1].text == (
        "延续执行企业研发费用加计扣除75%的政策，将制造业企业加计扣除比例提高至100%，"
        "鼓励企业建立研发准备金制度。"
    )
    assert (split[1].page, split[1].line) == (1, split[0].line)
    assert table.rows[5][0].continued and table.rows[5][0].page == 2
    assert [n.message for n in text.notes if n.text and "工作任务" in n.text] == [
        "dropped 8 table header row(s) repeated on page(s) 2–9"
    ]
    assert [line.text for line in text.lines] == [
        "附件",
        "贯彻落实《吉林省人民政府关于进一步支持民营经济（中小企业）发展若干政策措施》任务",
        "清单及责任分工",
    ]


def test_corpus_000_rows_read_like_the_seed() -> None:
    from_pdf = parse(corpus_path("pdf", "000.pdf")).provisions
    from_txt = parse(corpus_path("seeds", "000.txt")).provisions
    assert [(p.id, p.label, p.text, p.cells) for p in from_pdf] == [
        (p.id, p.label, p.text, p.cells) for p in from_txt
    ]


def test_corpus_real_retypeset_headings_by_font() -> None:
    """r06 sets 一、 headings in 方正黑体 (FZHTK) and （一） headings in 方正楷体 (FZKTK)."""
    data = corpus_path("real", "r06_ndrc_sat_tax_credit_notice_retypeset.pdf").read_bytes()
    text = load(data, name="r06.pdf", options=OPTIONS)
    hinted = [line.text for line in text.lines if line.hint is LineHint.HEADING]
    assert hinted[:4] == [
        "一、总体要求",
        "二、建立个人所得税纳税信用管理机制",
        "（一）全面实施个人所得税申报信用承诺制",
        "（二）建立健全个人所得税纳税信用记录",
    ]
    assert all(
        line.text[:2] in {"一、", "二、", "三、", "四、", "五、"} or line.text.startswith("（")
        for line in text.lines
        if line.hint
    )
    assert "发改办财金规〔2019〕860号" in [line.text for line in text.lines]


def test_corpus_real_scan_has_no_text_layer() -> None:
    if available():
        pytest.skip("the ocr extra is installed: tests/test_ocr.py reads this scan")
    data = corpus_path("real", "r02_moa_agrimach_subsidy_opinion_scan.pdf").read_bytes()
    with pytest.raises(LoadError) as caught:
        load(data, name="r02.pdf", options=OPTIONS)
    assert caught.value.reason == NO_TEXT
