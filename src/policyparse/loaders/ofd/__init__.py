"""OFD (GB/T 33190-2016), China's fixed-layout e-document format: a ZIP of XML.

:mod:`.package` follows ``OFD.xml`` to the document and its pages, :mod:`.content` reads
each page's TextObjects as positioned glyphs, and :mod:`..positioned` builds lines and
paragraphs from them with the PDF loader's logic. The ZIP is opened with the same limits
as a DOCX (:mod:`..archive`: a zip bomb and XXE are refused).

Seals and signatures are never text: an electronic seal (``Signatures.xml``, GB/T 38540)
and a stamp annotation are images over the page, and each becomes a ``signature`` note.
So do images drawn on the pages (a 发文机关 name is often one) and characters set apart
because they do not run with the page (a seal's ring of text, a watermark).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import LoadError
from ...settings import ParseOptions
from ...text import InputFormat, Note, Text
from ..archive import Archive
from ..positioned import GlyphPage, page_paragraphs
from .content import FontOf, PageGlyphs, read_content
from .package import MM, Package, child, children, fonts, open_package, page_size, resolve
from .signatures import signature_notes

if TYPE_CHECKING:
    from lxml.etree import _Element


def load(data: bytes, *, name: str, options: ParseOptions) -> Text:
    from ..pdf.text import FontTable

    archive = Archive(data, kind="OFD", max_expanded=options.max_unzipped_bytes)
    package = open_package(archive)
    declared = fonts(archive, package.resources)
    table = FontTable()

    def font_of(font_id: str, bold: bool) -> int:
        info = declared.get(font_id)
        return table.named(
            info.name if info else "", weight=700 if bold or (info and info.bold) else 400
        )

    pages: list[GlyphPage] = []
    turned: list[str] = []
    images: list[int] = []
    for ref in package.pages:
        root = archive.xml(ref.content)
        if root is None:
            raise LoadError(f"corrupt OFD: page {ref.number}'s {ref.content} is missing")
        declared.update(
            fonts(
                archive,
                [
                    resolve(ref.content, r.text or "")
                    for r in children(root, "PageRes")
                    if (r.text or "").strip()
                ],
            )
        )
        found = PageGlyphs()
        _read_page(package, root, found, font_of)
        width, height = page_size(root, ref.size)
        pages.append(GlyphPage(ref.number, width * MM, height * MM, found.glyphs))
        turned.extend(found.turned)
        if found.images:
            images.append(ref.number)
    if not any(page.glyphs for page in pages):
        raise LoadError("OFD has no text layer (only images? OCR of OFD is not supported)")
    lines, notes = page_paragraphs(pages, table.fonts)
    if not lines:
        raise LoadError("OFD has no body text (only page furniture)")
    notes.extend(signature_notes(package))
    if turned:
        notes.append(
            Note(
                "page-furniture",
                "dropped text that does not run with the page (a seal? a watermark?)",
                None,
                "".join(turned).strip(),
            )
        )
    if images:
        notes.append(
            Note(
                "images",
                f"page(s) {', '.join(map(str, images))} draw images; text in them "
                "(a seal, an issuer's name) is not read",
            )
        )
    if package.documents > 1:
        notes.append(
            Note(
                "ofd-documents", f"the package holds {package.documents} documents; read the first"
            )
        )
    return Text(
        lines=lines,
        format=InputFormat.OFD,
        pages=len(pages),
        notes=notes,
        reflow=False,
    )


def _read_page(package: Package, root: _Element, out: PageGlyphs, font_of: FontOf) -> None:
    """The page's template pages (background first, foreground last) and its content."""
    refs = [package.templates.get(t.get("TemplateID", "")) for t in children(root, "Template")]
    templates = [ref for ref in refs if ref is not None]
    for location, order in templates:
        if order != "Foreground" and (tpl := package.archive.xml(location)) is not None:
            read_content(tpl, out, font_of)
    content = child(root, "Content")
    if content is not None:
        read_content(content, out, font_of)
    for location, order in templates:
        if order == "Foreground" and (tpl := package.archive.xml(location)) is not None:
            read_content(tpl, out, font_of)
