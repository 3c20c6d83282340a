"""Ingest: a report's text → Report, Section, Source, Claim rows and first verdicts, in one transaction.

The new claims enter the cross-report grouping index (``storage.groups``) in the same transaction.
Parsing and extraction (pure, in ``claims``) run before the transaction opens, so a report that cannot
be read never touches the ledger. The same content under the same name is a no-op; a changed text is a
new version, and its claims belong to that version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from claims.extract import extract_claims
from claims.model import ExtractedClaim, ParsedReport
from claims.report import parse_report
from storage.counts import compact_counts
from storage.db import session_scope
from storage.groups import index_claims, unindex_claims
from storage.models import Claim, Report, Section, SectionSource, utcnow
from storage.sources import upsert_source_url
from storage.verdicts import initial_verdicts

__all__ = ["IngestResult", "ingest_report", "ingest_parsed", "content_hash"]


@dataclass(frozen=True)
class IngestResult:
    name: str
    report_id: int
    version: int
    outcome: Literal["new", "new_version", "unchanged"]
    sections: int = 0
    sources: int = 0
    claims: int = 0
    checkworthy: int = 0


INSERT_CHUNK = 2_000  # claim rows built and inserted at a time


def _claim_row(ex: ExtractedClaim, report_id: int, section_ids: dict[int, int], now: dt.datetime) -> dict[str, Any]:
    return {
        "report_id": report_id,
        "section_id": section_ids.get(ex.section_order),
        "start": ex.start,
        "end": ex.end,
        "sentence_start": ex.sentence_start,
        "sentence_end": ex.sentence_end,
        "text": ex.sentence,
        "key_text": ex.key_text,
        "kind": ex.kind,
        "values": json.dumps([v.to_json() for v in ex.values], ensure_ascii=False),
        "entities": json.dumps(list(ex.entities), ensure_ascii=False),
        "topics": json.dumps(list(ex.topics), ensure_ascii=False),
        "checkworthy": ex.checkworthy,
        "group_id": None,
        "created_at": now,
    }


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_report(engine: Engine, name: str, text: str) -> IngestResult:
    """Parse, extract and store one report (see module docstring)."""
    parsed = parse_report(text, name)
    extracted = extract_claims(parsed)
    with session_scope(engine) as session:
        return ingest_parsed(session, parsed, extracted)


def ingest_parsed(session: Session, parsed: ParsedReport, extracted: list[ExtractedClaim]) -> IngestResult:
    sha = content_hash(parsed.text)
    latest = session.exec(
        select(Report).where(Report.name == parsed.name).order_by(col(Report.version).desc())
    ).first()
    if latest is not None and latest.sha256 == sha:
        assert latest.id is not None
        return IngestResult(parsed.name, latest.id, latest.version, "unchanged")
    if latest is not None:
        # the older versions' claims leave the grouping index (their conflicts and groups go with them)
        older = session.exec(
            select(Claim.id).join(Report, col(Report.id) == col(Claim.report_id)).where(col(Report.name) == parsed.name)
        ).all()
        unindex_claims(session, [int(c) for c in older if c is not None], retired=True)
        session.exec(update(Report).where(col(Report.name) == parsed.name).values(is_latest=False))  # type: ignore[call-overload]
    report = Report(
        name=parsed.name,
        version=(latest.version + 1) if latest else 1,
        is_latest=True,
        title=parsed.title,
        date=parsed.date,
        sha256=sha,
        language=parsed.language,
        text=parsed.text,
        meta=json.dumps(parsed.meta, ensure_ascii=False, default=str),
    )
    session.add(report)
    session.flush()
    assert report.id is not None

    section_ids: dict[int, int] = {}
    source_ids: set[int] = set()
    for sec in parsed.sections:
        row = Section(
            report_id=report.id, order=sec.order, heading=sec.heading, kind=sec.kind, start=sec.start, end=sec.end
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        section_ids[sec.order] = row.id
        seen: set[int] = set()
        for ref in sec.sources:
            source = upsert_source_url(session, ref.url or ref.raw)
            assert source.id is not None
            if source.id in seen:
                continue
            seen.add(source.id)
            source_ids.add(source.id)
            session.add(
                SectionSource(
                    section_id=row.id, source_id=source.id, raw=ref.raw, label=ref.label, ref_number=ref.ref_number
                )
            )

    # Core bulk inserts: building hundreds of ORM objects per report costs more than the SQL itself.
    # In chunks: a hostile report of tens of thousands of figures never holds all its rows at once.
    now = utcnow()
    stmt = insert(Claim).returning(col(Claim.id), sort_by_parameter_order=True)
    for at in range(0, len(extracted), INSERT_CHUNK):
        rows = [_claim_row(ex, report.id, section_ids, now) for ex in extracted[at : at + INSERT_CHUNK]]
        claim_ids = [int(r[0]) for r in session.execute(stmt, rows)]
        initial_verdicts(session, claim_ids)
        # cross-report grouping as an index: the new claims meet only the claims sharing their keys
        index_claims(session, claim_ids)
    compact_counts(session)  # fold the verdict counts the new verdicts appended (storage/counts.py)
    checkworthy = sum(1 for ex in extracted if ex.checkworthy)
    return IngestResult(
        parsed.name,
        report.id,
        report.version,
        "new_version" if latest else "new",
        sections=len(parsed.sections),
        sources=len(source_ids),
        claims=len(extracted),
        checkworthy=checkworthy,
    )
