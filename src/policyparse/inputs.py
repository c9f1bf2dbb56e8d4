"""Opening an input: only a regular file, no bigger than a budget, and — in a batch —
only inside the tree that was walked, checked on the open file itself.

A FIFO named ``*.txt`` would block a reader forever and ``/dev/zero`` never ends, so the
kind of file is checked before it is opened and again on the open descriptor (the name
may have been swapped in between). A batch walks first and opens later: a file replaced
by a symbolic link out of the tree after the walk is refused, because the check is made
on what was opened, not on what was walked.

Names come from the file system as bytes; a name that is not UTF-8 reaches Python with
lone surrogates (surrogateescape), which no UTF-8 writer accepts. :func:`display_name`
is the form written into records, JSON and messages; :func:`one_line` keeps a message on
one line whatever a name or a library's message holds.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
READ_BLOCK = 1 << 20



def display_name(name: str) -> str:
    """``name`` with undecodable bytes written as ``\\xff``: valid UTF-8, and the same
    string for the same name on every run (batch stamps are keyed by it)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def one_line(text: str) -> str:
    """Line breaks (in a file name, in lxml's messages) collapsed to one space, with the
    blanks around them (str.splitlines: every break Unicode knows; linear, no regex)."""
    lines = text.splitlines()
    if len(lines) <= 1:  # a name's own leading or trailing blanks are kept
        return lines[0] if lines else ""
    return " ".join(part for line in lines if (part := line.strip()))


def read_input(
    path: str | os.PathLike[str],
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    within: str | os.PathLike[str] | None = None,
) -> bytes:
    """The bytes of the regular file ``path``, or an :class:`InputError` that says why not.

    ``max_bytes``: refuse a larger file (None: no limit). ``within``: refuse a file whose
    real location, as opened, is outside this folder."""
    name = display_name(os.fspath(path))
    _check_kind(path, name)
    try:
        fd = os.open(path, os.O_RDONLY | _flag("O_NONBLOCK") | _flag("O_NOCTTY"))
    except OSError as error:
        raise _open_error(error, name) from None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped after the check above
            raise InputError("not a regular file", path=name)
        if within is not None and not _opened_inside(fd, path, within):
            raise InputError(
                f"is outside {display_name(os.fspath(within))} (a symbolic link?); not read",
                path=name,
            )
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(_too_big(max_bytes), path=name)
        return _read_bounded(stream, max_bytes, name)


def read_stdin(max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input, refused past ``max_bytes`` (``cat /dev/zero | policyparse extract -``)."""
    return _read_bounded(sys.stdin.buffer, max_bytes, "-")


def _check_kind(path: str | os.PathLike[str], name: str) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except PermissionError:
        raise InputError("permission denied", path=name) from None
    except OSError as error:
        raise _open_error(error, name) from None
    if stat.S_ISDIR(mode):
        raise InputError("is a directory (use 'policyparse batch' for folders)", path=name)
    if not stat.S_ISREG(mode):
        raise InputError("not a regular file", path=name)


def _open_error(error: OSError, name: str) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError("no such file", path=name)
    if isinstance(error, PermissionError):
        return InputError("permission denied", path=name)
    if isinstance(error, IsADirectoryError):
        return InputError("is a directory (use 'policyparse batch' for folders)", path=name)
    return InputError(f"cannot read: {error.strerror or error}", path=name)


def _read_bounded(stream: BinaryIO, max_bytes: int | None, name: str) -> bytes:
    """Read to the end, but never more than ``max_bytes`` + 1: a file that grows while it
    is read, or a pipe without end, is refused instead of filling memory."""
    parts: list[bytes] = []
    size = 0
    try:
        while block := stream.read(READ_BLOCK):
            parts.append(block)
            size += len(block)
            if max_bytes is not None and size > max_bytes:
                raise InputError(_too_big(max_bytes), path=name)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=name) from error
    return b"".join(parts)


def _too_big(max_bytes: int) -> str:
    return f"larger than {max_bytes / 1048576:g} MB (--max-size)"


def _opened_inside(fd: int, path: str | os.PathLike[str], within: str | os.PathLike[str]) -> bool:
    """Where the open descriptor really is (Linux: /proc/self/fd), else the real path of
    ``path`` provided it is the very file that was opened."""
    base = os.path.realpath(within)
    try:
        real = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        real = os.path.realpath(path)
        try:
            same = os.path.samestat(os.stat(real), os.fstat(fd))
        except OSError:
            return False
        if not same:
            return False
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _flag(name: str) -> int:
    return int(getattr(os, name, 0))


def is_within(path: Path, base: Path) -> bool:
    try:
        path.relative_to(base)
    except ValueError:
        return False
    return True
