"""Property-based tests: whatever the text, the pipeline neither raises nor loses text, and
the tree it builds is a tree (unique ids, paths that agree with parents)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policyparse.clauses.responsibility import ClauseContext, parse_in
from policyparse.normalise import normalise
from policyparse.pipeline import parse_record
from policyparse.text import InputFormat, SourceLine, Text

from .lossless import _chars

LABELS = [
    "一、", "二、", "十一、", "（一）", "(二)", "（十二）", "1.", "2、", "3．", "12.", "（1）",
    "(2)", "3）", "①", "②", "第一章 ", "第二节 ", "第一条 ", "第十二条 ", "第3条", "2025年",
    "1.5%", "- ", "• ", "— 3 —", "附件", "附件1",
]  # fmt: skip
WORDS = [
    "加强组织领导。", "（责任单位：市财政局、市税务局）", "(责任单位:市工信局牵头,相关单位配合)",
    "到2025年底", "最高不超过200万元", "列首位的为牵头单位，下同", "各县（市、区）政府",
    "《关于促进中小企业发展的意见》（国办发〔2021〕45号）", "：", "，", "。", "\t", "　",
    "<p>", "扫一扫在手机打开当前页", "江西省促进中小企业发展工作领导小组", "2021年4月15日",
]  # fmt: skip

line = st.lists(
    st.one_of(st.sampled_from(LABELS), st.sampled_from(WORDS), st.text(max_size=12)),
    max_size=6,
).map("".join)
document = st.lists(line, max_size=30).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_tree(record: dict) -> None:  # type: ignore[type-arg]
    ids = [p["id"] for p in record["provisions"]]
    assert len(ids) == len(set(ids)), "ids are unique"
    by_id = {p["id"]: p for p in record["provisions"]}
    for p in record["provisions"]:
        # An outline item adds its written number below its parent's: 1.1 at the top is
        # [1, 1], and 1.1.1 under 1 is [1, 1, 1]; every other label adds one ordinal.
        outline = p["label"].replace("．", ".").strip(".")
        step = len(outline.split(".")) if p["style"] == "decimal" else 1
        if p["parent_id"] is None:
            assert len(p["path"]) == step and p["level"] == 1
        else:
            parent = by_id[p["parent_id"]]
            assert p["path"][: len(parent["path"])] == parent["path"], "extends its parent's"
            assert 1 <= len(p["path"]) - len(parent["path"]) <= step
            assert p["level"] == parent["level"] + 1
            assert p["labels"][:-1] == parent["labels"]
        assert p["id"].split("~")[0] == ".".join(map(str, p["path"]))


def _accounted(record: dict) -> str:  # type: ignore[type-arg]
    parts = [*record["meta"]["lines"], *record["preamble"], *record["closing"]]
    for p in record["provisions"]:
        parts += [p["label"], p["text"]]
        if p["responsibility"]:
            parts.append(p["responsibility"]["raw"])
        if p["cells"] is not None and p["deadline"]:
            parts.append(p["deadline"]["raw"])
    parts += [w["text"] for w in record["warnings"] if w["text"]]
    return "".join(parts)


@SETTINGS
@given(document)
def test_any_text_parses_into_a_tree_and_loses_nothing(text: str) -> None:
    data = text.encode("utf-8")
    if not data.strip():
        return
    record = parse_record(data, format="txt", name="prop.txt")
    _check_tree(record)
    assert not (_chars(text) - _chars(_accounted(record))), "no character is lost"


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    if not data.strip():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates are not text any file can hold
    _check_tree(parse_record(data, format="txt", name="u.txt"))


@SETTINGS
@given(st.lists(st.text(max_size=40), max_size=20))
def test_the_normaliser_keeps_every_visible_character(lines: list[str]) -> None:
    text = Text([SourceLine(t, i) for i, t in enumerate(lines, 1)], InputFormat.TXT)
    result = normalise(text)
    kept = "".join(p.text for p in result.paras) + "".join(n.text or "" for n in result.notes)
    assert not (_chars("".join(lines)) - _chars(kept))


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=20)), max_size=8).map("".join))
def test_the_clause_reader_never_raises_and_cuts_only_what_it_reports(paragraph: str) -> None:
    kept, clauses = parse_in(paragraph, ClauseContext())
    assert sorted(_chars(kept + "".join(c.raw for c in clauses)).elements()) == sorted(
        _chars(paragraph).elements()
    )
