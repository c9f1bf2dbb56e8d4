"""Which format a file is: magic bytes first, the extension second.

Magic bytes win because download folders are full of misnamed files: a .doc that is really
a .docx, a PDF saved as .txt. Formats we do not read get a reason and a suggestion.
"""

from __future__ import annotations

from pathlib import PurePath

from .errors import UnsupportedFormat
from .text import InputFormat

_BY_EXTENSION: dict[str, InputFormat] = {
    ".txt": InputFormat.TXT,
    ".text": InputFormat.TXT,
    ".md": InputFormat.MD,
    ".markdown": InputFormat.MD,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".shtml": InputFormat.HTML,
    ".xhtml": InputFormat.HTML,
    ".docx": InputFormat.DOCX,
    ".pdf": InputFormat.PDF,
}

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_BY_EXTENSION)

_CONVERT_HINT = "convert it to .docx or .pdf first (e.g. libreoffice --headless --convert-to docx)"
_UNSUPPORTED: dict[str, str] = {
    ".doc": f"legacy Word .doc is not supported; {_CONVERT_HINT}",
    ".wps": f"WPS .wps is not supported; {_CONVERT_HINT}",
    ".ofd": "OFD (GB/T 33190) is not supported; export it to PDF first",
    ".rtf": f"RTF is not supported; {_CONVERT_HINT}",
    ".xls": "spreadsheets are not supported; save the sheet as .docx or .pdf",
    ".xlsx": "spreadsheets are not supported; save the sheet as .docx or .pdf",
    ".et": "WPS spreadsheets are not supported; save the sheet as .docx or .pdf",
}

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


def parse_format_name(name: str) -> InputFormat:
    """``--input-format`` values: the enum value or an extension (``htm`` → html)."""
    key = name.strip().lower().lstrip(".")
    for fmt in InputFormat:
        if fmt.value == key:
            return fmt
    found = _BY_EXTENSION.get("." + key)
    if found is None:
        choices = ", ".join(f.value for f in InputFormat)
        raise UnsupportedFormat(f"unknown input format {name!r} (choose from {choices})")
    return found


def detect(head: bytes, name: str | None = None) -> InputFormat:
    """The format of a file whose first bytes are ``head`` and whose name is ``name``."""
    suffix = PurePath(name).suffix.lower() if name else ""
    if head.startswith(b"%PDF-"):
        return InputFormat.PDF
    if head.startswith(_OLE2_MAGIC):
        if suffix == ".docx":
            return InputFormat.DOCX  # a password-protected .docx is OLE2; the loader says so
        reason = _UNSUPPORTED.get(suffix, _UNSUPPORTED[".doc"])
        raise UnsupportedFormat(reason)
    if head.startswith(b"PK\x03\x04"):
        if suffix in _UNSUPPORTED:
            raise UnsupportedFormat(_UNSUPPORTED[suffix])
        if b"OFD.xml" in head[:200]:
            raise UnsupportedFormat(_UNSUPPORTED[".ofd"])
        return InputFormat.DOCX
    if any(head.startswith(magic) for magic in _IMAGE_MAGIC):
        raise UnsupportedFormat("an image has no text layer; OCR is not supported")
    if suffix in _UNSUPPORTED:
        raise UnsupportedFormat(_UNSUPPORTED[suffix])
    if suffix in _BY_EXTENSION and _BY_EXTENSION[suffix] not in (InputFormat.DOCX, InputFormat.PDF):
        return _BY_EXTENSION[suffix]
    if suffix in (".docx", ".pdf"):
        # The name promises a binary container the bytes do not hold.
        raise UnsupportedFormat(f"not a valid {suffix[1:].upper()} file (wrong signature)")
    return _sniff_text(head)


def _sniff_text(head: bytes) -> InputFormat:
    probe = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in probe:
        return InputFormat.HTML
    if probe.startswith(b"# ") or b"<!-- info end -->" in probe:
        return InputFormat.MD
    return InputFormat.TXT
