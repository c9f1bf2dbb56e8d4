"""ZIP containers (DOCX, OFD) opened defensively, and their XML parsed safely.

Everything that can go wrong with the bytes becomes a :class:`LoadError` that names the
format, so a loader works on parsed XML and never sees a ``BadZipFile``:

- not a ZIP, a truncated ZIP, a damaged member → ``corrupt <KIND>: …``;
- a zip bomb: the members read may not expand beyond a budget in total. ``zipfile`` never
  inflates a member past the size its header declares (it stops there and fails the CRC),
  so checking the declared sizes before reading is enough;
- XML is parsed XXE-safe: no entity expansion, no DTD loading, no network; a part with a
  DOCTYPE (which neither OOXML nor OFD allows) is refused outright.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING

from ..errors import LoadError

if TYPE_CHECKING:
    from lxml.etree import XMLParser, _Element


def xml_parser() -> XMLParser:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


class Archive:
    """An opened ZIP: members by name (case-insensitive), each counted against the budget."""

    def __init__(self, data: bytes, *, kind: str, max_expanded: int) -> None:
        self.kind = kind
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
            raise LoadError(f"corrupt {kind}: not a readable ZIP archive ({error})") from error
        self.names = {info.filename.lstrip("/").lower(): info for info in self._zip.infolist()}
        self._limit = max_expanded
        self._budget = max_expanded

    def read(self, name: str) -> bytes | None:
        """The bytes of member ``name``, or None if absent."""
        info = self.names.get(name.lstrip("/").lower())
        if info is None:
            return None
        if info.file_size > self._budget:
            raise LoadError(
                f"{self.kind} expands beyond {size_text(self._limit)} (zip bomb?); "
                "refusing to read it"
            )
        self._budget -= info.file_size
        try:
            return self._zip.read(info)
        except RuntimeError as error:  # zipfile: "File … is encrypted, password required"
            raise LoadError(
                f"encrypted {self.kind}: the ZIP members are password-protected"
            ) from error
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            ValueError,
        ) as error:  # ValueError: a header offset that points before the file ("negative seek")
            raise LoadError(
                f"corrupt {self.kind}: cannot read {info.filename} ({error})"
            ) from error

    def xml(self, name: str) -> _Element | None:
        """Member ``name`` parsed as XML, or None if absent."""
        data = self.read(name)
        return None if data is None else parse_xml(data, name, self.kind)


def parse_xml(data: bytes, name: str, kind: str) -> _Element:
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as error:
        raise LoadError(f"corrupt {kind}: {name} is not well-formed XML ({error})") from error
    if root.getroottree().docinfo.doctype:
        raise LoadError(f"corrupt {kind}: {name} declares a DTD, which {kind} forbids")
    return root


def size_text(count: int) -> str:
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"
