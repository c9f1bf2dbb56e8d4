"""Parse options: one validated object, accepted as None, a dict or an instance.

    parse("a.txt", options={"keywords": True})
    parse("a.txt", options=ParseOptions(keywords=True, max_keywords=8))

A bad option is rejected by name, never ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .errors import PolicyParseError


class OptionError(PolicyParseError, ValueError):
    kind = "usage"


@dataclass(frozen=True, slots=True)
class ParseOptions:
    keywords: bool = False  # fill Provision.keywords (loads jieba: ~1 s once per process)
    max_keywords: int = 5
    # A DOCX or other zip whose parts expand beyond this many bytes is refused (zip bomb).
    max_unzipped_bytes: int = 200 * 1024 * 1024
    # The text encoding of .txt, .md and .html inputs, when the user knows it best.
    encoding: str | None = None

    def __post_init__(self) -> None:
        if self.encoding is not None:
            from .lexicon.charsets import text_codec

            if not isinstance(self.encoding, str) or text_codec(self.encoding) is None:
                raise OptionError(f"unknown encoding {self.encoding!r}")
        if not isinstance(self.keywords, bool):
            raise OptionError(f"option 'keywords' must be true or false, not {self.keywords!r}")
        for name in ("max_keywords", "max_unzipped_bytes"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise OptionError(f"option {name!r} must be a positive integer, not {value!r}")

    @classmethod
    def resolve(cls, value: ParseOptions | Mapping[str, Any] | None) -> ParseOptions:
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(value) - known)
            if unknown:
                raise OptionError(
                    f"unknown option {unknown[0]!r} (known: {', '.join(sorted(known))})"
                )
            return cls(**value)
        raise OptionError(f"options must be a ParseOptions or a dict, not {type(value).__name__}")
