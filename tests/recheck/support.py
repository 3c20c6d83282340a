"""Helpers for the re-check tests: a tiny ledger of claims citing sources, pages that change."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.models import Claim, Report, Section, SectionSource, Snapshot, Source, Verdict, VerdictEvent
from storage.verdicts import VerdictUpdate, initial_verdict, record_verdict
from tests.support.servers import Reply


def add_sources(engine: Engine, urls: Sequence[str], host: str | None = None) -> list[int]:
    with session_scope(engine) as session:
        rows = [Source(url=u, raw=u, host=host or u.split("/")[2], state="new") for u in urls]
        session.add_all(rows)
        session.flush()
        return [int(r.id) for r in rows]  # type: ignore[arg-type]


def add_claim(engine: Engine, source_ids: Sequence[int], key_text: str, name: str = "r.md") -> int:
    """A report with one section citing ``source_ids`` and one claim whose key value is ``key_text``."""
    with session_scope(engine) as session:
        text = f"The company raised {key_text}."
        report = Report(
            name=f"{name}-{uuid.uuid4().hex[:8]}", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text
        )
        session.add(report)
        session.flush()
        section = Section(report_id=report.id, order=0, heading="news", start=0, end=len(text))  # type: ignore[arg-type]
        session.add(section)
        session.flush()
        for sid in source_ids:
            session.add(SectionSource(section_id=section.id, source_id=sid))  # type: ignore[arg-type]
        start = text.index(key_text)
        claim = Claim(
            report_id=report.id,  # type: ignore[arg-type]
            section_id=section.id,
            start=start,
            end=start + len(key_text),
            sentence_start=0,
            sentence_end=len(text),
            text=text,
            key_text=key_text,
            kind="amount",
        )
        session.add(claim)
        session.flush()
        initial_verdict(session, int(claim.id))  # type: ignore[arg-type]
        return int(claim.id)  # type: ignore[arg-type]


class FakeVerify:
    """Stands in for ``verify_claims`` in unit tests: verified when the latest snapshot of a cited
    source contains the claim's key text, else contradicted. Records its calls."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def __call__(self, engine: Engine, *, claim_ids=None, source_ids=None, trigger=None, **_: object) -> None:
        self.calls.append({"claim_ids": claim_ids, "source_ids": source_ids, "trigger": trigger})
        with session_scope(engine) as session:
            stmt = select(Claim.id, SectionSource.source_id).join(
                SectionSource, col(SectionSource.section_id) == col(Claim.section_id)
            )
            if source_ids is not None:
                stmt = stmt.where(col(SectionSource.source_id).in_(list(source_ids)))
            if claim_ids is not None:
                stmt = stmt.where(col(Claim.id).in_(list(claim_ids)))
            for claim_id, source_id in session.exec(stmt).all():
                claim = session.get(Claim, claim_id)
                snap = session.exec(
                    select(Snapshot).where(Snapshot.source_id == source_id).order_by(col(Snapshot.id).desc())
                ).first()
                if snap is None or claim is None:
                    continue
                status = "verified" if claim.key_text in snap.text else "contradicted"
                record_verdict(
                    session,
                    int(claim_id),
                    VerdictUpdate(
                        status=status,
                        reason=trigger or "checked",
                        snapshot_id=snap.id,
                        evidence_digest=snap.content_hash,
                        details={"trigger": trigger},
                    ),
                )


def page(body: str, etag: str | None = None) -> Reply:
    headers = {"ETag": etag} if etag else {}
    return Reply(
        body=f"<html><head><title>t</title></head><body><p>{body}</p></body></html>".encode(), headers=headers
    )


def conditional(versions: dict[str, str], path: str):
    """A route serving ``versions[path]`` with an ETag and answering 304 to a matching If-None-Match."""

    def route(req):  # type: ignore[no-untyped-def]
        body = versions[path]
        etag = '"' + hashlib.md5(body.encode()).hexdigest() + '"'
        if req.headers.get("If-None-Match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        return page(body, etag)

    return route


def events(engine: Engine, claim_id: int) -> list[VerdictEvent]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(VerdictEvent).where(VerdictEvent.claim_id == claim_id).order_by(col(VerdictEvent.id))
            ).all()
        )


def verdict(engine: Engine, claim_id: int) -> Verdict:
    with Session(engine) as session:
        v = session.get(Verdict, claim_id)
        assert v is not None
        return v


def snapshots(engine: Engine, source_id: int) -> list[Snapshot]:
    with Session(engine) as session:
        return list(session.exec(select(Snapshot).where(Snapshot.source_id == source_id)).all())


def details(event: VerdictEvent) -> dict:
    return json.loads(event.details or "{}")


def make_due(engine: Engine, source_ids: Sequence[int] | None = None) -> None:
    """Move the next check of sources into the past (instead of waiting hours)."""
    import datetime as dt

    from sqlalchemy import update

    from storage.models import utcnow

    stmt = update(Source).values(next_check_at=utcnow() - dt.timedelta(seconds=1))
    if source_ids is not None:
        stmt = stmt.where(col(Source.id).in_(list(source_ids)))
    with session_scope(engine) as session:
        session.execute(stmt)
