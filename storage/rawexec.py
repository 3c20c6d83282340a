"""Run a prebuilt select straight on the database driver's cursor: the list pages' hot path.

``Connection.execute`` costs about as much Python as SQLite's own work for a 50-row page: an
execution context per call, the compiled-cache look-up, bind and result processing through the
``CursorResult`` machinery. The list queries are few statements built once (``storage.queries``
keeps them), so each is compiled once here instead: its SQL text, the order of its parameters,
the processors SQLAlchemy would apply to them and to each column (SQLite's integers to booleans,
its datetime text to ``datetime``, the ledger's UTC datetime type). A call then runs the SQL on the
session's own DBAPI connection (the same connection and transaction SQLAlchemy would use) and
applies the same processors, so the rows are the ones ``execute(...).all()`` returns.

A statement is planned the second time it comes (a statement built for one request never is);
an expanding ``IN`` list gets one ``?`` per item (SQLite's paramstyle; elsewhere, and for what it
cannot run this way, ``execute`` as before). Listeners of ``before_cursor_execute`` still hear
each statement.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection, Dialect

__all__ = ["fetch_all"]

_MAX_PLANS = 1024


@dataclass(slots=True)
class _Plan:
    sql: str
    positional: tuple[str, ...] | None  # bind names in order (qmark/numeric), None for named (pyformat)
    binds: dict[str, Any]  # the statement's own bound values (None where the caller supplies one)
    expanding: frozenset[str]  # ``IN`` list parameters: one ``?`` per item, written per call
    bind_procs: dict[str, Callable[[Any], Any]]
    types: tuple[Any, ...]  # each column's SQLAlchemy type
    # (column, processor) pairs, made at the first run from the cursor's column types (PostgreSQL
    # numerics need them), as SQLAlchemy makes them
    result_procs: tuple[tuple[int, Callable[[Any], Any]], ...] | None = None

    def processors(
        self, dialect: Dialect, description: Sequence[Any]
    ) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        if self.result_procs is None:
            procs = []
            for i, type_ in enumerate(self.types):
                proc = type_._cached_result_processor(dialect, description[i][1])
                if proc is not None:
                    procs.append((i, proc))
            self.result_procs = tuple(procs)
        return self.result_procs


_plans: dict[tuple[int, str], tuple[Any, _Plan | None]] = {}
_lock = threading.Lock()


def _compile(stmt: Any, dialect: Dialect) -> _Plan | None:
    compiled = stmt.compile(dialect=dialect)
    sql = compiled.string
    if getattr(compiled, "literal_execute_params", None):
        return None  # values written into the SQL per call: SQLAlchemy's path
    bind_procs = dict(getattr(compiled, "_bind_processors", {}))
    expanding = frozenset(name for name, bind in compiled.binds.items() if bind.expanding)
    if expanding and (
        dialect.paramstyle != "qmark"
        or any(name in bind_procs for name in expanding)
        or sql.count("POSTCOMPILE") != len(expanding)
        or any(sql.count(_token(name)) != 1 for name in expanding)
    ):
        return None
    if not expanding and "POSTCOMPILE" in sql:
        return None
    return _Plan(
        sql=sql,
        expanding=expanding,
        positional=tuple(compiled.positiontup) if compiled.positional else None,
        binds=dict(compiled.construct_params(_check=False)),
        bind_procs=bind_procs,
        types=tuple(column.type for column in stmt.selected_columns),
    )


def _token(name: str) -> str:
    return f"__[POSTCOMPILE_{name}]"


_SEEN = object()  # a statement met once: compiled when it comes again (a one-off one never is)


def _plan(stmt: Any, dialect: Dialect) -> _Plan | None:
    key = (id(stmt), dialect.name)
    hit = _plans.get(key)
    if hit is not None and hit[0] is stmt:
        if hit[1] is not _SEEN:
            return hit[1]  # type: ignore[no-any-return]
        try:
            plan: Any = _compile(stmt, dialect)
        except Exception:  # noqa: BLE001 - anything unusual runs the ordinary way
            plan = None
    else:
        plan = _SEEN
    with _lock:
        if len(_plans) >= _MAX_PLANS:
            _plans.clear()
        _plans[key] = (stmt, plan)  # the statement is kept with its plan: its id stays its own
    return None if plan is _SEEN else plan  # type: ignore[no-any-return]


def fetch_all(conn: Connection, stmt: Any, params: dict[str, Any] | None = None) -> Sequence[Sequence[Any]]:
    """The rows of ``stmt`` (a select) with ``params``, as ``conn.execute(stmt, params).all()`` gives
    them (tuples rather than ``Row`` objects)."""
    plan = _plan(stmt, conn.dialect)
    if plan is None:
        return conn.execute(stmt, params).all()
    values = {**plan.binds, **params} if params else plan.binds
    if plan.bind_procs:
        values = {
            k: (plan.bind_procs[k](v) if k in plan.bind_procs and v is not None else v)
            for k, v in values.items()
        }
    sql = plan.sql
    if plan.positional is None:
        args: Any = values
    elif not plan.expanding:
        args = tuple(values[name] for name in plan.positional)
    else:
        if any(not values[name] for name in plan.expanding):
            return conn.execute(stmt, params).all()  # an empty IN list: SQLAlchemy writes it its own way
        flat: list[Any] = []
        for name in plan.positional:
            if name in plan.expanding:
                items = list(values[name])
                sql = sql.replace(_token(name), ", ".join("?" * len(items)))
                flat.extend(items)
            else:
                flat.append(values[name])
        args = tuple(flat)
    dbapi = conn.connection
    cursor = dbapi.cursor()
    try:
        if conn.dispatch.before_cursor_execute:
            conn.dispatch.before_cursor_execute(conn, cursor, sql, args, None, False)
        cursor.execute(sql, args)
        rows = cursor.fetchall()
        procs = plan.processors(conn.dialect, cursor.description)
    finally:
        cursor.close()
    if not procs:
        return rows
    out: list[list[Any]] = []
    for row in rows:
        cells = list(row)
        for i, proc in procs:
            cells[i] = proc(cells[i])
        out.append(cells)
    return out
