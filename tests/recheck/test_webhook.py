"""The webhook outbox: delivered events, retries with backoff, dead letters."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import session_scope
from storage.models import WebhookDelivery, utcnow
from tests.support.servers import LocalServer, Reply
from verifier.schedule.webhook import deliver_pending, enqueue, retry_delay


def _queue(engine: Engine, n: int) -> None:
    with session_scope(engine) as session:
        assert (
            enqueue(session, [{"event_id": None, "claim_id": i, "status": "contradicted"} for i in range(n)])
            == n
        )


def _rows(engine: Engine) -> list[WebhookDelivery]:
    with Session(engine) as session:
        return list(session.exec(select(WebhookDelivery)).all())


def test_events_are_posted_as_json(sqlite_url: str) -> None:
    from storage.db import make_engine

    engine = make_engine(sqlite_url, cache=False)
    received: list[dict] = []

    def hook(req):  # type: ignore[no-untyped-def]
        received.append(json.loads(req.rfile.read(int(req.headers["Content-Length"]))))
        return Reply(204)

    _queue(engine, 3)
    with LocalServer({"/hook": hook}) as srv:
        report = deliver_pending(engine, srv.url("/hook"), max_attempts=3, backoff_seconds=1)
    assert report.delivered == 3
    assert sorted(r["claim_id"] for r in received) == [0, 1, 2]
    assert {r.state for r in _rows(engine)} == {"delivered"}


def test_failures_retry_with_backoff_then_dead_letter(sqlite_url: str) -> None:
    from storage.db import make_engine

    engine = make_engine(sqlite_url, cache=False)
    _queue(engine, 1)
    now = utcnow()
    with LocalServer({"/hook": lambda req: Reply(500, b"down")}) as srv:
        first = deliver_pending(engine, srv.url("/hook"), max_attempts=3, backoff_seconds=10, now=now)
        assert first.retried == 1
        too_soon = deliver_pending(engine, srv.url("/hook"), max_attempts=3, backoff_seconds=10, now=now)
        assert too_soon.retried == 0 and srv.hits["/hook"] == 1  # waits for the backoff
        later = now + dt.timedelta(seconds=retry_delay(1, 10) + 1)
        deliver_pending(engine, srv.url("/hook"), max_attempts=3, backoff_seconds=10, now=later)
        last = deliver_pending(
            engine, srv.url("/hook"), max_attempts=3, backoff_seconds=10, now=later + dt.timedelta(hours=1)
        )
    assert last.dead == 1 and srv.hits["/hook"] == 3
    (row,) = _rows(engine)
    assert (row.state, row.attempts, row.last_error) == ("dead", 3, "HTTP 500")


def test_unreachable_receiver_is_an_error_not_a_crash(sqlite_url: str) -> None:
    from storage.db import make_engine

    engine = make_engine(sqlite_url, cache=False)
    _queue(engine, 1)
    report = deliver_pending(engine, "http://127.0.0.1:9/hook", max_attempts=1, backoff_seconds=1, timeout=2)
    assert report.dead == 1
    assert "Error" in (_rows(engine)[0].last_error or "")


def test_an_event_is_queued_once(sqlite_url: str) -> None:
    from storage.db import make_engine
    from tests.recheck.support import add_claim, events

    engine = make_engine(sqlite_url, cache=False)
    claim = add_claim(engine, [], "5 GW")
    (event,) = events(engine, claim)
    with session_scope(engine) as session:
        assert enqueue(session, [{"event_id": event.id}, {"event_id": event.id}]) == 1
    with session_scope(engine) as session:
        assert enqueue(session, [{"event_id": event.id}]) == 0
    assert len(_rows(engine)) == 1


def test_retry_delay_doubles_and_is_capped() -> None:
    assert retry_delay(1, 2) == 2 and retry_delay(3, 2) == 8 and retry_delay(40, 2) == 3600
