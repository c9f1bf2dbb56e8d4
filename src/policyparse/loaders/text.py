"""Plain text: decode, split into lines. Everything else is the normaliser's job."""

from __future__ import annotations

from ..encoding import decode
from ..settings import ParseOptions
from ..text import InputFormat, Note, SourceLine, Table, Text
from .lines import decode_notes, split_lines


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    decoded = decode(data, encoding=options.encoding)
    from .markdown import looks_like_markdown, read_markdown

    if looks_like_markdown(decoded.text):
        # A regulation saved as .txt with its # and ## marks, or bold labels: the marks are
        # structure, read as Markdown; the source still says txt.
        text = read_markdown(decoded.text, InputFormat.TXT, decoded.encoding)
        text.notes.append(
            Note(
                "markdown-marks",
                "the text carries Markdown marks (#, **, <!-- -->): read as Markdown",
            )
        )
        text.notes.extend(decode_notes(decoded))
        return text
    lines = [SourceLine(text, number) for number, text in enumerate(split_lines(decoded.text), 1)]
    tables: list[Table] = []
    notes: list[Note] = []
    if "\t" in decoded.text:  # a table flattened to tab-indented lines, perhaps
        from .flattened import extract_tables

        lines, tables, notes = extract_tables(lines)
    text = Text(
        lines=lines, format=InputFormat.TXT, encoding=decoded.encoding, tables=tables, notes=notes
    )
    text.notes.extend(decode_notes(decoded))
    return text
