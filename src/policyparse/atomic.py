"""Atomic output files: write to a temporary file beside the target, then rename.

A killed run leaves either the old file or the new one, never half of one; the rename is
atomic on POSIX and Windows when both names are on one file system, which sitting in the
same folder guarantees. There is no fsync: that guards against a power cut, not a killed
process, and it would cost a batch of thousands of small files most of its time.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def honour_umask(fd: int) -> None:
    """Give a temporary file the mode a plain ``open`` would have: mkstemp makes it 0600,
    which after the rename would hide every output from the rest of the group."""
    mask = os.umask(0)
    os.umask(mask)
    if hasattr(os, "fchmod"):  # not on Windows, whose files have no such bits
        os.fchmod(fd, 0o666 & ~mask)


@contextlib.contextmanager
def atomic_text_writer(target: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """Open a text stream whose content replaces ``target`` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    honour_umask(fd)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
