"""A page that stops answering re-opens its claims only after the re-check policy's retries, and its
old snapshots and evidence stay."""

from __future__ import annotations

from sqlmodel import Session, col, select

from storage.db import session_scope
from storage.ingest import ingest_report
from storage.models import Evidence, Snapshot, Source, Verdict, VerdictEvent
from tests.conftest import REPORTS_DIR, SOURCES_DIR
from verifier.archive import import_archive
from verifier.settings import get_settings
from verifier.verify import verify_claims

GLASSWING = "https://www.anthropic.com/news/project-glasswing"
SECTION_SOURCES = (GLASSWING, "https://red.anthropic.com/")  # everything section 2 of report 000 cites


def _fail(engine, failures: int) -> None:
    with session_scope(engine) as s:
        for src in s.exec(select(Source).where(col(Source.url).in_(SECTION_SOURCES))).all():
            src.state, src.consecutive_failures, src.last_status = "dead", failures, 404
            s.add(src)


def _glasswing_verdicts(engine) -> dict[int, tuple[str, str]]:
    with Session(engine) as s:
        src = s.exec(select(Source).where(Source.url == GLASSWING)).one()
        rows = s.exec(
            select(Verdict)
            .join(Evidence, col(Evidence.claim_id) == Verdict.claim_id)
            .join(Snapshot, col(Snapshot.id) == Evidence.snapshot_id)
            .where(Snapshot.source_id == src.id)
        ).all()
        return {v.claim_id: (v.status, v.reason) for v in rows}


def test_claims_stay_until_the_retries_are_spent_and_keep_their_evidence(sqlite_url: str) -> None:
    from storage.db import make_engine

    engine = make_engine(sqlite_url, cache=False)
    path = REPORTS_DIR / "000_65ced256adf7dc8c.txt"
    ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
    import_archive(engine, SOURCES_DIR)
    verify_claims(engine)
    before = _glasswing_verdicts(engine)
    assert any(status == "verified" for status, _ in before.values())

    with Session(engine) as s:
        n_events = len(s.exec(select(VerdictEvent)).all())
    _fail(engine, 1)  # one 404 each: within the policy's retries
    verify_claims(engine)
    assert _glasswing_verdicts(engine) == before
    with Session(engine) as s:
        assert len(s.exec(select(VerdictEvent)).all()) == n_events

    _fail(engine, get_settings().dead_after_failures)  # retries spent
    verify_claims(engine)
    with Session(engine) as s:
        after = {cid: s.get(Verdict, cid) for cid in before}
        # every claim that rested on these pages is re-opened: unverified, source unreachable
        assert {(v.status, v.reason) for v in after.values() if v} == {("unverified", "source_unreachable")}
        for cid, (status, _reason) in before.items():
            if status != "verified":
                continue
            assert s.exec(select(Evidence).where(Evidence.claim_id == cid)).all(), "old evidence must stay"
            reasons = [e.reason for e in s.exec(select(VerdictEvent).where(VerdictEvent.claim_id == cid)).all()]
            assert reasons[-1] == "source_unreachable" and "supported" in reasons
