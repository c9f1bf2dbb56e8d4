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
from .inputs import is_within


def iter_files(
    root: Path, *, pattern: str | None = None, suffixes: tuple[str, ...] = SUPPORTED_EXTENSIONS
) -> Iterator[Path]:
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
            elif path.suffix.lower() not in suffixes:
                continue
            if path.is_symlink() and not is_within(path.resolve(), base):
                continue
            yield path


GLOB_CHARS = frozenset("*?[")


def expand_globs(inputs: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Files named by ``inputs`` — files, folders (with batch's ``.json`` outputs), and
    quoted glob patterns (``**`` crosses folders) — and the patterns that matched nothing."""
    import glob

    names: list[str] = []
    missing: list[str] = []
    suffixes = (*SUPPORTED_EXTENSIONS, ".json")
    for name in inputs:
        if name != "-" and not Path(name).exists() and GLOB_CHARS & set(name):
            found = sorted(glob.glob(name, recursive=True))
            if not found:
                missing.append(name)
            for match in found:
                path = Path(match)
                if path.is_dir():
                    names.extend(str(p) for p in iter_files(path, suffixes=suffixes))
                elif path.is_file():
                    names.append(match)
        elif name != "-" and Path(name).is_dir():
            names.extend(str(p) for p in iter_files(Path(name), suffixes=suffixes))
        else:
            names.append(name)
    return names, missing
