"""Who does what: the words a responsibility clause is made of.

A role marker is built from parts — what the unit does (牵头, 配合, 责任 …), an optional
middle (考核, 责任 …) and what it is (单位, 部门, 处室 …) — so 牵头考核单位, 主办单位 and
責任單位 are found without a list of every spelling. Role verbs follow a list of units
(``A、B牵头``); standing-rule phrases (``列首位的为牵头单位，下同``) change every later clause.
Each table is named data read by :mod:`policyparse.clauses.grammar`.
"""

from __future__ import annotations

import functools
import re
from enum import Enum

from ..fold import fold


class Role(str, Enum):
    """What a clause says a unit does. LEAD and SUPPORT are explicit; PLAIN units lead
    unless the clause names a lead or a standing rule says the first listed leads; WEAK
    units (负责落实, 落实) lead only when nobody else is named."""

    LEAD = "lead"
    PLAIN = "plain"
    WEAK = "weak"
    SUPPORT = "support"


# What a unit under a marker does: 牵头单位 leads, 配合单位 supports, 责任单位 is plain.
ROLE_PARTS: dict[Role, tuple[str, ...]] = {
    Role.LEAD: ("牵头", "主责", "主办"),
    Role.SUPPORT: ("配合", "协同", "协助", "协办", "参与", "参加", "组成", "协作"),
    Role.PLAIN: ("责任", "负责", "实施", "承办", "落实", "执行", "承担"),
}
ROLE_MIDDLES = ("考核", "责任", "推进", "落实", "实施")
# A qualifier before the marker outranks its part: 主要责任单位 leads, 其他责任单位 support.
ROLE_QUALIFIERS: dict[str, Role] = {"主要": Role.LEAD, "其他": Role.SUPPORT, "其它": Role.SUPPORT}
ROLE_HEADS = ("单位", "部门", "处室", "主体", "机构", "科室", "司局")

# Persons are not units: 责任领导：副市长… , 负责省长：… — the field is skipped.
PERSON_PARTS = ("责任", "牵头", "负责", "分管", "包联", "联系", "主管")
PERSON_HEADS = (
    "领导", "人", "省长", "市长", "县长", "区长", "副省长", "副市长", "副县长", "副区长", "同志",
)  # fmt: skip
PERSON_PLACES = ("", "市", "省", "县", "区")
# Who answers for the item (a person line of its own joins the clause block); a contact
# (联系人：) is skipped inside a clause but is no part of one on its own.
ANSWERING_PERSON = ("责任", "牵头", "负责", "分管", "包联", "主管")

# A time limit inside a clause: （完成时限：2022年底；牵头单位：市财政局）
TIME_FIELDS = (
    "时间", "期限", "完成时限", "完成时间", "完成期限", "时间节点", "办结时限", "时限要求",
    "时间要求", "时限", "进度安排", "时间安排",
)  # fmt: skip

# Verbs that close a list of units: ``A、B牵头``. Longest spellings first within a role.
ROLE_VERBS: dict[Role, tuple[str, ...]] = {
    # 指导 leads whatever a standing rule says (GOLD: 「A、B指导」 both lead).
    Role.LEAD: (
        "牵头负责", "牵头落实", "牵头组织", "牵头抓总", "牵头", "负总责", "主责", "主办",
        "负责指导", "指导",
    ),
    Role.SUPPORT: (
        "按职责分工配合", "按照职责分工配合", "按职责配合", "配合落实", "配合实施", "共同配合",
        "配合", "协同", "协助", "协办", "参与", "参加",
    ),
    Role.WEAK: (
        "负责落实", "具体落实", "抓好落实", "组织落实", "组织实施", "负责实施", "具体实施", "落实",
        "实施",
    ),
    Role.PLAIN: (
        "按职责分工负责", "按照职责分工负责", "按职能分工负责", "按职责负责", "分别负责",
        "共同负责", "负责", "承办",
    ),
}  # fmt: skip
# Adverbs between a unit list and its verb: ``A、B按职责分工落实``, ``C分别负责``.
VERB_MODIFIERS = (
    "按职责分工", "按照职责分工", "按职能分工", "按职责", "按照职责", "按各自职责", "分别", "共同",
    "具体", "各自", "积极", "协调", "统筹",
)  # fmt: skip
# ``A会同B``: A leads, B supports, whatever verb closes the sentence.
JOINT_VERBS = ("会同",)
# Words before a unit list that are not part of a name: 由市商务局负责, 请各地…
WHO_OPENERS = ("由", "请")
# ``A（牵头）、B``: a note on the unit before it.
UNIT_NOTES: dict[str, Role] = {"牵头": Role.LEAD, "配合": Role.SUPPORT}

# The standing rule "the unit listed first leads", from its parts: 列首位的为牵头单位,
# 排在第一位的部门为牵头部门, 列第一位者为牵头单位, 排名第一位为牵头单位, 排名第1为牵头单位.
_PLACE_VERBS = "列|排|排名|排列|名列|排序|位列"
_PLACES = "首位|第一位|第一个|第一|第1位|第1个|第1|最前|前面"
_LEAD_ROLE = "牵头(?:单位|部门|处室)?|主责(?:单位|部门)"
# Matched from the place word on (列/排在 before it need not be matched): every form then
# starts with a literal, which the regex engine scans for fast.
FIRST_LEADS = re.compile(
    rf"(?:{_PLACES})(?:的|者)?(?:单位|部门)?(?:的|者)?(?:为|是)(?:{_LEAD_ROLE})"
    rf"|(?:{_LEAD_ROLE})(?:{_PLACE_VERBS})(?:在|于)?(?:{_PLACES})"
)
# ``A为牵头单位`` names the lead inside a clause; ``其他为配合单位`` says the rest support.
NAMED_LEAD = re.compile(r"^(.{2,40}?)(?:为|是)(?:牵头|主责)(?:单位|部门)$")
OTHERS_SUPPORT = re.compile(
    r"^(?:其他|其余|其它)(?:单位|部门)?(?:为|是)(?:配合|协同|参与|责任)(?:单位|部门)$"
)
CARRIES_ON = re.compile(r"下同|以下同|后同|以下均同|下文同")
# ``以下措施均需各区县人民政府落实``: these units support this and every later clause.
STANDING_SUPPORT = re.compile(
    r"以下(?:措施|任务|各项)?均(?:需|由|要)?([^,;，；。]{2,60}?)(?:负责)?落实"
)
STANDING_NOTE = re.compile(r"以下(?:措施|任务|各项|工作)?均(?:需|由|要|须)")
NOT_LISTED = re.compile(r"不再(?:一一)?列出")

# Traditional spellings of the characters role words and organ names are made of, mapped
# one for one so offsets hold (責任單位 → 责任单位); used for matching only, names are
# emitted as written. (fold.py will fold traditional text in general; this table is the
# part the clause reader needs.)
_TRADITIONAL = str.maketrans(
    "責單牽頭門協參與處負辦實際職範總組織導聯係領長設區縣執擔時間節點內進"
    "廳會機關構鎮鄉隊館臺團業財稅務衛農環應運輸護監質檢營貿經濟發廣電視傳眾報計劃統體",
    "责单牵头门协参与处负办实际职范总组织导联系领长设区县执担时间节点内进"
    "厅会机关构镇乡队馆台团业财税务卫农环应运输护监质检营贸经济发广电视传众报计划统体",
)


def role_fold(text: str) -> str:
    """Width-folded and traditional-folded copy for matching; same length as ``text``.

    >>> role_fold("（責任單位：省財政廳）")
    '(责任单位:省财政厅)'
    """
    return fold(text).translate(_TRADITIONAL)


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


def first_chars(*groups: tuple[str, ...] | list[str]) -> str:
    """A look-ahead on the characters the words of ``groups`` start with, so a pattern
    skips every other position at the cost of one set test."""
    chars = sorted({word[0] for words in groups for word in words})
    return "(?=[" + re.escape("".join(chars)) + "])"


_ALL_PARTS = [p for parts in ROLE_PARTS.values() for p in parts]
ROLE_WORD = re.compile(
    first_chars(list(ROLE_QUALIFIERS), _ALL_PARTS) + rf"(?:{_alternation(list(ROLE_QUALIFIERS))})?"
    rf"(?:{_alternation(_ALL_PARTS)})(?:{_alternation(ROLE_MIDDLES)})?"
    rf"(?:{_alternation(ROLE_HEADS)})"
)
PERSON_WORD = re.compile(
    first_chars(PERSON_PARTS)
    + rf"(?:{_alternation(PERSON_PARTS)})(?:{_alternation(PERSON_PLACES[1:])})?"
    rf"(?:{_alternation(PERSON_HEADS)})"
)
TIME_WORD = re.compile(first_chars(TIME_FIELDS) + f"(?:{_alternation(TIME_FIELDS)})")


@functools.lru_cache(maxsize=256)
def role_of_marker(marker: str) -> Role:
    """The role a marker gives its units, from its first part: 牵头考核单位： → LEAD,
    【配合单位】 → SUPPORT, 责任单位 → PLAIN."""
    word = role_fold(marker).lstrip("【[ \t")
    for qualifier, role in ROLE_QUALIFIERS.items():
        if word.startswith(qualifier):
            return role
    for role, parts in ROLE_PARTS.items():
        if word.startswith(parts):
            return role
    return Role.PLAIN


def verb_at_end(text: str) -> tuple[str, Role] | None:
    """The role verb ``text`` ends with, longest first, with any adverb before it:
    ``市财政局按职责分工负责`` → (按职责分工负责, PLAIN)."""
    for size in _VERB_SIZES:
        role = _VERB_ROLE.get(text[-size:]) if len(text) >= size else None
        if role is not None:
            verb = text[-size:]
            rest = text[:-size]
            for modifier in _MODIFIERS_LONGEST_FIRST:
                if rest.endswith(modifier):
                    return modifier + verb, role
            return verb, role
    return None


_VERB_ROLE = {verb: role for role, verbs in ROLE_VERBS.items() for verb in verbs}
_VERB_SIZES = sorted({len(verb) for verb in _VERB_ROLE}, reverse=True)
_MODIFIERS_LONGEST_FIRST = sorted(VERB_MODIFIERS, key=len, reverse=True)
