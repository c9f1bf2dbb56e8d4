"""Word .docx: the body in order, list numbers rebuilt, tables as tables.

The work is split by job: :mod:`.docx_package` opens the ZIP safely and parses parts,
:mod:`.docx_styles` reads heading/title styles, :mod:`.docx_numbering` (with
:mod:`.docx_numfmt`) recounts Word's automatic numbering, :mod:`.docx_body` walks the body.
Headers, footers, footnotes and comments are other parts and are never read. Core
properties (title, created) become meta hints, used only when the body has no such field.

lxml is imported here and only here (through the helpers): reading a .txt never pays for it.
"""

from __future__ import annotations

from ...errors import LoadError
from ...settings import ParseOptions
from ...text import InputFormat, Text
from .body import BodyReader
from .numbering import Definitions, ListCounters
from .package import Package, core_properties, open_main, w
from .styles import Styles


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    package = Package(data, max_expanded=options.max_unzipped_bytes)
    main, root = open_main(package)
    body = root.find(w("body"))
    if body is None:
        raise LoadError(f"corrupt DOCX: {main} has no body")
    styles = Styles(package.xml(package.related(main, "styles") or "word/styles.xml"))
    numbering = Definitions(
        package.xml(package.related(main, "numbering") or "word/numbering.xml"), styles.num_id
    )
    counters = ListCounters(numbering)
    reader = BodyReader(styles, counters)
    reader.read(body)
    has_text = any(line.text.strip() for line in reader.lines) or any(
        cell.text.strip() for table in reader.tables for row in table.rows for cell in row
    )
    if not has_text:
        raise LoadError("DOCX has no text (only images? OCR is not supported)")
    return Text(
        lines=reader.lines,
        format=InputFormat.DOCX,
        tables=reader.tables,
        notes=counters.notes,
        meta_hints=core_properties(package),
        reflow=False,  # Word marks every paragraph itself
    )
