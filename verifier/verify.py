"""The verification pipeline over the ledger: claims → evidence → verdicts.

No transaction is held while we think, and memory stays bounded by a read and a batch:
1. the reports whose claims are selected (ids only); their claims are then read a few reports at a
   time, with the sources they rest on;
2. group: those claims' cross-report conflicts, read from the grouping index (``storage.groups``, kept
   up to date by ingest), never the rest of the ledger;
3. per batch of claims: load the latest snapshots it cites (indexes kept in an LRU), assess, and
   write Evidence rows and verdicts through ``storage.verdicts.record_verdict`` — idempotent, and
   never over a reviewer's verdict. A claim in a conflict that no page speaks to (and whose section
   cites nothing) is written last, once the run's statuses (and the current ones of the claims outside
   the run it disagrees with) are known: the pages may side with the other report. The run keeps only
   those outcomes and the ids of its claims in a conflict, not every such claim's outcome and partners.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from claims.grouping import GroupMember, find_conflicts
from claims.model import Value
from storage.counts import compact_counts
from storage.db import session_scope
from storage.evidence import (
    ClaimInput,
    SnapshotData,
    SourceInfo,
    claims_to_verify,
    current_verdicts,
    latest_snapshot_ids,
    replace_evidence_many,
    report_ids_to_verify,
    snapshots_by_id,
    verdict_statuses,
)
from storage.groups import conflicts_of, index_pending
from storage.models import Evidence, Verdict
from storage.verdicts import VerdictUpdate, record_verdict
from verifier.judge import Assessment, EvidenceDraft, Thresholds, assess_claim, read_unsourced
from verifier.judge.matching import SnapshotIndex, build_index, build_query
from verifier.judge.rules import Decision, SourceStatus, decide
from verifier.reading.state import NOT_EVIDENCE

__all__ = ["VerifySummary", "verify_claims", "ClaimOutcome", "evaluate_claim"]

Progress = Callable[[int, int], None]
_UNUSABLE = {"dead", "soft_404", "blocked", "malformed", "unsupported"}  # counted: usable within the retries
_BATCH = 200
_REPORTS_PER_READ = 10  # reports whose claims are read at once (a few thousand claims)
_COMPACT_EVERY = 20  # batches between foldings of the verdict counts (their rows stay few, not one per write)
_INDEX_CACHE = 256  # snapshot indexes kept between batches (the claims of a report cite the same pages)


@dataclass
class ClaimOutcome:
    claim_id: int
    decision: Decision
    evidence: list[EvidenceDraft]
    conflicts_with: list[int] = field(default_factory=list)


@dataclass
class VerifySummary:
    claims: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    events: int = 0
    evidence_rows: int = 0
    snapshots_indexed: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.claims / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "statuses": dict(self.statuses),
            "reasons": dict(self.reasons),
            "events": self.events,
            "evidence_rows": self.evidence_rows,
            "snapshots_indexed": self.snapshots_indexed,
            "seconds": round(self.seconds, 3),
        }


def _usable(info: SourceInfo | None, has_snapshot: bool, dead_after: int) -> bool:
    """A source's last snapshot still counts while it is within the re-check policy's retries: a page
    that 404s once (state ``dead`` at once) re-opens its claims only after ``dead_after`` failures."""
    if info is None or not has_snapshot or info.state == "malformed":
        return False
    if info.state in NOT_EVIDENCE and not info.consecutive_failures:
        return False  # its newest page is a soft 404, paywall or consent wall: no evidence, from the first
    # a soft 404 in place of a page the ledger holds counts toward dead like a 404 (the good page stays)
    return info.state not in _UNUSABLE or info.consecutive_failures < dead_after


def _source_status(
    ids: Sequence[int], sources: dict[int, SourceInfo], snaps: dict[int, SnapshotData], dead_after: int
) -> SourceStatus:
    usable = malformed = dead = 0
    for sid in ids:
        info = sources.get(sid)
        if info is not None and info.state == "malformed":
            malformed += 1
        elif _usable(info, sid in snaps, dead_after):
            usable += 1
        else:
            dead += 1
    return SourceStatus(total=len(ids), usable=usable, malformed=malformed, dead=dead)


def _values(claim: ClaimInput) -> tuple[Value, ...]:
    return Value.many_from_json(claim.values)

def evaluate_claim(
    claim: ClaimInput,
    sources: dict[int, SourceInfo],
    snaps: dict[int, SnapshotData],
    indexes: dict[int, SnapshotIndex],
    thresholds: Thresholds,
    match_threshold: float,
    *,
    dead_after: int = 3,
) -> tuple[Decision, Assessment]:
    """One claim's decision from in-memory inputs (no database)."""
    status = _source_status(claim.source_ids, sources, snaps, dead_after)

    def readable(ids: Sequence[int]) -> list[SnapshotIndex]:
        return [indexes[snaps[sid].id] for sid in ids if _usable(sources.get(sid), sid in snaps, dead_after)]

    usable = readable(claim.source_ids)
    assessment = Assessment()
    if claim.checkworthy and usable:
        query = build_query(
            kind=claim.kind, sentence=claim.text, key_text=claim.key_text, key_start=claim.key_offset, values=_values(claim),
            cell_nouns=claim.cell_nouns, antecedent=claim.antecedent,
        )
        others = readable(claim.also_against)
        assessment = assess_claim(query, usable + others, thresholds)
        if others:  # the section's other pages are read with the claim's own, but none of them backs it
            foreign = {idx.snapshot_id for idx in others}
            kept = Assessment()
            for finding, draft in zip(assessment.findings, assessment.evidence, strict=True):
                if finding.stance != "supports" or draft.snapshot_id not in foreign:
                    kept.add(finding, draft)
            # (when another page's backing was all there was, the claim's own pages are read alone)
            assessment = kept if kept.findings else assess_claim(query, usable, thresholds)
        if not claim.section_cites:
            assessment = read_unsourced(assessment, claim.key_text)
    decision = decide(status, assessment.findings, checkworthy=claim.checkworthy, threshold=match_threshold)
    return decision, assessment


def _digest(decision: Decision, evidence: Sequence[EvidenceDraft], conflicts: Sequence[int]) -> str:
    key = [
        decision.status,
        decision.reason,
        sorted(conflicts),
        sorted((e.snapshot_id, e.passage_start, e.stance, e.matched_value or "") for e in evidence),
    ]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode()).hexdigest()[:16]


def verify_claims(
    engine: Engine,
    *,
    report: str | None = None,
    claim_ids: Sequence[int] | None = None,
    source_ids: Sequence[int] | None = None,
    trigger: str | None = None,
    progress: Progress | None = None,
    thresholds: Thresholds | None = None,
    match_threshold: float | None = None,
) -> VerifySummary:
    """Evidence and verdicts for the selected claims from stored snapshots (no network)."""
    started = time.perf_counter()
    thresholds = thresholds or Thresholds()
    from verifier.settings import get_settings

    if match_threshold is None:  # findings the assessment counts score 0.5 + half their relevance
        match_threshold = get_settings().match_threshold
    dead_after = get_settings().dead_after_failures
    summary = VerifySummary()
    # 1. claims not yet in the grouping index (an older ledger) enter it first; then the reports to read
    with session_scope(engine) as session:
        index_pending(session)
    with session_scope(engine) as session:
        report_ids = report_ids_to_verify(session, report=report, claim_ids=claim_ids, source_ids=source_ids)
    # 2.-3. a few reports' claims at a time: their conflicts from the grouping index, then batches that
    #    load the snapshots they cite (indexes kept in an LRU) and are written at once; a claim in a
    #    conflict that no page speaks to waits for the run's statuses (the pages may side with the other
    #    report). Memory holds one read, one batch, the LRU, the ids of the run's claims in a conflict
    #    and the outcomes held
    cache = _IndexCache(_INDEX_CACHE)
    in_conflict: set[int] = set()  # the run's claims in a conflict (their statuses are this run's, not stored)
    verified: set[int] = set()  # those of them this run verified: what a held claim's partners are tested for
    held: list[ClaimOutcome] = []  # the outcomes the pages may turn (their partners in ``conflicts_with``)
    done = read = batches = 0
    for first in range(0, len(report_ids), _REPORTS_PER_READ):
        with session_scope(engine) as session:
            claims, sources = claims_to_verify(
                session, claim_ids=claim_ids, source_ids=source_ids,
                report_ids=report_ids[first : first + _REPORTS_PER_READ],
            )
            conflicts = conflicts_of(session, [c.id for c in claims if c.checkworthy])
        read += len(claims)
        expected = read * len(report_ids) // min(first + _REPORTS_PER_READ, len(report_ids))  # for progress
        for start in range(0, len(claims), _BATCH):
            batch = claims[start : start + _BATCH]
            with session_scope(engine) as session:
                snaps, indexes = cache.load(session, {s for c in batch for s in (*c.source_ids, *c.also_against)})
            ready: list[ClaimOutcome] = []
            for claim in batch:
                decision, assessment = evaluate_claim(
                    claim, sources, snaps, indexes, thresholds, match_threshold, dead_after=dead_after
                )
                out = ClaimOutcome(claim.id, decision, _evidence_for(decision, assessment))
                if claim.id in conflicts:  # conflicts go both ways: only a claim in one is someone's partner
                    in_conflict.add(claim.id)
                    if decision.status == "verified":
                        verified.add(claim.id)
                    out.conflicts_with = sorted(conflicts[claim.id])
                    if _may_side(out, claim.section_cites):  # only these wait for the partners' statuses
                        held.append(out)
                        continue
                ready.append(out)
                done += 1
                if progress is not None:
                    progress(done, max(done, expected))
            _write_outcomes(engine, ready, trigger, summary)
            batches += 1
            if batches % _COMPACT_EVERY == 0:  # the counts the verdict writes appended, folded as we go
                with session_scope(engine) as session:
                    compact_counts(session)
    # the claims outside this run that held ones disagree with: their current statuses
    with session_scope(engine) as session:
        outside = verdict_statuses(session, {o for out in held for o in out.conflicts_with} - in_conflict)
    verified.update(cid for cid, st in outside.items() if st == "verified")
    status = dict.fromkeys(verified, "verified")
    for out in held:  # held only when its section cites nothing
        _side_with_pages(out, set(out.conflicts_with), status, section_cites=False)
    for start in range(0, len(held), _BATCH):
        _write_outcomes(engine, held[start : start + _BATCH], trigger, summary)
    with session_scope(engine) as session:  # fold the counts the verdict writes appended
        compact_counts(session)
    summary.snapshots_indexed = cache.built
    summary.seconds = time.perf_counter() - started
    return summary


class _IndexCache:
    """Snapshot id → (snapshot, index), the least recently used dropped beyond ``size``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.built = 0
        self._entries: OrderedDict[int, tuple[SnapshotData, SnapshotIndex]] = OrderedDict()

    def load(self, session: Any, source_ids: set[int]) -> tuple[dict[int, SnapshotData], dict[int, SnapshotIndex]]:
        """The latest snapshots of ``source_ids`` (source id →) and their indexes (snapshot id →)."""
        latest = latest_snapshot_ids(session, source_ids)
        missing = [sid for sid in latest.values() if sid not in self._entries]
        for snap in snapshots_by_id(session, missing).values():
            self._entries[snap.id] = (snap, _index(snap))
            self.built += 1
        snaps: dict[int, SnapshotData] = {}
        indexes: dict[int, SnapshotIndex] = {}
        for source_id, sid in latest.items():
            if sid not in self._entries:
                continue  # deleted since the ids were read
            self._entries.move_to_end(sid)
            snaps[source_id], indexes[sid] = self._entries[sid]
        while len(self._entries) > max(self.size, len(latest)):
            self._entries.popitem(last=False)
        return snaps, indexes


def _index(snap: SnapshotData) -> SnapshotIndex:
    return build_index(
        snapshot_id=snap.id,
        source_id=snap.source_id,
        url=snap.url,
        title=snap.title,
        text=snap.text,
        passages=snap.passages,
        published=snap.published,
    )


def _write_outcomes(engine: Engine, outcomes: Sequence[ClaimOutcome], trigger: str | None, summary: VerifySummary) -> None:
    if not outcomes:
        return
    with session_scope(engine) as session:
        summary.events += _write_batch(session, outcomes, trigger)
    summary.evidence_rows += sum(len(out.evidence) for out in outcomes)
    for out in outcomes:
        summary.statuses[out.decision.status] += 1
        summary.reasons[out.decision.reason] += 1
    summary.claims += len(outcomes)


def _evidence_for(decision: Decision, assessment: Assessment) -> list[EvidenceDraft]:
    """The evidence worth keeping: the deciding passage first, then up to two others."""
    drafts = list(assessment.evidence)
    if decision.finding is not None and decision.finding in assessment.findings:
        lead = assessment.evidence[assessment.findings.index(decision.finding)]
        drafts.remove(lead)
        drafts.insert(0, lead)
    return drafts[:3]


def _conflicts(claims: Sequence[ClaimInput]) -> dict[int, set[int]]:
    """Claim id → the ids of the claims of other reports it disagrees with (cross-report grouping)."""
    members = [
        GroupMember(
            claim_id=c.id,
            report_id=c.report_id,
            kind=c.kind,
            text=c.text,
            values=_values(c),
            entities=tuple(c.entities),
            topics=tuple(c.topics),
            date=c.report_date,
            key_offset=c.key_offset,
        )
        for c in claims
        if c.checkworthy
    ]
    return find_conflicts(members)


def _may_side(out: ClaimOutcome, section_cites: bool) -> bool:
    """Whether the pages may yet side with a report ``out``'s claim disagrees with (``_side_with_pages``
    turns only these): the run holds just these outcomes until the statuses are known, and writes the
    rest of its claims in a conflict with their batch."""
    return not section_cites and out.decision.status == "unverified" and out.decision.reason == "not_found_in_source"


def _side_with_pages(out: ClaimOutcome, others: set[int], status: dict[int, str], section_cites: bool) -> None:
    """Disagreeing members of a group point at each other; one no source speaks to is contradicted when
    a source supports a member it disagrees with (the pages side with the other report) — only when its
    own section cites nothing (an overview, a summary): a claim in a section that cites pages rests on
    those pages alone."""
    if not others:
        return
    out.conflicts_with = sorted(others)
    sided = any(status.get(o) == "verified" for o in others)
    if sided and _may_side(out, section_cites):
        out.decision = Decision("contradicted", "conflicting_reports", 0.6)


def _cross_report(claims: Sequence[ClaimInput], outcomes: list[ClaimOutcome], other_status: dict[int, str]) -> None:
    """Cross-report grouping over outcomes held in memory (kept for callers that assess themselves)."""
    conflicts = _conflicts(claims)
    cites = {c.id: c.section_cites for c in claims}
    status = {**other_status, **{out.claim_id: out.decision.status for out in outcomes}}
    for out in outcomes:
        _side_with_pages(out, conflicts.get(out.claim_id, set()), status, cites.get(out.claim_id, True))


def _evidence_rows(out: ClaimOutcome) -> list[Evidence]:
    return [
        Evidence(
            claim_id=out.claim_id,
            snapshot_id=e.snapshot_id,
            passage=e.passage,
            passage_start=e.passage_start,
            passage_end=e.passage_end,
            score=e.score,
            stance=e.stance,
            values_found=json.dumps(e.values_found, ensure_ascii=False),
            matched_value=e.matched_value,
            highlight=json.dumps(e.highlight),
        )
        for e in out.evidence
    ]


def _write_batch(session: Any, batch: Sequence[ClaimOutcome], trigger: str | None) -> int:
    """Evidence rows (replaced only where the evidence changed) and verdicts for a batch of claims,
    with the current verdicts loaded in one query; returns the number of verdict events appended."""
    current = current_verdicts(session, [o.claim_id for o in batch], for_update=True)
    digests = {o.claim_id: _digest(o.decision, o.evidence, o.conflicts_with) for o in batch}
    changed = [o for o in batch if o.claim_id not in current or current[o.claim_id].evidence_digest != digests[o.claim_id]]
    # a claim whose pages died keeps the evidence it had: the old snapshots still show what was read
    changed = [o for o in changed if o.evidence or o.decision.reason != "source_unreachable"]
    replace_evidence_many(session, [o.claim_id for o in changed], [row for o in changed for row in _evidence_rows(o)])
    events = 0
    with session.no_autoflush:
        for out in batch:
            events += _write(session, out, current, digests[out.claim_id], trigger)
    return events


def _write(session: Any, out: ClaimOutcome, locked: dict[int, Verdict], digest: str, trigger: str | None) -> int:
    """One verdict; ``locked`` holds the batch's verdict rows, read as committed and locked."""
    current = locked.get(out.claim_id)
    details: dict[str, Any] = {"rule_reason": out.decision.reason}
    if out.evidence and out.evidence[0].matched_value:
        details["matched_value"] = out.evidence[0].matched_value
    if trigger:
        details["trigger"] = trigger
    if trigger == "source_changed" and current is not None and current.status != out.decision.status:
        details["reason"] = "source_changed"
    event = record_verdict(
        session,
        out.claim_id,
        VerdictUpdate(
            status=out.decision.status,
            reason=out.decision.reason,
            confidence=round(out.decision.confidence, 4),
            snapshot_id=out.evidence[0].snapshot_id if out.evidence else None,
            evidence_digest=digest,
            conflicts_with=out.conflicts_with,
            details=details,
        ),
        locked=locked,
    )
    return 1 if event is not None else 0
