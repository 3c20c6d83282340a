"""The list and queue queries stay on the indexes on SQLite (a full scan is what makes a 100,000-claim
queue slow). Plans do not depend on the amount of data without ANALYZE, so a small ledger shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, col

from storage import queries as q
from storage.db import make_engine
from storage.models import Claim, Verdict
from tests.api.factories import seed_ledger


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'plans.db'}", cache=False)
    seed_ledger(engine, tokens=False)
    q.ensure_indexes(engine)
    with Session(engine) as s:
        yield s


def _plan(session: Session, stmt) -> list[str]:  # type: ignore[no-untyped-def]
    sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    return [row[3] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql))]


@pytest.mark.parametrize(
    "flt",
    [q.ClaimFilter(status="contradicted"), q.ClaimFilter(needs_review=True),
     q.ClaimFilter(status="unverified", needs_review=False)],
)
def test_verdict_filters_drive_from_a_verdict_index(session: Session, flt: q.ClaimFilter) -> None:
    stmt = q._apply_filter(q._base(), session, flt).order_by(col(Verdict.claim_id)).limit(50)
    plan = _plan(session, stmt)
    assert plan[0].startswith("SEARCH verdict USING") and "INDEX" in plan[0], plan
    assert not any("TEMP B-TREE" in p for p in plan), plan


def test_queue_group_is_read_in_index_order(session: Session) -> None:
    group = q.ClaimFilter(status="contradicted", needs_review=False)
    stmt = q._apply_filter(q._base(), session, group).order_by(
        col(Verdict.reason).asc(), col(Verdict.confidence).desc()).limit(50)
    plan = _plan(session, stmt)
    assert "ix_verdict_review_queue" in plan[0] and not any("TEMP B-TREE" in p for p in plan), plan


def test_claim_filters_use_the_claim_indexes(session: Session) -> None:
    stmt = q._apply_filter(q._base(), session, q.ClaimFilter(kind="money")).order_by(col(Claim.id)).limit(50)
    plan = _plan(session, stmt)
    assert "ix_claim_kind" in plan[0] and not any("TEMP B-TREE" in p for p in plan), plan


def test_every_queue_group_reads_an_index_in_order(session: Session) -> None:
    """The queue's groups (open claims only) each walk an index and stop at the page: no sort of
    every matching claim, including the low-confidence verified group (least sure first)."""
    for group in q._queue_groups(q.ClaimFilter()):
        if group.max_confidence is not None:
            order = [col(Verdict.confidence).asc(), col(Verdict.claim_id).asc()]
        else:
            order = [col(Verdict.reason).asc(), col(Verdict.confidence).desc(), col(Verdict.claim_id).asc()]
        plan = _plan(session, q._apply_filter(q._base(), session, group).order_by(*order).limit(50))
        assert plan[0].startswith("SEARCH verdict USING INDEX"), (group, plan)
        if group.needs_review:  # few claims are flagged: they are found by index and then sorted
            continue
        assert not any("TEMP B-TREE" in p for p in plan), (group, plan)
