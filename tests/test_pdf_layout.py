"""Browser print-outs, portal metadata tables, and pages whose reading order is a guess.

Pages are drawn with tests/test_pdf.py's :class:`Sheet` (STSong-Light, y to the baseline
from the top of an A4 page); each expectation follows from what is drawn below.
"""

from __future__ import annotations

import pytest

from policyparse.loaders.pdf import load
from policyparse.loaders.pdf.tables import Filled, is_metadata
from policyparse.settings import ParseOptions

from .test_pdf import CHARS, EM, FONT, HEIGHT, LEFT, WIDTH, Sheet

OPTIONS = ParseOptions()
BODY = (
    "当前已进入春季森林防火关键期，为切实做好全区森林防火工作，现将有关事",
    "项通知如下，请各单位认真贯彻落实。",
)


def _print_out(top: str, bottom: str) -> bytes:
    s = Sheet()
    s.text(28, 20, top, size=8)
    s.paragraph(100, *BODY)
    s.text(28, HEIGHT - 14, bottom, size=8)
    return s.bytes()


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        ("2024/5/8 10:23  宁川区人民政府网", "https://www.ningchuan.gov.cn/a/post_1.html  1/1"),
        ("2024/5/8 上午10:23  宁川区人民政府网", "www.ningchuan.gov.cn/a/post_1.html"),
        ("5/8/24, 10:23 AM  宁川区人民政府网", "file:///C:/Users/a/post_1.html  1/1"),
    ],
    ids=["chrome", "edge-zh", "chrome-en"],
)
def test_one_page_browser_print_drops_its_header_and_footer(top: str, bottom: str) -> None:
    text = load(_print_out(top, bottom), name="print.pdf", options=OPTIONS)
    assert "".join(line.text for line in text.lines) == "".join(BODY)
    assert [(n.code, n.message) for n in text.notes] == [
        ("page-furniture", "dropped 1 browser header line(s) on page(s) 1"),
        ("page-furniture", "dropped 1 browser footer line(s) on page(s) 1"),
    ]


def test_a_date_line_or_a_sentence_naming_a_site_is_no_browser_chrome() -> None:
    top, bottom = "2024年5月8日 星期三", "详见www.ningchuan.gov.cn网站。"
    text = load(_print_out(top, bottom), name="print.pdf", options=OPTIONS)
    lines = [line.text for line in text.lines]
    # a space drawn between two CJK characters is no text (tests/test_pdf.py)
    assert (lines[0], "".join(lines[1:-1]), lines[-1]) == (
        "2024年5月8日星期三",
        "".join(BODY),
        bottom,
    )
    assert text.notes == []


def test_a_web_address_in_body_size_that_ends_the_page_is_text() -> None:
    s = Sheet()
    s.paragraph(100, *BODY)
    s.text(LEFT, 160, "https://www.ningchuan.gov.cn/zwgk/post_1.html")
    text = load(s.bytes(), name="address.pdf", options=OPTIONS)
    assert text.lines[-1].text == "https://www.ningchuan.gov.cn/zwgk/post_1.html"
    assert text.notes == []


def _filled(*rows: tuple[str, ...]) -> Filled:
    return Filled(0.0, tuple(tuple((t, False) for t in row) for row in rows), (0.0,))


def test_a_portal_metadata_table_is_told_from_a_task_table() -> None:
    assert is_metadata(
        _filled(
            ("索 引 号：", "11440300MB2C12345X/2024-00123", "主题分类：", "综合政务"),
            ("发布机构", "宁川区人民政府办公室", "成文日期", "2024-03-04"),
            ("名称：", "宁川区人民政府办公室关于做好春季森林防火工作的通知"),
        )
    )
    assert not is_metadata(_filled(("序号", "名称", "责任单位"), ("1", "建设社区食堂", "区民政局")))
    assert not is_metadata(_filled(("名称：", "社区食堂")))  # one label is no block


LEFT_COLUMN = "左栏正文的句子依次排列在页面的左半边，读完一行再读下一行。"
RIGHT_COLUMN = "右栏正文的句子排在页面右半边，与左栏同一高度。"


def _two_columns(with_gutter: bool) -> bytes:
    s = Sheet()
    s.centred(60, "两栏排版的通讯稿标题", size=16)
    for row in range(24):
        y = 100 + row * 20
        if with_gutter:
            s.text(LEFT, y, LEFT_COLUMN[:14])
            s.text(WIDTH / 2 + 20, y, RIGHT_COLUMN[:14])
        else:
            s.text(LEFT, y, (LEFT_COLUMN + RIGHT_COLUMN)[:CHARS])
    return s.bytes()


def test_a_two_column_page_gets_a_reading_order_note() -> None:
    text = load(_two_columns(True), name="columns.pdf", options=OPTIONS)
    assert [(n.code, n.message.split(" look")[0]) for n in text.notes] == [
        ("reading-order", "page(s) 1")
    ]
    one = load(_two_columns(False), name="one.pdf", options=OPTIONS)
    assert one.notes == []


TURNED = ["附件", "一、横排表格页的标题", "（一）第一行的内容较长一些。", "（二）第二行的内容。"]


@pytest.mark.parametrize("angle", [90, -90])
def test_a_page_set_a_quarter_turn_is_read_turned(angle: int) -> None:
    s = Sheet()
    s.text(LEFT, 100, "第一页正文。")
    s.page()
    s.c.saveState()
    if angle == 90:
        s.c.translate(WIDTH, 0)
    else:
        s.c.translate(0, HEIGHT)
    s.c.rotate(angle)
    s.c.setFont(FONT, EM)
    for index, line in enumerate(TURNED):
        s.c.drawString(72, 500 - 20 * index, line)
    s.c.restoreState()
    text = load(s.bytes(), name="turned.pdf", options=OPTIONS)
    assert [(line.page, line.text) for line in text.lines] == [
        (1, "第一页正文。"),
        *((2, line) for line in TURNED),
    ]
    assert [(n.code, n.message.split(" runs")[0]) for n in text.notes] == [
        ("reading-order", "the text of page(s) 2")
    ]


HANGING = [
    "（一）扩大助餐服务。新建一批社区食堂和老年助餐点，鼓励餐饮企业开设老年餐",
    "桌，推动助餐服务向农村地区全面延伸，逐步实现城乡全覆盖，让老年人",
    "就近吃上放心饭。",
]


def test_a_hanging_indent_continues_its_item_with_a_note() -> None:
    s = Sheet()
    s.text(LEFT, 100, "一、重点任务")
    s.text(LEFT, 120, HANGING[0])  # full: ends at the right margin
    s.text(LEFT + 3 * EM, 140, HANGING[1])  # under the text after （一）
    s.text(LEFT + 3 * EM, 160, HANGING[2])
    s.text(LEFT, 180, "（二）发展智慧养老。推广智能设备。")
    s.text(LEFT, 200, "（三）加强人才培养。每年培训养老护理员一千人次，提升服务能力，并建立激")
    s.text(LEFT, 220, "励机制。")  # an ordinary wrap under a label at the margin
    text = load(s.bytes(), name="hanging.pdf", options=OPTIONS)
    assert [line.text for line in text.lines] == [
        "一、重点任务",
        "".join(HANGING),
        "（二）发展智慧养老。推广智能设备。",
        "（三）加强人才培养。每年培训养老护理员一千人次，提升服务能力，并建立激励机制。",
    ]
    assert [(n.code, n.message.split(" were")[0]) for n in text.notes] == [
        ("reading-order", "indented lines under a labelled item on page(s) 1")
    ]


def test_first_line_indents_are_no_hanging_indent() -> None:
    s = Sheet()
    s.paragraph(
        100, "（一）扩大助餐服务。新建一批社区食堂和老年助餐点，鼓励餐饮企业开设老", "年餐桌。"
    )
    s.paragraph(140, "（二）发展智慧养老。推广智能设备。")
    text = load(s.bytes(), name="indents.pdf", options=OPTIONS)
    assert text.lines[-1].text == "（二）发展智慧养老。推广智能设备。"
    assert text.notes == []
