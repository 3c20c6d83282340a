"""Claiming due sources: no source goes to two workers, expired leases come back, host caps hold."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import session_scope
from storage.leases import claim_sources, count_due, finish_sources
from storage.models import Source, utcnow
from tests.recheck.support import add_sources, make_due
from verifier.schedule.policy import cap_per_host


def test_concurrent_claims_never_overlap(engine: Engine) -> None:
    add_sources(engine, [f"http://h{i % 5}.example/{i}" for i in range(300)])
    got: dict[str, list[int]] = {}

    def worker(name: str) -> None:
        ids: list[int] = []
        while batch := claim_sources(engine, name, limit=17, lease_seconds=60):
            ids += [c.id for c in batch]
        got[name] = ids

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [i for ids in got.values() for i in ids]
    assert len(every) == len(set(every)) == 300


def test_expired_lease_is_claimable_again(engine: Engine) -> None:
    (sid,) = add_sources(engine, ["http://a.example/x"])
    now = utcnow()
    assert [c.id for c in claim_sources(engine, "dead-worker", limit=5, lease_seconds=30, now=now)] == [sid]
    assert claim_sources(engine, "w2", limit=5, lease_seconds=30, now=now + dt.timedelta(seconds=10)) == []
    later = claim_sources(engine, "w2", limit=5, lease_seconds=30, now=now + dt.timedelta(seconds=31))
    assert [c.id for c in later] == [sid]
    with Session(engine) as session:
        assert session.get(Source, sid).lease_owner == "w2"  # type: ignore[union-attr]


def test_not_due_sources_are_not_claimed_and_due_ones_are(engine: Engine) -> None:
    a, b = add_sources(engine, ["http://a.example/1", "http://a.example/2"])
    with session_scope(engine) as session:
        for row in session.exec(select(Source)).all():
            row.next_check_at = utcnow() + dt.timedelta(hours=3)
            session.add(row)
    assert count_due(engine) == 0
    assert claim_sources(engine, "w", limit=5, lease_seconds=30) == []
    make_due(engine, [b])
    assert count_due(engine) == 1
    assert [c.id for c in claim_sources(engine, "w", limit=5, lease_seconds=30)] == [b]


def test_per_host_cap_applies_within_a_claim(engine: Engine) -> None:
    add_sources(engine, [f"http://big.example/{i}" for i in range(20)] + ["http://small.example/1"])
    batch = claim_sources(
        engine, "w", limit=10, lease_seconds=30, select_ids=lambda rows: cap_per_host(rows, 3, 10)
    )
    hosts = [c.host for c in batch]
    assert hosts.count("big.example") == 3 and hosts.count("small.example") == 1


def test_finish_only_touches_own_leases(engine: Engine) -> None:
    a, b = add_sources(engine, ["http://a.example/1", "http://a.example/2"])
    claim_sources(engine, "mine", limit=1, lease_seconds=30)
    claim_sources(engine, "theirs", limit=1, lease_seconds=30)
    assert finish_sources(engine, "mine", [a, b]) == 1
    with Session(engine) as session:
        owners = {s.id: s.lease_owner for s in session.exec(select(Source)).all()}
    assert owners == {a: None, b: "theirs"}


def test_the_per_host_cap_is_shared_by_every_owner(engine: Engine) -> None:
    from verifier.schedule.policy import HostWindowCap

    add_sources(engine, [f"http://one.example/{i}" for i in range(20)] + ["http://other.example/x"])
    cap, now = HostWindowCap(4, 60.0), utcnow()
    first = claim_sources(engine, "w1", limit=3, lease_seconds=300, host_cap=cap, now=now)
    second = claim_sources(engine, "w2", limit=10, lease_seconds=300, host_cap=cap, now=now)
    third = claim_sources(engine, "w3", limit=10, lease_seconds=300, host_cap=cap, now=now)
    hosts = [c.host for c in first + second + third]
    assert hosts.count("one.example") == 4 and hosts.count("other.example") == 1
    later = claim_sources(engine, "w3", limit=10, lease_seconds=300, host_cap=cap, now=now + dt.timedelta(seconds=61))
    assert [c.host for c in later] == ["one.example"] * 4
