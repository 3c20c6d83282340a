"""bench/extract.py runs end to end on a tiny corpus (the real run is `python bench/extract.py`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.support.benches import load_bench


def _bench() -> ModuleType:
    return load_bench("extract")


def test_corpus_reaches_its_size_with_distinct_reports() -> None:
    bench = _bench()
    docs = bench.corpus(0.2)
    assert bench.megabytes(docs) >= 0.2
    assert len({text for _, text in docs}) == len(docs)


def test_bench_functions_measure_something() -> None:
    bench = _bench()
    docs = bench.corpus(0.05)
    wall, cpu, claims = bench.bench_extract(docs)
    assert wall > 0 and cpu > 0 and claims > 0
    seconds, digits = bench.bench_digit_scan(docs)
    assert seconds >= 0 and digits > 0


def test_value_library_bench_scores_our_reader() -> None:
    """bench/value_libraries.py scores a reader on a family of vectors (the libraries themselves are optional)."""
    bench = load_bench("value_libraries")
    dates = bench.family(bench.load_vectors(), "date")
    assert len(dates) >= 50 and all(e["kind"] == "date" for v in dates for e in v.expected)
    ok, total, _ = bench.accuracy(bench.ours, dates)
    assert ok / total >= 0.95
    assert bench._currency("US$") == "USD" and bench._currency("€") == "EUR" and bench._currency("¥") is None


def test_identity_bench_sees_a_changed_claim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/extract_identity.py: a snapshot equals itself, its variants are made, and a changed claim shows."""
    import json

    bench = load_bench("extract_identity")
    report = tmp_path / "r.md"
    report.write_text("# 日报\n\n## 融资\n\nKestrel AI 完成 45 亿美元 D 轮融资，投后估值 620 亿美元。\n\n另一段 2026 年 3 月。\n",
                      encoding="utf-8")
    snap = json.loads(json.dumps(bench.snapshot([tmp_path], variants=True), ensure_ascii=False, sort_keys=True))
    assert set(snap) == {str(report), f"{report}#shifted", f"{report}#shuffled"}
    assert any(c["kind"] == "money" for c in snap[str(report)]["claims"])
    assert snap[f"{report}#shifted"] != snap[str(report)]  # other figures: other claims
    before = tmp_path / "before.json"
    before.write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["extract_identity", "--check", str(before), "--variants", str(tmp_path)])
    assert bench.main() == 0
    report.write_text(report.read_text(encoding="utf-8").replace("45", "46"), encoding="utf-8")
    assert bench.main() == 1
