"""Benchmark: claims verified per second from stored snapshots, beside a naive baseline.

The ledger repeats the bundled examples: copy 0 is the examples as they are (the seed gold is scored
on it); copies 1…N-1 rename the reports, give their cited pages hosts of their own and vary some of
their figures; every live source gets ``--versions`` snapshots (older ones with varied figures, the
latest the archived page), so the ledger holds ≥ 10,000 claims and ≥ 2,000 snapshots by default.

- ours: ``verifier.verify.verify_claims`` over the whole ledger (read, index once per snapshot,
  assess, write evidence and verdicts);
- baseline: the same claims and latest snapshots, rapidfuzz ``partial_ratio`` of each claim sentence
  against each cited page's whole text; verified when the best score reaches ``--baseline-threshold``,
  unverified otherwise (no writes, so the comparison favours the baseline).

Both are scored on the seed gold (copy 0). Prints throughput, accuracy and the ratios.

    python bench/verify.py [--copies 7] [--versions 8] [--db sqlite:///bench-verify.db]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402
from sqlalchemy import func, insert  # noqa: E402
from sqlmodel import col, select  # noqa: E402

from storage.db import make_engine, session_scope  # noqa: E402
from storage.evidence import claims_to_verify, latest_snapshots  # noqa: E402
from storage.export import claim_records  # noqa: E402
from storage.ingest import ingest_report  # noqa: E402
from storage.ingest_batch import IngestFailure, ingest_reports  # noqa: E402
from storage.models import Claim, Snapshot, Source  # noqa: E402
from verifier.archive import import_archive  # noqa: E402
from verifier.evaluate import evaluate, load_gold  # noqa: E402
from verifier.passages import html_to_passages  # noqa: E402
from verifier.verify import verify_claims  # noqa: E402

REPORTS = ROOT / "examples" / "reports"
SOURCES = ROOT / "examples" / "sources"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "seed_claims.jsonl"
_URL = re.compile(r"https?://([^/\s>)]+)")
_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=\s*(?:亿|万|%|美元|个|名|家|B|billion|million))")


def vary_figures(text: str, rng: random.Random, share: float = 0.15) -> str:
    """Multiply about ``share`` of the figures by a small factor (a copy with its own values)."""

    def swap(m: re.Match[str]) -> str:
        if rng.random() > share:
            return m.group(0)
        x = float(m.group(1)) * rng.choice([2, 3, 5, 10])
        return f"{x:g}"

    return _FIGURE.sub(swap, text)


def ingest_many(engine: Any, docs: Iterable[tuple[str, str]]) -> None:
    """The copies in batches, as ``claimledger ingest FOLDER`` writes them (storage.ingest_batch)."""
    for outcome in ingest_reports(engine, docs):
        if isinstance(outcome, IngestFailure):
            raise SystemExit(f"bench: {outcome.name} was not ingested: {outcome.message}")


def build(url: str, copies: int, versions: int, seed: int = 7) -> tuple[Any, dict[str, int]]:
    rng = random.Random(seed)
    engine = make_engine(url, cache=False)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))}
    for name, text in texts.items():  # copy 0: the examples as they are
        ingest_report(engine, name, text)
    import_archive(engine, SOURCES)
    ingest_many(
        engine,
        (
            (f"copy{i:03d}_{name}", vary_figures(_URL.sub(f"https://c{i}.\\1", text), rng))
            for i in range(1, copies)
            for name, text in texts.items()
        ),
    )
    manifest = json.loads((SOURCES / "manifest.json").read_text(encoding="utf-8"))
    pages = {}
    for entry in manifest:
        if entry.get("status") == 200 and entry.get("file"):
            pages[entry["url"]] = html_to_passages((SOURCES / entry["file"]).read_bytes())
    rows: list[dict[str, Any]] = []  # written 500 at a time: a large ledger's pages do not fit in memory
    with session_scope(engine) as session:
        sources = session.exec(select(Source)).all()
        for src in sources:
            if len(rows) >= 500:
                session.execute(insert(Snapshot), rows)
                rows.clear()
            original = re.sub(r"^https://c\d+\.", "https://", src.url)
            page = pages.get(original) or pages.get(original.rstrip("/")) or pages.get(original + "/")
            if page is None:
                if src.state == "new":
                    src.state = "dead"
                    session.add(src)
                continue
            for v in range(versions - 1):  # older versions, figures varied (never the latest)
                text = vary_figures(page.text, rng, share=0.3) + f"\n(v{v})"
                rows.append(_snapshot_row(src.id, page, text, f"{src.url}|{v}"))
            if src.url != original:  # a copy's latest snapshot is the archived page
                rows.append(_snapshot_row(src.id, page, page.text, f"{src.url}|latest"))
            src.state = "ok"
            session.add(src)
        if rows:
            session.execute(insert(Snapshot), rows)
    with session_scope(engine) as session:
        counts = {
            "claims": session.exec(select(func.count()).select_from(Claim)).one(),
            "snapshots": session.exec(select(func.count()).select_from(Snapshot)).one(),
            "sources": session.exec(select(func.count()).select_from(Source)).one(),
        }
    # copy 0's originals must stay the latest for their sources: re-add them on top
    with session_scope(engine) as session:
        originals = session.exec(select(Snapshot).where(col(Snapshot.origin) == "manifest")).all()
        for snap in originals:
            session.add(
                Snapshot(source_id=snap.source_id, title=snap.title, text=snap.text, passages=snap.passages,
                         published=snap.published, content_hash=snap.content_hash + "-latest", origin="bench")
            )
    counts["snapshots"] += len(originals)
    return engine, counts


def _snapshot_row(source_id: int | None, page: Any, text: str, key: str) -> dict[str, Any]:
    whole = [{"start": 0, "end": len(text), "kind": "p", "heading": ""}]
    return {
        "source_id": source_id,
        "title": page.title,
        "text": text,
        "passages": json.dumps(page.passages_json() if text == page.text else whole),
        "published": page.published,
        "content_hash": hashlib.sha256(f"{key}|{text}".encode()).hexdigest(),
        "origin": "bench",
    }


def baseline(engine: Any) -> tuple[dict[int, tuple[bool, float]], float, int]:
    """partial_ratio of each claim sentence against each cited page's whole text: claim id →
    (checkworthy, best score)."""
    started = time.perf_counter()
    with session_scope(engine) as session:
        claims, sources = claims_to_verify(session)
        snaps = latest_snapshots(session, {s for c in claims for s in c.source_ids})
    best_by_claim: dict[int, tuple[bool, float]] = {}
    for c in claims:
        best = 0.0
        for sid in c.source_ids:
            snap = snaps.get(sid)
            if snap is None or sources[sid].state in {"dead", "malformed", "blocked"}:
                continue
            best = max(best, fuzz.partial_ratio(c.text, snap.text))
        best_by_claim[c.id] = (c.checkworthy, best)
    return best_by_claim, time.perf_counter() - started, len(claims)


def gold_scores(engine: Any, override: dict[int, str] | None = None) -> Any:
    gold = load_gold(GOLD, lambda name: (REPORTS / name).read_text(encoding="utf-8"))
    with session_scope(engine) as session:
        records: list[Mapping[str, Any]] = [
            r for r in claim_records(session, with_evidence=False) if not r["report"].startswith("copy")
        ]
    if override is not None:
        records = [{**r, "status": override.get(int(r["id"]), "unverified")} for r in records]
    return evaluate(gold, records)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=7)
    ap.add_argument("--versions", type=int, default=8)
    ap.add_argument("--db", default=None, help="SQLAlchemy URL (default: a temporary SQLite file)")
    a = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = a.db or f"sqlite:///{Path(tmp.name) / 'bench-verify.db'}"
    t0 = time.perf_counter()
    engine, counts = build(url, a.copies, a.versions)
    print(f"ledger: {counts['claims']} claims, {counts['snapshots']} snapshots, {counts['sources']} sources "
          f"(built in {time.perf_counter() - t0:.1f}s)")
    summary = verify_claims(engine)
    ours_rate = summary.claims / summary.seconds
    ours = gold_scores(engine)
    base_scores, base_seconds, base_claims = baseline(engine)
    base_rate = base_claims / base_seconds
    # the baseline's threshold is tuned on the gold itself, in its favour
    base, threshold = None, 0.0
    for t in range(30, 100, 5):
        status = {cid: "verified" if cw and score >= t else "unverified" for cid, (cw, score) in base_scores.items()}
        res = gold_scores(engine, status)
        if base is None or res.accuracy > base.accuracy:
            base, threshold = res, float(t)
    assert base is not None
    print(f"{'':10s} {'claims/s':>10s} {'accuracy':>9s} {'contra-recall':>14s} {'verified-prec':>14s}")
    for label, rate, res in (("ours", ours_rate, ours), ("baseline", base_rate, base)):
        print(f"{label:10s} {rate:10.0f} {res.accuracy:9.1%} {res.contradicted_recall:14.1%} {res.verified_precision:14.1%}")
    print(f"ratio ours/baseline: throughput ×{ours_rate / base_rate:.2f}, accuracy ×{ours.accuracy / max(base.accuracy, 1e-9):.2f}")
    print(f"baseline threshold (best on the gold): partial_ratio >= {threshold:.0f}")
    print(f"ours: {summary.claims} claims in {summary.seconds:.1f}s incl. reads and writes; "
          f"{summary.snapshots_indexed} snapshots indexed; baseline: {base_claims} claims in {base_seconds:.1f}s, no writes")
    engine.dispose()
    tmp.cleanup()


if __name__ == "__main__":
    main()
