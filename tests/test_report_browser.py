"""policyparse report in a real browser: headless Chromium with a CJK font, driven by
playwright's Python API with the system's browser (nothing is downloaded at run time).

Skipped, with the reason, when playwright (pip install '.[report-test]') or
/usr/bin/chromium (apt-get install chromium fonts-wqy-microhei) is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policyparse.cli import main

from .conftest import FIXTURES

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright not installed (pip install '.[report-test]')"
)
if not CHROMIUM.exists():
    pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _open(browser: Any, tmp_path: Path, *inputs: str) -> tuple[Any, list[str], list[str]]:
    """The report of ``inputs`` opened from disk; the requests it made and its errors."""
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *inputs, "-o", str(out)])
    assert out.exists(), result.output
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def count(route: Any) -> None:
        requests.append(route.request.url)
        route.continue_()

    page.route("**/*", count)
    page.goto(out.as_uri())
    page.wait_for_selector("#view > *")
    return page, [u for u in requests if u != out.as_uri()], errors


def test_notice_click_marks_source_lines(browser: Any, tmp_path: Path) -> None:
    page, requests, errors = _open(browser, tmp_path, str(FIXTURES / "examples" / "notice.txt"))
    page.click('.prov[data-id="1.2"]')
    marked = page.locator(".row.sel")
    assert marked.count() == 1
    assert marked.locator(".ln").inner_text() == "14"
    assert marked.locator("mark.m-lead").inner_text() == "市工业和信息化局"
    assert marked.locator("mark.m-support").inner_text() == "市财政局"
    # 3.5 covers lines 19–23: its three items and its own clause after them (line 23)
    page.click('.prov[data-id="3.5"]')
    assert page.locator(".row.sel .ln").all_inner_texts() == ["19", "20", "21", "22", "23"]
    assert "宁政办发〔2024〕7号" in page.locator("#meta-card").inner_text()
    page.screenshot(path=str(tmp_path / "notice.png"))
    assert requests == [] and errors == []


def test_task_table_rows_are_marked(browser: Any, tmp_path: Path) -> None:
    page, requests, errors = _open(
        browser, tmp_path, str(FIXTURES / "tables" / "numbered_rows.txt")
    )
    page.click('.prov[data-id="2"]')
    assert page.locator(".row.sel .tx").all_inner_texts() == [
        "2",
        "发展特色产业",
        "培育县级以上龙头企业20家，新增农民专业合作社50家。",
        "县农业农村局、县商务局",
        "2024年12月31日前",
    ]
    assert page.locator(".row.sel mark.m-deadline").inner_text() == "2024年12月31日前"
    page.screenshot(path=str(tmp_path / "table.png"))
    assert requests == [] and errors == []


def test_folder_table_filter_and_matrix(browser: Any, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs", folder, ignore=shutil.ignore_patterns("*.json"))
    total = len(list(folder.iterdir()))
    page, requests, errors = _open(browser, tmp_path, str(folder))
    rows = page.locator("#doc-table tbody tr")
    assert rows.count() == total
    page.fill("#doc-filter", "cl_zj_lead_support")
    assert rows.count() == 1
    page.screenshot(path=str(tmp_path / "documents.png"))
    rows.first.click()
    page.wait_for_selector("#tree")
    first = page.locator(".prov").first
    first.click()
    assert page.locator(".row.sel").count() >= 1
    page.click("#tab-matrix")
    page.wait_for_selector("#matrix-table")
    lead = int(page.locator("#total-lead").inner_text())
    shown = sum(int(x) for x in page.locator("#matrix-table tbody td.l-count").all_inner_texts())
    assert lead == shown > 0
    page.locator("#matrix-table td.cell").first.click()
    assert page.locator("#popup a").count() >= 1
    page.screenshot(path=str(tmp_path / "matrix.png"))
    assert requests == [] and errors == []
