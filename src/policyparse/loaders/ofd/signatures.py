"""Seals and signatures of an OFD, noted and never read as text.

An electronic seal (GB/T 38540) is listed in ``Signatures.xml`` (``Signature@BaseLoc``);
each ``Signature.xml`` says who provided it and when it was signed (``SignedInfo``). A
stamp annotation (``Annot@Type="Stamp"`` in a page's annotation file) is a seal image
laid over the page. Both are images: what they say is not in the text layer.
"""

from __future__ import annotations

from ...text import Note
from .package import Package, child, children, resolve, text_of


def signature_notes(package: Package) -> list[Note]:
    notes: list[Note] = []
    archive = package.archive
    if package.signatures:
        index = archive.xml(package.signatures)
        entries = children(index, "Signature")
        details: list[str] = []
        for entry in entries:
            location = entry.get("BaseLoc")
            signature = archive.xml(resolve(package.signatures, location)) if location else None
            info = child(signature, "SignedInfo")
            when = text_of(info, "SignatureDateTime")
            provider = child(info, "Provider")
            by = provider.get("ProviderName", "") if provider is not None else ""
            by = by or text_of(provider, "ProviderName")
            details.append(" ".join(part for part in (by, when) if part) or "no details")
        if entries:
            notes.append(
                Note(
                    "signature",
                    f"{len(entries)} electronic seal(s)/signature(s) ({'; '.join(details)}); "
                    "a seal is an image, not text",
                )
            )
    stamps = _stamps(package)
    if stamps:
        notes.append(
            Note(
                "signature", f"{stamps} stamp annotation(s) (seal images) over the pages; not text"
            )
        )
    return notes


def _stamps(package: Package) -> int:
    if not package.annotations:
        return 0
    archive = package.archive
    index = archive.xml(package.annotations)
    count = 0
    for page in children(index, "Page"):
        location = text_of(page, "FileLoc")
        annots = archive.xml(resolve(package.annotations, location)) if location else None
        count += sum(1 for annot in children(annots, "Annot") if annot.get("Type") == "Stamp")
    return count
