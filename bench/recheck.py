"""Benchmark: one re-check round over 10,000 due sources (mostly 304) on loopback servers.

Sources/s with one worker and with three worker processes sharing one PostgreSQL ledger, and the
ratio (the scale-out factor); SQLite with one worker beside them. Each run gets a fresh ledger
(PostgreSQL: a throw-away database) with ``N`` sources over ``HOSTS`` loopback ports, every source
holding an ETag; ``CHANGED`` of them answer 200 with a new page (snapshot + verification), the
rest 304. The server is a separate process (asyncio, keep-alive) so it does not share our GIL.
Workers are real ``claimledger worker --exit-when-idle`` processes; time is from the first
worker's start of work to the last one's end, so process start-up is not counted.

Run: ``.venv/bin/python bench/recheck.py [N]`` (about two minutes for 10,000 on two cores).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
HOSTS = 20
CHANGED_EVERY = 50  # one source in 50 has a new page (2 %)
PG_ADMIN = os.environ.get("CLAIMLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _serve(ports_out: mp.Queue, stop: mp.Event) -> None:  # type: ignore[type-arg]
    """Keep-alive HTTP/1.1 on HOSTS ports: 304 to ``If-None-Match: "v1"`` unless the path ends
    in a multiple of CHANGED_EVERY, which gets a 200 page with ETag "v2"."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
                path = head.split(" ", 2)[1]
                etag = next(
                    (
                        ln.split(":", 1)[1].strip()
                        for ln in head.split("\r\n")
                        if ln.lower().startswith("if-none-match:")
                    ),
                    None,
                )
                changed = int(path.rsplit("/", 1)[1]) % CHANGED_EVERY == 0
                if etag == '"v1"' and not changed:
                    writer.write(b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\nContent-Length: 0\r\n\r\n')
                else:
                    body = f"<html><head><title>{path}</title></head><body><p>Page {path} now says 7 million.</p></body></html>".encode()
                    writer.write(
                        b'HTTP/1.1 200 OK\r\nETag: "v2"\r\nContent-Type: text/html; charset=utf-8\r\n'
                        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
                    )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError, ValueError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024) for _ in range(HOSTS)]
        ports_out.put([s.sockets[0].getsockname()[1] for s in servers])
        while not stop.is_set():
            await asyncio.sleep(0.1)

    asyncio.run(main())


def _fill(url: str, ports: list[int]) -> None:
    """N due sources with an ETag, in one transaction."""
    from sqlalchemy import insert

    from storage.db import make_engine, session_scope
    from storage.models import Source, utcnow

    engine = make_engine(url, cache=False)
    now = utcnow()
    rows = []
    for i in range(N):
        port = ports[i % HOSTS]
        rows.append(
            dict(
                url=f"http://127.0.0.1:{port}/s/{i}",
                raw="",
                host=f"127.0.0.1:{port}",
                state="ok",
                etag='"v1"',
                next_check_at=now,
                created_at=now,
                consecutive_failures=0,
                check_count=1,
                verify_pending=False,
            )
        )
    with session_scope(engine) as session:
        session.execute(insert(Source), rows)
    engine.dispose()


def _run_workers(url: str, n: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLEDGER_")}
    env.update(
        CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES="true",
        CLAIMLEDGER_RESPECT_ROBOTS="false",
        CLAIMLEDGER_PER_HOST_PER_ROUND=str(N),  # one round takes every due source of a host
        PYTHONPATH=str(ROOT),
    )
    cmd = [sys.executable, "-m", "verifier.cli", "--db", url, "worker", "--exit-when-idle"]
    cpu_before = _children_cpu()
    procs = [
        subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(n)
    ]
    summaries = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        if p.returncode != 0:
            raise SystemExit(f"worker failed:\n{err}")
        summaries.append(json.loads(out))
    cpu = _children_cpu() - cpu_before  # includes each worker's start-up (imports)
    worked = [s for s in summaries if s["claimed"]]
    wall = max(s["finished_at"] for s in worked) - min(s["started_at"] for s in worked)
    fetched = sum(s["fetched"] for s in summaries)
    if fetched != N:
        raise SystemExit(f"expected {N} sources checked, got {fetched}")
    return {
        "workers": n,
        "sources": fetched,
        "not_modified": sum(s["unchanged"] for s in summaries),
        "new_snapshots": sum(s["new_snapshots"] for s in summaries),
        "seconds": round(wall, 2),
        "sources_per_s": round(fetched / wall, 1),
        "per_worker": [s["fetched"] for s in summaries],
        "worker_cpu_s": round(cpu, 1),
    }


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished worker processes: contention on a shared
    machine changes wall time, not this."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pg_database() -> tuple[str, str]:
    import psycopg

    name = f"cl_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def _drop(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    stop = mp.Event()
    ports_q: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    server = mp.Process(target=_serve, args=(ports_q, stop), daemon=True)
    server.start()
    ports = ports_q.get(timeout=10)
    results: dict[str, dict] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.db"
            _fill(url, ports)
            results["sqlite_1"] = _run_workers(url, 1)
        for n in (1, 3):
            name, url = _pg_database()
            try:
                _fill(url, ports)
                results[f"postgres_{n}"] = _run_workers(url, n)
            finally:
                _drop(name)
    finally:
        stop.set()
        server.join(timeout=5)
    ratio = results["postgres_3"]["sources_per_s"] / results["postgres_1"]["sources_per_s"]
    for key, r in results.items():
        print(
            f"{key:11} {r['sources']} sources ({r['not_modified']} x 304, {r['new_snapshots']} new pages) "
            f"in {r['seconds']:.1f}s = {r['sources_per_s']:.0f} sources/s, worker CPU {r['worker_cpu_s']:.1f}s, "
            f"per worker {r['per_worker']}"
        )
    load = os.getloadavg()[0]
    print(
        f"scale-out: 3 workers / 1 worker on PostgreSQL = {ratio:.2f}x (cores: {os.cpu_count()}, load {load:.1f})"
    )
    print(json.dumps({"results": results, "ratio_3_over_1": round(ratio, 2)}))


if __name__ == "__main__":
    main()
