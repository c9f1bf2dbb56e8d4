"""The exceptions policyparse raises. Only ``cli.py`` turns them into exit codes.

Every error carries the file it is about and a reason a person can act on; the CLI prints
``policyparse: error: <file>: <reason>`` and exits 1.
"""

from __future__ import annotations


class PolicyParseError(Exception):
    """Base class: a document could not be parsed."""

    kind = "error"

    def __init__(self, reason: str, *, path: str | None = None) -> None:
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


class WriteError(PolicyParseError):
    """An output could not be written: disk full, read-only, a name too long, a symbolic
    link where a folder of the output tree should be."""

    kind = "write"
