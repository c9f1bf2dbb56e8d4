"""Join lines that a line wrap or a page break split back into one paragraph.

Text copied out of PDFs breaks sentences at the old line and page ends, often with a blank
line in between (``…中小企业给予`` / ``专项资金支持。(责任单位:…``). A break is a wrap, not a
paragraph end, when the first part cannot end a paragraph and the next part cannot start one:

- an unclosed bracket always continues (a clause split across pages);
- a line ending in 。！？；： or a balanced closing bracket ends its paragraph;
- the next part never continues if it starts with a numbering label;
- a short heading line (``一、总体要求``, ``(一)切实加强领导,狠抓责任落实``) stands alone:
  a labelled line continues only if it already holds a sentence stop, and an unlabelled
  one only if it is long enough to have been wrapped.
"""

from __future__ import annotations

import re

from ..fold import bracket_depth
from ..lexicon.labels import starts_with_label

_ENDS_PARAGRAPH = set("。！？；：!?;:")
_CLOSERS = set("）)〕]】》」』”’")
_CONTINUATION_START = set("，。、；：,.;:）)〕】》")
_SOFT_END = set("，,、")
# A wrapped line is close to the text width; a title or signature is short.
WRAP_MIN_CHARS = 24
_TITLE_END = re.compile(
    r"(?:通知|意见|方案|要点|办法|规定|条例|决定|细则|规划|计划|纲要|措施|清单|公告|通告|"
    r"通报|报告|请示|批复|函|决议|指引|指南|规则|章程)$"
)
# A page's field line (发布时间：… 来源：…) is a record of its own, never a wrapped sentence.
_FIELD_LINE = re.compile(r"^[^\s:：，。,]{2,6}[:：](?!.*。)")
# A signature: one short organ name on its own line (…落地见效 | 宁州市人民政府办公室).
_SIGNATURE = re.compile(
    r"^[\u4e00-\u9fff（）()〔〕]{2,30}(?:人民政府|政府|办公室|办公厅|委员会|领导小组|局|厅|委|部|中心)$"
)
_LABEL_ONLY = re.compile(r"[^\s:：，。,、]{2,6}[:：]")
_SPACES = re.compile(r"[ \u3000\u00a0]+")
_STANDALONE_START = re.compile(
    r"^(?:——|附件|抄送|印发|主送|联系人|签发人|[(（]此件|[0-9一二三四五六七八九〇○零]{2,4}年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日$)"
)


def continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` is the rest of the paragraph that ``prev`` began.

    >>> continues("1、统筹安排资金。对困难企业给予", "专项资金支持。")
    True
    >>> continues("一、总体要求", "以习近平新时代中国特色社会主义思想为指导。")
    False
    >>> continues("（责任单位：区经科信局、区统计", "局、区行政审批局）")
    True
    """
    if not prev or not nxt:
        return False
    if starts_with_label(nxt) or _STANDALONE_START.match(nxt) or _is_label_only(nxt):
        return False
    if bracket_depth(prev) > 0:
        return True
    last = prev[-1]
    if last in _ENDS_PARAGRAPH or last in _CLOSERS:
        return False
    if nxt[0] in _CONTINUATION_START or last in _SOFT_END:
        return True
    if _TITLE_END.search(prev) or _FIELD_LINE.match(prev) or _SIGNATURE.match(nxt):
        return False
    if starts_with_label(prev):
        return "。" in prev or "；" in prev or ";" in prev
    return "。" in prev or "；" in prev or len(prev) >= WRAP_MIN_CHARS


def _is_label_only(line: str) -> bool:
    """``标　　题：`` alone: a page's field label whose value is on the next line."""
    return _LABEL_ONLY.fullmatch(_SPACES.sub("", line)) is not None


def join(prev: str, nxt: str) -> str:
    """Glue two parts of a paragraph; a space only between two Latin words or numbers."""
    if prev[-1:].isascii() and prev[-1:].isalnum() and nxt[:1].isascii() and nxt[:1].isalnum():
        return f"{prev} {nxt}"
    return prev + nxt
