"""Benchmark: parse + extract throughput on the bundled reports, against a bare digit scan.

The five example reports are repeated (each copy a separate report, as ingest sees them) until the
corpus reaches ``--mb`` megabytes of UTF-8. The baseline is the cheapest thing that still looks at
every character: one regex scan for runs of digits over the same text. The ratio says how many
times slower the real reading is than that floor.

    python bench/extract.py [--mb 10]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from claims.extract import extract_claims
from claims.report import parse_report

ROOT = Path(__file__).resolve().parent.parent
_DIGITS = re.compile(r"\d+")


def seed_texts() -> list[tuple[str, str]]:
    return [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples" / "reports").glob("*.txt"))
    ]


def corpus(megabytes: float) -> list[tuple[str, str]]:
    """The seeds repeated to at least ``megabytes`` MB; each copy differs by a trailing line, so no
    cache can recognise a repeat."""
    seeds = seed_texts()
    docs: list[tuple[str, str]] = []
    size = 0
    i = 0
    while size < megabytes * 1e6:
        name, text = seeds[i % len(seeds)]
        doc = f"{text}\n\n编号 {i}\n"
        docs.append((f"{i:05d}_{name}", doc))
        size += len(doc.encode("utf-8"))
        i += 1
    return docs


def megabytes(docs: list[tuple[str, str]]) -> float:
    return sum(len(text.encode("utf-8")) for _, text in docs) / 1e6


def bench_extract(docs: list[tuple[str, str]]) -> tuple[float, float, int]:
    """Wall and CPU seconds to parse and extract every document, and the number of claims found.

    CPU time is printed too because a shared machine makes wall time noisy."""
    t0, c0 = time.perf_counter(), time.process_time()
    claims = sum(len(extract_claims(parse_report(text, name))) for name, text in docs)
    return time.perf_counter() - t0, time.process_time() - c0, claims


def bench_digit_scan(docs: list[tuple[str, str]]) -> tuple[float, int]:
    """Seconds for the baseline: find every run of digits in every document."""
    t0 = time.perf_counter()
    found = sum(len(_DIGITS.findall(text)) for _, text in docs)
    return time.perf_counter() - t0, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args = ap.parse_args()
    docs = corpus(args.mb)
    size = megabytes(docs)
    bench_extract(docs[:5])  # warm-up: data files, regexes, OpenCC
    t_extract, cpu_extract, n_claims = bench_extract(docs)
    t_scan, n_digits = bench_digit_scan(docs)
    extract_rate, scan_rate = size / t_extract, size / t_scan
    print(f"corpus: {len(docs)} reports, {size:.1f} MB")
    print(f"parse+extract: {t_extract:8.2f} s  {extract_rate:8.2f} MB/s  ({n_claims} claims; "
          f"CPU {cpu_extract:.2f} s = {size / cpu_extract:.2f} MB/s)")
    print(f"digit scan   : {t_scan:8.2f} s  {scan_rate:8.2f} MB/s  ({n_digits} digit runs)  [baseline]")
    print(f"ratio        : parse+extract is {scan_rate / extract_rate:.0f}x slower than the bare digit scan")


if __name__ == "__main__":
    main()
