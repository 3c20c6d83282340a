"""Verdict counts maintained by the database (storage/counts.py) equal counting the rows, on SQLite and
PostgreSQL, after ingest, verify, reviews, assignments, re-opened claims and an upgrade of a ledger
that had no counts yet."""

from __future__ import annotations

import pytest
from sqlalchemy import text, update
from sqlalchemy.engine import Engine

from tests.conftest import REPORTS_DIR

FILTERS = [
    {},
    {"status": "contradicted"},
    {"status": "unverified", "reason": "not_found_in_source"},
    {"needs_review": True},
    {"review": "open"},
    {"review": "reviewed"},
    {"review": "assigned"},
    {"review": "unreviewed", "status": "verified"},
    {"checkworthy": None},
    {"checkworthy": False},
]


def _counted(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Every figure the pages show, from the maintained counts and from counting rows."""
    import storage.queries as q
    from storage.db import session_scope

    def figures() -> dict[str, object]:
        with session_scope(engine) as session:
            return {
                "claims": [q.count_claims(session, q.ClaimFilter(**f)) for f in FILTERS],  # type: ignore[arg-type]
                "queue": [q.count_queue(session, q.ClaimFilter(**f)) for f in FILTERS[:3]],  # type: ignore[arg-type]
                "statuses": q.status_counts(session),
                "reasons": q.reason_counts(session),
            }

    maintained = figures()
    with monkeypatch.context() as m:
        m.setattr(q, "counts_installed", lambda session: False)
        rows = figures()
    assert maintained == rows
    return maintained


def test_maintained_counts_follow_every_kind_of_write(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlmodel import select

    from storage.db import session_scope
    from storage.ingest import ingest_report
    from storage.models import Verdict
    from storage.verdicts import VerdictUpdate, record_verdict
    from tests.conftest import SOURCES_DIR
    from verifier.archive import import_archive
    from verifier.verify import verify_claims

    for path in sorted(REPORTS_DIR.glob("*.txt"))[:2]:
        ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
    after_ingest = _counted(engine, monkeypatch)
    import_archive(engine, SOURCES_DIR)
    verify_claims(engine)
    after_verify = _counted(engine, monkeypatch)
    assert after_verify != after_ingest
    with session_scope(engine) as session:
        ids = sorted(session.exec(select(Verdict.claim_id)).all())[:40]
        for cid in ids[:10]:  # a reviewer decides
            record_verdict(session, cid, VerdictUpdate(status="verified", reason="reviewer", confidence=1.0, actor="ana"))
        session.execute(update(Verdict).where(Verdict.claim_id.in_(ids[10:20])).values(assignee="bo"))  # type: ignore[attr-defined]
        session.execute(update(Verdict).where(Verdict.claim_id.in_(ids[5:15])).values(needs_review=True))  # type: ignore[attr-defined]
        session.execute(update(Verdict).where(Verdict.claim_id.in_(ids[20:30])).values(confidence=0.1))  # type: ignore[attr-defined]
    _counted(engine, monkeypatch)
    # an older ledger: no counts table, no triggers; opening it installs both, filled from the verdicts
    with engine.begin() as conn:
        for name in ("verdictcount_ins", "verdictcount_del", "verdictcount_upd"):
            if engine.dialect.name == "sqlite":
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            else:
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON verdict"))
        conn.execute(text("DROP TABLE verdictcount"))
    from storage.counts import _known, install_counts

    _known.clear()
    assert install_counts(engine)
    _counted(engine, monkeypatch)
