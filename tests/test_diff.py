"""policyparse diff: the fixture pair in fixtures/diff/ (every kind of change, the
expected diff worked out by hand from the two texts), the command line, linear growth by
counting comparisons, and over the real two-version regulations of the corpus no article
reported removed and added when only its number moved."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyparse.cli import main
from policyparse.diff import compare, diff_records
from policyparse.diff.keys import key
from policyparse.pipeline import parse_record

from .conftest import FIXTURES, corpus_path

OLD = FIXTURES / "diff" / "plan_old.txt"
NEW = FIXTURES / "diff" / "plan_new.txt"


def _rows(diff: dict) -> list[tuple[str, list[str], list[str], bool]]:
    return [
        (e["status"], [r["id"] for r in e["old"]], [r["id"] for r in e["new"]], e["renumbered"])
        for e in diff["provisions"]
    ]


@pytest.fixture(scope="module")
def plan() -> dict:
    return diff_records(parse_record(OLD), parse_record(NEW))


def test_every_provision_is_placed_as_read_by_hand(plan: dict) -> None:
    assert _rows(plan) == [
        ("unchanged", ["1"], ["1"], False),
        ("changed", ["1.1"], ["1.1"], False),  # 200万元 → 300万元, lead and support swapped
        ("added", [], ["1.2"], False),  # 支持企业上市挂牌 inserted …
        ("renumbered", ["1.2"], ["1.3"], True),  # … so 完善融资担保 is （三） now
        ("changed", ["1.3"], ["1.4"], True),  # 2024年底 → 2025年底, 市财政局 added
        ("changed", ["2"], ["2"], False),  # 优化营商环境 → 持续优化营商环境
        ("moved", ["2.4"], ["2.1"], True),  # 健全企业服务机制 from last to first
        ("renumbered", ["2.1"], ["2.2"], True),
        ("renumbered", ["2.2"], ["2.3"], True),
        ("split", ["2.3"], ["2.4", "2.5"], False),  # 人才引进和培训 → 引进, 培训
    ]
    assert {k: v for k, v in plan["summary"].items() if k != "obligations_changed"} == {
        "changed": 3,
        "renumbered": 3,
        "moved": 1,
        "split": 1,
        "merged": 0,
        "added": 1,
        "removed": 0,
        "unchanged": 1,
    }


def test_what_changed_inside(plan: dict) -> None:
    entries = plan["provisions"]
    assert entries[1]["changes"] == [
        {
            "kind": "lead-support-swapped",
            "to_lead": ["市工业和信息化局"],
            "to_support": ["市财政局"],
        },
        {
            "kind": "amount-changed",
            "old": "200万元",
            "new": "300万元",
            "old_value": 2000000,
            "new_value": 3000000,
            "unit": "元",
        },
    ]
    assert entries[1]["text_diff"] == [
        ["=", "设立专项资金。市财政每年安排专项资金"],
        ["-", "2"],
        ["+", "3"],
        ["=", "00万元，支持中小企业技术改造。"],
    ]
    assert entries[4]["changes"] == [
        {"kind": "unit-added", "unit": "市财政局", "role": "lead"},
        {
            "kind": "deadline-moved",
            "old": "2024年底前",
            "new": "2025年底前",
            "old_date": "2024-12-31",
            "new_date": "2025-12-31",
        },
    ]
    assert entries[5]["changes"] == [
        {"kind": "heading-renamed", "old": "优化营商环境", "new": "持续优化营商环境"}
    ]
    for at in (0, 3, 6, 7, 8, 9):  # renumbered, moved and split: no change inside
        assert entries[at]["changes"] == []
    assert plan["summary"]["obligations_changed"] == [
        {"old_id": "1.1", "new_id": "1.1", "kinds": ["amount-changed", "lead-support-swapped"]},
        {"old_id": None, "new_id": "1.2", "kinds": ["provision-added"]},
        {"old_id": "1.3", "new_id": "1.4", "kinds": ["deadline-moved", "unit-added"]},
    ]


def test_the_other_way_round_a_split_is_a_merge_and_an_insertion_a_removal() -> None:
    back = diff_records(parse_record(NEW), parse_record(OLD))
    statuses = [e["status"] for e in back["provisions"]]
    assert statuses.count("merged") == 1 and statuses.count("removed") == 1
    merged = next(e for e in back["provisions"] if e["status"] == "merged")
    assert [r["id"] for r in merged["old"]] == ["2.4", "2.5"]
    assert [r["id"] for r in merged["new"]] == ["2.3"]
    removed = next(e for e in back["provisions"] if e["status"] == "removed")
    assert removed["old"][0]["id"] == "1.2"
    assert back["provisions"].index(removed) == 2  # where it stood: after 1.1


def test_by_id_compares_written_numbers_only() -> None:
    by_id = diff_records(parse_record(OLD), parse_record(NEW), by="id")
    assert by_id["summary"]["added"] == 2  # 1.4 and 2.5 have no old namesake
    assert by_id["summary"]["moved"] == by_id["summary"]["renumbered"] == 0
    second = next(e for e in by_id["provisions"] if e["old"] and e["old"][0]["id"] == "1.2")
    assert second["status"] == "changed" and second["new"][0]["id"] == "1.2"


def test_retypeset_text_is_not_a_change() -> None:
    assert key("（一）总　则 １００万元") == key("(一)总则100万元")


def test_cli_text_json_jsonl_html(tmp_path: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["diff", str(OLD), str(NEW)])
    assert text.exit_code == 0
    assert text.output.index("status") < text.output.index("moved （四）(2.4) → （一）(2.1)")
    assert "专项资金[-2-]{+3+}00万元" in text.output  # marks, not colour, in a pipe
    data = json.loads(runner.invoke(main, ["diff", str(OLD), str(NEW), "-f", "json"]).output)
    assert _rows(data)[6] == ("moved", ["2.4"], ["2.1"], True)
    lines = runner.invoke(main, ["diff", str(OLD), str(NEW), "-f", "jsonl"]).output.splitlines()
    assert json.loads(lines[0])["type"] == "summary" and len(lines) == 1 + 10
    page = tmp_path / "d.html"
    assert runner.invoke(main, ["diff", str(OLD), str(NEW), "-o", str(page)]).exit_code == 0
    html = page.read_text("utf-8")
    assert "<del>2</del><ins>3</ins>" in html
    assert not re.search(r"(src|href)=|https?://", html)  # self-contained
    again = runner.invoke(main, ["diff", str(OLD), str(NEW), "-o", str(page)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_cli_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "nope.txt"), str(NEW)])
    assert result.exit_code == 1
    assert result.output.strip() == f"policyparse: error: {tmp_path / 'nope.txt'}: no such file"


def _document(n: int, edits: bool) -> dict:
    """n articles of distinct text; with ``edits``, every tenth changed a little and one
    inserted every 25: the same change density at every size."""
    provisions = []
    for k in range(n):
        text = f"第{k}项规定：单位应当按照第{k * 7 % 1000}号标准开展第{k}类工作并报告{k % 13}次。"
        if edits and k % 10 == 3:
            text = text.replace("报告", "按季度报告")
        provisions.append(
            {"id": str(len(provisions) + 1), "label": "", "style": "article", "text": text}
        )
        if edits and k % 25 == 7:
            provisions.append(
                {
                    "id": str(len(provisions) + 1),
                    "label": "",
                    "style": "article",
                    "text": f"新增第{k}项。",
                }
            )
    return {"provisions": provisions, "meta": {}, "source": {"path": "x"}}


def test_comparisons_grow_linearly() -> None:
    counts = []
    for n in (500, 1000, 2000):
        result, alignment = compare(_document(n, False), _document(n, True))
        assert result["summary"]["changed"] == n // 10 and result["summary"]["added"] == n // 25
        counts.append(alignment.comparisons)
    assert counts[1] <= 2.3 * counts[0] and counts[2] <= 2.3 * counts[1]


def _pairs() -> list[tuple[Path, Path]]:
    laws = corpus_path("laws")
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for path in laws.rglob("*.md"):
        title = re.sub(r"\(\d{4}-\d{2}-\d{2}\)$", "", path.stem)
        groups[(path.parent.name, title)].append(path)
    pairs = []
    for versions in groups.values():
        # Undated files are the older text (their last amendment predates the dated one).
        versions.sort(key=lambda p: re.findall(r"\d{4}-\d{2}-\d{2}", p.stem) or ["0"])
        pairs.extend(pairwise(versions))
    return sorted(pairs)


def test_corpus_no_article_both_removed_and_added() -> None:
    pairs = _pairs()
    assert len(pairs) >= 39
    offenders = []
    for old, new in pairs:
        diff = diff_records(parse_record(old), parse_record(new))
        removed = [e["old"][0] for e in diff["provisions"] if e["status"] == "removed"]
        added = [e["new"][0] for e in diff["provisions"] if e["status"] == "added"]
        for r in removed:
            for a in added:
                ratio = SequenceMatcher(
                    None, key(r["text"]), key(a["text"]), autojunk=False
                ).ratio()
                if ratio >= 0.9 and key(r["text"]):
                    offenders.append((new.name, r["id"], a["id"], round(ratio, 2)))
    assert offenders == []


def test_every_change_kind_and_status_is_documented() -> None:
    from policyparse.diff import STATUSES
    from policyparse.diff.changes import OBLIGATION_KINDS

    outputs = (FIXTURES.parent / "docs" / "outputs.md").read_text("utf-8").split("## diff", 1)[1]
    for name in [*OBLIGATION_KINDS, "heading-renamed", *STATUSES]:
        assert f"`{name}`" in outputs, name
