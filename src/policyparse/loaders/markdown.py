"""Markdown (the LawRefBook layout and the like): marks are structure, never text.

Pipe tables (| 序号 | 重点任务 | 责任单位 |) are tables, read like any other.

``# 标题`` is the title, ``##``/``###`` headings are heading lines (第X章, 第X节), HTML
comments such as ``<!-- INFO END -->`` vanish, emphasis marks and block quotes are
stripped. Line numbers stay those of the source file.
"""

from __future__ import annotations

import re

from ..encoding import decode
from ..lexicon.labels import starts_with_label
from ..settings import ParseOptions
from ..text import InputFormat, LineHint, SourceLine, Table, TableCell, Text
from .lines import decode_notes, split_lines
from .spans import keep_newlines, remove_comments

_HEADING = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Bold set over two or more lines of one paragraph (a title wrapped inside **…**).
_WRAPPED_BOLD = re.compile(r"\*\*(?=\S)([^*\n]*\n(?:[^*\n]*\S\n)*?[^*\n]*?\S)\*\*")
# A line set entirely in bold: a heading or a title, as converters mark them.
_BOLD_LINE = re.compile(r"^[ \t\u3000]*\*\*\S.*\S\*\*[ \t\u3000]*$")
_MARK_LINE = re.compile(r"\s{0,3}(?:#{1,6}[ \t]+\S|<!--|\*\*\S.*\S\*\*\s*$)")
_QUOTE = re.compile(r"^\s{0,3}>[ \t]?")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# A pipe table: | a | b | rows, and the |---|:---:| line under the header.
_PIPE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s{0,3}\|(?:\s*:?-+:?\s*\|)+\s*$")


def _pipe_cells(raw: str, number: int) -> tuple[TableCell, ...]:
    inner = raw.strip()[1:-1]
    return tuple(TableCell(_plain(cell.strip()), number) for cell in inner.split("|"))


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    decoded = decode(data, encoding=options.encoding)
    text = read_markdown(decoded.text, InputFormat.MD, decoded.encoding)
    text.notes.extend(decode_notes(decoded))
    return text


def looks_like_markdown(text: str) -> bool:
    """Markdown by its content, whatever the file is called: two or more heading lines
    (``# 标题``, ``## 第一章``), HTML comments (``<!-- INFO END -->``) or lines set in bold
    (``**一、总体要求**``) among the first 200 lines.

    >>> looks_like_markdown("# 上海市条例\\n<!-- INFO END -->\\n## 第一章  总则\\n第一条 …")
    True
    >>> looks_like_markdown("一、总体要求\\n（一）指导思想。以…为指导。")
    False
    """
    marks = 0
    for line in text.splitlines()[:200]:
        if _MARK_LINE.match(line):
            marks += 1
            if marks >= 2:
                return True
    return False


def read_markdown(decoded: str, fmt: InputFormat, encoding: str) -> Text:
    """Markdown text → :class:`Text`; ``fmt`` is what the source says it was."""
    source = remove_comments(decoded, keep_newlines)
    if "**" in source:
        source = _WRAPPED_BOLD.sub(_unwrap_bold, source)
    lines: list[SourceLine] = []
    tables: list[Table] = []
    table_rows: list[tuple[TableCell, ...]] = []
    soft_wrapped = False  # the previous line continues into this one (no blank between)
    for number, raw in enumerate(split_lines(source), 1):
        if _PIPE_ROW.match(raw):
            if not _PIPE_RULE.match(raw):  # |---|:---:| separates the header, holds nothing
                table_rows.append(_pipe_cells(raw, number))
            soft_wrapped = False
            continue
        if table_rows:
            tables.append(Table(tuple(table_rows), table_rows[0][0].line))
            table_rows = []
        line = _markdown_line(raw, number)
        if line is None or not line.text.strip():
            soft_wrapped = False
            continue
        if (
            soft_wrapped
            and line.hint is None
            and lines[-1].hint is None
            and not _starts_paragraph(raw, line.text)
        ):
            # Markdown joins the lines of a paragraph; only a blank line ends one.
            previous = lines[-1]
            lines[-1] = SourceLine(previous.text + line.text.strip(), previous.number)
            continue
        lines.append(line)
        soft_wrapped = line.hint is None
    if table_rows:
        tables.append(Table(tuple(table_rows), table_rows[0][0].line))
    return Text(lines=lines, format=fmt, encoding=encoding, tables=tables, reflow=False)


def _starts_paragraph(raw: str, text: str) -> bool:
    """A line that opens a paragraph although no blank line precedes it: converted 公文
    keep one paragraph per line, indented with ideographic spaces or opening with a label
    (Markdown's rule that only a blank line ends a paragraph would run them together)."""
    return raw.startswith(("\u3000", "  ", "\t")) or starts_with_label(text)


def _unwrap_bold(m: re.Match[str]) -> str:
    """One line for a bold span wrapped over several; the line breaks move after it, so the
    lines that follow keep their numbers."""
    inner = m.group(1)
    return (
        "**"
        + "".join(part.strip(" \t\u3000") for part in inner.split("\n"))
        + "**"
        + ("\n" * inner.count("\n"))
    )


def _markdown_line(raw: str, number: int) -> SourceLine | None:
    if ("-" in raw or "*" in raw or "_" in raw) and _RULE.match(raw):
        return None
    heading = _HEADING.match(raw) if "#" in raw else None
    if heading:
        hint = LineHint.TITLE if len(heading.group(1)) == 1 else LineHint.HEADING
        return SourceLine(_plain(heading.group(2)), number, hint=hint)
    if "**" in raw and _BOLD_LINE.match(raw):
        return SourceLine(_plain(raw), number, hint=LineHint.HEADING)
    return SourceLine(_plain(_QUOTE.sub("", raw) if ">" in raw else raw), number)


def _plain(text: str) -> str:
    return _EMPHASIS.sub(r"\2", text) if "**" in text or "__" in text else text
