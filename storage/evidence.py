"""Queries the verifier needs: the claims to verify with the sources they rest on, the latest
snapshots of those sources, and writing a claim's evidence rows.

A claim rests on the sources its section cites; a section that cites nothing (an overview, a
summary, a report that lists references only at its end) rests on every source of the report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from claims.citations import find_sources, footnote_numbers, inherited_marks
from claims.extract import is_table_row
from storage.jsoncols import json_list
from storage.models import Claim, Evidence, Report, Section, SectionSource, Snapshot, Source, Verdict

__all__ = [
    "ClaimInput",
    "SnapshotData",
    "SourceInfo",
    "claims_to_verify",
    "report_ids_to_verify",
    "latest_snapshots",
    "replace_evidence",
    "replace_evidence_many",
    "current_verdicts",
    "verdict_statuses",
    "claim_evidence",
]


@dataclass(frozen=True)
class SourceInfo:
    id: int
    url: str
    state: str
    consecutive_failures: int = 0


@dataclass
class ClaimInput:
    id: int
    report_id: int
    report_name: str
    report_date: Any
    kind: str
    text: str
    key_text: str
    key_offset: int  # key's offset inside the sentence
    values: list[dict[str, Any]]
    entities: list[str]
    topics: list[str]
    checkworthy: bool
    source_ids: list[int] = field(default_factory=list)
    antecedent: str = ""  # whom a sentence opening on a description speaks of (claims.antecedents)
    section_cites: bool = True  # its own section cites sources (else it rests on its report's)
    # the section's other sources, when the claim's sentence marks its own notes: read only for what
    # contradicts it (a figure the claim's notes back, while another page its section cites gives another)
    also_against: list[int] = field(default_factory=list)
    # a table row's other cells: (offset in the row, what the cell's column measures), from their claims
    cell_nouns: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class SnapshotData:
    id: int
    source_id: int
    url: str
    title: str
    text: str
    passages: str
    published: str | None
    content_hash: str



def report_ids_to_verify(
    session: Session,
    *,
    report: str | None = None,
    claim_ids: Sequence[int] | None = None,
    source_ids: Sequence[int] | None = None,
) -> list[int]:
    """The ids of the latest report versions holding claims :func:`claims_to_verify` may select with
    the same filters (a verify run reads its claims a few reports at a time)."""
    stmt = select(Claim.report_id).join(Report, col(Report.id) == col(Claim.report_id)).where(col(Report.is_latest))
    stmt = _where(stmt, report, claim_ids, source_ids, None)
    return sorted({int(r) for r in session.exec(stmt.distinct()).all()})


def _where(
    stmt: Any, report: str | None, claim_ids: Sequence[int] | None, source_ids: Sequence[int] | None,
    kinds: Sequence[str] | None,
) -> Any:
    if report is not None:
        stmt = stmt.where((col(Report.name) == report) | (col(Report.name).endswith("/" + report)))
    if claim_ids is not None:
        stmt = stmt.where(col(Claim.id).in_(list(claim_ids)))
    if kinds is not None:
        stmt = stmt.where(col(Claim.kind).in_(list(kinds)), col(Claim.checkworthy))
    if source_ids is not None:
        # only reports citing one of the sources can hold a claim resting on it (the exact test,
        # section sources or else the report's, is below): a re-check reads those, not the ledger
        citing = (
            select(Section.report_id)
            .join(SectionSource, col(SectionSource.section_id) == col(Section.id))
            .where(col(SectionSource.source_id).in_(list(source_ids)))
        )
        stmt = stmt.where(col(Claim.report_id).in_(citing))
    return stmt


def sentence_sources(sentence: str, cited: list[int], numbers: dict[int, int], inherited: set[int] | None = None) -> list[int]:
    """The sources a claim rests on: those of the notes its sentence marks ("…2.6 倍①。", "…in 2031.[^1]")
    when its section numbers its notes; a sentence marking none, those of ``inherited`` (its paragraph's
    notes, or its parent bullet's: ``claims.citations.inherited_marks``); else all the section cites. (The
    section's other pages are still read for what contradicts it: ``ClaimInput.also_against``.)"""
    marks = {n for n, _s, _e in footnote_numbers(sentence)} or inherited or set()
    narrowed = [s for s in cited if numbers.get(s) in marks] if marks else []
    return narrowed or cited


def linked_sources(sentence: str, cited: Sequence[int], url_of: dict[int, str]) -> list[int]:
    """The sources of a section a claim's own sentence links to, when it links to some and the section cites
    others ("- 训练使用了约2万张GPU（[量子位](url)）" among a page's bullets each with its link): the claim rests on
    those alone, its section's other pages not read for it. Else the section's sources, as given."""
    if len(cited) < 2:
        return list(cited)
    linked = {ref.url for ref in find_sources(sentence) if ref.url}
    return [s for s in cited if url_of.get(s) in linked] or list(cited)


def _inherited_marks(session: Session, rows: Sequence[Any], numbered: dict[int, dict[int, int]]) -> dict[int, set[int]]:
    """The notes each claim whose sentence marks none, in a section that numbers them, inherits from its
    paragraph or parent bullet (``claims.citations.inherited_marks``), by claim id: the reports holding such
    claims are read once, and each sentence's paragraph once."""
    unmarked = [
        (claim.id, rep_id, claim.sentence_start) for claim, rep_id, _n, _d in rows
        if claim.section_id in numbered and not footnote_numbers(claim.text)
    ]
    if not unmarked:
        return {}
    wanted = sorted({rep_id for _c, rep_id, _s in unmarked})
    texts = {int(i or 0): t for i, t in session.exec(select(Report.id, Report.text).where(col(Report.id).in_(wanted))).all()}
    by_sentence: dict[tuple[int, int], set[int]] = {}
    out: dict[int, set[int]] = {}
    for claim_id, rep_id, start in unmarked:
        key = (rep_id, start)
        if key not in by_sentence:
            text = texts.get(rep_id)
            by_sentence[key] = inherited_marks(text, start) if text is not None else set()
        out[claim_id] = by_sentence[key]
    return out


def claims_to_verify(
    session: Session,
    *,
    report: str | None = None,
    claim_ids: Sequence[int] | None = None,
    source_ids: Sequence[int] | None = None,
    kinds: Sequence[str] | None = None,
    report_ids: Sequence[int] | None = None,
) -> tuple[list[ClaimInput], dict[int, SourceInfo]]:
    """Claims of the latest report versions (filtered), each with the ids of the sources it rests on."""
    # the report's id, name and date only: a whole Report row would bring its full text once per claim
    stmt = (
        select(Claim, col(Report.id), col(Report.name), col(Report.date))
        .join(Report, col(Report.id) == col(Claim.report_id))
        .where(col(Report.is_latest))
    )
    stmt = _where(stmt, report, claim_ids, source_ids, kinds)
    if report_ids is not None:
        stmt = stmt.where(col(Claim.report_id).in_(list(report_ids)))
    rows = session.exec(stmt.order_by(col(Claim.id))).all()
    report_ids = sorted({rep_id for _, rep_id, _n, _d in rows if rep_id is not None})
    by_section: dict[int, list[int]] = defaultdict(list)
    by_report: dict[int, list[int]] = defaultdict(list)
    numbered: dict[int, dict[int, int]] = defaultdict(dict)  # section -> source -> its note's number
    url_of: dict[int, str] = {}
    rows_of: dict[int | None, Source] = {}
    if report_ids:
        links = session.exec(
            select(SectionSource.section_id, SectionSource.source_id, Section.report_id, SectionSource.ref_number)
            .join(Section, col(Section.id) == col(SectionSource.section_id))
            .where(col(Section.report_id).in_(report_ids))
            .order_by(col(SectionSource.id))
        ).all()
        for section_id, source_id, report_id, ref_number in links:
            if source_id not in by_section[section_id]:
                by_section[section_id].append(source_id)
            if source_id not in by_report[report_id]:
                by_report[report_id].append(source_id)
            if ref_number is not None:
                numbered[section_id].setdefault(source_id, ref_number)
        # every source a claim may rest on, read once: its address (what a claim's sentence may link to itself,
        # ``linked_sources``) and its state
        cited_ids = sorted({source_id for _sec, source_id, _rep, _n in links})
        rows_of = {src.id: src for src in session.exec(select(Source).where(col(Source.id).in_(cited_ids))).all()}
        url_of = {i: src.url for i, src in rows_of.items() if i is not None}
    out: list[ClaimInput] = []
    wanted_sources = set(source_ids) if source_ids is not None else None
    inherited = _inherited_marks(session, rows, numbered)
    for claim, rep_id, rep_name, rep_date in rows:
        assert claim.id is not None and rep_id is not None
        own = by_section.get(claim.section_id or -1)
        also: list[int] = []
        if own and claim.section_id in numbered:
            marked = sentence_sources(claim.text, own, numbered[claim.section_id], inherited.get(claim.id))
            own, also = marked, [s for s in own if s not in marked]
        if own and not also:
            own = linked_sources(claim.text, own, url_of)
        cited = own or by_report.get(rep_id, [])
        if wanted_sources is not None and not wanted_sources.intersection(cited) and not wanted_sources.intersection(also):
            continue
        out.append(
            ClaimInput(
                id=claim.id,
                report_id=rep_id,
                report_name=rep_name,
                report_date=rep_date,
                kind=claim.kind,
                text=claim.text,
                key_text=claim.key_text,
                key_offset=claim.start - claim.sentence_start,
                values=json_list(claim.values),
                entities=json_list(claim.entities),
                topics=json_list(claim.topics),
                checkworthy=claim.checkworthy,
                source_ids=list(cited),
                antecedent=claim.antecedent or "",
                section_cites=bool(own),
                also_against=also,
            )
        )
    _add_cell_nouns(session, out, {claim.id: claim.sentence_start for claim, *_ in rows if claim.id is not None and is_table_row(claim.text)})
    sources: dict[int, SourceInfo] = {}
    for sid in sorted({s for c in out for s in (*c.source_ids, *c.also_against)}):
        if (src := rows_of.get(sid)) is not None:
            sources[sid] = SourceInfo(sid, src.url, src.state, src.consecutive_failures or 0)
    return out, sources


def _add_cell_nouns(session: Session, claims: list[ClaimInput], sentence_starts: dict[int, int]) -> None:
    """Give each claim of a table row (``sentence_starts``: claim id → its row's offset) the column nouns
    of the row's figures, read from all the row's claims in the ledger, whichever of them this run
    verifies: a swapped pair of cells is told by its columns."""
    if not sentence_starts:
        return
    report_ids = sorted({c.report_id for c in claims if c.id in sentence_starts})
    found: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for rep_id, sentence_start, start, values in session.exec(
        select(col(Claim.report_id), col(Claim.sentence_start), col(Claim.start), col(Claim.values))
        .where(col(Claim.report_id).in_(report_ids))
        .where(col(Claim.text).startswith("|"))
    ).all():
        first = (json_list(values) or [{}])[0]
        if isinstance(first, dict) and first.get("noun"):
            found[(rep_id, sentence_start)].append((start - sentence_start, str(first["noun"])))
    for c in claims:
        if c.id in sentence_starts:
            c.cell_nouns = sorted(set(found.get((c.report_id, sentence_starts[c.id]), [])))


def latest_snapshot_ids(session: Session, source_ids: Iterable[int]) -> dict[int, int]:
    """source id → the id of its latest snapshot, without reading any page text."""
    ids = sorted(set(source_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Snapshot.source_id, func.max(Snapshot.id))
        .where(col(Snapshot.source_id).in_(ids))
        .group_by(col(Snapshot.source_id))
    ).all()
    return {int(src): int(snap) for src, snap in rows if snap is not None}


def snapshots_by_id(session: Session, snapshot_ids: Iterable[int]) -> dict[int, SnapshotData]:
    """source id → snapshot, for the given snapshot ids (one per source, e.g. from
    :func:`latest_snapshot_ids`)."""
    ids = sorted(set(snapshot_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Snapshot, Source.url)
        .join(Source, col(Source.id) == col(Snapshot.source_id))
        .where(col(Snapshot.id).in_(ids))
    ).all()
    return _snapshot_data(rows)


def latest_snapshots(session: Session, source_ids: Iterable[int]) -> dict[int, SnapshotData]:
    """source id → its latest snapshot (by time, then id)."""
    ids = sorted(set(source_ids))
    if not ids:
        return {}
    latest = (
        select(Snapshot.source_id, func.max(Snapshot.id).label("sid"))
        .where(col(Snapshot.source_id).in_(ids))
        .group_by(col(Snapshot.source_id))
        .subquery()
    )
    rows = session.exec(
        select(Snapshot, Source.url)
        .join(latest, col(Snapshot.id) == latest.c.sid)
        .join(Source, col(Source.id) == col(Snapshot.source_id))
    ).all()
    return _snapshot_data(rows)


def _snapshot_data(rows: Iterable[Any]) -> dict[int, SnapshotData]:
    out: dict[int, SnapshotData] = {}
    for snap, url in rows:
        assert snap.id is not None
        out[snap.source_id] = SnapshotData(
            id=snap.id,
            source_id=snap.source_id,
            url=snap.final_url or url,
            title=snap.title,
            text=snap.text,
            passages=snap.passages,
            published=snap.published,
            content_hash=snap.content_hash,
        )
    return out


def replace_evidence(session: Session, claim_id: int, rows: Sequence[Evidence]) -> None:
    """Replace the claim's evidence rows (the verdict history keeps what earlier evidence said)."""
    session.exec(delete(Evidence).where(col(Evidence.claim_id) == claim_id))  # type: ignore[call-overload]
    for row in rows:
        session.add(row)


def replace_evidence_many(session: Session, claim_ids: Sequence[int], rows: Sequence[Evidence]) -> None:
    """:func:`replace_evidence` for many claims in two statements (a batch of a verify run)."""
    if claim_ids:
        session.exec(delete(Evidence).where(col(Evidence.claim_id).in_(list(claim_ids))))  # type: ignore[call-overload]
    session.add_all(rows)


def current_verdicts(session: Session, claim_ids: Sequence[int], *, for_update: bool = False) -> dict[int, Verdict]:
    """The current verdict rows of ``claim_ids``, loaded in one query (and kept in the session).

    ``for_update`` (a writer): the rows are re-read as committed and locked, in claim order (no
    deadlock between two writers), until the transaction ends — a reviewer's verdict committed
    meanwhile is seen, never overwritten by a stale copy."""
    if not claim_ids:
        return {}
    stmt = select(Verdict).where(col(Verdict.claim_id).in_(list(claim_ids)))
    if for_update:
        stmt = stmt.order_by(col(Verdict.claim_id)).with_for_update().execution_options(populate_existing=True)
    rows = session.exec(stmt).all()
    return {v.claim_id: v for v in rows}


def verdict_statuses(session: Session, claim_ids: Iterable[int]) -> dict[int, str]:
    """claim id → its current status (chunked look-ups: the list may be long)."""
    ids = sorted(set(claim_ids))
    out: dict[int, str] = {}
    for start in range(0, len(ids), 5000):
        rows = session.exec(
            select(Verdict.claim_id, Verdict.status).where(col(Verdict.claim_id).in_(ids[start : start + 5000]))
        ).all()
        out.update({int(cid): status for cid, status in rows})
    return out


def claim_evidence(session: Session, claim_id: int) -> list[Evidence]:
    return list(session.exec(select(Evidence).where(col(Evidence.claim_id) == claim_id).order_by(col(Evidence.id))).all())
