"""The page: one HTML file with its style, script and data inline.

The template, style sheet and script are package data files (``report.html``,
``report.css``, ``report.js``) so that they stay readable as what they are. The data goes
in a ``<script type="application/json">`` block; every ``<`` in it is written as
``\\u003c``, which JSON reads back as the same character, so no string in a document —
``</script>``, ``<!--`` — can end the block early.
"""

from __future__ import annotations

import html
import json
import re
from importlib.resources import files
from typing import Any

_SLOT = re.compile(r"<!--@(\w+)-->")


def render_page(data: dict[str, Any]) -> str:
    """The whole HTML page for ``data`` (see :mod:`policyparse.report.data`)."""
    here = files(__package__)
    parts = {
        "title": html.escape(data["title"]),
        "css": here.joinpath("report.css").read_text("utf-8"),
        "js": here.joinpath("report.js").read_text("utf-8"),
        "data": embed_json(data),
    }
    template = here.joinpath("report.html").read_text("utf-8")
    # one pass, so that nothing inserted is itself searched for slots
    return _SLOT.sub(lambda m: parts[m[1]], template)


def embed_json(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")
