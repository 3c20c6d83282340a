"""Queries for re-reading stored pages: the latest snapshot of each source with its raw body, and a
re-read snapshot written beside it (the old one, and the evidence that points at it, stay as they are)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from storage.models import Claim, Report, Section, SectionSource, Snapshot, Source, Verdict

__all__ = ["StoredBody", "stored_bodies", "add_reread_snapshot", "verdicts_of_sources"]


@dataclass(frozen=True)
class StoredBody:
    snapshot_id: int
    source_id: int
    url: str
    content_type: str
    raw_gz: bytes
    title: str
    published: str | None
    text: str
    passages: str
    page_state: str


def stored_bodies(session: Session, source_ids: Sequence[int] | None = None) -> list[StoredBody]:
    """The latest snapshot of each source (of ``source_ids``, else all) that kept its raw body."""
    latest = select(Snapshot.source_id, Snapshot.id).order_by(
        col(Snapshot.source_id), col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc()
    )
    if source_ids is not None:
        latest = latest.where(col(Snapshot.source_id).in_(list(source_ids)))
    newest: dict[int, int] = {}
    for source_id, snap_id in session.exec(latest).all():
        if snap_id is not None:
            newest.setdefault(int(source_id), int(snap_id))
    out: list[StoredBody] = []
    ids = sorted(newest.values())
    for start in range(0, len(ids), 500):
        rows = session.exec(
            select(Snapshot, Source.url)
            .join(Source, col(Source.id) == col(Snapshot.source_id))
            .where(col(Snapshot.id).in_(ids[start : start + 500]))
        ).all()
        for snap, url in rows:
            if snap.raw_gz is None or snap.id is None:
                continue
            out.append(
                StoredBody(
                    snap.id, snap.source_id, snap.final_url or url, snap.content_type, snap.raw_gz, snap.title,
                    snap.published, snap.text, snap.passages, snap.page_state or "ok",
                )
            )
    return sorted(out, key=lambda b: b.snapshot_id)


def add_reread_snapshot(
    session: Session,
    of: int,
    *,
    title: str,
    published: str | None,
    text: str,
    passages: str,
    page_state: str,
    reader: str,
    source_state: str | None,
) -> int:
    """A copy of snapshot ``of`` (same capture, time and body) with a new reading; the source's state
    is set to ``source_state`` when given. Returns the new snapshot's id."""
    old = session.get(Snapshot, of)
    assert old is not None
    snap = Snapshot(
        source_id=old.source_id,
        fetched_at=old.fetched_at,
        http_status=old.http_status,
        final_url=old.final_url,
        content_type=old.content_type,
        content_hash=old.content_hash,
        headers=old.headers,
        title=title,
        published=published,
        text=text,
        passages=passages,
        raw_gz=old.raw_gz,
        origin="reparse",
        page_state=page_state,
        reader=reader,
    )
    session.add(snap)
    if source_state is not None:
        source = session.get(Source, old.source_id)
        if source is not None and source.state != source_state:
            source.state = source_state
            source.verify_pending = True
            session.add(source)
    session.flush()
    assert snap.id is not None
    return snap.id


def verdicts_of_sources(session: Session, source_ids: Sequence[int]) -> dict[int, tuple[str, str, str, str]]:
    """claim id → (status, reason, key text, report name) of the claims whose section cites ``source_ids``."""
    if not source_ids:
        return {}
    rows = session.exec(
        select(  # type: ignore[call-overload]  # sqlmodel's select() is typed up to 4 columns
            Claim.id, Verdict.status, Verdict.reason, Claim.key_text, Report.name
        )
        .join(Section, col(Section.id) == col(Claim.section_id))
        .join(SectionSource, col(SectionSource.section_id) == col(Section.id))
        .join(Verdict, col(Verdict.claim_id) == col(Claim.id))
        .join(Report, col(Report.id) == col(Claim.report_id))
        .where(col(SectionSource.source_id).in_(list(source_ids)))
    ).all()
    return {int(cid): (status, reason or "", key or "", name) for cid, status, reason, key, name in rows}

