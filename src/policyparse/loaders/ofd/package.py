"""The OFD package (GB/T 33190-2016 §7): from ``OFD.xml`` to each page's content parts.

``OFD.xml`` names the document root (``DocBody/DocRoot``); ``Document.xml`` lists the
pages (``Pages/Page@BaseLoc``), the template pages they draw on, the resource files that
declare fonts (``PublicRes``, ``DocumentRes``), the annotation index and, back in
``OFD.xml``, the signatures. A ``BaseLoc`` is absolute from the package root when it starts
with ``/``, otherwise relative to the folder of the file that holds it. Elements are
matched by local name, whatever prefix or namespace URI a producer wrote.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...errors import LoadError
from ..archive import Archive

if TYPE_CHECKING:
    from lxml.etree import _Element

MM = 72 / 25.4  # OFD measures in millimetres; the layout logic works in points
A4 = (210.0, 297.0)


def local(element: _Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: _Element | None, name: str) -> list[_Element]:
    if element is None:
        return []
    return [child for child in element if local(child) == name]


def child(element: _Element | None, name: str) -> _Element | None:
    found = children(element, name)
    return found[0] if found else None


def text_of(element: _Element | None, name: str) -> str:
    found = child(element, name)
    return (found.text or "").strip() if found is not None else ""


def resolve(base: str, location: str) -> str:
    """A ``BaseLoc`` read in file ``base``, as a path from the package root."""
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))


@dataclass(frozen=True, slots=True)
class FontInfo:
    name: str
    bold: bool


@dataclass(slots=True)
class PageRef:
    number: int
    content: str  # path of its Content.xml
    size: tuple[float, float]  # mm, the document's default (a page's own Area wins)


@dataclass(slots=True)
class Package:
    archive: Archive
    document: str  # path of Document.xml
    pages: list[PageRef]
    resources: list[str]  # document-level resource files
    signatures: str | None
    annotations: str | None
    documents: int  # DocBody entries in OFD.xml
    templates: dict[str, tuple[str, str]] = field(default_factory=dict)  # ID → (path, ZOrder)


def open_package(archive: Archive) -> Package:
    root = archive.xml("OFD.xml")
    if root is None:
        raise LoadError("not an OFD: the package has no OFD.xml")
    bodies = children(root, "DocBody")
    if not bodies:
        raise LoadError("corrupt OFD: OFD.xml has no DocBody")
    body = bodies[0]
    doc_root = text_of(body, "DocRoot")
    if not doc_root:
        raise LoadError("corrupt OFD: OFD.xml names no DocRoot")
    document = resolve("OFD.xml", doc_root)
    doc = archive.xml(document)
    if doc is None:
        raise LoadError(f"corrupt OFD: {document} (the DocRoot) is missing")
    common = child(doc, "CommonData")
    resources = [
        resolve(document, (res.text or ""))
        for res in [*children(common, "PublicRes"), *children(common, "DocumentRes")]
        if (res.text or "").strip()
    ]
    default_size = _box(text_of(child(common, "PageArea"), "PhysicalBox")) or A4
    templates = {
        tpl.get("ID", ""): (resolve(document, tpl.get("BaseLoc", "")), tpl.get("ZOrder", ""))
        for tpl in children(common, "TemplatePage")
    }
    pages: list[PageRef] = []
    for number, page in enumerate(children(child(doc, "Pages"), "Page"), 1):
        location = page.get("BaseLoc")
        if not location:
            continue
        pages.append(PageRef(number, resolve(document, location), default_size))
    if not pages:
        raise LoadError("corrupt OFD: the document lists no pages")
    signatures = text_of(body, "Signatures")
    annotations = text_of(doc, "Annotations")
    return Package(
        archive=archive,
        document=document,
        pages=pages,
        resources=resources,
        signatures=resolve("OFD.xml", signatures) if signatures else None,
        annotations=resolve(document, annotations) if annotations else None,
        documents=len(bodies),
        templates=templates,
    )


def _box(value: str) -> tuple[float, float] | None:
    """``PhysicalBox`` "x y w h" → (w, h) in mm."""
    try:
        parts = [float(v) for v in value.split()]
    except ValueError:
        return None
    return (parts[2], parts[3]) if len(parts) == 4 and parts[2] > 0 and parts[3] > 0 else None


def page_size(page: _Element, default: tuple[float, float]) -> tuple[float, float]:
    return _box(text_of(child(page, "Area"), "PhysicalBox")) or default


def fonts(archive: Archive, paths: list[str]) -> dict[str, FontInfo]:
    """Font declarations by ID from resource files (``Res/Fonts/Font``)."""
    found: dict[str, FontInfo] = {}
    for path in paths:
        res = archive.xml(path)
        for group in children(res, "Fonts"):
            for font in children(group, "Font"):
                name = font.get("FontName") or font.get("FamilyName") or ""
                found[font.get("ID", "")] = FontInfo(name, font.get("Bold") == "true")
    return found
