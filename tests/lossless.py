"""Losslessness accounting (SPEC): every non-whitespace character of the body lands in
meta, a provision (label, text, clause) or a warning that says it was dropped."""

from __future__ import annotations

from collections import Counter

from policyparse.models import Document


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
