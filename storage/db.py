"""Engine and session set-up. SQLite by default (WAL, busy timeout), any SQLAlchemy URL otherwise."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel, create_engine

from claims.errors import ConfigError
from storage import models  # noqa: F401  (registers the tables)
from storage.counts import install_counts
from storage.upgrade import upgrade_schema

__all__ = ["make_engine", "make_read_engine", "reading", "session_scope", "is_sqlite", "normalise_url"]

_engines: dict[str, Engine] = {}
_readers: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
_pg_readers: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and pick the psycopg 3 driver for it."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url if isinstance(engine_or_url, str) else str(engine_or_url.url)
    return url.startswith("sqlite")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy owns transactions (pysqlite's implicit BEGIN is off), so our BEGIN statements apply
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str, *, create: bool = True, cache: bool = True) -> Engine:
    """An engine for ``url``; tables are created on first use. Engines are cached per URL."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a terse text
        raise ConfigError(f"not a database URL: {url!r}", hint="e.g. sqlite:///claimledger.db") from exc
    with _lock:
        if cache and url in _engines:
            return _engines[url]
        kwargs: dict[str, Any] = {}
        if parsed.drivername.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs.update(pool_pre_ping=True, pool_size=10, max_overflow=20)
        engine = create_engine(url, **kwargs)
        if parsed.drivername.startswith("sqlite"):
            event.listen(engine, "connect", _sqlite_pragmas)
            # BEGIN IMMEDIATE for writes avoids lock upgrades failing under concurrent writers;
            # readers use ``reading(engine)``, whose deferred BEGIN never blocks a writer.
            event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        if create:
            SQLModel.metadata.create_all(engine)
            _upgrade(engine)
            _install_counts(engine)
        if cache:
            _engines[url] = engine
        return engine


def _upgrade(engine: Engine) -> None:
    """Older ledgers gain new columns and indexes; a concurrent starter may have added them first."""
    try:
        upgrade_schema(engine, SQLModel.metadata)
    except ConfigError:
        raise
    except Exception:  # another process added the same column between our look and our ALTER
        upgrade_schema(engine, SQLModel.metadata)


def _install_counts(engine: Engine) -> None:
    """The verdict counts the database maintains (storage/counts.py); a concurrent starter may win."""
    try:
        install_counts(engine)
    except Exception:
        if not install_counts(engine):  # installed by the other starter meanwhile: fine
            return


IDLE_PING_SECONDS = 30.0  # a pooled PostgreSQL reader idle this long is pinged before it is lent


def _ping_if_idle(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
    """Pool checkout hook of the PostgreSQL reader: a connection that served a request moments ago
    is lent as it is (no ``SELECT 1`` round trip per request, as ``pool_pre_ping`` pays); one idle
    for :data:`IDLE_PING_SECONDS` (a server restart or a dropped socket may have killed it) is
    pinged first, and a dead one is replaced: ``DisconnectionError`` makes the pool connect anew."""
    now = time.monotonic()
    last = record.info.get("used_at")
    record.info["used_at"] = now
    if last is None or now - last < IDLE_PING_SECONDS:
        return
    try:
        if dbapi_conn.closed:
            raise exc.DisconnectionError("connection closed")
        dbapi_conn.execute("SELECT 1")
    except Exception as err:  # noqa: BLE001 - any failure of the ping means: connect again
        raise exc.DisconnectionError(str(err)) from err


def _pg_reader(engine: Engine, pool_size: int) -> Engine:
    """PostgreSQL's reader: autocommit, so a read is one round trip (no ``BEGIN`` before it, no
    ``ROLLBACK`` when the session closes) and no pre-ping (see :func:`_ping_if_idle`). Under READ
    COMMITTED every statement reads its own snapshot inside a transaction too, so what a page sees
    is unchanged. Never used to write."""
    reader = create_engine(
        engine.url, isolation_level="AUTOCOMMIT", pool_size=pool_size, max_overflow=pool_size,
        pool_pre_ping=False, pool_recycle=1800,
    )
    event.listen(reader, "checkout", _ping_if_idle)
    return reader


def make_read_engine(engine: Engine, *, pool_size: int = 20, per_statement: bool = True) -> Engine:
    """A companion engine for read-only work (the API's pages and lists) next to ``engine``.

    On a SQLite file: ``PRAGMA query_only`` and no ``BEGIN IMMEDIATE``, so concurrent readers never
    take the write lock nor queue behind one another or a writer (WAL lets each read a consistent
    snapshot while one writes). With ``per_statement`` (the API) each statement is its own read
    transaction, as under PostgreSQL's READ COMMITTED: no ``BEGIN`` statement per request (through
    SQLAlchemy that costs as much as a short query); without it (``reading``), a deferred ``BEGIN``
    makes one snapshot for the session. On PostgreSQL (``per_statement``): an autocommit engine of
    its own (:func:`_pg_reader`). Elsewhere (in-memory SQLite): ``engine`` itself.
    """
    url = engine.url
    if url.drivername.startswith("postgresql") and per_statement:
        with _lock:  # one per engine: apps made on the same engine share its pool
            reader = _pg_readers.get(engine)
            if reader is None:
                reader = _pg_readers[engine] = _pg_reader(engine, pool_size // 2)
            return reader
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return engine
    reader = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=pool_size,
        max_overflow=pool_size,
    )

    @event.listens_for(reader, "connect")
    def _read_pragmas(dbapi_conn: Any, record: Any) -> None:
        _sqlite_pragmas(dbapi_conn, record)
        dbapi_conn.execute("PRAGMA query_only=ON")

    if not per_statement:
        event.listen(reader, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return reader


def reading(engine: Engine) -> Engine:
    """The read-only companion of ``engine`` (see :func:`make_read_engine`), made once per engine."""
    with _lock:
        reader = _readers.get(engine)
        if reader is None:
            reader = make_read_engine(engine, pool_size=5, per_statement=False)
            if reader is not engine:  # PostgreSQL and in-memory SQLite read through the engine itself
                _readers[engine] = reader
        return reader


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
