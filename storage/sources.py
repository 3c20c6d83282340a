"""Source and snapshot queries: find or create a source by URL, snapshots by source, due sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import bindparam, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, or_, select

from claims.urls import normalise_url, url_host
from storage.bulk import prepared_rows
from storage.models import Report, Section, SectionSource, Snapshot, Source

__all__ = [
    "source_key",
    "find_source",
    "upsert_source_url",
    "upsert_source_urls",
    "latest_snapshot",
    "snapshot_with_hash",
    "snapshots_of",
    "all_snapshots",
    "list_sources",
    "sources_for_report",
    "due_sources",
    "snapshot_counts",
]


@lru_cache(maxsize=8192)
def source_key(raw: str) -> tuple[str, bool]:
    """``(key, malformed)``: the normalised URL, or the stripped raw text of a malformed one (cached:
    the same sources come back report after report)."""
    url, _reason = normalise_url(raw)
    return (url, False) if url else (raw.strip(), True)


def find_source(session: Session, raw_url: str) -> Source | None:
    """The source a URL (as any report or archive writes it) stands for, if the ledger has it."""
    key, _ = source_key(raw_url)
    return session.exec(select(Source).where(Source.url == key)).first()


def upsert_source_url(session: Session, raw_url: str) -> Source:
    """The Source row for ``raw_url``, created (state ``new``, or ``malformed``) when missing."""
    source = find_source(session, raw_url)
    if source is not None:
        return source
    key, malformed = source_key(raw_url)
    source = Source(
        url=key,
        raw=raw_url,
        host=None if malformed else url_host(key),
        state="malformed" if malformed else "new",
        last_error="malformed URL" if malformed else None,
    )
    session.add(source)
    session.flush()
    return source


_SOURCE = Source.__table__  # type: ignore[attr-defined]
# built once (ingest asks it for every report): the ids of the sources of a list of URLs
_IDS_OF_URLS = sa_select(_SOURCE.c.url, _SOURCE.c.id).where(
    _SOURCE.c.url.in_(bindparam("urls", expanding=True))
)


def upsert_source_urls(session: Session, raw_urls: Sequence[str]) -> list[int]:
    """Bulk :func:`upsert_source_url`: the source id of each URL, in order; the missing sources are
    created in one statement (each under the first raw text that names it)."""
    keys = [source_key(raw) for raw in raw_urls]
    wanted = sorted({key for key, _ in keys})
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        ids.update(
            (url, int(sid)) for url, sid in prepared_rows(session.connection(), _IDS_OF_URLS, {"urls": chunk})
        )
    missing: dict[str, dict[str, object]] = {}
    for raw, (key, malformed) in zip(raw_urls, keys, strict=True):
        if key in ids or key in missing:
            continue
        missing[key] = {
            "url": key,
            "raw": raw,
            "host": None if malformed else url_host(key),
            "state": "malformed" if malformed else "new",
            "last_error": "malformed URL" if malformed else None,
        }
    if missing:
        table = Source.__table__  # type: ignore[attr-defined]
        stmt = insert(table).returning(table.c.url, table.c.id, sort_by_parameter_order=True)
        ids.update((url, int(sid)) for url, sid in session.connection().execute(stmt, list(missing.values())))
    return [ids[key] for key, _ in keys]


def latest_snapshot(session: Session, source_id: int) -> Snapshot | None:
    return session.exec(
        select(Snapshot)
        .where(Snapshot.source_id == source_id)
        .order_by(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc())
    ).first()


def snapshot_with_hash(
    session: Session, source_id: int, content_hash: str, fetched_at: dt.datetime | None = None
) -> Snapshot | None:
    stmt = select(Snapshot).where(Snapshot.source_id == source_id, Snapshot.content_hash == content_hash)
    if fetched_at is not None:
        stmt = stmt.where(Snapshot.fetched_at == fetched_at)
    return session.exec(stmt).first()


def snapshots_of(session: Session, source_id: int) -> list[Snapshot]:
    """A source's snapshots, oldest first."""
    return list(
        session.exec(
            select(Snapshot)
            .where(Snapshot.source_id == source_id)
            .order_by(col(Snapshot.fetched_at), col(Snapshot.id))
        )
    )


def all_snapshots(session: Session) -> list[Snapshot]:
    """Every snapshot, by source then time (the order an archive export writes them)."""
    return list(
        session.exec(
            select(Snapshot).order_by(col(Snapshot.source_id), col(Snapshot.fetched_at), col(Snapshot.id))
        )
    )


def list_sources(
    session: Session, *, states: Sequence[str] | None = None, limit: int | None = None
) -> list[Source]:
    stmt = select(Source).order_by(col(Source.id))
    if states:
        stmt = stmt.where(col(Source.state).in_(list(states)))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt))


def sources_for_report(session: Session, report: str) -> list[Source]:
    """Sources cited by the latest version of a report (by file name, or its id as text)."""
    cond = Report.name == report
    if report.isdigit():
        cond = or_(cond, Report.id == int(report))  # type: ignore[assignment]
    stmt = (
        select(Source)
        .join(SectionSource, col(SectionSource.source_id) == col(Source.id))
        .join(Section, col(Section.id) == col(SectionSource.section_id))
        .join(Report, col(Report.id) == col(Section.report_id))
        .where(cond, col(Report.is_latest).is_(True))
        .distinct()
        .order_by(col(Source.id))
    )
    return list(session.exec(stmt))


def due_sources(session: Session, now: dt.datetime, *, limit: int = 200) -> list[Source]:
    """Fetchable sources never checked or whose next check has come (malformed ones never are)."""
    stmt = (
        select(Source)
        .where(Source.state != "malformed")
        .where(or_(col(Source.next_check_at).is_(None), col(Source.next_check_at) <= now))
        .order_by(col(Source.next_check_at).is_(None).desc(), col(Source.next_check_at), col(Source.id))
        .limit(limit)
    )
    return list(session.exec(stmt))


def snapshot_counts(session: Session) -> dict[int, int]:
    rows = session.exec(select(Snapshot.source_id, func.count()).group_by(col(Snapshot.source_id)))
    return {sid: n for sid, n in rows}
