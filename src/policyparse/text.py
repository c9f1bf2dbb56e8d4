"""The intermediate representation every loader returns.

A loader turns bytes into a :class:`Text`: source lines with their provenance (line number,
page) and optional layout hints. Nothing here knows about numbering or clauses; the
normaliser and the segmenter work on this and nothing else, whatever the input format was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class InputFormat(str, Enum):
    """The formats policyparse reads. The value is what ``source.format`` says."""

    TXT = "txt"
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"
    DOC = "doc"  # Word 97 binary: .doc, and .wps as WPS Office saves it
    OFD = "ofd"  # GB/T 33190
    # Images of pages, read by OCR.
    PNG = "png"
    JPEG = "jpeg"
    TIFF = "tiff"


class LineHint(str, Enum):
    """Layout evidence about a line: a heading (a style, a font, a Markdown mark), or a
    table cell flattened into lines. Hints confirm a level the numbering already suggests;
    they never invent one. A hinted line is never joined to its neighbours.
    """

    TITLE = "title"
    HEADING = "heading"
    CELL = "cell"


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the source as decoded, with where it came from."""

    text: str
    number: int  # 1-based: the line of a text file; the block (paragraph, row) of a DOCX
    page: int | None = None
    hint: LineHint | None = None
    last: int | None = None  # the last physical line, when a loader joined several (PDF)


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell. ``continued``: the cell is the lower part of a vertically merged cell
    (DOCX vMerge, HTML rowspan); its text is empty and belongs to the cell above."""

    text: str
    line: int
    page: int | None = None
    continued: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A real table (DOCX, HTML, ruled PDF): rows of cells, each with its provenance.

    ``line`` is the position of the table in the sequence of source lines, so that the
    table keeps its place in body order.
    """

    rows: tuple[tuple[TableCell, ...], ...]
    line: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """Something a stage wants the user to know; becomes a ``warnings`` entry.

    ``text`` holds what was dropped, when something was (junk, furniture), so that no
    character of the body is lost without a trace.
    """

    code: str
    message: str
    line: int | None = None
    text: str | None = None


@dataclass(slots=True)
class Text:
    """What a loader hands to the pipeline."""

    lines: list[SourceLine]
    format: InputFormat
    encoding: str | None = None
    pages: int | None = None
    tables: list[Table] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # Lines may be wrap-broken (plain text, PDF): the normaliser rejoins them. False when
    # the format marks its paragraphs itself (Markdown, DOCX).
    reflow: bool = True
    # Metadata a format carries outside the body (HTML meta tables, DOCX core properties).
    # Keys are meta field names; the values are strings as written.
    meta_hints: dict[str, str] = field(default_factory=dict)
    # The text was read by OCR from images of the pages (a scanned PDF, a photo).
    ocr: bool = False
