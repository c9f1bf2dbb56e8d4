"""Which codec names are charsets a document can be in: the labels policyparse accepts
from a page's ``<meta charset>``, an XML declaration and ``--encoding``.

Python's codec registry holds more than charsets; :func:`text_codec` keeps to those that
decode bytes into text as a file's author meant it.
"""

from __future__ import annotations

import codecs

# Python codecs that decode bytes to str but are no document's charset: escape syntaxes
# (which turn "\\ud800" into a lone surrogate), domain-name codecs, UTF-7 (which WHATWG
# refuses in pages) and ``undefined``, which fails on any input. A page that names one is
# read as if it named none.
NOT_CHARSETS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7"}
)


def text_codec(label: str) -> str | None:
    """Python's name for the text encoding ``label`` names, or None when it names none:
    unknown, a bytes-to-bytes codec (``rot13``, ``base64``) or one of :data:`NOT_CHARSETS`.

    >>> text_codec("UTF8"), text_codec("rot13"), text_codec("unicode_escape")
    ('utf-8', None, None)
    """
    try:
        info = codecs.lookup(label.strip().lower())
    except (LookupError, ValueError, TypeError):  # ValueError: a NUL in the label
        return None
    # CodecInfo._is_text_encoding is how str.encode itself refuses rot13 and base64.
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_CHARSETS:
        return None
    return info.name
