"""Claiming sources for a re-check round, so that many workers share the work without doing it twice.

A worker takes sources with a lease (``lease_owner``, ``lease_expires_at``): on PostgreSQL the
candidates are read with ``SELECT … FOR UPDATE SKIP LOCKED`` (workers never wait on each other and
never take the same row), on SQLite the whole claim is one short ``BEGIN IMMEDIATE`` transaction.
A lease that expires (its worker crashed) makes the source claimable again.

The per-host cap is global: the claim reads and updates each candidate host's ``hostbudget`` row
in the same transaction (rows locked ``FOR UPDATE`` in host order on PostgreSQL; SQLite's claim
holds the write lock), so all workers together stay within it. The window arithmetic is a
``HostCap`` passed in (``verifier.schedule.policy.HostWindowCap``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import and_, func, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from storage.db import is_sqlite, reading, session_scope
from storage.models import (
    Claim,
    Evidence,
    HostBudget,
    Report,
    SectionSource,
    Snapshot,
    Source,
    VerdictEvent,
    WebhookDelivery,
    utcnow,
)

__all__ = [
    "ClaimedSource",
    "HostWindow",
    "HostCap",
    "UNCHECKABLE_STATES",
    "claim_sources",
    "release_lease",
    "release_sources",
    "count_due",
    "claims_citing",
    "max_event_id",
    "events_since",
    "previous_event",
    "evidence_for",
    "recent_snapshots",
    "finish_sources",
    "renew_leases",
    "sources_by_id",
    "event_exists",
    "delivery_queued",
    "take_deliveries",
]

UNCHECKABLE_STATES = ("malformed", "blocked", "unsupported")  # no usable page now
# never fetched again: a malformed URL cannot change; blocked and unsupported sources are looked at
# again on the slow schedule (robots.txt, a guard setting or a content type can change)
NEVER_CHECKED = ("malformed",)
OVERSAMPLE = 4  # candidates read per slot, so the per-host cap can still fill a batch


@dataclass(frozen=True)
class ClaimedSource:
    id: int
    url: str
    host: str | None
    etag: str | None
    last_modified: str | None
    verify_pending: bool
    due: bool  # False: only waiting for a re-verification (no fetch needed)
    content_hash: str | None = None  # of the latest snapshot: an unchanged body is not parsed again


Selector = Callable[[Sequence[tuple[int, str | None]]], list[int]]


@dataclass(frozen=True)
class HostWindow:
    """One host's ``hostbudget`` row: its current window's first take, takes so far, latest take."""

    start: dt.datetime | None = None
    used: int = 0
    last: dt.datetime | None = None


class HostCap(Protocol):
    """The per-host cap's arithmetic (pure): how many sources of a host may be taken now, and the
    window after a take."""

    def allowance(self, window: HostWindow, now: dt.datetime) -> int: ...

    def charge(self, window: HostWindow, taken: int, now: dt.datetime) -> HostWindow: ...


def _eligible(
    now: dt.datetime, *, due_only: bool, checked_before: dt.datetime | None, source_ids: Sequence[int] | None
) -> list:
    conds = [
        col(Source.state).not_in(NEVER_CHECKED),
        or_(col(Source.lease_expires_at).is_(None), col(Source.lease_expires_at) < now),
    ]
    if source_ids is not None:
        conds.append(col(Source.id).in_(list(source_ids)))
    if checked_before is not None:
        conds.append(or_(col(Source.last_checked_at).is_(None), col(Source.last_checked_at) < checked_before))
    if due_only:
        conds.append(col(Source.paused).is_not(True))  # paused on the source page: only by hand
        conds.append(
            or_(
                col(Source.next_check_at).is_(None),
                col(Source.next_check_at) <= now,
                col(Source.verify_pending).is_(True),
            )
        )
    return conds


def claim_sources(
    engine: Engine,
    owner: str,
    *,
    limit: int,
    lease_seconds: float,
    select_ids: Selector | None = None,
    due_only: bool = True,
    checked_before: dt.datetime | None = None,
    source_ids: Sequence[int] | None = None,
    host_cap: HostCap | None = None,
    now: dt.datetime | None = None,
) -> list[ClaimedSource]:
    """Lease up to ``limit`` eligible sources to ``owner`` and return them.

    ``due_only`` takes sources whose ``next_check_at`` has passed (or that still wait for a
    re-verification); ``checked_before`` skips sources already checked since that time (how a
    ``--all`` round drains); ``select_ids`` picks from the ordered candidates (a per-batch cap);
    ``host_cap`` applies the per-host cap shared by all workers (``hostbudget`` rows).
    """
    now = now or utcnow()
    expires = now + dt.timedelta(seconds=lease_seconds)
    conds = _eligible(now, due_only=due_only, checked_before=checked_before, source_ids=source_ids)
    if host_cap is not None:  # hosts with nothing left this window (read without a lock: a hint)
        full = _spent_hosts(engine, host_cap, now)
        if full:
            conds.append(or_(col(Source.host).is_(None), col(Source.host).not_in(full)))
    stmt = (
        select(Source.id, Source.host)
        .where(and_(*conds))
        .order_by(col(Source.next_check_at).asc().nulls_first(), col(Source.id))
        .limit(limit * OVERSAMPLE)
    )
    if not is_sqlite(engine):
        stmt = stmt.with_for_update(skip_locked=True)
    with session_scope(engine) as session:
        rows = [(r[0], r[1]) for r in session.exec(stmt).all() if r[0] is not None]
        budgets: dict[str, HostBudget] = {}
        if host_cap is not None and rows:
            budgets = _lock_budgets(engine, session, sorted({h for _, h in rows if h is not None}))
            rows = _allowed(rows, {h: host_cap.allowance(_window(b), now) for h, b in budgets.items()})
        ids = (select_ids(rows) if select_ids else [r[0] for r in rows])[:limit]
        if not ids:
            return []
        if host_cap is not None:
            _charge(session, host_cap, budgets, [h for i, h in rows if i in set(ids)], now)
        session.execute(
            update(Source).where(col(Source.id).in_(ids)).values(lease_owner=owner, lease_expires_at=expires)
        )
        by_id = {s.id: s for s in session.exec(select(Source).where(col(Source.id).in_(ids))).all()}
        return [_claimed(by_id[i], now, due_only) for i in ids if i in by_id]


def _window(row: HostBudget) -> HostWindow:
    return HostWindow(
        _aware(row.window_start) if row.window_start else None,
        int(row.used or 0),
        _aware(row.last_taken_at) if row.last_taken_at else None,
    )


def _spent_hosts(engine: Engine, cap: HostCap, now: dt.datetime) -> list[str]:
    with Session(reading(engine)) as session:
        rows = session.exec(select(HostBudget)).all()
        return [r.host for r in rows if cap.allowance(_window(r), now) <= 0]


def _add_host_rows(session: Session, hosts: Sequence[str]) -> None:
    """Insert missing ``hostbudget`` rows (another worker may insert the same ones meanwhile)."""
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    stmt = dialect.insert(HostBudget).values([{"host": h, "used": 0} for h in hosts])
    session.execute(stmt.on_conflict_do_nothing(index_elements=["host"]))


def _lock_budgets(engine: Engine, session: Session, hosts: Sequence[str]) -> dict[str, HostBudget]:
    """The ``hostbudget`` rows of ``hosts``, created if missing and locked for this transaction."""
    if not hosts:
        return {}
    if is_sqlite(engine):  # the claim holds SQLite's write lock: same transaction
        _add_host_rows(session, hosts)
    else:  # committed apart, so this transaction locks budget rows only in host order (no deadlock)
        with session_scope(engine) as other:
            _add_host_rows(other, hosts)
    stmt = select(HostBudget).where(col(HostBudget.host).in_(list(hosts))).order_by(col(HostBudget.host))
    if not is_sqlite(engine):
        stmt = stmt.with_for_update()
    return {r.host: r for r in session.exec(stmt).all()}


def _allowed(rows: Sequence[tuple[int, str | None]], left: dict[str, int]) -> list[tuple[int, str | None]]:
    """``rows`` (in order) within each host's allowance; rows without a host are not capped."""
    left = dict(left)
    out = []
    for sid, host in rows:
        if host is not None:
            if left.get(host, 0) <= 0:
                continue
            left[host] -= 1
        out.append((sid, host))
    return out


def _charge(
    session: Session, cap: HostCap, budgets: dict[str, HostBudget], hosts: Sequence[str | None], now: dt.datetime
) -> None:
    """Record the takes (one per entry of ``hosts``) in their hosts' windows."""
    per: dict[str, int] = {}
    for host in hosts:
        if host is not None:
            per[host] = per.get(host, 0) + 1
    for host, n in per.items():
        row = budgets[host]
        after = cap.charge(_window(row), n, now)
        row.window_start, row.used, row.last_taken_at = after.start, after.used, after.last
        session.add(row)


def _claimed(s: Source, now: dt.datetime, due_only: bool) -> ClaimedSource:
    due = not due_only or s.next_check_at is None or _aware(s.next_check_at) <= now
    return ClaimedSource(
        id=int(s.id or 0),
        url=s.url,
        host=s.host,
        etag=s.etag,
        last_modified=s.last_modified,
        verify_pending=bool(s.verify_pending),
        due=due,
        content_hash=s.content_hash,
    )


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def release_lease(session: Session, source: Source) -> None:
    """Drop the lease (inside the caller's transaction, with the rest of the source's update)."""
    source.lease_owner = None
    source.lease_expires_at = None
    session.add(source)


def count_due(engine: Engine, *, now: dt.datetime | None = None) -> int:
    """How many sources are due now (leased ones included): for progress bars and the CLI."""
    now = now or utcnow()
    stmt = (
        select(func.count())
        .select_from(Source)
        .where(
            col(Source.state).not_in(NEVER_CHECKED),
            or_(
                col(Source.next_check_at).is_(None),
                col(Source.next_check_at) <= now,
                col(Source.verify_pending).is_(True),
            ),
        )
    )
    with Session(engine) as session:
        return int(session.exec(stmt).one())


# --- round bookkeeping: what a round reads around ``verify_claims`` -------------------------------


def claims_citing(session: Session, source_ids: Sequence[int]) -> dict[int, list[int]]:
    """Claim id -> ids of every source it cites, for the claims (of latest reports) citing any of
    ``source_ids``."""
    if not source_ids:
        return {}
    hit = (
        select(Claim.id)
        .join(SectionSource, col(SectionSource.section_id) == col(Claim.section_id))
        .join(Report, col(Report.id) == col(Claim.report_id))
        .where(col(SectionSource.source_id).in_(list(source_ids)), col(Report.is_latest).is_(True))
    )
    claim_ids = sorted({int(c) for c in session.exec(hit).all() if c is not None})
    if not claim_ids:
        return {}
    rows = session.exec(
        select(Claim.id, SectionSource.source_id)
        .join(SectionSource, col(SectionSource.section_id) == col(Claim.section_id))
        .where(col(Claim.id).in_(claim_ids))
    ).all()
    out: dict[int, list[int]] = {c: [] for c in claim_ids}
    for claim_id, source_id in rows:
        if claim_id is not None and source_id not in out[claim_id]:
            out[claim_id].append(source_id)
    return out


def max_event_id(session: Session) -> int:
    return int(session.exec(select(func.max(VerdictEvent.id))).one() or 0)


def events_since(session: Session, mark: int, claim_ids: Sequence[int]) -> list[VerdictEvent]:
    """Verdict events appended after ``mark`` for ``claim_ids``, oldest first."""
    if not claim_ids:
        return []
    stmt = (
        select(VerdictEvent)
        .where(col(VerdictEvent.id) > mark, col(VerdictEvent.claim_id).in_(list(claim_ids)))
        .order_by(col(VerdictEvent.id))
    )
    return list(session.exec(stmt).all())


def previous_event(session: Session, event: VerdictEvent) -> VerdictEvent | None:
    stmt = (
        select(VerdictEvent)
        .where(VerdictEvent.claim_id == event.claim_id, col(VerdictEvent.id) < event.id)
        .order_by(col(VerdictEvent.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first()


def evidence_for(session: Session, claim_id: int, snapshot_ids: Sequence[int]) -> Evidence | None:
    """The best evidence of ``claim_id`` read from one of ``snapshot_ids``."""
    if not snapshot_ids:
        return None
    stmt = (
        select(Evidence)
        .where(Evidence.claim_id == claim_id, col(Evidence.snapshot_id).in_(list(snapshot_ids)))
        .order_by(col(Evidence.score).desc(), col(Evidence.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first()


def recent_snapshots(session: Session, source_id: int, n: int = 2) -> list[Snapshot]:
    """The ``n`` newest snapshots of a source, newest first."""
    stmt = select(Snapshot).where(Snapshot.source_id == source_id).order_by(col(Snapshot.id).desc()).limit(n)
    return list(session.exec(stmt).all())


def _drop_leases(engine: Engine, owner: str, source_ids: Sequence[int], **also: Any) -> int:
    """Clear ``owner``'s leases on ``source_ids`` (and set ``also``); returns how many rows changed."""
    if not source_ids:
        return 0
    with session_scope(engine) as session:
        result = session.execute(
            update(Source)
            .where(col(Source.id).in_(list(source_ids)), col(Source.lease_owner) == owner)
            .values(lease_owner=None, lease_expires_at=None, **also)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def finish_sources(engine: Engine, owner: str, source_ids: Sequence[int]) -> int:
    """Clear ``verify_pending`` and the lease of sources ``owner`` still holds; returns how many."""
    return _drop_leases(engine, owner, source_ids, verify_pending=False)


def release_sources(engine: Engine, owner: str, source_ids: Sequence[int]) -> int:
    """Drop ``owner``'s leases on ``source_ids`` and nothing else (a round stopped by its circuit
    breaker: the sources stay due, their state and counters untouched); returns how many."""
    return _drop_leases(engine, owner, source_ids)


def renew_leases(engine: Engine, owner: str, source_ids: Sequence[int], lease_seconds: float) -> int:
    """Extend ``owner``'s leases on ``source_ids`` (a long round keeps its sources); returns how many."""
    if not source_ids:
        return 0
    expires = utcnow() + dt.timedelta(seconds=lease_seconds)
    with session_scope(engine) as session:
        result = session.execute(
            update(Source)
            .where(col(Source.id).in_(list(source_ids)), col(Source.lease_owner) == owner)
            .values(lease_expires_at=expires)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def sources_by_id(session: Session, source_ids: Sequence[int]) -> dict[int, Source]:
    rows = session.exec(select(Source).where(col(Source.id).in_(list(source_ids)))).all()
    return {int(s.id or 0): s for s in rows}


def event_exists(
    session: Session, claim_id: int, *, reason: str, snapshot_id: int | None, actor: str
) -> bool:
    stmt = select(VerdictEvent.id).where(
        col(VerdictEvent.claim_id) == claim_id,
        col(VerdictEvent.reason) == reason,
        col(VerdictEvent.snapshot_id) == snapshot_id,
        col(VerdictEvent.actor) == actor,
    )
    return session.exec(stmt).first() is not None


# --- the webhook outbox: deliveries are taken like sources, with a short lease -------------------


def delivery_queued(session: Session, event_id: int) -> bool:
    stmt = select(WebhookDelivery.id).where(col(WebhookDelivery.event_id) == event_id)
    return session.exec(stmt).first() is not None


def take_deliveries(
    engine: Engine, *, now: dt.datetime, limit: int, hide_seconds: float
) -> list[WebhookDelivery]:
    """Pending deliveries that are due, hidden from other workers for ``hide_seconds`` (their
    ``next_attempt_at`` moves on), in one short transaction (SKIP LOCKED on PostgreSQL)."""
    stmt = (
        select(WebhookDelivery.id)
        .where(col(WebhookDelivery.state) == "pending", col(WebhookDelivery.next_attempt_at) <= now)
        .order_by(col(WebhookDelivery.id))
        .limit(limit)
    )
    if not is_sqlite(engine):
        stmt = stmt.with_for_update(skip_locked=True)
    with session_scope(engine) as session:
        ids = [i for i in session.exec(stmt).all() if i is not None]
        if not ids:
            return []
        session.execute(
            update(WebhookDelivery)
            .where(col(WebhookDelivery.id).in_(ids))
            .values(next_attempt_at=now + dt.timedelta(seconds=hide_seconds))
        )
        rows = session.exec(select(WebhookDelivery).where(col(WebhookDelivery.id).in_(ids))).all()
        return sorted(rows, key=lambda r: r.id or 0)
