"""The pieces a deadline phrase is built from, as regular expressions.

    [recurrence] [anchor: date | event 之日起/后/届满] [limit: N units 内/前 | 底/末/前]

Every quantifier is bounded or over a character class that cannot overlap its neighbour,
so each pattern runs in linear time (tests/test_redos.py walks them all).
"""

from __future__ import annotations

import re

_S = r"[ \u3000]*"
_YEAR = rf"(?P<y>(?:19|20)\d{{2}}){_S}年"
_MONTH_NUM = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_MONTH = rf"(?:{_S}{_MONTH_NUM}{_S}月)"
_DAY_NUM = (
    r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
    r"|[一二三四五六七八九])"
)
_DAY = rf"(?:{_S}{_DAY_NUM}{_S}[日号])"
# 下午5时, 17:00 — kept in the raw, no finer than a day in the date.
_CLOCK = (
    rf"(?:{_S}(?:(?:上午|下午|中午|晚上){_S})?\d{{1,2}}{_S}(?:[时点]|[:：]\d{{2}})"
    rf"(?:{_S}\d{{1,2}}{_S}分)?)"
)
_PART = r"(?P<part>上半年|下半年|(?:第?[一二三四1-4])季度(?:末|底)?|年?底|年?末|[上中下]旬)"
_BEFORE = rf"(?P<before>{_S}(?:之前|以前|前))"

# 2022年6月底前, 到2025年底, 2018年3月23日下午5时 (lead and part decide if it is a limit)
DATED = re.compile(
    rf"(?:(?P<lead>到|至|截至|截止){_S})?{_YEAR}{_MONTH}?{_DAY}?{_CLOCK}?"
    rf"(?:{_S}{_PART})?{_BEFORE}?"
)
# 2019年全面完成…升级: a date right before 完成 is when the work is to be done.
COMPLETES = re.compile(r"(?:全面|基本|全部|力争|争取|率先)?完成")
# 截止时间为2025年8月4日: a stated cut-off, whatever the date's form.
CUTOFF = re.compile(
    rf"(?:截止|截至|结束)(?:时间|日期){_S}(?:(?:为|是|：|:){_S})?(?=(?:19|20)\d{{2}})"
)
# 每年11月底前, 每年年底前, 每季度末: a limit that comes back, kept whole.
RECURRING = re.compile(
    rf"(?P<every>每年度?|每季度?|每半年|每月){_S}(?:的{_S})?"
    rf"(?:(?P<yearend>年底|年末)|(?P<qend>季度?末|季度?结束)|{_MONTH_NUM}{_S}月"
    rf"(?:{_DAY}|{_S}(?P<mpart>底|末|[上中下]旬))?|(?P<mend>月底|月末|底|末)|(?P<mday>3[01]|[12]\d|0?[1-9]){_S}[日号])"
    rf"(?P<before>{_S}(?:之前|以前|前))?"
)
# 5月底, 6月底前, 2月20日前, 次年3月底前, 6月份 — a month of the document's year (or the next).
MONTH_LIMIT = re.compile(
    rf"(?<![\d０-９年月/\-.．至到—–~～])(?:(?P<rel>次年|翌年|明年|下一?年度?|当年|今年|本年度?){_S})?"
    rf"{_MONTH_NUM}{_S}月(?P<fen>份)?(?:{_DAY}|{_S}(?P<part>底|末|[上中下]旬))?{_BEFORE}?"
)
# 三季度前, 第四季度末 — a quarter of the document's year.
QUARTER_LIMIT = re.compile(
    rf"(?<![\d０-９年每])(?:(?P<rel>次年|翌年|明年|当年|今年|本年度?){_S})?"
    rf"(?P<part>第?[一二三四1-4]季度)(?P<end>末|底)?{_BEFORE}?"
)
_UNIT = r"(?P<unit>个工作日|工作日|个小时|小时|分钟|天|日|个星期|星期|周|个月|年)"
# 30日内, 五个工作日内, 届满6个月前, 不超过24小时, 48小时以内 — a count of units.
COUNT_LIMIT = re.compile(
    rf"(?<![\d０-９.．年月])(?P<cap>(?:(?:最迟|最长|最多|原则上){_S})?不(?:超过|得超过|超出|迟于){_S})?"
    rf"(?P<n>\d{{1,3}}|[一二三四五六七八九十两]{{1,3}}){_S}{_UNIT}"
    rf"(?P<end>{_S}(?:以内|之内|内|以前|之前|前))?"
)
# What a bare count must not be followed by: a ban (3年内不得再次申请), a count of
# occurrences (1个月内3次), a bracket or list (（3个月以内）、), an attribute (5年内的).
# Matched after the spaces that follow the count (stripped first: a pattern that opens
# with optional spaces would rescan a run of them from every position).
COUNT_BAN = re.compile(rf"(?:[，,]{_S})?(?:不得|不予|不再|禁止|不能|不准)")
COUNT_NOT_LIMIT = re.compile(r"[\d０-９一二三四五六七八九十两）)、的]")
# An event the count runs from: …之日起, …后(的), …届满, …期满.
EVENT_ANCHOR = re.compile(r"(?:之日起|日起|之日|起|后的|以后|之后|后|届满|期满|满)$")
# The event is the document itself: 本意见印发之日起30日内 counts from the document's date.
OWN_EVENT = re.compile(r"^自?本[\u4e00-\u9fff]{0,6}(?:印发|发布|公布|施行|实施|下发)")
# Where an event phrase starts, looking back: a preposition or a stop.
EVENT_STOP = '在于，,。；;：:（(、\n“”"「」'
# Said before a bare count, it is a limit: 应当在60日内, 并于2日内, 符合条件的48小时内, or
# a clause opens with it (，三个月内完成); not after 、 or （ (a list, a definition).
COUNT_LEAD = "在于的应须要并，,。；;：:\n"
THIS_YEAR_END = re.compile(
    r"(?<!每年)(?<![每度\d０-９〇一二三四五六七八九十])(?:本|今|当)?年(?:底|末)(?:前|之前)?|(?<![0-9一二三四五六七八九十两每度])(?:本|今|当)?年(?:度)?内"
)
# 汛期前, 春节前, 每年供暖季前: a season or holiday of the year — a limit with no day a
# calendar can name (not 春节前后, a time around it).
SEASON = re.compile(
    r"(?P<every>每年)?(?:主?汛期|汛前|雨季|旱季|冬季|夏季|春季|秋季|春节|元旦|国庆|中秋|"
    r"开学|供暖季|采暖季|供暖期|采暖期|春耕|秋收)(?:之前|以前|前)(?!后)"
)
PLAN_PERIOD = re.compile(r"[“\"]?(十[一二三四五六七]五)[”\"]?(?:期间|时期|末|内)")
YEAR_SPAN = re.compile(
    r"(?:19|20)\d{2}[ \u3000]*(?:年)?[—–\-－~～至到][ \u3000]*(?P<y>(?:19|20)\d{2})[ \u3000]*年"
)
POLICY_PERIOD = re.compile(r"政策(?:执行|实施|有效)期(?:内|间)")
LONG_TERM_CELL = re.compile(
    r"(?:^|(?<=[（(，,；;：:]))[ \u3000]*长期[ \u3000]*(?:$|(?=[）)，,；;。]))"
)
LONG_TERM = re.compile(r"^[ \u3000]*长期[ \u3000]*$|长期(?:坚持|执行|实施|推进|有效)")
# Frequencies and standing work: a deadline only where the text is a time slot (a 完成时限
# cell, a clause's time field) — in running text 每年组织培训 states how often, not by when.
ONGOING = re.compile(
    r"(?:持续|常态化|定期|按进度|按计划|按时序|逐年)(?:推进|开展|优化|实施|落实|完善|进行)"
    r"|^[ \u3000]*(?:持续|常态化|定期)[ \u3000]*$"
    r"|每年|每季度?|按季(?:度)?|每月|按月|每半年|逐年"
)
# Every form holds one of these; a text with none has no deadline.
ANY_TIME_WORD = re.compile(r"[年月期季每按内前底末时日天周限旬]|持续|常态|定期")
