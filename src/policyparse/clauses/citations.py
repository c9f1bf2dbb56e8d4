"""Documents a text cites: 《title》, with the 发文字号 when it follows in brackets.

《关于促进中小企业健康发展的指导意见》（中办发〔2019〕24号） → title + doc_number
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon.docnumbers import DOC_NUMBER

_CITED = re.compile(
    r"《(?P<title>[^《》\n]{1,120}?)》"
    rf"(?:[ \u3000]*[(（][ \u3000]*(?P<number>{DOC_NUMBER.pattern})[ \u3000]*[)）])?"
)


def find_citations(
    texts: Iterable[str], exclude: Iterable[str] = ()
) -> list[tuple[str, str | None]]:
    """(title, doc_number) for each distinct title cited in ``texts``, in order of appearance.

    >>> find_citations(["依据《保障中小企业款项支付条例》和《某意见》（国办发〔2021〕 45号）"])
    [('保障中小企业款项支付条例', None), ('某意见', '国办发〔2021〕45号')]
    """
    skip = {t for t in exclude if t}
    found: dict[str, str | None] = {}
    for text in texts:
        if "《" not in text:
            continue
        for m in _CITED.finditer(text):
            title = m.group("title").strip()
            if not title or title in skip:
                continue
            number = m.group("number")
            if number:
                number = re.sub(r"[ \u3000]+", "", number)
            if title not in found or (found[title] is None and number):
                found[title] = number
    return list(found.items())
