"""A lost network never rewrites the ledger (issue 11, item 1).

Four hosts answer, their claims are verified; then every host stops answering (connection
refused, as with the network down). Three scheduled rounds later: no verdict event, no source
counted as failing, and each round logged that the breaker tripped.
"""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from storage.db import session_scope
from storage.models import Snapshot, Source, Verdict, VerdictEvent
from tests.recheck.support import FakeVerify, add_claim, add_sources
from tests.support.servers import LocalServer, Reply
from verifier.schedule.rounds import run_until_idle, scheduled_job
from verifier.settings import Settings

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")


def _settings(**kw: object) -> Settings:
    base: dict[str, object] = dict(
        allow_private_addresses=True, respect_robots=False, max_retries=1, backoff_base=0.01,
        connect_timeout=1.0, total_timeout=3.0, per_host_per_round=1000, dead_after_hours=0,
    )
    base.update(kw)
    return Settings(**base)  # type: ignore[arg-type]


def _make_due(engine: Engine) -> None:
    with session_scope(engine) as s:
        s.execute(update(Source).values(next_check_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))


def _state(engine: Engine) -> tuple[int, dict[int, tuple[str, str]], dict[int, tuple[str, int]]]:
    with Session(engine) as s:
        events = s.exec(select(func.count()).select_from(VerdictEvent)).one()
        verdicts = {v.claim_id: (v.status, v.reason) for v in s.exec(select(Verdict))}
        sources = {int(x.id): (x.state, x.consecutive_failures) for x in s.exec(select(Source))}  # type: ignore[arg-type]
    return int(events), verdicts, sources


def _verified_ledger(engine: Engine, settings: Settings) -> list[LocalServer]:
    page = Reply(body=b"<p>The company raised 5 million this year.</p>")
    servers = [LocalServer({f"/p{i}": (lambda req: page) for i in range(3)}, host=h) for h in HOSTS]
    for srv in servers:
        srv.__enter__()
        for sid in add_sources(engine, [srv.url(f"/p{i}") for i in range(3)]):
            add_claim(engine, [sid], "5 million")
    run_until_idle(engine, settings, verify=FakeVerify())  # type: ignore[arg-type]
    return servers


def test_network_down_for_three_serve_rounds_changes_no_verdict(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _settings()
    servers = _verified_ledger(engine, settings)
    before = _state(engine)
    assert len(before[1]) == 12 and all(st == "verified" for st, _ in before[1].values())
    for srv in servers:  # the network goes away: every host refuses
        srv.__exit__(None, None, None)
    caplog.set_level(logging.INFO, logger="verifier.schedule")
    for _ in range(3):
        _make_due(engine)
        summary = scheduled_job(engine, settings, owner="serve-under-test")  # what serve runs
        assert summary.breaker == 1 and summary.held_back == len(before[2])
    after = _state(engine)
    assert after == before, "a lost network changed verdicts, events or source states"
    down = [r for r in caplog.records if "network looks down" in r.getMessage() and r.levelno == logging.WARNING]
    rounds = [r for r in caplog.records if r.getMessage().startswith("re-check: ") and r.levelno == logging.INFO]
    assert len(down) == 3 and len(rounds) == 3
    assert all('"breaker": 1' in r.getMessage() for r in rounds)


def test_transient_failures_never_make_a_source_dead(engine: Engine) -> None:
    """Below the breaker (one host): refused, reset and DNS failures are no definite answer."""
    settings = _settings(dead_after_failures=1)
    with LocalServer({"/p": lambda req: Reply(body=b"<p>The company raised 5 million.</p>")}) as srv:
        (sid,) = add_sources(engine, [srv.url("/p")])
        claim = add_claim(engine, [sid], "5 million")
        unresolvable = add_sources(engine, ["http://no-such-host.invalid/x"])[0]
        add_claim(engine, [unresolvable], "5 million")
        verify = FakeVerify()
        run_until_idle(engine, settings, verify=verify)  # type: ignore[arg-type]
    with Session(engine) as s:
        assert s.get(Verdict, claim).status == "verified"  # type: ignore[union-attr]
    for _ in range(3):
        _make_due(engine)
        summary = run_until_idle(engine, settings, verify=verify)  # type: ignore[arg-type]
        assert summary.breaker == 0 and summary.failed == 2
    with Session(engine) as s:
        src, gone = s.get(Source, sid), s.get(Source, unresolvable)
        assert src is not None and gone is not None
        assert src.state == "ok" and src.consecutive_failures == 0 and src.soft_failures == 3
        assert gone.state == "new" and gone.consecutive_failures == 0
        assert s.get(Verdict, claim).status == "verified"  # type: ignore[union-attr]


def test_dead_needs_definite_answers_over_a_span(engine: Engine) -> None:
    """Three 404s within minutes are not enough when dead_after_hours asks for a day."""
    from verifier.fetch.result import FetchResult
    from verifier.snapshots import store_fetch

    settings = _settings(dead_after_failures=3, dead_after_hours=24)
    (sid,) = add_sources(engine, ["https://example.org/gone"])
    t0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for hours, expected in ((0, 1), (1, 2), (2, 2), (30, 3)):
        with session_scope(engine) as s:
            src = s.get(Source, sid)
            assert src is not None
            res = FetchResult(src.url, "dead", status=404, error="HTTP 404", fetched_at=t0 + dt.timedelta(hours=hours))
            store_fetch(s, src, res, settings=settings)
            failures = src.consecutive_failures
        assert failures == expected, hours  # dead (3) only once the answers span 24 h


def test_a_soft_404_counts_toward_dead_like_a_404_not_at_once(engine: Engine) -> None:
    """A page the ledger holds starts answering 200 with a "not found" page (a soft 404, as the page
    reader marks it): its claims keep their verdict and evidence until such answers repeat over
    ``dead_after_hours``; then they are unverified (source unreachable), the old snapshot kept."""
    import time
    from dataclasses import dataclass

    from verifier.passages import PageText
    from verifier.snapshots import page_of, store_fetch

    @dataclass(frozen=True)
    class ReadPage(PageText):  # what the page reader (issue 10) hands over: the page and its state
        state: str = "ok"

    settings = _settings(dead_after_failures=3, dead_after_hours=1.5 / 3600)  # a span of 1.5 s

    def store(session, source, result):  # type: ignore[no-untyped-def]
        if result.body and b"not found" in result.body.lower():
            p = page_of(result)
            result.page = ReadPage(p.title, p.text, p.passages, p.published, state="soft_404")
        return store_fetch(session, source, result, settings=settings)

    answer = {"body": b"<p>The company raised 5 million this year.</p>"}
    with LocalServer({"/a": lambda req: Reply(body=answer["body"])}) as srv:
        (sid,) = add_sources(engine, [srv.url("/a")])
        claim = add_claim(engine, [sid], "5 million")
        verify = FakeVerify()
        run_until_idle(engine, settings, verify=verify, store=store)  # type: ignore[arg-type]
        with Session(engine) as s:
            assert s.get(Verdict, claim).status == "verified"  # type: ignore[union-attr]
        answer["body"] = b"<html><title>Page not found</title><p>Sorry, this page was not found.</p></html>"
        for expected in (1, 2, 2):  # the third comes too soon after the first to count as dead
            _make_due(engine)
            run_until_idle(engine, settings, verify=verify, store=store)  # type: ignore[arg-type]
            with Session(engine) as s:
                src, v = s.get(Source, sid), s.get(Verdict, claim)
                assert src is not None and v is not None
                assert (src.state, src.consecutive_failures) == ("soft_404", expected)
                assert v.status == "verified"
                assert "5 million" in s.exec(select(Snapshot.text).where(Snapshot.source_id == sid)).all()[-1]
        time.sleep(1.6)
        _make_due(engine)
        run_until_idle(engine, settings, verify=verify, store=store)  # type: ignore[arg-type]
    with Session(engine) as s:
        src, v = s.get(Source, sid), s.get(Verdict, claim)
        assert src is not None and v is not None
        assert src.consecutive_failures == 3 and (v.status, v.reason) == ("unverified", "source_unreachable")
        assert len(s.exec(select(Snapshot).where(Snapshot.source_id == sid)).all()) == 1  # the page it rested on
