"""The API's read engines: one round trip per read on PostgreSQL (autocommit, no pre-ping), a dead
pooled connection replaced after idling, and no write through a reader on either database."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from storage import db


def _statements(engine: Engine) -> list[str]:
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, *_a: seen.append(sql))
    return seen


def test_sqlite_reader_sends_no_begin(sqlite_url: str) -> None:
    engine = db.make_engine(sqlite_url, cache=False)
    reader = db.make_read_engine(engine)
    seen = _statements(reader)
    with reader.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claim")).scalar_one() == 0
    assert seen == ["SELECT count(*) FROM claim"]  # no BEGIN statement before it
    with reader.connect() as conn, pytest.raises(DBAPIError):  # query_only: a reader never writes
        conn.execute(text("DELETE FROM claim"))
    kept = db.reading(engine)  # the CLI's reader keeps one snapshot per session: BEGIN first
    seen_kept = _statements(kept)
    with kept.begin() as conn:
        conn.execute(text("SELECT 1"))
    assert seen_kept[0] == "BEGIN"


@pytest.mark.postgres
def test_pg_reader_is_autocommit_and_replaces_a_dead_connection(pg_url: str) -> None:
    engine = db.make_engine(pg_url, cache=False)
    reader = db.make_read_engine(engine)
    assert reader is not engine and reader is db.make_read_engine(engine)  # one per engine
    assert reader.pool._pre_ping is False  # type: ignore[attr-defined]
    with reader.connect() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        # autocommit: no transaction is open between statements (nothing to roll back on return)
        assert conn.connection.dbapi_connection.info.transaction_status.name == "IDLE"  # type: ignore[union-attr]
    with engine.begin() as admin:  # the server drops the pooled connection (a restart would too)
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    # the connection idled past the threshold: checkout pings it, finds it dead and connects anew
    record = reader.pool._pool.queue[0]  # type: ignore[attr-defined]
    record.info["used_at"] -= db.IDLE_PING_SECONDS + 1
    with reader.connect() as conn:
        assert conn.execute(text("SELECT pg_backend_pid()")).scalar_one() != pid
    reader.dispose()
