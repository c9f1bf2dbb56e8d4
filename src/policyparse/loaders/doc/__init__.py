"""Legacy Word .doc, and .wps as WPS Office saves it (the same Word 97 binary format).

Read without LibreOffice: :mod:`olefile` opens the OLE2 compound file, :mod:`.stream`
follows the FIB to the piece table and reads the main text in character order,
:mod:`.paragraphs` reads the paragraph properties that tell a table row's end from a
cell's, and :mod:`.body` turns the characters into paragraphs and tables. Headers,
footers, footnotes, comments and text boxes are other stories of the text and are not
read (as in the DOCX loader). The summary information's title is not used: templates
leave junk there (述职报告 in a 通知 of the corpus).

What this reader refuses — Word 6/95 files (no piece table) and files it finds damaged —
goes to LibreOffice when ``soffice`` is on the PATH (:mod:`.fallback`); an encrypted file
is refused either way. Word's automatic list numbers are not rebuilt (they live in the
list tables, not in the text): a document numbered that way has no labels in its lines.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ...errors import LoadError
from ...settings import ParseOptions
from ...text import InputFormat, Text
from .body import BodyReader
from .paragraphs import Marks
from .stream import Stream

if TYPE_CHECKING:
    import olefile

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage"


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    import olefile

    if not data.startswith(_OLE2_MAGIC):
        raise LoadError("not a .doc: no OLE2 signature")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError) as error:  # olefile raises all three on damage
        raise LoadError("corrupt .doc: not a readable OLE2 compound file") from error
    try:
        if ole.exists(_ENCRYPTED_OOXML):
            raise LoadError(
                "encrypted Word document (password-protected): remove the password and save again"
            )
        if not ole.exists("WordDocument"):
            streams = ", ".join("/".join(entry) for entry in ole.listdir()[:4])
            raise LoadError(f"not a Word document: an OLE2 file with {streams or 'no streams'}")
        try:
            text = _read(ole)
        except LoadError as error:
            if "encrypted" in error.reason or "obfuscated" in error.reason:
                raise
            from .fallback import with_libreoffice

            converted = with_libreoffice(data, name, options, error)
            if converted is None:
                raise
            return converted
        return text
    finally:
        ole.close()


def _read(ole: olefile.OleFileIO) -> Text:
    stream = Stream(ole)
    marks = Marks(stream.word, stream.table, stream.fib.bte_papx)
    reader = BodyReader(stream, marks)
    reader.read()
    has_text = any(line.text.strip() for line in reader.lines) or any(
        cell.text.strip() for table in reader.tables for row in table.rows for cell in row
    )
    if not has_text:
        raise LoadError(".doc has no text in its main body (only images? text boxes?)")
    return Text(
        lines=reader.lines,
        format=InputFormat.DOC,
        tables=reader.tables,
        reflow=False,  # Word marks every paragraph itself
    )
