"""Markdown (the LawRefBook layout and the like): marks are structure, never text.

Pipe tables (| 序号 | 重点任务 | 责任单位 |) are tables, read like any other.

``# 标题`` is the title, ``##``/``###`` headings are heading lines (第X章, 第X节), HTML
comments such as ``<!-- INFO END -->`` vanish, emphasis marks and block quotes are
stripped. Line numbers stay those of the source file.
"""

from __future__ import annotations

import re

from ..encoding import decode
from ..settings import ParseOptions
from ..text import InputFormat, LineHint, SourceLine, Table, TableCell, Text
from .text import decode_notes, split_lines

_HEADING = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
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
    source = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), decoded.text)
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
        if soft_wrapped and line.hint is None and lines[-1].hint is None:
            # Markdown joins the lines of a paragraph; only a blank line ends one.
            previous = lines[-1]
            lines[-1] = SourceLine(previous.text + line.text.strip(), previous.number)
            continue
        lines.append(line)
        soft_wrapped = line.hint is None
    if table_rows:
        tables.append(Table(tuple(table_rows), table_rows[0][0].line))
    text = Text(
        lines=lines, format=InputFormat.MD, encoding=decoded.encoding, tables=tables, reflow=False
    )
    text.notes.extend(decode_notes(decoded))
    return text


def _markdown_line(raw: str, number: int) -> SourceLine | None:
    if ("-" in raw or "*" in raw or "_" in raw) and _RULE.match(raw):
        return None
    heading = _HEADING.match(raw) if "#" in raw else None
    if heading:
        hint = LineHint.TITLE if len(heading.group(1)) == 1 else LineHint.HEADING
        return SourceLine(_plain(heading.group(2)), number, hint=hint)
    return SourceLine(_plain(_QUOTE.sub("", raw) if ">" in raw else raw), number)


def _plain(text: str) -> str:
    return _EMPHASIS.sub(r"\2", text) if "**" in text or "__" in text else text
