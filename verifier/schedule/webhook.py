"""Optional webhook: POST one JSON event per verdict status change to ``settings.webhook_url``.

Events are written to the WebhookDelivery outbox in the same transaction that decides them, then
delivered outside any transaction. A failed POST is retried later with exponential backoff; after
``webhook_max_attempts`` the row stays as a dead letter (``state='dead'``, ``last_error``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.db import session_scope
from storage.leases import delivery_queued, take_deliveries
from storage.models import VerdictEvent, WebhookDelivery, utcnow

__all__ = ["event_payload", "enqueue", "deliver_pending", "retry_delay", "DeliveryReport"]

CLAIM_SECONDS = 60.0  # a delivery being sent is hidden from other workers this long
MAX_DELAY_SECONDS = 3600.0


def event_payload(event: VerdictEvent, previous_status: str | None, extra: dict[str, Any]) -> dict[str, Any]:
    """The JSON body of one status-change event (stable field names: receivers depend on them)."""
    return {
        "type": "verdict.changed",
        "event_id": event.id,
        "claim_id": event.claim_id,
        "status": event.status,
        "previous_status": previous_status,
        "reason": event.reason,
        "actor": event.actor,
        "confidence": event.confidence,
        "snapshot_id": event.snapshot_id,
        "note": event.note,
        "at": event.created_at.isoformat() if event.created_at else None,
        **extra,
    }


def enqueue(session: Session, payloads: Iterable[dict[str, Any]]) -> int:
    """Add outbox rows (skipping events already queued); inside the caller's transaction."""
    n = 0
    for payload in payloads:
        event_id = payload.get("event_id")
        if event_id is not None and delivery_queued(session, int(event_id)):
            continue
        session.add(WebhookDelivery(event_id=event_id, payload=json.dumps(payload, ensure_ascii=False)))
        n += 1
    return n


def retry_delay(attempts: int, base_seconds: float) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones (doubling, capped)."""
    return min(MAX_DELAY_SECONDS, base_seconds * 2.0 ** max(attempts - 1, 0))


@dataclass
class DeliveryReport:
    delivered: int = 0
    retried: int = 0
    dead: int = 0


def deliver_pending(
    engine: Engine,
    url: str,
    *,
    max_attempts: int,
    backoff_seconds: float,
    timeout: float = 10.0,
    client: httpx.Client | None = None,
    now: dt.datetime | None = None,
    limit: int = 500,
) -> DeliveryReport:
    """Send due outbox rows; one attempt each per call (the next round retries the failures)."""
    now = now or utcnow()
    report = DeliveryReport()
    rows = take_deliveries(engine, now=now, limit=limit, hide_seconds=CLAIM_SECONDS)
    if not rows:
        return report
    own = client is None
    http = client or httpx.Client(timeout=timeout)
    try:
        for row in rows:
            error = _post(http, url, row.payload)
            with session_scope(engine) as session:
                current = session.get(WebhookDelivery, row.id)
                if current is None:
                    continue
                current.attempts += 1
                if error is None:
                    current.state, current.last_error = "delivered", None
                    report.delivered += 1
                elif current.attempts >= max_attempts:
                    current.state, current.last_error = "dead", error
                    report.dead += 1
                else:
                    current.last_error = error
                    current.next_attempt_at = now + dt.timedelta(
                        seconds=retry_delay(current.attempts, backoff_seconds)
                    )
                    report.retried += 1
                session.add(current)
    finally:
        if own:
            http.close()
    return report


def _post(client: httpx.Client, url: str, payload: str) -> str | None:
    """None when the receiver took the event (2xx), else why not."""
    try:
        resp = client.post(url, content=payload.encode(), headers={"Content-Type": "application/json"})
    except httpx.HTTPError as exc:
        return f"{exc.__class__.__name__}: {exc}"
    if 200 <= resp.status_code < 300:
        return None
    return f"HTTP {resp.status_code}"
