"""The adoption and amendment lines under a regulation's title.

    2016年3月15日 丽水市第三届人民代表大会第七次会议通过
    2001年6月15日 中华人民共和国国务院令第306号公布
    2010年1月9日 《国务院关于修改〈…〉的决定》第二次修订

A line (often bracketed) that starts with a date and ends with what happened on it.
"""

from __future__ import annotations

import re

from ..lexicon.dates import find_date

_ACTION = re.compile(
    r"(通过|批准|公布|发布|施行|修正|修订|修改|废止)(?:[ \u3000]*[)）])?[ \u3000。]*$"
)
_YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})[ \u3000]*年"
_ANY_DATE = re.compile(_YEAR + r"[ \u3000]*[0-9一二三四五六七八九十]{1,3}[ \u3000]*月")
_LEADING_DATE = re.compile(r"^[(（]?[ \u3000]*" + _YEAR)


_SESSION = re.compile(
    r"(?:第[零〇一二三四五六七八九十百0-9]+次(?:全体)?会议|令第?[0-9零〇一二三四五六七八九十百]+号|"
    r"会议|常务会议)$"
)


def adopting_body(text: str, date_raw: str, action: str) -> str | None:
    """Who adopted: ``…北京市第十三届人民代表大会常务委员会第二十二次会议通过`` → the
    committee; ``中华人民共和国国务院令第306号公布`` → 中华人民共和国国务院.

    >>> adopting_body("2001年6月15日 中华人民共和国国务院令第306号公布", "2001年6月15日", "公布")
    '中华人民共和国国务院'
    """
    body = text.strip().lstrip("(（ \u3000")
    start = body.find(date_raw)
    if start < 0:
        return None
    body = body[start + len(date_raw) :].strip(" \u3000")
    body = re.sub(rf"{action}[ \u3000]*[)）]?[ \u3000。]*$", "", body).strip()
    if "《" in body:
        return None  # 《国务院关于修改…的决定》第一次修订: a decision, not a body
    body = _SESSION.sub("", body).strip()
    return body or None


def order_number(text: str, body: str) -> str | None:
    """The 令 an adoption line names after its adopting body, as a 发文字号.

    >>> order_number("2006年12月29日某某总局令第92号公布", "某某总局")
    '某某总局令第92号'
    """
    m = re.search(re.escape(body) + r"[ \u3000]*令[ \u3000]*第[ \u3000]*\d{1,5}[ \u3000]*号", text)
    return re.sub(r"[ \u3000]+", "", m.group()) if m else None


def adoption_events(text: str) -> list[tuple[str, str, str, str]] | None:
    """(ISO date, date as written, action, the event as written) for each event on an
    adoption line, or None if ``text`` is not one. One line may hold several events:

    >>> line = "（2018年10月26日某市人大常委会会议通过　2018年11月29日某省人大常委会会议批准）"
    >>> [e[2] for e in adoption_events(line)]
    ['通过', '批准']
    >>> line = "（2006年12月29日某某总局令第92号公布自2007年6月1日起施行）"
    >>> [e[2] for e in adoption_events(line)]
    ['公布', '施行']
    """
    stripped = text.strip()
    if len(stripped) > 400 or not _LEADING_DATE.match(stripped):
        return None
    starts = [m.start() for m in _ANY_DATE.finditer(stripped)]
    events = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(stripped)
        if stripped[end - 1 : end] == "自" and i + 1 < len(starts):
            end -= 1  # 公布自2007年6月1日起施行: 自 opens the next event
        segment = stripped[start:end].strip(" \u3000；;，,")
        action = _ACTION.search(segment)
        date = find_date(segment)
        if action is None or date is None:
            if i == 0:
                return None
            continue  # a date inside an event (…决定》 of 2019年…): part of the one before
        clean = re.sub(r"[ \u3000]*[)）][ \u3000。]*$", "", segment)
        events.append((date[0], date[1], action.group(1), clean))
    return events or None
