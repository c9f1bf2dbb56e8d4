"""Where the article is: the element that holds the body text, and the title line.

1. Elements that are never text (scripts, styles, iframes, form controls) and hidden ones
   go first; so do small forms (search boxes — a large form is an ASP.NET page wrapper).
2. The densest cluster of text: each block's Chinese characters outside links count for
   its parent block, half for its grandparent (readability's paragraph scoring, counted in
   CJK characters because Chinese has no words to count). The best-scoring block is where
   the paragraphs are.
3. The container is the innermost known article container around that cluster — the
   publishing systems' own names (TRS ``div.TRS_Editor``, ``#zoom``, ``#UCAP-CONTENT``,
   ``.pages_content``, ``.article-content``, ``#content``, ``<article>`` …) — provided it
   adds no more than 10% to the cluster's text (a ``.content`` page wrapper with a
   sidebar does not qualify); else the cluster itself, widened while it holds less than
   60% of the page's text, and then to take in the title standing before it (tag soup
   keeps its title, 文件号 and 发布时间 lines, as seed 001 does).
4. Chrome inside the container (share links, 打印/关闭, related links …) leaves by rule;
   everything outside it is dropped, counted by kind for the warning.
5. The title element is ``html_title``'s to find; one standing before a known container
   is laid out on its own, ahead of the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .chrome import Tally, classify
from .dom import (
    BLOCK_TAGS,
    OPAQUE_TAGS,
    cjk_count,
    drop,
    is_hidden,
    is_inside,
    names_of,
    tag_of,
    text_of,
    visible_chars,
)
from .title import title_before, title_inside, title_like_before

if TYPE_CHECKING:
    from lxml import etree

_KNOWN_CONTAINERS = frozenset(
    {
        "trs_editor", "trs_ueditor", "custom_unionstyle", "ucap-content", "pages_content",
        "zoom", "fontzoom", "article-content", "article_content", "articlecontent",
        "article-body", "artibody", "content", "contents", "con", "zw", "zwnr", "wzzw",
        "zhengwen", "detail-content", "detail_content", "news_content", "newscontent",
        "main-content", "view", "article", "xxgk_content", "xl_content", "wz_content",
        "bt_content", "js_content",
    }
)  # fmt: skip
_OPAQUE_KIND = {"script": "script", "style": "style", "noscript": "noscript",
                "iframe": "iframe", "frame": "iframe"}  # fmt: skip
_SMALL_FORM = 80
_PAGE_SHARE = 0.6
_KNOWN_SLACK = 0.1  # a known container may add this share of text to the densest block
_CHROME_MAX_TEXT = 200  # chrome inside the article is small; bigger is content
_WIDEN_SLACK = 0.25


@dataclass(slots=True)
class Page:
    container: etree._Element
    title: etree._Element | None

    @property
    def roots(self) -> list[etree._Element]:
        """What to lay out, in document order: the title when it stands before the body."""
        if self.title is not None and not is_inside(self.title, self.container):
            return [self.title, self.container]
        return [self.container]


def clean(body: etree._Element, tally: Tally) -> None:
    """Drop what is never text, what is hidden, and small forms, counting each."""
    doomed: list[tuple[etree._Element, str]] = []
    stack = [body]
    while stack:
        el = stack.pop()
        tag = tag_of(el)
        if el is not body:
            if tag in OPAQUE_TAGS:
                doomed.append((el, _OPAQUE_KIND.get(tag, "form controls")))
                continue
            if is_hidden(el):
                doomed.append((el, "hidden elements"))
                continue
            if tag == "form" and visible_chars(text_of(el)) <= _SMALL_FORM:
                doomed.append((el, "search box"))
                continue
        stack.extend(child for child in el if isinstance(child.tag, str))
    for el, kind in doomed:
        tally.add(kind, "" if tag_of(el) in OPAQUE_TAGS else text_of(el))
        drop(el)


def find_page(body: etree._Element, known_titles: list[str], tally: Tally) -> Page:
    """Choose the container and the title; drop and count all chrome around them."""
    container, known = _container(body)
    title = title_inside(container)
    if title is None:
        title = title_before(body, container, known_titles)
    if not known:
        # No publishing system named the article: widen it to take in the title (tag
        # soup keeps its title, 文件号 and 发布时间 lines next to the text, as seed 001 does).
        anchor = title if title is not None else title_like_before(body, container)
        if anchor is not None and not is_inside(anchor, container):
            container = _widen(container, anchor)
    _drop_chrome_inside(container, title, tally)
    _count_outside(body, container, title, tally)
    return Page(container, title)


def _container(body: etree._Element) -> tuple[etree._Element, bool]:
    """(The element that holds the article, whether a known container name said so)."""
    weight, score = _measure(body)
    best = max(score, key=lambda el: score[el], default=body)
    if score.get(best, 0) == 0:
        return body, False
    el: etree._Element | None = best
    while el is not None and weight[el] <= weight[best] * (1 + _KNOWN_SLACK):
        if _is_known(el):
            return el, True  # #zoom around .TRS_Editor, not .content around a sidebar
        if el is body:
            break
        el = el.getparent()
    chosen = best
    while chosen is not body and weight[chosen] < _PAGE_SHARE * weight[body]:
        parent = chosen.getparent()
        if parent is None:
            break
        chosen = parent
    return chosen, _is_known(chosen)


def _widen(container: etree._Element, anchor: etree._Element) -> etree._Element:
    """The nearest common ancestor of ``container`` and ``anchor``, unless it would bring
    in much more text than the two hold (a sidebar, a portal page)."""
    around = set(anchor.iterancestors())
    common = next((a for a in container.iterancestors() if a in around), None)
    if common is None:
        return container
    own = cjk_count(text_of(container)) + cjk_count(text_of(anchor))
    if cjk_count(text_of(common)) > own * (1 + _WIDEN_SLACK):
        return container
    return common


def _measure(body: etree._Element) -> tuple[dict[etree._Element, int], dict[etree._Element, float]]:
    """(Chinese characters outside links under each element, paragraph score of blocks)."""
    order: list[etree._Element] = []
    block_of: dict[etree._Element, etree._Element] = {}
    in_link: set[etree._Element] = set()
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        order.append(el)
        parent = el.getparent()
        is_block = el is body or tag_of(el) in BLOCK_TAGS
        block_of[el] = el if is_block else block_of.get(parent, body) if parent is not None else el
        if tag_of(el) == "a" or (parent is not None and parent in in_link):
            in_link.add(el)
    own: dict[etree._Element, int] = {}
    for el in order:
        if el in in_link:
            continue
        chars = cjk_count(el.text) + sum(cjk_count(c.tail) for c in el if isinstance(c.tag, str))
        if chars:
            own[block_of[el]] = own.get(block_of[el], 0) + chars
    weight: dict[etree._Element, int] = {}
    for el in reversed(order):
        weight[el] = weight.get(el, 0) + (own.get(el, 0) if block_of[el] is el else 0)
        if el in in_link:
            weight[el] = 0
        parent = el.getparent()
        if el is not body and parent is not None:
            weight[parent] = weight.get(parent, 0) + weight[el]
    score: dict[etree._Element, float] = {}
    for block, chars in own.items():
        score[block] = score.get(block, 0.0) + chars
        parent_block = _block_above(block, block_of, body)
        if parent_block is not None:
            score[parent_block] = score.get(parent_block, 0.0) + chars
            grand = _block_above(parent_block, block_of, body)
            if grand is not None:
                score[grand] = score.get(grand, 0.0) + chars / 2
    return weight, score


def _block_above(
    block: etree._Element, block_of: dict[etree._Element, etree._Element], body: etree._Element
) -> etree._Element | None:
    if block is body:
        return None
    parent = block.getparent()
    return block_of.get(parent) if parent is not None else None


def _is_known(el: etree._Element) -> bool:
    if tag_of(el) == "article":
        return True
    return any(name in _KNOWN_CONTAINERS for name in names_of(el).split())


def _drop_chrome_inside(
    container: etree._Element, title: etree._Element | None, tally: Tally
) -> None:
    keep = set(title.iterancestors()) | {title} if title is not None else set()
    doomed: list[tuple[etree._Element, str, str]] = []
    stack = [child for child in container if isinstance(child.tag, str)]
    while stack:
        el = stack.pop()
        if el not in keep:
            text = text_of(el)
            kind = classify(el, text) if _small(el, text) else None
            if kind is not None:
                doomed.append((el, kind, text))
                continue
        stack.extend(child for child in el if isinstance(child.tag, str))
    for el, kind, text in doomed:
        tally.add(kind, text)
        drop(el)


def _small(el: etree._Element, text: str) -> bool:
    links = sum(visible_chars(text_of(a)) for a in el.iter("a"))
    return visible_chars(text) - links <= _CHROME_MAX_TEXT


def _count_outside(
    body: etree._Element, container: etree._Element, title: etree._Element | None, tally: Tally
) -> None:
    """Tally what is dropped for standing outside the container (and the title)."""
    if container is body:
        return
    holders: list[etree._Element] = []
    for ancestor in container.iterancestors():
        holders.append(ancestor)
        if ancestor is body:
            break
    on_path = {container, *holders}
    title_text = text_of(title) if title is not None else ""
    for holder in holders:
        if holder.text:
            tally.chars["other page text"] += visible_chars(holder.text)
        for child in holder:
            if child in on_path or not isinstance(child.tag, str):
                if child.tail:
                    tally.chars["other page text"] += visible_chars(child.tail)
                continue
            text = text_of(child)
            kind = classify(child, text) or "other page text"
            if title is not None and (child is title or is_inside(title, child)):
                text = text.replace(title_text, "", 1)
                if not text.strip():
                    continue
            tally.add(kind, text + (child.tail or ""))
