"""What the HTML loader's modules share about elements: which tags break lines, which never
hold text, and a few measurements. No decisions about pages live here.

Block and inline follow the CSS defaults browsers give the tags (HTML Living Standard §15,
"Rendering"): a block starts a new line, an inline element does not. Tags a browser does
not know (the ``<delect>`` and ``<legend id=…>`` of anti-scraping tag soup) are inline, as
unknown elements are in a browser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "section",
        "article", "main", "aside", "header", "footer", "nav", "blockquote", "pre",
        "address", "center", "figure", "figcaption", "hr", "form", "fieldset", "body",
        "html", "details", "summary", "menu",
    }
)  # fmt: skip
# Elements whose content a reader never sees as text.
OPAQUE_TAGS = frozenset(
    {
        "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
        "applet", "template", "svg", "math", "canvas", "audio", "video", "map", "button",
        "input", "select", "textarea", "option", "datalist", "head", "title", "meta",
        "link", "base", "img",
    }
)  # fmt: skip

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def tag_of(el: etree._Element) -> str:
    """The lower-case tag name; ``""`` for comments and processing instructions."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def names_of(el: etree._Element) -> str:
    """The element's class and id, lower-cased, for the class/id rules."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def is_hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def cjk_count(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def visible_chars(text: str | None) -> int:
    return sum(1 for ch in text if not ch.isspace()) if text else 0


def text_of(el: etree._Element) -> str:
    """All text inside ``el``, not its tail (opaque elements are gone by the time we ask)."""
    return "".join(el.itertext())


def is_inside(el: etree._Element, container: etree._Element) -> bool:
    """``el`` is ``container`` or lies within it."""
    return el is container or any(a is container for a in el.iterancestors())


def drop(el: etree._Element) -> None:
    """Remove ``el`` and its content but keep its tail, which is its parent's text."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
