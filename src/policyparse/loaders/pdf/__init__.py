"""PDF: the text layer in reading order, furniture out, paragraphs whole, ruled tables as tables.

The work is split by job:

- :mod:`.text` reads every page's glyphs with their boxes and fonts through pypdfium2
  (PDFium: some 2 ms a page, against pdfplumber's 30–40 ms);
- :mod:`.fallback` re-reads, with pdfplumber, a page whose glyphs PDFium cannot map to
  Unicode or whose text objects it dropped, and keeps whichever reading maps more of them
  (at most once a page, within a budget of page objects);
- :mod:`.paths` reads the ruling lines of the pages' vector paths, and
  :mod:`.tables` finds ruled tables in them with pdfplumber's table finder;
  :mod:`.crossing` joins a table that runs on over a page break back into one;
- :mod:`.lines` builds lines: baseline groups, simulated-bold copies out, spaces from
  the gaps between glyphs;
- :mod:`.layout` drops page furniture and joins lines into paragraphs by geometry;
- :mod:`.notes` words the warnings: text read with doubt, furniture dropped, order guessed.

Each emitted :class:`SourceLine` is a paragraph: ``number`` is the running number, over the
whole document in reading order, of its first physical line (furniture lines and table rows
are counted too, so numbers are stable and notes can point at dropped lines); ``page`` is
1-based. Paragraphs are joined here, so ``Text.reflow`` is False.

pypdfium2 and pdfplumber are imported by those modules, so reading a .txt never loads them.
"""

from __future__ import annotations

from collections import Counter

from ...settings import ParseOptions
from ...text import InputFormat, Note, SourceLine, Table, Text
from . import fallback, order
from . import notes as noted
from .crossing import join, same_columns
from .layout import Measures, find_furniture, paragraphs
from .lines import Line, build_lines
from .tables import Filled, Grid, fill, find_grids, has_rules, inside, is_metadata
from .text import Glyph, Page, read_pages


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    """The document's text (``options``: nothing in a PDF needs them yet)."""
    pages, fonts = read_pages(data)
    if not any(page.glyphs for page in pages):
        return _scanned(data, name, options)
    notes: list[Note] = []
    reread = fallback.reread_unmapped(data, pages, fonts)
    noted.quality_note(pages, notes)
    noted.lost_note(pages, notes)
    notes += fallback.notes(reread)
    page_lines: list[list[Line]] = []
    page_tables: list[list[Filled]] = []
    columns: list[int] = []
    for page in pages:
        lines, filled, rest = _page_content(page, find_grids(page) if has_rules(page) else [])
        page_lines.append(lines)
        page_tables.append(filled)
        if order.may_have_columns(lines, page.width) and order.gutter(rest, page.width):
            columns.append(page.number)
    furniture = find_furniture(page_lines)
    tables, blocks = _number(page_lines, page_tables, furniture, notes)
    body = [line for block in blocks for line in block]
    if not body and not tables:
        return _scanned(data, name, options)
    noted.furniture_notes(page_lines, furniture, notes)
    noted.turned_note(pages, notes)
    noted.blank_pages_note(pages, page_lines, page_tables, furniture, notes)
    kept = [[line for line in lines if id(line) not in furniture] for lines in page_lines]
    measures = Measures(kept, [(page.width, page.height) for page in pages])
    body_font = _body_font(body)
    hanging: list[int] = []
    source = [
        SourceLine(para.text, para.number, para.page, para.hint, last=para.lines[-1].number)
        for para in paragraphs(blocks, measures, fonts.fonts, body_font, hanging)
    ]
    noted.order_notes(pages, columns, hanging, notes)
    return Text(
        lines=source,
        format=InputFormat.PDF,
        pages=len(pages),
        tables=tables,
        notes=notes,
        reflow=False,
    )


def _scanned(data: bytes, name: str, options: ParseOptions) -> Text:
    """No text layer (or only a scanner app's stamp): OCR, when the ``ocr`` extra is
    installed; otherwise a LoadError that names the command installing it."""
    from ..ocr import read_scanned_pdf

    return read_scanned_pdf(data, name=name, options=options)


def _page_content(page: Page, grids: list[Grid]) -> tuple[list[Line], list[Filled], list[Glyph]]:
    """The page's lines outside its tables, its tables with their text, and the glyphs
    outside the tables."""
    glyphs = page.glyphs
    tables: list[Filled] = []
    for grid in grids:
        mine = [g for g in glyphs if inside(g, grid.bbox)]
        if not mine:
            continue
        filled, rest = fill(grid, mine, page.number)
        if filled is None or is_metadata(filled):
            continue  # a portal's 索引号 table stays as lines, for the metadata to read
        taken = {id(g) for g in mine} - {id(g) for g in rest}
        glyphs = [g for g in glyphs if id(g) not in taken]
        tables.append(filled)
    lines, _ = build_lines(glyphs, page.number)
    return lines, tables, glyphs


def _number(
    page_lines: list[list[Line]],
    page_tables: list[list[Filled]],
    furniture: dict[int, str],
    notes: list[Note],
) -> tuple[list[Table], list[list[Line]]]:
    """Number lines and table rows in reading order; the tables (one that runs on over a
    page break joined up, :mod:`.crossing`), and the runs of body lines between them
    (a paragraph never runs across a table)."""
    number = 0
    tables: list[Table] = []
    blocks: list[list[Line]] = [[]]
    open_columns: tuple[float, ...] | None = None  # of a table nothing has followed yet
    open_page = 0
    headers: list[tuple[int, str]] = []
    for page, (lines, filled) in enumerate(zip(page_lines, page_tables, strict=True), 1):
        items: list[tuple[float, int, Line | Filled]] = [(ln.top, 0, ln) for ln in lines]
        items += [(table.top, 1, table) for table in filled]
        items.sort(key=lambda item: (item[0], item[1]))
        for _, _, item in items:
            if isinstance(item, Filled):
                table = item.table(page, number + 1)
                number += len(item.rows)
                if (
                    open_columns is not None
                    and open_page == page - 1
                    and same_columns(open_columns, item.columns)
                ):
                    tables[-1], dropped = join(tables[-1], table)
                    headers.extend((page, text) for text in dropped)
                else:
                    tables.append(table)
                    blocks.append([])
                open_columns, open_page = item.columns, page
                continue
            number += 1
            item.number = number
            if id(item) not in furniture:
                blocks[-1].append(item)
                open_columns = None
    if headers:
        notes.append(
            Note(
                "page-furniture",
                f"dropped {len(headers)} table header row(s) repeated on page(s) "
                f"{noted.ranges(sorted({page for page, _ in headers}))}",
                None,
                "\n".join(text for _, text in headers),
            )
        )
    return tables, [block for block in blocks if block]


def _body_font(body: list[Line]) -> int:
    weights: Counter[int] = Counter()
    for line in body:
        weights[line.font] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0
