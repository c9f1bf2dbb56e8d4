"""发文字号: the number a 公文 is issued under, in the forms offices write it.

Named forms (GB/T 9704-2012 §7.2.4 prescribes the first; the others are what 令, 公告 and
older documents carry):

- ``bracket_year``: 机关代字 (at most 12 characters: a longer head is a title run into the
  number) 〔年份〕序号 — 资雁府办发〔2020〕19号, 国办发〔2021〕45号,
  京政发[2020]3号, 鄂政發〔2018〕26號 (traditional 發/號), 冀政字〔2019〕31号;
- ``order``: 令 by number — 山东省人民政府令第172号, 中华人民共和国国务院令第306号,
  国家互联网信息办公室令第12号;
- ``year_serial``: a 公告 or 令 numbered within a year — 国家税务总局公告2023年第1号.

A bare 第306号令 inside a sentence names an order but is no 发文字号 line.
"""

from __future__ import annotations

import re

_SP = "[ \u3000]*"
_NUM = r"\d{1,5}"
_HAO = "[号號]"
_CN_ORG = "[\u4e00-\u9fffA-Za-z]"
FORMS: dict[str, str] = {
    "bracket_year": (
        rf"{_CN_ORG}{{1,12}}{_SP}[〔\[【(（﹝]{_SP}\d{{4}}{_SP}[〕\]】)）﹞]{_SP}第?{_SP}{_NUM}{_SP}{_HAO}"
    ),
    # The organ's name holds no 令 (nor 告 below): a run of them cannot backtrack twenty ways.
    # 某市人民政府令第16号, or as some print it 某市人民政府令（第16号）.
    "order": (
        rf"[^\W\d_令]{{2,20}}令{_SP}(?:第{_SP}{_NUM}{_SP}{_HAO}"
        rf"|[(（]{_SP}第{_SP}{_NUM}{_SP}{_HAO}{_SP}[)）])"
    ),
    "year_serial": (
        rf"[^\W\d_令告]{{2,20}}(?:公告|令|通告){_SP}\d{{4}}{_SP}年{_SP}第{_SP}{_NUM}{_SP}{_HAO}"
    ),
}
DOC_NUMBER = re.compile("|".join(f"(?:{form})" for form in FORMS.values()))
_LABELS = ("发文字号", "文件号", "文号", "字号", "发文号", "文件编号")
_DOC_NUMBER_LINE = re.compile(
    rf"^(?:(?:{'|'.join(_LABELS)}){_SP}[:：]?{_SP})?[(（]?{_SP}({DOC_NUMBER.pattern}){_SP}[)）]?$"
)


# Pages put zero-width spaces inside numbers (工信厅科函〔2025〕\u200b161号), unseen on screen.
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


def doc_number_in(text: str) -> str | None:
    """The 发文字号 if ``text`` is nothing else (a label such as 文件号： allowed).

    >>> doc_number_in("文件号：吉政办明电〔2022〕1号"), doc_number_in("山东省人民政府令 第172号")
    ('吉政办明电〔2022〕1号', '山东省人民政府令第172号')
    >>> doc_number_in("中山市人民政府令（第16号）")
    '中山市人民政府令（第16号）'
    >>> doc_number_in("根据国办发〔2021〕45号文件精神") is None
    True
    """
    m = _DOC_NUMBER_LINE.match(_ZERO_WIDTH.sub("", text).strip())
    return clean_doc_number(m.group(1)) if m else None


def clean_doc_number(number: str) -> str:
    """The number without the spaces a PDF or a scraped page put inside it."""
    return re.sub(r"[ \u3000]+", "", _ZERO_WIDTH.sub("", number))
