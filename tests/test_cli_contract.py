"""The command line without surprises: each point with its exact message and exit code.

Modelled on sqlite-utils' tests/test_cli*.py: CliRunner where the process does not
matter, a real process where it does (signals, pipes, file modes).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyparse.cli import main

from .conftest import FIXTURES

NOTICE = FIXTURES / "examples" / "notice.txt"
BIG5 = (
    "臺北市政府關於推動數位轉型的實施方案\n一、總體目標\n"
    "（一）建立資料平臺。（責任單位：市資訊局）\n"
)


def invoke(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def process(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "policyparse", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


# -- usage errors exit 2 ---------------------------------------------------------------


def test_output_onto_an_existing_file_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = invoke("extract", str(NOTICE), "-o", str(out))
    assert code == 2
    assert err.endswith(
        f"Error: Invalid value for '-o' / '--output': {out}: already exists "
        "(use --force to overwrite)\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me"


def test_unknown_input_format_is_reported_once(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("一、总则\n", encoding="utf-8")
    code, _, err = invoke("extract", str(NOTICE), str(other), "--input-format", "xyz")
    assert code == 2
    message = (
        "Error: Invalid value for '--input-format': unknown input format 'xyz' "
        "(choose from txt, md, html, docx, pdf, doc, ofd, png, jpeg, tiff)\n"
    )
    assert err.endswith(message)
    assert err.count("xyz") == 1


def test_batch_on_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = invoke("batch", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert err.endswith(
        f"Error: Invalid value for 'DIR': Directory '{tmp_path / 'nope'}' does not exist.\n"
    )


def test_unknown_encoding_is_a_usage_error() -> None:
    code, _, err = invoke("extract", str(NOTICE), "--encoding", "klingon")
    assert code == 2
    assert err.endswith("Error: Invalid value for '--encoding': unknown encoding 'klingon'\n")


# -- no silent empties ------------------------------------------------------------------


def test_batch_of_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.xlsx").write_bytes(b"not ours")
    code, _, err = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert err == (
        f"policyparse: error: {tmp_path / 'in'}: no documents to convert "
        "(looked for .txt .text .md .markdown .html .htm .shtml .xhtml .docx .pdf"
        " .doc .wps .ofd .png .jpg .jpeg .tif .tiff)\n"
    )
    assert not (tmp_path / "out").exists()


def test_units_of_an_empty_folder_says_so(tmp_path: Path) -> None:
    code, out, err = invoke("units", str(tmp_path))
    assert code == 1
    assert out == ""
    assert err == f"policyparse: error: {tmp_path}: no documents found\n"


def test_own_json_output_is_refused_as_an_input(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert invoke("extract", str(NOTICE), "-o", str(out))[0] == 0
    code, stdout, err = invoke("extract", str(out))
    assert code == 1
    assert stdout == ""
    assert err == (
        f"policyparse: error: {out}: is policyparse's own JSON output, not a document "
        "(policyparse units reads it)\n"
    )


# -- signals and pipes ------------------------------------------------------------------


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("policyparse.pipeline.parse_record", interrupted)
    code, _, err = invoke("extract", str(NOTICE))
    assert code == 130
    assert err == "policyparse: interrupted\n"


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="Linux /proc")
def test_ctrl_c_on_a_waiting_process_exits_130() -> None:
    child = process("extract", "-", stdin=subprocess.PIPE)
    # Interrupt once the child is blocked reading stdin: /proc says so (syscall 0, fd 0),
    # so the signal never lands before Python's own handler is installed.
    syscall = Path(f"/proc/{child.pid}/syscall")
    for _ in range(12000):  # a minute at most on a loaded machine
        if child.poll() is not None or syscall.read_text().startswith("0 0x0 "):
            break
        time.sleep(0.005)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err.decode() == "policyparse: interrupted\n"


def test_a_closed_pipe_ends_quietly_with_0(tmp_path: Path) -> None:
    # `units … | head -1`: the reader is gone before the first write.
    read, write = os.pipe()
    os.close(read)
    child = subprocess.run(
        [sys.executable, "-m", "policyparse", "units", str(NOTICE)],
        stdout=write,
        stderr=subprocess.PIPE,
        check=False,
    )
    os.close(write)
    assert child.returncode == 0
    assert child.stderr == b""


def test_extract_into_a_closed_pipe_ends_quietly_with_0() -> None:
    read, write = os.pipe()
    os.close(read)
    child = subprocess.run(
        [sys.executable, "-m", "policyparse", "extract", str(NOTICE), "-f", "jsonl"],
        stdout=write,
        stderr=subprocess.PIPE,
        check=False,
    )
    os.close(write)
    assert (child.returncode, child.stderr) == (0, b"")


# -- where outputs go -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "starts"),
    [
        (".json", b'{\n  "schema_version"'),
        (".jsonl", b'{"doc_path"'),
        (".csv", "\ufeffdoc_path,".encode()),
        (".xlsx", b"PK\x03\x04"),
        (".sqlite", b"SQLite format 3\x00"),
        (".db", b"SQLite format 3\x00"),
    ],
)
def test_output_format_follows_the_extension(tmp_path: Path, suffix: str, starts: bytes) -> None:
    out = tmp_path / f"out{suffix}"
    assert invoke("extract", str(NOTICE), "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(starts)


def test_an_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert invoke("extract", str(NOTICE), "-o", str(out), "-f", "jsonl")[0] == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "1"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_honour_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        for name in ("out.json", "out.sqlite", "out.xlsx"):
            assert invoke("extract", str(NOTICE), "-o", str(tmp_path / name))[0] == 0
        invoke("batch", str(NOTICE.parent), "-o", str(tmp_path / "b"), "-q", "-j", "1")
    finally:
        os.umask(old)
    written = ["out.json", "out.sqlite", "out.xlsx", "b/notice.txt.json", "b/.policyparse-stamps"]
    modes = {name: stat.S_IMODE((tmp_path / name).stat().st_mode) for name in written}
    assert modes == dict.fromkeys(written, mode)


def test_dash_is_stdout(tmp_path: Path) -> None:
    code, out, _ = invoke("extract", str(NOTICE), "-o", "-", "-f", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == 12
    assert not Path("-").exists()


def test_dev_null_works_without_force() -> None:
    assert invoke("extract", str(NOTICE), "-o", os.devnull)[0] == 0
    assert invoke("extract", str(NOTICE), "-o", os.devnull, "-f", "sqlite")[0] == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode), "still a device"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_special_file_is_written_in_place_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    code, _, _ = invoke("extract", str(NOTICE), "-o", str(fifo), "-f", "jsonl", "--force")
    out, _ = reader.communicate(timeout=30)
    assert code == 0
    assert len(out.splitlines()) == 12
    assert stat.S_ISFIFO(fifo.stat().st_mode), "--force did not rename a file over the FIFO"


def test_binary_format_is_refused_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("policyparse.output.stdout_is_terminal", lambda: True)
    code, _, err = invoke("extract", str(NOTICE), "-f", "sqlite")
    assert code == 2
    assert err.endswith("Error: sqlite is binary; name a file with -o (or redirect stdout)\n")


# -- one input, many inputs -------------------------------------------------------------


def test_json_is_an_object_for_one_input_and_an_array_with_array(tmp_path: Path) -> None:
    assert json.loads(invoke("extract", str(NOTICE))[1])["meta"]["kind"] == "通知"
    one = json.loads(invoke("extract", str(NOTICE), "--array")[1])
    assert [d["meta"]["kind"] for d in one] == ["通知"]
    two = json.loads(invoke("extract", str(NOTICE), str(NOTICE))[1])
    assert len(two) == 2


def test_date_raw_has_no_padding(tmp_path: Path) -> None:
    # A web page's 发布时间 field, padded with no-break spaces before the next field.
    page = tmp_path / "p.txt"
    page.write_text(
        "吉林省人民政府关于实施工程的意见\n"
        "发布时间:2022-01-19 10:57:00\u00a0\u00a0\u00a0\u00a0\u00a0 来源:吉林省政府\n"
        "一、总体要求\n（一）加强领导。\n",
        encoding="utf-8",
    )
    meta = json.loads(invoke("extract", str(page))[1])["meta"]
    assert meta["date_raw"] == "2022-01-19 10:57:00"


# -- encodings --------------------------------------------------------------------------


def test_big5_is_read_as_big5_not_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "tw.txt"
    path.write_bytes(BIG5.encode("big5"))
    doc = json.loads(invoke("extract", str(path))[1])
    assert doc["source"]["encoding"] == "big5"
    assert doc["meta"]["title"] == "臺北市政府關於推動數位轉型的實施方案"


def test_a_doubtful_decode_is_a_warning_not_silence(tmp_path: Path) -> None:
    # Big5 bytes with one byte pair Big5 does not define: not Big5, and as GB18030 mojibake
    path = tmp_path / "odd.txt"
    path.write_bytes(BIG5.encode("big5") + b"\xa3\xe1\n")
    code, out, _ = invoke("extract", str(path))
    assert code == 0
    doc = json.loads(out)
    assert doc["source"]["encoding"] == "gb18030"
    doubts = [w for w in doc["warnings"] if w["code"] == "encoding-doubtful"]
    assert len(doubts) == 1
    assert doubts[0]["message"].endswith(
        "the text may be mojibake (name the encoding with --encoding)"
    )


def test_encoding_option_decodes_as_told(tmp_path: Path) -> None:
    path = tmp_path / "tw.txt"
    path.write_bytes(BIG5.encode("big5"))
    doc = json.loads(invoke("extract", str(path), "--encoding", "big5")[1])
    assert doc["source"]["encoding"] == "big5"
    assert doc["provisions"][0]["label"] == "一、"
    code, _, err = invoke("extract", str(path), "--encoding", "utf-8")
    assert code == 1
    assert err.startswith(f"policyparse: error: {path}: does not decode as utf-8: ")


def test_encoding_option_wins_over_a_page_charset(tmp_path: Path) -> None:
    page = tmp_path / "tw.html"
    body = "".join(f"<p>{line}</p>" for line in BIG5.splitlines())
    html = f"<html><head><meta charset=gbk><title>t</title></head><body>{body}</body></html>"
    page.write_bytes(html.encode("big5"))
    doc = json.loads(invoke("extract", str(page), "--encoding", "big5")[1])
    assert doc["source"]["encoding"] == "big5"
    assert [p["label"] for p in doc["provisions"]] == ["一、", "（一）"]


# -- units --------------------------------------------------------------------------------


def test_units_reads_globs_and_batch_outputs(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("batch", str(root), "-o", str(out), "-q", "-j", "1")[0] == 0
    from_outputs = invoke("units", str(out), "-f", "jsonl")
    from_glob = invoke("units", str(tmp_path / "in" / "*.txt"), "-f", "jsonl")
    assert from_outputs[0] == from_glob[0] == 0
    assert from_outputs[1] == from_glob[1]
    rows = [json.loads(line) for line in from_glob[1].splitlines()]
    assert len(rows) == 12
    assert rows[2] == {
        "unit": "各县〔市、区〕人民政府",
        "role": "lead",
        "document": str(root / "a.txt"),
        "provision": "1.1",
        "written": "各县〔市、区〕人民政府",
    }


def test_units_glob_that_matches_nothing(tmp_path: Path) -> None:
    code, _, err = invoke("units", str(tmp_path / "*.pdf"))
    assert code == 1
    assert err == f"policyparse: error: {tmp_path / '*.pdf'}: no file matches\n"


def test_units_table_goes_to_stderr_only_when_asked() -> None:
    code, out, err = invoke("units", str(NOTICE))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "unit\trole\tdocument\tprovision\twritten"
    code, out_with_table, err = invoke("units", str(NOTICE), "--table")
    assert out_with_table == out
    assert "Responsibility matrix" in err
    assert "notice.txt#1.1" in err
