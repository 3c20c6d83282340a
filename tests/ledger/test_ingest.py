"""Ingest into a real database (SQLite, and PostgreSQL when reachable)."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, func, select

from storage.db import reading
from storage.ingest import ingest_report
from storage.models import Claim, Report, Section, SectionSource, Source, Verdict, VerdictEvent
from tests.conftest import REPORTS_DIR


def _count(engine, model) -> int:
    with Session(reading(engine)) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_ingest_all_seeds_creates_sections_sources_claims_and_first_verdicts(engine) -> None:
    for path in sorted(REPORTS_DIR.glob("*.txt")):
        res = ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
        assert res.outcome == "new"
        assert res.claims > 5, path.name
        assert res.sections > 0
    assert _count(engine, Report) == 5
    n_claims = _count(engine, Claim)
    assert _count(engine, Verdict) == n_claims
    assert _count(engine, VerdictEvent) == n_claims
    with Session(reading(engine)) as s:
        assert {v.reason for v in s.exec(select(Verdict)).all()} == {"not_checked"}
        assert {v.status for v in s.exec(select(Verdict)).all()} == {"unverified"}
        # malformed citations are kept, with their raw text
        malformed = s.exec(select(Source).where(Source.state == "malformed")).all()
        assert any("ps://nvidianews" in m.raw for m in malformed)
        assert _count(engine, SectionSource) > 10
        assert _count(engine, Section) > 10


def test_claim_offsets_point_at_the_key_in_the_report_text(engine) -> None:
    path = REPORTS_DIR / "000_65ced256adf7dc8c.txt"
    text = path.read_text(encoding="utf-8")
    ingest_report(engine, path.name, text)
    with Session(reading(engine)) as s:
        claims = s.exec(select(Claim)).all()
    assert claims
    for c in claims:
        assert text[c.start : c.end] == c.key_text
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        json.loads(c.values)


def test_a_sentence_opening_on_a_description_keeps_its_antecedent(engine) -> None:
    text = (
        "# Weekly\n\n## Models\n\nTessel Labs released Aster 4 on 20 November 2026 (https://example.com/a). "
        "The model scored 71.2% on RepoFix Verified. Revenue rose 41% (https://example.com/b).\n"
    )
    ingest_report(engine, "w.md", text)
    with Session(reading(engine)) as s:
        by_key = {c.key_text: c.antecedent for c in s.exec(select(Claim)).all()}
    assert by_key["71.2%"] == "Aster 4"
    assert by_key["41%"] == ""


def test_same_content_twice_is_a_no_op_and_a_change_is_a_new_version(engine) -> None:
    path = REPORTS_DIR / "002_8d27540f343deb2e.txt"
    text = path.read_text(encoding="utf-8")
    first = ingest_report(engine, "r.txt", text)
    n = _count(engine, Claim)
    again = ingest_report(engine, "r.txt", text)
    assert again.outcome == "unchanged" and again.report_id == first.report_id
    assert _count(engine, Claim) == n
    changed = ingest_report(engine, "r.txt", text.replace("1220 亿美元", "1230 亿美元", 1))
    assert changed.outcome == "new_version" and changed.version == 2
    with Session(reading(engine)) as s:
        reports = s.exec(select(Report).order_by(Report.version)).all()
        assert [r.is_latest for r in reports] == [False, True]
        v2_claims = s.exec(select(Claim).where(Claim.report_id == changed.report_id)).all()
        assert any(c.key_text.startswith("1230") for c in v2_claims)


def test_a_failing_ingest_leaves_nothing_behind(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.ingest as ingest_mod

    def boom(session, claim_ids):  # fail after claims were written, before the verdicts
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest_mod, "initial_verdicts", boom)
    path = REPORTS_DIR / "003_c58749cbaebc3df3.txt"
    with pytest.raises(RuntimeError):
        ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
    for model in (Report, Section, Source, Claim, Verdict, VerdictEvent):
        assert _count(engine, model) == 0, model.__name__


def test_first_verdicts_of_scattered_claims_are_the_ones_a_run_of_claims_gets(engine) -> None:
    """``initial_verdicts`` for ids that are not one run (concurrent writers interleaved on
    PostgreSQL's sequence: ``IN`` lists, not the prepared ``BETWEEN`` statements) writes the same
    verdict and event rows, and the same counts."""
    from sqlalchemy import text

    from storage.db import session_scope
    from storage.verdicts import initial_verdicts

    path = sorted(REPORTS_DIR.glob("*.txt"))[0]
    ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
    queries = {
        "verdict": "SELECT claim_id, status, reason, confidence, actor, note, snapshot_id, evidence_digest, "
        "conflicts_with, needs_review, machine_status, machine_reason FROM verdict ORDER BY claim_id",
        "event": "SELECT claim_id, status, reason, confidence, actor, note, snapshot_id, evidence_digest, details "
        "FROM verdictevent ORDER BY claim_id",
        "counts": "SELECT status, reason, checkworthy, SUM(n) FROM verdictcount GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    }

    def state() -> dict[str, list[tuple[object, ...]]]:
        with engine.connect() as conn:
            return {name: [tuple(r) for r in conn.execute(text(q)).all()] for name, q in queries.items()}

    before = state()
    with session_scope(engine) as session:
        ids = [int(i) for i in session.execute(text("SELECT id FROM claim ORDER BY id")).scalars()]
        picked = ids[::2]
        assert len(picked) > 8  # more than four runs
        for table in ("verdictevent", "verdict"):
            session.execute(text(f"DELETE FROM {table} WHERE claim_id IN ({', '.join(map(str, picked))})"))
        initial_verdicts(session, picked)
    assert state() == before
