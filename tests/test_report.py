"""policyparse report without a browser: the page's structure and the data inside it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from policyparse.cli import main
from policyparse.report.page import embed_json
from policyparse.report.source import Row, RowIndex

from .conftest import FIXTURES

DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)


def _report(tmp_path: Path, *inputs: str) -> tuple[int, str, dict]:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *inputs, "-o", str(out)])
    page = out.read_text("utf-8")
    found = DATA.search(page)
    assert found is not None
    return result.exit_code, page, json.loads(found.group(1))


def test_notice_marks_the_clause_of_1_2(tmp_path: Path) -> None:
    code, _, data = _report(tmp_path, str(FIXTURES / "examples" / "notice.txt"))
    assert code == 0
    doc = data["documents"][0]
    assert doc["meta"]["doc_number"] == "宁政办发〔2024〕7号"
    p = next(p for p in doc["provisions"] if p["id"] == "1.2")
    assert p["lines"] == [14, 14]
    row = doc["rows"][p["rows"][0]]
    assert row[0] == 14 and row[3].startswith("（二）实行分级奖励")
    marked = {(row[3][m[1] : m[2]], m[3]) for m in doc["marks"] if m[0] == p["rows"][0]}
    assert marked == {
        ("市工业和信息化局", "lead"),
        ("市财政局", "support"),
        ("50万元", "amount"),
        ("20万元", "amount"),
    }
    # every provision of the notice reaches its own source line
    for p in doc["provisions"]:
        first, last = p["rows"]
        assert doc["rows"][first][0] <= p["lines"][0] and doc["rows"][last][0] >= p["lines"][1]


def test_page_is_self_contained(tmp_path: Path) -> None:
    _, page, _ = _report(tmp_path, str(FIXTURES / "examples" / "notice.txt"))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert page.count("</script>") == 2  # the data block and the script, nothing ends early
    assert '"Noto Sans CJK SC"' in page and "WenQuanYi Micro Hei" in page


def test_table_rows_are_source_rows(tmp_path: Path) -> None:
    _, _, data = _report(tmp_path, str(FIXTURES / "tables" / "numbered_rows.txt"))
    doc = data["documents"][0]
    first = doc["provisions"][0]
    assert first["lines"] == [8, 12]
    texts = [r[3] for r in doc["rows"][first["rows"][0] : first["rows"][1] + 1]]
    assert texts == [
        "1",
        "稳定粮食生产",
        "落实粮食播种面积45万亩，建设高标准农田3万亩。",
        "县农业农村局（牵头）、县财政局",
        "2024年10月底",
    ]


def test_a_failure_is_listed_and_the_report_written(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, data = _report(tmp_path, str(FIXTURES / "examples" / "notice.txt"), str(empty))
    assert code == 1
    assert data["failures"] == [{"path": str(empty), "kind": "input", "reason": "empty file"}]
    assert data["totals"]["documents"] == 2 and data["totals"]["failed"] == 1


def test_matrix_totals_are_those_of_units(tmp_path: Path) -> None:
    folder = FIXTURES / "docs"
    _, _, data = _report(tmp_path, str(folder))
    units = subprocess.run(
        [sys.executable, "-m", "policyparse", "units", str(folder), "-f", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    rows = [json.loads(line) for line in units]
    lead = sum(1 for r in rows if r["role"] == "lead")
    assert rows and lead > 0
    assert (data["totals"]["lead"], data["totals"]["support"]) == (lead, len(rows) - lead)
    per_unit = {u["unit"]: len(u["lead"]) + len(u["support"]) for u in data["matrix"]}
    expected: dict[str, int] = {}
    for r in rows:
        expected[r["unit"]] = expected.get(r["unit"], 0) + 1
    assert per_unit == expected


def test_embedded_json_cannot_close_the_script() -> None:
    text = embed_json({"t": "</script><!-- x"})
    assert "<" not in text and json.loads(text) == {"t": "</script><!-- x"}


def test_row_index_spans_joined_lines() -> None:
    rows = [Row(1, 1, 1, "a"), Row(3, 6, 1, "b"), Row(9, 9, 2, "c")]
    index = RowIndex.of(rows)
    assert index.span(4, 5) == (1, 1)  # inside the PDF paragraph that covers lines 3–6
    assert index.span(6, 9) == (1, 2)
    assert index.span(7, 8) is None
    assert index.at(8) == 1
