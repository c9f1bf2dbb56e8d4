"""policyparse: Chinese government policy documents → structured, validated records.

>>> from policyparse import parse
>>> doc = parse("notice.txt")            # doctest: +SKIP
>>> [p.id for p in doc.provisions][:3]   # doctest: +SKIP
['1', '1.1', '1.2']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "PolicyParseError", "__version__", "parse"]

if TYPE_CHECKING:
    from .errors import PolicyParseError
    from .models import Document
    from .pipeline import parse


def __getattr__(name: str) -> Any:
    # Lazy: `policyparse --help` must not pay for pydantic.
    if name == "parse":
        from .pipeline import parse

        return parse
    if name == "Document":
        from .models import Document

        return Document
    if name == "PolicyParseError":
        from .errors import PolicyParseError

        return PolicyParseError
    raise AttributeError(name)
