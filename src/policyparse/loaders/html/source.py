"""HTML bytes → a safe lxml tree: the charset a page declares, and a parse that cannot be
turned against us.

Charset, in the order a browser trusts it (WHATWG "encoding sniffing", simplified): a
byte-order mark (or UTF-16 markup without one: ``3C 00``), then ``<meta charset>`` or
``<meta http-equiv="Content-Type" content="…; charset=…">`` (or an XML declaration) in the
first 8 KiB, then the zh-CN locale's default (GB18030 for a page that is not UTF-8 but
decodes as GB18030), then detection. The label is handed to
:func:`policyparse.encoding.decode`, which decodes gb2312/gbk labels as gb18030 (pages
labelled gb2312 routinely hold 喆 or •) and falls back to detection when the bytes do not
decode under the label. Western single-byte labels (iso-8859-1, windows-1252, ascii) are
not trusted: on Chinese sites they are a server default, not a statement about the bytes.

Parsing uses libxml2's HTML parser with no network access, comments and processing
instructions removed and ``huge_tree=False``. The HTML parser never loads a DTD nor expands
an entity it does not know (``&xxe;`` stays text), so the XML parser's
``resolve_entities``/``load_dtd`` switches have nothing to switch off here. Its one safety
limit bites real pages: an element tree deeper than 256 levels (400 unclosed ``<font>``
tags) ends the parse, silently losing the rest of the page. When that happens the page is
parsed again with inline tags removed, and if it is still too deep, with every container
turned into a line break; a note says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...encoding import decode
from ...errors import DecodeError, LoadError
from ...text import Note
from ..lines import replacement_note
from ..spans import keep_newlines, remove_spans

if TYPE_CHECKING:
    from lxml import etree

_PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"^<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_UNTRUSTED_LABELS = re.compile(
    r"^(?:iso[-_]?8859[-_]?1|latin-?1|l1|windows-1252|cp1252|us-ascii|ascii)$", re.IGNORECASE
)
_UTF16_LABELS = re.compile(r"^utf-?16", re.I)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# What XML cannot hold (C0 controls but tab and line ends): lxml reads them from HTML into
# the tree, then refuses them when a tree edit writes a text back (ValueError). A few are
# a damaged byte in a page; they show nothing, so they go before the parse.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]+")

# Elements whose content is never text; blanked before a flattening re-parse.
_OPAQUE = re.compile(
    r"<(script|style|noscript|textarea|iframe|template|svg|object)\b|<!--", re.IGNORECASE
)
_CLOSERS = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "noscript", "textarea", "iframe", "template", "svg", "object")
}
_COMMENT_END = re.compile("-->")
# [^<>]: a tag ends before the next "<", so that 60,000 "<a" with no ">" cost one scan each
# up to the next "<", not a scan to the end of the page each (quadratic).
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:_-]*)\b[^<>]*>")
_HEAD_TAGS = {"html", "head", "body", "title", "meta", "br", "p"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {
    "div", "section", "article", "main", "aside", "header", "footer", "nav", "center",
    "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "pre", "address", "fieldset",
    "figure", "figcaption", "form", "hr",
}  # fmt: skip
_TABLE_TAGS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
# Tier 1 keeps the block structure (containers, tables, headings) and drops inline tags;
# tier 2 keeps only what cannot nest, every other block becoming a line break.
_TIERS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    (
        "inline tags removed",
        frozenset(_HEAD_TAGS | _HEADINGS | _CONTAINERS | _TABLE_TAGS),
        frozenset(),
    ),
    (
        "its structure flattened (containers and table cells became line breaks)",
        frozenset(_HEAD_TAGS),
        frozenset(_HEADINGS | _CONTAINERS | _TABLE_TAGS),
    ),
)


@dataclass(slots=True)
class Source:
    """A parsed page: the root element, the encoding used, and what the reader noticed."""

    root: etree._Element
    encoding: str
    notes: list[Note] = field(default_factory=list)


def read(data: bytes, *, encoding: str | None = None) -> Source:
    """Decode and parse ``data``; :class:`LoadError` when it is not a readable page.
    ``encoding``: the user's (``--encoding``), which wins over what the page declares."""
    label = _utf16_markup(data) or declared_charset(data) or _locale_default(data)
    try:
        decoded = decode(data, declared=label, encoding=encoding)
    except DecodeError as error:
        raise LoadError(f"cannot read the page: {error.reason}") from error
    controls = len(_CONTROLS.findall(decoded.text))
    if "\x00" in decoded.text or controls > max(8, len(decoded.text) // 100):
        raise LoadError("cannot read the page: binary data, not HTML (is the extension right?)")
    notes: list[Note] = []
    if decoded.replaced:
        notes.append(replacement_note(decoded.replaced, decoded.encoding))
    page = _NOT_XML.sub("", decoded.text)
    root, too_deep = _parse(page)
    if too_deep is not None:
        how = ""
        for name, keep, breaks in _TIERS:
            retry, still_deep = _parse(_flatten(page, keep, breaks))
            root, how = (retry if retry is not None else root), name
            if still_deep is None:
                break
        notes.append(
            Note(
                "markup-junk",
                f"HTML nested deeper than the parser's limit of 256 elements at line "
                f"{too_deep}; read the page again with {how}",
                too_deep,
            )
        )
    if root is None:
        raise LoadError("cannot read the page: no HTML elements in it")
    return Source(root, decoded.encoding, notes)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, if it is one worth trusting.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'GB2312'
    >>> declared_charset(b'<meta charset="utf-8">')
    'utf-8'
    >>> declared_charset(b'<meta charset="iso-8859-1">') is None
    True
    """
    head = data[:_PRESCAN_BYTES]
    m = _XML_ENCODING.match(head.lstrip()) or _META_CHARSET.search(head)
    if m is None:
        return None
    label = m.group(1).decode("ascii", "replace")
    # WHATWG: a <meta> cannot declare UTF-16 (the bytes would not be ASCII-compatible).
    if _UNTRUSTED_LABELS.match(label) or _UTF16_LABELS.match(label):
        return None
    return label


def _locale_default(data: bytes) -> str | None:
    """GB18030 for an undeclared page that is not UTF-8 but reads as GB18030: a browser in
    a zh-CN locale decodes such a page as GBK (WHATWG Encoding, "locale default"). The
    generic detector is not asked: ASCII markup drowns the Chinese text it would weigh,
    and it guesses cp1250 for a GBK page whose markup outweighs its text."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return "gb18030"


def _utf16_markup(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark, told by the page's first ``<`` (``3C 00``)."""
    for codec, order in (("utf-16-le", slice(None)), ("utf-16-be", slice(None, None, -1))):
        at = 0
        while data[at : at + 2][order] in (b" \x00", b"\t\x00", b"\r\x00", b"\n\x00"):
            at += 2
        if data[at : at + 2][order] == b"<\x00":
            return codec
    return None


def _parse(text: str) -> tuple[etree._Element | None, int | None]:
    """(root or None, the line where the depth limit stopped the parser or None)."""
    from lxml import etree

    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.LxmlError as error:  # libxml2 gave up on the document as a whole
        raise LoadError(f"cannot parse the page as HTML: {error}") from error
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" and "depth" in entry.message:
            return root, entry.line
    return root, None


def _flatten(text: str, keep: frozenset[str], breaks: frozenset[str]) -> str:
    """``text`` with tags outside ``keep`` removed (``breaks`` become ``<br>``); every
    newline stays where it was, so source line numbers still hold."""

    def newlines(m: re.Match[str]) -> str:
        return "\n" * m.group(0).count("\n")

    def tag(m: re.Match[str]) -> str:
        name = m.group(1).lower()
        if name in keep:
            return m.group(0)
        return ("<br>" if name in breaks else "") + newlines(m)

    return _TAG.sub(tag, remove_spans(text, _OPAQUE, _closer, keep_newlines))


def _closer(opening: re.Match[str]) -> re.Pattern[str]:
    name = opening.group(1)
    return _CLOSERS[name.lower()] if name else _COMMENT_END
