"""The tabular outputs: the documents table, xlsx and sqlite, CSV ids and list fields.

Expectations are read off fixtures/examples/notice.txt by hand: 一、 (一)(二) → 1, 1.1, 1.2;
二、 (三)(四) → 2, 2.3, 2.4 (the count carries on); 三、 (五) 1. 2. 3. (六) → 3, 3.5,
3.5.1–3.5.3, 3.6. Twelve unit mentions: 1.1 three (各县〔市、区〕人民政府 among them), 1.2 one
lead and one support, 2.3 three, 2.4 two, 3.5 two.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from policyparse.cli import main

from .conftest import FIXTURES, corpus_path

NOTICE = FIXTURES / "examples" / "notice.txt"
# A 函 has no numbered provisions: it must still be a row of the documents table.
LETTER = (
    "关于商请支持开展调研工作的函\n"
    "市财政局：\n"
    "为做好中小企业政策评估工作，我局拟于近期赴贵单位开展调研，请予支持。\n"
    "特此函告。\n"
    "宁州市工业和信息化局\n"
    "2024年5月6日\n"
)
IDS = ["1", "1.1", "1.2", "2", "2.3", "2.4", "3", "3.5", "3.5.1", "3.5.2", "3.5.3", "3.6"]
UNITS_11 = ["市工业和信息化局", "市科技局", "各县〔市、区〕人民政府"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(NOTICE, root / "notice.txt")
    (root / "letter.txt").write_text(LETTER, encoding="utf-8")
    return root


def extract(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_documents_table_has_a_row_for_a_document_without_provisions(folder: Path) -> None:
    letter, notice = folder / "letter.txt", folder / "notice.txt"
    code, out, _ = extract(str(letter), str(notice), "-f", "jsonl", "--table", "documents")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in rows] == [str(letter), str(notice)]
    assert rows[0]["provisions"] == 0
    assert (rows[0]["title"], rows[0]["kind"], rows[0]["date"]) == (
        "关于商请支持开展调研工作的函",
        "函",
        "2024-05-06",
    )
    assert rows[0]["issuers"] == ["宁州市工业和信息化局"]
    assert rows[1]["doc_number"] == "宁政办发〔2024〕7号"
    assert rows[1]["issuers"] == ["宁州市人民政府办公室"]
    # 12 provisions; clauses on 1.1 1.2 2.3 2.4 3.5; amounts 100家 300家 50万元 20万元 1% 100万元
    assert (rows[1]["provisions"], rows[1]["clauses"], rows[1]["amounts"]) == (12, 5, 6)


def test_documents_table_as_csv(folder: Path) -> None:
    code, out, _ = extract(str(folder / "letter.txt"), "-f", "csv", "--table", "documents")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert len(rows) == 1
    assert rows[0]["kind"] == "函" and rows[0]["provisions"] == "0"
    assert json.loads(rows[0]["issuers"]) == ["宁州市工业和信息化局"]


def test_csv_lists_are_json_arrays_so_names_with_commas_stay_whole() -> None:
    code, out, _ = extract(str(NOTICE), "-f", "csv")
    assert code == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff"), newline=""))}
    assert list(rows) == [f'="{i}"' for i in IDS], "ids in Excel's text form"
    assert json.loads(rows['="1.1"']["lead"]) == UNITS_11
    assert json.loads(rows['="1.2"']["support"]) == ["市财政局"]
    assert rows['="3.5.2"']["parent_id"] == '="3.5"'


def test_csv_columns_do_not_depend_on_the_number_of_inputs(tmp_path: Path) -> None:
    table = FIXTURES / "docx" / "table.docx"
    _, one, _ = extract(str(table), "-f", "csv")
    _, two, _ = extract(str(table), str(NOTICE), "-f", "csv")
    assert one.splitlines()[0] == two.splitlines()[0]
    header = next(csv.reader(io.StringIO(one.lstrip("\ufeff"))))
    assert header[-4:] == ["cells", "start_line", "end_line", "page"]


def test_jsonl_units_table_is_the_long_form() -> None:
    code, out, _ = extract(str(NOTICE), "-f", "jsonl", "--table", "units")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 12
    assert rows[:3] == [
        {"unit": u, "role": "lead", "document": str(NOTICE), "provision": "1.1"} for u in UNITS_11
    ]
    assert rows[4] == {
        "unit": "市财政局",
        "role": "support",
        "document": str(NOTICE),
        "provision": "1.2",
    }


def test_table_needs_a_line_format() -> None:
    code, _, err = extract(str(NOTICE), "--table", "units")
    assert code == 2
    assert err.endswith("Error: --table needs -f csv or jsonl (json holds whole documents)\n")


def test_xlsx_reads_back_with_every_sheet_and_ids_as_text(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    code, _, _ = extract(str(folder / "notice.txt"), str(folder / "letter.txt"), "-o", str(out))
    assert code == 0, "the format comes from the extension"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "documents",
        "provisions",
        "units",
        "deadlines",
        "amounts",
        "warnings",
    ]
    documents = list(book["documents"].values)
    assert documents[0][:2] == ("path", "format")
    assert [row[0] for row in documents[1:]] == [
        str(folder / "notice.txt"),
        str(folder / "letter.txt"),
    ]
    provisions = book["provisions"]
    assert provisions.freeze_panes == "A2"
    header = [c.value for c in provisions[1]]
    ids = [row[header.index("id")] for row in provisions.iter_rows(min_row=2, values_only=True)]
    assert ids == IDS, "text cells: 3.5 is not 3.5 the number, 1.1 not a date"
    assert all(c.data_type == "s" for c in provisions["D"][1:])
    units = list(book["units"].values)
    assert units[0] == ("unit", "role", "document", "provision")
    assert units[3] == ("各县〔市、区〕人民政府", "lead", str(folder / "notice.txt"), "1.1")
    amounts = list(book["amounts"].values)
    assert amounts[0][2:6] == ("value", "unit", "bound", "kind")
    assert amounts[3][2:5] == (500000, "元", "exact")
    # a text column is as wide as its Chinese (two cells a character), capped at 60;
    # xlsxwriter adds its padding of 0.71 to each width
    assert int(book["documents"].column_dimensions["F"].width) == 60
    assert int(book["units"].column_dimensions["A"].width) == len("各县〔市、区〕人民政府") * 2 + 1


def test_sqlite_has_keys_and_answers_queries(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.db"
    code, _, _ = extract(str(folder / "notice.txt"), str(folder / "letter.txt"), "-o", str(out))
    assert code == 0
    db = sqlite3.connect(out)
    assert db.execute(
        "select doc_id, kind, provisions from documents order by doc_id"
    ).fetchall() == [
        (1, "通知", 12),
        (2, "函", 0),
    ]
    ids = [r[0] for r in db.execute("select id from provisions where doc_id = 1")]
    assert ids == IDS
    assert db.execute("select typeof(id) from provisions limit 1").fetchone() == ("text",)
    busiest = db.execute(
        "select unit, count(*) from units where role = 'lead' group by unit order by 2 desc, 1"
    ).fetchall()
    assert busiest[0] == ("市工业和信息化局", 3)  # 1.1, 1.2, 3.5
    lead = db.execute(
        "select group_concat(u.value, '|') from provisions, json_each(provisions.lead) u "
        "where provisions.doc_id = 1 and provisions.id = '1.1'"
    ).fetchone()
    assert lead == ("|".join(UNITS_11),)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into provisions (doc_id, id, text) values (1, '1.1', 'twice')")
    fks = {r[2] for r in db.execute("pragma foreign_key_list(units)")}
    assert fks == {"documents", "provisions"}


def test_batch_combine_into_one_database_or_workbook(folder: Path, tmp_path: Path) -> None:
    combined = tmp_path / "all.sqlite"
    result = CliRunner().invoke(
        main, ["batch", str(folder), "-o", str(tmp_path / "o"), "--combine", str(combined), "-q"]
    )
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(combined)
    rows = db.execute("select path, provisions from documents order by path").fetchall()
    assert rows == [(str(folder / "letter.txt"), 0), (str(folder / "notice.txt"), 12)]
    assert db.execute("select count(*) from units").fetchone() == (12,)
    book_path = tmp_path / "all.xlsx"
    result = CliRunner().invoke(
        main, ["batch", str(folder), "-o", str(tmp_path / "o"), "--combine", str(book_path), "-q"]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(book_path)
    assert [r[0] for r in list(book["documents"].values)[1:]] == [
        str(folder / "letter.txt"),
        str(folder / "notice.txt"),
    ]
    assert len(list(book["units"].values)) == 1 + 12


MIXED = [
    ("seeds", "000.txt"),
    ("seeds", "002.txt"),
    ("pdf", "001.pdf"),
    ("docx", "000.docx"),
    ("html", "002.html"),
]


def test_a_folder_of_real_documents_opens_in_xlsx_and_sqlite(tmp_path: Path) -> None:
    """Done when: every document present, ids intact, every unit whole."""
    root = tmp_path / "mixed"
    root.mkdir()
    for part, name in MIXED:
        source = corpus_path(part, name)
        shutil.copy(source, root / f"{part}_{name}")
    (root / "letter.txt").write_text(LETTER, encoding="utf-8")
    names = sorted(str(p) for p in root.iterdir())
    records = []
    for name in names:
        code, out, _ = extract(name)
        assert code == 0
        records.append(json.loads(out))
    for suffix in ("xlsx", "sqlite"):
        code, _, err = extract(*names, "-o", str(tmp_path / f"all.{suffix}"))
        assert code == 0, err
    db = sqlite3.connect(tmp_path / "all.sqlite")
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert [r[0] for r in db.execute("select path from documents order by doc_id")] == names
    assert [r[0] for r in list(book["documents"].values)[1:]] == names
    want_ids = [(d["source"]["path"], p["id"]) for d in records for p in d["provisions"]]
    assert db.execute("select doc_path, id from provisions").fetchall() == [
        tuple(x) for x in want_ids
    ]
    sheet_ids = [(r[0], r[3]) for r in list(book["provisions"].values)[1:]]
    assert sheet_ids == want_ids
    want_units = [
        (u, p["id"])
        for d in records
        for p in d["provisions"]
        if p["responsibility"]
        for u in p["responsibility"]["lead"] + p["responsibility"]["support"]
    ]
    assert len(want_units) > 50
    assert db.execute("select unit, provision from units").fetchall() == want_units
    assert [(r[0], r[3]) for r in list(book["units"].values)[1:]] == want_units
