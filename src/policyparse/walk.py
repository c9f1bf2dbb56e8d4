"""Inputs named on the command line → the files to parse.

A file is taken as it is; a folder is walked for every supported extension (or a
``--glob``), in sorted order, without following symbolic links out of it.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from .formats import SUPPORTED_EXTENSIONS


def iter_files(root: Path, *, pattern: str | None = None) -> Iterator[Path]:
    """Files under ``root`` in sorted order; symlinks that leave ``root`` are skipped."""
    base = root.resolve()
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith("."):
                continue
            if pattern is not None:
                if not fnmatch.fnmatch(path.relative_to(root).as_posix(), pattern) and not (
                    fnmatch.fnmatch(name, pattern)
                ):
                    continue
            elif path.suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            if path.is_symlink() and not _inside(path.resolve(), base):
                continue
            yield path


def expand(inputs: tuple[str, ...], *, pattern: str | None = None) -> Iterator[str]:
    """Every file named by ``inputs``: files as given, folders walked; ``-`` kept."""
    for name in inputs:
        if name != "-" and Path(name).is_dir():
            yield from (str(p) for p in iter_files(Path(name), pattern=pattern))
        else:
            yield name


def _inside(path: Path, base: Path) -> bool:
    try:
        path.relative_to(base)
    except ValueError:
        return False
    return True
