"""Keywords: policy terms whole, unit names whole, stop words never, same text same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse import parse
from policyparse.clauses.keywords import extract_keywords
from policyparse.errors import PolicyParseError
from policyparse.settings import ParseOptions

TEXT = (
    "实施专精特新中小企业梯度培育工程。推动银行机构落实“两增两控”要求，"
    "扩大首贷户规模，推广政采贷产品，支持个转企。"
)


def test_policy_terms_are_not_split() -> None:
    words = extract_keywords(TEXT, top=10)
    for term in ("专精特新中小企业", "两增两控", "首贷户", "政采贷", "个转企"):
        assert term in words, words
    for fragment in ("专精", "特新", "两增", "两控"):
        assert fragment not in words


def test_policy_stop_words_are_never_keywords() -> None:
    words = extract_keywords("加强组织领导，推进工作落实，支持企业发展，促进共同富裕。", top=10)
    assert set(words) == {"共同富裕", "领导"}
    for stop in ("加强", "推进", "支持", "促进", "企业", "发展"):
        assert stop not in words


def test_unit_names_from_clauses_are_kept_whole() -> None:
    text = "由市市场监督管理局会同市农业农村局开展专项检查，市市场监督管理局负责汇总。"
    words = extract_keywords(text, protect=["市市场监督管理局"], top=5)
    assert words[0] == "市市场监督管理局"


def test_the_same_text_gives_the_same_keywords_whatever_ran_before() -> None:
    first = extract_keywords(TEXT)
    extract_keywords("完全不同的文字：由区卫生健康局牵头组织义诊。", protect=["区卫生健康局"])
    assert extract_keywords(TEXT) == first


def test_keywords_are_off_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("一、总体要求\n（一）实施专精特新培育工程。推广政采贷。\n", encoding="utf-8")
    assert all(p.keywords == [] for p in parse(path).provisions)
    doc = parse(path, options={"keywords": True, "max_keywords": 2})
    # 实施 and 培育 are stop words; the two policy terms outrank the common 工程 and 推广
    assert set(doc.provisions[1].keywords) == {"专精特新", "政采贷"}


def test_bad_options_are_rejected_by_name() -> None:
    with pytest.raises(PolicyParseError, match="unknown option 'keyword'"):
        ParseOptions.resolve({"keyword": True})
    with pytest.raises(PolicyParseError, match="'max_keywords' must be a positive integer"):
        ParseOptions.resolve({"max_keywords": 0})
