"""Where an output goes: stdout, a special file, or a regular file replaced atomically.

``-o -`` and no ``-o`` are stdout; a device or a pipe (``/dev/null``, ``/dev/stdout``, a
FIFO) is written in place and never replaced by a regular file; anything else is built
beside its target and renamed over it (atomic.py), with the mode the umask gives. The
binary formats (xlsx, sqlite) are always built in a temporary file first — their
libraries want a path — then renamed, or copied to stdout or to the special file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .atomic import atomic_text_writer, locked_temporary
from .errors import WriteError
from .inputs import display_name
from .writers import Record, open_file_writer


def is_stdout(output: str | None) -> bool:
    return output is None or output == "-"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def is_special(path: Path) -> bool:
    """An existing file that is not a regular file nor a folder: a device, FIFO, socket."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def unwritable(doc: Record) -> str | None:
    """Why no writer could write ``doc`` (a lone surrogate, an infinite number), or None."""
    import json

    try:
        json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end].encode("unicode_escape").decode()
        return f"the record holds a lone surrogate ({bad}), which UTF-8 cannot write"
    except ValueError as error:
        return f"the record holds a number JSON cannot write ({error})"
    return None


def write_text(output: str | None, write: Callable[[TextIO], None]) -> None:
    """Run ``write`` on a UTF-8 text stream that ends up at ``output``."""
    if is_stdout(output):
        import io

        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            write(stream)
            stream.flush()
        finally:
            stream.detach()
        return
    path = Path(str(output))
    if is_special(path):
        with path.open("w", encoding="utf-8", newline="") as device:
            write(device)
        return
    with atomic_text_writer(path, newline="") as out:
        write(out)


def write_file(output: str | None, output_format: str, docs: Iterable[Record]) -> int:
    """Build an xlsx or sqlite file from ``docs`` at ``output``; the number of documents."""
    path = None if is_stdout(output) else Path(str(output))
    in_place = path is not None and not is_special(path)
    folder = path.parent if in_place and path is not None else None
    with _temporary(folder, path.name if path else "policyparse") as tmp:
        writer = open_file_writer(output_format, tmp)
        count = 0
        try:
            for doc in docs:
                writer.document(doc)
                count += 1
        finally:
            writer.close()
        if in_place and path is not None:
            os.replace(tmp, path)
        elif path is not None:
            with tmp.open("rb") as src, path.open("wb") as dst:
                shutil.copyfileobj(src, dst)
        else:
            with tmp.open("rb") as src:
                shutil.copyfileobj(src, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    return count


@contextlib.contextmanager
def _temporary(folder: Path | None, name: str) -> Iterator[Path]:
    """An empty temporary file (in ``folder``, or the system's temporary folder), locked
    while it is written (atomic.py), removed unless it was renamed into place."""
    with locked_temporary(folder, name) as (_fd, tmp):
        yield tmp


@contextlib.contextmanager
def write_errors(output: str | os.PathLike[str] | None) -> Iterator[None]:
    """An OSError while writing ``output`` (disk full, read-only, a name too long) as one
    :class:`WriteError`; stdout that failed is pointed at /dev/null, so that the
    interpreter's last flush cannot print a second error."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        name = "stdout" if output is None or output == "-" else os.fspath(output)
        if name == "stdout":
            _silence_stdout()
        reason = error.strerror or str(error)
        raise WriteError(f"cannot write: {reason}", path=display_name(name)) from error


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def quiet_broken_pipe() -> Iterator[None]:
    """``… | head``: when the reader goes away, stop quietly with 0, as Unix tools do."""
    try:
        yield
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's last flush cannot fail again.
        _silence_stdout()
        sys.exit(0)
