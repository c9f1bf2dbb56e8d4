"""Removing delimited spans (``<!-- … -->``, ``<script> … </script>``) in linear time.

The obvious pattern, ``<!--.*?-->``, is quadratic on hostile text: every ``<!--`` with no
``-->`` after it scans to the end of the text before failing, so 60,000 unclosed openers
cost 60,000 scans. Here each kind of span's closer is searched for at most once after it
is found missing: when no ``-->`` follows one opener, none follows any later opener either,
so the kind is marked dead and its remaining openers are passed over. The result is what
the non-greedy pattern gives (an unclosed span is left as it is), in O(n × kinds).
"""

from __future__ import annotations

import re
from collections.abc import Callable


def remove_spans(
    text: str,
    opener: re.Pattern[str],
    closer: Callable[[re.Match[str]], re.Pattern[str]],
    replace: Callable[[str], str],
) -> str:
    """``text`` with each span from an ``opener`` match to the first match of
    ``closer(opening_match)`` after it replaced by ``replace(span)``."""
    out: list[str] = []
    kept = 0  # text[kept:] is not yet copied to out
    at = 0
    dead: set[str] = set()
    while (start := opener.search(text, at)) is not None:
        end_pattern = closer(start)
        if end_pattern.pattern in dead:
            at = start.end()
            continue
        end = end_pattern.search(text, start.end())
        if end is None:
            dead.add(end_pattern.pattern)
            at = start.end()
            continue
        out.append(text[kept : start.start()])
        out.append(replace(text[start.start() : end.end()]))
        kept = at = end.end()
    out.append(text[kept:])
    return "".join(out)


_COMMENT_OPEN = re.compile("<!--")
_COMMENT_CLOSE = re.compile("-->")


def remove_comments(text: str, replace: Callable[[str], str]) -> str:
    """Every closed ``<!-- … -->`` replaced; an unclosed one stays as text."""
    return remove_spans(text, _COMMENT_OPEN, lambda _: _COMMENT_CLOSE, replace)


def keep_newlines(span: str) -> str:
    """The replacement that keeps line numbers: as many newlines as the span held."""
    return "\n" * span.count("\n")
