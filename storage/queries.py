"""Read queries for the API and the pages: reports, claims (filters, sort, pagination), claim detail,
sources, the review queue and counts.

Everything returns plain dataclasses or table rows loaded in one short read session, so callers
(routes, templates, exports) never run SQL themselves.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import Index, and_, bindparam, case, func, inspect, not_, or_
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from claims.errors import BadInputError, NotFoundError
from claims.model import ClaimKind
from storage.counts import LOW_CONFIDENCE, Bucket, bucket_counts, counts_installed
from storage.jsoncols import json_list
from storage.models import (
    AuditEntry,
    Claim,
    Evidence,
    Report,
    Section,
    SectionSource,
    Snapshot,
    Source,
    Verdict,
    VerdictEvent,
)
from storage.rawexec import fetch_all

__all__ = [
    "STATUSES",
    "REVIEW_STATES",
    "review_state",
    "ClaimFilter",
    "ClaimRow",
    "ClaimView",
    "VerdictView",
    "ClaimLine",
    "VerdictLine",
    "LineRow",
    "Page",
    "ReportSummary",
    "ClaimDetail",
    "EvidenceRow",
    "SourceRow",
    "ensure_indexes",
    "list_claims",
    "count_claims",
    "count_queue",
    "review_queue",
    "status_counts",
    "reason_counts",
    "list_reports",
    "get_report",
    "report_claims",
    "report_sources",
    "claim_detail",
    "list_sources",
    "source_snapshots",
    "get_source",
    "count_sources",
    "source_claim_counts",
    "source_claim_ids",
    "source_evidence",
    "get_snapshot",
    "next_in_queue",
]

STATUSES = ("verified", "unverified", "contradicted")
SOURCE_STATE_ORDER = ("dead", "soft_404", "paywall", "consent", "changed", "blocked", "malformed", "unsupported", "new", "ok")
Sort = Literal["id", "confidence", "-confidence", "report"]
SORTS = typing.get_args(Sort)
MAX_LIMIT = 500


PG_QUEUE_INDEX = "ix_verdict_review_queue_id"


def ensure_indexes(engine: Engine) -> None:
    """Composite indexes the queue and the claim list lean on (idempotent; existing ledgers too)."""
    table = Verdict.__table__  # type: ignore[attr-defined]
    existing = {ix["name"] for ix in inspect(engine).get_indexes(table.name)}
    queue = (table.c.status, table.c.needs_review, table.c.reason, table.c.confidence.desc())
    wanted = {
        # the review queue's groups: status, then needs_review, ordered by reason and confidence
        "ix_verdict_review_queue": queue,
        "ix_verdict_status_conf": (table.c.status, table.c.confidence),
    }
    postgres = engine.dialect.name == "postgresql"
    if postgres:
        del wanted["ix_verdict_review_queue"]  # replaced below
    for name, cols in wanted.items():
        if name in existing:
            continue
        index = next((ix for ix in table.indexes if ix.name == name), None)
        if index is None:
            index = Index(name, *cols)
        index.create(engine, checkfirst=True)
    if postgres:
        # the group's last sort key (claim id) in the index too: PostgreSQL otherwise reads every row
        # tied on (reason, confidence) and sorts them (116 rows for a 50-row page at 1M claims,
        # backend CPU 0.8 -> 0.5 ms); SQLite's index entries end with the rowid (the claim id)
        # already. Written as SQL, not an ``Index`` on the table, which would join the metadata.
        with engine.begin() as conn:
            if PG_QUEUE_INDEX not in existing:
                conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {PG_QUEUE_INDEX} ON verdict "
                                     "(status, needs_review, reason, confidence DESC, claim_id)")
            if "ix_verdict_review_queue" in existing:  # its prefix, now redundant: one index less to write
                conn.exec_driver_sql("DROP INDEX IF EXISTS ix_verdict_review_queue")


# ---------------------------------------------------------------------------------------- claims


REVIEW_STATES = ("open", "unreviewed", "assigned", "reviewed", "any")


@dataclass(frozen=True)
class ClaimFilter:
    status: str | None = None
    reason: str | None = None
    kind: str | None = None
    report: str | None = None  # report name (latest version) or numeric id
    source_id: int | None = None
    needs_review: bool | None = None
    checkworthy: bool | None = True
    # the desk's review state (apart from the verdict): open = not reviewed yet (assigned or not)
    review: str | None = None
    assignee: str | None = None
    reviewer: str | None = None  # the person whose verdict the claim carries
    since: dt.date | None = None  # verdict last changed on or after this day (UTC)
    until: dt.date | None = None  # ... on or before this day
    max_confidence: float | None = None

    def validate(self) -> ClaimFilter:
        if self.status is not None and self.status not in STATUSES:
            raise BadInputError(f"unknown status {self.status!r}", hint="one of " + ", ".join(STATUSES))
        if self.review is not None and self.review not in REVIEW_STATES:
            raise BadInputError(f"unknown review state {self.review!r}", hint="one of " + ", ".join(REVIEW_STATES))
        kinds = typing.get_args(ClaimKind)
        if self.kind is not None and self.kind not in kinds:
            raise BadInputError(f"unknown kind {self.kind!r}", hint="one of " + ", ".join(kinds))
        return self


def review_state(verdict: Any) -> str:
    """unreviewed | assigned | reviewed: a claim is reviewed while its verdict is a person's and no
    source moved under it (``needs_review`` puts it back)."""
    if verdict is None:
        return "unreviewed"
    if verdict.actor != "auto" and not verdict.needs_review:
        return "reviewed"
    return "assigned" if verdict.assignee else "unreviewed"


@dataclass(slots=True)
class ClaimView:
    """A claim's columns read without the ORM: list pages load 50 of these per request."""

    id: int
    report_id: int
    section_id: int | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    key_text: str
    kind: str
    values: str
    entities: str
    checkworthy: bool
    group_id: str | None


@dataclass(slots=True)
class VerdictView:
    """A verdict's columns read without the ORM."""

    claim_id: int
    status: str
    reason: str
    confidence: float
    actor: str
    note: str
    snapshot_id: int | None
    conflicts_with: str
    needs_review: bool
    machine_status: str | None
    updated_at: dt.datetime | None
    assignee: str | None = None
    reviewed_at: dt.datetime | None = None


@dataclass(slots=True)
class ClaimLine:
    """The claim's columns a table row of the pages shows (queue, claims list, search): 4 of 14.
    Reading and decoding columns and building the row objects are most of a list query's cost."""

    id: int
    report_id: int
    text: str
    key_text: str


@dataclass(slots=True)
class VerdictLine:
    """The verdict's columns a table row of the pages shows."""

    status: str
    reason: str
    confidence: float
    actor: str
    needs_review: bool
    assignee: str | None


_CLAIM_COLS = [Claim.__table__.c[f.name] for f in fields(ClaimView)]  # type: ignore[attr-defined]
_VERDICT_COLS = [Verdict.__table__.c[f.name] for f in fields(VerdictView)]  # type: ignore[attr-defined]
_LINE_CLAIM_COLS = [Claim.__table__.c[f.name] for f in fields(ClaimLine)]  # type: ignore[attr-defined]
_LINE_VERDICT_COLS = [Verdict.__table__.c[f.name] for f in fields(VerdictLine)]  # type: ignore[attr-defined]


@dataclass(slots=True)
class ClaimRow:
    claim: ClaimView | Claim  # ClaimView from list queries, the table row from claim_detail
    verdict: VerdictView | Verdict | None
    report_name: str

    @property
    def status(self) -> str:
        return self.verdict.status if self.verdict else "unverified"

    @property
    def reason(self) -> str:
        return self.verdict.reason if self.verdict else "not_checked"

    @property
    def confidence(self) -> float:
        return self.verdict.confidence if self.verdict else 0.0

    @property
    def review_state(self) -> str:
        return review_state(self.verdict)


@dataclass(slots=True)
class LineRow:
    """A table row of the pages (``lines=True``): what :class:`ClaimRow` offers the row writers of
    verifier/api/rows.py, from :class:`ClaimLine` and :class:`VerdictLine`."""

    claim: ClaimLine
    verdict: VerdictLine
    report_name: str

    @property
    def status(self) -> str:
        return self.verdict.status

    @property
    def reason(self) -> str:
        return self.verdict.reason

    @property
    def confidence(self) -> float:
        return self.verdict.confidence

    @property
    def review_state(self) -> str:
        return review_state(self.verdict)


def _rows(session: Session, stmt: Any, params: dict[str, Any] | None = None, lines: bool = False) -> list[Any]:
    """ClaimRow objects, or LineRow objects for a statement built with ``lines=True``."""
    if lines:
        nc, nv = len(_LINE_CLAIM_COLS), len(_LINE_VERDICT_COLS)
        return [
            LineRow(ClaimLine(*r[:nc]), VerdictLine(*r[nc : nc + nv]), r[nc + nv])
            for r in fetch_all(session.connection(), stmt, params)
        ]
    nc, nv = len(_CLAIM_COLS), len(_VERDICT_COLS)
    return [
        ClaimRow(ClaimView(*r[:nc]), VerdictView(*r[nc : nc + nv]), r[nc + nv])
        for r in fetch_all(session.connection(), stmt, params)  # on the driver's cursor (storage/rawexec.py)
    ]


@dataclass
class Page:
    items: list[Any]  # ClaimRow; LineRow when asked for with ``lines=True``
    total: int
    limit: int
    offset: int
    # keyset paging: where the next page starts (None when this page is not full); pass it back as ``after``
    next_after: str | None = None


@dataclass(frozen=True)
class QueueCursor:
    """The last row of a queue page: its group, then the group's sort key (reason, confidence, id)."""

    group: int
    reason: str
    confidence: float
    claim_id: int

    def encode(self) -> str:
        return f"{self.group}~{self.reason}~{self.confidence!r}~{self.claim_id}"

    @classmethod
    def decode(cls, text: str) -> QueueCursor:
        parts = text.split("~")
        try:
            if len(parts) != 4:
                raise ValueError(text)
            return cls(int(parts[0]), parts[1], float(parts[2]), int(parts[3]))
        except ValueError:
            raise BadInputError(f"not a queue cursor: {text!r}", hint="pass back a page's next_after") from None


def _check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInputError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise BadInputError(f"offset must be >= 0, got {offset}")


def report_names(session: Session) -> list[str]:
    """File names of the reports in the ledger (latest versions), sorted."""
    rows = session.exec(select(Report.name).where(col(Report.is_latest).is_(True)).distinct()).all()
    return sorted(str(r) for r in rows)


def report_exists(session: Session, report: str) -> bool:
    """A report by file name (latest version), or by id written as digits."""
    if report.isdigit() and int(report) < 2**63 and session.get(Report, int(report)) is not None:
        return True
    stmt = select(Report.id).where(Report.name == report, col(Report.is_latest).is_(True))
    return session.exec(stmt).first() is not None


def _report_ids(session: Session | None, report: str) -> list[int]:
    if report.isdigit():
        return [int(report)]
    assert session is not None, "a report name is looked up in the ledger"
    rows = session.exec(select(Report.id).where(Report.name == report, col(Report.is_latest).is_(True))).all()
    return [r for r in rows if r is not None]


def _apply_filter(stmt: Any, session: Session | None, flt: ClaimFilter) -> Any:
    if flt.status is not None:
        stmt = stmt.where(Verdict.status == flt.status)
    if flt.reason is not None:
        stmt = stmt.where(Verdict.reason == flt.reason)
    if flt.kind is not None:
        stmt = stmt.where(Claim.kind == flt.kind)
    if flt.needs_review is not None:
        stmt = stmt.where(Verdict.needs_review == flt.needs_review)
    if flt.checkworthy is True:
        # "IS NOT false" rather than "= true": nearly every claim is checkworthy, and SQLite would
        # otherwise walk the checkworthy index over the whole ledger instead of the verdict indexes
        stmt = stmt.where(col(Claim.checkworthy).is_not(False))
    elif flt.checkworthy is False:
        stmt = stmt.where(col(Claim.checkworthy).is_(False))
    if flt.report is not None:
        stmt = stmt.where(col(Claim.report_id).in_(_report_ids(session, flt.report)))
    if flt.source_id is not None:
        cited = select(SectionSource.section_id).where(SectionSource.source_id == flt.source_id)
        stmt = stmt.where(col(Claim.section_id).in_(cited))
    reviewed = and_(col(Verdict.actor) != "auto", col(Verdict.needs_review).is_(False))
    if flt.review == "open":
        stmt = stmt.where(not_(reviewed))
    elif flt.review == "unreviewed":
        stmt = stmt.where(not_(reviewed), col(Verdict.assignee).is_(None))
    elif flt.review == "assigned":
        stmt = stmt.where(not_(reviewed), col(Verdict.assignee).is_not(None))
    elif flt.review == "reviewed":
        stmt = stmt.where(reviewed)
    if flt.assignee is not None:
        stmt = stmt.where(Verdict.assignee == flt.assignee)
    if flt.reviewer is not None:
        stmt = stmt.where(Verdict.actor == flt.reviewer)
    if flt.since is not None:
        stmt = stmt.where(col(Verdict.updated_at) >= dt.datetime.combine(flt.since, dt.time(), tzinfo=dt.UTC))
    if flt.until is not None:
        stmt = stmt.where(
            col(Verdict.updated_at) < dt.datetime.combine(flt.until + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        )
    if flt.max_confidence is not None:
        stmt = stmt.where(col(Verdict.confidence) < flt.max_confidence)
    return stmt


def _order(sort: str) -> list[Any]:
    if sort == "confidence":
        return [col(Verdict.confidence).asc(), col(Claim.id).asc()]
    if sort == "-confidence":
        return [col(Verdict.confidence).desc(), col(Claim.id).asc()]
    if sort == "report":
        return [col(Claim.report_id).asc(), col(Claim.start).asc()]
    if sort == "id":
        return [col(Claim.id).asc()]
    raise BadInputError(f"unknown sort {sort!r}", hint="id, confidence, -confidence or report")


@lru_cache(maxsize=2)
def _base(lines: bool = False) -> Any:
    """Built once: a select is immutable, each caller's ``where``/``order_by`` makes a copy.
    ``lines``: only the columns of :class:`LineRow`."""
    # every claim has a verdict row from ingest on (storage.verdicts.initial_verdict)
    columns = (*_LINE_CLAIM_COLS, *_LINE_VERDICT_COLS) if lines else (*_CLAIM_COLS, *_VERDICT_COLS)
    stmt = sa_select(*columns, col(Report.name)).select_from(Claim)
    stmt = stmt.join(Verdict, col(Verdict.claim_id) == col(Claim.id))
    return stmt.join(Report, col(Report.id) == col(Claim.report_id))


_ORDERS: dict[str, Callable[[], list[Any]]] = {
    "id": lambda: [col(Claim.id).asc()],
    "verdict_id": lambda: [col(Verdict.claim_id).asc()],
    "confidence": lambda: [col(Verdict.confidence).asc(), col(Claim.id).asc()],
    "-confidence": lambda: [col(Verdict.confidence).desc(), col(Claim.id).asc()],
    "report": lambda: [col(Claim.report_id).asc(), col(Claim.start).asc()],
    # the queue's groups: by reason, surest first; low-confidence verified: least sure first
    "queue": lambda: [col(Verdict.reason).asc(), col(Verdict.confidence).desc(), col(Verdict.claim_id).asc()],
    "queue_low": lambda: [col(Verdict.confidence).asc(), col(Verdict.claim_id).asc()],
}


def _page_select(session: Session, flt: ClaimFilter, order: str, limit: int | None = None, offset: int = 0,
                 lines: bool = False) -> Any:
    """``_base()`` filtered by ``flt`` and ordered by ``_ORDERS[order]``, limited when ``limit`` is
    given. The same filter, order and page give the same statement object, built once (unless the
    filter names a report, resolved in the ledger): SQLAlchemy then reuses its cache key instead of
    walking the statement again, which cost more than SQLite's own work for a page."""
    if flt.report is not None and not flt.report.isdigit():
        stmt = _apply_filter(_base(lines), session, flt).order_by(*_ORDERS[order]())
        return stmt if limit is None else stmt.limit(limit).offset(offset)
    return _cached_select(flt, order, limit, offset, lines)


@lru_cache(maxsize=512)
def _cached_select(flt: ClaimFilter, order: str, limit: int | None, offset: int, lines: bool = False) -> Any:
    stmt = _apply_filter(_base(lines), None, flt).order_by(*_ORDERS[order]())
    return stmt if limit is None else stmt.limit(limit).offset(offset)


def _bucket_test(flt: ClaimFilter) -> Callable[[Bucket], bool] | None:
    """The same selection as ``flt`` over the maintained counts' buckets (storage/counts.py), or None
    when ``flt`` uses something the buckets do not hold (report, kind, source, people, dates)."""
    if any(v is not None for v in (flt.kind, flt.report, flt.source_id, flt.assignee, flt.reviewer, flt.since, flt.until)):
        return None
    if flt.max_confidence is not None and flt.max_confidence != LOW_CONFIDENCE:
        return None

    def test(b: Bucket) -> bool:
        review_ok = {
            None: True, "any": True, "open": not b.reviewed, "unreviewed": not b.reviewed and not b.assigned,
            "assigned": not b.reviewed and b.assigned, "reviewed": b.reviewed,
        }[flt.review]
        return (
            review_ok
            and (flt.status is None or b.status == flt.status)
            and (flt.reason is None or b.reason == flt.reason)
            and (flt.needs_review is None or b.needs_review == flt.needs_review)
            and (flt.checkworthy is None or b.checkworthy == flt.checkworthy)
            and (flt.max_confidence is None or b.low_confidence)
        )

    return test


def _count(session: Session, flt: ClaimFilter, buckets: dict[Bucket, int] | None = None) -> int:
    test = _bucket_test(flt)
    if test is not None and counts_installed(session):
        buckets = bucket_counts(session) if buckets is None else buckets
        return sum(n for b, n in buckets.items() if test(b))
    stmt = select(func.count()).select_from(Verdict).join(Claim, col(Claim.id) == col(Verdict.claim_id))
    return int(session.exec(_apply_filter(stmt, session, flt)).one())


def count_claims(session: Session, flt: ClaimFilter | None = None) -> int:
    """How many claims match ``flt`` (the total behind :func:`list_claims`)."""
    return _count(session, (flt or ClaimFilter()).validate())


def list_claims(
    session: Session,
    flt: ClaimFilter | None = None,
    *,
    sort: str = "id",
    limit: int = 50,
    offset: int = 0,
    with_total: bool = True,
    after: str | int | None = None,
    lines: bool = False,
) -> Page:
    """One page of claims matching ``flt``, with the total for pagination (-1 when not asked for).
    ``after`` (a page's ``next_after``, sort=id only) seeks past the last claim seen: the cost of a
    page does not grow with its depth, as ``offset``'s does. ``lines``: LineRow items (the pages' tables)."""
    flt = (flt or ClaimFilter()).validate()
    _check_paging(limit, offset)
    if sort not in SORTS:  # an unknown sort is refused (as _order does, without building its clauses)
        _order(sort)
    order = sort
    if sort == "id" and (flt.status or flt.reason or flt.needs_review is not None):
        # same order, but named on the verdict: SQLite then reads it straight off the verdict's
        # (status, rowid) index instead of sorting every matching claim
        order = "verdict_id"
    if after is not None:  # keyset: seek past the last row seen instead of skipping ``offset`` rows
        if sort != "id":
            raise BadInputError("after= pages by id only", hint="use sort=id with after, or offset")
        key = col(Verdict.claim_id) if order == "verdict_id" else col(Claim.id)
        stmt = _page_select(session, flt, order, lines=lines).where(key > int(after)).limit(limit)
    else:
        stmt = _page_select(session, flt, order, limit, offset, lines)
    items = _rows(session, stmt, lines=lines)
    total = _count(session, flt) if with_total else -1
    nxt = str(items[-1].claim.id) if sort == "id" and len(items) == limit else None
    return Page(items=items, total=total, limit=limit, offset=offset, next_after=nxt)


def _queue_groups(flt: ClaimFilter) -> list[ClaimFilter]:
    """The queue's groups, most urgent first: contradicted, then ``needs_review`` (a source moved
    under a reviewer's verdict), then unverified, then machine-verified with low confidence.
    By default only claims not reviewed yet (``review="open"``). An explicit status or needs_review
    filter narrows the queue to that group."""
    if flt.review is None:
        flt = replace(flt, review="open")
    if flt.needs_review is not None:
        return [flt]
    if flt.status == "verified":
        return [replace(flt, max_confidence=LOW_CONFIDENCE)] if flt.review == "open" else [flt]
    if flt.status is not None:
        return [flt]
    return [
        replace(flt, status="contradicted", needs_review=False),
        replace(flt, needs_review=True),
        replace(flt, status="unverified", needs_review=False),
        replace(flt, status="verified", needs_review=False, max_confidence=LOW_CONFIDENCE),
    ]


def count_queue(session: Session, flt: ClaimFilter | None = None) -> int:
    """How many claims the review queue holds under ``flt``."""
    flt = (flt or ClaimFilter()).validate()
    groups = _queue_groups(flt)
    buckets = bucket_counts(session) if counts_installed(session) and all(_bucket_test(g) for g in groups) else None
    return sum(_count(session, group, buckets) for group in groups)


def review_queue(
    session: Session,
    flt: ClaimFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    with_total: bool = True,
    after: str | None = None,
    lines: bool = False,
) -> Page:
    """Claims for fact-checkers, most urgent first (see :func:`_queue_groups`); by reason within a
    group, the surest first (the least sure first among low-confidence verified claims).

    One ordered query per group (each walks the (status, reason, confidence) index and stops at
    the page), instead of one sort over every flagged claim. ``after`` (a page's ``next_after``)
    seeks past the last row seen, so a deep page costs what the first does; ``offset`` skips rows.
    """
    flt = (flt or ClaimFilter()).validate()
    _check_paging(limit, offset)
    cursor = QueueCursor.decode(after) if after else None
    items: list[Any] = []
    last: QueueCursor | None = None
    skip = 0 if cursor else offset
    for gi, group in enumerate(_queue_groups(flt)):
        need = limit - len(items)
        if need <= 0:
            break
        if cursor is not None and gi < cursor.group:
            continue
        low = group.max_confidence is not None  # least sure first, off the (status, confidence) index
        order = "queue_low" if low else "queue"
        if cursor is not None and gi == cursor.group:
            stmt = _page_select(session, group, order, lines=lines).where(_after(cursor, low)).limit(need).offset(skip)
        else:
            stmt = _page_select(session, group, order, need, skip, lines)
        rows = _rows(session, stmt, lines=lines)
        items += rows
        if rows:
            tail = rows[-1]
            last = QueueCursor(gi, tail.reason, tail.confidence, int(tail.claim.id or 0))
        # a page that starts past this group skips what the group holds; otherwise it starts here
        skip = max(0, skip - _count(session, group)) if skip and not rows else 0
    total = count_queue(session, flt) if with_total else -1
    nxt = last.encode() if last is not None and len(items) == limit else None
    return Page(items=items, total=total, limit=limit, offset=offset, next_after=nxt)


def _after(c: QueueCursor, low: bool) -> Any:
    """Rows after ``c`` in its group's order (a leading range the index can seek to, then the tie-breaks)."""
    conf, cid = col(Verdict.confidence), col(Verdict.claim_id)
    if low:  # confidence asc, id asc
        return and_(conf >= c.confidence, or_(conf > c.confidence, and_(conf == c.confidence, cid > c.claim_id)))
    reason = col(Verdict.reason)  # reason asc, confidence desc, id asc
    return and_(
        reason >= c.reason,
        or_(
            reason > c.reason,
            and_(reason == c.reason, or_(conf < c.confidence, and_(conf == c.confidence, cid > c.claim_id))),
        ),
    )


def status_counts(session: Session, report_id: int | None = None) -> dict[str, int]:
    """Claims per status (checkworthy claims; all statuses present, zero when none)."""
    # "IS NOT false" (checkworthy is never NULL): "IS true" would walk the checkworthy index over
    # the whole ledger instead of the report's claims
    stmt = (
        select(Verdict.status, func.count())
        .join(Claim, col(Claim.id) == col(Verdict.claim_id))
        .where(col(Claim.checkworthy).is_not(False))
        .group_by(col(Verdict.status))
    )
    if report_id is not None:
        stmt = stmt.where(Claim.report_id == report_id)
    counts = {s: 0 for s in STATUSES}
    if report_id is None and counts_installed(session):  # maintained by the database
        for b, n in bucket_counts(session).items():
            if b.checkworthy and b.status in counts:
                counts[b.status] += n
        return counts
    for status, n in session.exec(stmt).all():
        counts[status] = int(n)
    return counts


def reason_counts(session: Session) -> dict[tuple[str, str], int]:
    """Flagged claims per (status, reason), for the queue's filter bar."""
    if counts_installed(session):  # maintained by the database
        out: dict[tuple[str, str], int] = {}
        for b, n in bucket_counts(session).items():
            if b.status in ("contradicted", "unverified"):
                out[(b.status, b.reason)] = out.get((b.status, b.reason), 0) + n
        return out
    stmt = (
        select(Verdict.status, Verdict.reason, func.count())
        .where(col(Verdict.status).in_(("contradicted", "unverified")))
        .group_by(col(Verdict.status), col(Verdict.reason))
    )
    return {(s, r): int(n) for s, r, n in session.exec(stmt).all()}


# --------------------------------------------------------------------------------------- reports


@dataclass
class ReportSummary:
    report: Report
    counts: dict[str, int]
    claims: int


def list_reports(session: Session, *, include_old: bool = False) -> list[ReportSummary]:
    stmt = select(Report).order_by(col(Report.date).desc(), col(Report.name).asc(), col(Report.version).desc())
    if not include_old:
        stmt = stmt.where(col(Report.is_latest).is_(True))
    reports = list(session.exec(stmt).all())
    per: dict[int, dict[str, int]] = {r.id: {s: 0 for s in STATUSES} for r in reports if r.id is not None}
    rows = session.exec(
        select(Claim.report_id, Verdict.status, func.count())
        .join(Verdict, col(Verdict.claim_id) == col(Claim.id))
        .where(col(Claim.checkworthy).is_(True))
        .group_by(col(Claim.report_id), col(Verdict.status))
    ).all()
    for rid, status, n in rows:
        if rid in per:
            per[rid][status] = int(n)
    return [ReportSummary(r, per[r.id], sum(per[r.id].values())) for r in reports if r.id is not None]


def get_report(session: Session, ref: str | int) -> Report:
    """A report by id or by name (latest version)."""
    report: Report | None
    if isinstance(ref, int) or str(ref).isdigit():
        report = session.get(Report, int(ref))
    else:
        report = session.exec(
            select(Report).where(Report.name == ref).order_by(col(Report.version).desc())
        ).first()
    if report is None:
        raise NotFoundError(f"no report {ref!r}")
    return report


@lru_cache(maxsize=1)
def _report_claims_select() -> Any:
    """Built once, the report id bound at execution (building and keying a statement per request
    cost as much as running it)."""
    return _base().where(col(Claim.report_id) == bindparam("report_id")).order_by(col(Claim.start).asc())


def report_claims(session: Session, report_id: int) -> list[ClaimRow]:
    return _rows(session, _report_claims_select(), {"report_id": report_id})


@dataclass
class SourceRow:
    source: Source
    snapshots: int = 0
    claims: int = 0
    sections: list[int] = field(default_factory=list)


@lru_cache(maxsize=1)
def _report_sources_select() -> Any:
    """A report's sources with the sections citing them and each source's snapshot count, in one
    statement built once (the report id bound at execution)."""
    snapshots = (select(func.count()).select_from(Snapshot).where(col(Snapshot.source_id) == col(Source.id))
                 .scalar_subquery())
    return (
        select(Source, SectionSource.section_id, snapshots)
        .join(SectionSource, col(SectionSource.source_id) == col(Source.id))
        .join(Section, col(Section.id) == col(SectionSource.section_id))
        .where(col(Section.report_id) == bindparam("report_id"))
        .order_by(col(Source.id))
    )


def report_sources(session: Session, report_id: int) -> list[SourceRow]:
    rows: dict[int, SourceRow] = {}
    for source, section_id, n_snapshots in session.exec(_report_sources_select(), params={"report_id": report_id}).all():
        assert source.id is not None
        row = rows.setdefault(source.id, SourceRow(source, snapshots=int(n_snapshots)))
        row.sections.append(section_id)
    return sorted(rows.values(), key=lambda r: (_state_rank(r.source.state), r.source.id or 0))


def _state_rank(state: str) -> int:
    return SOURCE_STATE_ORDER.index(state) if state in SOURCE_STATE_ORDER else len(SOURCE_STATE_ORDER)


def _snapshot_counts(session: Session, rows: dict[int, SourceRow]) -> None:
    if not rows:
        return
    counts = session.exec(
        select(Snapshot.source_id, func.count())
        .where(col(Snapshot.source_id).in_(list(rows)))
        .group_by(col(Snapshot.source_id))
    ).all()
    for sid, n in counts:
        rows[sid].snapshots = int(n)


# ---------------------------------------------------------------------------------------- sources


SOURCE_SORTS = ("health", "url", "-last_checked", "claims")


def _source_where(stmt: Any, state: str | None, q: str | None) -> Any:
    if state is not None:
        if state not in SOURCE_STATE_ORDER:
            raise BadInputError(f"unknown source state {state!r}", hint="one of " + ", ".join(SOURCE_STATE_ORDER))
        stmt = stmt.where(Source.state == state)
    if q:
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(col(Source.url).like(like, escape="\\"))
    return stmt


def count_sources(session: Session, *, state: str | None = None, q: str | None = None) -> int:
    return int(session.exec(_source_where(select(func.count()).select_from(Source), state, q)).one())


def list_sources(session: Session, *, state: str | None = None, limit: int = 200, offset: int = 0,
                 sort: str = "health", q: str | None = None) -> list[SourceRow]:
    """Sources, dead and changed first, then by last check (oldest first); or by ``sort``."""
    _check_paging(limit, offset)
    rank = case({s: i for i, s in enumerate(SOURCE_STATE_ORDER)}, value=col(Source.state), else_=len(SOURCE_STATE_ORDER))
    if sort == "health":
        order = [rank, col(Source.last_checked_at).asc(), col(Source.id).asc()]
    elif sort == "url":
        order = [col(Source.url).asc()]
    elif sort == "-last_checked":
        order = [col(Source.last_checked_at).desc(), col(Source.id).asc()]
    elif sort == "claims":
        n_claims = (select(func.count(col(Claim.id))).join(SectionSource, col(Claim.section_id) == col(SectionSource.section_id))
             .where(SectionSource.source_id == Source.id, col(Claim.checkworthy).is_not(False)).scalar_subquery())
        order = [n_claims.desc(), col(Source.id).asc()]
    else:
        raise BadInputError(f"unknown sort {sort!r}", hint="one of " + ", ".join(SOURCE_SORTS))
    stmt = _source_where(select(Source), state, q).order_by(*order)
    sources = session.exec(stmt.limit(limit).offset(offset)).all()
    rows = {s.id: SourceRow(s) for s in sources if s.id is not None}
    _snapshot_counts(session, rows)
    for sid, n in source_claim_counts(session, list(rows)).items():
        rows[sid].claims = n
    return list(rows.values())


def source_claim_counts(session: Session, source_ids: Sequence[int]) -> dict[int, int]:
    """Checkworthy claims citing each source: the same claims ``/claims?source=ID`` lists."""
    if not source_ids:
        return {}
    rows = session.exec(
        select(SectionSource.source_id, func.count(func.distinct(col(Claim.id))))
        .join(Claim, col(Claim.section_id) == col(SectionSource.section_id))
        .where(col(SectionSource.source_id).in_(list(source_ids)), col(Claim.checkworthy).is_not(False))
        .group_by(col(SectionSource.source_id))
    ).all()
    return {int(sid): int(n) for sid, n in rows}


def source_claim_ids(session: Session, source_id: int) -> list[int]:
    """Every checkworthy claim resting on one source (for bulk review)."""
    cited = select(SectionSource.section_id).where(SectionSource.source_id == source_id)
    stmt = (select(Claim.id).where(col(Claim.section_id).in_(cited), col(Claim.checkworthy).is_not(False))
            .order_by(col(Claim.id)))
    return [int(i) for i in session.exec(stmt).all() if i is not None]


def source_evidence(session: Session, source_id: int) -> list[tuple[Evidence, int]]:
    """Evidence passages found in this source's snapshots, with their snapshot ids."""
    stmt = (select(Evidence, Snapshot.id).join(Snapshot, col(Snapshot.id) == col(Evidence.snapshot_id))
            .where(Snapshot.source_id == source_id).order_by(col(Evidence.passage_start)))
    return [(e, int(sid)) for e, sid in session.exec(stmt).all() if sid is not None]


def get_snapshot(session: Session, source_id: int, snapshot_id: int) -> Snapshot:
    snap = session.get(Snapshot, snapshot_id)
    if snap is None or snap.source_id != source_id:
        raise NotFoundError(f"no snapshot {snapshot_id} of source {source_id}")
    return snap


def next_in_queue(session: Session, flt: ClaimFilter, after: int | None = None) -> int | None:
    """The first claim of the queue under ``flt`` other than ``after`` (save-and-next)."""
    page = review_queue(session, flt, limit=2, offset=0, with_total=False)
    for row in page.items:
        if row.claim.id != after:
            return int(row.claim.id or 0)
    return None


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"no source {source_id}")
    return source


def source_snapshots(session: Session, source_id: int) -> list[Snapshot]:
    stmt = select(Snapshot).where(Snapshot.source_id == source_id).order_by(
        col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc()  # a re-read snapshot shares its capture's time
    )
    return list(session.exec(stmt).all())


# ------------------------------------------------------------------------------------ claim detail


@dataclass
class EvidenceRow:
    evidence: Evidence
    snapshot: Snapshot
    source: Source


@dataclass
class ClaimDetail:
    claim: Claim
    report: Report
    section: Section | None
    verdict: Verdict | None
    evidence: list[EvidenceRow]
    events: list[VerdictEvent]
    conflicts: list[ClaimRow]
    sources: list[Source]
    audit: list[AuditEntry]

    @property
    def values(self) -> list[dict[str, Any]]:
        return json_list(self.claim.values)



def claim_detail(session: Session, claim_id: int) -> ClaimDetail:
    """Everything the claim page and ``GET /api/claims/{id}`` show, in one read."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim {claim_id}")
    report = session.get(Report, claim.report_id)
    assert report is not None
    section = session.get(Section, claim.section_id) if claim.section_id is not None else None
    verdict = session.get(Verdict, claim_id)
    ev_rows = session.exec(
        select(Evidence, Snapshot, Source)
        .join(Snapshot, col(Snapshot.id) == col(Evidence.snapshot_id))
        .join(Source, col(Source.id) == col(Snapshot.source_id))
        .where(Evidence.claim_id == claim_id)
        .order_by(col(Evidence.score).desc(), col(Evidence.id).asc())
    ).all()
    events = session.exec(
        select(VerdictEvent)
        .where(VerdictEvent.claim_id == claim_id)
        .order_by(col(VerdictEvent.created_at).asc(), col(VerdictEvent.id).asc())
    ).all()
    conflict_ids = [int(c) for c in json_list(verdict.conflicts_with if verdict else "[]")]
    conflicts = _claims_by_id(session, conflict_ids)
    sources: Sequence[Source] = []
    if claim.section_id is not None:
        sources = session.exec(
            select(Source)
            .join(SectionSource, col(SectionSource.source_id) == col(Source.id))
            .where(SectionSource.section_id == claim.section_id)
            .order_by(col(SectionSource.id))
        ).all()
    audit = session.exec(
        select(AuditEntry)
        .where(AuditEntry.object_type == "claim", AuditEntry.object_id == str(claim_id))
        .order_by(col(AuditEntry.created_at).asc(), col(AuditEntry.id).asc())
    ).all()
    return ClaimDetail(
        claim=claim,
        report=report,
        section=section,
        verdict=verdict,
        evidence=[EvidenceRow(e, s, src) for e, s, src in ev_rows],
        events=list(events),
        conflicts=conflicts,
        sources=list(sources),
        audit=list(audit),
    )


def _claims_by_id(session: Session, ids: Sequence[int]) -> list[ClaimRow]:
    if not ids:
        return []
    stmt = _base().where(col(Claim.id).in_(list(ids))).order_by(col(Claim.id))
    return _rows(session, stmt)


def reviewed_claims(session: Session, *, report: str | None = None, limit: int = 100_000) -> list[ClaimRow]:
    """Claims whose current verdict is a person's (for ClaimReview export)."""
    stmt = _base().where(Verdict.actor != "auto")
    if report is not None:
        stmt = stmt.where(col(Claim.report_id).in_(_report_ids(session, report)))
    stmt = stmt.order_by(col(Claim.id)).limit(limit)
    return _rows(session, stmt)


__all__ += ["reviewed_claims", "report_names", "report_exists"]
