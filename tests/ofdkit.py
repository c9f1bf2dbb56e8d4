"""Small OFD packages written from code for the tests: OFD.xml, Document.xml, one
Content.xml a page, fonts in PublicRes.xml; optionally a signature and a stamp annotation."""

from __future__ import annotations

import io
import zipfile

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def text_object(
    oid: int,
    x: float,
    y: float,
    text: str,
    *,
    size: float = 5.6,
    font: int = 2,
    delta: str | None = None,
    ctm: str | None = None,
    weight: int | None = None,
) -> str:
    """A TextObject whose baseline starts at (x, y + size) mm; CJK characters step an em,
    others half an em, unless ``delta`` says otherwise."""
    widths = [size if ord(c) >= 0x2E80 else size / 2 for c in text[:-1]]
    step = delta if delta is not None else " ".join(f"{w:g}" for w in widths)
    extra = f' CTM="{ctm}"' if ctm else ""
    extra += f' Weight="{weight}"' if weight else ""
    return (
        f'<ofd:TextObject ID="{oid}" Font="{font}" Size="{size}"{extra} '
        f'Boundary="{x} {y} {size * (len(text) + 1)} {size * 1.2}">'
        f'<ofd:TextCode X="0" Y="{size}" DeltaX="{step}">{text}</ofd:TextCode>'
        "</ofd:TextObject>"
    )


def make_ofd(
    pages: list[list[str]],
    *,
    signed: bool = False,
    stamps: int = 0,
    template: list[str] | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        signatures = "<ofd:Signatures>/Doc_0/Signatures.xml</ofd:Signatures>" if signed else ""
        z.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.1" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>"
            f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{signatures}</ofd:DocBody></ofd:OFD>",
        )
        page_list = "".join(
            f'<ofd:Page ID="{100 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>'
            for k in range(len(pages))
        )
        template_decl = (
            '<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
        )
        annotations = "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>" if stamps else ""
        z.writestr(
            "Doc_0/Document.xml",
            f"<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>"
            "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
            f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{template_decl}</ofd:CommonData>"
            f"<ofd:Pages>{page_list}</ofd:Pages>{annotations}</ofd:Document>",
        )
        z.writestr(
            "Doc_0/PublicRes.xml",
            f'<ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="1" FontName="小标宋体"/><ofd:Font ID="2" FontName="仿宋_GB2312"/>'
            '<ofd:Font ID="3" FontName="黑体"/></ofd:Fonts></ofd:Res>',
        )
        for k, objects in enumerate(pages):
            use = '<ofd:Template TemplateID="9"/>' if template else ""
            z.writestr(
                f"Doc_0/Pages/Page_{k}/Content.xml",
                f'<ofd:Page {NS}>{use}<ofd:Content><ofd:Layer ID="{500 + k}">'
                + "".join(objects)
                + "</ofd:Layer></ofd:Content></ofd:Page>",
            )
        if template:
            z.writestr(
                "Doc_0/Tpls/Tpl_0/Content.xml",
                f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="600">'
                + "".join(template)
                + "</ofd:Layer></ofd:Content></ofd:Page>",
            )
        if signed:
            z.writestr(
                "Doc_0/Signatures.xml",
                f'<ofd:Signatures {NS}><ofd:Signature ID="1" '
                'BaseLoc="/Doc_0/Signs/Sign_0/Signature.xml"/></ofd:Signatures>',
            )
            z.writestr(
                "Doc_0/Signs/Sign_0/Signature.xml",
                f'<ofd:Signature {NS}><ofd:SignedInfo><ofd:Provider ProviderName="TestSeal"/>'
                "<ofd:SignatureDateTime>2024-03-05 10:00:00</ofd:SignatureDateTime>"
                "</ofd:SignedInfo></ofd:Signature>",
            )
        if stamps:
            z.writestr(
                "Doc_0/Annots/Annotations.xml",
                f'<ofd:Annotations {NS}><ofd:Page PageID="100">'
                "<ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>",
            )
            z.writestr(
                "Doc_0/Annots/Page_0/Annotation.xml",
                f"<ofd:PageAnnot {NS}>"
                + "".join(f'<ofd:Annot ID="{700 + k}" Type="Stamp"/>' for k in range(stamps))
                + "</ofd:PageAnnot>",
            )
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()
