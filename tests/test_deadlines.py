"""The deadline grammar, form by form: each case worked out by hand from GOLD.md's rule —
a completion limit is a deadline; a goal year, a window, a start and a frequency are not
(except in a time slot: a 完成时限 cell or a clause's time field).

Documents are dated 2021-04-15 (a Thursday) unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from policyparse import parse
from policyparse.clauses.deadlines import FORM_NAMES, find_deadline

DOC = dt.date(2021, 4, 15)

# (text, raw, date, kind) — running text
LIMITS = [
    # recurring: the whole phrase, no single last day
    ("各市于每年11月底前报省教育厅、省财政厅。", "每年11月底前", None, "ongoing"),
    ("主管部门应当于每年三月底前向市政府报告。", "每年三月底前", None, "ongoing"),
    ("每季度末报送工作进度。", "每季度末", None, "ongoing"),
    ("每月5日前报送上月数据。", "每月5日前", None, "ongoing"),
    ("每年年底前报送年度总结。", "每年年底前", None, "ongoing"),
    # cutoff: the date after 截止时间为, as written, time of day kept in the raw
    ("网上申报截止时间为2018年3月23日下午5时。", "2018年3月23日下午5时", "2018-03-23", "date"),
    # dated: a year phrased as a limit
    ("2022年6月底前出台实施细则，6月底前完成摸底。", "2022年6月底前", "2022-06-30", "date"),
    ("2023年5月中旬前完成招标。", "2023年5月中旬前", "2023-05-20", "date"),
    ("到2025年底前完成全部改造。", "到2025年底前", "2025-12-31", "date"),
    # a year the work is to be done in (完成 right after it)
    ("2019年全面完成市级政府门户网站升级改造工作。", "2019年", "2019-12-31", "date"),
    ("2020年基本完成政务新媒体整合工作。", "2020年", "2020-12-31", "date"),
    # month: the document's year, or the next one after 次年
    ("5月底前完成平台升级。", "5月底前", "2021-05-31", "date"),
    ("2月20日前高速公路施工人员陆续到位。", "2月20日前", "2021-02-20", "date"),
    ("次年3月底前完成清算。", "次年3月底前", "2022-03-31", "date"),
    ("6月上旬前完成排查。", "6月上旬前", "2021-06-10", "date"),
    # quarter of the document's year
    ("对年内计划新开工项目，三季度前全部开工。", "三季度前", "2021-09-30", "date"),
    ("第四季度末完成验收。", "第四季度末", "2021-12-31", "date"),
    # count: bare, with the event it runs from, capped
    ("应当自收到申请之日起7个工作日内答复。", "自收到申请之日起7个工作日内", None, "period"),
    ("应当在许可证有效期届满6个月前提出书面换证申请。", "许可证有效期届满6个月前", None, "period"),
    ("安装单位应当在施工验收后30日内移交技术资料。", "施工验收后30日内", None, "period"),
    (
        "审批单位应当在应急预案印发后的20个工作日内备案。",
        "应急预案印发后的20个工作日内",
        None,
        "period",
    ),
    ("各地自本意见印发之日起30日内制定方案。", "自本意见印发之日起30日内", "2021-05-15", "period"),
    ("攻关完成后（名单公布之日起不超过2年）测评。", "名单公布之日起不超过2年", None, "period"),
    ("简化复工手续，审核办理时限不超过24小时。", "不超过24小时", None, "period"),
    ("事故发生后，最迟不超过4个小时报告。", "最迟不超过4个小时", None, "period"),
    ("接到申请的部门应当在五个工作日内予以答复。", "五个工作日内", None, "period"),
    ("符合放行条件的48小时内放行。", "48小时内", None, "period"),
    ("三个月内完成清理。", "三个月内", "2021-07-15", "period"),
    # a closed count beats a bare cap that describes a length
    (
        "检验周期最长不超过2年。使用单位应当在定期检验有效期届满1个月前提出申请。",
        "定期检验有效期届满1个月前",
        None,
        "period",
    ),
    # this year
    ("本年度内完成全部任务。", "本年度内", "2021-12-31", "date"),
    ("年底前完成全部改造任务。", "年底前", "2021-12-31", "date"),
    # a season or holiday: a limit with no calendar day
    ("各地要在汛期前完成隐患排查。", "汛期前", None, "date"),
    ("每年供暖季前完成设备检修。", "每年供暖季前", None, "ongoing"),
    # long term in text
    ("各地各部门要长期坚持，抓好落实。", "长期坚持", None, "long_term"),
]

NOT_LIMITS = [
    "到2025年完成全部改造。",  # a goal year, 完成 or not
    "2021年是开局之年，各地完成了摸底。",  # 完成 not right after the year
    "坚持平稳过渡的原则，到2020年停止学前教育专业中专层次招生。",  # a goal year
    "力争到2017年底，全面清理规范行政事业性收费。",  # a goal
    "2016年至2017年，巩固提高工作成果。",  # a window
    "政策有效期为2019年1月1日至12月31日。",  # a window
    "2015年7月至9月底，对清单之外的乱收费项目进行清理规范。",  # a window
    "延续实施阶段性降低失业保险费率政策至2022年4月30日。",  # a window's end
    "从2019年起实施新标准。",  # a start
    "每3年开展一次评估。",  # a frequency
    "每年组织专任教师开展业务培训。",  # a frequency
    "资助资金按学期（或按月）减免。",  # a frequency
    "每年9月开园时，家长提出书面申请。",  # a month, not a limit
    "持续推进中试能力提升。",  # ongoing words in running text
    "“十四五”期间，累计培育高新技术企业500家。",  # a window
    "针对首年关税为零的2034种、5年内关税减让显著的2725种出口商品。",  # a schedule
    "分别按短期（3 个月以内）、中期（3-6 个月）提出整改期限。",  # a definition
    "有下列情形之一的，应当关闭：(5)3个月内两次发现有违法生产的。",  # a count of events
    "被取消资格的，自取消之日起3年内不得再次申请。",  # a ban
    "3个月前已完成首批认定。",  # "ago", not a limit
    "引导金融机构发放中长期贷款。",
    "春节前后开展走访慰问。",  # a time around a holiday, not a limit
]

# (text, raw, date, kind) — a time slot: a 完成时限 cell or a clause's time field
SLOTS = [
    ("（5月底取得明显成效并持续推进，牵头考核单位：市审批服务局）", "5月底", "2021-05-31", "date"),
    ("（6月份取得明显成效，牵头考核单位：市工信局）", "6月份", "2021-06-30", "date"),
    ("（11月，牵头考核单位：市工信局）", "11月", "2021-11-30", "date"),
    ("（持续推进，牵头考核单位：市审批服务局）", "持续推进", None, "ongoing"),
    ("（按进度推进，牵头考核单位：市发改委）", "按进度推进", None, "ongoing"),
    ("（持续优化，牵头考核单位：市住建局）", "持续优化", None, "ongoing"),
    ("（长期，牵头单位：市财政局）", "长期", None, "long_term"),
    ("到2027年", "到2027年", "2027-12-31", "date"),
    ("2021—2023年", "2021—2023年", "2023-12-31", "period"),
    ("每年", "每年", None, "ongoing"),
    ("按月", "按月", None, "ongoing"),
]


@pytest.mark.parametrize(("text", "raw", "date", "kind"), LIMITS, ids=[c[1] for c in LIMITS])
def test_a_completion_limit_is_read(text: str, raw: str, date: str | None, kind: str) -> None:
    found = find_deadline(text, doc_date=DOC)
    assert found is not None
    assert (found.raw, found.date, found.kind) == (raw, date, kind)


@pytest.mark.parametrize("text", NOT_LIMITS)
def test_what_is_not_a_limit_is_not_read(text: str) -> None:
    assert find_deadline(text, doc_date=DOC) is None


@pytest.mark.parametrize(("text", "raw", "date", "kind"), SLOTS, ids=[c[1] for c in SLOTS])
def test_a_time_slot_reads_any_time(text: str, raw: str, date: str | None, kind: str) -> None:
    found = find_deadline(text, doc_date=DOC, whole_cell=True)
    assert found is not None
    assert (found.raw, found.date, found.kind) == (raw, date, kind)


def test_without_the_documents_date_a_month_has_no_date() -> None:
    found = find_deadline("5月底前完成平台升级。")
    assert found is not None
    assert (found.raw, found.date) == ("5月底前", None)


def test_no_such_day_is_no_date() -> None:
    assert find_deadline("2月30日前完成。", doc_date=DOC) is None


def test_the_forms_keep_their_names_and_order() -> None:
    assert FORM_NAMES == (
        "recurring", "cutoff", "plan-period", "year-span", "dated", "month", "quarter",
        "count", "this-year", "season", "policy-period", "long-term", "ongoing",
    )  # fmt: skip


def test_a_clauses_time_field_wins_over_dates_in_the_text() -> None:
    text = (
        "一、重点任务\n"
        "1．建立物价信息服务平台，7月底前完成项目前期手续。（按进度推进，牵头考核单位：市发改委）\n"
        "2．新增5G基站1000座。（6月底完成，牵头考核单位：市工信局）\n"
    )
    doc = parse(text.encode("utf-8"), format="txt", name="plan.txt")
    got = {p.id: p.deadline.raw if p.deadline else None for p in doc.provisions}
    assert got == {"1": None, "1.1": "按进度推进", "1.2": "6月底"}
