"""Benchmark: latency of the review queue (page and API), ``/api/claims?status=contradicted``, search
(page and API: an indexed three-character name, a two-character scan, a source URL) and the report
page on a ledger of 100,000 claims, under 20 concurrent clients on loopback, for SQLite and
PostgreSQL. Target p95 < 100 ms. ``--only PATH,PATH`` measures a few endpoints.

The ledger is generated with bulk inserts (a few seconds; ``--sqlite``/``--pg`` serve a kept one
made by this generator, e.g. bench/api_cpu.py's, instead); ``claimledger serve`` runs as a subprocess
(uvicorn, ``--workers`` processes, the way a desk runs it). The load comes from ``wrk`` (C, one
thread, 20 keep-alive connections, closed loop: each connection sends its next request when the
answer arrives; percentiles through the ``done()`` hook in bench/wrk_latency.lua) when it is
installed (``make bench`` installs Debian's wrk where it can), else from async httpx clients, which
cost as much CPU as the server and so inflate every figure; the table says which was used.
Baseline: a static file from the same server (framework + loopback + load tool), printed as a ratio;
"1 client" is the service time without queueing. ``--read-cache 0`` measures with the anonymous read
micro-cache off (every request renders; see docs/SERVICE.md). Beside each latency: the server's CPU
per request under that load (serve's processes, and PostgreSQL's backends for this database, read
from /proc), which the machine's other work does not inflate as it does a p95.

    python bench/api.py [--claims 100000] [--clients 20] [--duration 10] [--db sqlite,postgres]
                        [--workers 2] [--read-cache SECONDS] [--load wrk|httpx] [--only PATHS]
                        [--before CHECKOUT] [--target MS] [--sqlite FILE] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import httpx
from sqlalchemy import insert
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.db import make_engine  # noqa: E402
from storage.models import Claim, Report, Section, SectionSource, Source, Verdict  # noqa: E402

PG_ADMIN = os.environ.get("CLAIMLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REASONS = {
    "unverified": ["not_found_in_source", "source_unreachable", "no_source", "source_malformed"],
    "contradicted": ["value_mismatch", "group_conflict"],
    "verified": ["value_match"],
}
CLAIMS_PER_REPORT = 50
TEXT = "OpenAI 完成 4 亿美元融资，估值约 900 亿美元。谷歌发布 Gemma 4 27B，支持 140 种语言。\n" * 30
# claim sentences differ, as in real reports: 1,000 three-character company names, ~100 claims each
NAME_CHARS = "云智海星光元数联科芯讯达华信创新图灵深度量子语言视觉算力开源模型机器学习"
VERBS = ["完成", "宣布", "获得", "发布"]
SEARCH_NAME = "云智海"  # a name the search endpoints look for (its claims: ~100 of 100,000)


def _names(rng: random.Random) -> list[str]:
    names = {SEARCH_NAME}
    while len(names) < 1000:
        names.add("".join(rng.choice(NAME_CHARS) for _ in range(3)))
    return sorted(names)


def generate(engine: Engine, n_claims: int, seed: int = 7) -> float:
    """Bulk-insert a ledger of ``n_claims`` claims; returns seconds taken."""
    rng = random.Random(seed)
    names = _names(rng)
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
                        "text": f"{names[cid % len(names)]} {VERBS[cid % 4]} {cid % 97 + 1} 亿美元融资，"
                                f"估值约 {cid % 997 + 10} 亿美元。",
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
    from storage.counts import compact_counts
    from storage.db import session_scope

    with session_scope(engine) as session:  # as ingest and verify do after their writes
        compact_counts(session)
    if engine.dialect.name == "postgresql":  # what autovacuum would soon do after a bulk load
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return time.perf_counter() - t0


ENDPOINTS = (
    ("baseline static file", "/static/app.css"),
    ("queue page /", "/"),
    ("/api/queue", "/api/queue"),
    ("/api/claims?status=contradicted", "/api/claims?status=contradicted"),
    ("/api/claims", "/api/claims"),
    ("search page, 3-char name (index)", "/search?q=" + quote(SEARCH_NAME)),
    ("/api/search, 2-char word (scan)", "/api/search?q=%E4%BA%BF%E7%BE%8E"),
    ("/api/search, source URL", "/api/search?q=host42.example"),
    ("report page /reports/ID", "/reports/1"),
)


Row = tuple[str, str, float, float, float, int, float, float]  # db, endpoint, 1-client, p50, p95, n, CPU ms, PG ms


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


WRK_SCRIPT = ROOT / "bench" / "wrk_latency.lua"
WRK_LINE = re.compile(r"CLAIMLEDGER requests=(\d+) errors=(\d+) p50=(\d+) p95=(\d+)")


def parse_wrk(output: str) -> tuple[int, int, float, float]:
    """(requests, errors, p50 ms, p95 ms) from wrk's output with our ``done()`` line."""
    m = WRK_LINE.search(output)
    if m is None:
        raise SystemExit(f"wrk printed no latency line:\n{output}")
    n, errors, p50, p95 = (int(x) for x in m.groups())
    return n, errors, p50 / 1000, p95 / 1000


def _wrk(base: str, path: str, clients: int, seconds: float) -> tuple[int, float, float]:
    """Run wrk; returns (requests, p50 ms, p95 ms). Any error or non-2xx answer stops the benchmark."""
    cmd = ["wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
           "-s", str(WRK_SCRIPT), base + path]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    n, errors, p50, p95 = parse_wrk(out)
    if errors:
        raise SystemExit(f"wrk saw {errors} errors or non-2xx answers on {path}:\n{out}")
    return n, p50, p95


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


TICKS = os.sysconf("SC_CLK_TCK")


def _proc_ticks(pid: int) -> int:
    """CPU ticks (user + system) a process has used, or 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (the uvicorn workers of serve)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _pg_pids(url: str) -> list[int]:
    """The PostgreSQL backends connected to the database of ``url`` (none for SQLite)."""
    if not url.startswith("postgresql"):
        return []
    import psycopg

    libpq = re.sub(r"^postgresql\+\w+://", "postgresql://", url)  # a SQLAlchemy URL names its driver
    with psycopg.connect(libpq, autocommit=True) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                            "AND pid <> pg_backend_pid()").fetchall()
    return [int(r[0]) for r in rows]


class CpuMeter:
    """Server CPU per request: serve's processes and, on PostgreSQL, the backends serving them, read
    from /proc before and after a run. Unlike latency under load this does not grow with the
    machine's other work (it counts only what our processes burn)."""

    def __init__(self, serve_pid: int, url: str) -> None:
        self.serve_pid, self.url = serve_pid, url

    def snapshot(self) -> dict[str, dict[int, int]]:
        serve = [self.serve_pid, *_children(self.serve_pid)]
        return {"serve": {p: _proc_ticks(p) for p in serve}, "db": {p: _proc_ticks(p) for p in _pg_pids(self.url)}}

    @staticmethod
    def ms_per_request(before: dict[str, dict[int, int]], after: dict[str, dict[int, int]], n: int) -> tuple[float, float]:
        def spent(kind: str) -> float:
            return sum(t - before[kind].get(p, 0) for p, t in after[kind].items()) * 1000 / TICKS / max(1, n)

        return spent("serve"), spent("db")


def run(url: str, label: str, args: argparse.Namespace) -> list[Row]:
    engine = make_engine(url, cache=False)
    with engine.connect() as conn:
        have = int(conn.exec_driver_sql("SELECT count(*) FROM claim").scalar_one())
    if have == 0:
        secs = generate(engine, args.claims)
        print(f"[{label}] generated {args.claims:,} claims in {secs:.1f} s")
    elif have != args.claims:
        raise SystemExit(f"{label}: the ledger holds {have:,} claims, not {args.claims:,}")
    else:
        print(f"[{label}] the ledger given holds {have:,} claims already (this generator's, e.g. bench/api_cpu.py's)")
    engine.dispose()
    rows: list[Row] = []
    if args.before:  # the same ledger served by an older checkout first, in the same run
        rows += serve_and_measure(url, f"{label} before", args, Path(args.before))
    return rows + serve_and_measure(url, label if not args.before else f"{label} after", args, ROOT)


def serve_and_measure(url: str, label: str, args: argparse.Namespace, code: Path) -> list[Row]:
    """``claimledger serve`` from the checkout at ``code`` on ``url``, and every endpoint measured."""
    port = _free_port()
    env = {**os.environ, "CLAIMLEDGER_RUN_SCHEDULER": "false", "CLAIMLEDGER_READ_CACHE_SECONDS": str(args.read_cache),
           "PYTHONPATH": str(code)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "verifier.cli", "--db", url, "serve", "--port", str(port), "--no-scheduler",
         "--workers", str(args.workers)],
        cwd=code,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    rows: list[Row] = []
    meter = CpuMeter(proc.pid, url)
    try:
        deadline = time.monotonic() + 600  # a first start on a big ledger builds its indexes
        while True:
            try:
                if httpx.get(base + "/static/app.css", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.terminate()  # reading a live process's stderr would wait for it forever
                _out, err = proc.communicate(timeout=30)
                raise SystemExit(f"serve did not start: {err.decode() if err else ''}")
            time.sleep(0.2)
        for name, path in ENDPOINTS:
            if args.only and path != "/static/app.css" and path not in args.only.split(","):
                continue
            asyncio.run(_load(base, path, 1, 20))  # warm-up: connections, caches, compiled statements
            if args.load == "wrk":
                _, alone50, _ = _wrk(base, path, 1, 2)  # service time without queueing
                before = meter.snapshot()
                n, p50, p95 = _wrk(base, path, args.clients, args.duration)
                cpu, db_cpu = meter.ms_per_request(before, meter.snapshot(), n)
                rows.append((label, name, alone50, p50, p95, n, cpu, db_cpu))
                print(f"[{label}] {name}: 1 client {alone50:.1f} ms, p50 {p50:.1f} ms, p95 {p95:.1f} ms, {n} requests, "
                      f"server CPU {cpu:.2f} ms/request, PostgreSQL {db_cpu:.2f}", flush=True)
            else:
                alone = asyncio.run(_load(base, path, 1, 50))
                before = meter.snapshot()
                lat = asyncio.run(_load(base, path, args.clients, args.requests))
                cpu, db_cpu = meter.ms_per_request(before, meter.snapshot(), len(lat))
                rows.append((label, name, _pct(alone, 50), _pct(lat, 50), _pct(lat, 95), len(lat), cpu, db_cpu))
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
    ap.add_argument("--duration", type=float, default=10, help="seconds of load per endpoint (wrk)")
    ap.add_argument("--read-cache", type=float, default=1.0, help="CLAIMLEDGER_READ_CACHE_SECONDS of serve (0: off)")
    ap.add_argument("--load", choices=["wrk", "httpx"], default=None, help="load generator (default: wrk if installed)")
    ap.add_argument("--sqlite", default="", help="serve this SQLite ledger file (kept) instead of a new one")
    ap.add_argument("--pg", default="", help="serve this PostgreSQL database URL (kept) instead of a new one")
    ap.add_argument("--target", type=float, default=100, help="p95 target in ms (issue 13 asks 50 at 1M claims)")
    ap.add_argument("--only", default="", help="comma-separated endpoint paths to measure (default: all)")
    ap.add_argument("--before", default="", help="a checkout of older code (e.g. `git archive REF`): the same ledger is "
                    "served by it first, then by this one, in the same run")
    args = ap.parse_args()
    if args.load is None:
        args.load = "wrk" if shutil.which("wrk") else "httpx"
        if args.load == "httpx":
            print("wrk is not installed (make bench installs it where it can): async httpx clients instead; "
                  "they share the CPU with the server, so the figures are pessimistic")
    elif args.load == "wrk" and not shutil.which("wrk"):
        raise SystemExit("--load wrk: wrk is not installed (apt-get install wrk)")
    load_before = os.getloadavg()[0]
    results = []
    if "sqlite" in args.db and args.sqlite:
        results += run(f"sqlite:///{args.sqlite}", "sqlite", args)
    elif "sqlite" in args.db:
        with tempfile.TemporaryDirectory() as tmp:
            results += run(f"sqlite:///{tmp}/bench.db", "sqlite", args)
    if "postgres" in args.db and args.pg:
        results += run(args.pg, "postgres", args)
    elif "postgres" in args.db:
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
    amount = f"{args.duration:g} s per endpoint" if args.load == "wrk" else f"{args.requests} requests per endpoint"
    print(
        f"\n{args.claims:,} claims, {args.clients} concurrent clients ({args.load}), {amount}, "
        f"serve --workers {args.workers}, read cache {args.read_cache:g} s"
    )
    print(f"load average (1 min) before: {load_before:.1f}, at the end: {os.getloadavg()[0]:.1f} "
          "(the machine is shared; compare with the baseline)")
    print(f"{'db':16} {'endpoint':34} {'1 client':>9} {'p50 ms':>8} {'p95 ms':>8} {'p95/baseline':>13} {'requests':>9}"
          f" {'CPU ms/req':>11} {'PG ms/req':>10}  target p95 < {args.target:g} ms")
    base95: dict[str, float] = {}
    for label, name, alone, p50, p95, n, cpu, db_cpu in results:
        if name.startswith("baseline"):
            base95[label] = p95
        ratio = p95 / base95[label] if base95.get(label) else 1.0
        ok = "" if name.startswith("baseline") else ("ok" if p95 < args.target else "OVER")
        print(f"{label:16} {name:34} {alone:9.1f} {p50:8.1f} {p95:8.1f} {ratio:12.1f}x {n:9d} {cpu:11.2f} {db_cpu:10.2f}  {ok}")


if __name__ == "__main__":
    main()
