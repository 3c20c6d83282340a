"""Ingest: a report's text → Report, Section, Source, Claim rows and first verdicts, in one transaction.

The new claims enter the cross-report grouping index (``storage.groups``) in the same transaction.
Parsing and extraction (pure, in ``claims``) run before the transaction opens, so a report that cannot
be read never touches the ledger. The same content under the same name is a no-op; a changed text is a
new version, and its claims belong to that version.

Memory is bounded whatever the report's length: claims are extracted one sentence at a time and held
in batches of ``INSERT_CHUNK`` — the first in memory, any further ones spooled to a temporary file —
until the transaction writes them batch by batch. A report yielding more than ``max_claims`` claims
(``CLAIMLEDGER_MAX_REPORT_CLAIMS``) is refused whole with a :class:`ReportError` before the ledger is
touched: its earlier versions and every other report stay as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any, Literal

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from claims.errors import ReportError
from claims.extract import iter_claims
from claims.model import ExtractedClaim, ParsedReport
from claims.report import parse_report
from storage.counts import compact_counts
from storage.db import session_scope
from storage.groups import index_claims, unindex_claims
from storage.models import Claim, Report, Section, SectionSource, utcnow
from storage.sources import upsert_source_url
from storage.verdicts import initial_verdicts

__all__ = ["IngestResult", "ingest_report", "ingest_parsed", "content_hash", "ClaimSpool", "MAX_REPORT_CLAIMS"]


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
MAX_REPORT_CLAIMS = 50_000  # default of Settings.max_report_claims: more is a dump, not a report


class ClaimSpool:
    """A report's claims in batches of ``INSERT_CHUNK``: the first batch in memory, the others
    pickled to a temporary file (created only for a report of more than one batch).

    Iterating reads the claims back in order, one batch in memory at a time; ``close`` drops the file.
    """

    def __init__(self, claims: Iterable[ExtractedClaim], name: str, max_claims: int | None) -> None:
        self.count = 0
        self.checkworthy = 0
        self._first: list[ExtractedClaim] = []
        self._file: IO[bytes] | None = None
        self._batches = 0
        try:
            self._fill(iter(claims), name, max_claims)
        except BaseException:
            self.close()
            raise

    def _fill(self, claims: Iterator[ExtractedClaim], name: str, max_claims: int | None) -> None:
        while batch := list(islice(claims, INSERT_CHUNK)):
            self.count += len(batch)
            self.checkworthy += sum(1 for ex in batch if ex.checkworthy)
            if max_claims and self.count > max_claims:
                raise ReportError(
                    f"{name}: more than {max_claims:,} claims, the most one report may have; not ingested "
                    "(a report this dense is most likely a table dump, a log or generated text)",
                    hint="check the file; to ingest it all the same, raise CLAIMLEDGER_MAX_REPORT_CLAIMS "
                    "(0: no limit)",
                )
            if not self._first:
                self._first = batch
                continue
            if self._file is None:
                # the file lives as long as the spool, which closes it (a context manager itself)
                self._file = tempfile.TemporaryFile(prefix="claimledger-claims-")  # noqa: SIM115
            pickle.dump(batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._batches += 1

    def batches(self) -> Iterator[list[ExtractedClaim]]:
        """The claims, batch by batch, in text order."""
        if self._first:
            yield self._first
        if self._file is not None:
            self._file.seek(0)
            for _ in range(self._batches):
                yield pickle.load(self._file)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> ClaimSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def ingest_report(
    engine: Engine, name: str, text: str, *, max_claims: int | None = MAX_REPORT_CLAIMS
) -> IngestResult:
    """Parse, extract and store one report (see module docstring); ``max_claims`` None or 0: no limit."""
    parsed = parse_report(text, name)
    with Session(engine) as session:  # the same text again: a no-op, without extracting anything
        same = _unchanged(session, parsed)
    if same is not None:
        return same
    with ClaimSpool(iter_claims(parsed), name, max_claims) as spool, session_scope(engine) as session:
        return ingest_parsed(session, parsed, spool)


def _latest(session: Session, name: str) -> Report | None:
    return session.exec(select(Report).where(Report.name == name).order_by(col(Report.version).desc())).first()


def _unchanged(session: Session, parsed: ParsedReport) -> IngestResult | None:
    """The result for a text already stored as the report's newest version, else None."""
    latest = _latest(session, parsed.name)
    if latest is None or latest.sha256 != content_hash(parsed.text):
        return None
    assert latest.id is not None
    return IngestResult(parsed.name, latest.id, latest.version, "unchanged")


def ingest_parsed(
    session: Session, parsed: ParsedReport, extracted: list[ExtractedClaim] | ClaimSpool
) -> IngestResult:
    same = _unchanged(session, parsed)
    if same is not None:
        return same
    sha = content_hash(parsed.text)
    latest = _latest(session, parsed.name)
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
    # Core, not the ORM's bulk path: the rows are plain dicts already
    table = Claim.__table__  # type: ignore[attr-defined]
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    if isinstance(extracted, list):
        batches: Iterable[list[ExtractedClaim]] = [extracted]
        count, checkworthy = len(extracted), sum(1 for ex in extracted if ex.checkworthy)
    else:
        batches, count, checkworthy = extracted.batches(), extracted.count, extracted.checkworthy
    for batch in batches:
        for at in range(0, len(batch), INSERT_CHUNK):
            rows = [_claim_row(ex, report.id, section_ids, now) for ex in batch[at : at + INSERT_CHUNK]]
            claim_ids = [int(r[0]) for r in session.connection().execute(stmt, rows)]
            initial_verdicts(session, claim_ids)
            # cross-report grouping as an index: the new claims meet only the claims sharing their keys
            index_claims(session, claim_ids)
    compact_counts(session)  # fold the verdict counts the new verdicts appended (storage/counts.py)
    return IngestResult(
        parsed.name,
        report.id,
        report.version,
        "new_version" if latest else "new",
        sections=len(parsed.sections),
        sources=len(source_ids),
        claims=count,
        checkworthy=checkworthy,
    )
