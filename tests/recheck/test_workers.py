"""Scale-out: worker processes sharing one ledger. PostgreSQL: three workers, 500 sources, each
fetched exactly once per round; a SIGKILLed worker's sources are finished on the next pass.
SQLite: a serve-like process and a worker at the same time never hit "database is locked"."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from storage.db import make_engine
from storage.models import Snapshot, Source, Verdict, VerdictEvent, utcnow
from tests.conftest import ROOT
from tests.recheck.support import add_claim, add_sources, make_due
from tests.support.servers import LocalServer, Reply

pytestmark = pytest.mark.slow


def _env(**extra: object) -> dict[str, str]:
    keep = ("CLAIMLEDGER_SECRET_FILE",)  # the test run's generated secret, never the home folder
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLEDGER_") or k in keep}
    env.update(
        CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES="true",
        CLAIMLEDGER_RESPECT_ROBOTS="false",
        CLAIMLEDGER_PER_HOST_PER_ROUND="100000",
        PYTHONPATH=str(ROOT),
    )
    env.update({f"CLAIMLEDGER_{k.upper()}": str(v) for k, v in extra.items()})
    return env


def _spawn(args: Sequence[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """A Python process in the project folder with its output captured."""
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _workers(url: str, n: int, env: dict[str, str]) -> list[subprocess.Popen[str]]:
    return [_spawn(["-m", "verifier.cli", "--db", url, "worker", "--exit-when-idle"], env) for _ in range(n)]


def _finish(procs: Sequence[subprocess.Popen[str]], timeout: float = 120) -> list[dict]:
    summaries = []
    for p in procs:
        out, err = p.communicate(timeout=timeout)
        if p.returncode == -signal.SIGKILL:
            continue
        assert p.returncode == 0, err
        assert "Traceback" not in err, err
        summaries.append(json.loads(out))
    return summaries


def _pages(n: int, delay: float = 0.0) -> dict[str, object]:
    return {
        f"/p{i}": (
            lambda req, i=i: Reply(body=f"<p>Page {i} reports 1{i} million users.</p>".encode(), delay=delay)
        )
        for i in range(n)
    }


def _ledger_is_consistent(engine: Engine, started: dt.datetime, claims: Sequence[int]) -> None:
    with Session(engine) as session:
        sources = session.exec(select(Source)).all()
        for s in sources:
            assert s.last_checked_at is not None, s.url
            assert s.lease_owner is None and not s.verify_pending, s.url
            snaps = session.exec(select(Snapshot).where(Snapshot.source_id == s.id)).all()
            assert len(snaps) == 1, s.url  # same content fetched twice is still one snapshot
            assert snaps[0].text and snaps[0].content_hash == s.content_hash
        for claim_id in claims:
            n_events = session.exec(
                select(func.count()).select_from(VerdictEvent).where(VerdictEvent.claim_id == claim_id)
            ).one()
            assert n_events >= 2, f"claim {claim_id} lost its verification event"
            assert session.get(Verdict, claim_id).reason != "not_checked"  # type: ignore[union-attr]


@pytest.mark.postgres
def test_three_workers_fetch_each_source_exactly_once_per_round(pg_url: str) -> None:
    engine = make_engine(pg_url, cache=False)
    with LocalServer(_pages(500, delay=0.005)) as srv:
        ids = add_sources(engine, [srv.url(f"/p{i}") for i in range(500)])
        claims = [add_claim(engine, [sid], f"1{i} million") for i, sid in enumerate(ids[:40])]
        started = utcnow()
        env = _env(round_size=20, lease_seconds=120)

        summaries = _finish(_workers(pg_url, 3, env))
        assert sum(s["fetched"] for s in summaries) == 500
        assert sum(1 for s in summaries if s["fetched"]) >= 2, summaries  # the work was shared
        assert all(srv.hits[f"/p{i}"] == 1 for i in range(500))
        _ledger_is_consistent(engine, started, claims)

        make_due(engine)  # round two: every page unchanged
        summaries = _finish(_workers(pg_url, 3, env))
        assert sum(s["fetched"] for s in summaries) == 500
        assert sum(s["unchanged"] for s in summaries) == 500
        assert all(srv.hits[f"/p{i}"] == 2 for i in range(500))
        _ledger_is_consistent(engine, started, claims)


@pytest.mark.postgres
def test_a_killed_worker_round_completes_after_its_leases_expire(pg_url: str) -> None:
    engine = make_engine(pg_url, cache=False)
    lease = 4
    with LocalServer(_pages(300, delay=0.05)) as srv:
        ids = add_sources(engine, [srv.url(f"/p{i}") for i in range(300)])
        claims = [add_claim(engine, [sid], f"1{i} million") for i, sid in enumerate(ids[::5])]
        started = utcnow()
        env = _env(round_size=10, lease_seconds=lease, fetch_concurrency=4)
        procs = _workers(pg_url, 3, env)
        deadline = time.monotonic() + 60
        while sum(srv.hits.values()) < 60 and time.monotonic() < deadline:
            time.sleep(0.02)
        victim = procs[0]
        victim.send_signal(signal.SIGKILL)  # mid-round: it holds leases and may be mid-transaction
        _finish(procs)
        killed_at = time.monotonic()
        with Session(engine) as session:
            leftover = session.exec(
                select(func.count()).select_from(Source).where(col(Source.lease_owner).is_not(None))
            ).one()

        time.sleep(max(0.0, lease + 0.5 - (time.monotonic() - killed_at)))  # the leases run out
        summary = _finish(_workers(pg_url, 1, env))[0]  # the next pass
        assert summary["claimed"] >= leftover

    _ledger_is_consistent(engine, started, claims)
    hits = [srv.hits[f"/p{i}"] for i in range(300)]
    assert min(hits) == 1 and max(hits) <= 2
    assert sum(h == 2 for h in hits) <= 10  # at most the victim's one batch was fetched again


SERVE_LIKE = """
import sys, time, random
from sqlalchemy import update
from storage.db import make_engine, session_scope
from storage.models import Source, utcnow
from verifier.schedule import start_in_process
from verifier.settings import Settings
from apscheduler.events import EVENT_JOB_EXECUTED, EVENT_JOB_ERROR

settings = Settings()
engine = make_engine(settings.database_url)
sched = start_in_process(settings, engine)
sched.add_listener(lambda ev: print("ROUND", ev.retval.claimed if ev.retval else -1, flush=True), EVENT_JOB_EXECUTED)
sched.add_listener(lambda ev: print("JOBERROR", ev.exception, flush=True), EVENT_JOB_ERROR)
deadline = time.time() + float(sys.argv[1])
while time.time() < deadline:  # what an API does meanwhile: short writes (here: re-check requests)
    with session_scope(engine) as session:
        k = random.randrange(5)
        session.execute(update(Source).where(Source.id % 5 == k).values(next_check_at=utcnow()))
    time.sleep(0.05)
sched.shutdown(wait=True)
print("DONE", flush=True)
"""


def test_sqlite_serve_and_worker_side_by_side_never_lock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(url, cache=False)
    counter = {"n": 0}

    def changing(req):  # type: ignore[no-untyped-def]
        counter["n"] += 1
        return Reply(body=f"<p>Version {counter['n']}: 5 million users.</p>".encode())

    with LocalServer({f"/c{i}": changing for i in range(60)}) as srv:
        ids = add_sources(engine, [srv.url(f"/c{i}") for i in range(60)])
        for sid in ids[:20]:
            add_claim(engine, [sid], "5 million")
        env = _env(database_url=url, scheduler_interval_seconds=1, round_size=15, lease_seconds=30)
        serve = _spawn(["-c", SERVE_LIKE, "8"], env)
        worker = _spawn(["-m", "verifier.cli", "worker", "--interval", "1"], env)
        serve_out, serve_err = serve.communicate(timeout=120)
        worker.send_signal(signal.SIGTERM)
        _, worker_err = worker.communicate(timeout=60)

    for err in (serve_err, worker_err):
        assert "locked" not in err.lower(), err
        assert "Traceback" not in err, err
    assert "DONE" in serve_out and "JOBERROR" not in serve_out
    serve_rounds = [int(line.split()[1]) for line in serve_out.splitlines() if line.startswith("ROUND")]
    worker_rounds = [
        json.loads(line.split("re-check: ", 1)[1]) for line in worker_err.splitlines() if "re-check: " in line
    ]
    assert sum(serve_rounds) > 0 and sum(r["claimed"] for r in worker_rounds) > 0  # both did work
    with Session(engine) as session:
        checks = session.exec(select(func.sum(Source.check_count))).one()
        snaps = session.exec(select(func.count()).select_from(Snapshot)).one()
    assert checks > 60 and snaps == counter["n"]  # every changed page became exactly one snapshot


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sqlite_real_serve_with_api_rechecks_and_a_worker_never_lock(tmp_path: Path) -> None:
    import httpx

    from verifier.auth import create_token

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(url, cache=False)
    _, token = create_token(engine, "bot", "admin")
    counter = {"n": 0}

    def changing(req):  # type: ignore[no-untyped-def]
        counter["n"] += 1
        return Reply(body=f"<p>Version {counter['n']}: 5 million users.</p>".encode())

    port = _free_port()
    with LocalServer({f"/c{i}": changing for i in range(40)}) as srv:
        ids = add_sources(engine, [srv.url(f"/c{i}") for i in range(40)])
        for sid in ids[:20]:
            add_claim(engine, [sid], "5 million")
        env = _env(database_url=url, scheduler_interval_seconds=1, round_size=10)
        serve = _spawn(["-m", "verifier.cli", "serve", "--port", str(port)], env)
        worker = _spawn(["-m", "verifier.cli", "worker", "--interval", "1"], env)
        statuses: list[int] = []
        try:
            api = httpx.Client(
                base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"}
            )
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:  # wait for the server
                try:
                    api.get("/api/sources")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            end = time.monotonic() + 8
            i = 0
            while time.monotonic() < end:  # editors pressing "re-check" while rounds run
                statuses.append(
                    api.post(
                        "/api/sources/recheck", json={"source_ids": [ids[i % 40]]}, timeout=60
                    ).status_code
                )
                statuses.append(api.get("/api/claims", timeout=60).status_code)
                i += 1
            api.close()
        finally:
            serve.send_signal(signal.SIGINT)
            worker.send_signal(signal.SIGTERM)
            _, serve_err = serve.communicate(timeout=60)
            _, worker_err = worker.communicate(timeout=60)
    for err in (serve_err, worker_err):
        assert "locked" not in err.lower(), err
        assert "Traceback" not in err, err
    assert statuses and set(statuses) == {200}, statuses
    with Session(engine) as session:
        snaps = session.exec(select(func.count()).select_from(Snapshot)).one()
    assert snaps == counter["n"]  # every fetch of a changing page is exactly one snapshot


def test_a_worker_stopped_mid_round_finishes_the_round_and_exits_cleanly(tmp_path: Path) -> None:
    """SIGTERM while a round is fetching: the worker waits for the round (its snapshot is written) and
    exits without a traceback (it used to exit under the round, whose last write then failed)."""
    import threading

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(url, cache=False)
    fetching = threading.Event()

    def slow(req):  # type: ignore[no-untyped-def]
        fetching.set()
        time.sleep(2.0)
        return Reply(body=b"<p>The service has 5 million users.</p>")

    with LocalServer({"/slow": slow}) as srv:
        ids = add_sources(engine, [srv.url("/slow")])
        add_claim(engine, ids, "5 million")
        env = _env(database_url=url, scheduler_interval_seconds=1, round_size=15, lease_seconds=30)
        worker = _spawn(["-m", "verifier.cli", "worker", "--interval", "1"], env)
        assert fetching.wait(60), "the worker never fetched"
        worker.send_signal(signal.SIGTERM)
        _, err = worker.communicate(timeout=60)

    assert "Traceback" not in err, err
    assert worker.returncode == 0, err
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Snapshot).where(Snapshot.source_id == ids[0])).one() >= 1
