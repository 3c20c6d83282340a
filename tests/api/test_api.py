"""JSON API against a real database: filters, pagination, auth, review, exports, bad input."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.models import AuditEntry, Claim, Report, Verdict, VerdictEvent
from tests.api.conftest import bearer
from tests.api.factories import Seed


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/reports", "/api/claims", "/api/claims/{claim_id}", "/api/claims/{claim_id}/review",
                 "/api/sources", "/api/sources/recheck", "/api/export", "/api/queue"):
        assert path in paths
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "cdn." not in html and "https://" not in html.replace("https://schema", "")  # nothing remote
        for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            assert client.get(asset).status_code == 200, asset
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200


def test_reports_list_and_detail_have_counts(client: TestClient, seed: Seed) -> None:
    reports = {r["name"]: r for r in client.get("/api/reports").json()}
    assert reports["2026-04-13.txt"]["counts"] == {"verified": 1, "unverified": 2, "contradicted": 1}
    assert reports["2026-04-14.txt"]["claims"] == 1
    detail = client.get("/api/reports/2026-04-13.txt").json()
    assert detail["id"] == seed.reports["a"]
    assert [c["key_text"] for c in detail["claim_list"]] == ["4 亿美元", "900 亿美元", "Gemma 4 27B", "140 种语言"]
    assert {s["state"] for s in detail["sources"]} == {"ok", "changed"}
    assert detail["sources"][0]["state"] == "changed"  # unhealthy first
    assert client.get("/api/reports/nope.txt").status_code == 404


def test_claim_filters(client: TestClient, seed: Seed) -> None:
    def ids(**params: object) -> list[int]:
        return [c["id"] for c in client.get("/api/claims", params=params).json()["items"]]

    assert ids(status="contradicted") == [seed.claims["amount"]]
    assert ids(status="verified") == [seed.claims["valuation"]]
    assert set(ids(status="unverified")) == {seed.claims["version"], seed.claims["langs"], seed.claims["other"]}
    assert ids(reason="source_unreachable") == [seed.claims["other"]]
    assert ids(kind="version") == [seed.claims["version"]]
    assert ids(report="2026-04-14.txt") == [seed.claims["other"]]
    assert ids(report=str(seed.reports["b"])) == [seed.claims["other"]]
    assert ids(source=seed.sources["dead"]) == [seed.claims["other"]]
    assert set(ids(source=seed.sources["ok"])) == {seed.claims["amount"], seed.claims["valuation"]}
    assert ids(status="contradicted", kind="count") == []


def test_sort_by_confidence_and_paginate(client: TestClient, seed: Seed) -> None:
    first = client.get("/api/claims", params={"sort": "-confidence", "limit": 2}).json()
    assert first["total"] == 5 and first["next_offset"] == 2
    assert [c["confidence"] for c in first["items"]] == [0.9, 0.85]
    rest = client.get("/api/claims", params={"sort": "-confidence", "limit": 2, "offset": 4}).json()
    assert rest["next_offset"] is None and [c["confidence"] for c in rest["items"]] == [0.1]
    seen = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/claims", params={"sort": "confidence", "limit": 2, "offset": offset}).json()
        seen += [c["confidence"] for c in page["items"]]
        offset = page["next_offset"]
    assert seen == sorted(seen) and len(seen) == 5


def test_bad_filters_are_4xx_with_a_message(client: TestClient) -> None:
    r = client.get("/api/claims", params={"status": "maybe"})
    assert r.status_code == 422 and "unknown status" in r.json()["message"]
    assert client.get("/api/claims", params={"limit": 0}).status_code == 422
    assert client.get("/api/claims", params={"sort": "random"}).status_code == 422


def test_queue_puts_contradicted_first_then_unverified_by_reason(client: TestClient, seed: Seed) -> None:
    items = client.get("/api/queue").json()["items"]
    assert [(c["status"], c["reason"]) for c in items] == [
        ("contradicted", "value_mismatch"),
        ("unverified", "not_found_in_source"),
        ("unverified", "not_found_in_source"),
        ("unverified", "source_unreachable"),
    ]


def test_claim_detail_has_evidence_conflicts_history(client: TestClient, seed: Seed) -> None:
    d = client.get(f"/api/claims/{seed.claims['amount']}").json()
    assert d["status"] == "contradicted" and d["values"][0]["value"] == 4e8
    ev = d["evidence"][0]
    assert ev["matched_value"] == "$4 million" and ev["url"] == "https://example.com/openai"
    s, e = ev["highlight"][0]
    assert ev["passage"][s:e] == "$4 million"
    assert [c["id"] for c in d["conflicts"]] == [seed.claims["other"]]
    assert [(h["status"], h["reason"]) for h in d["history"]] == [
        ("unverified", "not_checked"), ("contradicted", "value_mismatch")]
    assert client.get("/api/claims/999999").status_code == 404


def test_sources_dead_and_changed_first(client: TestClient, seed: Seed) -> None:
    states = [s["state"] for s in client.get("/api/sources").json()]
    assert states == ["dead", "changed", "ok"]
    detail = client.get(f"/api/sources/{seed.sources['ok']}").json()
    assert detail["snapshots"] == 1 and detail["snapshot_list"][0]["title"] == "OpenAI raises"


def test_review_needs_the_right_token(client: TestClient, seed: Seed, engine: Engine) -> None:
    url = f"/api/claims/{seed.claims['amount']}/review"
    body = {"status": "verified", "note": "page was updated; $400 million is right"}
    assert client.post(url, json=body).status_code == 401
    r = client.post(url, json=body, headers=bearer("cl_not-a-real-token"))
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.post(url, json=body, headers={"Authorization": "Basic abc"}).status_code == 401
    assert client.post(url, json=body, headers=bearer(seed.tokens["editor"])).status_code == 403
    with Session(engine) as s:  # nothing written by the refused requests
        assert s.get(Verdict, seed.claims["amount"]).status == "contradicted"  # type: ignore[union-attr]
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "claim.review")).all() == []
    r = client.post(url, json=body, headers=bearer(seed.tokens["reviewer"]))
    assert r.status_code == 200, r.text
    assert r.json()["before"]["status"] == "contradicted" and r.json()["after"]["status"] == "verified"
    d = client.get(f"/api/claims/{seed.claims['amount']}").json()
    assert (d["status"], d["actor"], d["reason"]) == ("verified", "reviewer-1", "reviewer_override")
    assert d["history"][-1]["note"] == body["note"]
    assert d["audit"][0]["before"]["status"] == "contradicted" and d["audit"][0]["actor"] == "reviewer-1"


def test_review_validation(client: TestClient, seed: Seed) -> None:
    url = f"/api/claims/{seed.claims['amount']}/review"
    h = bearer(seed.tokens["reviewer"])
    assert client.post(url, json={"status": "true"}, headers=h).status_code == 422
    r = client.post(url, json={"status": "verified", "note": "  "}, headers=h)
    assert r.status_code == 422 and "needs a note" in r.json()["message"]
    assert client.post(url, json={"status": "contradicted"}, headers=h).status_code == 200  # confirming
    assert client.post("/api/claims/999999/review", json={"status": "verified", "note": "x"}, headers=h).status_code == 404


def test_revoked_token_is_refused(client: TestClient, seed: Seed, engine: Engine) -> None:
    from storage.models import ApiToken
    from verifier.auth import hash_token, revoke_token

    with Session(engine) as s:
        tid = s.exec(select(ApiToken.id).where(ApiToken.token_hash == hash_token(seed.tokens["reviewer"]))).one()
    revoke_token(engine, tid)  # type: ignore[arg-type]
    r = client.post(f"/api/claims/{seed.claims['amount']}/review", json={"status": "contradicted"},
                    headers=bearer(seed.tokens["reviewer"]))
    assert r.status_code == 401


def test_read_can_require_a_token(settings, engine: Engine, seed: Seed) -> None:  # type: ignore[no-untyped-def]
    from verifier.api import create_app

    closed = TestClient(create_app(settings.model_copy(update={"read_requires_token": True}), engine))
    assert closed.get("/api/claims").status_code == 401
    assert closed.get("/api/claims", headers=bearer(seed.tokens["editor"])).status_code == 200
    assert closed.get("/", follow_redirects=False).status_code == 303  # pages send you to log in


def test_post_report_ingests_or_refuses_cleanly(client: TestClient, seed: Seed, engine: Engine) -> None:
    h = bearer(seed.tokens["editor"])
    with Session(engine) as s:
        before = len(s.exec(select(Report)).all()), len(s.exec(select(Claim)).all())
    assert client.post("/api/reports", json={"name": "x.txt", "text": "hi"}).status_code == 401
    assert client.post("/api/reports", json={"name": "x.txt", "text": "hi"},
                       headers=bearer(seed.tokens["reviewer"])).status_code == 403
    r = client.post("/api/reports", json={"name": "empty.txt", "text": "   \n"}, headers=h)
    assert r.status_code == 422 and "empty" in r.json()["message"]
    r = client.post("/api/reports", json={"name": "../etc/passwd", "text": "x"}, headers=h)
    assert r.status_code == 422
    r = client.post("/api/reports/upload", files={"file": ("bin.txt", b"\x00\x01\x02binary", "text/plain")},
                    headers=h)
    assert r.status_code == 422
    r = client.post("/api/reports/upload", files={"file": ("latin.txt", "café".encode("latin-1"), "text/plain")},
                    headers=h)
    assert r.status_code == 422
    with Session(engine) as s:
        assert (len(s.exec(select(Report)).all()), len(s.exec(select(Claim)).all())) == before


def test_exports(client: TestClient, seed: Seed) -> None:
    data = client.get("/api/export", params={"format": "json"}).json()
    assert {c["id"] for c in data["claims"]} == set(seed.claims.values())
    csv_text = client.get("/api/export", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,report,start,end")
    assert len(csv_text.strip().splitlines()) == 6


def test_claimreview_export_has_schema_org_shape(client: TestClient, seed: Seed) -> None:
    assert client.get("/api/export", params={"format": "claimreview"}).json()["@graph"] == []
    client.post(f"/api/claims/{seed.claims['amount']}/review", json={"status": "contradicted", "note": "checked"},
                headers=bearer(seed.tokens["reviewer"]))
    r = client.get("/api/export", params={"format": "claimreview"})
    assert r.headers["content-type"].startswith("application/ld+json")
    doc = r.json()
    assert doc["@context"] == "https://schema.org"
    (review,) = doc["@graph"]
    assert review["@type"] == "ClaimReview"
    assert review["url"].endswith(f"/claims/{seed.claims['amount']}")
    assert "4 亿美元" in review["claimReviewed"]
    assert review["author"] == {"@type": "Organization", "name": "claimledger"}  # the publisher, not a person
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["appearance"]["@type"] == "CreativeWork"
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "Contradicted"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["datePublished"][:4].isdigit()


def test_history_is_appended_not_rewritten(client: TestClient, seed: Seed, engine: Engine) -> None:
    cid = seed.claims["version"]
    h = bearer(seed.tokens["admin"])
    client.post(f"/api/claims/{cid}/review", json={"status": "verified", "note": "found it on the model card"}, headers=h)
    client.post(f"/api/claims/{cid}/review", json={"status": "contradicted", "note": "card says 26B"}, headers=h)
    with Session(engine) as s:
        events = s.exec(select(VerdictEvent).where(VerdictEvent.claim_id == cid).order_by(VerdictEvent.id)).all()
        audits = s.exec(select(AuditEntry).where(AuditEntry.object_type == "claim", AuditEntry.object_id == str(cid))).all()
    assert [e.status for e in events] == ["unverified", "unverified", "verified", "contradicted"]
    assert len(audits) == 2


def test_queue_pages_cross_from_contradicted_to_unverified(client: TestClient, seed: Seed) -> None:
    full = [c["id"] for c in client.get("/api/queue").json()["items"]]
    paged = []
    for offset in range(0, 5):
        page = client.get("/api/queue", params={"limit": 1, "offset": offset}).json()
        assert page["total"] == 4
        paged += [c["id"] for c in page["items"]]
    assert paged == full and len(full) == 4
    two = client.get("/api/queue", params={"limit": 2, "offset": 1}).json()["items"]
    assert [c["id"] for c in two] == full[1:3]


def test_needs_review_claims_follow_contradicted_in_the_queue(client: TestClient, seed: Seed, engine: Engine) -> None:
    from storage.db import session_scope
    from storage.verdicts import VerdictUpdate, record_verdict

    cid = seed.claims["valuation"]
    h = bearer(seed.tokens["reviewer"])
    assert client.post(f"/api/claims/{cid}/review", json={"status": "verified", "note": "ok"}, headers=h).status_code == 200
    with session_scope(engine) as s:  # the machine later disagrees (a source changed)
        record_verdict(s, cid, VerdictUpdate("contradicted", "value_mismatch", 0.8))
    client.app.state.counts.clear()  # type: ignore[attr-defined]  # written behind the app's back
    items = client.get("/api/queue").json()["items"]
    assert items[0]["status"] == "contradicted"  # most urgent first: contradicted, then needs review
    assert items[1]["id"] == cid and items[1]["needs_review"] and items[1]["status"] == "verified"
    assert items[1]["review_state"] == "unreviewed"  # a source moved under the review: back in the queue
    assert [c["id"] for c in client.get("/api/queue", params={"needs_review": True}).json()["items"]] == [cid]
    assert client.get("/api/queue").json()["total"] == 5
    html = client.get("/", params={"status": "needs_review"}).text
    assert "needs review</span>" in html and f'/claims/{cid}"' in html
