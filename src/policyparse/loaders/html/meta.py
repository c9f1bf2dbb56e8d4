"""The metadata block government sites print above an article (政府信息公开 "索引号" table).

Written as a ``<table>`` whose cells alternate label and value (``<td>索 引 号：</td>
<td>…</td>``), as ``label：value`` spans or list items, or as a line such as
``发布时间：2020-03-30 来源：… 字号：大 中 小``. A block is metadata when every line of it
(cells and blocks are lines) is a label, a label with its value, or the value right after
a label line, and it names two labels or more; the labels are a closed list, so body text
such as ``联系人：张三`` never qualifies. The whole block leaves the body.

Fields go to ``Text.meta_hints``: ``title`` (名称/标题), ``doc_number`` (发文字号/文号),
``issuer`` (发文机关, else 发布机构), ``date`` in ISO and ``date_raw`` as written
(成文日期, else 印发日期, else 发布日期/发布时间).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...lexicon.dates import find_date
from ...lexicon.portal import METADATA_LABELS
from .dom import tag_of, text_of
from .render import lines_of

if TYPE_CHECKING:
    from lxml import etree

_GAP = "[ \t\r\n\u3000\u00a0]*"
_LABEL = "|".join(_GAP.join(label) for label in sorted(METADATA_LABELS, key=len, reverse=True))
_COLON = f"{_GAP}[:：]{_GAP}"
# A line that is only a label (a label cell), with or without its colon.
_LABEL_ONLY = re.compile(rf"^{_GAP}(?P<label>{_LABEL}){_GAP}[:：]?{_GAP}$")
_LABEL_START = re.compile(rf"^{_GAP}(?:{_LABEL}){_COLON}")
_LABEL_ANYWHERE = re.compile(rf"(?P<label>{_LABEL}){_COLON}")
_LABEL_WORD = re.compile(_LABEL)
_SPACES = re.compile(r"[ \t\r\n\u3000\u00a0]+")

_CANDIDATE_TAGS = frozenset({"table", "tbody", "tr", "ul", "ol", "dl", "div", "p", "section",
                             "span", "li", "td", "header", "article", "font"})  # fmt: skip
_MAX_BLOCK_CHARS = 1500
_EMPTY_VALUES = frozenset({"", "无", "暂无", "-", "—", "/", "／"})

# Which labels fill which hint, best first.
_TITLE = ("名称", "标题", "文件名称")
_DOC_NUMBER = ("发文字号", "文号", "文件编号")
_ISSUER = ("发文机关", "发文单位", "发布机构", "发布单位")
_DATE = ("成文日期", "印发日期", "发布日期", "发布时间")


@dataclass(slots=True)
class MetaBlocks:
    """The metadata blocks found, and the fields they hold (label → value as written)."""

    elements: list[etree._Element] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    def hints(self) -> dict[str, str]:
        hints: dict[str, str] = {}
        for key, labels in (("title", _TITLE), ("doc_number", _DOC_NUMBER), ("issuer", _ISSUER)):
            value = _first(self.fields, labels)
            if value:
                hints[key] = value
        for label in _DATE:
            value = self.fields.get(label)
            found = find_date(value) if value else None
            if value and found:
                hints["date"], hints["date_raw"] = found[0], value
                break
        return hints


def find_meta(root: etree._Element) -> MetaBlocks:
    """Every metadata block under ``root``, outermost first, and their fields."""
    found = MetaBlocks()
    stack = [root]
    while stack:
        el = stack.pop()
        text = text_of(el)
        if len({_key(m.group(0)) for m in _LABEL_WORD.finditer(text)}) < 2:
            continue  # nothing below holds two labels either
        if tag_of(el) in _CANDIDATE_TAGS and len(text) <= _MAX_BLOCK_CHARS:
            fields = read_fields(lines_of(el))
            if fields is not None and len(fields) >= 2:
                found.elements.append(el)
                for label, value in fields.items():
                    found.fields.setdefault(label, value)
                continue
        stack.extend(reversed([child for child in el if isinstance(child.tag, str)]))
    return found


def read_fields(lines: list[str]) -> dict[str, str] | None:
    """Label → value when every line is metadata; None as soon as one is not.

    >>> read_fields(["索 引 号：", "000014349/2021-00048", "发文字号：国办发〔2021〕45号"])
    {'索引号': '000014349/2021-00048', '发文字号': '国办发〔2021〕45号'}
    >>> read_fields(["发布时间：2020-03-30来源：某市人民政府字号：大 中 小"])
    {'发布时间': '2020-03-30', '来源': '某市人民政府', '字号': '大 中 小'}
    >>> read_fields(["一、总体要求", "发布时间：2020-03-30"]) is None
    True
    """
    fields: dict[str, str] = {}
    waiting: str | None = None  # a label line whose value is the next line
    for line in lines:
        only = _LABEL_ONLY.match(line)
        if only is not None:
            waiting = _key(only.group("label"))
            fields.setdefault(waiting, "")
            continue
        if _LABEL_START.match(line):
            waiting = None
            matches = list(_LABEL_ANYWHERE.finditer(line))
            for m, following in zip(matches, [*matches[1:], None], strict=True):
                end = following.start() if following is not None else len(line)
                _put(fields, _key(m.group("label")), line[m.end() : end])
            continue
        if waiting is None:
            return None
        _put(fields, waiting, line, replace=True)
        waiting = None
    return fields


def _put(fields: dict[str, str], label: str, value: str, *, replace: bool = False) -> None:
    value = _SPACES.sub(" ", value).strip()
    if replace or not fields.get(label):
        fields[label] = value


def _key(label: str) -> str:
    return _SPACES.sub("", label)


def _first(fields: dict[str, str], labels: tuple[str, ...]) -> str | None:
    for label in labels:
        value = fields.get(label, "")
        if value not in _EMPTY_VALUES:
            return value
    return None
