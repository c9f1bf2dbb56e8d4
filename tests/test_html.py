"""The HTML loader: the article body without the site around it, the metadata table in
meta_hints, charsets, tag soup, tables, hints, and hostile input.

Fixtures in fixtures/html/ are written by hand in the style of real government sites; every
expected value below was read off the fixture (or, for the corpus, off make_corpus.py's
arguments), never copied from the program's output.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from policyparse import parse
from policyparse.errors import LoadError, PolicyParseError
from policyparse.loaders.html import load
from policyparse.loaders.html.meta import read_fields
from policyparse.loaders.html.render import collapse
from policyparse.loaders.html.source import declared_charset
from policyparse.settings import ParseOptions
from policyparse.text import InputFormat, LineHint, Note, Text

from .conftest import FIXTURES, corpus_path

OPTIONS = ParseOptions()

HTML = FIXTURES / "html"

# Words that only site chrome holds; none may reach the body.
CHROME_WORDS = (
    "索引号", "索 引 号", "发文字号", "当前位置", "您的位置", "分享到", "QQ空间", "打印",
    "关闭窗口", "相关链接", "版权所有", "ICP备", "网站标识码", "发布时间", "浏览次数", "字号",
    "首页", "搜索", "扫一扫",
)  # fmt: skip


def _load(name: str) -> Text:
    path = HTML / name
    return load(path.read_bytes(), name=str(path), options=OPTIONS)


def _chrome_note(text: Text) -> Note:
    notes = [n for n in text.notes if n.code == "web-chrome"]
    assert len(notes) == 1, notes
    return notes[0]


def _ids(doc: Any) -> list[tuple[str, str]]:
    return [(p.id, p.label) for p in doc.provisions]


def _duties(doc: Any) -> list[tuple[str, list[str], list[str]] | tuple[str, None]]:
    out: list[Any] = []
    for p in doc.provisions:
        r = p.responsibility
        out.append((p.id, r.lead, r.support) if r is not None else (p.id, None))
    return out


def _source_line(path: Path, snippet: str, encoding: str = "utf-8") -> int:
    """The 1-based line of ``path`` holding ``snippet`` (read from the input, not output)."""
    for number, line in enumerate(path.read_bytes().decode(encoding).splitlines(), 1):
        if snippet in line:
            return number
    raise AssertionError(f"{snippet!r} not in {path}")


# ------------------------------------------------------------------ a full UTF-8 page


def test_utf8_page_body_lines_and_their_source_lines() -> None:
    text = _load("notice_utf8.html")
    assert text.format is InputFormat.HTML
    assert text.encoding == "utf-8"
    assert [line.number for line in text.lines] == [25, *range(29, 40)]
    title = text.lines[0]
    assert (title.text, title.hint) == (
        "宁州市人民政府办公室关于加快推进中小企业数字化转型的通知",
        LineHint.TITLE,
    )
    assert text.lines[1].text == "各县（市、区）人民政府，市政府各部门："
    # <strong> and <span> are inline: no break inside the paragraph, and no hint either.
    assert text.lines[3].text == "　　一、夯实转型基础"
    assert text.lines[3].hint is None
    assert text.lines[8].text == (
        "　　（四）加强人才培养。依托职业院校开展数字技能培训，每年培训不少于1000人次。"
        "（责任单位：市人力资源社会保障局、市教育局）"
    )
    assert text.lines[-1].text == "　　（此件公开发布）"
    assert text.tables == []


def test_utf8_page_metadata_table_goes_to_hints_not_body() -> None:
    text = _load("notice_utf8.html")
    assert text.meta_hints == {
        "title": "宁州市人民政府办公室关于加快推进中小企业数字化转型的通知",
        "doc_number": "宁政办发〔2024〕15号",
        "issuer": "宁州市人民政府办公室",  # 发文机关 over 发布机构 (宁州市人民政府)
        "date": "2024-05-08",  # 成文日期 over 发布日期 (2024年05月13日)
        "date_raw": "2024年05月08日",
    }
    body = "\n".join(line.text for line in text.lines)
    for word in CHROME_WORDS:
        assert word not in body, word


def test_utf8_page_chrome_is_summarised_in_one_note() -> None:
    note = _chrome_note(_load("notice_utf8.html"))
    assert (note.line, note.text) == (None, None)
    assert note.message.startswith("dropped web page chrome: ")
    for kind in (
        "navigation",
        "breadcrumb",
        "metadata table",
        "share links",
        "print/close links",
        "related links",
        "footer",
        "1 script,",
    ):
        assert kind in note.message, kind
    total = re.search(r"\((\d+) characters\)$", note.message)
    assert total is not None
    parts = [int(n) for n in re.findall(r"\((\d+)\)", note.message)]
    assert int(total.group(1)) == sum(parts) > 100


def test_utf8_page_parses_like_the_notice_it_holds() -> None:
    doc = parse(HTML / "notice_utf8.html")
    assert doc.source.format == "html"
    assert doc.source.encoding == "utf-8"
    assert _ids(doc) == [
        ("1", "一、"),
        ("1.1", "（一）"),
        ("1.2", "（二）"),
        ("2", "二、"),
        ("2.3", "（三）"),
        ("2.4", "（四）"),
    ]
    assert _duties(doc) == [
        ("1", None),
        ("1.1", ["市工业和信息化局", "市财政局"], []),
        ("1.2", ["市工业和信息化局"], ["市大数据局"]),
        ("2", None),
        ("2.3", ["市财政局"], []),
        ("2.4", ["市人力资源社会保障局", "市教育局"], []),
    ]
    assert doc.provisions[0].source_span.start_line == 31
    meta = doc.meta
    assert meta.title == "宁州市人民政府办公室关于加快推进中小企业数字化转型的通知"
    assert meta.doc_number == "宁政办发〔2024〕15号"
    assert meta.issuer == "宁州市人民政府办公室"
    assert (meta.date, meta.date_raw) == ("2024-05-08", "2024年5月8日")
    assert meta.recipients == ["各县（市、区）人民政府", "市政府各部门"]
    assert doc.closing == ["（此件公开发布）"]


# ------------------------------------------------------------------ charsets


def test_gbk_page_labelled_gb2312_decodes_as_gb18030() -> None:
    data = (HTML / "gbk_gb2312.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # 喆 is GBK, not GB2312: the label is wrong, as labels are
    assert declared_charset(data) == "gb2312"
    text = load(data, name="gbk_gb2312.html", options=OPTIONS)
    assert text.encoding == "gb18030"
    assert text.lines[7].text == (
        "　　1.推行“一网通办”。依托喆立政务服务平台，实现涉企事项全程网办。"
        "（责任单位：县行政审批局、县大数据中心）"
    )
    assert text.lines[7].number == 27
    # label：value list items, not a table; no 名称, so the title is <title> minus the site.
    assert text.meta_hints == {
        "title": "关于印发《青川县促进民营经济发展实施方案》的通知",
        "doc_number": "青府办发〔2023〕21号",
        "issuer": "青川县人民政府办公室",
        "date": "2023-09-05",
        "date_raw": "2023-09-05",
    }


def test_gbk_page_parses() -> None:
    doc = parse(HTML / "gbk_gb2312.html")
    assert doc.source.encoding == "gb18030"
    assert _ids(doc) == [("1", "一、"), ("1.1", "1."), ("1.2", "2."), ("2", "二、"), ("2.3", "3.")]
    assert _duties(doc) == [
        ("1", None),
        ("1.1", ["县行政审批局", "县大数据中心"], []),
        ("1.2", ["县市场监管局"], []),
        ("2", None),
        ("2.3", ["县金融工作局"], ["县财政局", "人行青川支行"]),
    ]
    meta = doc.meta
    assert meta.title == "关于印发《青川县促进民营经济发展实施方案》的通知"
    assert meta.body_title == "青川县促进民营经济发展实施方案"
    assert meta.doc_number == "青府办发〔2023〕21号"
    assert meta.issuer == "青川县人民政府办公室"
    # The signed date in the body outranks the page's 发布日期.
    assert (meta.date, meta.date_raw) == ("2023-09-01", "2023年9月1日")
    assert meta.recipients == ["各乡镇人民政府", "县级各部门"]


def test_http_equiv_charset_and_an_old_table_layout() -> None:
    data = (HTML / "http_equiv_gbk.html").read_bytes()
    assert declared_charset(data) == "GBK"
    text = load(data, name="http_equiv_gbk.html", options=OPTIONS)
    assert text.encoding == "gb18030"
    assert [(line.number, line.hint) for line in text.lines] == [
        (15, LineHint.TITLE),
        *((n, None) for n in (17, 18, 19, 20, 21, 22, 23, 25, 26)),
    ]
    lines = [line.text.strip("\u00a0") for line in text.lines]
    assert lines[0] == "白河县人民政府关于做好2024年防汛工作的通知"
    assert lines[1] == "各镇人民政府，县政府各工作部门："  # <br> ends it, <font> does not
    assert lines[3] == "一、压实防汛责任"
    assert lines[7] == (
        "（三）排查地质灾害隐患点。对全县138处隐患点逐一巡查。"
        "（责任单位：县自然资源局牵头，各镇人民政府配合）"
    )
    assert lines[-2:] == ["白河县人民政府", "2024年5月31日"]
    # <title> is the site's name, not the document's, so the title comes from td.title.
    assert text.meta_hints == {
        "title": "白河县人民政府关于做好2024年防汛工作的通知",
        "date": "2024-06-03",
        "date_raw": "2024-06-03",
    }
    doc = parse(HTML / "http_equiv_gbk.html")
    assert _ids(doc) == [
        ("1", "一、"),
        ("1.1", "（一）"),
        ("1.2", "（二）"),
        ("2", "二、"),
        ("2.3", "（三）"),
    ]
    assert _duties(doc)[4] == ("2.3", ["县自然资源局"], ["各镇人民政府"])
    assert (doc.meta.issuer, doc.meta.date) == ("白河县人民政府", "2024-05-31")


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b'<meta charset="gb2312">', "gb2312"),
        (b"<META CHARSET=GBK>", "GBK"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', "gb2312"),
        (b"<meta content='text/html;charset=utf-8' http-equiv='content-type'>", "utf-8"),
        (b'<meta charset="iso-8859-1">', None),  # a server default on Chinese sites
        (b'<meta charset="utf-16">', None),  # WHATWG: never from a <meta>
        (b"<html><head><title>x</title></head>", None),
    ],
)
def test_declared_charset(head: bytes, label: str | None) -> None:
    assert declared_charset(b"<!DOCTYPE html><html><head>" + head) == label


def test_xml_declaration_names_the_charset() -> None:
    assert declared_charset(b'<?xml version="1.0" encoding="GB18030"?>\n<html>') == "GB18030"


def test_undeclared_gbk_page_heavy_with_markup_is_gb18030() -> None:
    # Browsers in a zh-CN locale read an undeclared non-UTF-8 page as GBK; a detector
    # weighing the whole file sees mostly ASCII markup (and once guessed cp1250).
    nav = '<div class="nav"><a href="/zwgk/zcwj/index.html">x</a></div>\n' * 150
    page = f"<html><body>{nav}<div id=zoom><p>一、优化营商环境，喆。</p></div></body></html>"
    text = load(page.encode("gb18030"), name="undeclared.html", options=OPTIONS)
    assert text.encoding == "gb18030"
    assert [line.text for line in text.lines] == ["一、优化营商环境，喆。"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_page_without_bom(codec: str) -> None:
    page = "\n<html><body><div id=zoom><p>一、总体要求</p></div></body></html>"
    text = load(page.encode(codec), name="utf16.html", options=OPTIONS)
    assert (text.encoding, [line.text for line in text.lines]) == (codec, ["一、总体要求"])


def test_bom_outranks_meta_charset() -> None:
    page = '<meta charset="gb2312"><body><div id="zoom"><p>一、总体要求</p></div></body>'
    text = load(b"\xef\xbb\xbf" + page.encode("utf-8"), name="bom.html", options=OPTIONS)
    assert text.encoding == "utf-8-sig"
    assert [line.text for line in text.lines] == ["一、总体要求"]


# ------------------------------------------------------------------ tag soup


def test_tag_soup_without_structure_keeps_its_text_and_title() -> None:
    text = _load("tag_soup.html")
    assert all("<" not in line.text for line in text.lines)
    texts = [line.text.strip("　") for line in text.lines]
    # Junk tags inside a paragraph are inline: they neither break nor leave a trace.
    assert "一、减轻经营负担" in texts
    assert "为支持个体工商户发展，提出如下意见。" in texts
    assert "扫一扫在手机打开当前页" not in texts
    assert text.meta_hints == {"date": "2023-02-14", "date_raw": "2023-02-14 09:30:00"}
    doc = parse(HTML / "tag_soup.html")
    assert _ids(doc) == [
        ("1", "一、"),
        ("1.1", "(一)"),
        ("1.2", "(二)"),
        ("2", "二、"),
        ("2.3", "(三)"),
    ]
    assert _duties(doc) == [
        ("1", None),
        ("1.1", ["市税务局", "市财政局"], []),
        ("1.2", ["市发展改革委"], []),
        ("2", None),
        ("2.3", ["市市场监管局"], []),
    ]
    assert doc.provisions[2].text == "降低用能成本。对个体工商户用电执行居民电价。"
    meta = doc.meta
    assert meta.title == "长岭市人民政府关于支持个体工商户发展的意见"
    assert meta.doc_number == "长政发〔2023〕4号"
    assert (meta.issuer, meta.date) == ("长岭市人民政府", "2023-02-10")
    assert meta.recipients == ["各区人民政府", "市政府各委办局"]


# ------------------------------------------------------------------ tables and hints


def test_task_table_becomes_a_table_with_merged_cells() -> None:
    text = _load("task_table.html")
    assert [(line.number, line.text) for line in text.lines] == [
        (10, "桐溪县2024年优化营商环境重点任务分工方案"),
        (12, "为持续优化营商环境，现将重点任务分工如下。"),
        (20, "各责任单位要于每季度末报送任务进展情况。"),
    ]
    assert len(text.tables) == 1
    table = text.tables[0]
    assert table.line == 13
    rows = [[(cell.text, cell.continued) for cell in row] for row in table.rows]
    assert rows == [
        [("序号", False), ("工作任务", False), ("具体措施", False), ("责任单位", False),
         ("完成时限", False)],
        [("一、提升政务服务效能", False)],  # colspan=5: one cell, once
        [("1", False), ("推进“高效办成一件事”", False), ("梳理企业开办等事项清单", False),
         ("县行政审批局", False), ("2024年6月底", False)],
        [("2", False), ("", True), ("推动“一件事”集成办理\n全程网办", False),
         ("县行政审批局、县大数据中心", False), ("2024年底", False)],
        [("3", False), ("优化涉企服务", False), ("开通企业诉求专线", False),
         ("县工商联", False), ("", True)],
    ]  # fmt: skip
    assert [{cell.line for cell in row} for row in table.rows] == [{14}, {15}, {16}, {17}, {18}]


def test_h1_title_and_heading_hints_without_a_metadata_table() -> None:
    text = _load("h1_no_meta.html")
    assert [(line.number, line.hint, line.text) for line in text.lines] == [
        (12, LineHint.TITLE, "湄江市科技创新券管理办法"),  # <br> inside the title joined
        (14, LineHint.HEADING, "第一章　总　则"),
        (15, None, "第一条　为激发中小企业创新活力，制定本办法。"),
        (16, None, "第二条　本办法所称科技创新券，是指市财政出资、向企业发放的权益凭证。"),
        (17, LineHint.HEADING, "第二章　申领和使用"),
        (18, None, "第三条　符合条件的企业可在线申领创新券，每家企业每年最高不超过20万元。"),
        (19, LineHint.HEADING, "第四条　使用范围"),
        (20, None, "创新券用于购买检验检测、研发设计等科技服务。"),
    ]
    assert text.meta_hints == {"title": "湄江市科技创新券管理办法"}
    doc = parse(HTML / "h1_no_meta.html")
    assert doc.meta.title == "湄江市科技创新券管理办法"
    assert doc.meta.doc_number is None
    assert _ids(doc) == [
        ("1", "第一章"),
        ("1.1", "第一条"),
        ("1.2", "第二条"),
        ("2", "第二章"),
        ("2.3", "第三条"),
        ("2.4", "第四条"),
    ]


def test_preformatted_and_bare_text_keep_their_lines() -> None:
    page = "<body><div id=zoom><p>前言</p><pre>一、总体要求\n（一）指导思想。</pre></div></body>"
    text = load(page.encode("utf-8"), name="pre.html", options=OPTIONS)
    assert [line.text for line in text.lines] == ["前言", "一、总体要求", "（一）指导思想。"]
    bare = load(
        "一、总体要求\n（一）指导思想。\n\n二、主要任务\n".encode(),
        name="bare.html",
        options=OPTIONS,
    )
    assert [(line.number, line.text) for line in bare.lines] == [
        (1, "一、总体要求"),
        (2, "（一）指导思想。"),
        (4, "二、主要任务"),
    ]


def test_a_content_wrapper_with_a_sidebar_is_not_the_article() -> None:
    # .content is a known container name, but here it wraps a sidebar with text of its
    # own; the article is the unnamed block beside it, widened to take in its title.
    page = """<html><head><meta charset="utf-8"><title>苍梧县科学技术局</title></head><body>
<div class="content">
<div class="left"><div class="lm">栏目导航</div>
<div class="lxwm">联系电话：0774-1234567 地址：苍梧县城北路8号 邮编：543100</div></div>
<div class="right">
<div class="tit">关于做好2024年度高新技术企业认定工作的通知</div>
<div class="sj">发布日期：2024-04-02 信息来源：县科技局</div>
<div class="con_txt">
<p>各有关企业：</p>
<p>为做好2024年度高新技术企业认定工作，现将有关事项通知如下：</p>
<p style="display:none">隐藏的防采集文字</p>
<p>一、申报条件</p>
<p>企业申请认定时须注册成立一年以上。</p>
</div></div></div></body></html>"""
    text = load(page.encode("utf-8"), name="wrapper.html", options=OPTIONS)
    assert [(line.number, line.hint, line.text) for line in text.lines] == [
        (6, LineHint.TITLE, "关于做好2024年度高新技术企业认定工作的通知"),
        (9, None, "各有关企业："),
        (10, None, "为做好2024年度高新技术企业认定工作，现将有关事项通知如下："),
        (12, None, "一、申报条件"),
        (13, None, "企业申请认定时须注册成立一年以上。"),
    ]
    assert text.meta_hints == {
        "title": "关于做好2024年度高新技术企业认定工作的通知",
        "date": "2024-04-02",
        "date_raw": "2024-04-02",
    }
    assert "hidden elements" in _chrome_note(text).message


def test_whitespace_collapses_like_a_browser() -> None:
    assert collapse("  健康\n  发展 promotes\n growth\u3000 ") == "健康发展 promotes growth\u3000"


def test_metadata_lines_must_all_be_metadata() -> None:
    assert read_fields(["成文日期", "2020-03-30", "名称：某某通知"]) == {
        "成文日期": "2020-03-30",
        "名称": "某某通知",
    }
    assert read_fields(["联系人：张三", "电话：123"]) is None
    assert read_fields(["发文字号：甲发〔2020〕1号", "一、总体要求"]) is None


# ------------------------------------------------------------------ hostile and broken input


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    page = (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        '<html><body><div id="zoom"><p>一、正文&xxe;</p></div></body></html>'
    )
    text = load(page.encode("utf-8"), name="xxe.html", options=OPTIONS)
    body = "\n".join(line.text for line in text.lines)
    assert "TOP-SECRET-VALUE" not in body
    assert "一、正文" in body


def test_ten_thousand_levels_of_nesting_neither_crash_nor_lose_text() -> None:
    page = (
        "<html><body><p>一、开头</p>"
        + "<div>" * 10_000
        + "<p>二、最深处</p>"
        + "</div>" * 10_000
        + "<p>三、结尾</p></body></html>"
    )
    text = load(page.encode("utf-8"), name="deep.html", options=OPTIONS)
    assert [line.text for line in text.lines] == ["一、开头", "二、最深处", "三、结尾"]
    assert any(n.code == "markup-junk" and "256" in n.message for n in text.notes)


def test_unclosed_inline_tags_past_the_depth_limit_keep_every_line() -> None:
    rows = "".join(f"<font color=red>第{i}行\n<br>\n" for i in range(400))
    page = f"<html><body>{rows}<p>尾行</p></body></html>"
    text = load(page.encode("utf-8"), name="fonts.html", options=OPTIONS)
    assert [line.text for line in text.lines] == [*(f"第{i}行" for i in range(400)), "尾行"]
    assert [line.number for line in text.lines[:3]] == [1, 3, 5]


@pytest.mark.parametrize("data", [bytes(range(256)) * 64, b"\x00\x01\x02binary"])
def test_binary_data_is_a_load_error(data: bytes) -> None:
    with pytest.raises(LoadError, match="cannot read the page"):
        load(data, name="x.html", options=OPTIONS)


def test_a_page_without_text_is_a_load_error_that_says_why() -> None:
    page = b"<html><body><div id='app'></div><script>render()</script></body></html>"
    with pytest.raises(LoadError, match=r"no article text.*JavaScript"):
        load(page, name="spa.html", options=OPTIONS)
    with pytest.raises(PolicyParseError) as caught:
        parse(page, format="html", name="spa.html")
    assert str(caught.value).startswith("spa.html: no article text")


# ------------------------------------------------------------------ the corpus pages

CORPUS_PAGES = [
    # seed, page, encoding, meta_hints (from make_corpus.py's write_html arguments)
    (
        "002",
        "002.html",
        "utf-8",
        {
            "title": "关于印发《资阳市雁江区促进中小企业健康发展实施方案》的通知",
            "doc_number": "资雁府办发〔2020〕19号",
            "issuer": "资阳市雁江区人民政府办公室",
            "date": "2020-03-30",
            "date_raw": "2020-03-30",
        },
    ),
    (
        "004",
        "004.html",
        "utf-8",
        {
            "title": "关于印发《江西省促进中小企业发展2021年工作要点》的通知",
            "doc_number": "赣促中小组发〔2021〕1号",
            "issuer": "江西省促进中小企业发展工作领导小组办公室",
            "date": "2021-04-15",
            "date_raw": "2021-04-15",
        },
    ),
    (
        "003",
        "003_gb18030.html",
        "gb18030",
        {
            "title": "关于贯彻落实中小企业纾困帮扶 政策的实施方案",
            "doc_number": "市促中小办发〔2022〕3号",
            "issuer": "市促进中小企业发展工作领导小组办公室",
            "date": "2022-06-01",
            "date_raw": "2022-06-01",
        },
    ),
]


@pytest.mark.parametrize(
    ("seed", "page", "encoding", "hints"), CORPUS_PAGES, ids=[c[1] for c in CORPUS_PAGES]
)
def test_corpus_page_gives_the_seed_provisions(
    seed: str, page: str, encoding: str, hints: dict[str, str]
) -> None:
    html_path = corpus_path("html", page)
    from_html = parse(html_path)
    from_txt = parse(corpus_path("seeds", f"{seed}.txt"))
    assert from_html.source.encoding == encoding
    assert _ids(from_html) == _ids(from_txt)
    assert _duties(from_html) == _duties(from_txt)
    assert [p.text for p in from_html.provisions] == [p.text for p in from_txt.provisions]
    first = from_html.provisions[0]
    raw = html_path.read_bytes().decode(encoding)
    snippet = first.label + first.text.split("\n")[0][:6]
    assert first.source_span.start_line == _source_line(html_path, snippet, encoding)
    assert snippet in raw
    assert from_html.meta.doc_number == hints["doc_number"]


@pytest.mark.parametrize(
    ("seed", "page", "encoding", "hints"), CORPUS_PAGES, ids=[c[1] for c in CORPUS_PAGES]
)
def test_corpus_page_metadata_table(
    seed: str, page: str, encoding: str, hints: dict[str, str]
) -> None:
    path = corpus_path("html", page)
    text = load(path.read_bytes(), name=str(path), options=OPTIONS)
    assert text.encoding == encoding
    assert text.meta_hints == hints
    body = "\n".join(line.text for line in text.lines)
    for word in CHROME_WORDS:
        assert word not in body, word
    assert text.lines[0].hint is LineHint.TITLE
