"""Losslessness accounting (SPEC): every non-whitespace character of the body lands in
meta, a provision (label, text, clause) or a warning that says it was dropped."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from policyparse.encoding import decode
from policyparse.loaders.markdown import looks_like_markdown
from policyparse.models import Document

_MD_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MD_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+", re.M)
_MD_TABLE_RULE = re.compile(r"^\s{0,3}\|(?:\s*:?-+:?\s*\|)+\s*$", re.M)
_MD_RULE = re.compile(r"^[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)


def source_body(path: Path) -> str:
    """The document's body as a reader sees it: Markdown marks are structure, not text."""
    return text_body(decode(path.read_bytes()).text, markdown=path.suffix == ".md")


def text_body(text: str, *, markdown: bool = False) -> str:
    """``text`` without its Markdown marks, when it is Markdown by name or by content."""
    if markdown or looks_like_markdown(text):
        text = _MD_RULE.sub("", _MD_HEADING.sub("", _MD_COMMENT.sub("", text)))
        text = _MD_TABLE_RULE.sub("", text)
        text = "\n".join(
            line.replace("|", " ") if line.lstrip().startswith("|") else line
            for line in text.split("\n")
        )
        text = text.replace("**", "")
    return text


def accounted(doc: Document) -> Counter[str]:
    """Characters the document's records hold, each place counted once.

    heading is a copy of text, and title/doc_number/… copies of meta.lines, so they are
    not counted again.
    """
    parts: list[str] = [*doc.meta.lines, *doc.preamble, *doc.closing]
    for p in doc.provisions:
        parts.append(p.label)
        parts.append(p.text)
        if p.responsibility is not None:
            parts.append(p.responsibility.raw)
        if p.cells is not None and p.deadline is not None:
            parts.append(p.deadline.raw)  # a row's 完成时限 cell is its deadline, as written
    parts.extend(w.text for w in doc.warnings if w.text)
    return _chars("".join(parts))


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace() and ch not in "\u200b\ufeff")


def missing(source_text: str, doc: Document) -> Counter[str]:
    """Characters of the source that no record accounts for."""
    return _chars(source_text) - accounted(doc)


def extra(source_text: str, doc: Document) -> Counter[str]:
    """Characters the records hold that the source does not (invented text)."""
    return accounted(doc) - _chars(source_text)
