"""bench/extract.py runs end to end on a tiny corpus (the real run is `python bench/extract.py`)."""

from __future__ import annotations

from types import ModuleType

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
