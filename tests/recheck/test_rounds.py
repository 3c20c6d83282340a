"""Rounds against a real local HTTP server and a real ledger (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import session_scope
from storage.models import Source, utcnow
from storage.verdicts import VerdictUpdate, record_verdict
from tests.recheck.support import (
    FakeVerify,
    add_claim,
    add_sources,
    conditional,
    details,
    events,
    make_due,
    snapshots,
    verdict,
)
from tests.support.servers import LocalServer, Reply
from verifier.schedule.rounds import recheck_sources, run_until_idle
from verifier.settings import Settings


@pytest.fixture
def settings() -> Settings:
    return Settings(
        round_size=50, per_host_per_round=1000, lease_seconds=60, allow_private_addresses=True, dead_after_hours=0
    )


def run(engine: Engine, settings: Settings, verify: FakeVerify, **kw: object):
    """A drain with the real Fetcher and store_fetch; only the verifier is a stand-in here."""
    return run_until_idle(engine, settings, verify=verify, **kw)  # type: ignore[arg-type]


def source(engine: Engine, sid: int) -> Source:
    with Session(engine) as session:
        s = session.get(Source, sid)
        assert s is not None
        return s


def test_round_checks_each_due_source_once_and_unchanged_pages_add_nothing(
    engine: Engine, settings: Settings
) -> None:
    versions = {f"/p{i}": f"page {i} says 10 million" for i in range(30)}
    with LocalServer({p: conditional(versions, p) for p in versions}) as srv:
        ids = add_sources(engine, [srv.url(p) for p in versions])
        claim = add_claim(engine, [ids[0]], "10 million")
        verify = FakeVerify()
        first = run(engine, settings, verify)
        assert first.claimed == first.fetched == 30 and first.new_snapshots == 30
        assert all(srv.hits[p] == 1 for p in versions)
        assert verdict(engine, claim).status == "verified"
        before = len(events(engine, claim))

        second = run(engine, settings, verify)  # nothing due yet
        assert second.claimed == 0 and sum(n for p, n in srv.hits.items() if p != "/robots.txt") == 30

        make_due(engine)
        third = run(engine, settings, verify)  # 304 everywhere
        assert third.fetched == 30 and third.unchanged == 30 and third.new_snapshots == 0
        assert all(len(snapshots(engine, i)) == 1 for i in ids)
        assert len(events(engine, claim)) == before
        assert all(source(engine, i).next_check_at is not None for i in ids)
        assert all(
            source(engine, i).lease_owner is None and not source(engine, i).verify_pending for i in ids
        )


def test_same_hash_without_etag_adds_nothing(engine: Engine, settings: Settings) -> None:
    with LocalServer({"/a": lambda req: Reply(body=b"<p>steady 5 GW</p>")}) as srv:
        (sid,) = add_sources(engine, [srv.url("/a")])
        claim = add_claim(engine, [sid], "5 GW")
        verify = FakeVerify()
        run(engine, settings, verify)
        n_events = len(events(engine, claim))
        make_due(engine)
        again = run(engine, settings, verify)
        assert again.unchanged == 1 and len(snapshots(engine, sid)) == 1
        assert len(events(engine, claim)) == n_events
        assert len(verify.calls) == 1  # the unchanged page re-verified nothing


def test_changed_page_timeline_shows_both_events_with_times_and_reasons(
    engine: Engine, settings: Settings
) -> None:
    versions = {"/news": "OpenAI raised 40 billion dollars"}
    with LocalServer({"/news": conditional(versions, "/news")}) as srv:
        (sid,) = add_sources(engine, [srv.url("/news")])
        claim = add_claim(engine, [sid], "40 billion")
        verify = FakeVerify()
        run(engine, settings, verify)
        assert verdict(engine, claim).status == "verified"

        versions["/news"] = "OpenAI raised 4 billion dollars"
        make_due(engine)
        summary = run(engine, settings, verify)
        assert summary.new_snapshots == 1 and summary.reverified_sources == 1
        assert verify.calls[-1] == {"claim_ids": None, "source_ids": [sid], "trigger": "source_changed"}
        s = source(engine, sid)
        assert s.state == "changed" and s.last_changed_at is not None
        timeline = [(e.status, e.reason) for e in events(engine, claim)]
        assert timeline[-2:] == [("verified", "source_fetched"), ("contradicted", "source_changed")]
        stamps = [e.created_at for e in events(engine, claim)[-2:]]
        assert stamps[0] < stamps[1]
        assert len(snapshots(engine, sid)) == 2  # the old version is kept


def test_dead_page_unverifies_claims_only_after_the_retries(engine: Engine, settings: Settings) -> None:
    alive = {"ok": True}

    def route(req):  # type: ignore[no-untyped-def]
        return Reply(body=b"<p>Sales hit 300 units</p>") if alive["ok"] else Reply(404, b"gone")

    with LocalServer({"/x": route}) as srv:
        (sid,) = add_sources(engine, [srv.url("/x")])
        claim = add_claim(engine, [sid], "300 units")
        verify = FakeVerify()
        run(engine, settings, verify)
        assert verdict(engine, claim).status == "verified"
        alive["ok"] = False
        for attempt in range(1, settings.dead_after_failures):
            make_due(engine)
            run(engine, settings, verify)
            assert source(engine, sid).consecutive_failures == attempt
            assert verdict(engine, claim).status == "verified", "flipped before the retries were used"
        make_due(engine)
        summary = run(engine, settings, verify)
        assert summary.unreachable_claims == 1
        v = verdict(engine, claim)
        assert (v.status, v.reason) == ("unverified", "source_unreachable")
        assert v.snapshot_id is not None  # still points at the snapshot it rested on
        assert len(snapshots(engine, sid)) == 1  # old snapshot kept
        last = events(engine, claim)[-1]
        assert details(last)["source_ids"] == [sid]

        alive["ok"] = True  # the page comes back: its claims are re-verified
        make_due(engine)
        run(engine, settings, verify)
        assert verdict(engine, claim).status == "verified"


def test_a_claim_with_another_live_source_is_not_unreachable(engine: Engine, settings: Settings) -> None:
    with LocalServer(
        {"/live": lambda req: Reply(body=b"<p>7 models</p>"), "/dead": lambda req: Reply(404)}
    ) as srv:
        live, dead = add_sources(engine, [srv.url("/live"), srv.url("/dead")])
        claim = add_claim(engine, [live, dead], "7 models")
        verify = FakeVerify()
        for _ in range(settings.dead_after_failures):
            make_due(engine)
            run(engine, settings, verify)
        assert verdict(engine, claim).status == "verified"
        assert any(c["trigger"] == "source_unreachable" and c["claim_ids"] == [claim] for c in verify.calls)


def test_reviewed_claim_is_flagged_with_the_passage_diff_not_flipped(
    engine: Engine, settings: Settings
) -> None:
    versions = {"/r": "Revenue reached 12 billion dollars in 2025"}
    with LocalServer({"/r": conditional(versions, "/r")}) as srv:
        (sid,) = add_sources(engine, [srv.url("/r")])
        claim = add_claim(engine, [sid], "12 billion")
        verify = FakeVerify()
        run(engine, settings, verify)
        with session_scope(engine) as session:  # a reviewer confirms, with evidence on snapshot 1
            from storage.models import Evidence

            snap = snapshots(engine, sid)[0]
            session.add(Evidence(claim_id=claim, snapshot_id=snap.id, passage=snap.text, score=0.9))  # type: ignore[arg-type]
            record_verdict(session, claim, VerdictUpdate(status="verified", reason="reviewed", actor="ann"))
        versions["/r"] = "Revenue reached 13 billion dollars in 2025"
        make_due(engine)
        summary = run(engine, settings, verify)
        assert summary.flagged_reviews == 1
        v = verdict(engine, claim)
        assert (v.status, v.actor, v.needs_review) == ("verified", "ann", True)
        flag = [
            e
            for e in events(engine, claim)
            if e.reason == "source_changed" and details(e).get("needs_review")
        ]
        assert len(flag) == 1
        diff = details(flag[0])["passage"]
        assert "-12" in diff["diff"] and "+13" in diff["diff"]

        make_due(engine)  # nothing changed since: no second flag
        run(engine, settings, verify)
        assert len([e for e in events(engine, claim) if details(e).get("needs_review")]) == 1


def test_pending_verification_survives_a_crash_and_is_done_by_the_next_worker(
    engine: Engine, settings: Settings
) -> None:
    with LocalServer({"/c": lambda req: Reply(body=b"<p>A 9 percent rise</p>")}) as srv:
        (sid,) = add_sources(engine, [srv.url("/c")])
        claim = add_claim(engine, [sid], "9 percent")

        def crash(*a: object, **k: object) -> None:
            raise RuntimeError("worker died during verification")

        with pytest.raises(RuntimeError):
            run(engine, settings.model_copy(update={"lease_seconds": 60}), crash, owner="w1")  # type: ignore[arg-type]
        s = source(engine, sid)
        assert s.verify_pending and s.lease_owner == "w1" and len(snapshots(engine, sid)) == 1
        verify = FakeVerify()
        assert run(engine, settings, verify, owner="w2").claimed == 0  # lease still held
        with session_scope(engine) as session:  # the lease runs out
            row = session.get(Source, sid)
            assert row is not None
            row.lease_expires_at = utcnow() - dt.timedelta(seconds=1)
        summary = run(engine, settings, verify, owner="w2")
        assert summary.claimed == 1 and summary.fetched == 0  # re-verified without a second fetch
        assert srv.hits["/c"] == 1
        assert verdict(engine, claim).status == "verified"
        s = source(engine, sid)
        assert not s.verify_pending and s.lease_owner is None


def test_recheck_sources_checks_named_sources_even_when_not_due(engine: Engine, settings: Settings) -> None:
    with LocalServer(
        {"/a": lambda req: Reply(body=b"<p>a</p>"), "/b": lambda req: Reply(body=b"<p>b</p>")}
    ) as srv:
        a, b = add_sources(engine, [srv.url("/a"), srv.url("/b")])
        verify = FakeVerify()
        run(engine, settings, verify)
        summary = recheck_sources(engine, settings, [a], verify=verify)
        assert summary.fetched == 1 and srv.hits["/a"] == 2 and srv.hits["/b"] == 1


def test_all_mode_checks_everything_once(engine: Engine, settings: Settings) -> None:
    with LocalServer({f"/{i}": (lambda req: Reply(body=b"<p>x</p>")) for i in range(12)}) as srv:
        add_sources(engine, [srv.url(f"/{i}") for i in range(12)])
        verify = FakeVerify()
        run(engine, settings, verify)
        summary = run(engine, settings.model_copy(update={"round_size": 5}), verify, mode="all")
        assert summary.fetched == 12 and summary.rounds == 3
        assert all(srv.hits[f"/{i}"] == 2 for i in range(12))


def test_unfetchable_sources_are_never_claimed(engine: Engine, settings: Settings) -> None:
    with session_scope(engine) as session:
        session.add(Source(url="not a url", raw="not a url", state="malformed"))
    summary = run(engine, settings, FakeVerify(), mode="all")
    assert summary.claimed == 0
    with Session(engine) as session:
        assert session.exec(select(Source)).one().check_count == 0


def test_a_slow_round_keeps_its_leases(engine: Engine, settings: Settings) -> None:
    import threading

    from storage.leases import claim_sources

    slow = settings.model_copy(update={"lease_seconds": 1})
    with LocalServer({"/slow": lambda req: Reply(body=b"<p>slow</p>", delay=2.5)}) as srv:
        add_sources(engine, [srv.url("/slow")])
        box: dict = {}
        worker = threading.Thread(target=lambda: box.update(s=run(engine, slow, FakeVerify(), owner="w1")))
        worker.start()
        time.sleep(1.8)  # past the first lease: renewed, so nobody else can take the source
        stolen = claim_sources(engine, "w2", limit=5, lease_seconds=1)
        worker.join(timeout=30)
    assert stolen == []
    assert box["s"].fetched == 1 and box["s"].lost_lease == 0 and srv.hits["/slow"] == 1


def test_a_scheduled_round_takes_at_most_per_host_per_round_of_one_host_per_window(
    engine: Engine, settings: Settings
) -> None:
    # (a window long enough that a round on a loaded machine, 1.7 s seen, ends inside it)
    capped = settings.model_copy(update={"per_host_per_round": 3, "round_size": 2, "per_host_window_seconds": 5.0})
    big_pages = {f"/{i}": (lambda req: Reply(body=b"<p>x</p>")) for i in range(10)}
    with LocalServer(big_pages) as big, LocalServer({"/s": lambda req: Reply(body=b"<p>y</p>")}) as small:
        add_sources(engine, [big.url(f"/{i}") for i in range(10)] + [small.url("/s")])
        first = run(engine, capped, FakeVerify())
        assert first.fetched == 4 and small.hits["/s"] == 1  # 3 of the big host, across batches
        assert sum(big.hits[f"/{i}"] for i in range(10)) == 3
        at_once = run(engine, capped, FakeVerify())  # the window is used up, whoever asks
        assert at_once.fetched == 0
        time.sleep(5.1)
        second = run(engine, capped, FakeVerify())  # a later window takes 3 more
        assert second.fetched == 3 and sum(big.hits[f"/{i}"] for i in range(10)) == 6
        by_hand = run(engine, capped, FakeVerify(), mode="all")  # a round by hand is not capped
        assert by_hand.fetched == 11


def test_one_bad_store_does_not_sink_the_batch(engine: Engine, settings: Settings) -> None:
    from verifier.snapshots import store_fetch

    def store(session, source, result):  # type: ignore[no-untyped-def]
        if source.url.endswith("/bad"):
            raise ValueError("cannot store this one")
        return store_fetch(session, source, result, settings=settings)

    pages = {p: (lambda req: Reply(body=b"<p>ok</p>")) for p in ("/a", "/bad", "/c")}
    with LocalServer(pages) as srv:
        a, bad, c = add_sources(engine, [srv.url(p) for p in ("/a", "/bad", "/c")])
        summary = run(engine, settings, FakeVerify(), store=store)
    assert summary.errors == 1 and summary.fetched == 2
    assert len(snapshots(engine, a)) == len(snapshots(engine, c)) == 1 and snapshots(engine, bad) == []
    assert source(engine, bad).lease_owner is not None  # left to expire, then retried
    assert source(engine, bad).last_checked_at is None
