"""``policyparse diff`` on two versions of a 2,000-provision document, against parsing them.

    .venv/bin/python benchmarks/diff.py [--articles N] [--repeat R]

The old version is N articles (第N条) taken from the real regulations of
../shared/corpus/laws (synthetic sentences without the corpus); the new one changes every
tenth article a little, inserts one every 25 (renumbering all that follow) and drops one
every 40. Prints the best wall time of the diff and of parsing both versions in the same
run, and their ratio: the figure to compare on a shared machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from policyparse.diff import compare
from policyparse.lexicon.numerals import int_to_cn
from policyparse.pipeline import parse_record

ROOT = Path(__file__).resolve().parent.parent
LAWS = ROOT.parent / "shared" / "corpus" / "laws"


def sentences(n: int) -> list[str]:
    found: list[str] = []
    for path in sorted(LAWS.rglob("*.md")) if LAWS.exists() else []:
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("第") and "条 " in line[:8]:
                found.append(line.split(" ", 1)[1].strip())
                if len(found) >= n:
                    return found
    while len(found) < n:
        k = len(found)
        found.append(f"单位应当按照第{k * 7 % 1000}号标准开展第{k}类工作，并每年报告{k % 13}次。")
    return found


def document(texts: list[str]) -> bytes:
    lines = ["# 基准条例", ""]
    lines += [f"第{int_to_cn(k + 1)}条 {text}\n" for k, text in enumerate(texts)]
    return "\n".join(lines).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    old_texts = sentences(args.articles)
    new_texts = []
    for k, text in enumerate(old_texts):
        if k % 40 == 39:
            continue
        new_texts.append(text[:-1] + "，并向社会公布。" if k % 10 == 3 else text)
        if k % 25 == 7:
            new_texts.append(f"新增的第{k}项规定：有关部门应当加强监督检查。")
    old_data, new_data = document(old_texts), document(new_texts)
    parse_times, diff_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        old = parse_record(old_data, format="md", name="old.md")
        new = parse_record(new_data, format="md", name="new.md")
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        result, alignment = compare(old, new)
        diff_times.append(time.perf_counter() - start)
    summary = {k: v for k, v in result["summary"].items() if k != "obligations_changed" and v}
    print(f"provisions: {len(old['provisions'])} old, {len(new['provisions'])} new")
    print(f"summary: {summary}; comparisons: {alignment.comparisons}")
    print(f"parse both: {min(parse_times):.3f} s   diff: {min(diff_times):.3f} s")
    print(f"diff / parse: {min(diff_times) / min(parse_times):.2f}")


if __name__ == "__main__":
    main()
