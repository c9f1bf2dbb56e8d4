"""The records policyparse emits (pydantic v2). Field names follow docs/contract.md and are fixed.

``policyparse schema`` prints the JSON Schema of :class:`Document`. ``assemble.py`` builds
each record once, as plain JSON data in exactly these shapes; ``policyparse.parse``
validates it into these models, and the command line writes it as it is (a test holds the
two to the same bytes), which keeps pydantic's import off the command line's start-up.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .vocabulary import SCHEMA_VERSION, Style

__all__ = ["SCHEMA_VERSION", "Document", "Provision", "Style"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Source(_Record):
    path: str = Field(description="The input as given ('-' for standard input).")
    format: Literal["txt", "md", "html", "docx", "pdf", "doc", "ofd", "png", "jpeg", "tiff"] = (
        Field(
            description="Input format (doc: Word 97 binary, .doc and .wps; png, jpeg, tiff: "
            "a page image, read by OCR)."
        )
    )
    encoding: str | None = Field(None, description="Text encoding used to decode, for text.")
    sha256: str = Field(description="SHA-256 of the input bytes.")
    pages: int | None = Field(None, description="Page count, for PDF, OFD and images.")
    ocr: bool = Field(False, description="The text was read by OCR from page images.")


class Citation(_Record):
    title: str = Field(description="Title of a cited document, from 《…》.")
    doc_number: str | None = Field(None, description="Its 发文字号, when given beside it.")


class Amendment(_Record):
    date: str | None = Field(None, description="ISO date of the event.")
    action: str = Field(description="What happened that day: 批准, 修正, 修订, 公布 …")
    raw: str = Field(description="The line as written.")


class Meta(_Record):
    title: str | None = Field(None, description="Title of the document (a notice's own title).")
    body_title: str | None = Field(
        None,
        description="Title of the document a notice issues (印发) when it differs from title.",
    )
    doc_number: str | None = Field(
        None, description="发文字号 as written, e.g. 资雁府办发〔2020〕19号."
    )
    issuer: str | None = Field(None, description="发文机关; joint issuers joined with 、.")
    issuers: list[str] = Field(
        default_factory=list,
        description="发文机关 one per issuing organ, in the order the document names them.",
    )
    recipients: list[str] = Field(default_factory=list, description="主送机关.")
    date: str | None = Field(None, description="ISO 8601 date of 成文日期 / 发布时间.")
    date_raw: str | None = Field(None, description="The date as written.")
    kind: str | None = Field(None, description="文种 from the title: 通知, 意见, 方案 …")
    attachments: list[str] = Field(default_factory=list, description="附件 names.")
    citations: list[Citation] = Field(default_factory=list, description="Documents cited.")
    adopted: str | None = Field(None, description="Adoption line as written (regulations).")
    amendments: list[Amendment] = Field(
        default_factory=list,
        description="History after adoption, in order: approvals, amendments, revisions.",
    )
    lines: list[str] = Field(
        default_factory=list,
        description="The source paragraphs read into meta, as written (provenance).",
    )


class Responsibility(_Record):
    lead: list[str] = Field(default_factory=list, description="Lead units (牵头).")
    support: list[str] = Field(default_factory=list, description="Supporting units (配合).")
    raw: str = Field(description="The clause as written.")


class Deadline(_Record):
    raw: str = Field(description="The deadline as written: 2025年底, 长期 …")
    date: str | None = Field(None, description="ISO date: the last day the raw text allows.")
    kind: Literal["date", "long_term", "ongoing", "period"] = Field(description="Deadline kind.")


class Amount(_Record):
    raw: str = Field(description="As written: 最高不超过200万元.")
    value: int | float | None = Field(None, description="Value in base units (yuan for money).")
    unit: str = Field(description="元, 户, 家, 个, % …")
    kind: Literal["money", "count", "percent", "other"]
    bound: Literal["max", "min", "exact"]


class SourceSpan(_Record):
    start_line: int
    end_line: int
    page: int | None = None


class Provision(_Record):
    id: str = Field(description='Dotted ordinals, e.g. "2.3.5"; a repeat gets "~2".')
    parent_id: str | None = Field(None, description="id of the enclosing provision.")
    path: list[int] = Field(description="Written ordinals from the top level down.")
    labels: list[str] = Field(description="Labels as written along the path.")
    label: str = Field(description="The provision's own label as written.")
    level: int = Field(description="1-based depth in the tree.")
    style: Style
    heading: str | None = Field(None, description="Short title, a copy of the heading sentence.")
    text: str = Field(description="The provision's own text after its label.")
    responsibility: Responsibility | None = None
    deadline: Deadline | None = None
    amounts: list[Amount] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    cells: dict[str, str] | None = Field(None, description="Table rows: cells by header.")
    source_span: SourceSpan


class ParseWarning(_Record):
    code: str = Field(description="Stable name of what happened, e.g. numbering-gap.")
    message: str
    line: int | None = None
    text: str | None = Field(None, description="What was dropped, when something was.")


class Document(_Record):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    meta: Meta = Field(default_factory=Meta)
    preamble: list[str] = Field(default_factory=list)
    closing: list[str] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)
