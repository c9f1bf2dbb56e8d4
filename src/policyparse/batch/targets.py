"""Where a batch output goes: the input tree mirrored under OUTDIR, a name that fits the
file system, and folders that are real folders of OUTDIR.

``root/a/b.txt`` → ``OUTDIR/a/b.txt.json``: the input's own extension is kept so that
``b.txt`` and ``b.docx`` never share an output. A name too long for the file system once
the extension and a temporary suffix are added (255 bytes: 79 CJK characters and
``.txt.json`` already come close) is cut and given a hash of the whole name, the same on
every run, so a rerun finds the output it made.

A folder of the output tree that is a symbolic link is never written through: it could
point anywhere. OUTDIR itself is the user's to choose and may be a link.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..atomic import NAME_MAX, TEMP_AFFIXES
from ..errors import WriteError
from ..inputs import display_name
from ..writers import EXTENSIONS

# An output's name leaves room for the temporary name built from it (atomic.py).
MAX_NAME_BYTES = NAME_MAX - TEMP_AFFIXES
HASH_CHARS = 16


def target_for(source: Path, root: Path, outdir: Path, output_format: str) -> Path:
    relative = source.relative_to(root)
    return outdir / relative.parent / output_name(relative.name, EXTENSIONS[output_format])


def output_name(name: str, extension: str) -> str:
    """``name + extension``, or when that is too long, ``name`` cut + ``~`` + 16 hex
    digits of sha256(name) + the input's suffix + ``extension``."""
    whole = name + extension
    if len(os.fsencode(whole)) <= MAX_NAME_BYTES:
        return whole
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:HASH_CHARS]
    suffix = Path(name).suffix
    if len(os.fsencode(suffix)) > 16:  # not an extension, just a dot in a long name
        suffix = ""
    tail = f"~{digest}{suffix}{extension}"
    stem = name[: len(name) - len(suffix)] if suffix else name
    while stem and len(os.fsencode(stem + tail)) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + tail


def prepare_folder(outdir: Path, folder: Path) -> None:
    """Make ``folder`` (inside ``outdir``) and every folder between them, refusing any
    that exists as a symbolic link or as something other than a folder."""
    current = outdir
    for part in folder.relative_to(outdir).parts:
        current = current / part
        try:
            os.mkdir(current)
            continue
        except FileExistsError:
            pass
        except OSError as error:
            raise WriteError(
                f"cannot make the folder: {error.strerror or error}",
                path=display_name(str(current)),
            ) from error
        mode = os.lstat(current).st_mode
        if stat.S_ISLNK(mode):
            raise WriteError(
                "is a symbolic link inside OUTDIR; not writing through it",
                path=display_name(str(current)),
            )
        if not stat.S_ISDIR(mode):
            raise WriteError("is not a folder", path=display_name(str(current)))
