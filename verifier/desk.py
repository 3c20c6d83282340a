"""The desk's writes besides a single review: assigning claims and bulk reviews.

Each write is its own transaction and its own AuditEntry (a bulk review of 40 claims leaves 40
entries, each with the shared note), so the audit trail reads the same as 40 single reviews.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from claims.errors import BadInputError, ClaimledgerError, NotFoundError
from storage.db import session_scope
from storage.models import AuditEntry, Source, Verdict, utcnow
from storage.queries import STATUSES
from verifier.review import review_claim

__all__ = ["BulkResult", "assign_claims", "bulk_review", "set_schedule", "MAX_BULK"]

MAX_BULK = 2000


@dataclass
class BulkResult:
    done: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)


def assign_claims(engine: Engine, claim_ids: Sequence[int], assignee: str | None, actor: str) -> int:
    """Ask ``assignee`` to review these claims (``None`` or "" clears); one audit entry per claim."""
    assignee = (assignee or "").strip() or None
    if assignee is not None and len(assignee) > 100:
        raise BadInputError("assignee name is too long (at most 100 characters)")
    n = 0
    for cid in claim_ids:
        with session_scope(engine) as session:
            verdict = session.get(Verdict, cid)
            if verdict is None:
                raise NotFoundError(f"no claim {cid}")
            before = verdict.assignee
            verdict.assignee = assignee
            verdict.assigned_at = utcnow() if assignee else None
            session.add(verdict)
            session.add(AuditEntry(actor=actor, action="claim.assign", object_type="claim", object_id=str(cid),
                                   before=json.dumps({"assignee": before}), after=json.dumps({"assignee": assignee})))
            n += 1
    return n


def bulk_review(engine: Engine, claim_ids: Sequence[int], status: str, note: str, actor: str) -> BulkResult:
    """Review every claim with one note. ``status="confirm"`` keeps each claim's current status (a
    confirmation); a status overrides where it differs (the note is then required, as for one)."""
    ids = list(dict.fromkeys(int(i) for i in claim_ids))
    if not ids:
        raise BadInputError("no claims selected")
    if len(ids) > MAX_BULK:
        raise BadInputError(f"{len(ids)} claims is more than one bulk action takes ({MAX_BULK})")
    if status != "confirm" and status not in STATUSES:
        raise BadInputError(f"unknown status {status!r}", hint="confirm, " + ", ".join(STATUSES))
    out = BulkResult()
    for cid in ids:
        target = status
        if status == "confirm":
            with session_scope(engine) as session:
                verdict = session.get(Verdict, cid)
                target = verdict.status if verdict else "unverified"
        try:
            result = review_claim(engine, cid, target, note, actor)
        except ClaimledgerError as exc:
            out.failed[cid] = exc.message if hasattr(exc, "message") else str(exc)
            continue
        out.done.append(cid)
        if result.changed:
            out.changed.append(cid)
    return out


def set_schedule(engine: Engine, source_id: int, interval_hours: float | None, paused: bool, actor: str) -> Source:
    """A source's own re-check interval (None: the adaptive schedule) and pause; audited."""
    if interval_hours is not None and not 0 < interval_hours <= 24 * 365:
        raise BadInputError(f"interval must be between 0 and 8760 hours, got {interval_hours}")
    with session_scope(engine) as session:
        source = session.get(Source, source_id)
        if source is None:
            raise NotFoundError(f"no source {source_id}")
        before = {"check_interval_hours": source.check_interval_hours, "paused": source.paused}
        source.check_interval_hours = interval_hours
        source.paused = paused
        if interval_hours and source.last_checked_at is not None:
            last = source.last_checked_at if source.last_checked_at.tzinfo else source.last_checked_at.replace(
                tzinfo=dt.UTC)
            source.next_check_at = last + dt.timedelta(hours=interval_hours)
        session.add(source)
        after = {"check_interval_hours": interval_hours, "paused": paused}
        session.add(AuditEntry(actor=actor, action="source.schedule", object_type="source", object_id=str(source_id),
                               before=json.dumps(before), after=json.dumps(after)))
        session.flush()
        session.refresh(source)
        session.expunge(source)
        return source
