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
    ".doc": InputFormat.DOC,
    ".wps": InputFormat.DOC,
    ".ofd": InputFormat.OFD,
    ".png": InputFormat.PNG,
    ".jpg": InputFormat.JPEG,
    ".jpeg": InputFormat.JPEG,
    ".tif": InputFormat.TIFF,
    ".tiff": InputFormat.TIFF,
}
# Formats whose name promises a binary container: bytes without its signature are refused.
_IMAGES = (InputFormat.PNG, InputFormat.JPEG, InputFormat.TIFF)
_BINARY = (InputFormat.DOCX, InputFormat.PDF, InputFormat.OFD, *_IMAGES)

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_BY_EXTENSION)

_CONVERT_HINT = "convert it to .docx or .pdf first (e.g. libreoffice --headless --convert-to docx)"
_UNSUPPORTED: dict[str, str] = {
    ".rtf": f"RTF is not supported; {_CONVERT_HINT}",
    ".xls": "spreadsheets are not supported; save the sheet as .docx or .pdf",
    ".xlsx": "spreadsheets are not supported; save the sheet as .docx or .pdf",
    ".et": "WPS spreadsheets are not supported; save the sheet as .docx or .pdf",
    ".ppt": "presentations are not supported; save the slides as .pdf",
    ".pptx": "presentations are not supported; save the slides as .pdf",
}

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = {
    b"\x89PNG": InputFormat.PNG,
    b"\xff\xd8\xff": InputFormat.JPEG,
    b"II*\x00": InputFormat.TIFF,
    b"MM\x00*": InputFormat.TIFF,
}
_RTF_MAGIC = b"{\\rtf"


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


def detect(data: bytes, name: str | None = None) -> InputFormat:
    """The format of a file whose bytes (or first 4 KB at least) are ``data`` and whose
    name is ``name``. A ZIP is told apart by its member names (an OFD holds ``OFD.xml``),
    which needs the whole file; with only its head, a ZIP is an OFD by name alone."""
    head = data[:4096]
    suffix = PurePath(name).suffix.lower() if name else ""
    if head.startswith(b"%PDF-"):
        return InputFormat.PDF
    if head.startswith(_OLE2_MAGIC):
        if suffix == ".docx":
            return InputFormat.DOCX  # a password-protected .docx is OLE2; the loader says so
        if suffix in _UNSUPPORTED:
            raise UnsupportedFormat(_UNSUPPORTED[suffix])
        return InputFormat.DOC  # Word 97 binary, .wps too; the loader refuses other OLE2
    if head.startswith(b"PK\x03\x04"):
        if suffix in _UNSUPPORTED:
            raise UnsupportedFormat(_UNSUPPORTED[suffix])
        return InputFormat.OFD if _is_ofd(data, suffix) else InputFormat.DOCX
    for magic, image in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            return image
    if head.startswith(_RTF_MAGIC):
        raise UnsupportedFormat(_UNSUPPORTED[".rtf"])
    if suffix in _UNSUPPORTED:
        raise UnsupportedFormat(_UNSUPPORTED[suffix])
    fmt = _BY_EXTENSION.get(suffix)
    if fmt is not None and fmt not in _BINARY and fmt is not InputFormat.DOC:
        return fmt
    if fmt in _BINARY:
        # The name promises a binary container the bytes do not hold.
        raise UnsupportedFormat(f"not a valid {suffix[1:].upper()} file (wrong signature)")
    # No name, an unknown one, or a .doc/.wps that is no Word binary: government sites
    # often serve a web page or a text file under a .doc name. Read what the bytes are.
    return _sniff_text(head)


def _is_ofd(data: bytes, suffix: str) -> bool:
    """Whether a ZIP is an OFD package: a member named ``OFD.xml`` (GB/T 33190 §7.4).
    Reading the names takes the central directory only, at the end of the file."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {n.lower().lstrip("/") for n in archive.namelist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        return suffix == ".ofd"  # only a head, or a damaged ZIP: the loader says which
    if "ofd.xml" in names:
        return True
    # Named .ofd and no OOXML package either: the OFD loader says what is missing.
    return suffix == ".ofd" and "[content_types].xml" not in names


def _sniff_text(head: bytes) -> InputFormat:
    probe = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in probe:
        return InputFormat.HTML
    if probe.startswith(b"# ") or b"<!-- info end -->" in probe:
        return InputFormat.MD
    return InputFormat.TXT
