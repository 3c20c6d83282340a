"""Per-report counts and the top contradictions (for `summary`, `make run` and the editor pages)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from storage.models import Claim, Evidence, Report, Snapshot, Source, Verdict

__all__ = ["ReportSummary", "report_summaries", "top_contradictions"]


@dataclass(frozen=True)
class ReportSummary:
    name: str
    version: int
    claims: int
    checkworthy: int
    verified: int
    contradicted: int
    unverified: int


def report_summaries(session: Session) -> list[ReportSummary]:
    def count_if(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    rows = session.exec(
        select(  # type: ignore[call-overload]
            Report.name,
            Report.version,
            func.count(col(Claim.id)),
            count_if(col(Claim.checkworthy).is_(True)),
            count_if(Verdict.status == "verified"),
            count_if(Verdict.status == "contradicted"),
            count_if(Verdict.status == "unverified"),
        )
        .select_from(Report)
        .outerjoin(Claim, col(Claim.report_id) == Report.id)
        .outerjoin(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(col(Report.is_latest).is_(True))
        .group_by(Report.name, Report.version)
        .order_by(Report.name)
    ).all()
    return [ReportSummary(*(r[0], int(r[1]), *(int(x) for x in r[2:]))) for r in rows]


def top_contradictions(session: Session, limit: int = 5) -> list[dict[str, Any]]:
    """Contradicted claims, most confident first, with the page's figure and URL when there is one."""
    rows = session.exec(
        select(Claim, Report, Verdict)
        .join(Report, col(Claim.report_id) == Report.id)
        .join(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(Verdict.status == "contradicted", col(Report.is_latest).is_(True))
        .order_by(col(Verdict.confidence).desc(), col(Claim.id))
        .limit(limit)
    ).all()
    out = []
    for claim, rep, verdict in rows:
        ev = session.exec(
            select(Evidence, Source)
            .join(Snapshot, col(Evidence.snapshot_id) == Snapshot.id)
            .join(Source, col(Snapshot.source_id) == Source.id)
            .where(Evidence.claim_id == claim.id, Evidence.stance == "contradicts")
            .order_by(col(Evidence.score).desc())
        ).first()
        out.append(
            {
                "id": claim.id,
                "report": rep.name,
                "key": claim.key_text,
                "reason": verdict.reason,
                "confidence": verdict.confidence,
                "found": ev[0].matched_value if ev else None,
                "url": ev[1].url if ev else None,
            }
        )
    return out
