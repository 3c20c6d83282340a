"""Ledger tables. Plain tables with foreign keys and readable columns; JSON is kept as JSON text so the
SQLite file opens as-is in Datasette or any SQL client.

API schemas live elsewhere (``verifier/api``): these are table models only.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

__all__ = [
    "utcnow",
    "Report",
    "Section",
    "Source",
    "SectionSource",
    "Snapshot",
    "Claim",
    "ClaimKey",
    "ClaimConflict",
    "Evidence",
    "Verdict",
    "VerdictEvent",
    "ApiToken",
    "AuditEntry",
    "WebhookDelivery",
    "HostBudget",
]


def utcnow() -> dt.datetime:
    """Timezone-aware UTC now; every timestamp in the ledger is UTC."""
    return dt.datetime.now(dt.UTC)


def _text(**kw: object) -> Column:  # JSON or long text column
    return Column(Text, **kw)  # type: ignore[arg-type]


class Report(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("name", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, description="file name as ingested")
    version: int = 1
    is_latest: bool = Field(default=True, index=True)
    title: str = ""
    date: dt.date | None = None
    sha256: str = Field(index=True)
    language: str = "zh"
    text: str = Field(sa_column=_text(nullable=False))
    meta: str = Field(default="{}", sa_column=_text(nullable=False, default="{}"))
    ingested_at: dt.datetime = Field(default_factory=utcnow)


class Section(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    order: int
    heading: str = ""
    kind: str = "other"
    start: int = 0
    end: int = 0


class Source(SQLModel, table=True):
    """A cited URL. Malformed ones keep their raw text in ``url`` and ``state='malformed'``."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(index=True, unique=True)
    raw: str = ""
    host: str | None = Field(default=None, index=True)
    # new ok malformed dead blocked unsupported changed, or soft_404 paywall consent (a 200 page that is
    # not the article: kept as a snapshot, never evidence)
    state: str = Field(default="new", index=True)
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    last_checked_at: dt.datetime | None = None
    last_changed_at: dt.datetime | None = None
    next_check_at: dt.datetime | None = Field(default=None, index=True)
    consecutive_failures: int = 0
    # consecutive_failures counts definite answers only (404/410, blocked, unsupported) and reaches
    # dead_after_failures only once they span dead_after_hours since failing_since; checks with no
    # definite answer (DNS, refused, timeout, 5xx) count in soft_failures (backoff only)
    soft_failures: int = 0
    failing_since: dt.datetime | None = None
    check_count: int = 0
    last_error: str | None = None
    last_status: int | None = None
    lease_owner: str | None = None
    lease_expires_at: dt.datetime | None = None
    # a new snapshot whose claims are not re-verified yet (set with the snapshot; cleared after
    # verify): survives a crashed worker so the next one re-verifies
    verify_pending: bool = Field(default=False, index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    # per-source schedule set on the source page: re-check every N hours (None: adaptive), or never
    check_interval_hours: float | None = None
    paused: bool = Field(default=False)


class SectionSource(SQLModel, table=True):
    """Which sources a section cites (and how it wrote them)."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    raw: str = ""
    label: str = ""
    ref_number: int | None = None


class Snapshot(SQLModel, table=True):
    """One fetched (or imported) version of a source. Never deleted: evidence points here."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    fetched_at: dt.datetime = Field(default_factory=utcnow)
    http_status: int = 200
    final_url: str = ""
    content_type: str = ""
    content_hash: str = Field(index=True)
    headers: str = Field(default="{}", sa_column=_text(nullable=False, default="{}"))
    title: str = ""
    published: str | None = None  # the page's own dateline (ISO date) when it states one
    text: str = Field(default="", sa_column=_text(nullable=False, default=""))
    # passages as JSON: [{"start": int, "end": int, "kind": "p|h1|li|td|title|caption", "heading": str}]
    passages: str = Field(default="[]", sa_column=_text(nullable=False, default="[]"))
    raw_gz: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    origin: str = "fetch"  # fetch | manifest | warc
    # how the page read: ok, or a 200 page that is not the article (soft_404 | paywall | consent), empty,
    # unsupported; and which reader read it (trafilatura | fallback | pdf | text; "" before readers were kept)
    page_state: str = "ok"
    reader: str = ""


class Claim(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    section_id: int | None = Field(default=None, foreign_key="section.id", index=True)
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str = Field(sa_column=_text(nullable=False))
    key_text: str = ""
    kind: str = Field(index=True)
    values: str = Field(default="[]", sa_column=_text(nullable=False, default="[]"))
    entities: str = Field(default="[]", sa_column=_text(nullable=False, default="[]"))
    topics: str = Field(default="[]", sa_column=_text(nullable=False, default="[]"))
    checkworthy: bool = Field(default=True, index=True)
    # whom a sentence opening on a description ("The model scored …") speaks of: a name of the sentence before
    antecedent: str = ""
    group_id: str | None = Field(default=None, index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    # when the claim entered the grouping index (storage/groups.py); None: not yet (an older ledger)
    grouped_at: dt.datetime | None = Field(default=None, index=True)


class ClaimKey(SQLModel, table=True):
    """One grouping key of a claim (kind | unit family | entity), with its report's date: the claims a
    new claim is compared with are found by an indexed look-up on (key, report_date)."""

    __table_args__ = (Index("ix_claimkey_key_date", "key", "report_date", "claim_id"),)
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    key: str
    report_date: dt.date | None = None


class ClaimConflict(SQLModel, table=True):
    """Two claims of different reports state the same fact with different values (kept both ways).

    Its one index is the unique (claim_id, other_id): every look-up is by ``claim_id``, and a pair is
    always written and deleted both ways, so the rows naming a claim as ``other_id`` are found as the
    rows (its others, it). Indexes of their own on either column were pure write cost (an ingest of
    1,000 reports writes ~270,000 rows); older ledgers lose them on open (``storage.upgrade.RETIRED_INDEXES``)."""

    __table_args__ = (UniqueConstraint("claim_id", "other_id"),)
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id")
    other_id: int = Field(foreign_key="claim.id")


class Evidence(SQLModel, table=True):
    """A passage of a snapshot that speaks to a claim, with what was found there."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    snapshot_id: int = Field(foreign_key="snapshot.id", index=True)
    passage: str = Field(sa_column=_text(nullable=False))
    passage_start: int = 0
    passage_end: int = 0
    score: float = 0.0
    stance: str = "neutral"  # supports | contradicts | neutral
    values_found: str = Field(default="[]", sa_column=_text(nullable=False, default="[]"))
    matched_value: str | None = None  # the page's figure for the same quantity, as written
    highlight: str = Field(default="[]", sa_column=_text(nullable=False, default="[]"))  # [[s,e],...] in passage
    created_at: dt.datetime = Field(default_factory=utcnow)


class Verdict(SQLModel, table=True):
    """The current verdict of a claim (one row per claim). History is in VerdictEvent."""

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    status: str = Field(default="unverified", index=True)  # verified | unverified | contradicted
    reason: str = Field(default="not_checked", index=True)
    confidence: float = 0.0
    actor: str = "auto"  # "auto" or a reviewer name
    note: str = ""
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id")
    evidence_digest: str = ""
    conflicts_with: str = Field(default="[]", sa_column=_text(nullable=False, default="[]"))
    needs_review: bool = Field(default=False, index=True)
    machine_status: str | None = None  # what the machine last concluded, kept under a human verdict
    machine_reason: str | None = None
    updated_at: dt.datetime = Field(default_factory=utcnow)
    # the desk's review state, apart from the verdict: who is asked to look, and when a person last
    # reviewed (a claim is "reviewed" while its verdict is a person's and nothing moved under it)
    assignee: str | None = Field(default=None, index=True)
    assigned_at: dt.datetime | None = None
    reviewed_at: dt.datetime | None = None


class VerdictEvent(SQLModel, table=True):
    """Append-only history of verdicts."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    status: str
    reason: str
    confidence: float = 0.0
    actor: str = "auto"
    note: str = ""
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id")
    evidence_digest: str = ""
    details: str = Field(default="{}", sa_column=_text(nullable=False, default="{}"))
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class ApiToken(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    role: str  # reviewer | editor | admin
    token_hash: str = Field(unique=True, index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    revoked: bool = False


class AuditEntry(SQLModel, table=True):
    """Every write by a person or token: who, when, what, before/after, note."""

    id: int | None = Field(default=None, primary_key=True)
    actor: str
    action: str = Field(index=True)
    object_type: str
    object_id: str = Field(index=True)
    before: str = Field(default="{}", sa_column=_text(nullable=False, default="{}"))
    after: str = Field(default="{}", sa_column=_text(nullable=False, default="{}"))
    note: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)


class WebhookDelivery(SQLModel, table=True):
    """Outbox of status-change events for the optional webhook; failed ones end as dead letters."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int | None = Field(default=None, foreign_key="verdictevent.id")
    payload: str = Field(sa_column=_text(nullable=False))
    state: str = Field(default="pending", index=True)  # pending | delivered | dead
    attempts: int = 0
    last_error: str | None = None
    next_attempt_at: dt.datetime = Field(default_factory=utcnow)
    created_at: dt.datetime = Field(default_factory=utcnow)


class HostBudget(SQLModel, table=True):
    """Sources of one host taken for checking in its current window, shared by every worker (the
    per-host cap, see ``storage.leases.claim_sources``). One row per host, locked while a claim reads
    and updates it."""

    host: str = Field(primary_key=True)
    window_start: dt.datetime | None = None  # first take of the current window
    used: int = 0  # sources taken in the current window
    last_taken_at: dt.datetime | None = None
