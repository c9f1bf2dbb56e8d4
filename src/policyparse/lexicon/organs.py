"""What a unit's name looks like: the words organ names end with, and the words around a
list of names that are not names.

Read by :mod:`policyparse.clauses.units` (splitting a list as written) and the clause
grammar (deciding whether a bracket holds units at all).
"""

from __future__ import annotations

import re

from ..fold import CLOSING, OPENING

# The last word of a unit name (organs, offices, banks, enterprises, collective subjects).
ORGAN_ENDINGS = (
    "局", "厅", "委", "办", "府", "会", "室", "部", "院", "行", "处", "署", "所", "站", "队", "关",
    "联", "社", "团", "校", "馆", "台", "庭", "司", "中心", "公司", "集团", "小组", "单位", "部门",
    "机构", "机关", "组织", "企业", "街道", "镇", "乡", "移动", "电信", "联通", "铁塔", "广电",
    "人民政府", "管委会", "委员会", "办公室", "办事处", "领导小组", "成员单位", "相关单位",
    "有关单位", "各地", "地方", "专班", "工作组", "专项组", "指挥部", "总局", "总社", "分行",
    "支行", "海关", "法院", "检察院", "协",
)  # fmt: skip
# Words that end like an organ (行, 会, 所 …) but name an action, a status or a place.
NOT_ORGAN_ENDINGS = (
    "试行", "暂行", "施行", "执行", "运行", "进行", "实行", "推行", "发行", "先行", "可行",
    "修订稿", "征求意见稿", "草案", "座谈会", "研讨会", "推介会", "博览会", "交易会", "展览会",
    "发布会", "运动会", "年会", "例会", "场所", "住所", "处所",
)  # fmt: skip
# Bare generic words that finish the unit before them: 有关部门、单位 is one unit.
GENERIC_WORDS = ("单位", "部门", "机构", "企业", "组织", "机关")
# After 等: a collective that is a unit of its own (X等有关单位 → X, 有关单位) …
ETC_COLLECTIVE = re.compile(r"等((?:其他|有关|相关|其它|各)(?:成员)?(?:单位|部门|机构)|成员单位)$")
# … and what is only the end of the list (X等部门, X等单位, X等 → X).
ETC_TAIL = re.compile(r"等(?:部门|单位|机构|省直部门|有关方面)?$")
# Separators of a list of names, outside brackets; 及/以及/和/与 join two names only when
# the name before is complete (市住房和城乡建设局 holds 和 and is one name).
LIST_SEPARATORS = "、，,；;"
CONJUNCTIONS = ("以及", "及", "和", "与")
# Endings that also start a longer name (市文化广电和旅游局): no 和/与 split after them.
WEAK_BEFORE_AND = ("广电", "移动", "电信", "联通", "铁塔", "各地")
# A name's own brackets: 各县（市、区）政府, 中韩（长春）示范区, 各县<市、区>人民政府.
NAME_OPENING = OPENING + "<＜"
NAME_CLOSING = CLOSING + ">＞"
# A bracket that explains rather than names: （以下简称…）, （包括…）, （含…）.
EXPLAINING_OPENERS = (
    "以下简称", "以下统称", "以下合称", "以下称", "下称", "简称", "统称", "合称", "又称", "亦称",
    "俗称", "包括", "不包括", "含", "不含", "除", "即", "如", "例如", "指", "其中", "注", "具体",
    "详见", "见", "参见", "原",
)  # fmt: skip
# Collectives that name places but stand for their governments in a clause: 各区县,
# 各县（市、区）, 各乡镇（街道）; and zones that act as units: 高新区, 经开区.
COLLECTIVE_PREFIX = "各"
PLACE_ENDINGS = ("市", "县", "区", "州", "盟", "旗", "乡", "镇", "乡镇", "街道", "地", "村", "社区")
ZONE_ENDINGS = ("开发区", "高新区", "经开区", "新区", "园区", "示范区", "试验区", "自贸区")
