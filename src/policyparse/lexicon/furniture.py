"""Lines that are not body text: page numbers, web-page chrome, tag soup, list bullets.

Each rule is named; the name is the warning code the user sees, and the dropped text goes
into that warning so the body stays accounted for character by character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Page numbers as GB/T 9704 prints them (— 3 —) and as converters leave them.
# Both rules see the line stripped of surrounding blanks and bullets, and only lines of
# furniture size: that keeps them linear on a megabyte of spaces.
_FURNITURE_MAX = 200
_STRIP = " \t\u3000\u00a0•·"
_PAGE_NUMBER = re.compile(
    r"[—–\-－─―]{1,2}\s*\d{1,4}\s*[—–\-－─―]{1,2}"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)

# Chrome that government sites print around an article; matched on the whole line.
_WEB_CHROME = re.compile(
    r"扫一扫在手机(?:上)?打开当前页|扫一扫在手机打开|手机扫一扫|"
    r"打印本页|打印本文|关闭窗口|关闭本页|【?打印】?\s*【?关闭】?|"
    r"分享到[:：]?.*|字体[:：]?\s*【?[大中小\s]*】?|"
    r"【字体[:：]?[大中小\s]+】|"
    r"(?:上一篇|下一篇)[:：].*|相关(?:链接|文件|阅读)[:：]?|"
    r"责任编辑[:：].*|来源[:：]?|浏览次数[:：].*|访问量[:：].*|"
    r"版权所有.*|网站标识码[:：]?.*|"
    r"发文部门|原文链接|咨询电话|邮箱|联系电话|附件下载"
)

# A site's filing numbers, wherever they sit in its footer line: 京ICP备05000000号-1.
_FOOTER_NUMBER = re.compile(r"ICP备\d+号|公网安备\s*\d+号")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
# What may remain of a tag-soup line once its tags are gone: bullets, list numbers, space.
_SOUP_REMAINS = re.compile(r"^[\s\u3000•·*\-–—]*(?:\d{1,3}[.、)][\s\u3000]*)?$")

# A list bullet in front of a line (Markdown, scraped lists): "- 5、…", " • 文件号".
_BULLET = re.compile(r"^[ \t\u3000]*([-*•·▪●◆■][ \t\u3000]+)")


@dataclass(frozen=True, slots=True)
class Drop:
    code: str
    reason: str


PAGE_NUMBER = Drop("page-furniture", "page number")
WEB_CHROME = Drop("web-chrome", "web page chrome")
TAG_SOUP = Drop("markup-junk", "HTML tag soup")


def classify_junk(line: str) -> Drop | None:
    """The rule that makes ``line`` junk, or None if it is (possibly) body text."""
    bare = line.strip(_STRIP)
    if len(bare) <= _FURNITURE_MAX:
        if _PAGE_NUMBER.fullmatch(bare):
            return PAGE_NUMBER
        if _WEB_CHROME.fullmatch(bare) or _is_footer(bare):
            return WEB_CHROME
    if "<" in line and _TAG.search(line) and _SOUP_REMAINS.match(_TAG.sub("", line)):
        return TAG_SOUP
    return None


def _is_footer(line: str) -> bool:
    """A footer line names the site's filing number; a sentence before it means the footer
    was run into the body (a crawl that lost its breaks) and the line is not junk."""
    m = _FOOTER_NUMBER.search(line)
    return m is not None and "。" not in line[: m.start()]


def strip_tags(line: str) -> tuple[str, str]:
    """(line without HTML tags, the tags removed) for lines that mix tags and text."""
    if "<" not in line:
        return line, ""
    removed = "".join(m.group(0) for m in _TAG.finditer(line))
    return (_TAG.sub("", line), removed) if removed else (line, "")


def strip_bullet(line: str) -> tuple[str, str]:
    """(line without a leading list bullet, the bullet) — ``"- 5、…"`` → ``"5、…"``."""
    m = _BULLET.match(line)
    if not m:
        return line, ""
    return line[m.end() :], m.group(1).strip()
