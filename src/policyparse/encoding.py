"""Bytes to text: a byte-order mark, then strict UTF-8, then detection.

Government text files arrive as UTF-8 (with or without BOM), GB18030/GBK/GB2312 or UTF-16.
The order here is cheapest-first: a BOM is certain; strict UTF-8 almost never decodes
anything that is not UTF-8; only then is charset-normalizer imported (about 30 ms) to
guess. A GBK family guess is always decoded as GB18030, its superset, because files
labelled or detected as GB2312/GBK routinely hold characters (喆, •) only GB18030 has.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import DecodeError
from .lexicon.charsets import text_codec

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn"}
# Share of U+FFFD a lenient decode may produce before we call the file binary.
_MAX_REPLACEMENT_SHARE = 0.01
# Share of CJK characters that makes a strict GB18030 decode believable.
_MIN_CJK_SHARE = 0.3
# Share of common (GB2312 or Big5) characters below which a GB18030 decode is mojibake.
_MIN_COMMON_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # undecodable byte sequences replaced by U+FFFD
    doubt: str | None = None  # why the decode may be wrong, for an encoding-doubtful warning


def decode(data: bytes, *, declared: str | None = None, encoding: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is a charset a container named (HTML ``<meta>``),
    ``encoding`` one the user named (``--encoding``), which is used and nothing else.

    >>> decode("一、总体要求".encode("gb18030")).encoding
    'gb18030'
    """
    if encoding is not None:
        codec = _normalise_label(encoding)
        if codec is None:
            raise DecodeError(f"unknown encoding {encoding!r} (not a text encoding)")
        return _decode_lenient(data, codec, codec)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_lenient(data[len(bom) :], codec, name)
    label = _normalise_label(declared) if declared else None
    if label is not None:
        try:
            return Decoded(data.decode(label), label)
        except UnicodeDecodeError:
            pass  # a wrong label is common; fall through to detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = data.decode("utf-8", errors="replace")
    replaced = mostly_utf8.count("\ufffd")
    # Measured against the non-ASCII text only: a page of ASCII markup around a little
    # GBK text must not pass for UTF-8.
    non_ascii = len(mostly_utf8) - len(mostly_utf8.encode("ascii", errors="ignore"))
    if replaced <= max(8, non_ascii * _MAX_REPLACEMENT_SHARE) and not _clean_gb18030(data):
        # A UTF-8 file with a few damaged bytes: keep it, and let the caller warn.
        return Decoded(mostly_utf8, "utf-8", replaced)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _decode_lenient(data, utf16, utf16)
    if _looks_binary(data):
        raise DecodeError("binary data, not text (is the file extension right?)")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _detect(data)
    # GB18030 maps most byte pairs to something; accept it when the result reads as Chinese.
    if _cjk_share(text) >= _MIN_CJK_SHARE:
        common = _common_share(text)
        if common >= _MIN_COMMON_SHARE:
            return Decoded(text, "gb18030")
        big5 = _strict(data, "big5")  # Taiwan and Hong Kong files
        if big5 is not None:
            return Decoded(big5, "big5")
        doubt = (
            f"only {common:.0%} of the characters are common ones when read as GB18030, "
            "and the bytes are not Big5: the text may be mojibake (name the encoding "
            "with --encoding)"
        )
        return Decoded(text, "gb18030", doubt=doubt)
    return _detect(data)


def _clean_gb18030(data: bytes) -> bool:
    """The bytes read as Chinese of common characters in GB18030 — as a short GBK text
    does, whose few bytes would otherwise pass for UTF-8 with some damage."""
    gb = _strict(data, "gb18030")
    return gb is not None and _cjk_share(gb) >= _MIN_CJK_SHARE and _common_share(gb) >= 0.95


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _common_share(text: str) -> float:
    """The share of common characters — in GB2312 (simplified) or Big5 (traditional) —
    among the non-ASCII ones: 1.0 for Chinese of either script read right, also for
    traditional text saved as GBK; Big5 bytes read as GB18030 land on kana, box drawing
    and GBK's rare extension rows (0.58 on a Big5 notice), which is mojibake."""
    visible = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if not visible:
        return 1.0
    return sum(1 for ch in visible if _is_common(ch)) / len(visible)


def _is_common(ch: str) -> bool:
    for codec in ("gb2312", "big5"):
        try:
            ch.encode(codec)
        except UnicodeEncodeError:
            continue
        return True
    return False


def _normalise_label(label: str) -> str | None:
    name = text_codec(label)
    # WHATWG maps gb2312 and gbk to the gb18030 decoder; so do we.
    return "gb18030" if name in _GB_FAMILY else name


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII line ends and digits leave NULs at every other byte."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # Chinese characters such as 一 (U+4E00) put a NUL in the other half too, now and then.
    if odd > len(head) // 64 and odd > 4 * even:
        return "utf-16-le"
    if even > len(head) // 64 and even > 4 * odd:
        return "utf-16-be"
    return None


def _cjk_share(text: str) -> float:
    """The share of CJK among the non-ASCII characters (markup and digits say nothing)."""
    visible = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if not visible:
        return 0.0
    cjk = sum(1 for ch in visible if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return cjk / len(visible)


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if not head:
        return False
    if b"\x00" in head:
        # UTF-16 without a BOM has NULs in every other byte of ASCII; detection handles it.
        return head.count(b"\x00") < len(head) // 8
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 20


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None:
        raise DecodeError("cannot tell the text encoding (not UTF-8, GB18030 or UTF-16)")
    codec = codecs.lookup(best.encoding).name
    if codec in _GB_FAMILY:
        codec = "gb18030"
    return _decode_lenient(data, codec, codec)


def _decode_lenient(data: bytes, codec: str, name: str) -> Decoded:
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    if text and replaced > max(8, len(text) * _MAX_REPLACEMENT_SHARE):
        raise DecodeError(f"does not decode as {name}: {replaced} undecodable sequences")
    return Decoded(text, name, replaced)
