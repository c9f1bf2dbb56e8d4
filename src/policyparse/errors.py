"""The exceptions policyparse raises. Only ``cli.py`` turns them into exit codes.

Every error carries the file it is about and a reason a person can act on; the CLI prints
``policyparse: error: <file>: <reason>`` and exits 1.
"""

from __future__ import annotations

import re

# The surrogates no UTF-8 stream can carry never reach a reason (quoted input may hold one).
_SURROGATES = re.compile("[\ud800-\udfff]")


class PolicyParseError(Exception):
    """Base class: a document could not be parsed."""

    kind = "error"

    def __init__(self, reason: str, *, path: str | None = None) -> None:
        # One line, whatever lxml's messages and quoted input hold: str.split() breaks at
        # every Unicode line end (\n, \r, \x1c-\x1e, \x85, \u2028 …) and space run.
        reason = _SURROGATES.sub("\ufffd", " ".join(reason.split()))
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def with_path(self, path: str) -> PolicyParseError:
        if self.path is None:
            self.path = path
        return self

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InputError(PolicyParseError):
    """The input cannot be opened: missing, a directory, unreadable, empty."""

    kind = "input"


class UnsupportedFormat(PolicyParseError):
    """The file is of a type policyparse does not read (.doc, .wps, .ofd, images …)."""

    kind = "unsupported"


class DecodeError(PolicyParseError):
    """The bytes are not text in any encoding we can recognise."""

    kind = "decode"


class LoadError(PolicyParseError):
    """A format-specific loader failed: corrupt, encrypted or scanned file."""

    kind = "load"


class ResourceError(LoadError):
    """Reading the document exhausted a resource: Python's recursion limit or memory."""

    kind = "resource"


class WriteError(PolicyParseError):
    """An output could not be written: disk full, read-only, a name too long, a symbolic
    link where a folder of the output tree should be."""

    kind = "write"


def describe(error: BaseException, *, limit: int, qualified: bool = False) -> str:
    """``Type: message`` of an exception in one line, the message cut at ``limit``
    characters; ``qualified``: a type from outside the builtins keeps its module
    (``zipfile.LargeZipFile``), which says where to look."""
    detail = " ".join(str(error).split())
    if len(detail) > limit:
        detail = detail[: limit - 1] + "…"
    kind = type(error)
    name = kind.__name__
    if qualified and kind.__module__ != "builtins":
        name = f"{kind.__module__}.{name}"
    return f"{name}: {detail}" if detail else name
