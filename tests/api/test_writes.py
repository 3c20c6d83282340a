"""Writes that reach other parts: ingesting a real report, re-checking a source on a real local server."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.models import AuditEntry, Claim, Report, Snapshot, Source
from tests.api.conftest import bearer
from tests.api.factories import Seed
from tests.conftest import REPORTS_DIR
from tests.support.servers import LocalServer, Reply
from verifier.api import create_app
from verifier.settings import Settings


def test_post_report_ingests_a_sample_report(client: TestClient, seed: Seed, engine: Engine) -> None:
    path = sorted(REPORTS_DIR.glob("*.txt"))[0]
    h = bearer(seed.tokens["editor"])
    r = client.post("/api/reports", json={"name": path.name, "text": path.read_text(encoding="utf-8")}, headers=h)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["outcome"] == "new" and body["claims"] > 0
    again = client.post("/api/reports/upload", files={"file": (path.name, path.read_bytes(), "text/plain")}, headers=h)
    assert again.status_code == 202 and again.json()["outcome"] == "unchanged"
    job = again.json()["job"]
    deadline = time.monotonic() + 60
    while not job["finished"] and time.monotonic() < deadline:  # the background fetch + verify
        time.sleep(0.2)
        job = client.get(job["url"]).json()
    assert job["finished"] and job["report_id"] == body["report_id"], job
    with Session(engine) as s:
        assert len(s.exec(select(Claim).where(Claim.report_id == body["report_id"])).all()) == body["claims"]
        audit = s.exec(select(AuditEntry).where(AuditEntry.action == "report.ingest")).all()
    assert [a.actor for a in audit] == ["editor-1", "editor-1"]
    listed = {x["name"] for x in client.get("/api/reports").json()}
    assert path.name in listed


def test_recheck_fetches_from_a_real_server(settings: Settings, engine: Engine, seed: Seed) -> None:
    page = b"<html><head><title>OpenAI</title></head><body><p>OpenAI raised $400 million.</p></body></html>"
    with LocalServer({"/openai": lambda req: Reply(body=page)}) as srv:
        with Session(engine) as s:
            source = s.get(Source, seed.sources["ok"])
            assert source is not None
            source.url = srv.url("/openai")
            source.host = "127.0.0.1"
            s.add(source)
            s.commit()
        app = create_app(settings.model_copy(update={"allow_private_addresses": True, "max_retries": 0,
                                                     "respect_robots": False}), engine)
        with TestClient(app) as client:  # runs the lifespan: small thread pools for reads and re-checks
            body = {"source_ids": [seed.sources["ok"]]}
            assert client.post("/api/sources/recheck", json=body).status_code == 401
            assert client.post("/api/sources/recheck", json={"source_ids": [99999]},
                               headers=bearer(seed.tokens["editor"])).status_code == 404
            r = client.post("/api/sources/recheck", json=body, headers=bearer(seed.tokens["editor"]))
            assert r.status_code == 200, r.text
            assert srv.hits["/openai"] >= 1
            assert app.state.slow_limiter.total_tokens == 2
    with Session(engine) as s:
        snaps = s.exec(select(Snapshot).where(Snapshot.source_id == seed.sources["ok"])).all()
        audit = s.exec(select(AuditEntry).where(AuditEntry.action == "source.recheck")).one()
    assert any("$400 million" in snap.text for snap in snaps)
    assert audit.actor == "editor-1"
    assert client.get(f"/api/sources/{seed.sources['ok']}").json()["snapshots"] == len(snaps)


def test_nothing_partial_when_a_report_is_refused(client: TestClient, seed: Seed, engine: Engine) -> None:
    with Session(engine) as s:
        before = len(s.exec(select(Report)).all())
    r = client.post("/api/reports", json={"name": "big.txt", "text": "x" * 6_000_000},
                    headers=bearer(seed.tokens["admin"]))
    assert r.status_code == 413 and "limit" in r.json()["message"]
    with Session(engine) as s:
        assert len(s.exec(select(Report)).all()) == before


def test_a_report_over_the_claim_cap_is_refused_with_the_limit_named(
    settings: Settings, engine: Engine, seed: Seed
) -> None:
    from claims.errors import ReportError

    capped = TestClient(create_app(settings.model_copy(update={"max_report_claims": 50}), engine))
    with Session(engine) as s:
        before = len(s.exec(select(Report)).all())
    text = "# Funding\n\n" + "".join(f"Company {i} raised {i + 1} million dollars. " for i in range(200))
    r = capped.post("/api/reports", json={"name": "dump.md", "text": text}, headers=bearer(seed.tokens["editor"]))
    assert r.status_code == ReportError.http_status, r.text
    assert "more than 50 claims" in r.json()["message"]
    with Session(engine) as s:
        assert len(s.exec(select(Report)).all()) == before
