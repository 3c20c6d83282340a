"""Benchmark: what one request of each desk endpoint costs the server, measured in a way the
machine's load does not distort: process CPU time per request (``time.process_time`` of this
process, which serves the requests in-process through the ASGI app with the read cache off), the
database backend's CPU per request on PostgreSQL (``/proc/PID/stat`` of the backends serving us),
and the SQL statements each request runs. Wall-clock p95 under load is ``bench/api.py``'s job.

The ledger is ``bench/api.py``'s generated one (built once into ``--sqlite``/``--pg`` and reused when
it already holds ``--claims`` claims). ``--profile PATH`` prints the top functions of that endpoint
under cProfile; ``--explain`` prints each statement's plan (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE).

    python bench/api_cpu.py [--claims 100000] [--db sqlite,postgres] [--sqlite FILE] [--pg URL]
                            [--requests 200] [--only PATHS] [--profile PATH] [--explain]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import secrets
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api import ENDPOINTS, PG_ADMIN, generate  # noqa: E402
from asgi_call import call_ok  # noqa: E402

from storage.db import make_engine  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


class SqlLog:
    """Statements run on an engine while ``on`` (text and parameters, for counting and EXPLAIN)."""

    def __init__(self, *engines: Engine) -> None:
        self.on = False
        self.statements: list[tuple[str, Any]] = []
        for engine in set(engines):
            event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, params: Any, _context: Any, _many: bool) -> None:
        if self.on:
            self.statements.append((statement, params))

    @contextmanager
    def capture(self) -> Iterator[list[tuple[str, Any]]]:
        self.statements = []
        self.on = True
        try:
            yield self.statements
        finally:
            self.on = False


def _pg_backend_ticks(engine: Engine) -> dict[int, int]:
    """CPU ticks (user + system) of each PostgreSQL backend connected to this database (asked over
    a connection of its own, outside the engine's pool)."""
    if engine.dialect.name != "postgresql":
        return {}
    import psycopg

    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as conn:
        pids = [int(r[0]) for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()]
    ticks = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # not on this machine, or gone
        ticks[pid] = int(fields[11]) + int(fields[12])
    return ticks


def _ticks_since(engine: Engine, before: dict[int, int]) -> int:
    return sum(t - before.get(pid, 0) for pid, t in _pg_backend_ticks(engine).items())


def _explain(engine: Engine, statements: list[tuple[str, Any]]) -> None:
    with engine.connect() as conn:
        for sql, params in statements:
            head = " ".join(sql.split())[:160]
            print(f"    SQL: {head}")
            prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS OFF) "
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            try:
                rows = conn.exec_driver_sql(prefix + sql, params).all()
            except Exception as exc:  # noqa: BLE001 - a plan we cannot show is reported, not fatal
                print(f"      (no plan: {str(exc).splitlines()[0]})")
                continue
            for row in rows:
                print("      " + (" ".join(str(x) for x in row[-1:]) if engine.dialect.name == "sqlite" else str(row[0])))


def _inline_threadpool() -> None:
    """Run sync endpoints on the event loop's thread instead of the pool (for profiling only)."""
    import fastapi.routing

    async def inline(func: Any, *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    fastapi.routing.run_in_threadpool = inline  # type: ignore[assignment]


def measure(url: str, label: str, args: argparse.Namespace) -> list[tuple[str, str, float, float, float, int]]:
    from verifier.api.app import create_app
    from verifier.settings import Settings

    engine = make_engine(url)
    with engine.connect() as conn:
        have = int(conn.execute(text("SELECT count(*) FROM claim")).scalar_one())
    if have == 0:
        print(f"[{label}] generated {args.claims:,} claims in {generate(engine, args.claims):.1f} s", flush=True)
    elif have != args.claims:
        raise SystemExit(f"{url} holds {have:,} claims, not {args.claims:,}: pass another file or database")
    settings = Settings(database_url=url, read_cache_seconds=0, run_scheduler=False,  # type: ignore[call-arg]
                        secret_key=secrets.token_hex(16))
    app = create_app(settings, engine)
    log = SqlLog(app.state.read_engine, engine)
    rows = []
    loop = asyncio.new_event_loop()

    for name, path in ENDPOINTS:
        if path.startswith("/static") or (args.only and path not in args.only.split(",")):
            continue
        loop.run_until_complete(call_ok(app, path, 5))  # warm: pools, statement caches, templates
        with log.capture() as stmts:
            loop.run_until_complete(call_ok(app, path, 1))
        n_sql = len(stmts)
        ticks0 = _pg_backend_ticks(engine)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        loop.run_until_complete(call_ok(app, path, args.requests))
        cpu = (time.process_time() - cpu0) * 1000 / args.requests
        wall = (time.perf_counter() - wall0) * 1000 / args.requests
        db_ms = _ticks_since(engine, ticks0) * 1000 / TICKS / args.requests
        rows.append((label, name, cpu, db_ms, wall, n_sql))
        print(f"[{label}] {name}: {cpu:.2f} ms CPU/request, db backend {db_ms:.2f} ms, wall {wall:.2f} ms, "
              f"{n_sql} statements", flush=True)
        if args.explain:
            _explain(app.state.read_engine, stmts)
        if args.profile and path == args.profile:
            _inline_threadpool()  # cProfile sees one thread: run the endpoint on the loop's
            prof = cProfile.Profile(time.process_time)  # CPU, not waits on the database
            prof.enable()
            loop.run_until_complete(call_ok(app, path, args.requests))
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    loop.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", default="sqlite,postgres")
    ap.add_argument("--sqlite", default="", help="ledger file (kept; default: a new one in /tmp)")
    ap.add_argument("--pg", default="", help="PostgreSQL database URL (kept; default: a new cl_cpu_* database)")
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    ap.add_argument("--only", default="", help="comma-separated endpoint paths (default: every endpoint)")
    ap.add_argument("--profile", default="", help="an endpoint path to profile with cProfile")
    ap.add_argument("--explain", action="store_true", help="print each statement's plan")
    args = ap.parse_args()
    os.environ.setdefault("CLAIMLEDGER_RUN_SCHEDULER", "false")
    results = []
    if "sqlite" in args.db:
        path = args.sqlite or f"/tmp/claimledger-cpu-{args.claims}.db"
        results += measure(f"sqlite:///{path}", "sqlite", args)
    if "postgres" in args.db:
        url = args.pg
        if not url:
            import psycopg

            name = f"cl_cpu_{args.claims}"
            with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
                if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
                    conn.execute(f'CREATE DATABASE "{name}"')
            url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
        results += measure(url, "postgres", args)
    print(f"\n{args.claims:,} claims, {args.requests} requests per endpoint, in process, read cache off; "
          f"load average (1 min) {os.getloadavg()[0]:.1f}")
    print(f"{'db':9} {'endpoint':34} {'CPU ms':>7} {'PG backend ms':>14} {'wall ms':>8} {'SQL':>4}")
    for label, name, cpu, db_ms, wall, n_sql in results:
        print(f"{label:9} {name:34} {cpu:7.2f} {db_ms:14.2f} {wall:8.2f} {n_sql:4d}")


if __name__ == "__main__":
    main()
