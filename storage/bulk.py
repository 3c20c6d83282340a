"""Bulk inserts that hand back the new rows' ids, in the order the rows were given.

On SQLite the rows go straight to the driver's ``executemany`` (one prepared statement for all of
them, none of SQLAlchemy's per-row parameter processing): the values must already be what the
driver stores (the caller passes datetimes through :func:`stored`). SQLite gives a row without an
id one more than the largest id in the table, and the write transaction (``BEGIN IMMEDIATE``) is
exclusive, so the new ids are the run after the largest id before the insert; that is checked, not
assumed. Elsewhere (PostgreSQL) SQLAlchemy's ``INSERT … RETURNING`` in batches does the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import CompoundSelect, Executable, Select, Table, insert
from sqlalchemy.engine import Connection, Dialect

__all__ = ["insert_returning_ids", "insert_rows", "prepared_rows", "raw_rows", "stored"]


def stored(conn: Connection, table: Table, column: str, value: Any) -> Any:
    """``value`` as SQLAlchemy would send it for ``table.column`` on this connection (one value
    processed once, where a bulk insert would process it again for every row)."""
    process = table.c[column].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return process(value) if process is not None else value


def insert_returning_ids(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[int]:
    """Insert ``rows`` (tuples of ``columns``' values) into ``table``; the new ids, in row order."""
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [int(r[0]) for r in conn.execute(stmt, [dict(zip(columns, row, strict=True)) for row in rows])]
    last, since = _id_queries(table)
    before = int(conn.exec_driver_sql(last).scalar_one())
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', list(rows))  # type: ignore[arg-type]
    top, count = conn.exec_driver_sql(since, (before,)).one()
    if (top, count) != (before + len(rows), len(rows)):  # never seen: ids not given in sequence
        raise RuntimeError(f"{table.name}: new ids are not the run after {before}")
    return list(range(before + 1, before + len(rows) + 1))


@lru_cache(maxsize=64)
def _id_queries(table: Table) -> tuple[str, str]:
    """SQLite's largest id of ``table``, and the largest and number of ids above a given one."""
    return (
        f'SELECT coalesce(max(id), 0) FROM "{table.name}"',
        f'SELECT max(id), count(*) FROM "{table.name}" WHERE id > ?',
    )


def insert_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert ``rows`` (tuples of ``columns``' values, as the driver stores them: see :func:`stored`)
    into ``table``: on SQLite straight to the driver's ``executemany``, elsewhere through SQLAlchemy."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', list(rows))  # type: ignore[arg-type]


def raw_rows(
    conn: Connection, stmt: Executable, params: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """The rows of a ``SELECT`` as the driver gives them: tuples, no SQLAlchemy row objects and no
    result type processing (a date column comes back as SQLite's ISO text, or PostgreSQL's date).
    For hot look-ups of thousands of small rows, where building the rows costs more than the query."""
    result = conn.execute(stmt, params or {})
    try:
        return list(result.cursor.fetchall())  # type: ignore[attr-defined]
    finally:
        result.close()


_Mark = tuple[str, bool, Any]  # a parameter's name, whether it is an expanding list, its bind processor


@lru_cache(maxsize=256)
def _sqlite_plan(
    stmt: Select[Any] | CompoundSelect, dialect: Dialect
) -> tuple[str, tuple[_Mark, ...], Any] | None:
    """``stmt`` compiled once: its SQL, its ``?`` marks in order, and the compiled form (for the
    parameters' defaults); None for a statement ``prepared_rows`` leaves to SQLAlchemy."""
    compiled = stmt.compile(dialect=dialect)
    marks = tuple(
        (name, bool(bind.expanding), bind.type.dialect_impl(dialect).bind_processor(dialect))
        for name in compiled.positiontup or ()
        for bind in (compiled.binds[name],)
    )
    if compiled.string.count("__[POSTCOMPILE_") != sum(1 for _n, expanding, _p in marks if expanding):
        return None  # a parameter rendered into the SQL text at run time (not a list): not handled here
    return compiled.string, marks, compiled


def prepared_rows(
    conn: Connection, stmt: Select[Any] | CompoundSelect, params: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """:func:`raw_rows` for a ``SELECT`` built once and run many times (a module constant, or one
    cached per shape): on SQLite it is compiled once and handed to the driver with its parameters
    as SQLAlchemy would send them (bind processors applied; an expanding list such as
    ``bindparam("ids", expanding=True)`` written as that many ``?`` marks). Through SQLAlchemy each
    call costs a cache key of the whole statement and the rendering of its lists: more than SQLite's
    work for a look-up by key. Elsewhere, ``raw_rows``."""
    plan = _sqlite_plan(stmt, conn.dialect) if conn.dialect.name == "sqlite" else None
    if plan is None:
        return raw_rows(conn, stmt, params)
    sql, marks, compiled = plan
    values = compiled.construct_params(params)
    args: list[Any] = []
    for name, expanding, process in marks:
        items = list(values[name]) if expanding else [values[name]]
        if expanding:
            sql = sql.replace(f"__[POSTCOMPILE_{name}]", ", ".join("?" * len(items)), 1)
        args.extend(items if process is None else [process(v) for v in items])
    result = conn.exec_driver_sql(sql, tuple(args))
    try:
        return list(result.cursor.fetchall())  # type: ignore[attr-defined]
    finally:
        result.close()
