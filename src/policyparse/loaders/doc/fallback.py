"""LibreOffice as the last resort for a .doc this package's reader refuses.

Only when ``soffice`` (or ``libreoffice``) is on the PATH, and only for files the reader
cannot take (Word 6/95, a damaged piece table); never for an encrypted file. The file is
converted to DOCX in a temporary folder, with a profile of its own (so that parallel
workers do not fight over one), and read by the DOCX loader. A note says so.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ...errors import LoadError
from ...settings import ParseOptions
from ...text import InputFormat, Note, Text

TIMEOUT = 120  # seconds: LibreOffice's start-up alone takes a few


def with_libreoffice(
    data: bytes, name: str, options: ParseOptions, error: LoadError
) -> Text | None:
    """The document read through LibreOffice, or None when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    from ..docx import load as load_docx

    with tempfile.TemporaryDirectory(prefix="policyparse-doc-") as folder:
        work = Path(folder)
        source = work / "input.doc"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as failure:
            raise LoadError(f"{error.reason}; LibreOffice failed too ({failure})") from failure
        converted = work / "input.docx"
        if not converted.exists():
            raise LoadError(f"{error.reason}; LibreOffice could not convert it either") from error
        text = load_docx(converted.read_bytes(), name=name, options=options)
    note = Note("converted", f"read through LibreOffice: {error.reason}")
    return replace(text, format=InputFormat.DOC, notes=[note, *text.notes])
