"""Front and back matter: what comes before the first provision and after the last.

A notice (通知) that issues a plan reads, top to bottom: 版头 (issuing office), 发文字号,
title, 主送机关, the notice's body, signature, 成文日期, sometimes 附件 lines, then the plan's
own title and its opening paragraph, then the plan's provisions. A scraped page adds site
chrome and a repeated title. Everything here becomes meta (with the paragraph kept in
``meta.lines``), preamble, closing, or a warning when it is dropped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..lexicon.dates import YMD, find_date, is_date_line
from ..lexicon.doctypes import KIND_AT
from ..lexicon.parts import is_appendix_kind, is_part_marker
from ..normalise import Para
from ..text import LineHint, Note
from . import fields
from .glued import Piece, is_glued, split_glued
from .issuers import is_page_chrome, join_issuers, split_issuers
from .regulation import adopting_body, adoption_events, order_number

_MARKDOWN_MARKS = re.compile(r"^[ \u3000]*#{1,6}[ \u3000]*|\*\*|__")
_TRAILING_DATE = re.compile(rf"[(（][ \u3000]*(?:{YMD.pattern})[ \u3000]*[)）]$")

# Fields a page prints, by what they fill.
_DATE_FIELDS = ("成文日期", "发布日期", "发布时间", "印发日期")
_ISSUER_FIELDS = ("发文机关", "发布机构", "发文单位")
_SOURCE_FIELDS = ("来源", "信息来源")


@dataclass(slots=True)
class MetaDraft:
    title: str | None = None
    body_title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issuers: list[str] = field(default_factory=list)  # one per organ; issuer joins them
    issuer_weak: str | None = None  # from the title or a 来源 field: used when nothing better
    recipients: list[str] = field(default_factory=list)
    date: str | None = None
    date_raw: str | None = None
    date_weak: tuple[str, str] | None = None  # a publication time, below 成文日期
    attachments: list[str] = field(default_factory=list)
    adopted: str | None = None
    adoption_date: tuple[str, str] | None = None
    amendments: list[tuple[str | None, str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # Signed and dated above the title: a notice that forwards the document below it (转发);
    # its own signature stands, and the 发文字号 and signature below are the forwarded one's.
    forwards: bool = False


def read_front(paras: list[Para], draft: MetaDraft) -> None:
    """Sort the paragraphs before the first provision into meta, preamble and junk."""
    flat = _flattened_front(paras)
    if flat is not None:
        _read_glued(flat.para, flat.pieces, draft, flat.breaks)
        _signed_pieces(paras[: flat.count], draft)
        paras = paras[flat.count :]
    title_at = _title_index(paras)
    if title_at is None and paras and is_glued(paras[0].text):
        _read_glued(paras[0], split_glued(paras[0].text), draft)
        paras = paras[1:]
    title_end = _title_end(paras, title_at)
    skip = -1
    repeat = _title_repeat(paras, title_at, title_end)
    for index, para in enumerate(paras):
        text = para.text
        if index <= skip:
            continue
        block = _field_block(paras, index)
        if block:
            _read_fields(block[0], draft)
            draft.lines += [p.text for p in paras[index : block[1]]]
            skip = block[1] - 1
        elif _order_number(paras, index, draft):
            skip = index + 1
        elif (signed := _signature_over_date(paras, index, _min_lines(title_at, index))):
            set_issuers(draft, signed[0])  # the signature outranks a letterhead
            draft.lines += [p.text for p in paras[index : signed[1]]]
            skip = signed[1] - 1
            draft.forwards = draft.forwards or (title_at is not None and index < title_at)
        elif title_at is not None and title_at <= index < title_end:
            if index == title_at:
                _read_title("".join(p.text for p in paras[title_at:title_end]), draft)
            draft.lines.append(text)
        elif title_at is not None and index < title_at:
            _before_title(para, draft)
        elif index < repeat and not _meta_line(para, [], draft, after_title=True):
            draft.notes.append(
                Note(
                    "web-chrome",
                    "dropped page chrome before the title's repeat",
                    para.start_line,
                    text,
                )
            )
        elif index < repeat:
            continue
        elif not _meta_line(para, paras[index + 1 : index + 2], draft, after_title=True):
            draft.preamble.append(text)
    if draft.forwards and draft.title is not None:
        # The title below a forwarding notice's signature is the forwarded document's; the
        # notice's own title is not printed.
        draft.body_title, draft.title = draft.body_title or draft.title, None


def read_attachment_front(paras: list[Para], draft: MetaDraft) -> None:
    """The front of an attachment: its marker (附件2), its title, then its preamble."""
    titled = False
    for index, para in enumerate(paras):
        text = para.text
        if index == 0 and (fields.attachment_in(text) is not None or is_part_marker(text)):
            draft.lines.append(text)
        elif not titled and (fields.looks_like_title(text) or _short_heading(text)):
            titled = True
            title = _clean_title(text)
            if draft.title is None:
                draft.title = title
            elif title not in draft.attachments:
                draft.attachments.append(title)
            draft.lines.append(text)
        elif not _meta_line(para, paras[index + 1 : index + 2], draft, after_title=True):
            draft.preamble.append(text)


def read_appendix_front(paras: list[Para], draft: MetaDraft) -> None:
    """The front of an appendix (附录 A, 附表1): its marker, its title, then text. An
    appendix carries no 发文字号, signature or date of its own, and its tables' cells
    (CAS numbers such as 1634-04-4, column names) must not be read as any."""
    titled = False
    for index, para in enumerate(paras):
        text = para.text
        if (index == 0 and is_part_marker(text)) or (not titled and is_appendix_kind(text)):
            draft.lines.append(text)
        elif not titled and para.table is None and _short_heading(text):
            titled = True
            title = _clean_title(text)
            if title not in draft.attachments:
                draft.attachments.append(title)
            draft.lines.append(text)
        else:
            draft.preamble.append(text)


def _short_heading(text: str) -> bool:
    """An attachment's title need not end with a 文种 (…重点任务推进表): any short line
    right after the marker, without sentence punctuation, is it."""
    return len(text) <= 60 and not any(stop in text for stop in "。；;：:！？")


def read_back(paras: list[Para], draft: MetaDraft) -> int:
    """Peel signature, date and 版记 off the end of ``paras``; return how many stay body."""
    keep = len(paras)
    signature: list[Para] = []  # organ lines over the date: one line per joint issuer
    while keep > 0:
        para = paras[keep - 1]
        following = paras[keep : keep + 1]
        if is_date_line(para.text) or fields.is_record_line(para.text):
            keep -= 1
            continue
        if is_page_chrome(para.text) and not signature:
            keep -= 1
            continue
        over_date = following and (is_date_line(following[0].text) or following[0] in signature)
        if over_date and fields.organ_names(para.text) is not None:
            signature.insert(0, para)
            keep -= 1
            continue
        break
    if signature and not draft.forwards:  # a forwarded document's signature is not ours
        set_issuers(draft, [n for p in signature for n in fields.organ_names(p.text) or []])
    for index in range(keep, len(paras)):
        para = paras[index]
        if para in signature:
            draft.lines.append(para.text)
        elif is_page_chrome(para.text):
            draft.notes.append(
                Note("web-chrome", "dropped page chrome", para.start_line, para.text)
            )
        elif not _meta_line(para, paras[index + 1 : index + 2], draft, after_title=True):
            draft.closing.append(para.text)
    return keep


_RUN_IN_SIGNATURE_CHARS = 120  # how far before the date a run-in signature may begin
_SENTENCE_ENDS = "。！？；"


def read_run_in_signature(para: Para, draft: MetaDraft) -> str | None:
    """A signature and date run into the last paragraph of a body whose breaks were lost
    (…形成有力震慑。 中央网信办秘书局 2025年4月8日 关闭 …): read into the draft; the
    paragraph's text before it is returned (what follows goes to the closing)."""
    if not para.run_in:
        return None
    for date in reversed(list(YMD.finditer(para.text))):
        head = para.text[max(0, date.start() - _RUN_IN_SIGNATURE_CHARS) : date.start()]
        stop = max(head.rfind(end) for end in _SENTENCE_ENDS)
        organs = split_issuers(head[stop + 1 :]) if stop >= 0 else None
        if organs is None or find_date(date.group()) is None:
            continue
        cut = date.start() - len(head) + stop + 1
        set_issuers(draft, organs)
        if draft.date is None:
            draft.date, draft.date_raw = find_date(date.group()) or (None, None)
        draft.lines.append(para.text[cut : date.end()].strip())
        rest = para.text[date.end() :].strip()
        if rest:
            draft.closing.append(rest)
        return para.text[:cut]
    return None


def _title_index(paras: list[Para]) -> int | None:
    for index, para in enumerate(paras):
        if para.hint is LineHint.TITLE:
            return index
    for index, para in enumerate(paras[:12]):
        if para.hint is LineHint.CELL:
            continue  # a table cell is never the document's title
        if fields.looks_like_title(para.text) and fields.doc_number_in(para.text) is None:
            return index
    return None


def _title_end(paras: list[Para], title_at: int | None) -> int:
    """A title printed over two or three lines ends at the line that ends with its 文种."""
    if title_at is None:
        return -1
    end = title_at + 1
    text = paras[title_at].text
    while fields.kind_of(text) is None and end < len(paras) and end - title_at < 3:
        candidate = _clean_title(text + paras[end].text)  # …系列活动的 / 通      知
        if not fields.looks_like_title(candidate) or len(paras[end].text) > 40:
            break
        text = candidate
        end += 1
        if fields.kind_of(text) is not None:
            return end
    return end if fields.kind_of(text) is not None else title_at + 1


def _title_repeat(paras: list[Para], title_at: int | None, title_end: int) -> int:
    """Where a page repeats the title over the article, within its first lines; -1 if not.
    What lies between the page's title and its repeat is the site's (breadcrumb, menus)."""
    if title_at is None:
        return -1
    title = "".join(p.text for p in paras[title_at:title_end])
    for index in range(title_end, min(len(paras), title_end + 60)):
        if fields.same_title(paras[index].text, title):
            return index
    return -1


def _field_block(paras: list[Para], index: int) -> tuple[dict[str, str], int] | None:
    """A run of label and value lines from ``index`` (发文机关： / 某某部 / 标　　题： / …)
    holding two labels or more: the fields and where the run ends."""
    from ..loaders.html.meta import read_fields

    if read_fields([paras[index].text]) is None:
        return None
    best = None
    for end in range(index + 1, min(len(paras), index + 40) + 1):
        found = read_fields([p.text for p in paras[index:end]])
        if found is None:
            break
        if len(found) >= 2:
            best = (found, end)
    return best


_SIGNATURE_MAX_LINES = 12


def _min_lines(title_at: int | None, index: int) -> int:
    """Over a date, one organ line is a signature above the title (where a letterhead
    would stand undated); below it, only a run of two or more is read here."""
    return 1 if title_at is not None and index < title_at else 2


def _signature_over_date(
    paras: list[Para], index: int, min_lines: int = 2
) -> tuple[list[str], int] | None:
    """Lines of organ names from ``index`` straight over a date line: a signature, one or
    two organs a line; its names and where it ends (before the date)."""
    names: list[str] = []
    end = index
    while end < len(paras) and end - index < _SIGNATURE_MAX_LINES:
        line = fields.organ_names(paras[end].text)
        if line is None:
            break
        names += line
        end += 1
    if end - index < min_lines or end >= len(paras) or not is_date_line(paras[end].text):
        return None
    return names, end


def _order_number(paras: list[Para], index: int, draft: MetaDraft) -> bool:
    """A 令 whose number is printed on the line under it: 某省人民政府令 / 第58号."""
    head = paras[index].text.strip()
    if not head.endswith("令") or index + 1 >= len(paras):
        return False
    number = fields.doc_number_in(head + paras[index + 1].text.strip())
    if number is None:
        return False
    draft.doc_number = draft.doc_number or number
    organs = fields.organ_names(head[:-1])
    if organs and draft.issuer is None:
        set_issuers(draft, organs)
    draft.lines += [paras[index].text, paras[index + 1].text]
    return True


def _read_title(text: str, draft: MetaDraft) -> None:
    """The title, without Markdown marks, with what a source ran into it read apart: a
    发文字号 after it (**…的意见**国办发〔2009〕59号) and a date in brackets under it
    (…的汇报（2014年12月3日）)."""
    text = _MARKDOWN_MARKS.sub("", text).strip()
    for end in _title_ends(text):
        number = fields.doc_number_in(text[end:])
        if number is not None:
            draft.doc_number = draft.doc_number or number
            text = text[:end]
            break
    dated = _TRAILING_DATE.search(text)
    if dated is not None:
        found = find_date(dated.group(0))
        if found is not None and draft.date is None:
            draft.date, draft.date_raw = found
        text = text[: dated.start()]
    draft.title = _clean_title(text)
    draft.issuer_weak = fields.issuer_from_title(draft.title) or draft.issuer_weak


def _title_ends(text: str) -> list[int]:
    """Where a 文种 ends in ``text``: where a title run into what follows may end."""
    return [m.end() for m in KIND_AT.finditer(text) if m.end() < len(text)]


def _clean_title(text: str) -> str:
    # A title spaced out for layout (通      知) or split by a stray PDF space.
    return "".join(text.split()) if _mostly_cjk(text) else text.strip()


def _mostly_cjk(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk * 2 > len(text.replace(" ", ""))


def _before_title(para: Para, draft: MetaDraft) -> None:
    if _meta_line(para, [], draft, after_title=False):
        return
    names = fields.organ_names(para.text)
    if names is not None:
        if draft.issuer is None:
            set_issuers(draft, names)  # 版头: the issuing office
        draft.lines.append(para.text)
        return
    draft.notes.append(
        Note(
            "front-junk",
            f"dropped a line before the title that is neither metadata nor body: {para.text!r}",
            para.start_line,
            para.text,
        )
    )


def _meta_line(para: Para, following: list[Para], draft: MetaDraft, *, after_title: bool) -> bool:
    """Read ``para`` into ``draft`` if it is metadata; False if it is body text."""
    text = para.text
    if draft.title and fields.same_title(text, draft.title):
        draft.notes.append(
            Note("duplicate-title", "dropped a repeat of the title", para.start_line, text)
        )
        return True
    number = fields.doc_number_in(text)
    if number is not None:
        if not draft.forwards:
            draft.doc_number = draft.doc_number or number
        draft.lines.append(text)
        return True
    found = fields.fields_in(text)
    if found is not None:
        _read_fields(found, draft)
        draft.lines.append(text)
        return True
    if is_date_line(text):
        date = find_date(text)
        if date and draft.date is None:
            draft.date, draft.date_raw = date
        draft.lines.append(text)
        return True
    events = adoption_events(text)
    if events is not None:
        for event in events:
            _read_adoption(event, draft)
        draft.lines.append(text)
        return True
    if fields.attachment_in(text) is not None:
        draft.attachments.extend(
            n for n in fields.attachment_names(text) if n not in draft.attachments
        )
        draft.lines.append(text)
        return True
    if fields.is_record_line(text):
        draft.closing.append(text)
        return True
    if not after_title:
        return False
    if following and is_date_line(following[0].text) and fields.signer_in(text):
        draft.lines.append(text)  # 省长　某某: the person who signs a 令
        return True
    if following and is_date_line(following[0].text):
        names = fields.organ_names(text)
        if names is not None:
            if not draft.forwards:  # the signature outranks a letterhead
                set_issuers(draft, names)
            draft.lines.append(text)
            return True
    recipients = fields.recipients_in(text)
    if recipients is not None and not draft.recipients and not draft.preamble:
        draft.recipients = recipients
        draft.lines.append(text)
        return True
    opens_body = draft.title is not None and bool(draft.preamble) and draft.body_title is None
    if opens_body and fields.looks_like_title(text):
        draft.body_title = _clean_title(text)
        draft.lines.append(text)
        return True
    return False


def _read_fields(found: dict[str, str], draft: MetaDraft) -> None:
    for name in _DATE_FIELDS:
        value = found.get(name)
        date = find_date(value) if value else None
        if value and date:
            if name == "成文日期":
                draft.date, draft.date_raw = date[0], value
            elif draft.date_weak is None:
                draft.date_weak = (date[0], value)
    # The first field present wins: 发文机关 over a page's 发布机构 (the 司 that posted it).
    issuer = next((found[name] for name in _ISSUER_FIELDS if found.get(name)), None)
    if issuer:
        set_issuers(draft, split_issuers(issuer) or [issuer])
    for name in _SOURCE_FIELDS:
        # 来源 names a site as often as an organ (中国政府法制信息网): only an organ counts.
        if found.get(name) and draft.issuer_weak is None and split_issuers(found[name]):
            draft.issuer_weak = found[name]
    for name in ("发文字号", "文号"):
        if found.get(name):
            draft.doc_number = draft.doc_number or fields.doc_number_in(found[name]) or found[name]
    for name in ("名称", "标题"):
        if found.get(name) and draft.title is None:
            draft.title = found[name]


def _read_adoption(event: tuple[str, str, str, str], draft: MetaDraft) -> None:
    date_iso, date_raw, action, text = event
    if action in ("通过", "公布", "发布") and draft.adopted is None:
        draft.adopted = text
        draft.adoption_date = (date_iso, date_raw)
        body = adopting_body(text, date_raw, action)
        if body and draft.issuer is None:
            set_issuers(draft, [body])
        if body and draft.doc_number is None:
            draft.doc_number = order_number(text, body)
    else:
        draft.amendments.append((date_iso, action, text))


def set_issuers(draft: MetaDraft, names: list[str]) -> None:
    draft.issuers = list(names)
    draft.issuer = join_issuers(names)


@dataclass(frozen=True, slots=True)
class _FlatFront:
    para: Para  # the front's pieces joined back into the line they were cut from
    count: int  # how many paragraphs it stands for
    breaks: frozenset[int]  # offsets in para.text where one of them began
    pieces: list[Piece]  # para.text as meta.glued cuts it


# Pieces that show the joined paragraphs hold a front to read (not just body).
_FRONT_PIECES = frozenset(("title", "doc-number", "signature", "date", "dated-issuer"))
# What normalise.unflatten cut at: a paragraph's indent, as the crawl kept it.
_INDENT = "\u3000\u3000"


def _flattened_front(paras: list[Para]) -> _FlatFront | None:
    """A crawl's front cut into paragraphs by normalise.unflatten, joined back into one.

    The cuts fall at the blanks inside the front too (　　河北省人民政府办公厅　　2023年4月7日
    某某方案　　为…), so the title, signature and date pieces lie across several paragraphs;
    meta.glued reads them from the joined text, and the body it leaves keeps its breaks.
    """
    if not paras or not paras[0].run_in or paras[0].hint is LineHint.TITLE:
        return None
    line = paras[0].start_line
    count = 0
    while count < len(paras) and paras[count].run_in and paras[count].start_line == line:
        count += 1
    breaks: list[int] = []
    at = 0
    for para in paras[:count]:
        breaks.append(at)
        at += len(para.text) + len(_INDENT)
    text = _INDENT.join(p.text for p in paras[:count])
    pieces = split_glued(text)
    if not any(p.kind in _FRONT_PIECES for p in pieces):
        return None
    joined = Para(text, line, paras[count - 1].end_line, paras[0].page, run_in=True)
    return _FlatFront(joined, count, frozenset(breaks[1:]), pieces)


def _signed_pieces(paras: list[Para], draft: MetaDraft) -> None:
    """What the glued reader leaves in a crawl's front pieces: a joint signature over
    several pieces, a date standing alone (附件：《…》　　二○一二年四月十六日)."""
    for index, para in enumerate(paras):
        signed = _signature_over_date(paras, index) if draft.issuer is None else None
        if signed is not None:
            set_issuers(draft, signed[0])
        if draft.date is None and is_date_line(para.text):
            draft.date, draft.date_raw = find_date(para.text) or (None, None)
    if draft.issuer is None:  # else the first piece that is nothing but organs' names
        named = next((n for p in paras if (n := fields.organ_names(p.text))), None)
        if named:
            set_issuers(draft, named)


def _read_glued(
    para: Para, pieces: list[Piece], draft: MetaDraft, breaks: frozenset[int] = frozenset()
) -> None:
    """The pieces of a front glued into one paragraph (meta.glued) into the draft;
    ``breaks``: offsets where the body had paragraph breaks, kept in the preamble."""
    line = para.start_line
    at = 0
    for piece in pieces:
        text = piece.text
        kind = piece.kind
        start, at = at, at + len(text)
        if kind == "body":
            draft.preamble += [part for part in _parted(text, start, breaks) if part]
            continue
        if kind == "space":
            continue
        if kind == "chrome":
            draft.notes.append(
                Note("web-chrome", "dropped the site's menus around the page title", line, text)
            )
            continue
        if kind == "title-repeat":
            draft.notes.append(Note("duplicate-title", "dropped a repeat of the title", line, text))
            continue
        draft.lines.append(text)
        _read_glued_piece(kind, text.strip(), draft)


def _parted(text: str, start: int, breaks: frozenset[int]) -> list[str]:
    """``text`` (at offset ``start``) cut at the paragraph breaks inside it, stripped."""
    cuts = sorted(b - start for b in breaks if start < b < start + len(text))
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip(" \u3000") for a, b in itertools.pairwise(bounds)]


def _read_glued_piece(kind: str, text: str, draft: MetaDraft) -> None:
    if kind == "title":
        draft.title = _clean_title(text)
        draft.issuer_weak = fields.issuer_from_title(draft.title) or draft.issuer_weak
    elif kind == "attachment":
        names = fields.attachment_names(text)
        draft.attachments.extend(n for n in names if n not in draft.attachments)
    elif kind == "body-title":
        draft.body_title = _clean_title(text)
    elif kind == "doc-number":
        draft.doc_number = draft.doc_number or fields.doc_number_in(text)
    elif kind == "recipients":
        draft.recipients = draft.recipients or (fields.recipients_in(text) or [])
    elif kind == "signature":
        set_issuers(draft, split_issuers(text) or [text])
    elif kind in ("date", "dated-issuer", "posted"):
        date = find_date(text)
        if date is not None and kind == "posted":
            draft.date_weak = draft.date_weak or date
            source = fields.fields_in(text[len(date[1]) :].strip(" \u3000:0123456789【】打印纠错"))
            _read_fields(source or {}, draft)
        elif date is not None and draft.date is None:
            draft.date, draft.date_raw = date
        if kind == "dated-issuer" and draft.issuer is None:
            organ = text[text.index(date[1]) + len(date[1]) :] if date else text
            organs = split_issuers(organ.strip(" \u3000)）"))
            if organs:
                set_issuers(draft, organs)
