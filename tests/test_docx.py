"""The DOCX loader: body order, Word's list numbers, styles, tables, text boxes, fields,
core properties, and files that must fail with one clear line.

Expected values are worked out from what each document says (fixtures/make_docx.py and the
XML below), never copied from the program's output.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from policyparse import parse
from policyparse.errors import LoadError
from policyparse.loaders.docx import load
from policyparse.loaders.docx.numfmt import format_number
from policyparse.settings import ParseOptions
from policyparse.text import LineHint, TableCell, Text

from .conftest import FIXTURES, corpus_path
from .lossless import extra, missing

OPTIONS = ParseOptions()

DOCX = FIXTURES / "docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ROOT_NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="{target}" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


# ---------------------------------------------------------------- building test documents


def make_docx(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    parts: dict[str, str | bytes] | None = None,
) -> bytes:
    """A minimal package: no part relationships, so the loader's fallback names are used."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("_rels/.rels", _RELS.format(target="word/document.xml"))
        package.writestr(
            "word/document.xml", f"<w:document {_ROOT_NS}><w:body>{body}</w:body></w:document>"
        )
        if numbering is not None:
            package.writestr(
                "word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
            )
        if styles is not None:
            package.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')
        for name, data in (parts or {}).items():
            package.writestr(name, data)
    return out.getvalue()


def p(text: str = "", *, num: int | None = None, ilvl: int | None = None, style: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None or ilvl is not None:
        ppr += "<w:numPr>"
        ppr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numId w:val="{num}"/>' if num is not None else ""
        ppr += "</w:numPr>"
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int | None = 1, extra: str = "") -> str:
    start_xml = f'<w:start w:val="{start}"/>' if start is not None else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}">{start_xml}<w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def start_override(ilvl: int, value: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


def texts(data: bytes) -> list[str]:
    return [line.text for line in load(data, name="t.docx", options=OPTIONS).lines]


def cell(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs) or p()}</w:tc>"


def row(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


CN_TWO_LEVELS = abstract(
    1,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "decimal", "%2.", extra='<w:suff w:val="nothing"/>'),
) + num(1, 1)


# ---------------------------------------------------------------- numbering


NUMBERING_CASES: list[tuple[str, str, list[str], list[str]]] = [
    (
        "level 1 restarts under each level-0 item",
        CN_TWO_LEVELS,
        [
            p("甲", num=1, ilvl=0),
            p("a", num=1, ilvl=1),
            p("b", num=1, ilvl=1),
            p("乙", num=1, ilvl=0),
            p("c", num=1, ilvl=1),
        ],
        ["一、甲", "1.a", "2.b", "二、乙", "1.c"],
    ),
    (
        "multi-level %1.%2",
        abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")) + num(1, 1),
        [
            p("A", num=1, ilvl=0),
            p("B", num=1, ilvl=1),
            p("C", num=1, ilvl=1),
            p("D", num=1, ilvl=0),
            p("E", num=1, ilvl=1),
        ],
        ["1.A", "1.1 B", "1.2 C", "2.D", "2.1 E"],  # the tab after a bare 1.1 parts it from B
    ),
    (
        "（%1） in chineseCounting",
        abstract(1, lvl(0, "chineseCounting", "（%1）")) + num(1, 1),
        [p("甲", num=1, ilvl=0), p("乙", num=1, ilvl=0), p("丙", num=1, ilvl=0)],
        ["（一）甲", "（二）乙", "（三）丙"],
    ),
    (
        "第%1条 in chineseCountingThousand from a start value",
        abstract(1, lvl(0, "chineseCountingThousand", "第%1条", start=9)) + num(1, 1),
        [p("甲", num=1, ilvl=0), p("乙", num=1, ilvl=0), p("丙", num=1, ilvl=0)],
        ["第九条甲", "第十条乙", "第十一条丙"],
    ),
    (
        "circled numbers end at ⑳",
        abstract(1, lvl(0, "decimalEnclosedCircle", "%1", start=19)) + num(1, 1),
        [p("x", num=1, ilvl=0), p("y", num=1, ilvl=0), p("z", num=1, ilvl=0)],
        ["⑲x", "⑳y", "21 z"],
    ),
    (
        "甲乙丙 (ideographTraditional)",
        abstract(1, lvl(0, "ideographTraditional", "%1、")) + num(1, 1),
        [p("x", num=1, ilvl=0), p("y", num=1, ilvl=0)],
        ["甲、x", "乙、y"],
    ),
    (
        "letters repeat after Z, Roman numerals, full-width digits",
        abstract(1, lvl(0, "upperLetter", "%1.", start=26))
        + num(1, 1)
        + abstract(2, lvl(0, "lowerRoman", "(%1)", start=3))
        + num(2, 2)
        + abstract(3, lvl(0, "decimalFullWidth", "%1．", start=9))
        + num(3, 3),
        [
            p("a", num=1, ilvl=0),
            p("b", num=1, ilvl=0),
            p("c", num=2, ilvl=0),
            p("d", num=2, ilvl=0),
            p("e", num=3, ilvl=0),
            p("f", num=3, ilvl=0),
        ],
        ["Z.a", "AA.b", "(iii)c", "(iv)d", "９．e", "１０．f"],
    ),
    (
        "a bullet has no label; numFmt none keeps the literal text",
        abstract(1, lvl(0, "bullet", "\uf0b7"))
        + num(1, 1)
        + abstract(2, lvl(0, "none", "附件%1："))
        + num(2, 2),
        [p("要点", num=1, ilvl=0), p("清单", num=2, ilvl=0)],
        ["要点", "附件：清单"],
    ),
    (
        "w:suff: tab and nothing add nothing, space adds a space",
        abstract(1, lvl(0, "decimal", "%1.", extra='<w:suff w:val="space"/>'))
        + num(1, 1)
        + abstract(2, lvl(0, "decimal", "%1."))
        + num(2, 2),
        [p("甲", num=1, ilvl=0), p("乙", num=2, ilvl=0)],
        ["1. 甲", "1.乙"],
    ),
    (
        "lvlRestart 0: level 1 never restarts",
        abstract(
            1,
            lvl(0, "chineseCounting", "%1、"),
            lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
        )
        + num(1, 1),
        [
            p("A", num=1, ilvl=0),
            p("B", num=1, ilvl=1),
            p("C", num=1, ilvl=0),
            p("D", num=1, ilvl=1),
        ],
        ["一、A", "1.B", "二、C", "2.D"],
    ),
    (
        "lvlRestart 1 on level 2: restarted by level 0 only, not by level 1",
        abstract(
            1,
            lvl(0, "chineseCounting", "%1、"),
            lvl(1, "chineseCounting", "（%2）"),
            lvl(2, "decimal", "%3.", extra='<w:lvlRestart w:val="1"/>'),
        )
        + num(1, 1),
        [
            p("A", num=1, ilvl=0),
            p("B", num=1, ilvl=1),
            p("C", num=1, ilvl=2),
            p("D", num=1, ilvl=1),
            p("E", num=1, ilvl=2),
            p("F", num=1, ilvl=0),
            p("G", num=1, ilvl=1),
            p("H", num=1, ilvl=2),
        ],
        ["一、A", "（一）B", "1.C", "（二）D", "2.E", "二、F", "（一）G", "1.H"],
    ),
    (
        "a second num over the same abstractNum continues; one with startOverride restarts",
        abstract(1, lvl(0, "decimal", "%1."))
        + num(1, 1)
        + num(2, 1)
        + num(3, 1, start_override(0, 1))
        + num(4, 1, start_override(0, 5)),
        [
            p("A", num=1),
            p("B", num=1),
            p("C", num=2),
            p("D", num=3),
            p("E", num=3),
            p("F", num=4),
            p("G", num=4),
        ],
        ["1.A", "2.B", "3.C", "1.D", "2.E", "5.F", "6.G"],
    ),
    (
        "isLgl shows the higher levels in Arabic numerals",
        abstract(
            1, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
        )
        + num(1, 1)
        + abstract(2, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%1.%2"))
        + num(2, 2),
        [
            p("A", num=1, ilvl=0),
            p("B", num=1, ilvl=1),
            p("C", num=2, ilvl=0),
            p("D", num=2, ilvl=1),
        ],
        ["一、A", "1.1 B", "一、C", "一.1 D"],
    ),
    (
        "a missing w:start counts from zero (ECMA-376 §17.9.25)",
        abstract(1, lvl(0, "decimal", "%1.", start=None)) + num(1, 1),
        [p("A", num=1, ilvl=0), p("B", num=1, ilvl=0)],
        ["0.A", "1.B"],
    ),
    (
        "unknown numId, numId 0, unknown level: no label",
        abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1),
        [p("A", num=7, ilvl=0), p("B", num=0, ilvl=0), p("C", num=1, ilvl=3), p("D", num=1)],
        ["A", "B", "C", "1.D"],
    ),
]


@pytest.mark.parametrize(
    ("numbering", "body", "expected"),
    [case[1:] for case in NUMBERING_CASES],
    ids=[case[0] for case in NUMBERING_CASES],
)
def test_list_numbers_as_word_shows_them(
    numbering: str, body: list[str], expected: list[str]
) -> None:
    assert texts(make_docx("".join(body), numbering=numbering)) == expected


NORMAL_STYLE = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
    '<w:name w:val="Normal"/></w:style>'
)
STYLES_WITH_LISTS = (
    NORMAL_STYLE + '<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="List Item"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="List Sub"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="SubChild"><w:name w:val="Sub Child"/>'
    '<w:basedOn w:val="Sub"/></w:style>'
    '<w:style w:type="numbering" w:styleId="Articles"><w:name w:val="Articles"/>'
    '<w:pPr><w:numPr><w:numId w:val="21"/></w:numPr></w:pPr></w:style>'
)


def test_numbering_inherited_from_styles() -> None:
    """A style's numPr without ilvl takes the level whose pStyle names the style; a style
    based on it inherits it; numId 0 on the paragraph switches it off."""
    numbering = abstract(
        1,
        lvl(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="Item"/>'),
        lvl(1, "decimal", "%2.", extra='<w:pStyle w:val="Sub"/>'),
    ) + num(1, 1)
    body = [
        p("甲", style="Item"),
        p("a", style="Sub"),
        p("b", style="SubChild"),
        p("不编号", style="Item", num=0),
        p("乙", style="Item"),
        p("c", style="Sub", ilvl=1),
    ]
    data = make_docx("".join(body), numbering=numbering, styles=STYLES_WITH_LISTS)
    assert texts(data) == ["一、甲", "1.a", "2.b", "不编号", "二、乙", "1.c"]


def test_numbering_defined_through_a_numbering_style() -> None:
    """abstractNum 20 defers (numStyleLink) to style Articles → num 21 → abstractNum 21."""
    numbering = (
        abstract(20, extra='<w:numStyleLink w:val="Articles"/>')
        + abstract(21, lvl(0, "chineseCountingThousand", "第%1条"),
                   extra='<w:styleLink w:val="Articles"/>')
        + num(20, 20)
        + num(21, 21)
    )  # fmt: skip
    body = p("总则", num=20, ilvl=0) + p("适用范围", num=20, ilvl=0)
    data = make_docx(body, numbering=numbering, styles=STYLES_WITH_LISTS)
    assert texts(data) == ["第一条总则", "第二条适用范围"]


def test_numbered_paragraphs_without_a_numbering_part_have_no_label() -> None:
    assert texts(make_docx(p("甲", num=1, ilvl=0))) == ["甲"]


def test_numbering_counts_through_table_cells_in_body_order() -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1)
    body = (
        p("甲", num=1)
        + f"<w:tbl>{row(cell(p('乙', num=1)), cell(p('丙', num=1)))}</w:tbl>"
        + p("丁", num=1)
    )
    text = load(make_docx(body, numbering=numbering), name="t.docx", options=OPTIONS)
    assert [line.text for line in text.lines] == ["1.甲", "4.丁"]
    assert [c.text for c in text.tables[0].rows[0]] == ["2.乙", "3.丙"]


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("chineseCounting", [1, 10, 11, 20, 21, 99, 100, 105],
         "一 十 十一 二十 二十一 九十九 一○○ 一○五"),
        ("chineseCountingThousand", [10, 19, 100, 101, 110, 1001, 2024],
         "十 十九 一百 一百〇一 一百一十 一千〇一 二千〇二十四"),
        ("ideographDigital", [7, 2024], "七 二〇二四"),
        ("ideographTraditional", [1, 10, 11], "甲 癸 11"),
        ("ideographZodiac", [1, 12], "子 亥"),
        ("decimalEnclosedCircle", [1, 20, 21], "① ⑳ 21"),
        ("decimalEnclosedParen", [1, 20], "⑴ ⒇"),
        ("decimalEnclosedFullstop", [1, 20], "⒈ ⒛"),
        ("ideographEnclosedCircle", [1, 10, 11], "㈠ ㈩ 11"),
        ("decimalFullWidth", [12], "１２"),
        ("decimalZero", [7, 12], "07 12"),
        ("upperLetter", [1, 26, 27, 28], "A Z AA BB"),
        ("lowerLetter", [53], "aaa"),
        ("upperRoman", [4, 1994], "IV MCMXCIV"),
        ("lowerRoman", [9], "ix"),
        ("decimal", [0, 42], "0 42"),
        ("hebrew1", [4], "4"),
    ],
)  # fmt: skip
def test_number_formats(fmt: str, values: list[int], expected: str) -> None:
    assert " ".join(format_number(v, fmt) for v in values) == expected


@pytest.mark.parametrize("fmt", ["bullet", "none"])
def test_formats_without_a_number(fmt: str) -> None:
    assert format_number(3, fmt) == ""


# ---------------------------------------------------------------- text inside a paragraph


def r(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{text}</w:t>'


BEGIN, SEPARATE, END = (
    r(f'<w:fldChar w:fldCharType="{kind}"/>') for kind in ("begin", "separate", "end")
)


def field(code: str, result: str) -> str:
    return BEGIN + r(f"<w:instrText>{code}</w:instrText>") + SEPARATE + r(t(result)) + END


def hidden(text: str, value: str = "") -> str:
    return r(f"<w:rPr><w:vanish{value}/></w:rPr>" + t(text))


def sdt(inner: str) -> str:
    properties = '<w:sdtPr><w:alias w:val="控件"/></w:sdtPr>'
    return f"<w:sdt>{properties}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def sym(font: str, char: str) -> str:
    return f'<w:sym w:font="{font}" w:char="{char}"/>'


RUBY = (
    "<w:r><w:ruby><w:rt>"
    + r(t("ci"))
    + "</w:rt><w:rubyBase>"
    + r(t("语"))
    + "</w:rubyBase></w:ruby></w:r>"
)
BR = "<w:br/>"

PARAGRAPH_CASES: list[tuple[str, str, str]] = [
    (
        "a soft break between CJK vanishes",
        r(t("关于印发")) + r(BR) + r(t("实施方案")),
        "关于印发实施方案",
    ),
    (
        "a soft break between Latin words is a space",
        r(t("Policy") + BR + t("Parse")),
        "Policy Parse",
    ),
    ("a break next to a space adds nothing", r(t("附件 ") + BR + t("1")), "附件 1"),
    ("a break at the end is dropped", r(t("特此通知。") + BR + BR), "特此通知。"),
    ("a tab is a space", r(t("附件") + "<w:tab/>" + t("1")), "附件 1"),
    (
        "a field shows its result, not its code",
        r(t("日期：")) + field(" DATE ", "2024年3月18日"),
        "日期：2024年3月18日",
    ),
    (
        "a field without a result shows nothing",
        BEGIN + r("<w:instrText> PAGE </w:instrText>") + END + r(t("正文")),
        "正文",
    ),
    (
        "a simple field shows its result",
        '<w:fldSimple w:instr=" PAGE ">' + r(t("3")) + "</w:fldSimple>",
        "3",
    ),
    (
        "a field inside a field code stays hidden",
        BEGIN
        + r("<w:instrText>IF </w:instrText>")
        + field(" PAGE ", "9")
        + SEPARATE
        + r(t("是"))
        + END,
        "是",
    ),
    (
        "hidden text is not displayed",
        r(t("显示")) + hidden("隐藏") + hidden("也显示", ' w:val="0"'),
        "显示也显示",
    ),
    (
        "tracked deletions are gone, insertions shown",
        "<w:del>" + r("<w:delText>旧</w:delText>") + "</w:del><w:ins>" + r(t("新")) + "</w:ins>",
        "新",
    ),
    (
        "hyperlinks and content controls are transparent",
        '<w:hyperlink w:anchor="a">' + r(t("链接")) + "</w:hyperlink>" + sdt(r(t("控件内容"))),
        "链接控件内容",
    ),
    (
        "symbol-font glyphs are dropped, real characters kept",
        r(sym("Wingdings", "F0FC") + t("完成")) + r(sym("宋体", "2460")),
        "完成①",
    ),
    (
        "a non-breaking hyphen is a hyphen",
        r(t("0791") + "<w:noBreakHyphen/>" + t("86241234")),
        "0791-86241234",
    ),
    (
        "an equation keeps its text",
        r(t("比例")) + "<m:oMath><m:r><m:t>x=1%</m:t></m:r></m:oMath>",
        "比例x=1%",
    ),
    ("ruby text shows its base only", r(t("词")) + RUBY, "词语"),
]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [case[1:] for case in PARAGRAPH_CASES],
    ids=[case[0] for case in PARAGRAPH_CASES],
)
def test_paragraph_text_as_displayed(runs: str, expected: str) -> None:
    assert texts(make_docx(f"<w:p>{runs}</w:p>")) == [expected]


def test_block_content_controls_are_transparent() -> None:
    body = p("一") + f"<w:sdt><w:sdtPr/><w:sdtContent>{p('二')}{p('三')}</w:sdtContent></w:sdt>"
    lines = load(make_docx(body + p("四")), name="t.docx", options=OPTIONS).lines
    assert [(line.number, line.text) for line in lines] == [
        (1, "一"),
        (2, "二"),
        (3, "三"),
        (4, "四"),
    ]


# ---------------------------------------------------------------- styles → hints

HINT_STYLES = (
    NORMAL_STYLE +
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
    '<w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/>'
    '<w:basedOn w:val="Heading2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="大纲"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="BodyLevel"><w:name w:val="正文级"/>'
    '<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="环1"/>'
    '<w:basedOn w:val="Loop2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="环2"/>'
    '<w:basedOn w:val="Loop1"/></w:style>'
)  # fmt: skip


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("", None),
        ("Normal", None),
        ("Heading2", LineHint.HEADING),
        ("1", LineHint.HEADING),
        ("Title", LineHint.TITLE),
        ("a3", LineHint.TITLE),
        ("Mine", LineHint.HEADING),
        ("Outline", LineHint.HEADING),
        ("BodyLevel", None),
        ("Loop1", None),
        ("NoSuchStyle", None),
    ],
)
def test_style_hints(style: str, expected: LineHint | None) -> None:
    lines = load(
        make_docx(p("文字", style=style), styles=HINT_STYLES), name="t.docx", options=OPTIONS
    ).lines
    assert lines[0].hint is expected


def test_direct_outline_level_is_a_heading_hint() -> None:
    body = '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>二、目标</w:t></w:r></w:p>'
    assert load(make_docx(body), name="t.docx", options=OPTIONS).lines[0].hint is LineHint.HEADING


# ---------------------------------------------------------------- tables


def test_table_rows_are_blocks_in_body_order() -> None:
    span = '<w:gridSpan w:val="2"/>'
    table = (
        "<w:tbl><w:tblPr/><w:tblGrid/>"
        + row(cell(p("A"), props=span), cell(p("B")))
        + row(cell(p("甲"), props='<w:vMerge w:val="restart"/>'), cell(p("x1")), cell(p("y1")))
        + row(cell(p(), props="<w:vMerge/>"), cell(p("x2")), cell(p("第一段"), p(), p("第二段")))
        + row(cell(p("外"), f"<w:tbl>{row(cell(p('n1')), cell(p('n2')))}</w:tbl>", p()))
        + "</w:tbl>"
    )
    text = load(make_docx(p("前") + table + p("后")), name="t.docx", options=OPTIONS)
    assert [(line.number, line.text) for line in text.lines] == [(1, "前"), (6, "后")]
    assert len(text.tables) == 1
    assert text.tables[0].line == 2
    assert text.tables[0].rows == (
        (TableCell("A", 2), TableCell("B", 2)),
        (TableCell("甲", 3), TableCell("x1", 3), TableCell("y1", 3)),
        (TableCell("", 4, continued=True), TableCell("x2", 4), TableCell("第一段\n第二段", 4)),
        (TableCell("外\nn1\nn2", 5),),
    )


def test_legacy_horizontal_merge_appears_once() -> None:
    first, rest = '<w:hMerge w:val="restart"/>', "<w:hMerge/>"
    table = (
        f"<w:tbl>{row(cell(p('合并'), props=first), cell(p(), props=rest), cell(p('尾')))}</w:tbl>"
    )
    (table_ir,) = load(make_docx(table), name="t.docx", options=OPTIONS).tables
    assert table_ir.rows == ((TableCell("合并", 1), TableCell("尾", 1)),)


def test_strict_open_xml_namespace_is_read() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    document = f'<w:document xmlns:w="{strict}"><w:body>{p("严格格式")}</w:body></w:document>'
    data = _zip({"word/document.xml": document})
    assert texts(data) == ["严格格式"]


def test_table_fixture(fixtures: Path) -> None:
    """fixtures/docx/table.docx: 附件, title, a 5-row table, a closing paragraph."""
    text = load((DOCX / "table.docx").read_bytes(), name="table.docx", options=OPTIONS)
    assert [(line.number, line.text) for line in text.lines] == [
        (1, "附件"),
        (2, "宁州市2024年优化营商环境重点任务分工"),
        (8, "各牵头单位每季度末报送工作进展。"),
    ]
    (table,) = text.tables
    assert table.line == 3
    rows = [[(c.text, c.line, c.continued) for c in cells] for cells in table.rows]
    assert rows == [
        [(h, 3, False) for h in ("工作任务", "工作措施", "牵头单位", "配合单位", "完成时限")],
        [("一、优化政务服务", 4, False)],
        [
            ("（一）推进“一网通办”", 5, False),
            ("全面推行政务服务事项网上办理", 5, False),
            ("市政务服务中心", 5, False),
            ("市大数据局", 5, False),
            ("2024年6月底", 5, False),
        ],
        [
            ("", 6, True),
            ("推广电子证照应用\n实现高频证照免提交", 6, False),
            ("市大数据局", 6, False),
            ("各县（市、区）人民政府", 6, False),
            ("2024年底", 6, False),
        ],
        [
            ("（二）压缩审批时限", 7, False),
            ("企业开办时间压缩至1个工作日", 7, False),
            ("市市场监管局", 7, False),
            ("市公安局、市税务局", 7, False),
            ("长期", 7, False),
        ],
    ]


# ---------------------------------------------------------------- the fixture documents


def test_notice_lines_headings_and_no_header_or_footer() -> None:
    text = load((DOCX / "notice.docx").read_bytes(), name="notice.docx", options=OPTIONS)
    heading, title = LineHint.HEADING, LineHint.TITLE
    assert [(line.number, line.hint) for line in text.lines] == [
        (1, None), (2, None), (3, title), (4, None), (5, None), (6, None), (7, None),
        (8, None), (9, heading), (10, None), (11, None), (12, heading), (13, None),
    ]  # fmt: skip
    by_number = {line.number: line.text for line in text.lines}
    # The soft line break inside the title falls between two CJK characters: no space.
    assert by_number[3] == (
        "宁州市人民政府办公室关于印发《宁州市支持专精特新中小企业高质量发展若干措施》的通知"
    )
    assert by_number[7] == "2024年3月18日"  # the field's result, not CREATEDATE
    body = "\n".join(by_number.values())
    for absent in ("内部资料", "CREATEDATE", "PAGE", "—"):
        assert absent not in body
    assert text.meta_hints == {
        "title": "Word 文档",
        "date": "2024-03-01",
        "date_raw": "2024-03-01T08:00:00Z",
    }


def _provisions(doc: Any) -> list[tuple[Any, ...]]:
    out = []
    for prov in doc.provisions:
        resp = prov.responsibility
        lead, support = (resp.lead, resp.support) if resp is not None else (None, None)
        out.append((prov.id, prov.label, prov.heading, lead, support))
    return out


def test_notice_parses_like_its_text() -> None:
    doc = parse(DOCX / "notice.docx")
    assert doc.source.format == "docx"
    meta = doc.meta
    assert meta.title == (
        "宁州市人民政府办公室关于印发《宁州市支持专精特新中小企业高质量发展若干措施》的通知"
    ), "the body's title wins over the core property"
    assert meta.body_title == "宁州市支持专精特新中小企业高质量发展若干措施"
    assert meta.doc_number == "宁政办发〔2024〕7号"
    assert meta.issuer == "宁州市人民政府办公室"
    assert meta.recipients == ["各县（市、区）人民政府", "市政府各部门"]
    assert (meta.date, meta.date_raw) == ("2024-03-18", "2024年3月18日")
    assert _provisions(doc) == [
        ("1", "一、", "加大梯度培育力度", None, None),
        ("1.1", "（一）", "建立培育库", ["市工业和信息化局", "市科技局"], []),
        ("1.2", "（二）", "实行分级奖励", ["市工业和信息化局"], ["市财政局"]),
        ("2", "二、", "强化金融支持", None, None),
        ("2.3", "（三）", "扩大信贷投放", ["市金融工作局", "人民银行宁州市分行"], []),
    ]
    assert doc.provisions[1].text == "建立培育库。每年遴选100家创新型中小企业入库培育。"
    assert doc.provisions[1].source_span.start_line == 10


def test_autonumber_lines() -> None:
    text = load((DOCX / "autonumber.docx").read_bytes(), name="autonumber.docx", options=OPTIONS)
    assert [line.text[:8] for line in text.lines] == [
        "宁州市2024年",
        "为持续优化营商环",
        "一、优化政务服务",
        "1.推行“一网通",
        "2.压缩审批时限",
        "二、强化要素保障",
        "1.保障用地需求",
        "2.降低用电成本",
        "三、加强督查问效",
        "1.开展专项督查",
        "2.建立通报制度",
        "督查重点包括：",
        "1.政务服务事项",  # num 91: startOverride restarts level 1 (else it would be 3.)
        "2.涉企收费清理",
    ]
    hints = [line.hint for line in text.lines]
    assert hints[0] is LineHint.TITLE
    assert [i + 1 for i, hint in enumerate(hints) if hint is LineHint.HEADING] == [3, 6, 9]


def test_autonumber_provisions() -> None:
    doc = parse(DOCX / "autonumber.docx")
    assert doc.meta.title == "宁州市2024年优化营商环境工作要点"
    assert _provisions(doc) == [
        ("1", "一、", "优化政务服务", None, None),
        ("1.1", "1.", "推行“一网通办”", ["市政务服务中心"], []),
        ("1.2", "2.", "压缩审批时限", ["市市场监管局"], ["市公安局", "市税务局"]),
        ("2", "二、", "强化要素保障", None, None),
        ("2.1", "1.", "保障用地需求", ["市自然资源局"], []),
        ("2.2", "2.", "降低用电成本", ["市发展改革委", "国网宁州供电公司"], []),
        ("3", "三、", "加强督查问效", None, None),
        ("3.1", "1.", "开展专项督查", ["市政府督查室"], []),
        ("3.2", "2.", "建立通报制度", ["市政府办公室"], []),
        ("3.1~2", "1.", None, None, None),
        ("3.2~2", "2.", None, None, None),
    ]
    assert doc.provisions[6].text == "加强督查问效\n督查重点包括："
    assert doc.provisions[9].text == "政务服务事项办理时限；"


def test_text_boxes_follow_their_paragraph_once() -> None:
    text = load((DOCX / "textbox.docx").read_bytes(), name="textbox.docx", options=OPTIONS)
    assert [(line.number, line.text) for line in text.lines] == [
        (1, "请各单位认真组织自查，并于5月20日前报送自查报告。"),
        (2, "联系人：王明"),  # DrawingML box; its VML fallback copy is not read again
        (3, "联系电话：0791-86241234"),
        (4, "特此通知。"),
        (5, "自查报告模板另行下发"),  # VML-only box
    ]


def test_core_properties_are_the_fallback_meta() -> None:
    doc = parse(DOCX / "textbox.docx")
    assert doc.meta.title == "关于开展安全生产大检查的通知"
    assert (doc.meta.date, doc.meta.date_raw) == ("2024-05-06", "2024-05-06T09:00:00Z")


@pytest.mark.parametrize(
    ("core", "expected"),
    [
        ("<dc:title> 通知 </dc:title><dcterms:created>2024-02-30T00:00:00Z</dcterms:created>",
         {"title": "通知"}),
        ("<dc:title/><dcterms:created>2021-04-15</dcterms:created>",
         {"date": "2021-04-15", "date_raw": "2021-04-15"}),
        # python-docx's template stamps every file with this; it dates nothing
        ("<dcterms:created>2013-12-23T23:15:00Z</dcterms:created>", {}),
    ],
)  # fmt: skip
def test_core_property_values(core: str, expected: dict[str, str]) -> None:
    xml = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:dcterms="http://purl.org/dc/terms/">{core}</cp:coreProperties>'
    )
    text = load(
        make_docx(p("正文"), parts={"docProps/core.xml": xml}), name="t.docx", options=OPTIONS
    )
    assert text.meta_hints == expected


@pytest.mark.parametrize("path", sorted(DOCX.glob("*.docx")), ids=lambda path: path.name)
def test_fixture_is_small_and_lossless(path: Path) -> None:
    assert path.stat().st_size < 50_000
    _check_lossless(path)


def _check_lossless(path: Path) -> None:
    text = load(path.read_bytes(), name=str(path), options=OPTIONS)
    source = "\n".join(
        [line.text for line in text.lines]
        + [c.text for table in text.tables for cells in table.rows for c in cells]
    )
    doc = parse(path)
    assert not missing(source, doc), f"characters lost: {missing(source, doc)}"
    assert not extra(source, doc), f"characters invented: {extra(source, doc)}"


# ---------------------------------------------------------------- the corpus


def test_corpus_autonumber_items_are_numbered() -> None:
    doc = parse(corpus_path("docx", "004_autonumber.docx"))
    arabic = [p.label for p in doc.provisions if p.style.value == "arabic"]
    assert arabic == [f"{n}." for n in range(1, 35)]


def _leads(doc: Any) -> list[tuple[str, list[str] | None, list[str] | None]]:
    out: list[tuple[str, list[str] | None, list[str] | None]] = []
    for prov in doc.provisions:
        resp = prov.responsibility
        out.append((prov.id, resp.lead if resp else None, resp.support if resp else None))
    return out


@pytest.mark.parametrize(
    ("docx_name", "seed"),
    [("002", "002"), ("003", "003"), ("004", "004"), ("004_autonumber", "004")],
)
def test_corpus_docx_parses_like_its_seed(docx_name: str, seed: str) -> None:
    from_docx = parse(corpus_path("docx", f"{docx_name}.docx"))
    from_text = parse(corpus_path("seeds", f"{seed}.txt"))
    assert [(p.id, p.label) for p in from_docx.provisions] == [
        (p.id, p.label) for p in from_text.provisions
    ]
    assert _leads(from_docx) == _leads(from_text)


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004", "004_autonumber"])
def test_corpus_docx_is_lossless(name: str) -> None:
    _check_lossless(corpus_path("docx", f"{name}.docx"))


def test_corpus_task_table_is_a_table() -> None:
    text = load(corpus_path("docx", "000.docx").read_bytes(), name="000.docx", options=OPTIONS)
    (table,) = text.tables
    header = [c.text for c in table.rows[0]]
    assert header == ["工作任务", "任务目标", "工作措施", "完成时限", "牵头部门", "配合部门"]
    assert [c.text for c in table.rows[1]] == ["一、着力培育创新发展新动能"]  # gridSpan=6
    assert table.rows[4][0].text == "（三）支持企业加大研发投入"
    assert table.rows[5][0] == TableCell("", table.rows[5][0].line, continued=True)  # vMerge


# ---------------------------------------------------------------- bad input


def _zip(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


_XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)
_WORKBOOK = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_ONLY = '<w:p><w:r><w:drawing><wp:inline xmlns:wp="urn:x"/></w:drawing></w:r></w:p>'


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04" + b"\0" * 64, "corrupt DOCX: not a readable ZIP archive"),
        (_zip({"[Content_Types].xml": "<Types/>"}),
         "corrupt DOCX: no word/document.xml (not a Word document?)"),
        (_zip({"word/document.xml": "<w:document"}),
         "corrupt DOCX: word/document.xml is not well-formed XML"),
        (_zip({"word/document.xml": _XXE}),
         "corrupt DOCX: word/document.xml declares a DTD, which DOCX forbids"),
        (_zip({"_rels/.rels": _RELS.format(target="xl/workbook.xml"),
               "xl/workbook.xml": _WORKBOOK}),
         "not a DOCX: the main part xl/workbook.xml is not a Word document"),
        (make_docx(_IMAGE_ONLY), "DOCX has no text (only images? OCR is not supported)"),
        (OLE2 + b"\0" * 1000 + "EncryptedPackage".encode("utf-16-le"),
         "encrypted DOCX (password-protected): remove the password in Word and save it again"),
        (OLE2 + b"\0" * 1000,
         "not a DOCX: an OLE2 file (legacy Word .doc?); convert it to .docx"),
    ],
    ids=["not-zip", "no-document", "bad-xml", "xxe", "workbook", "no-text", "encrypted", "ole2"],
)  # fmt: skip
def test_unreadable_docx_raises_load_error(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError) as caught:
        parse(data, format="docx", name="bad.docx")
    assert str(caught.value).startswith(f"bad.docx: {reason}")
    assert "\n" not in str(caught.value)
    assert "root:" not in str(caught.value)


def test_zip_bomb_is_refused() -> None:
    body = p("正文" * 40_000)  # 240 KB of XML that deflates to a few KB
    small = ParseOptions(max_unzipped_bytes=64 * 1024)
    with pytest.raises(LoadError, match=r"^DOCX expands beyond 64 KB \(zip bomb\?\)"):
        load(make_docx(body), name="bomb.docx", options=small)
    with pytest.raises(LoadError, match=r"bomb.docx: DOCX expands beyond 64 KB"):
        parse(make_docx(body), format="docx", name="bomb.docx", options=small)


def _run_cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, check=False
    )


def test_truncated_docx_is_one_line_via_the_cli(tmp_path: Path) -> None:
    data = (DOCX / "notice.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    result = _run_cli("extract", str(path))
    assert result.returncode == 1
    assert result.stdout == b""
    message = result.stderr.decode()
    assert message.startswith(f"policyparse: error: {path}: corrupt DOCX: ")
    assert message.endswith("\n") and message.count("\n") == 1
    assert "Traceback" not in message


def test_docx_without_document_part_via_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(_zip({"[Content_Types].xml": "<Types/>"}))
    result = _run_cli("extract", str(path))
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"policyparse: error: {path}: corrupt DOCX: no word/document.xml (not a Word document?)\n"
    )


def test_reading_text_does_not_import_lxml() -> None:
    code = (
        "import sys; from policyparse import parse; parse('一、总则\\n'.encode(), format='txt'); "
        "print(sorted(m for m in ('lxml', 'docx') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert result.stdout.decode().strip() == "[]"


def test_returns_docx_text() -> None:
    text = load(make_docx(p("正文")), name="t.docx", options=OPTIONS)
    assert isinstance(text, Text)
    assert text.format.value == "docx"
    assert (text.encoding, text.pages, text.notes) == (None, None, [])


def test_word_multilevel_outline_keeps_its_levels() -> None:
    """A Word list numbered %1 / %1.%2 / %1.%2.%3 (how emergency plans are typed) gives
    the outline's tree: 1, 1.1, 1.1.1 — not a flat run of items."""
    levels = (
        lvl(0, "decimal", "%1"),
        lvl(1, "decimal", "%1.%2"),
        lvl(2, "decimal", "%1.%2.%3"),
    )
    body = (
        p("某市突发公共事件总体应急预案")
        + p("总则", num=1, ilvl=0)
        + p("编制目的", num=1, ilvl=1)
        + p("为提高政府保障公共安全和处置突发公共事件的能力，制定本预案。")
        + p("适用范围", num=1, ilvl=1)
        + p("组织体系", num=1, ilvl=0)
        + p("领导机构", num=1, ilvl=1)
        + p("市应急委员会", num=1, ilvl=2)
        + p("市专项指挥部", num=1, ilvl=2)
        + p("办事机构", num=1, ilvl=1)
    )
    data = make_docx(body, numbering=abstract(1, *levels) + num(1, 1))
    doc = parse(data, format="docx", name="plan.docx")
    assert [(q.id, q.label, q.heading, q.path) for q in doc.provisions] == [
        ("1", "1", "总则", [1]),
        ("1.1", "1.1", "编制目的", [1, 1]),
        ("1.2", "1.2", "适用范围", [1, 2]),
        ("2", "2", "组织体系", [2]),
        ("2.1", "2.1", "领导机构", [2, 1]),
        ("2.1.1", "2.1.1", "市应急委员会", [2, 1, 1]),
        ("2.1.2", "2.1.2", "市专项指挥部", [2, 1, 2]),
        ("2.2", "2.2", "办事机构", [2, 2]),
    ]
    assert doc.provisions[1].text == (
        "编制目的\n为提高政府保障公共安全和处置突发公共事件的能力，制定本预案。"
    )
