"""bench/pairs.py runs end to end on sentence pairs of our own (the real run takes a parallel corpus)."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

from tests.support.benches import load_bench

# our own pairs, in the shape of a zh,en news test set
PAIRS = [
    ("公司去年营收达到 45 亿美元，同比增长 12%。", "The company's revenue reached $4.5 billion last year, up 12% year on year."),
    ("该工厂计划在 2027 年 3 月投产，雇用 1200 名员工。", "The plant is due to open in March 2027 and will employ 1,200 workers."),
    ("今天天气很好。", "The weather is fine today."),  # no figure: left out
]


def _bench() -> ModuleType:
    return load_bench("pairs")


def test_pairs_become_reports_citing_one_page_each(tmp_path: Path) -> None:
    bench = _bench()
    path = tmp_path / "pairs.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([("0", "1"), *PAIRS])
    pairs = bench.read_pairs([path], 10)
    assert len(pairs) == 2
    reports, archive = bench.build_corpus(pairs, 1, tmp_path / "corpus", distractors=1)
    assert len(reports) == 2 and (archive / "manifest.json").exists()
    records = bench.base_run(reports, archive, tmp_path / "ledger.db")
    figures = [r for r in records if r["checkworthy"] and r["kind"] in {"money", "percent", "count", "date"}]
    assert {r["key"] for r in figures} >= {"45 亿美元", "12%", "1200 名"}
    verified = [r for r in figures if r["status"] == "verified"]
    assert len(verified) >= 3  # translations that agree are verified across the two languages
    assert bench.pair_of(reports[verified[0]["report"]], verified[0]["start"]) in (0, 1)
