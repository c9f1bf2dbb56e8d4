"""PDF: the text layer in reading order, furniture out, paragraphs whole, ruled tables as tables.

The work is split by job:

- :mod:`.pdf_text` reads every page's glyphs with their boxes and fonts through pypdfium2
  (PDFium: some 2 ms a page, against pdfplumber's 30–40 ms);
- :mod:`.pdf_fallback` re-reads, with pdfplumber, a page whose glyphs PDFium cannot map to
  Unicode, and keeps whichever reading maps more of them;
- :mod:`.pdf_paths` reads the ruling lines of the pages' vector paths, and
  :mod:`.pdf_tables` finds ruled tables in them with pdfplumber's table finder;
  :mod:`.pdf_continue` joins a table that runs on over a page break back into one;
- :mod:`.pdf_lines` builds lines: baseline groups, simulated-bold copies out, spaces from
  the gaps between glyphs;
- :mod:`.pdf_layout` drops page furniture and joins lines into paragraphs by geometry.

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
from . import order
from .crossing import join, same_columns
from .fallback import reread_unmapped
from .layout import Measures, find_furniture, paragraphs
from .lines import Line, build_lines
from .tables import Filled, Grid, fill, find_grids, has_rules, inside, is_metadata
from .text import Glyph, Page, read_pages

UNRELIABLE_SHARE = 0.01  # unmapped glyphs above this share of all glyphs: a note
UNRELIABLE_MIN = 5


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    """The document's text (``options``: nothing in a PDF needs them yet)."""
    pages, fonts = read_pages(data)
    if not any(page.glyphs for page in pages):
        return _scanned(data, name, options)
    notes: list[Note] = []
    reread_unmapped(data, pages, fonts)
    _quality_note(pages, notes)
    _lost_note(pages, notes)
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
    _furniture_notes(page_lines, furniture, notes)
    _turned_note(pages, notes)
    _blank_pages_note(pages, page_lines, page_tables, furniture, notes)
    kept = [[line for line in lines if id(line) not in furniture] for lines in page_lines]
    measures = Measures(kept, [(page.width, page.height) for page in pages])
    body_font = _body_font(body)
    hanging: list[int] = []
    source = [
        SourceLine(para.text, para.number, para.page, para.hint, last=para.lines[-1].number)
        for para in paragraphs(blocks, measures, fonts.fonts, body_font, hanging)
    ]
    _order_notes(pages, columns, hanging, notes)
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
    page break joined up, :mod:`.pdf_continue`), and the runs of body lines between them
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
                f"{_ranges(sorted({page for page, _ in headers}))}",
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


def _quality_note(pages: list[Page], notes: list[Note]) -> None:
    unmapped = sum(page.unmapped for page in pages)
    total = sum(len(page.glyphs) for page in pages)
    if unmapped >= UNRELIABLE_MIN and unmapped > UNRELIABLE_SHARE * total:
        where = [page.number for page in pages if page.unmapped]
        notes.append(
            Note(
                "unreliable-text",
                f"{unmapped} of {total} glyphs have no Unicode mapping (U+FFFD, (cid:N)) on "
                f"page(s) {_ranges(where)}; the text may be wrong there",
            )
        )


def _order_notes(
    pages: list[Page], columns: list[int], hanging: list[int], notes: list[Note]
) -> None:
    """Where the reading order is a guess (:mod:`.order`)."""
    turned = [page.number for page in pages if page.turned_page]
    if turned:
        notes.append(
            Note(
                order.CODE,
                f"the text of page(s) {_ranges(turned)} runs a quarter turn off the page (a "
                "landscape page without /Rotate); it was read turned, as it runs",
            )
        )
    if columns:
        notes.append(
            Note(
                order.CODE,
                f"page(s) {_ranges(columns)} look set in two columns (a blank band runs down "
                "the middle); lines were read across both columns, so the order of "
                "sentences there may be wrong",
            )
        )
    if hanging:
        notes.append(
            Note(
                order.CODE,
                f"indented lines under a labelled item on page(s) "
                f"{_ranges(sorted(set(hanging)))} were read as a hanging indent (the item "
                "continued), not as new paragraphs",
            )
        )


def _lost_note(pages: list[Page], notes: list[Note]) -> None:
    """Text objects that gave no character and that no second reading recovered."""
    lost = [page for page in pages if page.lost]
    if lost:
        notes.append(
            Note(
                "unreliable-text",
                f"{sum(page.lost for page in lost)} text object(s) in a font the PDF does not "
                f"embed gave no characters on page(s) {_ranges([p.number for p in lost])}; "
                "their text may be missing (or be copies drawn over text already read)",
            )
        )


def _furniture_notes(
    page_lines: list[list[Line]], furniture: dict[int, str], notes: list[Note]
) -> None:
    by_kind: dict[str, list[Line]] = {}
    for lines in page_lines:
        for line in lines:
            if id(line) in furniture:
                by_kind.setdefault(furniture[id(line)], []).append(line)
    for kind, dropped in by_kind.items():
        pages = _ranges(sorted({line.page for line in dropped}))
        notes.append(
            Note(
                "page-furniture",
                f"dropped {len(dropped)} {kind} line(s) on page(s) {pages}",
                dropped[0].number,
                "\n".join(line.text for line in dropped),
            )
        )


def _turned_note(pages: list[Page], notes: list[Note]) -> None:
    turned = [page for page in pages if page.turned]
    if turned:
        where = _ranges([page.number for page in turned])
        notes.append(
            Note(
                "page-furniture",
                f"dropped text that does not run with the page (a watermark?) on page(s) {where}",
                None,
                "\n".join(page.turned for page in turned),
            )
        )


def _blank_pages_note(
    pages: list[Page],
    page_lines: list[list[Line]],
    page_tables: list[list[Filled]],
    furniture: dict[int, str],
    notes: list[Note],
) -> None:
    """Pages with no body text in a document that has some: scanned pages, most likely."""
    blank = [
        page.number
        for page, lines, tables in zip(pages, page_lines, page_tables, strict=True)
        if not tables and all(id(line) in furniture for line in lines)
    ]
    if blank:
        notes.append(
            Note(
                "no-text-layer",
                f"page(s) {_ranges(blank)} have no text (scanned or blank); OCR is not supported",
            )
        )


def _ranges(numbers: list[int]) -> str:
    """1, 2, 3, 5 → "1–3, 5"."""
    parts: list[str] = []
    start = prev = numbers[0] if numbers else 0
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
