"""Who issued a document: one organ or several, as a signature or a letterhead names them.

A joint document is signed by every issuing organ: on one line with spaces between
(国家发展改革委　市场监管总局　国家网信办), on a line each, or glued together with 、. Each
name must end like an organ (:func:`policyparse.clauses.units.looks_like_unit`) and be none
of what sits where a signature sits on a web page or a 主送 line: page chrome (返回顶部),
a recipient list (各县（区）人民政府、…), text in Latin letters (a site's English menu).
"""

from __future__ import annotations

import re

from ..clauses.units import looks_like_unit
from ..lexicon.issuers import CENTRAL_ORGANS, ORGAN_START

# Where a signature line stands, a page may print these instead; they end like organs.
_CHROME = (
    "返回顶部", "回到顶部", "返回首页", "网站首页", "打印本页", "关闭窗口", "收藏本站", "【打印】",
    "【关闭】", "打印", "关闭", "分享到：", "扫一扫在手机打开当前页",
)  # fmt: skip
# A recipient (主送) list names classes of organs; an issuer is always one named organ.
_RECIPIENT_START = re.compile(r"^(?:各|有关|相关|全省|全市|全区|全县|所属|直属|本市|本省)")
_LATIN = re.compile(r"[A-Za-z:：;；。，,!！?？《》]")
# 七部门, 22个部门: a count in a headline, not an organ.
_COUNTED = re.compile(r"^[一二三四五六七八九十百\d]+个?(?:部门|单位)$")
# A bare generic part left by a stray space (河北省人民政府　办公厅) joins the name before it.
_GENERIC_TAIL = ("办公厅", "办公室", "人民政府", "委员会", "领导小组", "管委会", "党组")
_SPLIT = re.compile(r"[ \u3000\t]+|[、，,]")
ISSUER_MAX_CHARS = 40
# A ministry's own office or bureau (教育部办公厅, 国家发展改革委产业司) starts a name too.
_CENTRAL_START = re.compile(
    "^(?:" + "|".join(sorted(map(re.escape, CENTRAL_ORGANS), key=len, reverse=True)) + ")"
)


def is_page_chrome(text: str) -> bool:
    """A page's button or link text where a signature or date would stand (返回顶部)."""
    return text.strip() in _CHROME


def is_issuer(name: str) -> bool:
    """One organ's name, fit to be an issuer.

    >>> is_issuer("工业和信息化部"), is_issuer("返回顶部"), is_issuer("各区人民政府")
    (True, False, False)
    """
    name = name.strip()
    if name in CENTRAL_ORGANS:
        return True  # 中共中央, 全国人大常委会: named organs whatever their last word
    if not 2 <= len(name) <= ISSUER_MAX_CHARS or not looks_like_unit(name):
        return False
    if name in _CHROME or _RECIPIENT_START.match(name) or _LATIN.search(name):
        return False
    return not _COUNTED.match(name)


def split_issuers(text: str) -> list[str] | None:
    """The organs a signature or letterhead line names, or None if it names anything else.

    >>> split_issuers("国家发展改革委　市场监管总局　国家网信办")
    ['国家发展改革委', '市场监管总局', '国家网信办']
    >>> split_issuers("河北省人民政府 办公厅")
    ['河北省人民政府办公厅']
    >>> split_issuers("Policies and regulations各区人民政府") is None
    True
    """
    parts: list[str] = []
    for part in _SPLIT.split(text.strip()):
        if not part:
            continue
        if parts and part in _GENERIC_TAIL:
            parts[-1] += part
        else:
            parts.append(part)
    names = [name for part in parts for name in _unglue(part)]
    if not names or not all(is_issuer(n) for n in names):
        return None
    return names


def _unglue(name: str) -> list[str]:
    """Names run together without spaces, cut where each new name starts.

    >>> _unglue("市场监管总局中央网信办工业和信息化部")
    ['市场监管总局', '中央网信办', '工业和信息化部']
    >>> _unglue("工业和信息化部办公厅教育部办公厅广电总局办公厅")
    ['工业和信息化部办公厅', '教育部办公厅', '广电总局办公厅']
    >>> _unglue("国家互联网信息办公室"), _unglue("河北省人民政府办公厅")
    (['国家互联网信息办公室'], ['河北省人民政府办公厅'])
    """
    if len(name) < 6:
        return [name]
    best = _cuts(name, 0, {})
    return best if best is not None and len(best) > 1 else [name]


def _cuts(name: str, start: int, memo: dict[int, list[str] | None]) -> list[str] | None:
    """The cut of ``name[start:]`` into the most names that each start like a name."""
    if start in memo:
        return memo[start]
    best: list[str] | None = None
    for end in range(start + 2, len(name) + 1):
        piece = name[start:end]
        starts = ORGAN_START.match(piece) or _CENTRAL_START.match(piece)
        if not (piece in CENTRAL_ORGANS or (starts and is_issuer(piece))):
            continue
        rest = [] if end == len(name) else _cuts(name, end, memo)
        if rest is not None and (best is None or 1 + len(rest) > len(best)):
            best = [piece, *rest]
    memo[start] = best
    return best


def join_issuers(issuers: list[str]) -> str:
    """The ``issuer`` field: joint issuers joined with 、 (SPEC)."""
    return "、".join(issuers)
