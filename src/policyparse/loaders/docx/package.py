"""The DOCX container: a ZIP of XML parts, opened defensively.

The ZIP and XML safety (corrupt archives, zip bombs, XXE) is :mod:`..archive`'s, shared
with the OFD loader. Here: an OLE2 compound file is password-protected OOXML
(``EncryptedPackage`` stream, as Word writes it, MS-OFFCRYPTO §2.3.4) or a legacy .doc →
``encrypted DOCX: …`` / ``not a DOCX: …``.

Part names come from the package relationships (``_rels/.rels``, ``word/_rels/…``), with
the usual names as fallback. Strict OOXML namespaces are mapped to transitional ones.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from typing import TYPE_CHECKING

from lxml import etree

from ...errors import LoadError
from ..archive import Archive, parse_xml

if TYPE_CHECKING:
    from lxml.etree import _Element

MAX_EXPANDED_BYTES = 200 * 1024 * 1024
# python-docx's default template carries this creation time into every file made from it;
# it says nothing about the document.
_TEMPLATE_STAMPS = frozenset({"2013-12-23T23:15:00Z"})
"""Refuse a DOCX whose parts that we read expand beyond this many bytes (zip bomb)."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_CORE_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def w(tag: str) -> str:
    """``w:tag`` in Clark notation: ``{…wordprocessingml/2006/main}tag``."""
    return f"{{{W_NS}}}{tag}"


W_VAL = w("val")


class Package:
    """An opened DOCX: read parts by name, each one counted against the size budget."""

    def __init__(self, data: bytes, *, max_expanded: int = MAX_EXPANDED_BYTES) -> None:
        if data.startswith(_OLE2_MAGIC):
            if _ENCRYPTED_STREAM in data:
                raise LoadError(
                    "encrypted DOCX (password-protected): remove the password in Word "
                    "and save it again"
                )
            raise LoadError("not a DOCX: an OLE2 file (legacy Word .doc?); convert it to .docx")
        self._archive = Archive(data, kind="DOCX", max_expanded=max_expanded)

    def read(self, name: str) -> bytes | None:
        """The bytes of part ``name`` (case-insensitive, as OPC says), or None if absent."""
        return self._archive.read(name)

    def xml(self, name: str) -> _Element | None:
        """Part ``name`` parsed as XML, or None if absent."""
        data = self.read(name)
        if data is None:
            return None
        return parse_xml(data.replace(_STRICT_W_NS, W_NS.encode()), name, "DOCX")

    def related(self, source: str, kind: str) -> str | None:
        """The part that ``source`` (``""`` = the package) points at with a relationship
        whose type ends in ``/kind`` (``officeDocument``, ``styles``, ``numbering``…)."""
        folder, base = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        if rels is None:
            return None
        for rel in rels.iter(f"{{{_PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target: str = rel.get("Target") or ""
            if (rel.get("Type") or "").rsplit("/", 1)[-1] == kind and target:
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(folder, target))
        return None


def open_main(package: Package) -> tuple[str, _Element]:
    """The main document part's name and root element; LoadError if there is none."""
    name = package.related("", "officeDocument") or "word/document.xml"
    root = package.xml(name)
    if root is None and name != "word/document.xml":
        name, root = "word/document.xml", package.xml("word/document.xml")
    if root is None:
        raise LoadError("corrupt DOCX: no word/document.xml (not a Word document?)")
    if root.tag != w("document"):
        raise LoadError(f"not a DOCX: the main part {name} is not a Word document")
    return name, root


def core_properties(package: Package) -> dict[str, str]:
    """Title and creation date from docProps/core.xml, as meta hints (fallbacks only)."""
    root = package.xml(package.related("", "core-properties") or "docProps/core.xml")
    hints: dict[str, str] = {}
    if root is None:
        return hints
    for element in root:
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        value = (element.text or "").strip()
        if local == "title" and value:
            hints["title"] = value
        elif local == "created" and value not in _TEMPLATE_STAMPS and (day := _core_date(value)):
            hints["date"] = day
            hints["date_raw"] = value
    return hints


def _core_date(value: str) -> str | None:
    """``2024-03-18T08:00:00Z`` (W3CDTF) → ``2024-03-18``; None unless a real day."""
    m = _CORE_DATE.match(value)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def val_attr(element: _Element | None) -> str | None:
    """The ``w:val`` of an optional element (most WordprocessingML properties)."""
    return element.get(W_VAL) if element is not None else None


def val_int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
