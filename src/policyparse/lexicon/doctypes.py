"""文种: the kinds of 公文 a title ends with, and what a title line looks like.

GB/T 9704-2012 and the 党政机关公文处理工作条例 (2012) name fifteen kinds (决议 决定 命令(令)
公报 公告 通告 意见 通知 通报 报告 请示 批复 议案 函 纪要); plans, measures, rules and lists
are issued under them and name their own kind in the title (…实施方案, …若干措施). Longer
names come first so that 实施方案 wins over 方案; ``BASE_KIND`` maps each compound to the
kind a reader files it under.
"""

from __future__ import annotations

import re

KINDS = (
    "实施方案", "工作方案", "行动方案", "工作要点", "实施意见", "指导意见", "实施细则",
    "管理办法", "暂行办法", "实施办法", "若干措施", "若干规定", "暂行规定", "行动计划",
    "工作计划", "任务清单", "责任清单", "责任分工", "任务分工", "应急预案", "管理规定",
    "意见", "通知", "方案", "要点", "办法", "规定",
    "条例", "决定", "细则", "规划", "计划", "纲要", "措施", "清单", "公告", "通告",
    "通报", "报告", "请示", "批复", "函", "决议", "指引", "指南", "规则", "章程", "命令",
    "议案", "纪要", "预案", "汇报", "规程", "公报",
)  # fmt: skip
BASE_KIND = {
    "实施方案": "方案", "工作方案": "方案", "行动方案": "方案", "工作要点": "要点",
    "实施意见": "意见", "指导意见": "意见", "实施细则": "细则", "管理办法": "办法",
    "暂行办法": "办法", "实施办法": "办法", "若干措施": "措施", "若干规定": "规定",
    "暂行规定": "规定", "行动计划": "计划", "工作计划": "计划", "任务清单": "清单",
    "责任清单": "清单", "责任分工": "清单", "任务分工": "清单", "应急预案": "预案",
    "管理规定": "规定",
}  # fmt: skip

# A 文种 at the end, perhaps with a bracketed note after it: …办法（试行）, …方案（2023-2027年）.
KIND_AT = re.compile(r"(?:" + "|".join(KINDS) + r")(?:[(（][^()（）]{1,14}[)）])?")
_KIND_END = re.compile(KIND_AT.pattern + "$")
# A title that announces a document by name: …联合公布《…管理办法》.
_QUOTED_END = re.compile(r"《[^《》]{2,80}》$")
_SENTENCE_PUNCT = re.compile(r"[。；;！!？?]")
TITLE_MAX_CHARS = 120


def kind_of(title: str) -> str | None:
    """文种 from a title: ``…实施方案`` → 方案, ``关于印发《…》的通知`` → 通知.

    >>> kind_of("某市人民政府关于印发《某某实施方案》的通知"), kind_of("某某办法（试行）")
    ('通知', '办法')
    """
    title = title.strip()
    m = _KIND_END.search(title)
    if m is None:
        quoted = _QUOTED_END.search(title)
        return kind_of(quoted.group(0)[1:-1]) if quoted else None
    word = re.sub(r"[(（].*$", "", m.group(0))
    return BASE_KIND.get(word, word)


def looks_like_title(text: str) -> bool:
    """A title line: ends with a 文种, no sentence punctuation, not too long.

    >>> looks_like_title("关于做好春节期间安全生产工作的通知"), looks_like_title("现通知如下：")
    (True, False)
    """
    text = text.strip()
    if not text or len(text) > TITLE_MAX_CHARS or _SENTENCE_PUNCT.search(text):
        return False
    if text.endswith((":", "：")):
        return False
    return kind_of(text) is not None or ("关于" in text and len(text) <= 60)
