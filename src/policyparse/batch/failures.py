"""The files that failed, kept from run to run, so that a rerun does not redo them.

A file that failed will fail the same way while nothing about it changes: a rerun skips it
(it is still counted, listed in errors.jsonl and the exit code is still 1) unless
``--retry-failed``. "Nothing changed" is the input's stamp (size, modification time, the
output format, the parse options and the version: stamps.py) and, for a failure that a
limit decided — a timeout, a dead worker, memory — the limits too: a rerun with a longer
``--timeout`` tries again. A failure to write is never remembered (the disk may have been
freed). The ledger is ``OUTDIR/.policyparse-failed``:
``{"version": 1, "failed": {input: {"stamp", "error", "message", "limits"}}}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .jobs import TIMEOUT, WORKER, Job, Outcome
from .stamps import input_stamp, relative_key

LEDGER = ".policyparse-failed"
LIMITED = frozenset({TIMEOUT, WORKER, "resource"})
FORGOTTEN = frozenset({"write"})


class Failures:
    def __init__(self, outdir: Path, root: Path, digest: str, limits: dict[str, Any]) -> None:
        self.path = outdir / LEDGER
        self.root = root
        self.digest = digest
        self.limits = limits
        self._failed: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("failed"), dict):
                self._failed = {str(k): v for k, v in data["failed"].items() if isinstance(v, dict)}
        except (OSError, ValueError):
            pass  # none yet, or damaged: every file is tried

    def known(self, source: str) -> Outcome | None:
        """The failure recorded for ``source``, if it would fail the same way now."""
        record = self._failed.get(relative_key(source, self.root))
        if record is None or record.get("stamp") != input_stamp(source, self.digest):
            return None
        if record.get("error") in LIMITED and record.get("limits") != self.limits:
            return None
        return Outcome(
            source,
            "failed",
            error_kind=str(record.get("error")),
            message=str(record.get("message")),
            earlier=True,
        )

    def skip_known(self, jobs: Iterable[Job], report: Callable[[Outcome], None]) -> Iterator[Job]:
        """``jobs`` less those known to fail, each reported instead of run."""
        for job in jobs:
            outcome = self.known(job.source)
            if outcome is None:
                yield job
            else:
                report(outcome)

    def update(self, outcome: Outcome) -> None:
        key = relative_key(outcome.source, self.root)
        if outcome.status == "failed" and not outcome.earlier:
            if outcome.error_kind in FORGOTTEN:
                self._failed.pop(key, None)
                return
            self._failed[key] = {
                "stamp": input_stamp(outcome.source, self.digest),
                "error": outcome.error_kind,
                "message": outcome.message,
                "limits": self.limits,
            }
        elif outcome.status != "failed":
            self._failed.pop(key, None)

    def save(self) -> None:
        if not self._failed:
            self.path.unlink(missing_ok=True)
            return
        from ..atomic import atomic_text_writer

        with atomic_text_writer(self.path) as stream:
            failed = dict(sorted(self._failed.items()))
            json.dump({"version": 1, "failed": failed}, stream, ensure_ascii=False)
