"""storage.sources queries against a ledger holding a real ingested report."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

from storage.db import session_scope
from storage.ingest import ingest_report
from storage.sources import due_sources, find_source, latest_snapshot, sources_for_report, upsert_source_url
from tests.conftest import REPORTS_DIR, SOURCES_DIR
from verifier.archive import import_archive


def test_report_sources_due_and_latest(engine: Engine) -> None:
    path = sorted(REPORTS_DIR.glob("*.txt"))[0]
    ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC)
    with session_scope(engine) as s:
        cited = sources_for_report(s, path.name)
        assert cited and len({c.id for c in cited}) == len(cited)
        assert sources_for_report(s, "no-such-report.txt") == []
        due = due_sources(s, now)
        assert {d.id for d in due} == {c.id for c in cited if c.state != "malformed"}
    import_archive(engine, SOURCES_DIR)
    with session_scope(engine) as s:
        # a capture schedules the next check from its own time (April): months later it is due again
        for c in sources_for_report(s, path.name):
            if c.state != "malformed":
                assert c.last_checked_at is not None and c.next_check_at is not None
                assert c.next_check_at.replace(tzinfo=None) > c.last_checked_at.replace(tzinfo=None)
        assert not [
            d for d in due_sources(s, dt.datetime(2026, 4, 16, 8, 1, tzinfo=dt.UTC)) if d.state != "new"
        ]
        ok = [c for c in sources_for_report(s, path.name) if c.state == "ok"]
        assert ok
        snap = latest_snapshot(s, ok[0].id or 0)
        assert snap is not None and snap.text
        # the same URL written differently is the same source
        src = ok[0]
        messy = f"  <{src.url.replace('https://', 'HTTPS://')}#frag>  "
        assert find_source(s, messy) is not None and find_source(s, messy).id == src.id  # type: ignore[union-attr]
        assert upsert_source_url(s, messy).id == src.id
        bad = upsert_source_url(s, "ps://broken link")
        assert bad.state == "malformed"
