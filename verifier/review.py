"""A person's verdict on a claim: shared by ``claimledger review`` and the API/pages.

One transaction records the verdict (``storage.verdicts.record_verdict`` with the reviewer as actor,
so the machine never overwrites it) and an AuditEntry with the verdict before and after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine

from claims.errors import BadInputError, NotFoundError
from storage.db import session_scope
from storage.models import AuditEntry, Claim, Verdict, utcnow
from storage.queries import STATUSES
from storage.verdicts import AUTO, VerdictUpdate, lock_verdict, record_verdict
from verifier.judge.rules import REASONS

__all__ = ["ReviewResult", "review_claim", "verdict_state", "MAX_NOTE", "REASON_CODES", "check_reason"]

# reason codes a verdict or its history may carry: the rules' (``verifier.judge.rules.REASONS``) and these
OTHER_REASONS = ("reviewer_confirmed", "reviewer_override", "not_checked", "needs_review")
REASON_CODES = (*REASONS, *OTHER_REASONS)


def check_reason(reason: str | None) -> None:
    """A reason filter must be a reason code (else BadInputError listing them)."""
    if reason is not None and reason not in REASON_CODES:
        raise BadInputError(f"unknown reason {reason!r}", hint="one of " + ", ".join(REASON_CODES))

MAX_NOTE = 4000


@dataclass(frozen=True)
class ReviewResult:
    claim_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    changed: bool
    audit_id: int


def verdict_state(verdict: Verdict | None) -> dict[str, Any]:
    """The parts of a verdict the audit trail keeps."""
    if verdict is None:
        return {"status": "unverified", "reason": "not_checked", "actor": AUTO, "confidence": 0.0, "note": ""}
    return {
        "status": verdict.status,
        "reason": verdict.reason,
        "actor": verdict.actor,
        "confidence": verdict.confidence,
        "note": verdict.note,
    }


def _validate(status: str, note: str, actor: str) -> tuple[str, str, str]:
    status = (status or "").strip().lower()
    if status not in STATUSES:
        raise BadInputError(f"unknown status {status!r}", hint="one of " + ", ".join(STATUSES))
    actor = (actor or "").strip()
    if not actor or actor == AUTO:
        raise BadInputError("a review needs a reviewer name other than 'auto'")
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise BadInputError(f"note is too long ({len(note)} characters; at most {MAX_NOTE})")
    return status, note, actor


def review_claim(engine: Engine, claim_id: int, status: str, note: str, actor: str) -> ReviewResult:
    """Confirm or override the verdict of ``claim_id``. Overriding the current status needs a note."""
    status, note, actor = _validate(status, note, actor)
    with session_scope(engine) as session:
        if session.get(Claim, claim_id) is None:
            raise NotFoundError(f"no claim {claim_id}")
        current = lock_verdict(session, claim_id)  # FOR UPDATE: verify waits, or we wait for it
        before = verdict_state(current)
        override = status != before["status"]
        if override and not note:
            raise BadInputError("overriding a verdict needs a note saying why")
        reason = "reviewer_override" if override else "reviewer_confirmed"
        update = VerdictUpdate(
            status=status,
            reason=reason,
            confidence=1.0,
            actor=actor,
            note=note,
            snapshot_id=current.snapshot_id if current else None,
            evidence_digest=current.evidence_digest if current else "",
            conflicts_with=json.loads(current.conflicts_with) if current else (),
            details={"previous": before},
        )
        record_verdict(session, claim_id, update)
        session.flush()
        reviewed = session.get(Verdict, claim_id)
        if reviewed is not None:  # the desk's review state: reviewed now (kept apart from the verdict)
            reviewed.reviewed_at = utcnow()
            session.add(reviewed)
            session.flush()
        after = verdict_state(session.get(Verdict, claim_id))
        entry = AuditEntry(
            actor=actor,
            action="claim.review",
            object_type="claim",
            object_id=str(claim_id),
            before=json.dumps(before, ensure_ascii=False),
            after=json.dumps(after, ensure_ascii=False),
            note=note,
        )
        session.add(entry)
        session.flush()
        assert entry.id is not None
        return ReviewResult(claim_id, before, after, before != after, entry.id)
