"""The adoption and amendment lines under a regulation's title.

    2016年3月15日 丽水市第三届人民代表大会第七次会议通过
    2001年6月15日 中华人民共和国国务院令第306号公布
    2010年1月9日 《国务院关于修改〈…〉的决定》第二次修订

A line (often bracketed) that starts with a date and ends with what happened on it.
"""

from __future__ import annotations

import re

from .dates import find_date

_ACTION = re.compile(
    r"(通过|批准|公布|发布|施行|修正|修订|修改|废止)(?:[ \u3000]*[)）])?[ \u3000。]*$"
)
_LEADING_DATE = re.compile(r"^[(（]?[ \u3000]*(?:\d{4}|[〇○零一二三四五六七八九]{4})[ \u3000]*年")


def adoption_in(text: str) -> tuple[str, str, str] | None:
    """(ISO date, date as written, action) for an adoption/amendment line, else None.

    >>> adoption_in("2010年12月23日 北京市第十三届人民代表大会常务委员会第二十二次会议通过")
    ('2010-12-23', '2010年12月23日', '通过')
    """
    stripped = text.strip()
    if len(stripped) > 300 or not _LEADING_DATE.match(stripped):
        return None
    action = _ACTION.search(stripped)
    date = find_date(stripped)
    if action is None or date is None:
        return None
    return date[0], date[1], action.group(1)
