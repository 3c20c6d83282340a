"""Re-verifying the claims that rest on one source reads only what those claims need: every statement
it sends to SQLite is answered from an index (no full scan of a table that grows with the ledger), so
its cost does not grow with the number of other reports (bench/scale.py measures it at 100, 1,000 and
10,000 reports)."""

from __future__ import annotations

import sqlite3
from typing import Any

from tests.verification.conftest import build_ledger

# tables that grow with the ledger; a SCAN of any of them would make a one-source re-verify grow too
_GROWING = ("claim", "claimkey", "claimconflict", "verdict", "verdictevent", "evidence", "snapshot",
            "section", "sectionsource", "source", "report")


def _statements(engine: Any, run: Any) -> list[tuple[str, Any]]:
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        params = parameters[0] if executemany and parameters else parameters
        seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def test_one_source_reverify_reads_through_indexes_only(sqlite_url: str) -> None:
    from sqlalchemy import func
    from sqlmodel import col, select

    from storage.db import session_scope
    from storage.models import Claim, SectionSource
    from verifier.verify import verify_claims

    engine = build_ledger(sqlite_url)
    verify_claims(engine)  # a verified ledger: the re-verify rewrites what changed
    with session_scope(engine) as session:
        source_id, cited = session.exec(
            select(SectionSource.source_id, func.count(col(Claim.id)))
            .join(Claim, col(Claim.section_id) == col(SectionSource.section_id))
            .group_by(col(SectionSource.source_id))
            .order_by(func.count(col(Claim.id)).desc())
        ).first()  # type: ignore[misc]
    assert cited > 10
    statements = _statements(engine, lambda: verify_claims(engine, source_ids=[int(source_id)]))
    con = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    scans: list[str] = []
    planned = 0
    for sql, params in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT", "WITH")):
            continue
        plan = [str(row[-1]) for row in con.execute("EXPLAIN QUERY PLAN " + sql, params or ()).fetchall()]
        planned += 1
        scans += [f"{step} in {' '.join(sql.split())[:120]}" for step in plan
                  if step.startswith("SCAN") and step.split()[1] in _GROWING]
    con.close()
    assert planned >= 8  # the run's reads really were looked at (claims, sources, conflicts, snapshots, verdicts)
    assert scans == []
