"""Deadlines: the reader lives in ``clauses/deadlines/`` (a grammar of named forms)."""

from __future__ import annotations

from .deadlines import FoundDeadline, find_deadline

__all__ = ["FoundDeadline", "find_deadline"]
