"""Keyset paging (``after``) walks the review queue and the claim list through exactly the rows, in
exactly the order, that offset paging gives — across the queue's groups and through ties in
confidence — on SQLite and PostgreSQL; and the API hands out the cursor."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import Engine

import storage.queries as q


def _ledger(engine: Engine, n: int = 700) -> None:
    from storage.counts import compact_counts
    from storage.db import session_scope
    from storage.models import Claim, Report, Verdict

    rng = random.Random(5)
    now = dt.datetime.now(dt.UTC)
    with session_scope(engine) as session:
        session.execute(insert(Report), [{"id": 1, "name": "r.txt", "sha256": "x", "text": "t", "meta": "{}",
                                          "version": 1, "is_latest": True, "title": "", "language": "zh",
                                          "ingested_at": now}])
        session.execute(insert(Claim), [
            {"id": i, "report_id": 1, "start": 0, "end": 1, "sentence_start": 0, "sentence_end": 1, "text": f"c{i}",
             "key_text": "1", "kind": "money", "values": "[]", "entities": "[]", "topics": "[]",
             "checkworthy": i % 17 != 0, "created_at": now}
            for i in range(1, n + 1)
        ])
        rows = []
        for i in range(1, n + 1):
            status = rng.choice(["verified", "unverified", "contradicted"])
            rows.append({
                "claim_id": i, "status": status, "reason": rng.choice(["a_reason", "b_reason", "c_reason"]),
                "confidence": rng.choice([0.1, 0.5, 0.5, 0.65, 0.9]),  # many ties
                "actor": "ana" if i % 11 == 0 else "auto", "note": "", "evidence_digest": "", "conflicts_with": "[]",
                "needs_review": i % 13 == 0, "updated_at": now, "assignee": "bo" if i % 7 == 0 else None,
            })
        session.execute(insert(Verdict), rows)
        compact_counts(session)


def _walk(fetch, page_size: int) -> tuple[list[int], list[int]]:  # type: ignore[no-untyped-def]
    by_offset: list[int] = []
    offset = 0
    while True:
        page = fetch(offset=offset, after=None)
        by_offset += [r.claim.id for r in page.items]
        if len(page.items) < page_size:
            break
        offset += page_size
    by_cursor: list[int] = []
    after = None
    while True:
        page = fetch(offset=0, after=after)
        by_cursor += [r.claim.id for r in page.items]
        after = page.next_after
        if after is None:
            break
    return by_offset, by_cursor


@pytest.mark.parametrize("flt", [q.ClaimFilter(), q.ClaimFilter(review="unreviewed"), q.ClaimFilter(status="verified")])
def test_queue_pages_by_cursor_are_the_pages_by_offset(engine: Engine, flt: q.ClaimFilter) -> None:
    from storage.db import session_scope

    _ledger(engine)
    with session_scope(engine) as session:
        by_offset, by_cursor = _walk(
            lambda offset, after: q.review_queue(session, flt, limit=23, offset=offset, after=after, with_total=False),
            23,
        )
        assert len(by_offset) == q.count_queue(session, flt) > 100
    assert by_cursor == by_offset
    assert len(set(by_cursor)) == len(by_cursor)


def test_claim_list_pages_by_cursor_are_the_pages_by_offset(engine: Engine) -> None:
    from storage.db import session_scope

    _ledger(engine)
    with session_scope(engine) as session:
        for flt in (q.ClaimFilter(), q.ClaimFilter(status="contradicted")):
            by_offset, by_cursor = _walk(
                lambda offset, after, flt=flt: q.list_claims(session, flt, limit=50, offset=offset, after=after,
                                                             with_total=False),
                50,
            )
            assert by_cursor == by_offset and len(by_offset) == q.count_claims(session, flt)


def test_the_api_hands_out_the_cursor(sqlite_url: str) -> None:
    from fastapi.testclient import TestClient

    from storage.db import make_engine
    from verifier.api.app import create_app
    from verifier.settings import Settings

    engine = make_engine(sqlite_url, cache=False)
    _ledger(engine)
    client = TestClient(create_app(Settings(database_url=sqlite_url, read_cache_seconds=0), engine=engine))
    for path in ("/api/queue", "/api/claims"):
        first = client.get(path, params={"limit": 40}).json()
        second = client.get(path, params={"limit": 40, "after": first["next_after"]}).json()
        by_offset = client.get(path, params={"limit": 40, "offset": 40}).json()
        assert [c["id"] for c in second["items"]] == [c["id"] for c in by_offset["items"]]
    assert client.get("/api/queue", params={"after": "nonsense"}).status_code == 422  # bad input
