"""What every text-based loader needs: lines split as a file ends them, and the note on
bytes that did not decode."""

from __future__ import annotations

from ..encoding import Decoded
from ..text import Note


def split_lines(text: str) -> list[str]:
    """Lines without their ends; CRLF, CR and LF all end a line, form feeds too."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")


def replacement_note(count: int, encoding: str) -> Note:
    return Note(
        "undecodable-bytes",
        f"{count} byte sequence(s) did not decode as {encoding} and were replaced by U+FFFD",
    )


def decode_notes(decoded: Decoded) -> list[Note]:
    """Warnings about the decode: bytes replaced, or a result that may be mojibake."""
    notes = []
    if decoded.replaced:
        notes.append(replacement_note(decoded.replaced, decoded.encoding))
    if decoded.doubt:
        notes.append(Note("encoding-doubtful", decoded.doubt))
    return notes
