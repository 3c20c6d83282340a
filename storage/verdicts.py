"""Recording verdicts: the current row plus append-only history.

Rules every writer (verify, review, re-check) goes through:
- a VerdictEvent is appended only when status, reason or the evidence digest changes, so running
  the machine twice adds nothing;
- the machine never overwrites a reviewer's verdict: its conclusion is kept in ``machine_status``
  and, when it differs from the human's, the claim is flagged ``needs_review``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, ColumnElement, bindparam, insert, literal, null
from sqlalchemy import select as sa_select
from sqlmodel import Session

from storage.models import Claim, Verdict, VerdictEvent, utcnow

__all__ = ["VerdictUpdate", "record_verdict", "lock_verdict", "initial_verdict", "initial_verdicts", "AUTO"]

AUTO = "auto"


@dataclass
class VerdictUpdate:
    status: str
    reason: str
    confidence: float = 0.0
    actor: str = AUTO
    note: str = ""
    snapshot_id: int | None = None
    evidence_digest: str = ""
    conflicts_with: Sequence[int] = ()
    details: dict[str, Any] = field(default_factory=dict)


def lock_verdict(session: Session, claim_id: int) -> Verdict | None:
    """The claim's verdict row as committed now, locked until the caller's transaction ends."""
    return session.get(Verdict, claim_id, with_for_update=True, populate_existing=True)


def initial_verdict(session: Session, claim_id: int) -> None:
    """A new claim starts unverified/not_checked with a first event."""
    record_verdict(session, claim_id, VerdictUpdate(status="unverified", reason="not_checked"))


def initial_verdicts(session: Session, claim_ids: Sequence[int]) -> None:
    """Bulk form of :func:`initial_verdict` for claims that were just inserted (no verdict yet).

    ``INSERT … SELECT`` from the claim rows, a statement per table for a run of consecutive ids (what
    one bulk insert of claims gives): no row travels through Python."""
    if not claim_ids:
        return
    now = utcnow()
    conn = session.connection()
    runs = _id_runs(claim_ids)
    if len(runs) <= 4:
        # the statements of a run, built once: building them cost more than SQLite's work for them
        for lo, hi in runs:
            for stmt in _INITIAL_RUN:
                conn.execute(stmt, {"lo": lo, "hi": hi, "now": now})
        return
    claim = Claim.__table__  # type: ignore[attr-defined]
    ordered = sorted(set(claim_ids))
    for at in range(0, len(ordered), 5000):
        for stmt in _initial_statements(claim.c.id.in_(ordered[at : at + 5000])):
            conn.execute(stmt, {"now": now})


def _initial_statements(cond: ColumnElement[bool]) -> tuple[Any, Any]:
    """The two ``INSERT … SELECT`` of ``initial_verdicts`` (verdicts, events) for the claims ``cond``
    selects; the time as the parameter ``now``."""
    claim = Claim.__table__  # type: ignore[attr-defined]
    verdict = Verdict.__table__  # type: ignore[attr-defined]
    event = VerdictEvent.__table__  # type: ignore[attr-defined]
    common = {
        "status": literal("unverified"),
        "reason": literal("not_checked"),
        "confidence": literal(0.0),
        "actor": literal(AUTO),
        "note": literal(""),
        "snapshot_id": null(),
        "evidence_digest": literal(""),
    }
    verdict_cols = {
        **common,
        "conflicts_with": literal("[]"),
        "needs_review": literal(False, Boolean),
        "machine_status": literal("unverified"),
        "machine_reason": literal("not_checked"),
        "updated_at": bindparam("now", type_=verdict.c.updated_at.type),
    }
    event_cols = {**common, "details": literal("{}"), "created_at": bindparam("now", type_=event.c.created_at.type)}
    return tuple(  # type: ignore[return-value]
        insert(table).from_select(
            ["claim_id", *cols], sa_select(claim.c.id, *cols.values()).where(cond).order_by(claim.c.id)
        )
        for table, cols in ((verdict, verdict_cols), (event, event_cols))
    )


_INITIAL_RUN = _initial_statements(
    Claim.__table__.c.id.between(bindparam("lo"), bindparam("hi"))  # type: ignore[attr-defined]
)


def _id_runs(ids: Sequence[int]) -> list[tuple[int, int]]:
    """The runs of consecutive ids among ``ids``, as (first, last)."""
    runs: list[tuple[int, int]] = []
    for i in sorted(set(ids)):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def record_verdict(
    session: Session, claim_id: int, update: VerdictUpdate, *, locked: Mapping[int, Verdict] | None = None
) -> VerdictEvent | None:
    """Apply ``update`` to the claim's verdict; returns the new event, or None when nothing changed.

    Does not commit: the caller owns the transaction. The verdict row is read again and locked
    (``FOR UPDATE`` on PostgreSQL; SQLite's write transaction is already exclusive), so a verdict
    loaded earlier in the session — or changed by a reviewer since — is never written back stale.
    ``locked``: rows the caller has already read that way in this transaction (a batch writer's one
    ``current_verdicts(for_update=True)``); a claim missing from it has no verdict row yet.
    """
    current = locked.get(claim_id) if locked is not None else lock_verdict(session, claim_id)
    now = utcnow()
    conflicts = json.dumps(sorted(set(int(c) for c in update.conflicts_with)))
    human = current is not None and current.actor != AUTO
    if update.actor == AUTO and human:
        assert current is not None
        changed = (current.machine_status, current.machine_reason) != (update.status, update.reason)
        current.machine_status, current.machine_reason = update.status, update.reason
        current.conflicts_with = conflicts
        if changed and update.status != current.status:
            current.needs_review = True
        if not changed:
            return None
        current.updated_at = now
        session.add(current)
        event = VerdictEvent(
            claim_id=claim_id,
            status=current.status,
            reason="needs_review" if current.needs_review else current.reason,
            confidence=update.confidence,
            actor=AUTO,
            note=f"machine now says {update.status}/{update.reason}; reviewer's verdict kept",
            snapshot_id=update.snapshot_id,
            evidence_digest=update.evidence_digest,
            details=json.dumps(
                {"machine_status": update.status, "machine_reason": update.reason, **update.details}
            ),
            created_at=now,
        )
        session.add(event)
        return event
    if (
        current is not None
        and (current.status, current.reason, current.evidence_digest)
        == (
            update.status,
            update.reason,
            update.evidence_digest,
        )
        and update.actor == AUTO
    ):
        if current.conflicts_with != conflicts or abs(current.confidence - update.confidence) > 1e-9:
            current.conflicts_with = conflicts
            current.confidence = update.confidence
            session.add(current)
        return None
    if current is None:
        current = Verdict(claim_id=claim_id)
    current.status = update.status
    current.reason = update.reason
    current.confidence = update.confidence
    current.actor = update.actor
    current.note = update.note
    current.snapshot_id = update.snapshot_id
    current.evidence_digest = update.evidence_digest
    current.conflicts_with = conflicts
    current.updated_at = now
    if update.actor != AUTO:
        current.needs_review = False
    else:
        current.machine_status, current.machine_reason = update.status, update.reason
    session.add(current)
    event = VerdictEvent(
        claim_id=claim_id,
        status=update.status,
        reason=update.reason,
        confidence=update.confidence,
        actor=update.actor,
        note=update.note,
        snapshot_id=update.snapshot_id,
        evidence_digest=update.evidence_digest,
        details=json.dumps(update.details),
        created_at=now,
    )
    session.add(event)
    return event
