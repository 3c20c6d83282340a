"""kill -9 at random points never breaks the ledger (issue 11, acceptance).

``verify`` over the demo ledger and a re-check ``worker`` over changing pages are each killed
with SIGKILL at a random moment, ten times; after every kill the invariants hold: every claim has
one verdict equal to its last event, no evidence without its snapshot, no half-written snapshot.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from storage.db import make_engine, session_scope
from storage.models import Claim, Evidence, Snapshot, Source, Verdict, VerdictEvent
from tests.conftest import REPORTS_DIR, ROOT, SOURCES_DIR
from tests.recheck.support import add_claim, add_sources
from tests.support.servers import LocalServer, Reply

pytestmark = pytest.mark.slow

KILLS = 10


def _cli(db: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "verifier.cli", "--db", db, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def _kill_at_random(proc: subprocess.Popen[str], rng: random.Random, low: float, high: float) -> None:
    time.sleep(rng.uniform(low, high))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


def check_invariants(engine: Engine) -> None:
    with Session(engine) as s:
        claims = set(s.exec(select(Claim.id)).all())
        verdicts = {v.claim_id: v for v in s.exec(select(Verdict))}
        assert set(verdicts) == claims, "a claim without a verdict (or a verdict without a claim)"
        last: dict[int, VerdictEvent] = {}
        for ev in s.exec(select(VerdictEvent).order_by(col(VerdictEvent.id))):
            last[ev.claim_id] = ev
        bad = [c for c, v in verdicts.items() if c not in last or last[c].status != v.status]
        assert not bad, f"verdicts differing from their last event: {bad[:5]}"
        orphans = s.exec(
            select(func.count()).select_from(Evidence).where(
                col(Evidence.snapshot_id).not_in(select(Snapshot.id))
            )
        ).one()
        assert orphans == 0, "evidence without a snapshot"
        for snap in s.exec(select(Snapshot)):
            body = gzip.decompress(snap.raw_gz)
            assert hashlib.sha256(body).hexdigest() == snap.content_hash, f"half-written snapshot {snap.id}"
            assert snap.passages is not None and snap.text is not None


def test_kill_verify_at_random_points(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    for args in (["ingest", str(REPORTS_DIR)], ["sources", "import", str(SOURCES_DIR)]):
        proc = _cli(db, *args)
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    engine = make_engine(db, cache=False)
    rng = random.Random(11)
    for _ in range(KILLS):
        _kill_at_random(_cli(db, "verify", "--offline"), rng, 0.5, 4.0)
        check_invariants(engine)
    proc = _cli(db, "verify", "--offline")  # and a run to the end afterwards still works
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    check_invariants(engine)


def test_kill_worker_at_random_points(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    engine = make_engine(db, cache=False)
    n = {"v": 0}

    def changing(req):  # type: ignore[no-untyped-def]
        n["v"] += 1
        return Reply(body=f"<p>Version {n['v']}: the company raised 5 million.</p>".encode())

    env = {"CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES": "true", "CLAIMLEDGER_RESPECT_ROBOTS": "false",
           "CLAIMLEDGER_PER_HOST_PER_ROUND": "100000", "CLAIMLEDGER_ROUND_SIZE": "10",
           "CLAIMLEDGER_LEASE_SECONDS": "1"}
    with LocalServer({f"/c{i}": changing for i in range(40)}) as srv:
        for sid in add_sources(engine, [srv.url(f"/c{i}") for i in range(40)]):
            add_claim(engine, [sid], "5 million")
        rng = random.Random(7)
        for _ in range(KILLS):
            with session_scope(engine) as s:  # everything due again: the worker has work to be killed in
                s.execute(update(Source).values(next_check_at=dt.datetime.now(dt.UTC)))
            _kill_at_random(_cli(db, "worker", "--interval", "1", env=env), rng, 0.5, 3.0)
            check_invariants(engine)
        time.sleep(1.1)  # leases of the killed worker expire; a clean drain finishes the work
        proc = _cli(db, "worker", "--exit-when-idle", env=env)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    check_invariants(engine)
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Source).where(col(Source.verify_pending))).one() == 0
