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
from typing import Any

from sqlalchemy import Executable, Table, func, insert, select
from sqlalchemy.engine import Connection

__all__ = ["insert_returning_ids", "raw_rows", "stored"]


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
    before = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', list(rows))  # type: ignore[arg-type]
    top, count = conn.execute(select(func.max(table.c.id), func.count()).where(table.c.id > before)).one()
    if (top, count) != (before + len(rows), len(rows)):  # never seen: ids not given in sequence
        raise RuntimeError(f"{table.name}: new ids are not the run after {before}")
    return list(range(before + 1, before + len(rows) + 1))


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
