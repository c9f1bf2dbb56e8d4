"""A document's parts: the main document, then each attachment (附件) or appendix (附录,
附表) after it.

A notice often carries its plan as an attachment, announced by a line of its own —
``附件`` or ``附件2`` — after the notice's signature and date. The attachment numbers its
provisions afresh (一、 again), so each part is segmented on its own; ids that repeat get
``~2`` when the records are assembled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .clauses.attach import lift_list_clauses
from .lexicon.parts import is_appendix_marker, is_part_marker
from .meta.front import (
    MetaDraft,
    read_appendix_front,
    read_attachment_front,
    read_back,
    read_front,
    read_run_in_signature,
)
from .normalise import Para
from .segment.segmenter import Node, segment
from .text import Note

_LISTED = re.compile(r"^[ \u3000]*附[ \u3000]*件[ \u3000]*[:：][ \u3000]*(\d{1,2})[.．、]")
_LIST_ITEM = re.compile(r"^[ \u3000]*(\d{1,2})[.．、]")
# A list number alone on the last line (附件：1. with the name on the next line).
_BARE_NUMBER = re.compile(r"(?:^|\n|[:：])[ \u3000]*\d{1,2}[.．、][ \u3000]*$")
_LIST_OPENER = re.compile(r"^[ \u3000]*附[ \u3000]*件[ \u3000]*[:：][ \u3000]*$")
_BARE_FIRST = re.compile(r"^[ \u3000]*1[.．、][ \u3000]*$")


@dataclass(slots=True)
class Structure:
    nodes: list[Node] = field(default_factory=list)
    draft: MetaDraft = field(default_factory=MetaDraft)
    notes: list[Note] = field(default_factory=list)


def read_structure(paras: list[Para]) -> Structure:
    structure = Structure()
    draft = structure.draft
    for index, part in enumerate(_split_parts(_join_attachment_lists(paras))):
        state = segment(part)
        if index == 0:
            read_front(state.front, draft)
        elif is_appendix_marker(part[0].text):
            read_appendix_front(state.front, draft)
        else:
            read_attachment_front(state.front, draft)
        if state.trailing:
            keep = read_back(state.trailing, draft)
            draft.closing[:0] = [p.text for p in state.trailing[:keep]]
        elif state.nodes:
            last = state.nodes[-1]
            keep = 1 + read_back(last.paras[1:], draft)
            del last.paras[keep:]
            if keep == 1 or draft.date is None:
                _signature_run_in(last, draft)
        lift_list_clauses(state.nodes)
        structure.nodes.extend(state.nodes)
        structure.notes.extend(state.notes)
    structure.notes.extend(draft.notes)
    return structure


def _signature_run_in(last: Node, draft: MetaDraft) -> None:
    para = last.paras[-1]
    body = read_run_in_signature(para, draft)
    if body is None:
        return
    cut = len(para.text) - len(body.rstrip())
    last.paras[-1] = replace(para, text=para.text[: len(para.text) - cut])
    if len(last.paras) == 1:  # the node's own paragraph: its body is the text after the label
        last.body = last.body[: max(0, len(last.body) - cut)]


def _join_attachment_lists(paras: list[Para]) -> list[Para]:
    """``附件：1．甲`` with ``2．乙`` on the next line is one list, not a provision 2."""
    out: list[Para] = []
    expected = 0
    for index, para in enumerate(paras):
        item = _LIST_ITEM.match(para.text)
        name_below = expected and not item and _BARE_NUMBER.search(out[-1].text[-12:])
        if ((expected and item and int(item.group(1)) == expected) or name_below) and len(
            para.text
        ) <= 80:
            head = out[-1]
            out[-1] = Para(
                f"{head.text}\n{para.text.strip()}",
                head.start_line,
                para.end_line,
                head.page,
                head.hint,
            )
            expected += 0 if name_below else 1
            continue
        first = _LISTED.match(para.text)
        expected = int(first.group(1)) + 1 if first else 0
        following = paras[index + 1].text if index + 1 < len(paras) else ""
        if _LIST_OPENER.match(para.text) and _BARE_FIRST.match(following):
            expected = 1  # 附件： alone, its list numbered from the next line (1. / name)
        out.append(para)
    return out


def _split_parts(paras: list[Para]) -> list[list[Para]]:
    """Split before every bare attachment or appendix marker (lexicon/parts.py); the
    marker opens its part."""
    parts: list[list[Para]] = [[]]
    for para in paras:
        if is_part_marker(para.text) and (parts[-1] or len(parts) == 1):
            parts.append([para])
        else:
            parts[-1].append(para)
    return [part for i, part in enumerate(parts) if part or i == 0]
