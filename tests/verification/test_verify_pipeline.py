"""The pipeline over a real ledger: reason codes from source states, idempotence, reviewers, re-checks."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlmodel import col, select

from storage.db import session_scope
from storage.models import Claim, Evidence, Report, Snapshot, Source, Verdict, VerdictEvent
from storage.verdicts import VerdictUpdate, record_verdict
from tests.conftest import SOURCES_DIR
from tests.verification.conftest import VerifiedLedger, build_ledger
from verifier.passages import html_to_passages
from verifier.verify import verify_claims


def _by_key(records: list[dict], prefix: str, key: str) -> dict:
    return next(r for r in records if r["report"].startswith(prefix) and r.get("key") == key)


def test_every_claim_gets_a_verdict_with_confidence(verified_ledger: VerifiedLedger) -> None:
    assert verified_ledger.records
    for rec in verified_ledger.records:
        assert rec["status"] in {"verified", "unverified", "contradicted"}
        assert 0.0 <= rec["confidence"] <= 1.0
        if rec["status"] == "verified":
            assert any(e["stance"] == "supports" for e in rec["evidence"])


def test_reason_codes_from_source_states(verified_ledger: VerifiedLedger) -> None:
    reasons = {r["reason"] for r in verified_ledger.records}
    assert {"supported", "value_mismatch", "name_mismatch", "source_malformed", "source_unreachable",
            "not_found_in_source", "not_checkworthy"} <= reasons
    # report 004 cites only a relative link
    assert {r["reason"] for r in verified_ledger.records if r["report"].startswith("004_") and r["checkworthy"]} == {
        "source_malformed"
    }


def test_dead_links_leave_the_claim_unverified_even_when_another_page_has_the_figure(
    verified_ledger: VerifiedLedger,
) -> None:
    """001 cites only a dead X post for "Codex 周活达到 300 万"; OpenAI's page elsewhere says 3 million."""
    rec = _by_key(verified_ledger.records, "001_", "300 万")
    assert (rec["status"], rec["reason"]) == ("unverified", "source_unreachable")
    assert rec["evidence"] == []


def test_no_source(sqlite_url: str) -> None:
    from storage.db import make_engine
    from storage.ingest import ingest_report

    engine = make_engine(sqlite_url, cache=False)
    text = "# 日报 | 2026-04-15\n\n## 1. OpenAI 融资\n\nOpenAI 于 2026-03-31 宣布完成 1220 亿美元融资。\n"
    ingest_report(engine, "nosrc.txt", text)
    summary = verify_claims(engine)
    assert summary.claims >= 1
    with session_scope(engine) as s:
        reasons = {v.reason for v in s.exec(select(Verdict)).all()}
    assert reasons <= {"no_source", "not_checkworthy"} and "no_source" in reasons


def test_rerun_is_idempotent(verified_ledger: VerifiedLedger) -> None:
    with session_scope(verified_ledger.engine) as s:
        events = len(s.exec(select(VerdictEvent)).all())
        evidence = len(s.exec(select(Evidence)).all())
    summary = verify_claims(verified_ledger.engine)
    assert summary.events == 0
    with session_scope(verified_ledger.engine) as s:
        assert len(s.exec(select(VerdictEvent)).all()) == events
        assert len(s.exec(select(Evidence)).all()) == evidence


@pytest.fixture
def ledger_000(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = build_ledger(sqlite_url)
    verify_claims(engine, report="000_65ced256adf7dc8c.txt")
    yield engine
    engine.dispose()


def _claim_id(engine, key: str) -> int:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        return int(
            s.exec(
                select(Claim.id).join(Report, col(Report.id) == col(Claim.report_id))
                .where(Claim.key_text == key, col(Report.name).startswith("000_"))
            ).first()
        )


def test_reviewer_verdict_is_never_overwritten(ledger_000) -> None:  # type: ignore[no-untyped-def]
    cid = _claim_id(ledger_000, "4 亿美元")
    with session_scope(ledger_000) as s:
        record_verdict(s, cid, VerdictUpdate(status="verified", reason="reviewer_override", actor="alice", note="checked"))
    verify_claims(ledger_000, claim_ids=[cid])
    with session_scope(ledger_000) as s:
        v = s.get(Verdict, cid)
        assert v is not None and (v.status, v.actor) == ("verified", "alice")
        assert v.machine_status == "contradicted"  # the machine's view is kept beside the human's


def test_source_changed_trigger_records_both_reasons(ledger_000) -> None:  # type: ignore[no-untyped-def]
    """The page corrects "$4 million" to "$400 million": the claim moves to verified, and the event says
    the source changed while keeping the rule's reason."""
    cid = _claim_id(ledger_000, "4 亿美元")
    html = (SOURCES_DIR / "pages" / "s000_03.html").read_text(encoding="utf-8").replace("$4 million", "$400 million")
    page = html_to_passages(html)
    with session_scope(ledger_000) as s:
        src = s.exec(select(Source).where(Source.url == "https://www.anthropic.com/news/project-glasswing")).one()
        s.add(Snapshot(source_id=src.id, content_hash=hashlib.sha256(html.encode()).hexdigest(), title=page.title,
                       text=page.text, passages=json.dumps(page.passages_json()), published=page.published))
        sid = src.id
    verify_claims(ledger_000, source_ids=[sid], trigger="source_changed")
    with session_scope(ledger_000) as s:
        v = s.get(Verdict, cid)
        assert v is not None and (v.status, v.reason) == ("verified", "supported")
        last = s.exec(select(VerdictEvent).where(VerdictEvent.claim_id == cid).order_by(col(VerdictEvent.id).desc())).first()
        details = json.loads(last.details)
        assert details["reason"] == "source_changed" and details["rule_reason"] == "supported"
        ev = s.exec(select(Evidence).where(Evidence.claim_id == cid)).first()
        assert ev is not None and ev.matched_value == "$400 million"


@pytest.mark.postgres
def test_verify_on_postgres(pg_url: str) -> None:
    engine = build_ledger(pg_url)
    try:
        verify_claims(engine, report="000_65ced256adf7dc8c.txt")
        cid = _claim_id(engine, "4 亿美元")
        with session_scope(engine) as s:
            v = s.get(Verdict, cid)
            assert v is not None and (v.status, v.reason) == ("contradicted", "value_mismatch")
        assert verify_claims(engine, report="000_65ced256adf7dc8c.txt").events == 0
    finally:
        engine.dispose()
