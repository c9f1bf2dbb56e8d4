"""HTML pages as browsers and crawlers save them: the article's lines, its tables, and the
metadata table the site prints, without the site around them.

The steps, each in its own module:

- ``html_source``: charset (BOM, ``<meta charset>``, http-equiv, detection) and a safe
  lxml parse that survives pathological nesting;
- ``html_meta``: the 索引号/发文字号/成文日期 block → ``Text.meta_hints``, out of the body;
- ``html_body``: scripts, hidden elements and chrome out; the article container and the
  title chosen;
- ``html_render``: elements → lines (blocks and ``<br>`` break, inline elements do not)
  and data tables, each line numbered by the source line it starts on.

What was dropped is summarised in one ``web-chrome`` note (kinds and character counts,
not the text: it is the site's, not the document's).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...errors import LoadError
from ...lexicon.doctypes import looks_like_title
from ...text import InputFormat, Note, Text
from .body import clean, find_page
from .chrome import Tally
from .dom import drop, tag_of, text_of
from .meta import find_meta
from .render import collapse, render
from .source import read

if TYPE_CHECKING:
    from lxml import etree

    from ...settings import ParseOptions

# Where a <title> adds the site's name: 标题_政策文件_某某网, 标题 | 某某网, 标题 - 某某网.
_TITLE_SUFFIX = re.compile(r"[_|｜]|\s[-—]\s")
_META_TITLES = ("articletitle", "title", "dc.title", "og:title")


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    """The page's article as a :class:`Text` (``options.encoding`` overrides the charset)."""
    source = read(data, encoding=options.encoding)
    root = source.root
    body = _body(root)
    known_titles = _head_titles(root)
    tally = Tally()
    clean(body, tally)
    meta = find_meta(body)
    for block in meta.elements:
        tally.add("metadata table (read into meta)", text_of(block))
        drop(block)
    hints = meta.hints()
    if "title" in hints:
        known_titles.insert(0, hints["title"])
    page = find_page(body, known_titles, tally)
    if page.title is not None:
        known_titles.insert(1 if "title" in hints else 0, collapse(text_of(page.title)))
    rendered = render(page.roots, title=page.title)
    if not rendered.lines and not rendered.tables:
        raise LoadError(
            "no article text in the page (only markup, scripts or site chrome; "
            "is the content loaded by JavaScript?)"
        )
    if "title" not in hints and known_titles:
        hints["title"] = known_titles[0]
    text = Text(
        lines=rendered.lines,
        format=InputFormat.HTML,
        encoding=source.encoding,
        tables=rendered.tables,
        notes=list(source.notes),
        meta_hints=hints,
    )
    summary = tally.summary()
    if summary is not None:
        text.notes.append(Note("web-chrome", summary, None, None))
    return text


def _body(root: etree._Element) -> etree._Element:
    for el in root.iter():
        if tag_of(el) == "body":
            return el
    return root


def _head_titles(root: etree._Element) -> list[str]:
    """Titles the page states outside its body: ``<meta name="ArticleTitle">`` and the
    like, then ``<title>`` without the site name after ``_`` or ``|`` — when what is left
    reads like a document's title, not a site's name."""
    titles: list[str] = []
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or "").strip().lower()
        content = collapse(el.get("content") or "")
        if key in _META_TITLES and content:
            titles.append(content)
    for el in root.iter("title"):
        full = collapse(text_of(el))
        suffix = _TITLE_SUFFIX.search(full)
        text = full[: suffix.start()].rstrip() if suffix else full
        if looks_like_title(text):
            titles.append(text)
        break
    return titles
