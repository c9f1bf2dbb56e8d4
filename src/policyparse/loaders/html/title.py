"""Which element is the document's title, so that its line gets ``LineHint.TITLE``.

Inside the article container: the first ``<h1>`` or title-class element (``.title``,
``.article-title``, ``.bt`` …), else an ``<h2>`` that opens the article. Before it: the last
``<h1>``–``<h3>`` or title-class element whose text is a title the page states elsewhere
(the metadata table's 名称, ``<meta name="ArticleTitle">``, a ``<title>`` that reads like a
title), else the last one that reads like a document's title itself (ends with a 文种 or
holds 关于). Elements inside navigation, headers and footers never qualify, nor do links
(a sidebar's list of other notices).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...lexicon.doctypes import looks_like_title
from .chrome import classify
from .dom import BLOCK_TAGS, cjk_count, is_inside, names_of, tag_of, text_of, visible_chars
from .render import collapse

if TYPE_CHECKING:
    from lxml import etree

_TITLE_NAMES = re.compile(
    r"(?<![a-z_])(?:title|biaoti|bt|tit|headline|article-?title|detail-?title|con-?title|"
    r"news-?title|wz-?title)(?![a-z_])"
)
_TITLE_CHARS = (4, 150)
_NOT_TITLE_TEXT = re.compile(
    r"[\s\u3000\u00a0“”\"'‘’《》〈〉<>:：,，.。!！?？()（）\[\]【】·•_|\-—]"
)


def title_inside(container: etree._Element) -> etree._Element | None:
    first_h2 = None
    for el in container.iter():
        tag = tag_of(el)
        if not tag or el is container:
            continue
        titled = tag == "h1" or _TITLE_NAMES.search(names_of(el))
        if titled and _plausible_title(text_of(el)):
            return el
        if first_h2 is None and tag == "h2" and _plausible_title(text_of(el)):
            first_h2 = el
    if first_h2 is not None and not (container.text or "").strip():
        first_text = next((el for el in container.iter() if (el.text or "").strip()), None)
        if first_text is not None and is_inside(first_text, first_h2):
            return first_h2  # an <h2> that opens the article is its title
    return None


def title_before(
    body: etree._Element, container: etree._Element, known_titles: list[str]
) -> etree._Element | None:
    """The title element before the container: an ``<h1>``–``<h3>`` or title-class element
    whose text is a title the page states elsewhere; failing that, the last such element
    that reads like a document title (ends with a 文种 or holds 关于)."""
    known = [_title_key(t) for t in known_titles if _title_key(t)]
    matching = fallback = None
    for el in _before(body, container):
        if tag_of(el) not in ("h1", "h2", "h3") and not _TITLE_NAMES.search(names_of(el)):
            continue
        text = text_of(el)
        if not _plausible_title(text) or _linked(el, text) or _in_chrome(el, body):
            continue
        key = _title_key(text)
        if any(key in k for k in known):
            matching = el
        elif looks_like_title(collapse(text)):
            fallback = el
    return matching if matching is not None else fallback


def title_like_before(body: etree._Element, container: etree._Element) -> etree._Element | None:
    """The last block before the container that reads like a document title."""
    found = None
    for el in _before(body, container):
        if tag_of(el) in BLOCK_TAGS and tag_of(el) not in ("ul", "ol", "table", "tr"):
            text = text_of(el)
            title_like = _plausible_title(text) and looks_like_title(collapse(text))
            if title_like and not _linked(el, text) and not _in_chrome(el, body):
                found = el
    return found


def _before(body: etree._Element, container: etree._Element) -> Iterator[etree._Element]:
    """Elements before ``container`` in document order, its ancestors left out."""
    ancestors = set(container.iterancestors())
    for el in body.iter():
        if el is container:
            return
        if isinstance(el.tag, str) and el not in ancestors:
            yield el


def _plausible_title(text: str) -> bool:
    low, high = _TITLE_CHARS
    return low <= cjk_count(text) and visible_chars(text) <= high


def _title_key(text: str) -> str:
    return _NOT_TITLE_TEXT.sub("", text)


def _linked(el: etree._Element, text: str) -> bool:
    """Mostly link text: an entry in a list of other documents, not this one's title."""
    linked = sum(visible_chars(text_of(a)) for a in el.iter("a"))
    return linked * 2 > visible_chars(text)


def _in_chrome(el: etree._Element, body: etree._Element) -> bool:
    node: etree._Element | None = el.getparent()
    while node is not None and node is not body:
        if classify(node, None) is not None:
            return True
        node = node.getparent()
    return False
