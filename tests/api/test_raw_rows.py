"""The list queries on the driver's cursor (storage/rawexec.py) return exactly the rows
``Connection.execute`` returns — values and Python types — on SQLite and PostgreSQL, for the
queue's groups, filters with bound dates and booleans, a report's claims and search's claims by id
(an expanding ``IN`` list on SQLite); and the ``since``/``until`` filters work on every list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage import queries as q
from storage import rawexec
from storage.db import make_read_engine
from storage.search import _claims_by_ids
from tests.api.factories import Seed


def _both(
    session: Session, stmt: Any, params: dict[str, Any] | None
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    conn = session.connection()
    plain = [tuple(r) for r in conn.execute(stmt, params).all()]
    for _ in range(2):  # the first run goes the ordinary way, the second on the cursor
        raw = [tuple(r) for r in rawexec.fetch_all(conn, stmt, params)]
    return plain, raw


def test_rows_on_the_cursor_equal_executes(engine: Engine, seed: Seed) -> None:
    today = dt.date.today()
    statements: list[tuple[Any, dict[str, Any] | None]] = []
    with Session(make_read_engine(engine)) as session:
        for group in q._queue_groups(q.ClaimFilter()):
            statements.append((q._page_select(session, group, "queue", 50, 0), None))
        statements.append(
            (
                q._page_select(
                    session,
                    q.ClaimFilter(since=today - dt.timedelta(days=1), until=today, needs_review=False),
                    "id",
                    50,
                    0,
                ),
                None,
            )
        )
        statements.append(
            (q._page_select(session, q.ClaimFilter(status="verified"), "-confidence", 3, 1), None)
        )
        statements.append((q._report_claims_select(), {"report_id": seed.reports["a"]}))
        statements.append(
            (_claims_by_ids(session.connection().dialect.name), {"ids": list(seed.claims.values())})
        )
        statements.append((_claims_by_ids(session.connection().dialect.name), {"ids": []}))
        statements.append((q._page_select(session, q.ClaimFilter(), "id", 50, 0, lines=True), None))
        statements.append(
            (_claims_by_ids(session.connection().dialect.name, True), {"ids": list(seed.claims.values())})
        )
        planned, rows = 0, 0
        for stmt, params in statements:
            plain, raw = _both(session, stmt, params)
            assert raw == plain
            assert [[type(v) for v in r] for r in raw] == [[type(v) for v in r] for r in plain]
            planned += rawexec._plan(stmt, session.connection().dialect) is not None
            rows += len(raw)
        assert rows > 10 and planned == len(statements)  # every one of them ran on the cursor


def test_date_filters(client: TestClient, seed: Seed) -> None:
    everything = client.get("/api/claims", params={"review": "any"}).json()["total"]
    recent = client.get("/api/claims", params={"review": "any", "since": "2000-01-01"}).json()
    assert recent["total"] == everything > 0
    assert client.get("/api/claims", params={"until": "2000-01-01"}).json()["items"] == []
    assert client.get("/api/queue", params={"since": "2000-01-01"}).status_code == 200
    assert client.get("/", params={"since": "2000-01-01", "until": "2999-12-31"}).status_code == 200


def test_the_pages_tables_read_from_lines_as_from_full_rows(engine: Engine, seed: Seed) -> None:
    from jinja2 import Environment

    from storage.search import search
    from verifier.api.rows import claim_rows, search_rows

    env = Environment(autoescape=True)
    with Session(make_read_engine(engine)) as session:
        for flt in (q.ClaimFilter(), q.ClaimFilter(review="any"), q.ClaimFilter(status="contradicted")):
            full, lines = (q.review_queue(session, flt, lines=x) for x in (False, True))
            assert [type(r) for r in lines.items] == [q.LineRow] * len(full.items) and full.items
            assert (lines.total, lines.next_after) == (full.total, full.next_after)
            assert claim_rows(env, lines.items, True, "a=b") == claim_rows(env, full.items, True, "a=b")
            listed = q.list_claims(session, flt, lines=True).items
            assert claim_rows(env, listed, False, "") == claim_rows(
                env, q.list_claims(session, flt).items, False, ""
            )
        found, found_lines = (search(session, "OpenAI", lines=x) for x in (False, True))
        assert found.claims and search_rows(env, found_lines.claims, "OpenAI") == search_rows(
            env, found.claims, "OpenAI"
        )


def test_postgres_queue_index_carries_the_claim_id(engine: Engine) -> None:
    """On PostgreSQL the queue's index ends with the claim id (the group's last sort key), replacing
    the older index without it; SQLite keeps its index (its entries end with the rowid)."""
    from sqlalchemy import inspect

    names = {ix["name"] for ix in inspect(engine).get_indexes("verdict")}
    if engine.dialect.name != "postgresql":
        assert "ix_verdict_review_queue" in names and q.PG_QUEUE_INDEX not in names
        return
    with engine.begin() as conn:  # a ledger made before: the old index, not the new one
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {q.PG_QUEUE_INDEX}")
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_verdict_review_queue ON verdict (status, needs_review, reason, confidence DESC)"
        )
    q.ensure_indexes(engine)
    indexes = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("verdict")}
    assert "ix_verdict_review_queue" not in indexes
    assert indexes[q.PG_QUEUE_INDEX] == ["status", "needs_review", "reason", "confidence", "claim_id"]
