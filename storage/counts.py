"""Verdict counts maintained by the database, so the queue's total and the status bar never count rows.

Every verdict falls in one *bucket*: (status, reason, needs_review, reviewed, assigned, low_confidence,
checkworthy). Triggers on ``verdict`` (SQLite and PostgreSQL) append a +1 row for the bucket a verdict
enters and a -1 row for the one it leaves to ``verdictcount``; they only ever insert, so concurrent
writers never wait on one another nor deadlock on a hot counter row. A count is the sum of its
buckets' rows; :func:`compact_counts` (run by the writers at the end of an ingest or a verify run)
folds the rows into one per bucket, deleting exactly the rows it summed (``DELETE … RETURNING``), so
rows appended meanwhile are kept.

A claim's ``checkworthy`` is read from its row when the verdict is written (claims are written first
and never change it). ``reviewed`` is the review queue's notion: a person's verdict that no page moved
since (``actor <> 'auto' AND NOT needs_review``); ``low_confidence``: below :data:`LOW_CONFIDENCE`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

__all__ = ["LOW_CONFIDENCE", "Bucket", "install_counts", "counts_installed", "bucket_counts", "compact_counts"]

LOW_CONFIDENCE = 0.7  # a machine "verified" below this goes to the review queue
_TABLE = "verdictcount"
_COLS = ("status", "reason", "needs_review", "reviewed", "assigned", "low_confidence", "checkworthy")


@dataclass(frozen=True)
class Bucket:
    status: str
    reason: str
    needs_review: bool
    reviewed: bool
    assigned: bool
    low_confidence: bool
    checkworthy: bool


def _values(row: str) -> str:
    """The bucket columns of ``row`` (NEW or OLD) as SQL expressions."""
    return (
        f"{row}.status, {row}.reason, "
        f"CASE WHEN {row}.needs_review THEN 1 ELSE 0 END, "
        f"CASE WHEN {row}.actor <> 'auto' AND NOT {row}.needs_review THEN 1 ELSE 0 END, "
        f"CASE WHEN {row}.assignee IS NOT NULL THEN 1 ELSE 0 END, "
        f"CASE WHEN {row}.confidence < {LOW_CONFIDENCE} THEN 1 ELSE 0 END, "
        f"CASE WHEN (SELECT c.checkworthy FROM claim c WHERE c.id = {row}.claim_id) IS NOT FALSE THEN 1 ELSE 0 END"
    )


def _changed() -> str:
    return (
        "OLD.status <> NEW.status OR OLD.reason <> NEW.reason OR OLD.needs_review <> NEW.needs_review "
        "OR OLD.actor <> NEW.actor OR (OLD.assignee IS NULL) <> (NEW.assignee IS NULL) "
        f"OR (OLD.confidence < {LOW_CONFIDENCE}) <> (NEW.confidence < {LOW_CONFIDENCE})"
    )


def _insert(row: str, sign: int) -> str:
    return f"INSERT INTO {_TABLE} ({', '.join(_COLS)}, n) VALUES ({_values(row)}, {sign})"


_CREATE_TABLE = {
    "sqlite": f"CREATE TABLE {_TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, status VARCHAR NOT NULL, "
    "reason VARCHAR NOT NULL, needs_review INTEGER NOT NULL, reviewed INTEGER NOT NULL, assigned INTEGER NOT NULL, "
    "low_confidence INTEGER NOT NULL, checkworthy INTEGER NOT NULL, n INTEGER NOT NULL)",
    "postgresql": f"CREATE TABLE {_TABLE} (id BIGSERIAL PRIMARY KEY, status VARCHAR NOT NULL, "
    "reason VARCHAR NOT NULL, needs_review INTEGER NOT NULL, reviewed INTEGER NOT NULL, assigned INTEGER NOT NULL, "
    "low_confidence INTEGER NOT NULL, checkworthy INTEGER NOT NULL, n INTEGER NOT NULL)",
}


def _sqlite_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER {_TABLE}_ins AFTER INSERT ON verdict BEGIN {_insert('NEW', 1)}; END",
        f"CREATE TRIGGER {_TABLE}_del AFTER DELETE ON verdict BEGIN {_insert('OLD', -1)}; END",
        f"CREATE TRIGGER {_TABLE}_upd AFTER UPDATE ON verdict WHEN {_changed()} "
        f"BEGIN {_insert('OLD', -1)}; {_insert('NEW', 1)}; END",
    ]


def _pg_triggers() -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION {_TABLE}_fn() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN {_insert('OLD', -1)}; END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN {_insert('NEW', 1)}; END IF;
            RETURN NULL;
        END $$""",
        f"CREATE TRIGGER {_TABLE}_ins AFTER INSERT OR DELETE ON verdict FOR EACH ROW EXECUTE FUNCTION {_TABLE}_fn()",
        f"CREATE TRIGGER {_TABLE}_upd AFTER UPDATE ON verdict FOR EACH ROW WHEN ({_changed()}) "
        f"EXECUTE FUNCTION {_TABLE}_fn()",
    ]


def _installed(conn: Connection) -> bool:
    names = f"('{_TABLE}_ins', '{_TABLE}_upd')"
    if conn.dialect.name == "sqlite":
        sql = f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN {names}"
    else:
        sql = f"SELECT count(*) FROM pg_trigger WHERE tgrelid = 'verdict'::regclass AND tgname IN {names}"
    return int(conn.execute(text(sql)).scalar_one()) == 2


def install_counts(engine: Engine) -> bool:
    """Create the counts table and its triggers, filled from the verdicts already there (one
    transaction, so no write is counted twice or missed). Returns False when they existed already."""
    dialect = engine.dialect.name
    if dialect not in _CREATE_TABLE:
        return False
    with engine.begin() as conn:
        if _installed(conn):
            return False
        if dialect == "postgresql":  # one installer at a time; writers wait for it
            conn.exec_driver_sql("LOCK TABLE verdict IN SHARE ROW EXCLUSIVE MODE")
            if _installed(conn):
                return False
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {_TABLE}")
        conn.exec_driver_sql(_CREATE_TABLE[dialect])
        for stmt in _sqlite_triggers() if dialect == "sqlite" else _pg_triggers():
            conn.exec_driver_sql(stmt)
        conn.exec_driver_sql(
            f"INSERT INTO {_TABLE} ({', '.join(_COLS)}, n) SELECT {_values('v')}, "
            f"count(*) FROM verdict v GROUP BY {', '.join(str(i) for i in range(1, len(_COLS) + 1))}"
        )
    return True


def counts_installed(session: Session | Connection) -> bool:
    """Whether this database maintains the counts (engines made with ``create=False`` may not)."""
    conn = session.connection() if isinstance(session, Session) else session
    known = _known.get(conn.engine)
    if known is None:
        known = _known[conn.engine] = _installed(conn)
    return known


_known: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def bucket_counts(session: Session | Connection) -> dict[Bucket, int]:
    """Every non-empty bucket and its count (a sum over the few rows per bucket)."""
    rows = session.execute(
        text(f"SELECT {', '.join(_COLS)}, SUM(n) FROM {_TABLE} GROUP BY {', '.join(_COLS)} HAVING SUM(n) <> 0")
    ).all()
    return {
        Bucket(str(s), str(r), bool(nr), bool(rv), bool(a), bool(lc), bool(cw)): int(n)
        for s, r, nr, rv, a, lc, cw, n in rows
    }


def compact_counts(session: Session) -> int:
    """Fold the counts table into one row per bucket; returns the rows removed."""
    bind = session.get_bind()
    if bind.dialect.name not in _CREATE_TABLE:
        return 0
    cols = ", ".join(_COLS)
    n_rows = int(session.execute(text(f"SELECT count(*) FROM {_TABLE}")).scalar_one())
    if n_rows <= 4 * 64:  # already small enough that summing it costs nothing
        return 0
    removed = session.execute(text(f"DELETE FROM {_TABLE} RETURNING {cols}, n")).all()
    sums: dict[tuple[object, ...], int] = {}
    for row in removed:
        key = tuple(row[: len(_COLS)])
        sums[key] = sums.get(key, 0) + int(row[-1])
    rows = [dict(zip((*_COLS, "n"), (*key, n), strict=True)) for key, n in sums.items() if n != 0]
    if rows:
        session.execute(text(f"INSERT INTO {_TABLE} ({cols}, n) VALUES ({', '.join(':' + c for c in (*_COLS, 'n'))})"), rows)
    return len(removed) - len(rows)


def total(counts: dict[Bucket, int], buckets: Iterable[Bucket]) -> int:
    return sum(counts.get(b, 0) for b in buckets)
