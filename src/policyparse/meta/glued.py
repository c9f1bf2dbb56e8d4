"""A document's front glued into one paragraph, as crawlers save pages.

A crawl that joined a page's text nodes without breaks leaves the front as the head of one
long paragraph::

    某省…的通知各市人民政府，…：　　《…》已经省政府同意，…。　　某省人民政府办公厅
    2023年4月7日某某行动方案　　为…
    标题_某某网设为首页…热点专题标题 2025年12月26日 17:30 来源：某某网【打印】【纠错】各省…：…

:func:`split_glued` cuts such a paragraph into named pieces whose texts join back to it
exactly. Named rules are tried in order at the cursor; each returns the length it takes or
None ("not mine"); when none matches, the rest is body. In the body, the notice's
signature and date (organs after a sentence end, then a date) are cut out once, with the
title of the document it issues when one follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..lexicon.dates import YMD
from ..lexicon.docnumbers import DOC_NUMBER
from ..lexicon.doctypes import KIND_AT, KINDS, looks_like_title
from .fields import fields_in, recipients_in, same_title
from .issuers import split_issuers

GLUED_MIN_CHARS = 200  # a front paragraph shorter than this is an ordinary line
_HEAD_CHARS = 4000  # how far into the paragraph a repeat of the page title is looked for
_SPACE = re.compile(r"[\s\u3000\u200b\ufeff]+")
_PAGE_TITLE = re.compile(r"\A([^_\n]{4,120}?)_")
# Patterns that may open with blanks look behind first, so a search over a run of blanks
# stays linear (tests/test_redos.py).
_BLANKS = r"(?:(?<![ \u3000])[ \u3000]+)?"
_TIME = re.compile(_BLANKS + r"\d{1,2}:\d{2}(?::\d{2})?")
_SOURCE = re.compile(
    _BLANKS + r"(?:来源|信息来源|发布机构)[ \u3000]*[:：][ \u3000]*[^【\s]{2,30}?(?=【|\s|$)"
)
_PAGE_BUTTONS = re.compile(_BLANKS + r"【[^】]{1,8}】(?:[ \u3000]*【[^】]{1,8}】)*")
_DATED_ISSUER = re.compile(
    rf"[(（][ \u3000]*(?:{YMD.pattern})[ \u3000]*(?P<organ>[^()（）]{{2,40}})[)）]"
)
_BRACKETED_NUMBER = re.compile(rf"[(（][ \u3000]*(?:{DOC_NUMBER.pattern})[ \u3000]*[)）]")
_SENTENCE_END = "。！？；"
_RECIPIENTS_MAX = 300
_ATTACHMENT_MARKER = re.compile(
    _BLANKS + r"附[ \u3000]*件[ \u3000]*\d{0,2}[ \u3000]*[:：]?[ \u3000]*"
)
# 附件：某某方案 run into the signature after it: the name is a title (ends with a 文种).
_ATTACHMENT = re.compile(
    rf"{_ATTACHMENT_MARKER.pattern}(?P<name>[^。；：:]{{2,80}}?(?:{'|'.join(KINDS)})"
    r"(?:[(（][^()（）]{1,14}[)）])?)"
)
# After a date inside a sentence (2021年1月3日起施行, …前报送, a range's dash): not a
# signature's date; a rule of dashes under the date (2017年8月29日-------) is no range.
_DATE_IN_SENTENCE = re.compile(
    r"[起前后止至到以，,、的在及和与或]|[—\-~～](?![—\-]{2})|召开|印发|发布|出台|通过|颁布|施行|开始|举行|实施"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of a glued paragraph: what it is, and its text as written.

    kinds: ``space``, ``title``, ``title-repeat``, ``chrome``, ``posted`` (a page's posting
    time and source), ``doc-number``, ``date``, ``dated-issuer`` (（2025年9月11日 某机关）),
    ``recipients``, ``attachment``, ``signature``, ``body-title``, ``body``.
    """

    kind: str
    text: str


def is_glued(text: str) -> bool:
    return len(text) >= GLUED_MIN_CHARS


def split_glued(text: str) -> list[Piece]:
    """The pieces of ``text``; ``"".join(p.text for p in pieces) == text``."""
    pieces: list[Piece] = []
    pos = _page_title(text, pieces)
    title = pieces[0].text if pieces else None
    while pos < len(text):
        found = _next_piece(text, pos, title)
        if found is None:
            break
        kind, length = found
        if kind == "title" and title is None:
            title = text[pos : pos + length]
        pieces.append(Piece(kind, text[pos : pos + length]))
        pos += length
    pieces.extend(_body(text[pos:]))
    return [p for p in pieces if p.text]


def _page_title(text: str, pieces: list[Piece]) -> int:
    """``标题_站点名…`` at the very start: the page's <title>. What follows it up to the
    page's own repeat of the title is the site's chrome (menus, breadcrumb)."""
    m = _PAGE_TITLE.match(text)  # \A: only ever at the very start
    if m is None or not looks_like_title(m.group(1)):
        return 0
    title = m.group(1)
    repeat = text.find(title, m.end(), m.end() + _HEAD_CHARS)
    if repeat < 0:
        return 0
    pieces.append(Piece("title", title))
    pieces.append(Piece("chrome", text[len(title) : repeat]))
    pieces.append(Piece("title-repeat", title))
    return repeat + len(title)


Rule = Callable[[str, int, "str | None"], "tuple[str, int] | None"]


def _next_piece(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    for rule in _RULES:
        found = rule(text, pos, title)
        if found is not None and found[1] > 0:
            return found
    return None


def _space(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    m = _SPACE.match(text, pos)
    return ("space", m.end() - pos) if m else None


def _doc_number(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    """A 发文字号, bare or in brackets under the title: （冀科计〔2012〕15号）."""
    m = DOC_NUMBER.match(text, pos) or _BRACKETED_NUMBER.match(text, pos)
    return ("doc-number", m.end() - pos) if m else None


def _date(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    """A date; with a time of day or a 来源 after it, a page's posting line."""
    m = YMD.match(text, pos)
    if m is None:
        return None
    end = m.end()
    timed = _TIME.match(text, end)
    end = timed.end() if timed else end
    source = _SOURCE.match(text, end)
    end = source.end() if source else end
    buttons = _PAGE_BUTTONS.match(text, end)
    end = buttons.end() if buttons else end
    return ("posted" if timed or source else "date", end - pos)


def _fields(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    """来源：… / 发布时间：… printed inline before the body."""
    source = _SOURCE.match(text, pos)
    if source is None or fields_in(source.group(0).strip()) is None:
        return None
    buttons = _PAGE_BUTTONS.match(text, source.end())
    return ("posted", (buttons.end() if buttons else source.end()) - pos)


def _dated_issuer(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    m = _DATED_ISSUER.match(text, pos)
    if m is None or split_issuers(m.group("organ")) is None:
        return None
    return ("dated-issuer", m.end() - pos)


def _recipients(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    """A 主送 list: units up to the first colon, within 300 characters, no sentence in it."""
    window = text[pos : pos + _RECIPIENTS_MAX + 1]
    end = min((i for i in (window.find("："), window.find(":")) if i >= 0), default=-1)
    if end < 2 or recipients_in(window[: end + 1]) is None:
        return None  # recipients_in refuses sentence punctuation before the colon
    return ("recipients", end + 1)


def _title(text: str, pos: int, title: str | None) -> tuple[str, int] | None:
    """The shortest head ending with a 文种 that reads as a title and is followed by what
    follows a title: a space, a 发文字号, a date, a 主送 list, or the end."""
    length = title_at(text, pos)
    if length is None:
        return None
    if title is not None and not same_title(text[pos : pos + length], title):
        return None
    return ("title" if title is None else "title-repeat", length)


def title_at(text: str, pos: int) -> int | None:
    window = text[pos : pos + 130]
    for m in KIND_AT.finditer(window):
        head = window[: m.end()]
        if not looks_like_title(head) or head.count("《") > head.count("》"):
            continue  # …印发《某某计划 | 项目管理办法》: the title goes on
        if head.startswith("各") and "、" in head:
            return None  # 各省、自治区、直辖市及计划单列市…: a 主送 list, whatever 文种 it holds
        after = pos + m.end()
        if text.startswith(("的", "》"), after):
            continue  # 关于印发《…方案》的通知: the 文种 inside is not the title's end
        if after >= len(text) or any(rule(text, after, None) is not None for rule in _AFTER_TITLE):
            return m.end()
    return None


_AFTER_TITLE: tuple[Rule, ...] = (_space, _doc_number, _date, _dated_issuer, _recipients)
_RULES: tuple[Rule, ...] = (
    _space, _doc_number, _date, _fields, _dated_issuer, _title, _recipients,
)  # fmt: skip


def _body(text: str) -> list[Piece]:
    """The body, with the first signature-and-date inside it cut out: organs right after a
    sentence end, then a date that no sentence goes on from (…日起施行, …日前报送). An
    附件 line just before the signature, and the title of the document the notice issues
    right after the date, are cut out too."""
    for m in YMD.finditer(text):
        start = max(text.rfind(ch, 0, m.start()) for ch in _SENTENCE_END)
        rest = text[m.end() :]
        if start < 0 or _DATE_IN_SENTENCE.match(rest):
            continue
        names = text[start + 1 : m.start()]
        attachment = _ATTACHMENT.match(names)
        named = names[attachment.end() :] if attachment else names
        if not named.strip() or split_issuers(named) is None:
            continue
        pieces = [Piece("body", text[: start + 1])]
        if attachment:
            pieces.append(Piece("attachment", attachment.group(0)))
        lead = len(named) - len(named.lstrip(" \u3000"))
        pieces += [Piece("space", named[:lead]), Piece("signature", named[lead:])]
        pieces.append(Piece("date", m.group(0)))
        marker = _ATTACHMENT_MARKER.match(rest)
        if marker:
            pieces.append(Piece("attachment", marker.group(0)))
            rest = rest[marker.end() :]
        length = title_at(rest, 0)
        if length is None and attachment and rest.startswith(attachment.group("name")):
            length = len(attachment.group("name"))
        if length:
            pieces.append(Piece("body-title", rest[:length]))
            rest = rest[length:]
        return [*pieces, Piece("body", rest)]
    return [Piece("body", text)]
