"""Plain text: decode, split into lines. Everything else is the normaliser's job."""

from __future__ import annotations

from ..encoding import Decoded, decode
from ..settings import ParseOptions
from ..text import InputFormat, Note, SourceLine, Table, Text


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    decoded = decode(data, encoding=options.encoding)
    lines = [SourceLine(text, number) for number, text in enumerate(split_lines(decoded.text), 1)]
    tables: list[Table] = []
    notes: list[Note] = []
    if "\t" in decoded.text:  # a table flattened to tab-indented lines, perhaps
        from ..tables.flattened import extract_tables

        lines, tables, notes = extract_tables(lines)
    text = Text(
        lines=lines, format=InputFormat.TXT, encoding=decoded.encoding, tables=tables, notes=notes
    )
    text.notes.extend(decode_notes(decoded))
    return text


def split_lines(text: str) -> list[str]:
    """Lines without their ends; CRLF, CR and LF all end a line, form feeds too."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")


def decode_notes(decoded: Decoded) -> list[Note]:
    """Warnings about the decode: bytes replaced, or a result that may be mojibake."""
    notes = []
    if decoded.replaced:
        notes.append(replacement_note(decoded.replaced, decoded.encoding))
    if decoded.doubt:
        notes.append(Note("encoding-doubtful", decoded.doubt))
    return notes


def replacement_note(count: int, encoding: str) -> Note:
    return Note(
        "undecodable-bytes",
        f"{count} byte sequence(s) did not decode as {encoding} and were replaced by U+FFFD",
    )
