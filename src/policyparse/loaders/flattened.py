"""Task tables flattened into text: one cell per tab-indented line, rows between blank lines.

    \t工作任务\n\t任务目标\n\t工作措施\n\t完成时限\n\t牵头部门\n\t配合部门      ← header
    (blank)
    \t一、着力培育创新发展新动能\n\t（一）持续支持“个转企”\n\t…\n\t2025年底\n\t市市场监管局\n\t…

Copying a Word table to text gives this: a row per blank-line block, a cell per line that
starts with a tab, a cell's further lines without the tab; a section row merged across
the table lands in front of the next row as one more cell; at a page break the header
comes again, and a cell's tail can spill into a block of its own. The blocks become
:class:`Table` rows again; what cannot be placed for sure is placed as the corpus's own
builder places it (a spill joins the last cell of the row before, a row one cell short
lacks its last cell) — always with a ``table-misaligned`` warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon.columns import Columns, read_header, same_header
from ..text import Note, SourceLine, Table, TableCell

# A spilled fragment is a cell's tail (a unit name or two), never a paragraph of body text.
_SPILL_MAX = 40


@dataclass(slots=True)
class _Block:
    cells: list[TableCell]
    untabbed_only: bool  # a fragment without any tab line: spilled text
    first_line: int


def extract_tables(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Table], list[Note]]:
    """Split tab-flattened tables out of ``lines``: (other lines, tables, warnings)."""
    start = _find_header(lines)
    if start is None:
        return lines, [], []
    header_block, end = _read_block(lines, start)
    columns = read_header([c.text for c in header_block.cells])
    if columns is None:
        return lines, [], []
    rows: list[tuple[TableCell, ...]] = [tuple(header_block.cells)]
    notes: list[Note] = []
    layout: list[int] = []
    index = end
    while index < len(lines):
        if not lines[index].text.strip() and not lines[index].text.startswith("\t"):
            index += 1
            continue
        block, after = _read_block(lines, index)
        if block.untabbed_only and not _continues_table(lines, after):
            break  # the table has ended: text after it
        index = after
        _place(block, columns, rows, notes, layout)
    table = Table(rows=tuple(rows), line=header_block.first_line)
    rest = lines[:start] + lines[index:]
    return rest, [table], notes


def _find_header(lines: list[SourceLine]) -> int | None:
    for index, line in enumerate(lines):
        opens = index == 0 or not lines[index - 1].text.startswith("\t")
        if line.text.startswith("\t") and opens:
            block, _ = _read_block(lines, index)
            if read_header([c.text for c in block.cells]) is not None:
                return index
    return None


def _read_block(lines: list[SourceLine], start: int) -> tuple[_Block, int]:
    """The block that starts at ``start``: up to the next line that is blank and untabbed."""
    cells: list[TableCell] = []
    texts: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if not line.text.strip() and not line.text.startswith("\t"):
            break
        texts.append(line.text)
        value = line.text.strip(" \t\u3000")
        if line.text.startswith("\t") or not cells:
            cells.append(TableCell(value, line.number, line.page))
        else:
            previous = cells[-1]
            joined = f"{previous.text}\n{value}" if previous.text else value
            cells[-1] = TableCell(joined, previous.line, previous.page)
        index += 1
    untabbed = not any(t.startswith("\t") for t in texts)
    return _Block(cells, untabbed, lines[start].number), index


def _continues_table(lines: list[SourceLine], index: int) -> bool:
    """A block without tabs is a spill only if the table goes on after it — past other
    short fragments (a unit list can spill one name per block)."""
    while index < len(lines):
        text = lines[index].text
        if text.startswith("\t"):
            return True
        if len(text.strip()) > _SPILL_MAX or "。" in text:
            return False
        index += 1
    return False


def _place(
    block: _Block,
    columns: Columns,
    rows: list[tuple[TableCell, ...]],
    notes: list[Note],
    layout: list[int],
) -> None:
    """Add one block as table rows. ``layout`` remembers how many cells a row block has
    in this table (the column count, plus one when section rows are flattened in front)."""
    width = len(columns.headers)
    cells = list(block.cells)
    if same_header([c.text for c in cells], columns):
        notes.append(
            Note(
                "repeated-table-header",
                f"dropped the table header repeated at line {block.first_line} (a page break)",
                block.first_line,
                "\n".join(c.text for c in cells),
            )
        )
        return
    if len(cells) < 3 and len(rows) > 1:
        _spill(block, rows, notes, columns)
        return
    if not layout and len(cells) in (width, width + 1):
        layout.append(len(cells))
    expected = layout[0] if layout else width
    if len(cells) != expected:
        notes.append(
            Note(
                "table-misaligned",
                f"a table row at line {block.first_line} has {len(cells)} cells where "
                f"{expected} were expected; its last cells were left empty",
                block.first_line,
            )
        )
        filler = [TableCell("", cells[-1].line, cells[-1].page)] * (expected - len(cells))
        cells = cells[:expected] if len(cells) > expected else cells + filler
    if expected == width + 1:
        section = cells.pop(0)
        if section.text:
            rows.append((section,))  # a section row merged across the table
    rows.append(tuple(cells))


def _spill(
    block: _Block, rows: list[tuple[TableCell, ...]], notes: list[Note], columns: Columns
) -> None:
    last = rows[-1]
    tail = last[-1]
    text = "\n".join(c.text for c in block.cells if c.text)
    joined = f"{tail.text}\n{text}" if tail.text else text
    rows[-1] = (*last[:-1], TableCell(joined, tail.line, tail.page, tail.continued))
    notes.append(
        Note(
            "table-misaligned",
            f"text at line {block.first_line} spilled out of its table cell; joined to the "
            f"last cell ({columns.headers[-1]}) of the row above: {text!r}",
            block.first_line,
        )
    )
