"""Benchmark: ingest 1,000 reports into a fresh SQLite ledger; prints seconds and reports/s.

Reports are the bundled examples repeated with a varying suffix line so that every one is new content
(the same content twice is a no-op by design). Baseline: the same reports parsed and extracted without
writing (the pure part), so the ratio shows what the ledger costs on top. Both wall-clock and process
CPU time are printed (SQLite runs in the process, so CPU time counts its work too); on a shared machine
the CPU ratio is the one to compare. ``--batch``: the batch path (``storage.ingest_batch``, what
``claimledger ingest FOLDER`` uses) instead of one ``ingest_report`` call per report.

    python bench/ingest.py [--reports 1000] [--batch]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from claims.extract import extract_claims
from claims.report import parse_report
from storage.db import make_engine
from storage.ingest import ingest_report

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[tuple[str, str]]:
    seeds = sorted((ROOT / "examples" / "reports").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    return [(f"bench_{i:05d}.txt", texts[i % len(texts)] + f"\n\n编号 {i}\n") for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--batch", action="store_true", help="ingest through storage.ingest_batch")
    args = ap.parse_args()
    docs = corpus(args.reports)
    t0, c0 = time.perf_counter(), time.process_time()
    n_claims = sum(len(extract_claims(parse_report(text, name))) for name, text in docs)
    pure, pure_cpu = time.perf_counter() - t0, time.process_time() - c0
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.db", cache=False)
        t0, c0 = time.perf_counter(), time.process_time()
        if args.batch:
            from storage.ingest_batch import ingest_reports

            for _outcome in ingest_reports(engine, docs):
                pass
        else:
            for name, text in docs:
                ingest_report(engine, name, text)
        full, full_cpu = time.perf_counter() - t0, time.process_time() - c0
        engine.dispose()
    how = "batches" if args.batch else "one ingest_report per report"
    print(f"reports: {len(docs)}  claims: {n_claims}")
    print(
        f"baseline parse+extract only: {pure:.2f} s  ({len(docs) / pure:.0f} reports/s), CPU {pure_cpu:.2f} s"
    )
    print(
        f"ingest into SQLite ({how}): {full:.2f} s  ({len(docs) / full:.0f} reports/s), CPU {full_cpu:.2f} s"
    )
    print(f"ratio ingest / parse+extract: {full / pure:.2f}x wall, {full_cpu / pure_cpu:.2f}x CPU")


if __name__ == "__main__":
    main()
