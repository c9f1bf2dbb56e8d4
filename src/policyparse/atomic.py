"""Atomic output files: write to a temporary file beside the target, then rename.

A killed run leaves either the old file or the new one, never half of one; the rename is
atomic on POSIX and Windows when both names are on one file system, which sitting in the
same folder guarantees. There is no fsync: that guards against a power cut, not a killed
process, and it would cost a batch of thousands of small files most of its time.

Every temporary file is locked (``flock``) for as long as its writer lives. A run killed
with ``kill -9`` leaves its temporary files behind, unlocked; :func:`sweep_temporaries`,
run by the next batch over the same folder, removes exactly those — never the temporary
file of a batch still writing into the same OUTDIR. Temporary names are cut so that they
fit the file system's 255 bytes whatever the target's name.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, no sweeping of live temporaries
    fcntl = None  # type: ignore[assignment]

NAME_MAX = 255  # bytes in one file name on ext4, xfs, btrfs, tmpfs, APFS and NTFS (chars)
# ".", ".", mkstemp's 8 random characters, ".tmp", and sqlite's "-journal" beside it
TEMP_AFFIXES = 1 + 1 + 8 + len(".tmp") + len("-journal")
_TEMPORARY = re.compile(r"^\..*\.[A-Za-z0-9_]{8}\.tmp(-journal)?$", re.DOTALL)


def honour_umask(fd: int) -> None:
    """Give a temporary file the mode a plain ``open`` would have: mkstemp makes it 0600,
    which after the rename would hide every output from the rest of the group."""
    mask = os.umask(0)
    os.umask(mask)
    if hasattr(os, "fchmod"):  # not on Windows, whose files have no such bits
        os.fchmod(fd, 0o666 & ~mask)


def temp_prefix(name: str) -> str:
    """``.NAME.``, NAME cut (by characters, never inside one) so that the whole temporary
    name stays within NAME_MAX bytes."""
    budget = NAME_MAX - TEMP_AFFIXES
    while len(os.fsencode(name)) > budget:
        name = name[:-1]
    return f".{name}."


@contextlib.contextmanager
def locked_temporary(folder: Path | None, name: str) -> Iterator[tuple[int, Path]]:
    """A new empty file beside ``folder/name`` (or in the system's temporary folder), open
    and locked; removed at the end unless it was renamed into place."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(name), suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        honour_umask(fd)
        yield fd, tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        with contextlib.suppress(OSError):
            os.close(fd)


@contextlib.contextmanager
def atomic_text_writer(target: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """Open a text stream whose content replaces ``target`` only if the block succeeds."""
    with locked_temporary(target.parent, target.name) as (_fd, tmp):
        # a second descriptor for the stream: closing it must not drop the lock before
        # the rename
        with open(tmp, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
        os.replace(tmp, target)


def sweep_temporaries(folder: Path, *, name: str | None = None, recursive: bool = False) -> int:
    """Remove the temporary files a killed run left in ``folder`` (and below it with
    ``recursive``; only those of ``name`` when given): the ones no live process holds
    locked. The number removed."""
    if fcntl is None:
        return 0
    prefix = temp_prefix(name) if name is not None else "."
    removed = 0
    for current, dirs, files in os.walk(folder, followlinks=False):
        if not recursive:
            dirs.clear()
        for entry in sorted(files):  # journals after their database
            if entry.startswith(prefix) and _TEMPORARY.match(entry):
                removed += _remove_if_abandoned(Path(current) / entry)
    return removed


def _remove_if_abandoned(path: Path) -> int:
    holder = path
    if path.name.endswith("-journal"):  # sqlite's: abandoned when its database is
        holder = path.with_name(path.name.removesuffix("-journal"))
        if not holder.exists():
            holder = path
    try:
        fd = os.open(holder, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return 0
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0  # a live writer holds it
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            return 1
        return 0
    finally:
        os.close(fd)
