"""Public (response) and create (request) schemas of the API. Separate from the table models on
purpose: the wire format is a contract, the tables may grow."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import orjson
from pydantic import BaseModel, Field

from storage.models import AuditEntry, Report, Snapshot, Source, VerdictEvent
from storage.queries import ClaimRow, EvidenceRow, SourceRow

__all__ = [
    "ClaimOut",
    "claim_dict",
    "ClaimPageOut",
    "EvidenceOut",
    "EventOut",
    "AuditOut",
    "ClaimDetailOut",
    "ReportOut",
    "ReportDetailOut",
    "SourceOut",
    "SnapshotOut",
    "SourceDetailOut",
    "ReviewIn",
    "ReviewOut",
    "ReportIn",
    "IngestOut",
    "RecheckIn",
    "RecheckOut",
    "ErrorOut",
    "loads",
    "BulkReviewIn",
    "BulkReviewOut",
    "AssignIn",
    "JobOut",
    "SearchOut",
    "SourceScheduleIn",
    "UploadOut",
]

Status = Literal["verified", "unverified", "contradicted"]


def loads(text: str | None, default: Any) -> Any:
    """A JSON column's value, or ``default`` when empty or malformed (orjson: list pages parse three
    per claim; it reads an integer beyond 64 bits as a float)."""
    try:
        return orjson.loads(text) if text else default
    except ValueError:  # orjson.JSONDecodeError is one
        return default


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; every timestamp in the ledger is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


class ErrorOut(BaseModel):
    error: str
    message: str
    hint: str = ""


class ClaimOut(BaseModel):
    id: int
    report: str
    report_id: int
    section_id: int | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    key_text: str
    kind: str
    values: list[dict[str, Any]]
    entities: list[Any]
    checkworthy: bool
    group_id: str | None
    status: str
    reason: str
    confidence: float
    actor: str
    note: str
    needs_review: bool
    machine_status: str | None
    conflicts_with: list[int]
    review_state: str = "unreviewed"
    assignee: str | None = None
    reviewed_at: dt.datetime | None = None

    @classmethod
    def of(cls, row: ClaimRow) -> ClaimOut:
        # built from ledger rows whose types the table models fix: no re-validation
        return cls.model_construct(**claim_dict(row))


def claim_dict(row: ClaimRow) -> dict[str, Any]:
    """The public fields of a claim row as plain JSON-ready data (the hot path of list pages)."""
    c, v = row.claim, row.verdict
    return {
        "id": c.id,
        "report": row.report_name,
        "report_id": c.report_id,
        "section_id": c.section_id,
        "start": c.start,
        "end": c.end,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "text": c.text,
        "key_text": c.key_text,
        "kind": c.kind,
        "values": loads(c.values, []),
        "entities": loads(c.entities, []),
        "checkworthy": c.checkworthy,
        "group_id": c.group_id,
        "status": row.status,
        "reason": row.reason,
        "confidence": row.confidence,
        "actor": v.actor if v else "auto",
        "note": v.note if v else "",
        "needs_review": v.needs_review if v else False,
        "machine_status": v.machine_status if v else None,
        "conflicts_with": [int(x) for x in loads(v.conflicts_with if v else None, [])],
        "review_state": row.review_state,
        "assignee": getattr(v, "assignee", None),
        "reviewed_at": _utc(getattr(v, "reviewed_at", None)),
    }


class ClaimPageOut(BaseModel):
    items: list[ClaimOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None
    next_after: str | None = None  # keyset paging: pass back as ``after`` for the next page


class EvidenceOut(BaseModel):
    id: int
    source_id: int
    url: str
    snapshot_id: int
    fetched_at: dt.datetime | None
    passage: str
    passage_start: int
    passage_end: int
    score: float
    stance: str
    values_found: list[Any]
    matched_value: str | None
    highlight: list[list[int]]

    @classmethod
    def of(cls, row: EvidenceRow) -> EvidenceOut:
        e, s, src = row.evidence, row.snapshot, row.source
        assert e.id is not None and s.id is not None and src.id is not None
        return cls(
            id=e.id,
            source_id=src.id,
            url=src.url,
            snapshot_id=s.id,
            fetched_at=_utc(s.fetched_at),
            passage=e.passage,
            passage_start=e.passage_start,
            passage_end=e.passage_end,
            score=e.score,
            stance=e.stance,
            values_found=loads(e.values_found, []),
            matched_value=e.matched_value,
            highlight=loads(e.highlight, []),
        )


class EventOut(BaseModel):
    status: str
    reason: str
    confidence: float
    actor: str
    note: str
    snapshot_id: int | None
    created_at: dt.datetime | None
    details: dict[str, Any]

    @classmethod
    def of(cls, e: VerdictEvent) -> EventOut:
        return cls(
            status=e.status,
            reason=e.reason,
            confidence=e.confidence,
            actor=e.actor,
            note=e.note,
            snapshot_id=e.snapshot_id,
            created_at=_utc(e.created_at),
            details=loads(e.details, {}),
        )


class AuditOut(BaseModel):
    actor: str
    action: str
    object_type: str
    object_id: str
    before: dict[str, Any]
    after: dict[str, Any]
    note: str
    created_at: dt.datetime | None

    @classmethod
    def of(cls, a: AuditEntry) -> AuditOut:
        return cls(
            actor=a.actor,
            action=a.action,
            object_type=a.object_type,
            object_id=a.object_id,
            before=loads(a.before, {}),
            after=loads(a.after, {}),
            note=a.note,
            created_at=_utc(a.created_at),
        )


class SourceOut(BaseModel):
    id: int
    url: str
    raw: str
    host: str | None
    state: str
    last_checked_at: dt.datetime | None
    last_changed_at: dt.datetime | None
    next_check_at: dt.datetime | None
    consecutive_failures: int
    last_status: int | None
    last_error: str | None
    snapshots: int = 0
    claims: int = 0
    check_interval_hours: float | None = None
    paused: bool = False

    @classmethod
    def of(cls, s: Source, snapshots: int = 0, claims: int = 0) -> SourceOut:
        assert s.id is not None
        return cls(
            id=s.id,
            url=s.url,
            raw=s.raw,
            host=s.host,
            state=s.state,
            last_checked_at=_utc(s.last_checked_at),
            last_changed_at=_utc(s.last_changed_at),
            next_check_at=_utc(s.next_check_at),
            consecutive_failures=s.consecutive_failures,
            last_status=s.last_status,
            last_error=s.last_error,
            snapshots=snapshots,
            claims=claims,
            check_interval_hours=s.check_interval_hours,
            paused=bool(s.paused),
        )

    @classmethod
    def of_row(cls, row: SourceRow) -> SourceOut:
        return cls.of(row.source, row.snapshots, row.claims)


class ClaimDetailOut(ClaimOut):
    evidence: list[EvidenceOut]
    history: list[EventOut]
    conflicts: list[ClaimOut]
    sources: list[SourceOut]
    audit: list[AuditOut]


class SnapshotOut(BaseModel):
    id: int
    fetched_at: dt.datetime | None
    http_status: int
    final_url: str
    content_type: str
    content_hash: str
    title: str
    published: str | None
    origin: str
    page_state: str = "ok"  # ok | soft_404 | paywall | consent (no evidence) | empty | unsupported
    reader: str = ""  # trafilatura | fallback | pdf | text ("" for snapshots read before readers were kept)

    @classmethod
    def of(cls, s: Snapshot) -> SnapshotOut:
        assert s.id is not None
        return cls(
            id=s.id,
            fetched_at=_utc(s.fetched_at),
            http_status=s.http_status,
            final_url=s.final_url,
            content_type=s.content_type,
            content_hash=s.content_hash,
            title=s.title,
            published=s.published,
            page_state=s.page_state or "ok",
            reader=s.reader or "",
            origin=s.origin,
        )


class SourceDetailOut(SourceOut):
    snapshot_list: list[SnapshotOut]


class ReportOut(BaseModel):
    id: int
    name: str
    version: int
    is_latest: bool
    title: str
    date: dt.date | None
    language: str
    sha256: str
    ingested_at: dt.datetime | None
    counts: dict[str, int]
    claims: int

    @classmethod
    def of(cls, r: Report, counts: dict[str, int]) -> ReportOut:
        assert r.id is not None
        return cls(
            id=r.id,
            name=r.name,
            version=r.version,
            is_latest=r.is_latest,
            title=r.title,
            date=r.date,
            language=r.language,
            sha256=r.sha256,
            ingested_at=_utc(r.ingested_at),
            counts=counts,
            claims=sum(counts.values()),
        )


class ReportDetailOut(ReportOut):
    sources: list[SourceOut]
    claim_list: list[ClaimOut]


class ReviewIn(BaseModel):
    status: Status
    note: str = Field("", max_length=4000, description="why; required when the status changes")


class ReviewOut(BaseModel):
    claim_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    changed: bool


class ReportIn(BaseModel):
    name: str = Field(..., min_length=1, max_length=255, description="file name, e.g. 2026-04-13.txt")
    text: str = Field(..., description="the report text (UTF-8)")


class IngestOut(BaseModel):
    name: str
    report_id: int
    version: int
    outcome: str
    sections: int
    sources: int
    claims: int


class RecheckIn(BaseModel):
    source_ids: list[int] = Field(..., min_length=1, max_length=1000)


class RecheckOut(BaseModel):
    source_ids: list[int]
    result: dict[str, Any]


class BulkReviewIn(BaseModel):
    """One note for many claims: ``claim_ids`` or every claim resting on ``source_id``."""

    status: Literal["confirm", "verified", "unverified", "contradicted"] = "confirm"
    note: str = Field("", max_length=4000)
    claim_ids: list[int] = Field(default_factory=list, max_length=2000)
    source_id: int | None = Field(None, ge=1, le=2**62)


class BulkReviewOut(BaseModel):
    done: list[int]
    changed: list[int]
    failed: dict[int, str]


class AssignIn(BaseModel):
    claim_ids: list[int] = Field(..., min_length=1, max_length=2000)
    assignee: str | None = Field(None, max_length=100, description="a reviewer's name; empty or null clears")


class JobOut(BaseModel):
    id: str
    name: str
    stage: str
    done: int
    total: int
    report_id: int | None
    outcome: str | None
    counts: dict[str, int]
    error: str | None
    finished: bool
    url: str = ""


class UploadOut(IngestOut):
    job: JobOut


class SearchOut(BaseModel):
    query: str
    mode: str
    claims: ClaimPageOut
    reports: list[dict[str, Any]]
    sources: list[dict[str, Any]]


class SourceScheduleIn(BaseModel):
    check_interval_hours: float | None = Field(None, gt=0, le=24 * 365)
    paused: bool = False
