"""Benchmark: latency of the review queue page and ``/api/claims?status=contradicted`` on a ledger of
100,000 claims, under 20 concurrent clients on loopback, for SQLite and PostgreSQL. Target p95 < 100 ms.

The ledger is generated with bulk inserts (a few seconds); ``claimledger serve`` runs as a subprocess
(one uvicorn process, the way a desk runs it); clients are async httpx. Baseline: a static file from
the same server (framework + loopback cost), printed as a ratio.

    python bench/api.py [--claims 100000] [--clients 20] [--requests 600] [--db sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import insert
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.db import make_engine  # noqa: E402
from storage.models import Claim, Report, Section, SectionSource, Source, Verdict  # noqa: E402

PG_ADMIN = os.environ.get("CLAIMLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REASONS = {
    "unverified": ["not_found", "source_dead", "no_source", "source_malformed"],
    "contradicted": ["value_mismatch", "group_conflict"],
    "verified": ["value_match"],
}
CLAIMS_PER_REPORT = 50
TEXT = "OpenAI 完成 4 亿美元融资，估值约 900 亿美元。谷歌发布 Gemma 4 27B，支持 140 种语言。\n" * 30


def generate(engine: Engine, n_claims: int, seed: int = 7) -> float:
    """Bulk-insert a ledger of ``n_claims`` claims; returns seconds taken."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    n_reports = max(1, n_claims // CLAIMS_PER_REPORT)
    now = dt.datetime.now(dt.UTC)
    states = ["ok"] * 8 + ["dead", "changed"]
    with engine.begin() as conn:
        conn.execute(
            insert(Report),
            [
                {
                    "id": i + 1,
                    "name": f"bench_{i:05d}.txt",
                    "version": 1,
                    "is_latest": True,
                    "title": f"日报 {i}",
                    "sha256": uuid.uuid4().hex,
                    "language": "zh",
                    "text": TEXT,
                    "meta": "{}",
                    "ingested_at": now,
                }
                for i in range(n_reports)
            ],
        )
        conn.execute(
            insert(Section),
            [
                {
                    "id": i + 1,
                    "report_id": i + 1,
                    "order": 0,
                    "heading": "一、事件",
                    "kind": "event",
                    "start": 0,
                    "end": len(TEXT),
                }
                for i in range(n_reports)
            ],
        )
        n_sources = max(1, n_reports // 2)
        conn.execute(
            insert(Source),
            [
                {
                    "id": i + 1,
                    "url": f"https://host{i % 97}.example/{i}",
                    "raw": "",
                    "host": f"host{i % 97}.example",
                    "state": rng.choice(states),
                    "consecutive_failures": 0,
                    "check_count": 0,
                    "created_at": now,
                }
                for i in range(n_sources)
            ],
        )
        conn.execute(
            insert(SectionSource),
            [
                {"section_id": i + 1, "source_id": (i % n_sources) + 1, "raw": "", "label": ""}
                for i in range(n_reports)
            ],
        )
        batch = 10_000
        for lo in range(0, n_claims, batch):
            ids = range(lo + 1, min(n_claims, lo + batch) + 1)
            claims, verdicts = [], []
            for cid in ids:
                rid = (cid - 1) // CLAIMS_PER_REPORT + 1
                start = (cid * 7) % (len(TEXT) - 10)
                claims.append(
                    {
                        "id": cid,
                        "report_id": min(rid, n_reports),
                        "section_id": min(rid, n_reports),
                        "start": start,
                        "end": start + 4,
                        "sentence_start": 0,
                        "sentence_end": 40,
                        "text": TEXT[:40],
                        "key_text": TEXT[start : start + 4],
                        "kind": rng.choice(["money", "percent", "count", "date", "version"]),
                        "values": "[]",
                        "entities": "[]",
                        "topics": "[]",
                        "checkworthy": True,
                        "created_at": now,
                    }
                )
                status = rng.choices(["verified", "unverified", "contradicted"], [60, 25, 15])[0]
                verdicts.append(
                    {
                        "claim_id": cid,
                        "status": status,
                        "reason": rng.choice(REASONS[status]),
                        "confidence": round(rng.random(), 3),
                        "actor": "auto",
                        "note": "",
                        "evidence_digest": "",
                        "conflicts_with": "[]",
                        "needs_review": False,
                        "updated_at": now,
                    }
                )
            conn.execute(insert(Claim), claims)
            conn.execute(insert(Verdict), verdicts)
    if engine.dialect.name == "postgresql":  # what autovacuum would soon do after a bulk load
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return time.perf_counter() - t0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _load(base: str, path: str, clients: int, total: int) -> list[float]:
    latencies: list[float] = []
    per_client = max(1, total // clients)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            for _ in range(per_client):
                t0 = time.perf_counter()
                r = await client.get(path)
                latencies.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()

        await client.get(path)  # warm-up
        await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def run(url: str, label: str, args: argparse.Namespace) -> list[tuple[str, str, float, float, float]]:
    engine = make_engine(url, cache=False)
    secs = generate(engine, args.claims)
    engine.dispose()
    print(f"[{label}] generated {args.claims:,} claims in {secs:.1f} s")
    port = _free_port()
    env = {**os.environ, "CLAIMLEDGER_RUN_SCHEDULER": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "verifier.cli", "--db", url, "serve", "--port", str(port), "--no-scheduler"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    rows: list[tuple[str, str, float, float, float]] = []
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/static/app.css", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.2)
        for name, path in (
            ("baseline static file", "/static/app.css"),
            ("queue page /", "/"),
            ("/api/claims?status=contradicted", "/api/claims?status=contradicted"),
        ):
            alone = asyncio.run(_load(base, path, 1, 50))  # service time without queueing
            lat = asyncio.run(_load(base, path, args.clients, args.requests))
            rows.append((label, name, _pct(alone, 50), _pct(lat, 50), _pct(lat, 95)))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument(
        "--requests", type=int, default=600, help="requests per endpoint, spread over the clients"
    )
    ap.add_argument("--db", default="sqlite,postgres")
    ap.add_argument("--workers", type=int, default=2, help="uvicorn workers of serve (one per core)")
    args = ap.parse_args()
    results = []
    if "sqlite" in args.db:
        with tempfile.TemporaryDirectory() as tmp:
            results += run(f"sqlite:///{tmp}/bench.db", "sqlite", args)
    if "postgres" in args.db:
        import psycopg

        name = f"cl_bench_{uuid.uuid4().hex[:10]}"
        try:
            with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
        except psycopg.Error as exc:
            print(f"[postgres] skipped: {exc}")
        else:
            try:
                results += run(PG_ADMIN.rsplit("/", 1)[0] + "/" + name, "postgres", args)
            finally:
                with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(
        f"\n{args.claims:,} claims, {args.clients} concurrent clients, {args.requests} requests per endpoint"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (the machine is shared; compare with the baseline)")
    print(f"{'db':9} {'endpoint':34} {'1 client':>9} {'p50 ms':>8} {'p95 ms':>8} {'p95/baseline':>13}  target p95 < 100 ms")
    base95: dict[str, float] = {}
    for label, name, alone, p50, p95 in results:
        if name.startswith("baseline"):
            base95[label] = p95
        ratio = p95 / base95[label] if base95.get(label) else 1.0
        ok = "" if name.startswith("baseline") else ("ok" if p95 < 100 else "OVER")
        print(f"{label:9} {name:34} {alone:9.1f} {p50:8.1f} {p95:8.1f} {ratio:12.1f}x  {ok}")


if __name__ == "__main__":
    main()
