"""Scaling benchmark: ingest, verify, grouping and one-source re-verify against ledger size.

For each size (a number of reports, a multiple of the five examples) a fresh SQLite ledger is built
the way ``bench/verify.py`` builds one: copy 0 is the examples, copies 1…N-1 rename the reports,
give their cited pages hosts of their own and vary some figures (so the reports overlap realistically:
same sentences, some disagreeing figures), and each live source gets ``--versions`` snapshots.

Every phase runs in a process of its own so that its peak RSS is its own:

- ingest: ``storage.ingest.ingest_report`` for the examples, ``storage.ingest_batch.ingest_reports`` for
  their copies (timed apart from snapshot loading);
- verify: ``verify_claims`` over the whole ledger;
- grouping: a full ``regroup`` of the grouping index (the work ingest already did report by report);
  with ``--whole-pass`` also the whole-ledger in-memory pass it replaced (``find_conflicts``);
- re-verify one source: ``verify_claims(source_ids=[…])`` for the copy-0 source cited most often
  (each copy cites its own hosts, so the claims citing it do not grow with the ledger), timed on its
  second to sixth runs in the process (a worker's steady state; the median, wall clock and CPU); the
  first, which also loads the dictionaries, is printed beside it;
- baseline: rapidfuzz ``partial_ratio`` of each claim against each cited page (no writes).

The fitted exponent is the slope of log(time) against log(claims) between consecutive sizes.

    python bench/scale.py [--sizes 100,1000] [--versions 2] [--keep DIR] [--phases verify,grouping,…]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PHASES = ("verify", "grouping", "reverify", "baseline")
OPTIONAL = ("grouping_pass",)
_WARM_RUNS = 5  # warm one-source re-verifies timed (their median is reported): a tenth of a second is noisy


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU time (user + system) of this process so far: steadier than wall clock on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def phase_build(url: str, reports: int, versions: int) -> dict[str, Any]:
    """Build the ledger; the time of ingesting the reports is measured apart from the snapshots."""
    import verify as vb  # bench/verify.py

    timed: dict[str, float] = {"ingest": 0.0}
    real_one, real_many = vb.ingest_report, vb.ingest_many

    def timed_call(real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                timed["ingest"] += time.perf_counter() - t0
                timed["ingest_peak_mb"] = _peak_mb()  # before the snapshots are written

        return call

    # the examples one by one, their copies in batches (as `claimledger ingest FOLDER` writes them)
    vb.ingest_report, vb.ingest_many = timed_call(real_one), timed_call(real_many)  # type: ignore[attr-defined]
    started = time.perf_counter()
    engine, counts = vb.build(url, max(1, reports // 5), versions)
    engine.dispose()
    return {**counts, "ingest_s": timed["ingest"], "ingest_peak_mb": timed["ingest_peak_mb"],
            "build_s": time.perf_counter() - started}


def phase_verify(url: str) -> dict[str, Any]:
    from storage.db import make_engine
    from verifier.verify import verify_claims

    engine = make_engine(url, cache=False)
    t0 = time.perf_counter()
    summary = verify_claims(engine)
    return {"seconds": time.perf_counter() - t0, "claims": summary.claims}


def phase_grouping(url: str) -> dict[str, Any]:
    """A full ``regroup`` (the maintenance rebuild of the grouping index): ingest does this work report
    by report as it goes, so this is also the total grouping cost the ingest phase paid."""
    from storage.db import make_engine, session_scope
    from storage.groups import regroup

    engine = make_engine(url, cache=False)
    t0 = time.perf_counter()
    with session_scope(engine) as session:
        summary = regroup(session)
    return {"seconds": time.perf_counter() - t0, "members": summary.claims, "compared": summary.compared,
            "conflicts": summary.conflicts, "capped": summary.capped}


def phase_grouping_pass(url: str) -> dict[str, Any]:
    """The whole-ledger pass the index replaces (every grouped claim in memory, ``find_conflicts``)."""
    from storage.db import make_engine, session_scope
    from storage.evidence import claims_to_verify
    from storage.groups import conflicts_of
    from verifier.verify import _conflicts

    engine = make_engine(url, cache=False)
    t0 = time.perf_counter()
    with session_scope(engine) as session:
        claims = claims_to_verify(session)[0]
    conflicts = _conflicts(claims)
    seconds = time.perf_counter() - t0
    with session_scope(engine) as session:  # how far the capped index is from the whole pass
        indexed = conflicts_of(session, [c.id for c in claims])
    ids = set(conflicts) | set(indexed)
    return {"seconds": seconds, "members": len(claims), "pass_in_conflict": len(conflicts),
            "index_in_conflict": len(indexed), "both_in_conflict": len(set(conflicts) & set(indexed)), "either_in_conflict": len(ids),
            "same_partners": sum(1 for i in ids if conflicts.get(i) == indexed.get(i))}


def phase_reverify(url: str) -> dict[str, Any]:
    import re

    from sqlalchemy import func
    from sqlmodel import col, select

    from storage.db import make_engine, session_scope
    from storage.models import Claim, SectionSource, Source
    from verifier.verify import verify_claims

    engine = make_engine(url, cache=False)
    with session_scope(engine) as session:
        rows = session.exec(
            select(Source.id, Source.url, func.count(col(Claim.id)))
            .join(SectionSource, col(SectionSource.source_id) == col(Source.id))
            .join(Claim, col(Claim.section_id) == col(SectionSource.section_id))
            .where(col(Source.state) == "ok")
            .group_by(col(Source.id), col(Source.url))
            .order_by(func.count(col(Claim.id)).desc(), col(Source.id))
        ).all()
    copy_host = re.compile(r"^https://c\d+\.")
    row = next((r for r in rows if not copy_host.match(r[1])), None)
    assert row is not None, "no live source in the ledger"
    t0, c0 = time.perf_counter(), _cpu_s()
    summary = verify_claims(engine, source_ids=[int(row[0])])
    cold = time.perf_counter() - t0  # includes loading the dictionaries (jieba, CC-CEDICT) once per process
    cpu_cold = _cpu_s() - c0
    walls, cpus = [], []
    for _ in range(_WARM_RUNS):  # as a worker that has verified before does it; the median of a few runs
        t0, c0 = time.perf_counter(), _cpu_s()
        verify_claims(engine, source_ids=[int(row[0])])
        walls.append(time.perf_counter() - t0)
        cpus.append(_cpu_s() - c0)
    return {"seconds": statistics.median(walls), "cold_s": cold, "cpu_warm_s": statistics.median(cpus),
            "cpu_cold_s": cpu_cold, "warm_runs": len(walls), "claims": summary.claims, "source_id": row[0]}


def phase_baseline(url: str) -> dict[str, Any]:
    import verify as vb  # bench/verify.py

    from storage.db import make_engine

    _scores, seconds, claims = vb.baseline(make_engine(url, cache=False))
    return {"seconds": seconds, "claims": claims}


def _run(args: list[str]) -> dict[str, Any]:
    """One phase in a fresh interpreter: its result and its own peak RSS."""
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"phase {args[1]} failed:\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _slope(xs: list[float], ys: list[float]) -> float:
    return (math.log(ys[-1]) - math.log(ys[0])) / (math.log(xs[-1]) - math.log(xs[0]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000", help="comma-separated report counts (default 100,1000)")
    ap.add_argument("--versions", type=int, default=2, help="snapshots per live source (default 2)")
    ap.add_argument("--whole-pass", action="store_true",
                    help="also time the whole-ledger grouping pass the index replaces (slow at 1,000 reports)")
    ap.add_argument("--keep", metavar="DIR",
                    help="keep each ledger as DIR/scale-N.db (for re-running one phase on it with --phase/--db)")
    ap.add_argument("--phases", default=",".join(PHASES),
                    help=f"comma-separated phases to run after the build, in this order (default {','.join(PHASES)})")
    ap.add_argument("--phase", choices=("build", *PHASES, *OPTIONAL), help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--reports", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:  # a child process
        fn = {"build": lambda: phase_build(a.db, a.reports, a.versions), "verify": lambda: phase_verify(a.db),
              "grouping": lambda: phase_grouping(a.db), "grouping_pass": lambda: phase_grouping_pass(a.db),
              "reverify": lambda: phase_reverify(a.db),
              "baseline": lambda: phase_baseline(a.db)}[a.phase]
        result = fn()
        print(json.dumps({**result, "peak_mb": _peak_mb(), "cpu_s": _cpu_s()}))
        return
    phases = [p for p in a.phases.split(",") if p]
    unknown = set(phases) - set(PHASES) - set(OPTIONAL)
    if unknown:
        ap.error(f"unknown phases: {', '.join(sorted(unknown))}")
    if a.whole_pass and "grouping_pass" not in phases:
        phases.append("grouping_pass")
    rows: list[dict[str, Any]] = []
    for n in (int(s) for s in a.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scale.db"
            if a.keep:
                Path(a.keep).mkdir(parents=True, exist_ok=True)
                path = Path(a.keep) / f"scale-{n}.db"
                for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    stale.unlink(missing_ok=True)
            url = f"sqlite:///{path}"
            row: dict[str, Any] = {"reports": n, "build": _run(["--phase", "build", "--db", url, "--reports", str(n),
                                                                "--versions", str(a.versions)])}
            b = row["build"]
            print(f"{n} reports: {b['claims']} claims, {b['snapshots']} snapshots, {b['sources']} sources"
                  + (f" (ledger kept at {path})" if a.keep else ""), flush=True)
            print(f"  ingest   {b['ingest_s']:8.2f} s  peak {b['ingest_peak_mb']:6.0f} MB (build incl. snapshots "
                  f"{b['build_s']:.1f} s, {b['cpu_s']:.1f} s CPU, peak {b['peak_mb']:.0f} MB)", flush=True)
            for phase in phases:
                r = row[phase] = _run(["--phase", phase, "--db", url])
                extra = f"  ({r['claims']} claims)" if "claims" in r else f"  ({r['members']} members)"
                if "cold_s" in r:
                    extra += f", first run in a fresh process {r['cold_s']:.2f} s"
                    if "cpu_warm_s" in r:
                        extra += f" (CPU {r['cpu_cold_s']:.2f} s first, {r['cpu_warm_s']:.2f} s warm)"
                if "pass_in_conflict" in r:
                    extra += (f"; claims in a conflict: whole pass {r['pass_in_conflict']}, index {r['index_in_conflict']}, "
                              f"both {r['both_in_conflict']}; the same partners for {r['same_partners']} of the "
                              f"{r['either_in_conflict']} claims either flags")
                if "compared" in r:
                    extra += f", {r['compared']} pairs compared, {r['conflicts']} conflicts, {r['capped']} capped look-ups"
                print(f"  {phase:8s} {r['seconds']:8.2f} s  peak {r['peak_mb']:6.0f} MB  CPU {r['cpu_s']:8.2f} s{extra}",
                      flush=True)
        if "grouping" in row and "verify" in row:
            print(f"  grouping / verify: {row['grouping']['seconds'] / row['verify']['seconds']:.2f}", flush=True)
        if "baseline" in row and "verify" in row:
            print(f"  verify / baseline: {row['verify']['seconds'] / row['baseline']['seconds']:.2f}", flush=True)
        rows.append(row)
    if len(rows) >= 2:
        claims = [float(r["build"]["claims"]) for r in rows]
        for phase in (p for p in ("verify", "grouping", "baseline") if p in phases):
            times = [r[phase]["seconds"] for r in rows]
            print(f"exponent of {phase} time vs claims ({rows[0]['reports']}→{rows[-1]['reports']} reports): "
                  f"{_slope(claims, times):.2f}")
        if "reverify" in phases:
            re_times = [r["reverify"]["seconds"] for r in rows]
            print(f"one-source re-verify, largest / smallest ledger: {re_times[-1] / re_times[0]:.2f}")


if __name__ == "__main__":
    main()
