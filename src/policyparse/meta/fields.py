"""Recognisers for the parts of a 公文 that are metadata (GB/T 9704-2012 §7.2–7.4).

Each function looks at one paragraph and says what it is; none of them keep state.

The vocabulary they use (文种, 发文字号 and date forms) lives in :mod:`policyparse.lexicon`;
``kind_of``, ``looks_like_title`` and ``doc_number_in`` are re-exported here for the readers.
"""

from __future__ import annotations

import re

from ..clauses.units import looks_like_unit, split_units
from ..fold import fold
from ..lexicon.docnumbers import doc_number_in
from ..lexicon.doctypes import kind_of, looks_like_title
from .issuers import join_issuers, split_issuers

__all__ = [
    "attachment_in", "attachment_names", "doc_number_in", "fields_in", "is_record_line",
    "issuer_from_title", "kind_of", "looks_like_title", "organ_name", "organ_names",
    "recipients_in", "same_title", "signer_in",
]  # fmt: skip

_FIELD = re.compile(
    r"(发布时间|发布日期|成文日期|印发日期|生效日期|施行日期|来源|发文机关|发布机构|发文单位|"
    r"索引号|主题分类|发文字号|文号|名称|标题|有效性|实施日期|废止日期|信息来源|字体|字号|浏览次数)"
    r"[ \u3000]*[:：][ \u3000]*"
)
_SENTENCE_PUNCT = re.compile(r"[。；;！!？?]")
_LETTERHEAD = re.compile(r"^(.{2,200}?)(?:文件|文电|公报|简报|便函)?$")
_RECORD_LINE = re.compile(
    r"^[(（]?(?:抄送|印发|主送|联系人|联系电话|联系方式|签发人|附件)[ \u3000]*[:：]"
    r"|^.{2,40}?[ \u3000]*[0-9〇○零一二三四五六七八九]{4}年.{1,3}月.{1,3}日[ \u3000]*印发$"
)
_NOTES = re.compile(
    r"^[(（]此件.{1,12}[)）]$|^[(（](?:此件)?(?:公开发布|主动公开|不予公开|依申请公开)[)）]$"
)
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十])[.．、)）]\s*")
_ATTACHMENT = re.compile(
    r"^附[ \u3000]*件[ \u3000]*(?P<n>\d{0,2})[ \u3000]*[:：]?[ \u3000]*(?P<name>.*)$"
)
_PAGE_TITLE_NOISE = re.compile(r"[\s\u3000“”\"'‘’《》〈〉<>]")


def same_title(a: str, b: str) -> bool:
    """Titles equal but for spaces and quotes (a scraped page repeats the title)."""
    return _PAGE_TITLE_NOISE.sub("", a) == _PAGE_TITLE_NOISE.sub("", b)


def fields_in(text: str) -> dict[str, str] | None:
    """``发布时间:2022-01-19 10:57:00  来源: 吉林省政府`` → {发布时间: …, 来源: …}, or None."""
    matches = list(_FIELD.finditer(text))
    if not matches or text[: matches[0].start()].strip(" \u3000•·"):
        return None
    out: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out[m.group(1)] = text[m.end() : end].strip(" \u3000")
    return out


def organ_names(text: str) -> list[str] | None:
    """A letterhead or signature line: the organs it names, and nothing else on it.

    >>> organ_names("国家发展改革委 市场监管总局 国家网信办")
    ['国家发展改革委', '市场监管总局', '国家网信办']
    >>> organ_names("中共某某市委办公厅文件")
    ['中共某某市委办公厅']
    """
    text = text.strip()
    if not text or len(text) > 200 or _SENTENCE_PUNCT.search(text) or "：" in text:
        return None
    m = _LETTERHEAD.match(text)
    return split_issuers(m.group(1) if m else text)


_SIGNER = re.compile(
    r"^(?:(?:代|副)?(?:省长|市长|州长|县长|区长|主席|主任|部长|局长|厅长|署长|总理|书记))"
    r"[ \u3000]*[\u4e00-\u9fff·]{2,5}$"
)


def signer_in(text: str) -> bool:
    """The signer of a 令 over its date: 省长　某某某 (GB/T 9704-2012 §10.2, 命令(令)格式)."""
    return bool(_SIGNER.match(text.strip()))


def organ_name(text: str) -> str | None:
    """:func:`organ_names` joined with 、, as ``issuer`` holds them."""
    names = organ_names(text)
    return join_issuers(names) if names else None


def recipients_in(text: str) -> list[str] | None:
    """主送机关: a unit list ending with a colon (各镇人民政府、街道办事处：)."""
    text = text.strip()
    if not text.endswith((":", "：")) or len(text) > 400 or _SENTENCE_PUNCT.search(text):
        return None
    units = split_units(text[:-1])
    if units and sum(looks_like_unit(u) for u in units) * 2 >= len(units):
        return units
    return None


_TITLE_ISSUER = re.compile(r"(.{2,80}?)(?:关于|印发[《〈])")


def issuer_from_title(title: str) -> str | None:
    """The organ or organs a title names before 关于 or 印发: 吉林省人民政府关于… →
    吉林省人民政府; 中共中央国务院印发《…》 → 中共中央、国务院."""
    m = _TITLE_ISSUER.match(title.strip())
    if m is None:
        return None
    head = m.group(1).strip()
    organs = split_issuers(head)
    if organs:
        return join_issuers(organs)
    return head if looks_like_unit(head) else None


def is_record_line(text: str) -> bool:
    """版记 and notes: 抄送：…, 印发…, （此件公开发布）."""
    folded = fold(text.strip())
    return bool(_RECORD_LINE.match(text.strip()) or _NOTES.match(folded) or _NOTES.match(text))


def attachment_in(text: str) -> tuple[str, str] | None:
    """``附件：XX方案`` → ("", "XX方案"); ``附件`` alone → ("", ""); ``附件2`` → ("2", "")."""
    m = _ATTACHMENT.match(text.strip())
    if m is None:
        return None
    return m.group("n"), m.group("name").strip()


def attachment_names(text: str) -> list[str]:
    """The names an 附件 line lists, one per numbered item, numbers dropped.

    >>> attachment_names("附件：1．甲方案\n2．乙清单")
    ['甲方案', '乙清单']
    """
    found = attachment_in(text.split("\n", 1)[0])
    if found is None:
        return []
    items = [found[1], *text.split("\n")[1:]]
    names = [_ITEM_NUMBER.sub("", item.strip(" \u3000")) for item in items]
    return [name for name in names if name]
