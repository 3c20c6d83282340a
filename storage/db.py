"""Engine and session set-up. SQLite by default (WAL, busy timeout), any SQLAlchemy URL otherwise."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel, create_engine

from claims.errors import ConfigError
from storage import models  # noqa: F401  (registers the tables)
from storage.counts import install_counts
from storage.upgrade import upgrade_schema

__all__ = ["make_engine", "make_read_engine", "reading", "session_scope", "is_sqlite", "normalise_url"]

_engines: dict[str, Engine] = {}
_readers: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
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


def make_read_engine(engine: Engine, *, pool_size: int = 20) -> Engine:
    """A companion engine for read-only work (the API's pages and lists) next to ``engine``.

    On a SQLite file: deferred ``BEGIN`` instead of ``BEGIN IMMEDIATE`` and ``PRAGMA query_only``, so
    concurrent readers never take the write lock nor queue behind one another or a writer (WAL lets
    them read a consistent snapshot while one writes). Elsewhere (PostgreSQL, in-memory SQLite):
    ``engine`` itself.
    """
    url = engine.url
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

    event.listen(reader, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return reader


def reading(engine: Engine) -> Engine:
    """The read-only companion of ``engine`` (see :func:`make_read_engine`), made once per engine."""
    with _lock:
        reader = _readers.get(engine)
        if reader is None:
            reader = make_read_engine(engine, pool_size=5)
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
