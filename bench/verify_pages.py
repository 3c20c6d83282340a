"""Benchmark: verification on pages of realistic size, beside the naive baseline, in one run.

The devset (tests/fixtures/devset) cites 31 captured pages of 20–60 KB of text each, with site chrome,
tickers and "most read" boxes full of other figures. Its four reports are ingested ``--copies`` times
(copies renamed, citing the same pages), so each page is indexed once and read by many claims.

- ours: ``verifier.verify.verify_claims`` over the whole ledger (read, index each snapshot once,
  align and compare, write evidence and verdicts);
- baseline: rapidfuzz ``partial_ratio`` of each claim sentence against each cited page's whole text,
  verified at ``--baseline-threshold`` (no writes, so the comparison favours the baseline).

Both are scored on the devset gold (copy 0). Prints text size per page, throughput, accuracy, ratios.

``--pad-kb 20`` makes every page at least that long: the main text of the other captured pages is
appended (passages and all), so each page carries the figures of other companies and models after its
own article — long pages of realistic content, as the verification issue asks (≥ 20 KB of text).

    python bench/verify_pages.py [--copies 10] [--pad-kb 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

from verify import baseline as naive_scores  # noqa: E402  (bench/verify.py)

from storage.db import make_engine, session_scope  # noqa: E402
from storage.evidence import claims_to_verify, latest_snapshots  # noqa: E402
from storage.export import claim_records  # noqa: E402
from storage.ingest import ingest_report  # noqa: E402
from verifier.archive import import_archive  # noqa: E402
from verifier.evaluate import evaluate, load_gold  # noqa: E402
from verifier.verify import verify_claims  # noqa: E402

DEVSET = ROOT / "tests" / "fixtures" / "devset"
REPORTS = DEVSET / "reports"


def build(url: str, copies: int) -> Any:
    engine = make_engine(url, cache=False)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(REPORTS.iterdir())}
    for i in range(copies):
        for name, text in texts.items():
            ingest_report(engine, name if i == 0 else f"copy{i:03d}_{name}", text)
    import_archive(engine, DEVSET / "sources")
    return engine


def pad_pages(engine: Any, min_bytes: int) -> None:
    """Append the other pages' text (with their passages, offsets shifted) to every latest snapshot
    until it holds at least ``min_bytes`` of UTF-8 text."""
    import json

    from sqlmodel import select

    from storage.models import Snapshot

    with session_scope(engine) as session:
        snaps = [s for s in session.exec(select(Snapshot)).all() if s.text]
        bodies = [(s.id, s.text, json.loads(s.passages)) for s in snaps]
        for snap in snaps:
            text, passages = snap.text, json.loads(snap.passages)
            others = [b for b in bodies if b[0] != snap.id]
            i = 0
            while len(text.encode("utf-8")) < min_bytes and others:
                _sid, more, more_passages = others[i % len(others)]
                shift = len(text) + 1
                text += "\n" + more
                passages += [{**p, "start": p["start"] + shift, "end": p["end"] + shift} for p in more_passages]
                i += 1
            snap.text, snap.passages = text, json.dumps(passages, ensure_ascii=False)
            session.add(snap)


def page_sizes(engine: Any) -> list[int]:
    with session_scope(engine) as session:
        claims, _ = claims_to_verify(session)
        snaps = latest_snapshots(session, {s for c in claims for s in c.source_ids})
    return [len(s.text.encode("utf-8")) for s in snaps.values()]


def baseline(engine: Any, threshold: float) -> tuple[dict[int, str], float, int]:
    """bench/verify.py's naive baseline (best partial_ratio of the sentence against each cited page)."""
    best, seconds, n = naive_scores(engine)
    status = {cid: "verified" if checkworthy and score >= threshold else "unverified" for cid, (checkworthy, score) in best.items()}
    return status, seconds, n


def score(engine: Any, override: dict[int, str] | None = None) -> Any:
    gold = load_gold(DEVSET / "gold.jsonl", lambda name: (REPORTS / name).read_text(encoding="utf-8"))
    with session_scope(engine) as session:
        records = [r for r in claim_records(session, with_evidence=False) if not r["report"].startswith("copy")]
    if override is not None:
        records = [{**r, "status": override.get(int(r["id"]), "unverified")} for r in records]
    return evaluate(gold, records)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--baseline-threshold", type=float, default=80.0)
    ap.add_argument("--pad-kb", type=float, default=0.0, help="make every page at least this many KB of text")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = build(f"sqlite:///{tmp}/bench-pages.db", args.copies)
        if args.pad_kb:
            pad_pages(engine, int(args.pad_kb * 1024))
        sizes = page_sizes(engine)
        started = time.perf_counter()
        summary = verify_claims(engine)
        ours_s = time.perf_counter() - started
        ours = score(engine)
        base_status, base_s, n = baseline(engine, args.baseline_threshold)
        base = score(engine, base_status)
        engine.dispose()
    print(f"pages: {len(sizes)}, text per page: median {statistics.median(sizes) / 1024:.1f} KB, "
          f"min {min(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB")
    print(f"claims: {summary.claims} ({args.copies} copies of the 4 devset reports)")
    print(f"ours:     {summary.claims / ours_s:8.0f} claims/s  ({ours_s:.2f} s)  {ours.summary_line()}")
    print(f"baseline: {n / base_s:8.0f} claims/s  ({base_s:.2f} s)  {base.summary_line()}")
    print(f"ratio: speed {(summary.claims / ours_s) / (n / base_s):.2f}x the baseline, "
          f"accuracy {ours.accuracy / max(base.accuracy, 1e-9):.2f}x the baseline")


if __name__ == "__main__":
    main()
