"""Task-division tables in every form they arrive in, against values read off by hand."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policyparse import parse
from policyparse.models import Document, Style

from .conftest import FIXTURES, corpus_path

TABLES = FIXTURES / "tables"


def _rows(doc: Document) -> list[tuple[str, str, list[str], list[str], str | None, str | None]]:
    out = []
    for p in doc.provisions:
        r = p.responsibility
        out.append(
            (
                p.id,
                p.label,
                r.lead if r else [],
                r.support if r else [],
                p.deadline.date if p.deadline else None,
                p.deadline.kind if p.deadline else None,
            )
        )
    return out


def test_a_notice_with_its_table_attached() -> None:
    doc = parse(TABLES / "notice_with_table.txt")
    assert (
        doc.meta.title == "江北市人民政府办公室关于印发《江北市优化营商环境重点任务分工方案》的通知"
    )
    assert doc.meta.attachments == ["江北市优化营商环境重点任务分工方案"]
    assert doc.meta.citations == [], "a notice's own attachment is not a citation"
    assert doc.preamble == [
        "现将《江北市优化营商环境重点任务分工方案》印发给你们，请认真抓好落实。"
    ]
    assert _rows(doc) == [
        ("1", "一、", [], [], None, None),
        ("1.1", "（一）", [], [], None, None),
        ("1.1.1", "", ["市政务服务数据管理局"], ["市级各有关部门"], "2023-12-31", "date"),
        ("1.1.2", "", ["市市场监管局"], ["市税务局", "市人力社保局"], "2023-06-30", "date"),
        ("1.2", "（二）", [], [], None, None),
        ("1.2.1", "", ["市发展改革委"], ["各县（市、区）政府"], None, "long_term"),
        ("2", "二、", [], [], None, None),
        ("2.3", "（三）", [], [], None, None),
        ("2.3.1", "", ["市自然资源局"], [], None, "ongoing"),
    ]
    row = doc.provisions[3]
    assert row.style is Style.ROW
    assert row.parent_id == "1.1"
    assert row.path == [1, 1, 2]
    assert row.text == "建设企业开办“一件事”专区，开办时间压缩至1个工作日。"
    assert row.cells == {
        "重点任务": "（一）深化“一网通办”",
        "工作措施": "建设企业开办“一件事”专区，开办时间压缩至1个工作日。",
        "牵头单位": "市市场监管局",
        "配合单位": "市税务局\n市人力社保局",
        "完成时间": "2023年6月底前",
    }
    assert doc.provisions[1].heading == "深化“一网通办”"
    assert [(a.raw, a.value, a.unit, a.bound) for a in doc.provisions[8].amounts] == [
        ("最高不超过20年", 20, "年", "max")
    ]
    codes = [w.code for w in doc.warnings]
    assert codes.count("repeated-table-header") == 1


def test_rows_numbered_by_their_own_column() -> None:
    doc = parse(TABLES / "numbered_rows.txt")
    assert doc.meta.kind == "清单"
    assert _rows(doc) == [
        ("1", "1", ["县农业农村局"], ["县财政局"], "2024-10-31", "date"),
        ("2", "2", ["县农业农村局", "县商务局"], [], "2024-12-31", "date"),
        ("3", "3", ["各乡镇人民政府"], [], "2024-12-31", "date"),
    ]
    first = doc.provisions[0]
    assert first.style is Style.ARABIC
    assert first.text == "稳定粮食生产\n落实粮食播种面积45万亩，建设高标准农田3万亩。"
    assert [(a.value, a.unit) for a in first.amounts] == [(450000, "亩"), (30000, "亩")]


def test_csv_of_a_table_has_its_cells_as_a_json_column() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "policyparse", "extract", str(TABLES / "numbered_rows.txt"),
         "-f", "csv"],
        capture_output=True, check=True,
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8-sig"), newline="")))
    # the columns are the same for every document (docs/outputs.md); cells are one JSON object
    cells = [json.loads(r["cells"]) for r in rows]
    assert [c["序号"] for c in cells] == ["1", "2", "3"]
    assert cells[1]["重点任务"] == "发展特色产业"
    assert cells[1]["责任单位"] == "县农业农村局、县商务局"
    assert cells[2]["完成时限"] == "2024年底"
    assert json.loads(rows[0]["lead"]) == ["县农业农村局"]


def test_word_table_with_merged_task_cells(fixtures: Path) -> None:
    doc = parse(fixtures / "docx" / "table.docx")
    assert [p.id for p in doc.provisions] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1"]
    assert doc.provisions[3].responsibility is not None
    assert doc.provisions[3].responsibility.support == ["各县（市、区）人民政府"]
    assert doc.provisions[3].cells is not None
    assert doc.provisions[3].cells["工作任务"] == "（一）推进“一网通办”", (
        "a merged cell in each row"
    )
    assert doc.closing == ["各牵头单位每季度末报送工作进展。"]


SEED_000 = [
    ("1", "一、"), ("1.1", "（一）"), ("1.1.1", ""), ("1.2", "（二）"), ("1.2.1", ""),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed_000() -> Document:
    return parse(corpus_path("seeds", "000.txt"))


def test_seed_000_from_flattened_text(seed_000: Document) -> None:
    doc = seed_000
    assert [(p.id, p.label) for p in doc.provisions[:5]] == SEED_000
    sections = [p for p in doc.provisions if p.style is Style.CN]
    tasks = [p for p in doc.provisions if p.style is Style.CN_PAREN]
    rows = [p for p in doc.provisions if p.style is Style.ROW]
    assert [p.label for p in sections] == ["一、", "二、", "三、", "四、", "五、"]
    assert len(tasks) == 21, "（一）…（二十二） without （十八）, as the seed has it"
    assert len(rows) == 32
    by_id = {p.id: p for p in doc.provisions}
    # (十二) is printed again after a page break: the same task, a second row under it
    assert [p.id for p in rows if p.parent_id == "3.12"] == ["3.12.1", "3.12.2"]
    assert by_id["3.12.2"].responsibility.lead == ["市市场监管局"]  # type: ignore[union-attr]
    # a unit cell over several lines, and fragments spilled over a page break
    assert by_id["2.7.2"].responsibility.support == [  # type: ignore[union-attr]
        "人民银行白山市中心支行", "市政数局", "白山银保监分局", "市财政局",
    ]  # fmt: skip
    assert by_id["4.17.3"].responsibility.support[-1] == "各县（市、区）政府"  # type: ignore[union-attr]
    assert (by_id["1.1.1"].deadline.date, by_id["1.3.1"].deadline.kind) == (  # type: ignore[union-attr]
        "2025-12-31", "period",
    )  # fmt: skip
    assert by_id["1.4.1"].deadline.kind == "long_term"  # type: ignore[union-attr]
    codes = [w.code for w in doc.warnings]
    assert codes.count("repeated-table-header") == 5
    assert codes.count("table-misaligned") == 7
    assert "5.22.1" in by_id and by_id["5.22.1"].responsibility.support == []  # type: ignore[union-attr]


@pytest.mark.parametrize("other", [("docx", "000.docx")])
def test_seed_000_same_rows_in_every_form(seed_000: Document, other: tuple[str, str]) -> None:
    doc = parse(corpus_path(*other))
    assert _rows(doc) == _rows(seed_000)
