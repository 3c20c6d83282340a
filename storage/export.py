"""Claims as plain records (the JSON contract of ``export --format json``), read in a few bulk queries."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from claims.phrase import claim_phrase
from storage.models import Claim, Evidence, Report, Snapshot, Source, Verdict

__all__ = ["claim_records"]


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.isoformat() if value.tzinfo else value.isoformat() + "+00:00")


def claim_records(
    session: Session,
    *,
    report: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    latest_only: bool = True,
    with_evidence: bool = True,
) -> list[dict[str, Any]]:
    """Every claim with its current verdict, evidence and conflicts, ordered by report and offset."""
    query = select(Claim, Report, Verdict).join(Report, col(Claim.report_id) == Report.id).outerjoin(
        Verdict, col(Verdict.claim_id) == Claim.id
    )
    if latest_only:
        query = query.where(col(Report.is_latest).is_(True))
    if report:
        query = query.where(Report.name == report)
    if status:
        query = query.where(Verdict.status == status)
    if kind:
        query = query.where(Claim.kind == kind)
    rows = session.exec(query.order_by(col(Report.name), col(Report.version), col(Claim.start), col(Claim.end))).all()

    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if with_evidence and rows:
        ids = [c.id for c, _, _ in rows]
        for chunk_start in range(0, len(ids), 900):
            chunk = ids[chunk_start : chunk_start + 900]
            ev_rows = session.exec(
                select(Evidence, Snapshot, Source)
                .join(Snapshot, col(Evidence.snapshot_id) == Snapshot.id)
                .join(Source, col(Snapshot.source_id) == Source.id)
                .where(col(Evidence.claim_id).in_(chunk))
                .order_by(col(Evidence.score).desc())
            ).all()
            for ev, snap, src in ev_rows:
                evidence[ev.claim_id].append(
                    {
                        "url": src.url,
                        "snapshot_id": snap.id,
                        "fetched_at": snap.fetched_at.isoformat() if snap.fetched_at else None,
                        "passage": ev.passage,
                        "passage_start": ev.passage_start,
                        "passage_end": ev.passage_end,
                        "score": round(ev.score, 4),
                        "stance": ev.stance,
                        "matched_value": ev.matched_value,
                        "values_found": json.loads(ev.values_found or "[]"),
                    }
                )
    spans = _phrase_spans([claim for claim, _, _ in rows])
    out = []
    for claim, rep, verdict in rows:
        start, end = spans.get(claim.id or -1, (claim.start, claim.end))
        out.append(
            {
                "id": claim.id,
                "report": rep.name,
                "report_version": rep.version,
                "section_id": claim.section_id,
                "start": start,
                "end": end,
                "key": claim.key_text,
                "text": claim.text,
                "kind": claim.kind,
                "values": json.loads(claim.values or "[]"),
                "entities": json.loads(claim.entities or "[]"),
                "checkworthy": claim.checkworthy,
                "group_id": claim.group_id,
                "status": verdict.status if verdict else "unverified",
                "reason": verdict.reason if verdict else "not_checked",
                "confidence": round(verdict.confidence, 4) if verdict else 0.0,
                "actor": verdict.actor if verdict else "auto",
                "note": verdict.note if verdict else "",
                "reviewer": verdict.actor if verdict and verdict.actor != "auto" else None,
                "reviewed_at": _iso(verdict.reviewed_at) if verdict else None,
                "assignee": verdict.assignee if verdict else None,
                "needs_review": verdict.needs_review if verdict else False,
                "evidence": evidence.get(claim.id or -1, []),
                "conflicts_with": json.loads(verdict.conflicts_with) if verdict else [],
            }
        )
    return out


def _phrase_spans(claims: list[Claim]) -> dict[int, tuple[int, int]]:
    """Each claim's span in its report: its key widened over the direction and base framing a change
    (:func:`claims.phrase.claim_phrase`), unless that would reach into another claim of its sentence."""
    by_sentence: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.report_id, c.sentence_start)].append(c)
    out: dict[int, tuple[int, int]] = {}
    for group in by_sentence.values():
        for c in group:
            at = c.start - c.sentence_start
            if c.id is None or c.text[at : at + len(c.key_text)] != c.key_text:
                continue
            s, e = claim_phrase(c.text, at, at + len(c.key_text), c.kind)
            start, end = c.sentence_start + s, c.sentence_start + e
            if (start, end) != (c.start, c.end) and not any(
                o is not c and o.start < end and start < o.end for o in group
            ):
                out[c.id] = (start, end)
    return out
