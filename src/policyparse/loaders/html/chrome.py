"""Web page chrome: the named rules that recognise it, and the tally of what was dropped.

Government sites wrap an article in the same furniture: navigation, breadcrumb (当前位置),
share links (微信/微博/QQ空间), 打印/关闭, 字号 switch, related links, QR codes, the
责任编辑 line and a footer (版权所有, ICP备, 公网安备, 网站标识码). A rule names it by tag,
by class/id, or by the whole text of a short element; the first rule that matches gives
the kind the warning reports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dom import names_of, tag_of, text_of, visible_chars

if TYPE_CHECKING:
    from lxml import etree


def _names(words: str) -> re.Pattern[str]:
    """A class/id pattern: any of ``words`` not glued to other letters (``top-nav`` yes,
    ``canvas`` no; ``trs_editor`` is not an ``editor``)."""
    return re.compile(rf"(?<![a-z_])(?:{words})(?![a-z_])")


@dataclass(frozen=True, slots=True)
class ChromeRule:
    name: str
    tags: frozenset[str] = frozenset()
    names: re.Pattern[str] | None = None
    text: re.Pattern[str] | None = None  # matched against the whole text of a short element


RULES: tuple[ChromeRule, ...] = (
    ChromeRule(
        "navigation",
        frozenset({"nav", "menu"}),
        _names(
            r"nav|navs|navbar|nav-bar|menu|menus|daohang|topnav|mainnav|subnav|sidenav|"
            r"topbar|top-bar|toolbar|skip"
        ),
    ),
    ChromeRule(
        "breadcrumb",
        names=_names(r"breadcrumbs?|crumbs?|bread|location|position|dqwz|weizhi|curpos"),
        text=re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置)[:：]"),
    ),
    ChromeRule(
        "share links",
        names=_names(r"share|bdshare|bdsharebuttonbox|jiathis|fenxiang|bshare"),
        text=re.compile(
            r"^分享到[:：]?|^分享[:：]|^(?:[\s|｜/、]*(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|"
            r"人人网|豆瓣|朋友圈))+[\s|｜]*$"
        ),
    ),
    ChromeRule(
        "print/close links",
        names=_names(r"print|close|dayin|guanbi"),
        text=re.compile(
            r"^(?:[\s【\[]*(?:打印本页|打印本文|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|"
            r"返回|收藏本页|加入收藏|收藏|保存本页)[】\]\s]*)+$"
        ),
    ),
    ChromeRule(
        "font size switch",
        names=_names(r"font-?size|fontsize|zihao|ziti|text-?size"),
        text=re.compile(r"^[【\[]?(?:字号|字体)[:：]?[\s【\[]*[大中小][\s大中小【】\[\]|｜]*$"),
    ),
    ChromeRule(
        "related links",
        names=_names(r"related|relate|xgwz|xglj|xgxx|xgwj|tuijian|recommend"),
        text=re.compile(
            r"^(?:相关(?:链接|文件|阅读|新闻|文章|信息|稿件|政策|解读)|延伸阅读|推荐阅读)[:：]?$"
        ),
    ),
    ChromeRule(
        "QR code",
        names=_names(r"qrcode|qr-code|ewm|erweima"),
        text=re.compile(r"^(?:扫一扫|手机扫一扫|微信扫一扫|扫描二维码|用微信扫)[^。]*$"),
    ),
    ChromeRule(
        "editor line",
        names=_names(r"zrbj|bianji|zeren|editor-?name|article-?editor"),
        text=re.compile(r"^[【\[]?\s*(?:责任编辑|编辑|审核|校对)[:：]"),
    ),
    ChromeRule(
        "previous/next links",
        names=_names(r"pager|page-?turn|prev|next|sxp|shangxia"),
        text=re.compile(r"^(?:上一篇|下一篇)[:：]?"),
    ),
    # Not by tag: a <form> may wrap a whole ASP.NET page, a <header> an article's title.
    ChromeRule("search box", names=_names(r"search|sousuo")),
    ChromeRule("header", names=_names(r"header|site-?head|head-?top|top-?head|banner|logo")),
    ChromeRule(
        "footer",
        frozenset({"footer"}),
        _names(r"footer|site-?foot|copyright|banquan"),
        re.compile(r"版权所有\s*[:：©]|Copyright|©|ICP备\s*\d|公网安备\s*\d|网站标识码"),
    ),
)

# A short element is judged by its text; a larger one only by its tag or class/id.
_SHORT_TEXT = 80
_LINK_LIST_MIN_LINKS = 3
_LINK_LIST_SHARE = 0.7
_LINK_LIST_TAGS = frozenset({"ul", "ol", "dl", "div", "p", "table", "tr", "td", "section"})


def classify(el: etree._Element, text: str | None) -> str | None:
    """The kind of chrome ``el`` is, or None when no rule says it is chrome. ``text`` is
    the element's text; None judges by tag and class/id alone."""
    tag = tag_of(el)
    names = names_of(el)
    stripped = text.strip() if text is not None else ""
    short = visible_chars(stripped) <= _SHORT_TEXT
    for rule in RULES:
        if tag in rule.tags or (rule.names is not None and rule.names.search(names)):
            return rule.name
        if short and stripped and rule.text is not None and rule.text.search(stripped):
            return rule.name
    if text is not None and tag in _LINK_LIST_TAGS and is_link_list(el, text):
        return "link lists"
    return None


def is_link_list(el: etree._Element, text: str) -> bool:
    """Three links or more that make up most of the text, and no 附件 among them."""
    links = [a for a in el.iter("a")]
    if len(links) < _LINK_LIST_MIN_LINKS or "附件" in text:
        return False
    link_chars = sum(visible_chars(text_of(a)) for a in links)
    return link_chars >= _LINK_LIST_SHARE * max(visible_chars(text), 1)


# Kinds that never hold text: reported by count, not by characters.
UNTEXTUAL = frozenset({"script", "style", "noscript", "iframe"})


@dataclass(slots=True)
class Tally:
    """What left the page, by kind: characters of text, and elements without text."""

    chars: Counter[str] = field(default_factory=Counter)
    elements: Counter[str] = field(default_factory=Counter)

    def add(self, kind: str, text: str) -> None:
        self.chars[kind] += visible_chars(text)
        self.elements[kind] += 1

    def summary(self) -> str | None:
        kinds = list(dict.fromkeys([*self.elements, *self.chars]))
        if not kinds:
            return None
        parts: list[str] = []
        for kind in kinds:
            chars = self.chars[kind]
            if chars:
                parts.append(f"{kind} ({chars})")
            elif kind in UNTEXTUAL:
                count = self.elements[kind]
                parts.append(f"{count} {kind}{'s' if count > 1 else ''}")
        if not parts:
            return None
        total = sum(self.chars.values())
        return f"dropped web page chrome: {', '.join(parts)} ({total} characters)"
