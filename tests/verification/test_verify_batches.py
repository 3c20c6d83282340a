"""Verifying in batches (claims read a few reports at a time, snapshots loaded per batch, an LRU of
indexes, writes as it goes, the conflicting claims the pages may turn written last) decides exactly what assessing the whole ledger in memory at once decides."""

from __future__ import annotations

import pytest

from tests.verification.conftest import build_ledger


def _in_memory_reference(engine) -> dict[int, tuple[str, str, list[int]]]:  # type: ignore[no-untyped-def]
    """The pre-batching algorithm: every claim and snapshot at once, then cross-report grouping."""
    from storage.db import session_scope
    from storage.evidence import claims_to_verify, latest_snapshots
    from verifier.judge import Thresholds
    from verifier.settings import get_settings
    from verifier.verify import ClaimOutcome, _cross_report, _index, evaluate_claim

    settings = get_settings()
    with session_scope(engine) as session:
        claims, sources = claims_to_verify(session)
        snaps = latest_snapshots(session, {s for c in claims for s in c.source_ids})
    indexes = {snap.id: _index(snap) for snap in snaps.values()}
    outcomes = []
    for claim in claims:
        decision, _assessment = evaluate_claim(
            claim, sources, snaps, indexes, Thresholds(), settings.match_threshold,
            dead_after=settings.dead_after_failures,
        )
        outcomes.append(ClaimOutcome(claim.id, decision, []))
    _cross_report(claims, outcomes, {})
    return {o.claim_id: (o.decision.status, o.decision.reason, o.conflicts_with) for o in outcomes}


def test_small_batches_and_a_tiny_index_cache_decide_as_the_whole_ledger_at_once(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.db import session_scope
    from storage.export import claim_records
    from verifier import verify
    from verifier.verify import verify_claims

    engine = build_ledger(sqlite_url)
    expected = _in_memory_reference(engine)
    monkeypatch.setattr(verify, "_BATCH", 7)
    monkeypatch.setattr(verify, "_INDEX_CACHE", 2)
    monkeypatch.setattr(verify, "_REPORTS_PER_READ", 2)  # claims read two reports at a time
    summary = verify_claims(engine)
    with session_scope(engine) as session:
        records = claim_records(session, with_evidence=False)
    got = {int(r["id"]): (r["status"], r["reason"], sorted(r["conflicts_with"])) for r in records}
    assert summary.claims == len(expected) == len(got)
    assert any(conflicts for _s, _r, conflicts in expected.values())  # the examples do disagree
    assert got == expected
    # evicted indexes were rebuilt: the tiny cache really was exercised
    assert summary.snapshots_indexed > 2


def test_claims_for_some_sources_are_those_of_the_whole_ledger_citing_them(sqlite_url: str) -> None:
    """The source filter is applied in SQL (a re-check reads only the reports citing the page); it
    selects exactly the claims the whole ledger's list says rest on those sources."""
    from storage.db import session_scope
    from storage.evidence import claims_to_verify

    engine = build_ledger(sqlite_url)
    with session_scope(engine) as session:
        everything, _ = claims_to_verify(session)
        cited = sorted({s for c in everything for s in c.source_ids})
        assert len(cited) > 3
        for chosen in ([cited[0]], cited[1:4], [max(cited) + 1000]):
            some, _ = claims_to_verify(session, source_ids=chosen)
            expected = [c.id for c in everything if set(chosen) & set(c.source_ids)]
            assert [c.id for c in some] == expected
            assert len(expected) < len(everything)


def test_verify_folds_the_verdict_counts_as_it_goes(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The counts table gets rows appended by every verdict write; a run folds them every few batches,
    so the table (and the fold's read of it) stays small however many claims the run writes, and the
    folded counts still equal counting the verdicts."""
    from sqlalchemy import text

    from verifier import verify
    from verifier.verify import verify_claims

    engine = build_ledger(sqlite_url)
    monkeypatch.setattr(verify, "_BATCH", 20)
    monkeypatch.setattr(verify, "_COMPACT_EVERY", 2)
    sizes: list[int] = []

    def watch(done: int, _total: int) -> None:
        if done % 20 == 0:
            with engine.connect() as conn:
                sizes.append(int(conn.execute(text("SELECT count(*) FROM verdictcount")).scalar_one()))

    summary = verify_claims(engine, progress=watch)
    assert summary.events > 600  # enough writes that unfolded rows would pile up past the bound
    assert max(sizes) <= 4 * 64 + 2 * 2 * 20 * 2  # the fold's floor, plus two batches of +1/-1 rows
    with engine.connect() as conn:
        folded = dict(conn.execute(text("SELECT status, sum(n) FROM verdictcount GROUP BY status")).all())
        counted = dict(conn.execute(text("SELECT status, count(*) FROM verdict GROUP BY status")).all())
    assert {k: v for k, v in folded.items() if v} == counted


def test_pages_siding_with_the_other_report_decide_as_the_whole_ledger_at_once_holding_only_those_claims(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims in a conflict whose pages speak to them are written with their batch; only those the pages
    may yet turn (not found, section citing nothing) wait for their partners' statuses — and they turn
    exactly as in the whole-ledger pass. The decisions are forced (even ids verified, odd ids not found
    in an uncited section) so that many partners side with each other."""
    import dataclasses

    from storage import evidence
    from storage.db import session_scope
    from storage.export import claim_records
    from verifier import verify
    from verifier.judge.rules import Decision
    from verifier.verify import verify_claims

    real_claims, real_evaluate = evidence.claims_to_verify, verify.evaluate_claim

    def uncited(*args, **kwargs):  # type: ignore[no-untyped-def]
        claims, sources = real_claims(*args, **kwargs)
        return [dataclasses.replace(c, section_cites=False) for c in claims], sources

    def forced(claim, *args, **kwargs):  # type: ignore[no-untyped-def]
        decision, assessment = real_evaluate(claim, *args, **kwargs)
        if claim.id % 2 == 0:
            return Decision("verified", "supported", 0.9), assessment
        return Decision("unverified", "not_found_in_source", 0.4), assessment

    monkeypatch.setattr(evidence, "claims_to_verify", uncited)
    monkeypatch.setattr(verify, "claims_to_verify", uncited)
    monkeypatch.setattr(verify, "evaluate_claim", forced)
    engine = build_ledger(sqlite_url)
    expected = _in_memory_reference(engine)
    assert any(reason == "conflicting_reports" for _s, reason, _c in expected.values())  # pages do side

    written: list[int] = []  # claim ids in the order they were written
    real_write = verify._write_outcomes

    def recording(engine_, outcomes, trigger, summary):  # type: ignore[no-untyped-def]
        real_write(engine_, outcomes, trigger, summary)
        written.extend(o.claim_id for o in outcomes)

    monkeypatch.setattr(verify, "_write_outcomes", recording)
    monkeypatch.setattr(verify, "_BATCH", 7)
    monkeypatch.setattr(verify, "_REPORTS_PER_READ", 2)
    summary = verify_claims(engine)
    with session_scope(engine) as session:
        records = claim_records(session, with_evidence=False)
    got = {int(r["id"]): (r["status"], r["reason"], sorted(r["conflicts_with"])) for r in records}
    assert summary.claims == len(expected) == len(got)
    assert got == expected
    # the claims written after every batch (the held ones) are the odd ids in a conflict, and only they
    in_conflict = {cid for cid, (_s, _r, conflicts) in expected.items() if conflicts}
    held = {cid for cid in in_conflict if cid % 2 == 1}
    assert held and in_conflict - held
    assert set(written[-len(held) :]) == held
