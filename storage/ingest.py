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

import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import IO, Any, Literal

from sqlalchemy import bindparam, insert
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from claims.errors import ReportError
from claims.extract import iter_claims
from claims.grouping import GROUPED_KINDS, GroupMember, placed
from claims.model import ExtractedClaim, ParsedReport, Value
from claims.report import parse_report
from storage.bulk import insert_returning_ids, stored
from storage.counts import compact_counts
from storage.db import session_scope
from storage.groups import MemberCache, grouping_keys, index_new_claims, unindex_claims
from storage.models import Claim, Report, Section, SectionSource, utcnow
from storage.sources import upsert_source_urls
from storage.verdicts import initial_verdicts

__all__ = [
    "IngestResult",
    "ingest_report",
    "ingest_parsed",
    "content_hash",
    "ClaimSpool",
    "ClaimBatch",
    "claim_batch",
    "SpoolParts",
    "unchanged",
    "unchanged_text",
    "latest_hash",
    "MAX_REPORT_CLAIMS",
]


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
    """A report's claims in batches of ``INSERT_CHUNK``, each made ready to be written as it is
    extracted (a :class:`ClaimBatch`, for a report dated ``date``): the first batch in memory, the
    others pickled to a temporary file (created only for a report of more than one batch).

    Iterating reads the claims back in order, one batch in memory at a time; ``close`` drops the file.
    ``spill_dir``: the file is a named one in that folder, so that the spool can be handed to another
    process (``detach`` there, ``adopt`` here: storage.ingest_batch's read-ahead worker).
    """

    def __init__(
        self,
        claims: Iterable[ExtractedClaim],
        name: str,
        max_claims: int | None,
        *,
        date: dt.date | None,
        spill_dir: str | None = None,
    ) -> None:
        self.count = 0
        self.checkworthy = 0
        self._first: ClaimBatch | None = None
        self._file: IO[bytes] | None = None
        self._path: str | None = None  # the named file's, while this spool owns it
        self._batches = 0
        try:
            self._fill(iter(claims), name, max_claims, date, spill_dir)
        except BaseException:
            self.close()
            raise

    def _fill(
        self,
        claims: Iterator[ExtractedClaim],
        name: str,
        max_claims: int | None,
        date: dt.date | None,
        spill_dir: str | None,
    ) -> None:
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
            ready = claim_batch(batch, date, warm=spill_dir is not None)
            if self._first is None:
                self._first = ready
                continue
            if self._file is None:
                if spill_dir is None:
                    # the file lives as long as the spool, which closes it (a context manager itself)
                    self._file = tempfile.TemporaryFile(prefix="claimledger-claims-")  # noqa: SIM115
                else:
                    fd, self._path = tempfile.mkstemp(prefix="claimledger-claims-", dir=spill_dir)
                    self._file = os.fdopen(fd, "w+b")
            pickle.dump(ready, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._batches += 1

    def detach(self) -> SpoolParts:
        """What another process needs to read these claims (``adopt``); the named file, if any, is
        closed and becomes the receiver's to delete. Only for a spool made with ``spill_dir``."""
        if self._file is not None:
            if self._path is None:
                raise ValueError("a spool without spill_dir cannot be handed on")
            self._file.close()
            self._file = None
        parts = SpoolParts(self._first, self._path, self._batches, self.count, self.checkworthy)
        self._path = None
        return parts

    @classmethod
    def adopt(cls, parts: SpoolParts) -> ClaimSpool:
        """The spool ``detach`` described, in this process; its file is opened and deleted at once
        (it stays readable until closed)."""
        spool = cls.__new__(cls)
        spool.count, spool.checkworthy = parts.count, parts.checkworthy
        spool._first, spool._batches, spool._path, spool._file = parts.first, parts.batches, None, None
        if parts.path is not None:
            spool._file = open(parts.path, "rb")  # noqa: SIM115 - closed by close(), as TemporaryFile
            os.unlink(parts.path)
        return spool

    def batches(self) -> Iterator[ClaimBatch]:
        """The claims, batch by batch, in text order."""
        if self._first is not None:
            yield self._first
        if self._file is not None:
            self._file.seek(0)
            for _ in range(self._batches):
                yield pickle.load(self._file)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._path is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._path)
            self._path = None

    def __enter__(self) -> ClaimSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class SpoolParts:
    """A detached :class:`ClaimSpool`: its first batch, the file holding the others (None: no more),
    how many batches that file holds, and the spool's counts."""

    first: ClaimBatch | None
    path: str | None
    batches: int
    count: int
    checkworthy: int

    def discard(self) -> None:
        """Delete the file, when the claims are not wanted after all."""
        if self.path is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)


_CLAIM_COLUMNS = (  # a claim's own values first (``ClaimBatch.rows``), then what the write adds
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "text",
    "key_text",
    "kind",
    "values",
    "entities",
    "topics",
    "checkworthy",
    "antecedent",
    "group_id",
    "section_id",
    "report_id",
    "created_at",
    "grouped_at",
)


def _json_encoder() -> Callable[[Any], str]:
    """What ``json.dumps(obj, ensure_ascii=False)`` gives, for plain (acyclic) data: the C encoder
    ``JSONEncoder.encode`` builds on every call, built once. A claim's values are encoded for every
    claim (over a million calls in an ingest of 1,000 reports), and building the encoder was a third of
    each call. Where the C encoder is missing, ``JSONEncoder.encode`` itself."""
    base = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return base.encode
    chunks = make(
        None,  # no circular-reference markers: claims' values are plain lists, dicts and scalars
        base.default,
        json.encoder.encode_basestring,  # type: ignore[attr-defined]
        None,
        base.key_separator,
        base.item_separator,
        base.sort_keys,
        base.skipkeys,
        base.allow_nan,
    )

    def encode(obj: Any) -> str:
        return "".join(chunks(obj, 0))

    return encode


_to_json = _json_encoder()  # what json.dumps(…, ensure_ascii=False) gives
_quoted: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined] # the encoder's own
# a value's fields as the template in ``_values_json`` writes them (a value with others, or in another
# order, is left to the encoder)
_VALUE_NAMES = ("raw", "value", "unit", "qualifier", "start", "end", "kind", "precision", "noun")


def _values_json(values: tuple[Value, ...]) -> str:
    """``_to_json([v.to_json() for v in values])``, a value at a time, its fields in a template:
    the C encoder built and joined some forty strings per value (half of making a claim's row). A
    field of another type than its usual one (a string, a finite float, an int, None), or a value
    whose dict is not its fields in order, is left to the encoder."""
    parts = []
    for value in values:
        fields_ = value.__dict__
        if tuple(fields_) != _VALUE_NAMES:
            return _to_json([v.to_json() for v in values])
        raw, number, unit, qualifier, start, end, kind, precision, noun = fields_.values()
        if type(number) is float and math.isfinite(number):
            number_text = repr(number)
        elif type(number) is str:
            number_text = _quoted(number)
        else:
            return _to_json([v.to_json() for v in values])
        if precision is None:
            precision_text = "null"
        elif type(precision) is float and math.isfinite(precision):
            precision_text = repr(precision)
        else:
            return _to_json([v.to_json() for v in values])
        if not (
            type(raw) is str
            and (unit is None or type(unit) is str)
            and type(qualifier) is str
            and type(start) is int
            and type(end) is int
            and type(kind) is str
            and (noun is None or type(noun) is str)
        ):
            return _to_json([v.to_json() for v in values])
        # the keys in the order of _VALUE_NAMES (checked above), as the encoder writes them
        parts.append(
            f'{{"raw": {_quoted(raw)}, "value": {number_text}, "unit": {"null" if unit is None else _quoted(unit)}, '
            f'"qualifier": {_quoted(qualifier)}, "start": {start}, "end": {end}, "kind": {_quoted(kind)}, '
            f'"precision": {precision_text}, "noun": {"null" if noun is None else _quoted(noun)}}}'
        )
    return "[" + ", ".join(parts) + "]"


@lru_cache(maxsize=4096)
def _names_json(names: tuple[str, ...]) -> str:
    """A claim's entities or topics as stored: the claims of a sentence share one tuple, and the
    same names come back sentence after sentence, so each is encoded once."""
    return _to_json(list(names))


@dataclass(frozen=True)
class ClaimBatch:
    """Claims made ready to be written, by whoever extracted them (a read-ahead worker, or the
    ingesting process before its transaction opens): everything about them that needs no database.

    ``rows``: each claim's own column values (the first thirteen of ``_CLAIM_COLUMNS``: JSON encoded,
    no group yet); ``sections``: each claim's section order (the write maps it to the section's id);
    ``members``: for the checkworthy claims that grouping files under a key, their place in the
    batch, their group member (claim and report ids 0 until written: ``claims.grouping.placed``; its
    names, subject and comparison key already worked out) and their grouping keys."""

    rows: list[tuple[Any, ...]]
    sections: list[int]
    members: list[tuple[int, GroupMember, list[str]]]

    def __len__(self) -> int:
        return len(self.rows)


def claim_batch(claims: list[ExtractedClaim], date: dt.date | None, *, warm: bool = True) -> ClaimBatch:
    """``claims`` (of a report dated ``date``) made ready to be written (see :class:`ClaimBatch`).
    ``warm``: work out now what grouping reads of each member (for a worker that hands them to another
    process); in the ingesting process itself grouping works it out when it reads a member, and warming
    a whole claim-dense report at once would only fill the readers' caches."""
    rows: list[tuple[Any, ...]] = []
    members: list[tuple[int, GroupMember, list[str]]] = []
    for at, ex in enumerate(claims):
        rows.append(
            (
                ex.start,
                ex.end,
                ex.sentence_start,
                ex.sentence_end,
                ex.sentence,
                ex.key_text,
                ex.kind,
                _values_json(ex.values),
                _names_json(tuple(ex.entities)),
                _names_json(tuple(ex.topics)),
                ex.checkworthy,
                ex.antecedent,
                None,
            )
        )
        # a claim of another kind, or without values, has no grouping keys (``blocking_keys``): no member
        if ex.checkworthy and ex.values and ex.kind in GROUPED_KINDS:
            member = _member(ex, date)
            keys = grouping_keys(member)
            if keys:  # a member without keys is never compared: grouping never reads it
                members.append((at, member.warm() if warm else member, keys))
    return ClaimBatch(rows, [ex.section_order for ex in claims], members)


def _member(ex: ExtractedClaim, date: dt.date | None) -> GroupMember:
    """The grouping member of a claim about to be written: what ``storage.groups`` would read back
    once it is (ids 0 until then)."""
    return GroupMember(
        claim_id=0,
        report_id=0,
        kind=ex.kind,
        text=ex.sentence,
        values=ex.values,
        entities=ex.entities,
        topics=ex.topics,
        date=date,
        key_offset=ex.start - ex.sentence_start,
    )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_report(
    engine: Engine, name: str, text: str, *, max_claims: int | None = MAX_REPORT_CLAIMS
) -> IngestResult:
    """Parse, extract and store one report (see module docstring); ``max_claims`` None or 0: no limit."""
    parsed = parse_report(text, name)
    with Session(engine) as session:  # the same text again: a no-op, without extracting anything
        same = unchanged(session, parsed)
    if same is not None:
        return same
    with (
        ClaimSpool(iter_claims(parsed), name, max_claims, date=parsed.date) as spool,
        session_scope(engine) as session,
    ):
        return ingest_parsed(session, parsed, spool)


def unchanged(session: Session, parsed: ParsedReport) -> IngestResult | None:
    """The result for a text already stored as the report's newest version, else None."""
    return unchanged_text(session, parsed.name, content_hash(parsed.text))


def unchanged_text(session: Session, name: str, sha256: str) -> IngestResult | None:
    """``unchanged`` for the parsed text whose ``content_hash`` is ``sha256``."""
    latest = _latest_row(session, name)
    if latest is None or latest[2] != sha256:
        return None
    return IngestResult(name, latest[0], latest[1], "unchanged")


def latest_hash(session: Session, name: str) -> str | None:
    """The ``content_hash`` of the report's newest stored version, if any."""
    latest = _latest_row(session, name)
    return None if latest is None else latest[2]


def ingest_parsed(
    session: Session,
    parsed: ParsedReport,
    extracted: list[ExtractedClaim] | ClaimSpool,
    *,
    cache: MemberCache | None = None,
    compact: bool = True,
) -> IngestResult:
    """Write a parsed report and its claims in ``session``'s transaction (the caller commits).

    Every table gets one Core statement per report (claims: per batch of ``INSERT_CHUNK``), never an
    ORM object per row, and nothing just written is read back. ``cache``: group members of earlier
    claims kept across the reports of a run; ``compact``: fold the verdict counts now (a batch folds
    them once at its end)."""
    latest = _latest_row(session, parsed.name)
    sha = content_hash(parsed.text)
    if latest is not None and latest[2] == sha:  # the stored text again: a no-op
        return IngestResult(parsed.name, latest[0], latest[1], "unchanged")
    conn = session.connection()
    if latest is not None:
        # the older versions' claims leave the grouping index (their conflicts and groups go with them)
        older = session.exec(
            select(Claim.id)
            .join(Report, col(Report.id) == col(Claim.report_id))
            .where(col(Report.name) == parsed.name)
        ).all()
        if cache is not None:
            cache.index_changed()  # what the transaction read of the index is out of date
        unindex_claims(session, [int(c) for c in older if c is not None], retired=True)
        session.exec(update(Report).where(col(Report.name) == parsed.name).values(is_latest=False))  # type: ignore[call-overload]
    now = utcnow()
    report_id = int(
        conn.execute(
            insert(_REPORT).returning(_REPORT.c.id),
            {
                "name": parsed.name,
                "version": (latest[1] + 1) if latest else 1,
                "is_latest": True,
                "title": parsed.title,
                "date": parsed.date,
                "sha256": sha,
                "language": parsed.language,
                "text": parsed.text,
                "meta": json.dumps(parsed.meta, ensure_ascii=False, default=str),
                "ingested_at": now,
            },
        ).scalar_one()
    )
    section_ids, n_sources = _write_sections(session, report_id, parsed)
    if cache is not None:
        cache.current_report = report_id

    stamp = stored(conn, _CLAIM, "created_at", now)
    if isinstance(extracted, list):
        batches: Iterable[ClaimBatch] = (
            claim_batch(extracted[at : at + INSERT_CHUNK], parsed.date) for at in range(0, len(extracted), INSERT_CHUNK)
        )
        count, checkworthy = len(extracted), sum(1 for ex in extracted if ex.checkworthy)
    else:
        batches, count, checkworthy = extracted.batches(), extracted.count, extracted.checkworthy
    section_of = section_ids.get
    written = (report_id, stamp, stamp)
    # in batches of INSERT_CHUNK: a hostile report of tens of thousands of figures never holds all its rows at once
    for batch in batches:
        rows = [(*row, section_of(order), *written) for row, order in zip(batch.rows, batch.sections, strict=True)]
        claim_ids = insert_returning_ids(conn, _CLAIM, _CLAIM_COLUMNS, rows)
        del rows
        initial_verdicts(session, claim_ids)
        # cross-report grouping as an index: the new claims meet only the claims sharing their keys
        members: dict[int, GroupMember] = {}
        keys: dict[int, list[str]] = {}
        for at, member, member_keys in batch.members:
            cid = claim_ids[at]
            members[cid] = placed(member, cid, report_id)
            keys[cid] = member_keys
        index_new_claims(session, claim_ids, members, keys=keys, cache=cache)
    if compact:
        compact_counts(session)  # fold the verdict counts the new verdicts appended (storage/counts.py)
    return IngestResult(
        parsed.name,
        report_id,
        (latest[1] + 1) if latest else 1,
        "new_version" if latest else "new",
        sections=len(parsed.sections),
        sources=n_sources,
        claims=count,
        checkworthy=checkworthy,
    )


_REPORT = Report.__table__  # type: ignore[attr-defined]
_SECTION = Section.__table__  # type: ignore[attr-defined]
_SECTION_SOURCE = SectionSource.__table__  # type: ignore[attr-defined]
_CLAIM = Claim.__table__  # type: ignore[attr-defined]


# built once: a statement built per call, and the ORM's execution path, cost more than the query
_LATEST = (
    sa_select(_REPORT.c.id, _REPORT.c.version, _REPORT.c.sha256)
    .where(_REPORT.c.name == bindparam("name"))
    .order_by(_REPORT.c.version.desc())
    .limit(1)
)


def _latest_row(session: Session, name: str) -> tuple[int, int, str] | None:
    """(id, version, sha256) of the report's newest version, if any."""
    row = session.connection().execute(_LATEST, {"name": name}).first()
    return None if row is None else (int(row[0]), int(row[1]), str(row[2]))


def _write_sections(session: Session, report_id: int, parsed: ParsedReport) -> tuple[dict[int, int], int]:
    """The report's sections and the sources they cite (found or created in bulk); returns section
    order → id and the number of distinct sources cited."""
    if not parsed.sections:
        return {}, 0
    conn = session.connection()
    rows = [
        {
            "report_id": report_id,
            "order": sec.order,
            "heading": sec.heading,
            "kind": sec.kind,
            "start": sec.start,
            "end": sec.end,
        }
        for sec in parsed.sections
    ]
    ids = [
        int(r[0])
        for r in conn.execute(insert(_SECTION).returning(_SECTION.c.id, sort_by_parameter_order=True), rows)
    ]
    section_ids = {sec.order: sid for sec, sid in zip(parsed.sections, ids, strict=True)}
    refs = [(sid, ref) for sec, sid in zip(parsed.sections, ids, strict=True) for ref in sec.sources]
    source_ids = upsert_source_urls(session, [ref.url or ref.raw for _sid, ref in refs])
    links: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for (sid, ref), source_id in zip(refs, source_ids, strict=True):
        if (sid, source_id) in seen:  # a section citing one page twice links it once
            continue
        seen.add((sid, source_id))
        links.append(
            {
                "section_id": sid,
                "source_id": source_id,
                "raw": ref.raw,
                "label": ref.label,
                "ref_number": ref.ref_number,
            }
        )
    if links:
        conn.execute(insert(_SECTION_SOURCE), links)
    return section_ids, len(set(source_ids))
