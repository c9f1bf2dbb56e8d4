"""A task-division table → the paragraphs and rows the segmenter turns into provisions.

Whatever form the table came in (a Word table, an HTML table, a ruled PDF table, text
flattened by tabs), it is a :class:`Table` here, and it reads the same way:

- the header row names the columns (columns.py); a header printed again after a page
  break is dropped (``repeated-table-header``);
- a row with a single cell across the table is a section heading (一、…): a paragraph;
- the task cell (（一）持续支持“个转企”) is a paragraph too, once per task — merged down
  over the task's rows, or printed again at the top of a page (``repeated-table-cell``);
- every other row is a :class:`RowData`: the segmenter makes it a ``row`` provision under
  the open task, or numbers it by its 序号 cell;
- a row with text but no unit, deadline or number is the rest of the row above, split by
  a page break, and is joined to it (``table-row-joined``).

A table with a 序号 column whose rows count 1, 2, 3 … but no unit or deadline column (a
list of substances, of projects) is a numbered list: each row is an item, numbered by its
序号 cell, its other cells its text. Any other table without a recognisable header is not
a task table: its cells become paragraphs.

What a merged cell repeats is bounded: the text copied down into the rows under a merged
cell (and a task into the rows of its task) is at most :data:`MAX_COPIED_CHARS` per
document; past it the lower parts stay empty and a ``merged-cells-budget`` warning says
so. A few bytes of ``vMerge`` can otherwise repeat a long cell on ten thousand rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.columns import Columns, Role, read_header, role_of, same_header
from ..lexicon.labels import starts_with_label
from ..text import LineHint, Note, Table, TableCell

MAX_COPIED_CHARS = 2_000_000


@dataclass(slots=True)
class RowData:
    """One table row, its cells by role. Texts are as written; "" when empty."""

    headers: tuple[str, ...]
    roles: tuple[Role, ...]
    values: list[str]
    line: int
    end_line: int
    page: int | None

    def cells(self) -> dict[str, str]:
        return dict(zip(self.headers, self.values, strict=True))

    def get(self, role: Role) -> str:
        return "\n".join(v for v, r in zip(self.values, self.roles, strict=True) if r is role and v)

    @property
    def text(self) -> str:
        return self.get(Role.TEXT)


@dataclass(slots=True)
class TableItem:
    """A paragraph (section or task heading, or a cell of a table that is no task table)
    or a row, with where it came from."""

    text: str
    line: int
    page: int | None
    row: RowData | None = None
    hint: LineHint = LineHint.CELL


@dataclass(slots=True)
class _Reader:
    columns: Columns
    items: list[TableItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    section: str | None = None
    task: str | None = None
    above: list[str] = field(default_factory=list)  # last row's values, for merged cells
    copied: int = 0  # characters copied down from merged cells and tasks so far

    def copy(self, text: str, line: int) -> str:
        """``text`` copied into one more row, or "" once the budget is spent."""
        if self.copied + len(text) <= MAX_COPIED_CHARS:
            self.copied += len(text)
            return text
        if self.copied <= MAX_COPIED_CHARS:
            self.copied = MAX_COPIED_CHARS + 1  # warn once
            self.notes.append(
                Note(
                    "merged-cells-budget",
                    f"merged cells repeat more than {MAX_COPIED_CHARS:,} characters of text "
                    "down their rows; the rest of the lower parts were left empty",
                    line,
                )
            )
        return ""


def read_table(table: Table) -> tuple[list[TableItem], list[Note]]:
    header_at = next(
        (i for i, row in enumerate(table.rows) if read_header([c.text for c in row])), None
    )
    if header_at is not None:
        header = table.rows[header_at]
        columns = read_header([c.text for c in header])
    else:
        header_at = _numbered_list_at(table)
        if header_at is None:
            return _plain_cells(table), []
        header = table.rows[header_at]
        columns = _numbered_list_columns(header)
    assert columns is not None
    reader = _Reader(columns)
    reader.items.extend(_plain_cells(Table(table.rows[:header_at], table.line)))
    reader.notes.append(
        Note(
            "table-header",
            f"read a task table with columns {' | '.join(columns.headers)}",
            header[0].line,
            "\n".join(c.text for c in header),
        )
    )
    for row in table.rows[header_at + 1 :]:
        _read_row(reader, list(row))
    return reader.items, reader.notes


def _numbered_list_at(table: Table) -> int | None:
    """The header of a numbered list kept as a table (| 序号 | 物质名称 | CAS号 | 临界量 |):
    a row whose first cell names the 序号 column, under which the rows count on (1, 2 …, or
    17, 18 … where a page break printed the table again); rows of one cell across
    (第一部分) may group them. Such a table names
    no unit or deadline column, so it is no task table, but each row is an item."""
    for index, row in enumerate(table.rows):
        if len(row) < 2 or role_of(row[0].text) is not Role.NUMBER:
            continue
        numbers = [r[0].text.strip() for r in table.rows[index + 1 :] if len(r) == len(row)]
        counted = [int(n) for n in numbers if n.isdigit() and len(n) <= 5]
        # 1, 2 … or, in the next page's copy of the table, 17, 18 …
        if len(counted) >= 2 and counted[0] > 0 and counted[1] == counted[0] + 1:
            return index
    return None


def _numbered_list_columns(header: tuple[TableCell, ...]) -> Columns:
    """The 序号 column numbers the row; every other column is its text, in order."""
    roles = (Role.NUMBER, *(Role.TEXT for _ in header[1:]))
    return Columns(tuple(c.text.strip() for c in header), roles)


def _read_row(reader: _Reader, row: list[TableCell]) -> None:
    texts = [c.text for c in row]
    columns = reader.columns
    if same_header(texts, columns):
        reader.notes.append(
            Note(
                "repeated-table-header",
                "dropped the table header printed again (a page break)",
                row[0].line,
                "\n".join(texts),
            )
        )
        return
    filled = [t for t in texts if t.strip()]
    if filled and len(set(filled)) == 1 and (len(row) == 1 or len(filled) < len(row) / 2):
        _section(reader, row[0] if row[0].text.strip() else next(c for c in row if c.text.strip()))
        return
    if not filled:
        return
    width = len(columns.headers)
    if len(row) != width:
        reader.notes.append(
            Note(
                "table-misaligned",
                f"a table row has {len(row)} cells for {width} columns; "
                "missing cells were left empty at the end",
                row[0].line,
            )
        )
        row = [*row[:width], *[TableCell("", row[-1].line, row[-1].page)] * (width - len(row))]
    values = [_value(cell, i, reader) for i, cell in enumerate(row)]
    if _continues_previous(reader, row, values):
        return
    task_index = columns.index(Role.TASK)
    roles = columns.roles
    if task_index is not None:
        cell = row[task_index]
        if not cell.continued and cell.text.strip() and _task(reader, cell):
            # A task without a number is no parent: its cell is the row's first text.
            roles = tuple(Role.TEXT if i == task_index else r for i, r in enumerate(roles))
        elif reader.task is not None:  # every row of a task shows its task
            values[task_index] = reader.copy(reader.task, cell.line)
    reader.above = values
    data = RowData(columns.headers, roles, values, row[0].line, row[-1].line, row[0].page)
    reader.items.append(TableItem(data.text, row[0].line, row[0].page, data))


def _value(cell: TableCell, index: int, reader: _Reader) -> str:
    if cell.continued and reader.above:  # the lower part of a merged cell: the text above
        return reader.copy(reader.above[index], cell.line)
    return cell.text.strip(" \t\u3000")


def _section(reader: _Reader, cell: TableCell) -> None:
    text = cell.text.strip()
    if text == reader.section:
        reader.notes.append(
            Note("repeated-table-cell", "dropped a section printed again", cell.line, text)
        )
        return
    reader.section, reader.task = text, None
    reader.items.append(TableItem(_one_line(text), cell.line, cell.page))


def _task(reader: _Reader, cell: TableCell) -> bool:
    """The task cell becomes a paragraph once, not again when a new page repeats it.
    True when the task has no numbering label and so is text of the row instead."""
    text = cell.text.strip(" \t\u3000")
    if not starts_with_label(text):
        reader.task = None
        return True
    if text == reader.task:
        reader.notes.append(
            Note("repeated-table-cell", "dropped a task printed again", cell.line, text)
        )
        return False
    reader.task = text
    reader.items.append(TableItem(_one_line(text), cell.line, cell.page))
    return False


def _continues_previous(reader: _Reader, row: list[TableCell], values: list[str]) -> bool:
    """A row split by a page break: text cells only, nothing that starts a row, and no
    merged cell (a merged cell means a row of its own in a merged structure)."""
    previous = reader.items[-1].row if reader.items else None
    if previous is None or any(cell.continued for cell in row):
        return False
    roles = reader.columns.roles
    starts = (Role.NUMBER, Role.DEADLINE, Role.LEAD, Role.SUPPORT, Role.UNITS, Role.TASK)
    if any(v and r in starts for v, r in zip(values, roles, strict=True)):
        return False
    for i, value in enumerate(values):
        if value:
            previous.values[i] = f"{previous.values[i]}{value}" if previous.values[i] else value
    previous.end_line = row[-1].line
    reader.items[-1].text = previous.text
    reader.notes.append(
        Note("table-row-joined", "joined a table row split by a page break", row[0].line)
    )
    return True


def _plain_cells(table: Table) -> list[TableItem]:
    return [
        TableItem(cell.text, cell.line, cell.page)
        for row in table.rows
        for cell in row
        if cell.text.strip()
    ]


def _one_line(text: str) -> str:
    # A heading wrapped inside its cell is one line.
    return "".join(part.strip() for part in text.split("\n"))
