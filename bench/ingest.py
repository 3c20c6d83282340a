"""Benchmark: ingest 1,000 reports into a fresh SQLite ledger; prints seconds and reports/s.

Reports are the bundled examples repeated with a varying suffix line so that every one is new content
(the same content twice is a no-op by design). Baseline: the same reports parsed and extracted without
writing (the pure part), so the ratio shows what the ledger costs on top. Both wall-clock and process
CPU time are printed (SQLite runs in the process, so CPU time counts its work too); on a shared machine
the CPU ratio is the one to compare. ``--batch``: the batch path (``storage.ingest_batch``) in this
one process (``workers=0``), instead of one ``ingest_report`` call per report.

``--workers N``: the pipelined batch path ``claimledger ingest FOLDER`` uses (N worker processes
parse and extract while this process writes), against the in-process batch path and the pure
parse+extract, each measured ``--rounds`` times in turn (parse+extract, in-process, pipelined, then
again), every ingest into a fresh ledger. Its figure is the WALL time (the point is to use a second
core); CPU is printed as this process's and the workers' (reaped children's) seconds. As the wall
time depends on what the rest of the machine runs, each round also prints the cores actually
available (two busy loops at once against one, before and after) and, per measurement, how many
cores the rest of the machine kept busy meanwhile (/proc/stat less this run's own CPU).

    python bench/ingest.py [--reports 1000] [--batch]
    python bench/ingest.py --reports 1000 --workers 1 [--rounds 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
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


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy since boot (every process, every container: the
    load of other tenants shows here, not in this process's figures); 0 where /proc/stat is missing."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    ticks = [int(f) for f in fields]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


OTHERS: list[float] = []  # per measurement: cores the rest of the machine kept busy meanwhile


def _pure(docs: list[tuple[str, str]]) -> tuple[float, float, int]:
    t0, c0, m0 = time.perf_counter(), time.process_time(), _machine_busy()
    n_claims = sum(len(extract_claims(parse_report(text, name))) for name, text in docs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    OTHERS.append(max(0.0, _machine_busy() - m0 - cpu) / wall)
    return wall, cpu, n_claims


def _batches(docs: list[tuple[str, str]], workers: int) -> tuple[float, float, float]:
    """Wall, this process's CPU and the workers' CPU of one batch ingest into a fresh ledger."""
    from storage.ingest_batch import IngestFailure, ingest_reports

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.db", cache=False)
        t0, c0, k0, m0 = time.perf_counter(), time.process_time(), _children_cpu(), _machine_busy()
        for outcome in ingest_reports(engine, docs, workers=workers):
            if isinstance(outcome, IngestFailure):
                raise SystemExit(f"not ingested: {outcome.message}")
        wall, cpu, kids = time.perf_counter() - t0, time.process_time() - c0, _children_cpu() - k0
        OTHERS.append(max(0.0, _machine_busy() - m0 - cpu - kids) / wall)
        engine.dispose()
    return wall, cpu, kids


def _spin(n: int) -> None:
    x = 0
    for i in range(n):
        x += i


def cores(n: int = 10_000_000) -> float:
    """The cores this run actually gets now: 2 × (one busy loop alone) / (two at once), ~2 on an idle
    2-core machine, ~1 when the other core is taken (other tenants: the load average does not see
    what the host gives other machines)."""
    ctx = multiprocessing.get_context("fork")

    def timed(k: int) -> float:
        procs = [ctx.Process(target=_spin, args=(n,)) for _ in range(k)]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        return time.perf_counter() - t0

    return 2 * timed(1) / timed(2)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def compare(docs: list[tuple[str, str]], workers: int, rounds: int) -> None:
    print(f"reports: {len(docs)}  workers: {workers}  rounds: {rounds}  load average at start: {_load()}")
    rows: list[tuple[float, float, float, float, float, float, float]] = []
    for r in range(1, rounds + 1):
        before = cores()
        pure, pure_cpu, n_claims = _pure(docs)
        seq, seq_cpu, _ = _batches(docs, 0)
        pipe, pipe_cpu, pipe_kids = _batches(docs, workers)
        after = cores()
        rows.append((pure, pure_cpu, seq, seq_cpu, pipe, pipe_cpu, pipe_kids))
        others = " / ".join(f"{x:.2f}" for x in OTHERS[-3:])
        print(
            f"round {r} ({n_claims} claims, load {_load()}, cores available {before:.2f} before, {after:.2f} after;"
            f" cores the rest of the machine kept busy meanwhile: {others}):"
            f" parse+extract {pure:.2f} s wall (CPU {pure_cpu:.2f} s)"
            f" | in-process batches {seq:.2f} s wall (CPU {seq_cpu:.2f} s)"
            f" | {workers} worker(s) {pipe:.2f} s wall (CPU {pipe_cpu:.2f} s here + {pipe_kids:.2f} s workers"
            f" = {pipe_cpu + pipe_kids:.2f} s)"
        )
        print(
            f"  ratios: pipelined / parse+extract {pipe / pure:.2f}x wall;"
            f" in-process / parse+extract {seq / pure:.2f}x wall ({seq_cpu / pure_cpu:.2f}x CPU);"
            f" pipelined / in-process {pipe / seq:.2f}x wall;"
            f" pipelined CPU (all processes) / in-process CPU {(pipe_cpu + pipe_kids) / seq_cpu:.2f}x;"
            f" this process's CPU, pipelined / parse+extract {pipe_cpu / pure_cpu:.2f}x"
        )

    def med(i: int, j: int) -> float:
        return statistics.median(row[i] / row[j] for row in rows)

    print(f"load average at end: {_load()}")
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak RSS: this process {kb[0] / 1024:.0f} MB (whole run), largest worker {kb[1] / 1024:.0f} MB")
    print(
        f"median over {rounds} rounds: pipelined / parse+extract {med(4, 0):.2f}x wall;"
        f" in-process / parse+extract {med(2, 0):.2f}x wall; pipelined / in-process {med(4, 2):.2f}x wall"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--batch", action="store_true", help="ingest through storage.ingest_batch, in this process")
    ap.add_argument(
        "--workers", type=int, default=None, help="compare the batch path with N workers against it in-process"
    )
    ap.add_argument("--rounds", type=int, default=2, help="with --workers: measurements of each, in turn")
    args = ap.parse_args()
    docs = corpus(args.reports)
    if args.workers is not None:
        compare(docs, args.workers, args.rounds)
        return
    pure, pure_cpu, n_claims = _pure(docs)
    if args.batch:
        full, full_cpu, _ = _batches(docs, 0)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{tmp}/bench.db", cache=False)
            t0, c0 = time.perf_counter(), time.process_time()
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
