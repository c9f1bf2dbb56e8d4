"""Metadata from fronts as crawls and portals print them, read from the text by hand.

Each text below is written in the shape of a real source (a Hebei crawl with its line
breaks lost, an MIIT page's field block, a joint signature over a date, a 令 numbered in
brackets); the expected values are what the text states.
"""

from __future__ import annotations

from typing import Any

from policyparse.pipeline import parse_record

IND = "\u3000\u3000"  # a paragraph's first-line indent, all a flattened crawl keeps of a break


def _meta(text: str) -> dict[str, Any]:
    record = parse_record(text.encode("utf-8"), name="front.txt")
    meta: dict[str, Any] = record["meta"]
    return meta


def _flattened_crawl() -> str:
    measures = "".join(
        f"{IND}（{n}）{title}。{body}"
        for n, title, body in (
            ("一", "加强组织领导", "各市要建立工作专班，统筹推进各项任务落实。"),
            ("二", "强化资金保障", "省财政安排专项资金，对符合条件的项目给予奖励。"),
        )
    )
    return (
        "某省人民政府办公厅关于印发某省数字经济发展行动方案（2024-2026年）的通知"
        "各市（含定州、辛集市）人民政府，省政府有关部门："
        f"{IND}《某省数字经济发展行动方案（2024-2026年）》已经省政府同意，现印发给你们，"
        "请结合实际认真贯彻执行。"
        f"{IND}某省人民政府办公厅{IND}2024年3月7日"
        "某省数字经济发展行动方案（2024-2026年）"
        f"{IND}为加快数字经济发展，推动产业数字化转型，制定本方案。"
        f"{IND}一、总体要求{IND}到2026年，全省数字经济核心产业增加值占比达到10%以上。"
        f"{IND}二、保障措施{measures}"
    )


def test_a_crawls_front_cut_into_paragraphs_is_still_read() -> None:
    meta = _meta(_flattened_crawl())
    title = "某省人民政府办公厅关于印发某省数字经济发展行动方案（2024-2026年）的通知"
    assert meta["title"] == title
    assert meta["issuer"] == "某省人民政府办公厅"
    assert meta["date"] == "2024-03-07"


def test_the_plans_opening_stays_in_the_preamble_paragraph_by_paragraph() -> None:
    record = parse_record(_flattened_crawl().encode("utf-8"), name="front.txt")
    assert "为加快数字经济发展，推动产业数字化转型，制定本方案。" in record["preamble"]
    assert [p["heading"] for p in record["provisions"]] == [
        "总体要求",
        "保障措施",
        "加强组织领导",
        "强化资金保障",
    ]


MIIT_PAGE = "\n".join(
    [
        "首页",
        ">",
        "文件发布",
        "发文机关：",
        "工业和信息化部办公厅 教育部办公厅 广电总局办公厅",
        "标　　题：",
        "工业和信息化部办公厅 教育部办公厅 广电总局办公厅 关于组织开展2025年典型案例推荐工作的通知",
        "发文字号：",
        "工信厅联科函〔2025〕\u200b272号",
        "成文日期：",
        "2025-06-27",
        "发布日期：",
        "2025-07-03",
        "发布机构：",
        "科技司",
        "各省、自治区、直辖市工业和信息化主管部门：",
        "为做好典型案例推荐工作，现将有关事项通知如下：",
        "一、推荐范围",
        "面向各行业遴选一批典型案例。",
        "二、工作要求",
        "请于2025年8月31日前报送推荐材料。",
    ]
)


def test_a_portal_field_block_names_every_joint_issuer_not_the_posting_office() -> None:
    meta = _meta(MIIT_PAGE)
    assert meta["issuers"] == ["工业和信息化部办公厅", "教育部办公厅", "广电总局办公厅"]
    assert meta["issuer"] == "工业和信息化部办公厅、教育部办公厅、广电总局办公厅"
    assert meta["doc_number"] == "工信厅联科函〔2025〕272号"  # the zero-width space dropped
    assert meta["date"] == "2025-06-27"


JOINT_SIGNATURE = "\n".join(
    [
        "各市教育局、市委政法委、科技局：",
        "现将《关于加强校外培训治理的实施方案》印发你们，请认真贯彻落实。",
        "某省教育厅中共某省委政法委员会",
        "某省科技厅某省市场监督管理局",
        "某省妇女联合会",
        "2023年1月4日",
        "关于加强校外培训治理的实施方案",
        "一、工作目标",
        "全面规范校外培训行为。",
        "二、工作措施",
        "加强日常监管。",
    ]
)


def test_a_joint_signature_over_several_lines_keeps_every_organ() -> None:
    meta = _meta(JOINT_SIGNATURE)
    assert meta["issuers"] == [
        "某省教育厅",
        "中共某省委政法委员会",
        "某省科技厅",
        "某省市场监督管理局",
        "某省妇女联合会",
    ]
    assert meta["date"] == "2023-01-04"


ORDER_IN_BRACKETS = "\n".join(
    [
        "某市政务数据管理办法",
        "某市人民政府令",
        "",
        "（第16号）",
        "　　《某市政务数据管理办法》已经2020年4月29日市人民政府常务会议审议通过，现予公布。",
        "市长　某某某",
        "",
        "2020年5月15日",
        "第一条　为了加强政务数据管理，制定本办法。",
        "第二条　本办法自2020年6月15日起施行。",
    ]
)


def test_an_order_numbered_in_brackets_is_its_doc_number() -> None:
    meta = _meta(ORDER_IN_BRACKETS)
    assert meta["doc_number"] == "某市人民政府令（第16号）"
    assert meta["issuer"] == "某市人民政府"
    assert meta["date"] == "2020-05-15"


CAC_PAGE = (
    "关于开展专项行动的通知_某某网 设为首页 加入收藏 当前位置： 首页 > 正文 "
    "关于开展专项行动的通知 2025年04月15日 09:00 来源： 某某网 【打印】 【纠错】 "
    "各省、自治区、直辖市党委网信办： "
    "为进一步规范网络秩序，决定开展专项行动。现将有关事项通知如下。 "
    "一、工作目标 通过专项行动，集中整治一批突出问题，有效遏制不良风气。 "
    "二、工作要求 1.明确工作重点。 要坚持问题导向，聚焦重点整治问题，及时发现处置各类问题。 "
    "2.压实平台责任。 督促属地平台对照整治重点，明确审核和处置标准，强化重点环节内容管理。 "
    "3.从严处置处罚。 对存在突出问题的网站平台依法依规从严采取处置措施，形成有力震慑。 "
    "某某办秘书局 2025年4月8日 关闭 某某网 © 版权所有 承办：某某中心 京ICP备00000000号"
)


def test_a_signature_run_into_the_last_paragraph_gives_issuer_and_date() -> None:
    record = parse_record(CAC_PAGE.encode("utf-8"), name="cac.txt")
    assert record["meta"]["issuer"] == "某某办秘书局"
    assert record["meta"]["date"] == "2025-04-08"  # the signature's, not the posting time
    last = record["provisions"][-1]
    assert last["text"].endswith("形成有力震慑。")
    # what follows the date is kept, with the spaces between CJK characters removed
    assert record["closing"] == ["关闭某某网 © 版权所有承办：某某中心京ICP备00000000号"]


ATTACHMENT_LIST_BELOW = "\n".join(
    [
        "一、任务内容",
        "发掘培育一批创新任务。",
        "二、推荐条件",
        "申报主体须为独立法人。",
        "附件：",
        "1.",
        "2025年创新任务申报指南",
        "2.",
        "2025年创新任务申报材料",
        "某部办公厅",
        "2025年11月5日",
    ]
)


def test_an_attachment_list_numbered_on_lines_of_their_own_is_no_provision() -> None:
    record = parse_record(ATTACHMENT_LIST_BELOW.encode("utf-8"), name="list.txt")
    assert [p["path"] for p in record["provisions"]] == [[1], [2]]
    assert record["meta"]["date"] == "2025-11-05"


REGULATION_PAGE = "\n".join(
    [
        "某某设备安全监察规定",
        "来源：中国政府法制信息网发布时间：2007-04-23 15:04",
        "（2006年12月29日国家某某总局令第92号公布自2007年6月1日起施行）",
        "第一章　总则",
        "第一条　为了加强某某设备安全监察工作，制定本规定。",
        "第二条　本规定自2007年6月1日起施行。",
    ]
)


def test_a_regulations_adoption_line_gives_order_number_issuer_and_date() -> None:
    meta = _meta(REGULATION_PAGE)
    assert meta["doc_number"] == "国家某某总局令第92号"
    assert meta["issuer"] == "国家某某总局"  # not the site named by 来源
    assert meta["date"] == "2006-12-29"  # the 公布 date, not the page's posting time


NEWS_OF_A_PLAN = "\n".join(
    [
        "中共中央国务院印发《国家某某总体预案》",
        "新华社北京2月25日电近日，中共中央、国务院印发了《国家某某总体预案》。",
        "1　总则",
        "1.1　总体要求",
        "坚持人民至上。",
        "1.2　适用范围",
        "本预案适用于全国。",
    ]
)


def test_joint_issuers_named_by_the_title_before_yinfa() -> None:
    meta = _meta(NEWS_OF_A_PLAN)
    assert meta["issuers"] == ["中共中央", "国务院"]


WPS_LETTERHEAD = "\n".join(
    [
        "某省农业农村厅\u00a0\u2002某省财政厅",
        "关于开展纪念活动的",
        "通      知",
        "各市、县农业农村局、财政局：",
        "现将有关事项通知如下。",
        "一、活动内容",
        "组织开展主题活动。",
        "二、工作要求",
        "请认真组织实施。",
        "某省农业农村厅\u00a0\u2002\u2002\u2002\u2002某省财政厅",
        "\u2002\u2002\u2002\u2002\u20022024年7月1日",
    ]
)


def test_a_title_ending_in_a_spaced_wenzhong_and_en_space_padding() -> None:
    meta = _meta(WPS_LETTERHEAD)
    assert meta["title"] == "关于开展纪念活动的通知"
    assert meta["issuers"] == ["某省农业农村厅", "某省财政厅"]
    assert meta["date"] == "2024-07-01"


PKULAW_EXPORT = "\n".join(
    [
        "【法宝引证码】 CLI.11.1",
        "原文链接：https://www.pkulaw.com/lar/0.html",
        "中国(某某)试验区管理办法",
        "某市人民政府令",
        "",
        "（第19号）",
        "　　《中国（某某）试验区管理办法》已经市政府常务会议通过，现予公布。",
        "市长　某某",
        "2019年8月12日",
        "　　中国（某某）试验区管理办法",
        "第一条　为了推进试验区建设，制定本办法。",
        "第二条　本办法自2019年9月1日起施行。",
    ]
)


def test_the_documents_own_title_over_an_export_header_of_other_bracket_width() -> None:
    assert _meta(PKULAW_EXPORT)["title"] == "中国（某某）试验区管理办法"


MINISTRY_CRAWL = (
    f"{IND}国科发资〔2017〕261号{IND}各省、自治区、直辖市及计划单列市科技厅（委、局），有关单位："
    f"{IND}为规范项目资金的预算编制和评估，我部制定了《项目预算编报指南》，现印发给你们，请遵照执行。"
    f"{IND}科技部{IND}2017年8月29日--------------------------------"
    f"{IND}项目预算编报指南{IND}一、预算的概述{IND}项目实行预算管理，经过批复的项目预算是资金拨付的依据。"
    f"{IND}二、编报原则{IND}（一）政策相符性。项目预算应当符合国家财经法规和财务管理制度的规定。"
    f"{IND}（二）目标相关性。项目预算应当以任务目标为依据，与任务目标密切相关。"
)


def test_a_recipient_list_holding_a_wenzhong_is_no_title_and_a_dashed_date_is_signed() -> None:
    meta = _meta(MINISTRY_CRAWL)
    assert meta["title"] is None  # the notice's own title is not printed
    assert meta["doc_number"] == "国科发资〔2017〕261号"
    assert meta["issuer"] == "科技部"
    assert meta["date"] == "2017-08-29"


DATED_UNDER_ATTACHMENT = (
    f"{IND}某省科学技术厅{IND}关于印发《某省科技计划{IND}项目管理办法》的通知{IND}（冀科计〔2012〕15号）"
    f"{IND}各设区市科技局，省直有关部门：{IND}现将《某省科技计划项目管理办法》印发给你们，请认真遵照执行。"
    f"{IND}附件：《某省科技计划项目管理办法》{IND}二○一二年四月十六日{IND}附件：{IND}某省科技计划项目管理办法"
    f"{IND}第一章总则{IND}第一条为规范省科技计划项目管理，制定本办法。{IND}第二条本办法适用于省科技计划项目。"
    f"{IND}第二章项目种类{IND}第三条项目种类包括科技支撑计划项目、应用基础研究计划项目等。"
    f"{IND}第四条科技支撑计划重点支持以企业为主体、产学研结合的关键共性技术研究开发与应用示范。"
    f"{IND}第五条应用基础研究计划支持优势学科领域和科学前沿领域的源头创新和原始性创新。"
)


def test_a_date_alone_in_a_crawls_front_is_the_date() -> None:
    meta = _meta(DATED_UNDER_ATTACHMENT)
    assert meta["title"] == "某省科学技术厅关于印发《某省科技计划项目管理办法》的通知"
    assert meta["date"] == "2012-04-16"
    assert meta["issuer"] == "某省科学技术厅"


FORWARDING_NOTICE = "\n".join(
    [
        "各市教育局，各高等学校：",
        "现将《某省人民政府办公厅关于印发某省学前教育专业人才培养方案的通知》转发给你们，请遵照执行。",
        "某省教育厅",
        "2018年8月3日",
        "冀政办字〔2018〕108号",
        "某省人民政府办公厅",
        "关于印发某省学前教育专业人才培养方案的通知",
        "各市人民政府，省政府有关部门：",
        "《某省学前教育专业人才培养方案》已经省政府同意，现印发给你们。",
        "某省人民政府办公厅",
        "2018年7月20日",
        "某省学前教育专业人才培养方案",
        "一、培养目标",
        "培养一批高素质幼儿园教师。",
        "二、保障措施",
        "加强组织领导。",
    ]
)


def test_a_forwarding_notice_is_the_forwarding_offices() -> None:
    meta = _meta(FORWARDING_NOTICE)
    assert meta["issuers"] == ["某省教育厅"]
    assert meta["date"] == "2018-08-03"
    assert meta["doc_number"] is None  # 冀政办字〔2018〕108号 is the forwarded notice's
    assert meta["title"] is None  # the forwarding notice prints no title of its own
